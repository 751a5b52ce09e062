//! The demo's help-desk tickets: about sixty, across categories, offices and statuses, some
//! past their SLA, so `hds.kanreg1` (Kanreg I: A, B, C, D, P) and `admin.sleman` (F, K, L, R)
//! open inboxes with work in them, and the demo PNS has two tickets of their own. Seeded once.

use access::CurrentUser;
use app::auth::AppState;
use domain::form::Bagian;
use domain::hds::{Kategori, StatusTiket};
use helpdesk::{Pemohon, TiketBaru};
use personnel::PnsWithHistory;
use uuid::Uuid;

/// What the demo does with a ticket after raising it.
#[derive(Clone, Copy)]
enum Tahap {
    Baru,
    /// Taken, with an internal note.
    Dibuka,
    /// The officer asked the PNS something.
    MenungguPns,
    /// ... and the PNS answered.
    DijawabPns,
    Selesai,
    Ditutup,
}

const TAHAP: [Tahap; 8] = [
    Tahap::Baru,
    Tahap::Baru,
    Tahap::Dibuka,
    Tahap::MenungguPns,
    Tahap::Baru,
    Tahap::DijawabPns,
    Tahap::Selesai,
    Tahap::Ditutup,
];

/// Kanreg I's categories come up most, as in 2015.
const KATEGORI: [&str; 20] =
    ["A", "C", "P", "B", "D", "A", "F", "E", "C", "P", "K", "A", "G", "D", "L", "P", "R", "H", "A", "Q"];

fn teks(kategori: Kategori) -> (&'static str, &'static str) {
    use Kategori::*;
    match kategori {
        BedaNama => {
            ("Nama berbeda dengan SK", "Nama saya di data master tertulis tanpa nama keluarga, di SK CPNS lengkap.")
        }
        BedaInstansi => (
            "Sudah pindah instansi",
            "Saya pindah ke Pemerintah Kabupaten Sleman sejak tahun lalu, data masih instansi lama.",
        ),
        DataPensiun => (
            "Tercatat pensiun padahal masih aktif",
            "Status saya pensiun, padahal SK pensiun sudah dibatalkan. Pembatalan terlampir.",
        ),
        DataDiberhentikan => {
            ("Tercatat diberhentikan", "Data saya tercatat diberhentikan, padahal saya masih bekerja aktif.")
        }
        TidakAdaDiDatabase => {
            ("Data saya tidak ditemukan", "NIP saya tidak ditemukan saat mendaftar, padahal saya PNS sejak 2009.")
        }
        UnorTidakAda => ("Unit kerja baru tidak ada", "Unit kerja saya (UPT baru) belum ada di pilihan unor."),
        PendidikanTidakAda => ("Jurusan tidak ada di daftar", "Program studi saya tidak ada dalam daftar pendidikan."),
        JftTidakAda => ("JFT tidak ada", "Jabatan fungsional saya belum ada di daftar JFT."),
        JfuTidakAda => ("JFU tidak ada", "Jabatan pelaksana saya tidak ada di daftar JFU."),
        LokasiTidakAda => ("Lokasi tidak ada", "Lokasi kerja saya tidak ada di daftar lokasi."),
        SekolahTidakAda => ("Sekolah tidak ada", "Sekolah tempat saya mengajar belum ada di daftar."),
        UnitKesehatanTidakAda => ("Puskesmas tidak ada", "Puskesmas tempat saya bertugas tidak ada di daftar."),
        BidangSpesialisTidakAda => ("Spesialis tidak ada", "Bidang spesialis saya tidak ada di daftar."),
        MataPelajaranTidakAda => ("Mata pelajaran tidak ada", "Mata pelajaran yang saya ampu tidak ada di daftar."),
        DiklatFungsionalTidakAda => ("Diklat tidak ada", "Diklat fungsional yang saya ikuti tidak ada di daftar."),
        TurunStatus => ("Mohon buka kunci usulan", "Usulan saya sudah terkirim tetapi ada data keluarga yang salah."),
        PendaftaranMenunggu => {
            ("Pendaftaran belum disetujui", "Pendaftaran saya menunggu verifikasi sudah lebih dari seminggu.")
        }
        TambahVerifikatorL1 => ("Tambah verifikator unit", "Unit kami belum punya verifikator level 1."),
    }
}

