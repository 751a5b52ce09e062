//! The help desk's shared vocabulary: the 2015 ticket categories (A–R), ticket statuses, and
//! the rules a new ticket and a message must pass. The server checks the same rules the page
//! shows.

use crate::form::Bagian;
use crate::kode::coded;
use crate::{DaftarKode, ErrorCode, Lang};

coded! {
    /// The 2015 HDS categories; the routing table (`hds_rute`) says which office answers each.
    pub enum Kategori {
        BedaNama = "A",
        BedaInstansi = "B",
        DataPensiun = "C",
        DataDiberhentikan = "D",
        TidakAdaDiDatabase = "E",
        UnorTidakAda = "F",
        PendidikanTidakAda = "G",
        JftTidakAda = "H",
        JfuTidakAda = "I",
        LokasiTidakAda = "J",
        SekolahTidakAda = "K",
        UnitKesehatanTidakAda = "L",
        BidangSpesialisTidakAda = "M",
        MataPelajaranTidakAda = "N",
        DiklatFungsionalTidakAda = "O",
        TurunStatus = "P",
        PendaftaranMenunggu = "Q",
        TambahVerifikatorL1 = "R",
    }
}

impl Kategori {
    pub fn nama(self, lang: Lang) -> &'static str {
        use Kategori::*;
        let (id, en) = match self {
            BedaNama => ("Beda nama dengan data master", "Name differs from the master"),
            BedaInstansi => ("Beda instansi (pindah instansi)", "Agency differs (transfer)"),
            DataPensiun => ("Data tercatat pensiun", "Record marked retired"),
            DataDiberhentikan => ("Data tercatat diberhentikan", "Record marked dismissed"),
            TidakAdaDiDatabase => ("Data tidak ada dalam database", "Record not in the database"),
            UnorTidakAda => ("Unit organisasi tidak ditemukan", "Unit not found"),
            PendidikanTidakAda => ("Pendidikan tidak ditemukan", "Education not found"),
            JftTidakAda => ("Jabatan fungsional tertentu tidak ditemukan", "Functional position (JFT) not found"),
            JfuTidakAda => ("Jabatan fungsional umum tidak ditemukan", "General position (JFU) not found"),
            LokasiTidakAda => ("Lokasi tidak ditemukan", "Location not found"),
            SekolahTidakAda => ("Sekolah tidak ditemukan", "School not found"),
            UnitKesehatanTidakAda => ("Unit kesehatan tidak ditemukan", "Health facility not found"),
            BidangSpesialisTidakAda => ("Bidang spesialis tidak ditemukan", "Specialism not found"),
            MataPelajaranTidakAda => ("Mata pelajaran tidak ditemukan", "School subject not found"),
            DiklatFungsionalTidakAda => ("Diklat fungsional tidak ditemukan", "Functional training not found"),
            TurunStatus => ("Turun status (buka kunci usulan)", "Unlock a sent proposal"),
            PendaftaranMenunggu => ("Pendaftaran menunggu verifikasi", "Registration waiting for approval"),
            TambahVerifikatorL1 => ("Tambah verifikator level 1", "Add a level-1 verifier"),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

impl Kategori {
    /// The evidence an officer needs to settle a ticket of this category, as the PNS is asked
    /// for it (`None`: the ticket's text is enough).
    pub fn bukti(self, lang: Lang) -> Option<&'static str> {
        use Kategori::*;
        let (id, en) = match self {
            BedaNama => (
                "scan SK CPNS/PNS atau dokumen resmi yang memuat nama yang benar",
                "a scan of the appointment decree or an official document with the right name",
            ),
            BedaInstansi => ("scan SK pindah instansi", "a scan of the transfer decree"),
            DataPensiun | DataDiberhentikan => (
                "scan SK terakhir atau surat keterangan masih aktif dari instansi",
                "a scan of the latest decree or the agency's letter that you still serve",
            ),
            TidakAdaDiDatabase => ("scan SK CPNS dan SK PNS", "scans of the CPNS and PNS decrees"),
            PendidikanTidakAda => ("scan ijazah", "a scan of the diploma"),
            JftTidakAda | JfuTidakAda => ("scan SK jabatan", "a scan of the position decree"),
            BidangSpesialisTidakAda => {
                ("scan ijazah atau sertifikat spesialis", "a scan of the specialist diploma or certificate")
            }
            MataPelajaranTidakAda => {
                ("scan sertifikat pendidik atau SK mengajar", "a scan of the teacher certificate or teaching decree")
            }
            DiklatFungsionalTidakAda => ("scan sertifikat diklat", "a scan of the training certificate"),
            _ => return None,
        };
        Some(match lang {
            Lang::Id => id,
            Lang::En => en,
        })
    }

    /// What someone without an account can report from registration, about the masked name
    /// and instansi it shows: a wrong name, another instansi, a record marked retired or
    /// dismissed.
    pub const FROM_REGISTRATION: [Kategori; 4] =
        [Kategori::BedaNama, Kategori::BedaInstansi, Kategori::DataPensiun, Kategori::DataDiberhentikan];
}

impl Kategori {
    /// The category a "[?]" on a field most likely belongs to: a missing reference entry by
    /// the list the field picks from, a wrong name in Data Utama. `None`: the PNS chooses.
    pub fn for_field(bagian: Bagian, key: &str, list: Option<DaftarKode>) -> Option<Kategori> {
        use Kategori::*;
        match (bagian, key, list) {
            (Bagian::DataUtama, "nama", _) => Some(BedaNama),
            (_, "unor", _) => Some(UnorTidakAda),
            (Bagian::Guru, "sekolah", _) => Some(SekolahTidakAda),
            (Bagian::Dokter, "unit_kesehatan", _) => Some(UnitKesehatanTidakAda),
            (_, _, Some(DaftarKode::Jurusan | DaftarKode::TingkatPendidikan)) => Some(PendidikanTidakAda),
            (_, _, Some(DaftarKode::Jft)) => Some(JftTidakAda),
            (_, _, Some(DaftarKode::Jfu)) => Some(JfuTidakAda),
            (_, _, Some(DaftarKode::KabupatenKota | DaftarKode::Negara)) => Some(LokasiTidakAda),
            (_, _, Some(DaftarKode::BidangSpesialis)) => Some(BidangSpesialisTidakAda),
            (_, _, Some(DaftarKode::MataPelajaran)) => Some(MataPelajaranTidakAda),
            (_, _, Some(DaftarKode::DiklatFungsional)) => Some(DiklatFungsionalTidakAda),
            _ => None,
        }
    }
}

/// The field of the form a new ticket is about ("[?]" in the form): the ticket flags it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Isian {
    pub bagian: Bagian,
    /// The entry's id, in a list section.
    pub entri: Option<String>,
    pub field: String,
}

/// A "[?]" flag as the new-ticket page shows it, to fill the ticket in: the field, the value
/// the master holds and the value in the PNS's form (code values by name).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DariTanda {
    pub tanda_id: String,
    pub bagian: Bagian,
    pub field: String,
    pub keterangan: String,
    pub nilai_master: String,
    pub nilai_usulan: String,
    pub kategori: Option<Kategori>,
    /// The codes a code field may take, with their names (empty for a typed field).
    #[serde(default)]
    pub pilihan: Vec<(String, String)>,
}

/// Fields a help-desk officer may not correct in the master: they make the NIP, so changing
/// them is a verified proposal's work.
pub const KOREKSI_LEWAT_USULAN: &[&str] = &["tanggal_lahir", "jenis_kelamin"];

impl Kategori {
    /// Categories where the master itself is wrong (A–E): an officer may correct it.
    pub fn corrects_master(self) -> bool {
        use Kategori::*;
        matches!(self, BedaNama | BedaInstansi | DataPensiun | DataDiberhentikan | TidakAdaDiDatabase)
    }
}

impl Kategori {
    /// Categories where an entry was missing from a list (F–O): once it is added, the officer
    /// names it and the PNS is told to choose it.
    pub fn adds_reference(self) -> bool {
        use Kategori::*;
        matches!(
            self,
            UnorTidakAda
                | PendidikanTidakAda
                | JftTidakAda
                | JfuTidakAda
                | LokasiTidakAda
                | SekolahTidakAda
                | UnitKesehatanTidakAda
                | BidangSpesialisTidakAda
                | MataPelajaranTidakAda
                | DiklatFungsionalTidakAda
        )
    }
}

impl DariTanda {
    /// An officer may correct this field in the master (not one that makes the NIP).
    pub fn correctable(&self) -> bool {
        !KOREKSI_LEWAT_USULAN.contains(&self.field.as_str())
    }

    /// The field's label in `lang` ("Data Utama › Nama").
    pub fn label(&self, lang: Lang) -> String {
        self.bagian.field_label(&self.field, lang)
    }