/// Kanreg I's canned replies.
const TEMPLAT: [(&str, &str); 3] = [
    (
        "Minta SK pendukung",
        "Mohon unggah SK yang memuat data yang benar (misalnya SK CPNS atau SK perubahan nama) melalui tiket ini, \
         agar kami dapat memeriksa dan membetulkan data master.",
    ),
    (
        "Data master sudah dibetulkan",
        "Data master Anda sudah kami betulkan. Silakan buka kembali formulir: nilai yang benar sudah tampil. \
         Tiket ini kami tandai selesai.",
    ),
    (
        "Bukan kewenangan Kanreg",
        "Permasalahan ini ditangani oleh BKD/Biro Kepegawaian instansi Anda. Tiket kami alihkan ke sana.",
    ),
];

pub async fn seed(
    state: &AppState,
    askers: &[&PnsWithHistory],
    (demo_pns, demo_account): (&PnsWithHistory, Uuid),
    kanreg: &CurrentUser,
    admin: &CurrentUser,
) -> anyhow::Result<()> {
    let hds = &state.helpdesk;
    if hds.has_tickets().await? {
        return Ok(());
    }
    let sleman = demo_pns.pns.instansi_id;
    let mut raised = 0;
    for (i, code) in KATEGORI.iter().cycle().take(58).enumerate() {
        let kategori = Kategori::from_code(code).ok_or_else(|| anyhow::anyhow!("category {code}"))?;
        // B: a central PNS who moved to Kabupaten Sleman (another province: Kanreg I answers).
        let asker = askers
            .iter()
            .filter(|r| (kategori == Kategori::BedaInstansi) != (r.pns.instansi_id == sleman))
            .nth(i)
            .ok_or_else(|| anyhow::anyhow!("too few demo PNS for the tickets"))?;
        let officer = match kategori {
            Kategori::UnorTidakAda
            | Kategori::SekolahTidakAda
            | Kategori::UnitKesehatanTidakAda
            | Kategori::TambahVerifikatorL1 => Some(admin),
            Kategori::BedaNama
            | Kategori::BedaInstansi
            | Kategori::DataPensiun
            | Kategori::DataDiberhentikan
            | Kategori::TurunStatus => Some(kanreg),
            _ => None,
        };
        let pemohon = Pemohon {
            akun_id: Uuid::new_v4(),
            nip: asker.pns.nip.clone(),
            nama: asker.pns.nama.clone(),
            instansi_id: asker.pns.instansi_id,
        };
        let tahap = if officer.is_some() { TAHAP[i % TAHAP.len()] } else { Tahap::Baru };
        // From a quarter of an hour to six days: the older ones are past their SLA.
        let age = 15 + (i as i32 * 149) % (6 * 24 * 60);
        raise(state, &pemohon, kategori, Some(sleman), officer, tahap, age).await?;
        raised += 1;
    }
    // The demo PNS's own: one waiting for their answer, one new.
    let pemohon = Pemohon {
        akun_id: demo_account,
        nip: demo_pns.pns.nip.clone(),
        nama: demo_pns.pns.nama.clone(),
        instansi_id: sleman,
    };
    raise(state, &pemohon, Kategori::BedaNama, None, Some(kanreg), Tahap::MenungguPns, 26 * 60).await?;
    raise(state, &pemohon, Kategori::UnorTidakAda, None, Some(admin), Tahap::Baru, 3 * 60).await?;
    // Two raised from a "[?]", filled in from the flag as the page does: on a name (Kanreg I
    // sees the field's values and can correct the master) and on a unit (the instansi admin
    // adds the unit and names it for the PNS).
    let mut others = askers.iter().rev().filter(|r| r.pns.instansi_id == sleman && r.pns.nip != demo_pns.pns.nip);
    let flags = [
        (Bagian::DataUtama, "nama", "Nama saya di SK CPNS memakai ejaan lama."),
        (Bagian::DataPosisi, "unor", "Unit kerja saya, Seksi Arsip Digital, belum ada di daftar."),
    ];
    for (bagian, field, reason) in flags {
        let asker = others.next().ok_or_else(|| anyhow::anyhow!("no demo PNS in Sleman to flag"))?;
        raise_from_flag(state, asker, (bagian, field), reason).await?;
    }
    // Canned replies the Kanreg I officers start with.
    for (judul, isi) in TEMPLAT {
        hds.save_template(kanreg, None, judul, isi).await?;
    }
    tracing::info!(tickets = raised + 4, "demo help-desk tickets seeded");
    Ok(())
}