    /// The subject and description the ticket starts with; the PNS may change both.
    pub fn prefill(&self, lang: Lang) -> (String, String) {
        let label = self.label(lang);
        let subjek: String = format!("[?] {label}").chars().take(SUBJEK_MAX).collect();
        let (master, usulan, empty) = match lang {
            Lang::Id => ("Data master", "Isian saya", "(kosong)"),
            Lang::En => ("Master data", "My entry", "(empty)"),
        };
        let shown = |v: &str| if v.trim().is_empty() { empty.to_owned() } else { v.to_owned() };
        let uraian = format!(
            "{label}\n{master}: {}\n{usulan}: {}\n\n{}",
            shown(&self.nilai_master),
            shown(&self.nilai_usulan),
            self.keterangan
        );
        (subjek, uraian.chars().take(PESAN_MAX).collect())
    }
}

coded! {
    /// Where a ticket stands.
    pub enum StatusTiket {
        /// Raised, nobody has opened it.
        Baru = "baru",
        /// An officer is working on it.
        Dibuka = "dibuka",
        /// The officer asked the PNS something.
        MenungguPns = "menunggu_pns",
        /// Solved; the PNS may still reply (it reopens) or close it.
        Selesai = "selesai",
        Ditutup = "ditutup",
    }
}

impl StatusTiket {
    pub fn nama(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            StatusTiket::Baru => ("Baru", "New"),
            StatusTiket::Dibuka => ("Dibuka", "Open"),
            StatusTiket::MenungguPns => ("Menunggu PNS", "Waiting for the PNS"),
            StatusTiket::Selesai => ("Selesai", "Solved"),
            StatusTiket::Ditutup => ("Ditutup", "Closed"),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// Still needs an officer (counts for the inbox and the SLA clocks).
    pub fn aktif(self) -> bool {
        matches!(self, StatusTiket::Baru | StatusTiket::Dibuka | StatusTiket::MenungguPns)
    }
}

pub const SUBJEK_MIN: usize = 5;
pub const SUBJEK_MAX: usize = 150;
pub const URAIAN_MIN: usize = 10;
pub const PESAN_MAX: usize = 4000;

/// Trimmed length between `min` (else `too_short`; nothing at all is `FieldRequired`) and `max`.
fn check_length(text: &str, min: usize, max: usize, too_short: ErrorCode) -> Result<(), ErrorCode> {
    match text.trim().chars().count() {
        0 => Err(ErrorCode::FieldRequired),
        n if n < min => Err(too_short),
        n if n > max => Err(ErrorCode::TextTooLong),
        _ => Ok(()),
    }
}

/// One line: no control characters at all.
fn check_one_line(text: &str) -> Result<(), ErrorCode> {
    if text.chars().any(char::is_control) {
        Err(ErrorCode::TextCharacters)
    } else {
        Ok(())
    }
}

/// A subject: 5–150 characters of one line.
pub fn check_subjek(subjek: &str) -> Result<(), ErrorCode> {
    check_length(subjek, SUBJEK_MIN, SUBJEK_MAX, ErrorCode::TicketSubjectShort)?;
    check_one_line(subjek)
}

/// A description of the problem: at least 10 characters, at most 4,000.
pub fn check_uraian(uraian: &str) -> Result<(), ErrorCode> {
    check_length(uraian, URAIAN_MIN, PESAN_MAX, ErrorCode::TicketDescriptionShort)?;
    check_pesan(uraian)
}

/// A message in a ticket's conversation: 1–4,000 characters; shown as text, never HTML.
pub fn check_pesan(isi: &str) -> Result<(), ErrorCode> {
    let n = isi.trim().chars().count();
    if n == 0 {
        Err(ErrorCode::FieldRequired)
    } else if n > PESAN_MAX {
        Err(ErrorCode::TextTooLong)
    } else if isi.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        Err(ErrorCode::TextCharacters)
    } else {
        Ok(())
    }
}

pub const ALASAN_MIN: usize = 10;
pub const ALASAN_MAX: usize = 1000;
pub const JUDUL_MIN: usize = 3;
pub const JUDUL_MAX: usize = 80;

/// Why a ticket goes to another office: 10–1,000 characters, for the officers who receive it.
pub fn check_alasan(alasan: &str) -> Result<(), ErrorCode> {
    check_length(alasan, ALASAN_MIN, ALASAN_MAX, ErrorCode::TransferReasonShort)?;
    check_pesan(alasan)
}

/// Who answers a category, as a row of the routing table names it: the Kanreg of the PNS's
/// region, a national office, the instansi's BKD/Ropeg or its PUPNS admin. On the wire and in
/// forms: `kanreg`, `kantor:<id>`, `bkd`, `admin_instansi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TujuanRute {
    Kanreg,
    Kantor(i16),
    Bkd,
    AdminInstansi,
}

impl TujuanRute {
    pub fn kode(self) -> String {
        match self {
            TujuanRute::Kanreg => "kanreg".into(),
            TujuanRute::Kantor(id) => format!("kantor:{id}"),
            TujuanRute::Bkd => "bkd".into(),
            TujuanRute::AdminInstansi => "admin_instansi".into(),
        }
    }

    pub fn parse(kode: &str) -> Option<TujuanRute> {
        match kode {
            "kanreg" => Some(TujuanRute::Kanreg),
            "bkd" => Some(TujuanRute::Bkd),
            "admin_instansi" => Some(TujuanRute::AdminInstansi),
            _ => kode.strip_prefix("kantor:")?.parse().ok().map(TujuanRute::Kantor),
        }
    }
}

/// One row of the help desk's routing table: tickets of `kategori` from a PNS of a `pusat` or
/// `daerah` instansi (for B: of the instansi moved to, and whether the move crosses a
/// province) go to `tujuan`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AturanRute {
    pub kategori: Kategori,
    pub jenis_instansi: String,
    pub antar_provinsi: Option<bool>,
    pub tujuan: TujuanRute,
}

/// The routing table with the national offices a row may name (id, name).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TabelRute {
    pub aturan: Vec<AturanRute>,
    pub kantor: Vec<(i16, String)>,
}

/// The categories the instansi admin answers: their inbox reaches these only.
pub const KATEGORI_ADMIN: [Kategori; 4] =
    [Kategori::UnorTidakAda, Kategori::SekolahTidakAda, Kategori::UnitKesehatanTidakAda, Kategori::TambahVerifikatorL1];

impl AturanRute {
    /// A row that can route: the instansi admin only for their categories, a Kanreg only for
    /// regional instansi (a central one has no region).
    pub fn check(&self) -> Result<(), ErrorCode> {
        if self.tujuan == TujuanRute::AdminInstansi && !KATEGORI_ADMIN.contains(&self.kategori) {
            return Err(ErrorCode::RouteAdminCategories);
        }
        if self.tujuan == TujuanRute::Kanreg && self.jenis_instansi == "pusat" {
            return Err(ErrorCode::RouteKanregForCentral);
        }
        Ok(())
    }
}

/// A category's SLA clocks as admin BKN sets them: hours to the first answer and to solving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sla {
    pub kategori: Kategori,
    pub jawab_jam: i32,
    pub selesai_jam: i32,
}

/// Longest SLA clock: 90 days.
pub const SLA_MAX_JAM: i32 = 90 * 24;

/// Both clocks within 1 hour–90 days, and solving allowed no less time than answering.
pub fn check_sla(jawab_jam: i32, selesai_jam: i32) -> Result<(), ErrorCode> {
    let range = 1..=SLA_MAX_JAM;
    if !range.contains(&jawab_jam) || !range.contains(&selesai_jam) {
        return Err(ErrorCode::SlaHoursRange);
    }
    if selesai_jam < jawab_jam {
        return Err(ErrorCode::SlaSolveBeforeAnswer);
    }
    Ok(())
}

/// A canned reply's title: 3–80 characters of one line.
pub fn check_judul(judul: &str) -> Result<(), ErrorCode> {
    check_length(judul, JUDUL_MIN, JUDUL_MAX, ErrorCode::TemplateTitleShort)?;
    check_one_line(judul)
}

/// The rating a PNS gives a solved ticket: 1–5.
pub fn check_nilai(nilai: i16) -> Result<(), ErrorCode> {
    if (1..=5).contains(&nilai) {
        Ok(())
    } else {
        Err(ErrorCode::BadRequest)
    }
}