async fn raise_from_flag(
    state: &AppState,
    asker: &PnsWithHistory,
    (bagian, field): (Bagian, &str),
    reason: &str,
) -> anyhow::Result<()> {
    let nip = &asker.pns.nip;
    let tanda = state.personnel.flag_field(nip, bagian, None, field, reason).await?;
    let dari = state.personnel.flag_for_ticket(nip, &tanda.id).await?;
    let (subjek, uraian) = dari.prefill(domain::Lang::Id);
    let pemohon = Pemohon {
        akun_id: Uuid::new_v4(),
        nip: nip.clone(),
        nama: asker.pns.nama.clone(),
        instansi_id: asker.pns.instansi_id,
    };
    let baru = TiketBaru {
        kategori: dari.kategori.ok_or_else(|| anyhow::anyhow!("no category for the flagged {field}"))?,
        subjek,
        uraian,
        instansi_tujuan: None,
        tanda_id: Some(tanda.id.parse()?),
        isian: None,
        email: None,
    };
    state.helpdesk.raise(&pemohon, &baru).await?;
    Ok(())
}

async fn raise(
    state: &AppState,
    pemohon: &Pemohon,
    kategori: Kategori,
    tujuan: Option<Uuid>,
    officer: Option<&CurrentUser>,
    tahap: Tahap,
    age_minutes: i32,
) -> anyhow::Result<()> {
    let hds = &state.helpdesk;
    let (subjek, uraian) = teks(kategori);
    let baru = TiketBaru {
        kategori,
        subjek: subjek.into(),
        uraian: uraian.into(),
        instansi_tujuan: tujuan.filter(|_| kategori == Kategori::BedaInstansi),
        tanda_id: None,
        isian: None,
        email: None,
    };
    let tiket = hds.raise(pemohon, &baru).await?;
    let id: Uuid = tiket.id.parse()?;
    if let Some(o) = officer {
        use Tahap::*;
        if matches!(tahap, Dibuka | MenungguPns | DijawabPns | Selesai | Ditutup) {
            hds.claim(o, id).await?;
            hds.reply_as_officer(o, id, "Cek dokumen pendukung dulu.", true, None, None).await?;
        }
        if matches!(tahap, MenungguPns | DijawabPns | Selesai | Ditutup) {
            let ask = "Mohon unggah scan SK yang menjadi dasar perubahan.";
            hds.reply_as_officer(o, id, ask, false, None, Some(StatusTiket::MenungguPns)).await?;
        }
        if matches!(tahap, DijawabPns | Selesai | Ditutup) {
            hds.reply_as_pns(pemohon, id, "Sudah saya unggah, terima kasih.", None).await?;
        }
        if matches!(tahap, Selesai | Ditutup) {
            let done = "Data sudah kami perbaiki. Silakan periksa kembali formulir Anda.";
            hds.reply_as_officer(o, id, done, false, None, Some(StatusTiket::Selesai)).await?;
        }
        if matches!(tahap, Ditutup) {
            hds.close_as_pns(pemohon, id, Some(5)).await?;
        }
    }
    hds.backdate(id, age_minutes).await?;
    Ok(())
}