/// A ticket in a list (the PNS's own, or an officer's inbox).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TiketRingkas {
    pub id: String,
    pub nomor: String,
    pub kategori: Kategori,
    pub subjek: String,
    pub status: StatusTiket,
    pub nip: String,
    pub nama: String,
    /// The officer who took it.
    pub petugas: Option<String>,
    /// Raised at, WIB (`YYYY-MM-DD HH:MM`).
    pub dibuat: String,
    /// Minutes since it was raised (for an open ticket) or until it was solved.
    pub umur_menit: i64,
    /// Past its SLA: no first answer, or not solved, in time.
    pub terlambat: bool,
    /// Messages the reader has not read yet.
    pub belum_dibaca: i64,
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Dari {
    Pns,
    Petugas,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pesan {
    pub id: i64,
    pub dari: Dari,
    pub nama: String,
    pub isi: String,
    /// An officers' note: never sent to the PNS.
    pub internal: bool,
    pub waktu: String,
}

/// Files a ticket may carry (the PNS's evidence and officers' answers together); each is
/// checked like a form document (`form::dokumen`: PDF, JPEG or PNG, 5 MB at most).
pub const LAMPIRAN_PER_TIKET: usize = 10;

/// A file attached to a ticket.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lampiran {
    pub id: String,
    pub nama_file: String,
    pub jenis: String,
    pub ukuran: i64,
    pub dari: Dari,
    /// Who attached it.
    pub nama: String,
    pub waktu: String,
}

/// One ticket with its conversation, as its reader may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TiketDetail {
    pub ringkas: TiketRingkas,
    pub uraian: String,
    /// Who answers it: the office or the instansi's BKD/admin, by name.
    pub penerima: String,
    pub pesan: Vec<Pesan>,
    pub nilai: Option<i16>,
    /// Transfers between offices, oldest first (officers only; empty for the PNS).
    #[serde(default)]
    pub pengalihan: Vec<Pengalihan>,
    /// The "[?]" flag it was raised from, with the field's values (officers only).
    #[serde(default)]
    pub tanda: Option<DariTanda>,
    /// Its attachments, oldest first.
    #[serde(default)]
    pub lampiran: Vec<Lampiran>,
}

/// A transfer of a ticket to another office.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pengalihan {
    pub dari: String,
    pub ke: String,
    pub alasan: String,
    pub oleh: String,
    pub waktu: String,
}

/// One choice in a list: a colleague (account id) or an office (`Penerima` code).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Opsi {
    pub kode: String,
    pub nama: String,
}

/// A canned reply of the officer's office.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Templat {
    pub id: String,
    pub judul: String,
    pub isi: String,
}

/// What an officer may do with a ticket besides answering it: hand it to a colleague, send
/// it to another office, or answer with one of the office's canned replies.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PilihanPetugas {
    pub rekan: Vec<Opsi>,
    pub tujuan: Vec<Opsi>,
    pub templat: Vec<Templat>,
}

/// What the live stream says happened; the page then asks for what changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Kabar {
    pub nomor: i64,
    pub tiket_id: String,
    pub jenis: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_a_code_from_a_to_r_and_two_names() {
        let codes: String = Kategori::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, "ABCDEFGHIJKLMNOPQR");
        for k in Kategori::ALL {
            assert_ne!(k.nama(Lang::Id), k.nama(Lang::En));
        }
    }

    #[test]
    fn subjects_descriptions_and_messages_are_checked() {
        assert_eq!(check_subjek("  "), Err(ErrorCode::FieldRequired));
        assert_eq!(check_subjek("Nama"), Err(ErrorCode::TicketSubjectShort));
        assert_eq!(check_subjek(&"x".repeat(151)), Err(ErrorCode::TextTooLong));
        assert_eq!(check_subjek("Nama\nsalah"), Err(ErrorCode::TextCharacters));
        assert_eq!(check_subjek("Nama saya salah"), Ok(()));
        assert_eq!(check_uraian("pendek"), Err(ErrorCode::TicketDescriptionShort));
        assert_eq!(check_uraian("Nama di SK berbeda.\nMohon dibetulkan."), Ok(()));
        assert_eq!(check_pesan(&"é".repeat(4000)), Ok(()));
        assert_eq!(check_pesan(&"é".repeat(4001)), Err(ErrorCode::TextTooLong));
        assert_eq!(check_pesan("a\u{0}b"), Err(ErrorCode::TextCharacters));
        assert_eq!(check_alasan("salah"), Err(ErrorCode::TransferReasonShort));
        assert_eq!(check_alasan("Kategori B, bukan wilayah kami."), Ok(()));
        assert_eq!(check_judul("ok"), Err(ErrorCode::TemplateTitleShort));
        assert_eq!(check_judul("Minta SK\nterbaru"), Err(ErrorCode::TextCharacters));
        assert_eq!(check_judul("Minta SK terbaru"), Ok(()));
        assert_eq!(check_nilai(0), Err(ErrorCode::BadRequest));
        assert_eq!(check_nilai(5), Ok(()));
    }

    #[test]
    fn a_flag_suggests_its_category_and_fills_the_ticket() {
        assert_eq!(Kategori::for_field(Bagian::DataUtama, "nama", None), Some(Kategori::BedaNama));
        assert_eq!(
            Kategori::for_field(Bagian::DataPosisi, "jabatan", Some(DaftarKode::Jfu)),
            Some(Kategori::JfuTidakAda)
        );
        assert_eq!(Kategori::for_field(Bagian::DataUtama, "agama", Some(DaftarKode::Agama)), None);
        let dari = DariTanda {
            tanda_id: "t".into(),
            bagian: Bagian::DataUtama,
            field: "nama".into(),
            keterangan: "Nama di SK CPNS memakai ejaan lama.".into(),
            nilai_master: "BUDI SANTOSO".into(),
            nilai_usulan: String::new(),
            kategori: Some(Kategori::BedaNama),
            pilihan: Vec::new(),
        };
        let (subjek, uraian) = dari.prefill(Lang::Id);
        assert_eq!(check_subjek(&subjek), Ok(()));
        assert_eq!(check_uraian(&uraian), Ok(()));
        assert!(uraian.contains("Data master: BUDI SANTOSO") && uraian.contains("Isian saya: (kosong)"), "{uraian}");
        assert!(
            dari.correctable() && Kategori::BedaNama.corrects_master() && !Kategori::UnorTidakAda.corrects_master()
        );
        assert!(!DariTanda { field: "tanggal_lahir".into(), ..dari }.correctable(), "the NIP's fields need a proposal");
    }

    #[test]
    fn missing_entries_are_f_to_o_and_no_category_is_both_kinds() {
        let adds: String = Kategori::ALL.iter().filter(|k| k.adds_reference()).map(|k| k.code()).collect();
        assert_eq!(adds, "FGHIJKLMNO");
        assert!(Kategori::ALL.iter().all(|k| !(k.adds_reference() && k.corrects_master())));
    }

    #[test]
    fn master_data_categories_ask_for_evidence_in_both_languages() {
        for k in Kategori::ALL.iter().filter(|k| k.corrects_master()) {
            assert!(k.bukti(Lang::Id).is_some() && k.bukti(Lang::En) != k.bukti(Lang::Id), "{k:?}");
        }
        assert_eq!(Kategori::TurunStatus.bukti(Lang::Id), None);
    }

    #[test]
    fn a_route_names_a_destination_that_can_answer() {
        for t in [TujuanRute::Kanreg, TujuanRute::Kantor(104), TujuanRute::Bkd, TujuanRute::AdminInstansi] {
            assert_eq!(TujuanRute::parse(&t.kode()), Some(t));
        }
        assert_eq!(TujuanRute::parse("kantor:x"), None);
        assert_eq!(TujuanRute::parse("lain"), None);
        let rule = |kategori, jenis: &str, tujuan| AturanRute {
            kategori,
            jenis_instansi: jenis.into(),
            antar_provinsi: None,
            tujuan,
        };
        assert_eq!(rule(Kategori::UnorTidakAda, "daerah", TujuanRute::AdminInstansi).check(), Ok(()));
        assert_eq!(
            rule(Kategori::BedaNama, "daerah", TujuanRute::AdminInstansi).check(),
            Err(ErrorCode::RouteAdminCategories)
        );
        assert_eq!(
            rule(Kategori::BedaNama, "pusat", TujuanRute::Kanreg).check(),
            Err(ErrorCode::RouteKanregForCentral)
        );
        assert_eq!(rule(Kategori::BedaNama, "pusat", TujuanRute::Kantor(104)).check(), Ok(()));
    }

    #[test]
    fn sla_clocks_are_bounded_and_solving_takes_no_less_than_answering() {
        assert_eq!(check_sla(24, 72), Ok(()));
        assert_eq!(check_sla(8, 8), Ok(()));
        assert_eq!(check_sla(0, 24), Err(ErrorCode::SlaHoursRange));
        assert_eq!(check_sla(24, SLA_MAX_JAM + 1), Err(ErrorCode::SlaHoursRange));
        assert_eq!(check_sla(48, 24), Err(ErrorCode::SlaSolveBeforeAnswer));
    }

    #[test]
    fn only_open_statuses_need_an_officer() {
        assert!(StatusTiket::Baru.aktif() && StatusTiket::MenungguPns.aktif());
        assert!(!StatusTiket::Selesai.aktif() && !StatusTiket::Ditutup.aktif());
    }
}
