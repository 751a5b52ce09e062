//! Deterministic generator of realistic master PNS records: the demo world now, and the
//! benchmark's 100,000 PNS and import tests later.
//!
//! What holds for every generated record (the tests below check it):
//! - NIP = birth date + TMT CPNS year/month + gender digit + sequence, unique in the output
//!   (the sequence counts per birth date, TMT CPNS month and gender, so it is mostly `001`,
//!   as in real data); NIK = unit region + birth date (day + 40 for women) + a sequence
//!   unique per region, birth date and gender.
//! - Born 1965–2000; TMT CPNS at age 19–35 on the 1st of a month, after the entry-level
//!   graduation and no later than five years before [`AS_OF`]; TMT PNS one year later.
//! - Education first (2–5 entries, SLTA then D3/S1/S2/S3, years increasing): the entry-level
//!   education decides the first golongan (SLTA II/a, D3 II/c, S1/D4 III/a, dokter and S2
//!   III/b, S3 III/c) and the highest one the gelar.
//! - Golongan history 3–8 entries: CPNS, PNS (same golongan), then a promotion roughly every
//!   four years on 1 April or 1 October (sometimes a penyesuaian ijazah after a degree earned
//!   in service), TMT strictly increasing, golongan never decreasing; the master's golongan
//!   and TMT golongan are the last entry.
//! - Jabatan history 1–6 entries with increasing TMT, fitting the person's field and rank:
//!   fungsional umum, fungsional tertentu ladders and struktural posts with their eselon.
//! - Family by marital status: the married have one spouse (sometimes two, the first divorced or
//!   deceased), the divorced and widowed one former spouse, the unmarried none (0–2 in all);
//!   married at 22–35, the spouse at least 19; 0–4 children born after the first marriage (and,
//!   when it ended with no new one, within 2–12 years of it),
//!   the first two under 21 counted for the allowance. Spouse and child NIKs agree with their
//!   birth dates and genders; a spouse who is a PNS has a NIP that agrees too.
//! - Nothing (TMT, SK date, graduation, marriage, birth) lies after [`AS_OF`].
//!
//! The random stream is a SplitMix64 defined here (not `StdRng`, whose stream may change
//! between `rand` releases and which is slow in debug builds), so a seed gives the same world.
//! The family draws from a second stream seeded by the NIP, so adding it left every other
//! field of the worlds generated before it unchanged.

use std::collections::HashMap;

use domain::{Gender, Nik, Nip};
use rand::{Rng, RngCore};
use time::macros::date;
use time::{Date, Duration, Month};
use uuid::Uuid;

use crate::model::{Anak, Pasangan, PnsMaster, PnsWithHistory, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan};

/// Where generated PNS work.
#[derive(Debug, Clone)]
pub struct UnitTarget {
    pub instansi_id: Uuid,
    pub unor_id: Uuid,
    /// 6-digit kabupaten/kota code used for NIKs, e.g. "340401". Its first two digits (the
    /// province) also steer names, religion and birth places.
    pub region_code: String,
    /// kode_referensi jenis_pegawai code ("1" PNS Pusat, "2" PNS Daerah, ...).
    pub jenis_pegawai: String,
}

#[derive(Debug, Clone)]
pub struct GeneratorConfig {
    pub seed: u64,
}

/// The day the generated master data describes: no TMT, SK date or graduation lies after it.
pub const AS_OF: Date = date!(2026 - 10 - 01);

/// Generates `count` PNS spread round-robin over `units`; the same seed and units give the
/// same records. NIPs and NIKs are unique within one call.
pub fn generate(config: &GeneratorConfig, units: &[UnitTarget], count: usize) -> Vec<PnsWithHistory> {
    assert!(!units.is_empty(), "the generator needs at least one unit");
    let mut state = State {
        rng: SplitMix64(config.seed),
        nip_sequences: HashMap::new(),
        nik_sequences: HashMap::new(),
        family_nik_sequences: HashMap::new(),
    };
    (0..count).map(|i| state.person(&units[i % units.len()])).collect()
}

// ---------------------------------------------------------------------------------------------
// Random stream

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast unoptimised, and stable across releases.
struct SplitMix64(u64);

impl RngCore for SplitMix64 {
    fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

fn pick<'a, T>(rng: &mut SplitMix64, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

fn weighted<'a, T>(rng: &mut SplitMix64, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &items[items.len() - 1].0
}

/// A random (version 4) UUID drawn from the stream, so ids are deterministic too.
fn id(rng: &mut SplitMix64) -> Uuid {
    uuid::Builder::from_random_bytes(rng.gen::<u128>().to_le_bytes()).into_uuid()
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).expect("month 1-12"), day).expect("valid generated date")
}

fn month_number(d: Date) -> u8 {
    u8::from(d.month())
}

/// The first promotion period (1 April or 1 October) on or after `d`.
fn next_kp_period(d: Date) -> Date {
    let april = date(d.year(), 4, 1);
    let october = date(d.year(), 10, 1);
    if d <= april {
        april
    } else if d <= october {
        october
    } else {
        date(d.year() + 1, 4, 1)
    }
}

// ---------------------------------------------------------------------------------------------
// Golongan

const GOLONGAN: [&str; 17] = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b",
    "IV/c", "IV/d", "IV/e",
];
const II_A: usize = 4;
const II_C: usize = 6;
const III_A: usize = 8;
const III_B: usize = 9;
const III_C: usize = 10;
const III_D: usize = 11;
const IV_A: usize = 12;
const IV_B: usize = 13;
const IV_C: usize = 14;
const IV_E: usize = 16;

// ---------------------------------------------------------------------------------------------
// Education and fields of work

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Slta,
    D3,
    S1,
    S2,
    S3,
}

const LEVELS: [Level; 5] = [Level::Slta, Level::D3, Level::S1, Level::S2, Level::S3];

/// A jabatan fungsional tertentu ladder: "{name} Ahli Pertama/Muda/Madya"; with `terampil`,
/// D3 holders climb "{name} Terampil/Mahir/Penyelia".
struct Jft {
    name: &'static str,
    min_level: Level,
    terampil: bool,
}

/// A field of work: it ties the study programmes, gelar and jabatan of one person together.
struct Track {
    weight: u32,
    /// Entry-level education weights: SLTA, D3, S1, S2, S3.
    entry: [u32; 5],
    /// (school kind, jurusan) for SLTA.
    slta: &'static [(&'static str, &'static str)],
    /// (jurusan, gelar belakang)
    d3: Option<(&'static str, &'static str)>,
    /// (jurusan, gelar belakang, gelar depan, tingkat code: "40" S1 or "30" D4)
    s1: (&'static str, &'static str, &'static str, &'static str),
    /// Years an S1 takes after SLTA (dokter: with the profession programme).
    s1_years: i32,
    /// The pre-1994 title used instead of the S1 gelar belakang: (male, female).
    old_title: Option<(&'static str, &'static str)>,
    s2: (&'static str, &'static str),
    s3: &'static str,
    /// Institutions for D3 and S1.
    campus: &'static [&'static str],
    jft: Option<Jft>,
    jfu: &'static [&'static str],
    /// Struktural posts at eselon IV, then at eselon III.
    eselon4: &'static [&'static str],
    eselon3: &'static [&'static str],
}

const SMA: &[(&str, &str)] = &[("SMA Negeri", "IPA"), ("SMA Negeri", "IPS"), ("SMA Negeri", "IPA"), ("MAN", "IPA")];

const TRACKS: &[Track] = &[
    // Guru
    Track {
        weight: 28,
        entry: [15, 0, 65, 12, 1],
        slta: &[("SMA Negeri", "IPA"), ("SMA Negeri", "IPS"), ("SPG Negeri", "Pendidikan Guru")],
        d3: None,
        s1: ("Pendidikan Matematika", "S.Pd.", "", "40"),
        s1_years: 4,
        old_title: Some(("Drs.", "Dra.")),
        s2: ("Manajemen Pendidikan", "M.Pd."),
        s3: "Ilmu Pendidikan",
        campus: &[
            "Universitas Negeri Yogyakarta",
            "Universitas Pendidikan Indonesia",
            "Universitas Negeri Malang",
            "Universitas Negeri Semarang",
            "Universitas Negeri Medan",
            "Universitas Negeri Makassar",
            "Universitas Terbuka",
            "Universitas Pendidikan Ganesha",
        ],
        jft: Some(Jft { name: "Guru", min_level: Level::S1, terampil: false }),
        jfu: &["Pengadministrasi Umum", "Pengelola Perpustakaan Sekolah"],
        eselon4: &["Kepala Seksi Kurikulum SMP", "Kepala Seksi Peserta Didik"],
        eselon3: &["Kepala Bidang Pembinaan Sekolah Dasar", "Kepala Bidang Pembinaan SMP"],
    },
    // Administrasi, pemerintahan, kepegawaian
    Track {
        weight: 22,
        entry: [25, 15, 50, 9, 1],
        slta: SMA,
        d3: Some(("Administrasi Perkantoran", "A.Md.")),
        s1: ("Ilmu Administrasi Negara", "S.Sos.", "", "40"),
        s1_years: 4,
        old_title: Some(("Drs.", "Dra.")),
        s2: ("Ilmu Administrasi", "M.Si."),
        s3: "Ilmu Administrasi Publik",
        campus: &[
            "Universitas Gadjah Mada",
            "Universitas Padjadjaran",
            "Universitas Diponegoro",
            "Universitas Hasanuddin",
            "Institut Pemerintahan Dalam Negeri",
            "Universitas Terbuka",
            "Universitas Sumatera Utara",
            "Universitas Brawijaya",
        ],
        jft: Some(Jft { name: "Analis Kepegawaian", min_level: Level::S1, terampil: false }),
        jfu: &["Pengadministrasi Umum", "Pengelola Kepegawaian", "Pengadministrasi Kepegawaian", "Pengolah Data"],
        eselon4: &["Kepala Subbagian Umum dan Kepegawaian", "Kepala Seksi Pemerintahan", "Kepala Seksi Mutasi"],
        eselon3: &["Kepala Bidang Mutasi dan Promosi", "Sekretaris Kecamatan", "Kepala Bagian Organisasi"],
    },
    // Keuangan, akuntansi
    Track {
        weight: 10,
        entry: [20, 25, 45, 9, 1],
        slta: &[("SMK Negeri", "Akuntansi"), ("SMA Negeri", "IPS"), ("SMA Negeri", "IPA")],
        d3: Some(("Akuntansi", "A.Md.")),
        s1: ("Akuntansi", "S.E.", "", "40"),
        s1_years: 4,
        old_title: Some(("Drs.", "Dra.")),
        s2: ("Magister Manajemen", "M.M."),
        s3: "Ilmu Ekonomi",
        campus: &[
            "Universitas Gadjah Mada",
            "Universitas Indonesia",
            "Politeknik Keuangan Negara STAN",
            "Universitas Airlangga",
            "Universitas Andalas",
            "Universitas Sriwijaya",
            "Universitas Terbuka",
        ],
        jft: Some(Jft { name: "Auditor", min_level: Level::S1, terampil: true }),
        jfu: &["Pengelola Keuangan", "Bendahara", "Penyusun Laporan Keuangan", "Pengadministrasi Keuangan"],
        eselon4: &["Kepala Subbagian Keuangan", "Kepala Subbidang Anggaran"],
        eselon3: &["Kepala Bidang Anggaran", "Kepala Bidang Akuntansi"],
    },
    // Keperawatan
    Track {
        weight: 9,
        entry: [0, 65, 33, 2, 0],
        slta: SMA,
        d3: Some(("Keperawatan", "A.Md.Kep.")),
        s1: ("Ilmu Keperawatan", "S.Kep.", "Ns.", "40"),
        s1_years: 5,
        old_title: None,
        s2: ("Keperawatan", "M.Kep."),
        s3: "Ilmu Keperawatan",
        campus: &[
            "Politeknik Kesehatan Kemenkes Yogyakarta",
            "Politeknik Kesehatan Kemenkes Bandung",
            "Politeknik Kesehatan Kemenkes Makassar",
            "Universitas Airlangga",
            "Universitas Muhammadiyah Yogyakarta",
            "Universitas Sumatera Utara",
        ],
        jft: Some(Jft { name: "Perawat", min_level: Level::D3, terampil: true }),
        jfu: &["Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Keperawatan"],
        eselon3: &["Kepala Bidang Keperawatan"],
    },
    // Dokter
    Track {
        weight: 4,
        entry: [0, 0, 85, 14, 1],
        slta: &[("SMA Negeri", "IPA")],
        d3: None,
        s1: ("Pendidikan Dokter", "", "dr.", "40"),
        s1_years: 6,
        old_title: None,
        s2: ("Kesehatan Masyarakat", "M.Kes."),
        s3: "Ilmu Kedokteran",
        campus: &[
            "Universitas Gadjah Mada",
            "Universitas Indonesia",
            "Universitas Airlangga",
            "Universitas Hasanuddin",
            "Universitas Udayana",
            "Universitas Sam Ratulangi",
            "Universitas Andalas",
        ],
        jft: Some(Jft { name: "Dokter", min_level: Level::S1, terampil: false }),
        jfu: &["Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Pelayanan Kesehatan", "Kepala Seksi Pencegahan Penyakit"],
        eselon3: &["Kepala Bidang Pelayanan Medik", "Kepala Bidang Pencegahan dan Pengendalian Penyakit"],
    },
    // Teknologi informasi
    Track {
        weight: 7,
        entry: [10, 25, 55, 9, 1],
        slta: &[("SMK Negeri", "Teknik Komputer dan Jaringan"), ("SMA Negeri", "IPA")],
        d3: Some(("Manajemen Informatika", "A.Md.")),
        s1: ("Teknik Informatika", "S.Kom.", "", "40"),
        s1_years: 4,
        old_title: None,
        s2: ("Ilmu Komputer", "M.Kom."),
        s3: "Ilmu Komputer",
        campus: &[
            "Institut Teknologi Bandung",
            "Institut Teknologi Sepuluh Nopember",
            "Universitas Gadjah Mada",
            "Universitas Bina Nusantara",
            "Universitas Amikom Yogyakarta",
            "Universitas Dian Nuswantoro",
        ],
        jft: Some(Jft { name: "Pranata Komputer", min_level: Level::D3, terampil: true }),
        jfu: &["Pengolah Data", "Pengelola Sistem Informasi", "Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Data dan Informasi", "Kepala Seksi Aplikasi Informatika"],
        eselon3: &["Kepala Bidang Teknologi Informasi", "Kepala Bidang Pengelolaan Data"],
    },
    // Hukum
    Track {
        weight: 5,
        entry: [15, 0, 70, 14, 1],
        slta: SMA,
        d3: None,
        s1: ("Ilmu Hukum", "S.H.", "", "40"),
        s1_years: 4,
        old_title: None,
        s2: ("Ilmu Hukum", "M.H."),
        s3: "Ilmu Hukum",
        campus: &[
            "Universitas Gadjah Mada",
            "Universitas Indonesia",
            "Universitas Padjadjaran",
            "Universitas Islam Indonesia",
            "Universitas Hasanuddin",
            "Universitas Syiah Kuala",
        ],
        jft: Some(Jft { name: "Analis Hukum", min_level: Level::S1, terampil: false }),
        jfu: &["Penyusun Bahan Hukum", "Pengadministrasi Umum"],
        eselon4: &["Kepala Subbagian Perundang-undangan", "Kepala Subbagian Bantuan Hukum"],
        eselon3: &["Kepala Bagian Hukum"],
    },
    // Teknik sipil, pekerjaan umum
    Track {
        weight: 6,
        entry: [15, 25, 52, 7, 1],
        slta: &[("SMK Negeri", "Teknik Bangunan"), ("SMA Negeri", "IPA")],
        d3: Some(("Teknik Sipil", "A.Md.")),
        s1: ("Teknik Sipil", "S.T.", "", "40"),
        s1_years: 5,
        old_title: Some(("Ir.", "Ir.")),
        s2: ("Teknik Sipil", "M.T."),
        s3: "Teknik Sipil",
        campus: &[
            "Institut Teknologi Bandung",
            "Universitas Gadjah Mada",
            "Universitas Diponegoro",
            "Institut Teknologi Sepuluh Nopember",
            "Politeknik Negeri Bandung",
            "Universitas Lambung Mangkurat",
        ],
        jft: Some(Jft { name: "Teknik Jalan dan Jembatan", min_level: Level::S1, terampil: true }),
        jfu: &["Pengawas Bangunan", "Teknisi Sarana dan Prasarana", "Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Jalan dan Jembatan", "Kepala Seksi Tata Bangunan"],
        eselon3: &["Kepala Bidang Bina Marga", "Kepala Bidang Cipta Karya"],
    },
    // Pertanian
    Track {
        weight: 5,
        entry: [25, 10, 57, 7, 1],
        slta: &[("SMK Pertanian Pembangunan", "Budidaya Tanaman"), ("SMA Negeri", "IPA")],
        d3: Some(("Budidaya Tanaman", "A.Md.")),
        s1: ("Agronomi", "S.P.", "", "40"),
        s1_years: 4,
        old_title: Some(("Ir.", "Ir.")),
        s2: ("Agronomi", "M.P."),
        s3: "Ilmu Pertanian",
        campus: &[
            "Institut Pertanian Bogor",
            "Universitas Gadjah Mada",
            "Universitas Brawijaya",
            "Universitas Jember",
            "Universitas Sebelas Maret",
            "Politeknik Pembangunan Pertanian Malang",
        ],
        jft: Some(Jft { name: "Penyuluh Pertanian", min_level: Level::D3, terampil: true }),
        jfu: &["Pengelola Data Pertanian", "Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Produksi Tanaman Pangan", "Kepala Seksi Penyuluhan"],
        eselon3: &["Kepala Bidang Tanaman Pangan", "Kepala Bidang Penyuluhan"],
    },
    // Statistik
    Track {
        weight: 4,
        entry: [15, 10, 65, 9, 1],
        slta: SMA,
        d3: Some(("Statistika", "A.Md.")),
        s1: ("Statistika", "S.ST.", "", "30"),
        s1_years: 4,
        old_title: None,
        s2: ("Statistika", "M.Si."),
        s3: "Statistika",
        campus: &["Sekolah Tinggi Ilmu Statistik", "Politeknik Statistika STIS"],
        jft: Some(Jft { name: "Statistisi", min_level: Level::S1, terampil: true }),
        jfu: &["Pengolah Data Statistik", "Pengadministrasi Umum"],
        eselon4: &["Kepala Seksi Statistik Sosial", "Kepala Seksi Integrasi Pengolahan dan Diseminasi Statistik"],
        eselon3: &["Kepala Bidang Statistik Produksi", "Kepala Bidang Neraca Wilayah dan Analisis Statistik"],
    },
];
/// The fallback for people whose age rules out their field's entry education.
const ADMIN_TRACK: usize = 1;

const POSTGRADUATE_CAMPUS: &[&str] = &[
    "Universitas Gadjah Mada",
    "Universitas Indonesia",
    "Institut Teknologi Bandung",
    "Universitas Padjadjaran",
    "Universitas Airlangga",
    "Universitas Diponegoro",
    "Universitas Brawijaya",
    "Universitas Hasanuddin",
    "Universitas Terbuka",
];

// ---------------------------------------------------------------------------------------------
// Names and places

#[derive(Clone, Copy, PartialEq, Eq)]
enum Culture {
    Jawa,
    Sunda,
    Batak,
    Minang,
    Bugis,
    Bali,
    Manado,
    Timur,
    Muslim,
    Modern,
}

struct NamePool {
    male: &'static [&'static str],
    female: &'static [&'static str],
    second_male: &'static [&'static str],
    second_female: &'static [&'static str],
}

const BATAK_MARGA: &[&str] = &[
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitompul",
    "Pane",
    "Sinaga",
    "Hutapea",
    "Manurung",
    "Pasaribu",
    "Sembiring",
    "Ginting",
    "Tarigan",
    "Simatupang",
    "Panjaitan",
    "Situmorang",
    "Hutagalung",
    "Sihombing",
    "Napitupulu",
];
const MANADO_FAM: &[&str] = &[
    "Wowor",
    "Rumondor",
    "Pangemanan",
    "Tumbelaka",
    "Sondakh",
    "Lumentut",
    "Kalalo",
    "Mandagi",
    "Wenas",
    "Supit",
    "Runtuwene",
    "Rondonuwu",
];
const TIMUR_FAM: &[&str] = &[
    "Wenda",
    "Rumbiak",
    "Mandowen",
    "Wanggai",
    "Karubaba",
    "Yoku",
    "Fanggidae",
    "Ndun",
    "Manafe",
    "Pattinama",
    "Tuhumury",
    "Lewerissa",
    "Rumere",
    "Kogoya",
];

fn names(culture: Culture) -> NamePool {
    match culture {
        Culture::Jawa => NamePool {
            male: &[
                "Suparman",
                "Sutrisno",
                "Bambang",
                "Joko",
                "Slamet",
                "Teguh",
                "Wahyu",
                "Eko",
                "Dwi",
                "Bayu",
                "Sigit",
                "Yudi",
                "Agus",
                "Budi",
                "Heru",
                "Sugeng",
                "Sukirno",
                "Gunawan",
                "Hariyanto",
                "Sumarno",
                "Tri",
                "Aris",
                "Didik",
                "Edi",
                "Wawan",
                "Supriyadi",
                "Mulyono",
                "Paijo",
                "Margono",
                "Suyatno",
            ],
            female: &[
                "Sri", "Endang", "Sumarni", "Tri", "Wulan", "Rahayu", "Siti", "Suryani", "Sulastri", "Kartini",
                "Ratna", "Dwi", "Yuni", "Puji", "Winarni", "Retno", "Sumiyati", "Tutik", "Ningsih", "Sutarti",
                "Partini", "Murniati",
            ],
            second_male: &[
                "Santoso",
                "Wibowo",
                "Nugroho",
                "Setiawan",
                "Kurniawan",
                "Susilo",
                "Hartono",
                "Prasetyo",
                "Wicaksono",
                "Handoko",
                "Saputro",
                "Purnomo",
                "Raharjo",
                "Haryanto",
                "Widodo",
                "Sulistyo",
            ],
            second_female: &[
                "Rahayu",
                "Lestari",
                "Wahyuni",
                "Handayani",
                "Susanti",
                "Purnamasari",
                "Rahmawati",
                "Anggraini",
                "Utami",
                "Wulandari",
                "Kusumawati",
                "Setyaningsih",
                "Ningrum",
                "Pertiwi",
            ],
        },
        Culture::Sunda => NamePool {
            male: &[
                "Asep", "Ujang", "Dedi", "Cecep", "Dadang", "Engkos", "Iwan", "Yayan", "Ade", "Jajang", "Ridwan",
                "Acep", "Deden", "Ayi", "Budiman",
            ],
            female: &[
                "Euis", "Neneng", "Nining", "Imas", "Entin", "Cucu", "Iis", "Lilis", "Yeni", "Tati", "Nenden", "Rina",
            ],
            second_male: &[
                "Permana",
                "Sumarna",
                "Suryadi",
                "Hidayat",
                "Kusnadi",
                "Sutisna",
                "Supriatna",
                "Rusmana",
                "Saepudin",
                "Mulyana",
                "Suhendar",
                "Kurnia",
            ],
            second_female: &["Sumarni", "Rostiati", "Komalasari", "Nurjanah", "Kurniasih", "Mulyani", "Suryani"],
        },
        Culture::Batak => NamePool {
            male: &[
                "Robert",
                "Marthin",
                "Jonatan",
                "Parlindungan",
                "Togar",
                "Binsar",
                "Sahat",
                "Poltak",
                "Bonar",
                "Hotman",
                "Daniel",
                "Rudolf",
                "Tua",
                "Benny",
            ],
            female: &[
                "Rosmawati",
                "Herlina",
                "Rotua",
                "Lamtiur",
                "Tiurma",
                "Sondang",
                "Maria",
                "Debora",
                "Nurhayati",
                "Friska",
                "Roslina",
            ],
            second_male: BATAK_MARGA,
            second_female: BATAK_MARGA,
        },
        Culture::Minang => NamePool {
            male: &[
                "Yulizar",
                "Afrizal",
                "Syafrizal",
                "Zulkarnain",
                "Hendri",
                "Erizal",
                "Defri",
                "Rahmad",
                "Fadli",
                "Irwan",
                "Yusril",
                "Zulfikar",
            ],
            female: &[
                "Yusnidar",
                "Nurhayati",
                "Elfi",
                "Yanti",
                "Desi",
                "Zuraida",
                "Rosnelly",
                "Fitria",
                "Mardiah",
                "Yenni",
            ],
            second_male: &[
                "Chaniago",
                "Koto",
                "Piliang",
                "Sikumbang",
                "Tanjung",
                "Jambak",
                "Putra",
                "Syahputra",
                "Amir",
            ],
            second_female: &["Chaniago", "Koto", "Piliang", "Sikumbang", "Tanjung", "Jambak", "Putri", "Yanti"],
        },
        Culture::Bugis => NamePool {
            male: &[
                "Syamsuddin",
                "Baharuddin",
                "Jamaluddin",
                "Amiruddin",
                "Nasrullah",
                "Hasanuddin",
                "Arifuddin",
                "Sudirman",
                "Ilham",
                "Muhammad",
                "Abdul",
                "Kamaruddin",
            ],
            female: &[
                "Hasnah",
                "Nurhaedah",
                "Sitti",
                "Hasnawati",
                "Suriani",
                "Rosmiati",
                "Kasmawati",
                "Nurlina",
                "Hartina",
                "Rahmatia",
            ],
            second_male: &[
                "Mappasessu",
                "Mallarangeng",
                "Tahir",
                "Latif",
                "Arsyad",
                "Bakri",
                "Syam",
                "Patongai",
                "Daeng",
            ],
            second_female: &["Tahir", "Latif", "Arsyad", "Bakri", "Syam", "Rahman"],
        },
        Culture::Bali => NamePool {
            male: &[
                "Sudarsana",
                "Suardana",
                "Artawan",
                "Wirawan",
                "Mahendra",
                "Suarjana",
                "Astawa",
                "Budiarta",
                "Sukadana",
                "Darmawan",
                "Adnyana",
                "Sudiarta",
            ],
            female: &[
                "Ariani",
                "Suarni",
                "Sukmawati",
                "Widiastuti",
                "Puspitasari",
                "Sulastri",
                "Yuliantari",
                "Ayu Lestari",
                "Sri Wahyuni",
                "Mariani",
            ],
            second_male: &["Putra", "Wijaya", "Antara", "Saputra"],
            second_female: &["Dewi", "Utami", "Pratiwi", "Sari"],
        },
        Culture::Manado => NamePool {
            male: &["Stevanus", "Jefry", "Ronny", "Frangky", "Meiky", "Alfrets", "Hendrik", "Johny", "Fredy", "Arnold"],
            female: &["Grace", "Meilany", "Stella", "Novita", "Yulin", "Olivia", "Vivi", "Deisy", "Marlien"],
            second_male: MANADO_FAM,
            second_female: MANADO_FAM,
        },
        Culture::Timur => NamePool {
            male: &[
                "Yohanis",
                "Markus",
                "Yakob",
                "Agustinus",
                "Frans",
                "Nikolaus",
                "Petrus",
                "Yosef",
                "Origenes",
                "Paulus",
            ],
            female: &["Yohana", "Maria", "Martha", "Elisabeth", "Fransina", "Yuliana", "Agustina", "Ester", "Naomi"],
            second_male: TIMUR_FAM,
            second_female: TIMUR_FAM,
        },
        Culture::Muslim => NamePool {
            male: &[
                "Rizki",
                "Fauzi",
                "Iqbal",
                "Ma'ruf",
                "Syaiful",
                "Zainal",
                "Hasan",
                "Husein",
                "Ilham",
                "Fikri",
                "Hafiz",
                "Arif",
                "Taufik",
                "Irfan",
                "Yusuf",
                "Abdul Rahman",
                "Lukman",
                "Ridho",
            ],
            female: &[
                "Nurul",
                "Annisa",
                "Aisyah",
                "Fatimah",
                "Khadijah",
                "Zahra",
                "Laila",
                "Rahma",
                "Mutiara",
                "Azizah",
                "Hafsah",
                "Nadia",
                "Nurhaliza",
                "Zulaikha",
            ],
            second_male: &[
                "Hidayat",
                "Rahman",
                "Hakim",
                "Hidayatullah",
                "Ma'arif",
                "Syarifuddin",
                "Abdullah",
                "Ramadhan",
                "Firmansyah",
                "Maulana",
                "Akbar",
                "Alamsyah",
            ],
            second_female: &["Rahmawati", "Hidayati", "Azzahra", "Fitriani", "Khairunnisa", "Ramadhani", "Nur'aini"],
        },
        Culture::Modern => NamePool {
            male: &[
                "Dimas", "Fajar", "Galih", "Aditya", "Reza", "Andika", "Yoga", "Rendy", "Kevin", "Hendra", "Rizky",
                "Bagus", "Ardi", "Yudha",
            ],
            female: &[
                "Putri", "Dinda", "Citra", "Intan", "Ayu", "Novi", "Maya", "Dian", "Fitri", "Indah", "Tiara", "Anggun",
                "Kartika", "Mega",
            ],
            second_male: &["Pratama", "Saputra", "Wijaya", "Kusuma", "Ramadhan", "Gunawan", "Permana", "Prakoso"],
            second_female: &[
                "Permata",
                "Ramadhani",
                "Sari",
                "Anggraini",
                "Maharani",
                "Safitri",
                "Oktaviani",
                "Puspita",
            ],
        },
    }
}

/// Name cultures by province (first two digits of the region code).
fn cultures(province: &str) -> &'static [(Culture, u32)] {
    use Culture::*;
    match province {
        "33" | "34" | "35" => &[
            (Jawa, 62),
            (Muslim, 14),
            (Modern, 14),
            (Sunda, 3),
            (Batak, 2),
            (Minang, 2),
            (Bali, 1),
            (Manado, 1),
            (Bugis, 1),
        ],
        "32" | "36" => &[(Sunda, 55), (Jawa, 15), (Muslim, 15), (Modern, 10), (Batak, 3), (Minang, 2)],
        "31" => &[
            (Jawa, 25),
            (Sunda, 15),
            (Batak, 12),
            (Minang, 10),
            (Muslim, 15),
            (Modern, 15),
            (Bugis, 3),
            (Manado, 3),
            (Bali, 2),
        ],
        "11" => &[(Muslim, 70), (Modern, 20), (Jawa, 10)],
        "12" => &[(Batak, 60), (Jawa, 15), (Muslim, 15), (Minang, 5), (Modern, 5)],
        "13" | "14" | "21" => &[(Minang, 55), (Muslim, 20), (Jawa, 10), (Batak, 10), (Modern, 5)],
        "15" | "16" | "17" | "18" | "19" => &[(Muslim, 35), (Jawa, 30), (Modern, 20), (Minang, 10), (Sunda, 5)],
        "51" => &[(Bali, 75), (Jawa, 15), (Muslim, 5), (Modern, 5)],
        "52" => &[(Muslim, 60), (Bali, 15), (Jawa, 15), (Modern, 10)],
        "53" => &[(Timur, 70), (Muslim, 10), (Jawa, 10), (Bali, 5), (Modern, 5)],
        "61" | "62" | "63" | "64" | "65" => {
            &[(Jawa, 30), (Muslim, 30), (Bugis, 15), (Modern, 15), (Manado, 5), (Batak, 5)]
        }
        "71" => &[(Manado, 70), (Jawa, 10), (Muslim, 10), (Modern, 10)],
        "72" | "75" => &[(Muslim, 40), (Bugis, 30), (Manado, 15), (Jawa, 15)],
        "73" | "74" | "76" => &[(Bugis, 65), (Muslim, 20), (Jawa, 10), (Modern, 5)],
        "81" | "82" => &[(Timur, 40), (Muslim, 40), (Jawa, 10), (Modern, 10)],
        "91" | "92" | "94" | "95" | "96" | "97" => &[(Timur, 55), (Jawa, 20), (Bugis, 10), (Muslim, 10), (Manado, 5)],
        _ => &[
            (Jawa, 35),
            (Sunda, 12),
            (Batak, 8),
            (Minang, 7),
            (Bugis, 6),
            (Bali, 3),
            (Manado, 3),
            (Timur, 3),
            (Muslim, 12),
            (Modern, 11),
        ],
    }
}

fn full_name(rng: &mut SplitMix64, culture: Culture, gender: Gender) -> String {
    let pool = names(culture);
    let male = gender == Gender::Male;
    let given = *pick(rng, if male { pool.male } else { pool.female });
    let mut second = *pick(rng, if male { pool.second_male } else { pool.second_female });
    // No "Rahayu Rahayu": draw the second name again when it repeats the first.
    for _ in 0..3 {
        if second != given {
            break;
        }
        second = *pick(rng, if male { pool.second_male } else { pool.second_female });
    }
    let other_given = *pick(rng, if male { pool.male } else { pool.female });
    let roll = rng.gen_range(0..100);
    let name = match culture {
        Culture::Jawa | Culture::Minang | Culture::Sunda => match roll {
            0..=29 => given.to_owned(), // one-word names are common
            30..=79 => format!("{given} {second}"),
            _ if other_given != given => format!("{given} {other_given}"),
            _ => format!("{given} {second}"),
        },
        Culture::Batak | Culture::Manado | Culture::Timur => match roll {
            0..=84 => format!("{given} {second}"),
            _ if other_given != given => format!("{given} {other_given} {second}"),
            _ => format!("{given} {second}"),
        },
        Culture::Bugis => {
            let prefix = if roll < 15 { "Andi " } else { "" };
            if rng.gen_bool(0.3) {
                format!("{prefix}{given}")
            } else {
                format!("{prefix}{given} {second}")
            }
        }
        Culture::Bali => {
            let order = if male {
                *pick(
                    rng,
                    &[
                        "I Wayan",
                        "I Putu",
                        "I Gede",
                        "I Made",
                        "I Kadek",
                        "I Nyoman",
                        "I Komang",
                        "I Ketut",
                        "I Gusti Ngurah",
                    ],
                )
            } else {
                *pick(
                    rng,
                    &[
                        "Ni Luh",
                        "Ni Putu",
                        "Ni Made",
                        "Ni Kadek",
                        "Ni Nyoman",
                        "Ni Komang",
                        "Ni Ketut",
                        "Ni Luh Putu",
                        "Ni Luh Made",
                    ],
                )
            };
            if roll < 25 {
                format!("{order} {given} {second}")
            } else {
                format!("{order} {given}")
            }
        }
        Culture::Muslim => {
            let prefix = match (male, roll) {
                (true, 0..=29) => "Muhammad ",
                (true, 30..=44) => "Ahmad ",
                (false, 0..=19) => "Siti ",
                (false, 20..=29) => "Nur ",
                _ => "",
            };
            if rng.gen_bool(0.5) {
                format!("{prefix}{given}")
            } else if second != given {
                format!("{prefix}{given} {second}")
            } else {
                format!("{prefix}{given}")
            }
        }
        Culture::Modern => {
            if second == given {
                given.to_owned()
            } else {
                format!("{given} {second}")
            }
        }
    };
    name
}

/// Religion (kode_referensi agama) by name culture: mostly Islam, Hindu in Bali, Christian in
/// the Batak, Minahasa and eastern cultures.
fn agama(rng: &mut SplitMix64, culture: Culture) -> &'static str {
    let weights: &[(&str, u32)] = match culture {
        Culture::Bali => &[("4", 92), ("1", 4), ("2", 2), ("3", 2)],
        Culture::Batak => &[("2", 62), ("1", 28), ("3", 10)],
        Culture::Manado => &[("2", 78), ("3", 12), ("1", 10)],
        Culture::Timur => &[("2", 55), ("3", 35), ("1", 10)],
        Culture::Muslim | Culture::Minang | Culture::Bugis => &[("1", 100)],
        Culture::Modern => &[("1", 82), ("2", 8), ("3", 5), ("5", 4), ("6", 1)],
        Culture::Jawa | Culture::Sunda => &[("1", 95), ("2", 3), ("3", 2)],
    };
    let code = *weighted(rng, weights);
    code
}

fn towns(province: &str) -> &'static [&'static str] {
    match province {
        "11" => &["Banda Aceh", "Lhokseumawe", "Sigli", "Bireuen", "Meulaboh", "Langsa"],
        "12" => {
            &["Medan", "Pematangsiantar", "Tarutung", "Balige", "Sibolga", "Padangsidimpuan", "Kabanjahe", "Binjai"]
        }
        "13" => &["Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pariaman", "Batusangkar"],
        "14" => &["Pekanbaru", "Dumai", "Bengkalis", "Bangkinang"],
        "15" => &["Jambi", "Muara Bungo", "Sungai Penuh"],
        "16" => &["Palembang", "Lubuklinggau", "Prabumulih", "Baturaja"],
        "17" => &["Bengkulu", "Curup", "Manna"],
        "18" => &["Bandar Lampung", "Metro", "Kotabumi", "Pringsewu"],
        "19" => &["Pangkalpinang", "Tanjung Pandan", "Sungailiat"],
        "21" => &["Tanjungpinang", "Batam", "Tanjung Balai Karimun"],
        "31" => &["Jakarta"],
        "32" => &["Bandung", "Garut", "Tasikmalaya", "Cirebon", "Bogor", "Sukabumi", "Sumedang", "Cianjur", "Kuningan"],
        "33" => &[
            "Semarang",
            "Surakarta",
            "Klaten",
            "Magelang",
            "Purwokerto",
            "Pekalongan",
            "Kudus",
            "Boyolali",
            "Wonogiri",
            "Tegal",
        ],
        "34" => &["Yogyakarta", "Sleman", "Bantul", "Wonosari", "Wates"],
        "35" => {
            &["Surabaya", "Malang", "Kediri", "Madiun", "Jember", "Blitar", "Ponorogo", "Banyuwangi", "Tulungagung"]
        }
        "36" => &["Serang", "Pandeglang", "Tangerang", "Rangkasbitung"],
        "51" => &["Denpasar", "Singaraja", "Tabanan", "Gianyar", "Klungkung", "Karangasem", "Negara"],
        "52" => &["Mataram", "Bima", "Sumbawa Besar", "Praya"],
        "53" => &["Kupang", "Ende", "Maumere", "Atambua", "Waingapu"],
        "61" => &["Pontianak", "Singkawang", "Ketapang", "Sintang"],
        "62" => &["Palangka Raya", "Sampit", "Kuala Kapuas"],
        "63" => &["Banjarmasin", "Martapura", "Banjarbaru", "Barabai"],
        "64" => &["Samarinda", "Balikpapan", "Tenggarong"],
        "65" => &["Tanjung Selor", "Tarakan", "Nunukan"],
        "71" => &["Manado", "Tomohon", "Bitung", "Tondano", "Kotamobagu"],
        "72" => &["Palu", "Poso", "Luwuk", "Donggala"],
        "73" => &["Makassar", "Parepare", "Watampone", "Sengkang", "Maros", "Palopo", "Bulukumba"],
        "74" => &["Kendari", "Baubau", "Kolaka"],
        "75" => &["Gorontalo", "Limboto"],
        "76" => &["Mamuju", "Majene", "Polewali"],
        "81" => &["Ambon", "Tual", "Masohi"],
        "82" => &["Ternate", "Tidore", "Tobelo"],
        "91" => &["Manokwari", "Fakfak"],
        "92" => &["Sorong", "Teminabuan"],
        "94" => &["Jayapura", "Biak", "Serui"],
        "95" => &["Merauke"],
        "96" => &["Nabire", "Timika"],
        "97" => &["Wamena"],
        _ => NATIONAL_TOWNS,
    }
}

const NATIONAL_TOWNS: &[&str] = &[
    "Jakarta",
    "Bandung",
    "Surabaya",
    "Medan",
    "Semarang",
    "Yogyakarta",
    "Makassar",
    "Palembang",
    "Padang",
    "Denpasar",
    "Malang",
    "Surakarta",
    "Bogor",
    "Pontianak",
    "Banjarmasin",
    "Manado",
    "Pekanbaru",
    "Bandar Lampung",
    "Kupang",
    "Ambon",
    "Jayapura",
    "Mataram",
    "Kediri",
    "Purwokerto",
    "Cirebon",
];

const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Jenderal Sudirman",
    "Jl. Diponegoro",
    "Jl. Gajah Mada",
    "Jl. Ahmad Yani",
    "Jl. Pahlawan",
    "Jl. Melati",
    "Jl. Mawar",
    "Jl. Kenanga",
    "Jl. Cempaka",
    "Jl. Anggrek",
    "Jl. Veteran",
    "Jl. Pemuda",
    "Jl. Kartini",
    "Jl. Imam Bonjol",
    "Jl. Sultan Hasanuddin",
    "Jl. Pattimura",
    "Jl. Teuku Umar",
    "Jl. Kaliurang",
    "Jl. Magelang",
    "Jl. Raya Pasar Minggu",
    "Jl. Sisingamangaraja",
    "Jl. Cut Nyak Dhien",
    "Jl. Dr. Wahidin",
];
const KELURAHAN: &[&str] = &[
    "Sukamaju",
    "Sidomulyo",
    "Karangasem",
    "Sukajadi",
    "Tegalrejo",
    "Mekarsari",
    "Sumberejo",
    "Kebonsari",
    "Margorejo",
    "Harjosari",
    "Sinduadi",
    "Caturtunggal",
    "Kotabaru",
    "Pasar Baru",
    "Tanjung Karang",
    "Sungai Bambu",
    "Talang Jambe",
    "Kampung Baru",
    "Air Tawar",
    "Mariso",
    "Dauh Puri",
    "Malalayang",
    "Wonorejo",
    "Sukarame",
];
const PHONE_PREFIXES: &[&str] = &[
    "0811", "0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0858", "0877", "0878", "0819", "0838",
    "0896",
];

// ---------------------------------------------------------------------------------------------
// One person

struct State {
    rng: SplitMix64,
    /// (birth date, TMT CPNS year*12+month, gender) -> last NIP sequence used
    nip_sequences: HashMap<(i32, i32, bool), u16>,
    /// (region, birth date, gender) -> last NIK sequence used
    nik_sequences: HashMap<(String, i32, bool), u16>,
    /// The same for spouses and children.
    family_nik_sequences: HashMap<(String, i32, bool), u16>,
}

/// One planned education entry.
struct Study {
    level: Level,
    year: i32,
}

impl State {
    fn person(&mut self, unit: &UnitTarget) -> PnsWithHistory {
        let province = unit.region_code.get(0..2).unwrap_or("");
        let rng = &mut self.rng;
        let gender = if rng.gen_bool(0.5) { Gender::Male } else { Gender::Female };
        let male = gender == Gender::Male;

        // Birth date, retried in the (never seen) case that its NIK sequences are used up.
        let (birth, nik_sequence) = loop {
            let year = rng.gen_range(1965..=2000);
            let month = Month::try_from(rng.gen_range(1..=12u8)).expect("month 1-12");
            let birth =
                Date::from_calendar_date(year, month, rng.gen_range(1..=month.length(year))).expect("valid date");
            let used = self.nik_sequences.entry((unit.region_code.clone(), birth.to_julian_day(), male)).or_insert(0);
            if *used < 5000 {
                *used += 1;
                break (birth, *used);
            }
        };
        let nik = Nik::compose(&unit.region_code, birth, gender, nik_sequence).expect("composed NIK is valid");

        // Education before the appointment decides the entry golongan.
        let mut track_index =
            *weighted(rng, &TRACKS.iter().enumerate().map(|(i, t)| (i, t.weight)).collect::<Vec<_>>());
        let slta_year = birth.year() + *weighted(rng, &[(17, 15), (18, 65), (19, 20)]);
        let latest_cpns = (birth.year() + 35).min(AS_OF.year() - 5);
        let mut entry = *weighted(rng, &LEVELS.iter().copied().zip(TRACKS[track_index].entry).collect::<Vec<_>>());
        let (studies, cpns_lo) = loop {
            let track = &TRACKS[track_index];
            let plan = plan_pre_cpns(rng, track, entry, slta_year);
            let lo = (birth.year() + 19).max(plan.last().expect("SLTA at least").year + 1);
            if lo <= latest_cpns {
                break (plan, lo);
            }
            // Too young for that degree before the latest appointment year: one level lower.
            entry = LEVELS[LEVELS.iter().position(|l| *l == entry).expect("known level") - 1];
            let min_entry = TRACKS[track_index].entry.iter().position(|w| *w > 0).expect("some entry level");
            if LEVELS.iter().position(|l| *l == entry).expect("known level") < min_entry {
                track_index = ADMIN_TRACK;
            }
        };
        let track = &TRACKS[track_index];
        let span = latest_cpns - cpns_lo;
        let offset = if rng.gen_bool(0.6) { rng.gen_range(0..=span.min(4)) } else { rng.gen_range(0..=span) };

        // TMT CPNS and the NIP sequence (another month if its 999 sequences were used up).
        let first_year = cpns_lo + offset;
        let first_month = rng.gen_range(1..=12);
        let (tmt_cpns, nip_sequence) = (0..(span + 1) * 12)
            .find_map(|step| {
                let months = (first_year - cpns_lo) * 12 + (first_month - 1) + step;
                let months = months % ((span + 1) * 12);
                let (year, month) = (cpns_lo + months / 12, (months % 12 + 1) as u8);
                let used =
                    self.nip_sequences.entry((birth.to_julian_day(), year * 12 + i32::from(month), male)).or_insert(0);
                (*used < 999).then(|| {
                    *used += 1;
                    (date(year, month, 1), *used)
                })
            })
            .expect("NIP sequences exhausted for a birth date");
        let rng = &mut self.rng;
        let nip = Nip::compose(birth, tmt_cpns.year(), month_number(tmt_cpns), gender, nip_sequence)
            .expect("composed NIP is valid");
        let tmt_pns = date(tmt_cpns.year() + 1, month_number(tmt_cpns), 1);

        // Degrees earned in service.
        let studies = plan_in_service(rng, track, studies, tmt_cpns.year());
        let entry_study = studies.iter().rev().find(|s| s.year < tmt_cpns.year()).expect("entry education");

        let pusat = matches!(unit.jenis_pegawai.as_str(), "1" | "3" | "4" | "11");
        let home = towns(province);
        let tempat_lahir = if rng.gen_bool(0.8) { *pick(rng, home) } else { *pick(rng, NATIONAL_TOWNS) };
        let pendidikan =
            studies.iter().map(|s| education_entry(rng, track, s, tmt_cpns.year(), tempat_lahir)).collect::<Vec<_>>();

        let golongan = golongan_history(rng, track, &studies, entry_study.level, tmt_cpns, tmt_pns, pusat);
        let current = golongan.last().expect("three entries at least").clone();
        let jabatan = jabatan_history(rng, track, &studies, &golongan, tmt_cpns, unit.unor_id, pusat);

        let culture = *weighted(rng, cultures(province));
        let nama = full_name(rng, culture, gender);
        let (gelar_depan, gelar_belakang) = gelar(track, &studies, male);
        let age = AS_OF.year() - birth.year();
        let status_kawin = if age < 28 {
            *weighted(rng, &[("1", 60), ("2", 40)])
        } else {
            *weighted(rng, &[("2", 86), ("1", 5), ("3", 5), ("4", 4)])
        };
        let pns = PnsMaster {
            nip: nip.as_str().to_owned(),
            nik: nik.as_str().to_owned(),
            nama,
            gelar_depan,
            gelar_belakang,
            tempat_lahir: tempat_lahir.to_owned(),
            tanggal_lahir: birth,
            jenis_kelamin: gender.code().to_owned(),
            agama: agama(rng, culture).to_owned(),
            status_kawin: status_kawin.to_owned(),
            alamat: format!("{} No. {}, Kel. {}", pick(rng, STREETS), rng.gen_range(1..=250), pick(rng, KELURAHAN)),
            telepon: format!("{}{}", pick(rng, PHONE_PREFIXES), rng.gen_range(10_000_000u32..=99_999_999)),
            email: String::new(),
            instansi_id: unit.instansi_id,
            unor_id: unit.unor_id,
            jenis_pegawai: unit.jenis_pegawai.clone(),
            kedudukan_hukum: "01".into(),
            tmt_cpns,
            tmt_pns: Some(tmt_pns),
            golongan: current.golongan.clone(),
            tmt_golongan: current.tmt,
            versi: 1,
        };
        let mut family_rng = SplitMix64(nip.as_str().bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3) // FNV-1a
        }));
        let (pasangan, anak) = self.family(&mut family_rng, unit, culture, gender, birth, status_kawin, home);
        PnsWithHistory { pns, golongan, pendidikan, jabatan, pasangan, anak }
    }

    /// Spouses and children fitting the marital status (see the module notes).
    #[allow(clippy::too_many_arguments)]
    fn family(
        &mut self,
        rng: &mut SplitMix64,
        unit: &UnitTarget,
        culture: Culture,
        gender: Gender,
        birth: Date,
        status_kawin: &str,
        home: &[&str],
    ) -> (Vec<Pasangan>, Vec<Anak>) {
        let spouse_gender = if gender == Gender::Male { Gender::Female } else { Gender::Male };
        let latest = AS_OF.year() - 1;
        let age_married = rng.gen_range(22..=35);
        let first = random_day(rng, (birth.year() + age_married).min(latest));
        // A remarriage 3–10 years after a first marriage that ended, where time allows.
        let remarried = (first.year() + 3 <= latest && rng.gen_bool(0.08)).then(|| {
            let after = rng.gen_range(3..=10);
            random_day(rng, (first.year() + after).min(latest))
        });
        let ended = if rng.gen_bool(0.7) { "CERAI" } else { "MENINGGAL" };
        let marriages: Vec<(&str, Date)> = match (status_kawin, remarried) {
            ("2", Some(second)) => vec![(ended, first), ("MENIKAH", second)],
            ("2", None) => vec![("MENIKAH", first)],
            ("3", _) => vec![("CERAI", first)],
            ("4", _) => vec![("MENINGGAL", first)],
            _ => vec![],
        };
        let mut pasangan = Vec::new();
        for (status, married) in marriages {
            // Wives mostly a little younger, husbands a little older; 19 at least when married.
            let gap = rng.gen_range(0..=6);
            let year = if gender == Gender::Male { birth.year() + gap } else { birth.year() - gap };
            let spouse_birth = random_day(rng, year.min(married.year() - 20));
            let nik = rng.gen_bool(0.85).then(|| self.nik(unit, spouse_birth, spouse_gender));
            let nip_pasangan = rng.gen_bool(0.2).then(|| {
                let tmt_year = (spouse_birth.year() + rng.gen_range(22..=30)).min(latest);
                let nip =
                    Nip::compose(spouse_birth, tmt_year, rng.gen_range(1..=12), spouse_gender, rng.gen_range(1..=40));
                nip.expect("composed NIP is valid").as_str().to_owned()
            });
            let towns = if rng.gen_bool(0.8) { home } else { NATIONAL_TOWNS };
            pasangan.push(Pasangan {
                id: id(rng),
                nama: full_name(rng, culture, spouse_gender),
                nik,
                tempat_lahir: (*pick(rng, towns)).to_owned(),
                tanggal_lahir: spouse_birth,
                tanggal_menikah: married,
                nomor_akta_nikah: format!(
                    "{}/{:02}/{}/{}",
                    rng.gen_range(100..=999),
                    rng.gen_range(1..=60),
                    ROMAN_MONTHS[usize::from(month_number(married)) - 1],
                    married.year()
                ),
                nip_pasangan,
                status: status.to_owned(),
            });
        }
        let Some(first) = pasangan.first().map(|p| p.tanggal_menikah) else {
            return (pasangan, Vec::new());
        };
        let count = *weighted(rng, &[(0, 12), (1, 22), (2, 36), (3, 20), (4, 10)]);
        // A marriage that ended with no new one: children only while it lasted (2–12 years).
        let last_birth = match pasangan.last() {
            Some(p) if p.status != "MENIKAH" => (first + Duration::days(365 * rng.gen_range(2..=12))).min(AS_OF),
            _ => AS_OF,
        };
        let mut anak = Vec::new();
        let mut born = first + Duration::days(rng.gen_range(300..=1100));
        while anak.len() < count && born <= last_birth {
            let child_gender = if rng.gen_bool(0.5) { Gender::Male } else { Gender::Female };
            let nik = rng.gen_bool(0.9).then(|| self.nik(unit, born, child_gender));
            anak.push(Anak {
                id: id(rng),
                nama: full_name(rng, culture, child_gender),
                nik,
                tempat_lahir: (*pick(rng, home)).to_owned(),
                tanggal_lahir: born,
                jenis_kelamin: child_gender.code().to_owned(),
                status_anak: "KANDUNG".into(),
                orang_tua: "BERSAMA".into(),
                tunjangan: anak.len() < 2 && AS_OF.year() - born.year() < 21,
            });
            born += Duration::days(rng.gen_range(540..=1800));
        }
        (pasangan, anak)
    }

    /// A family member's NIK in the unit's region. Their sequences count from 5001 (PNS use
    /// 1–5000) in a map of their own, so PNS NIKs are what they were before families.
    fn nik(&mut self, unit: &UnitTarget, birth: Date, gender: Gender) -> String {
        let key = (unit.region_code.clone(), birth.to_julian_day(), gender == Gender::Male);
        let used = self.family_nik_sequences.entry(key).or_insert(5000);
        *used = (*used + 1).min(9999);
        Nik::compose(&unit.region_code, birth, gender, *used).expect("composed NIK is valid").as_str().to_owned()
    }
}

const ROMAN_MONTHS: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/// A random day of `year`.
fn random_day(rng: &mut SplitMix64, year: i32) -> Date {
    let month = Month::try_from(rng.gen_range(1..=12u8)).expect("month 1-12");
    Date::from_calendar_date(year, month, rng.gen_range(1..=month.length(year))).expect("valid date")
}

/// SLTA and the degrees up to `entry`, with graduation years.
fn plan_pre_cpns(rng: &mut SplitMix64, track: &Track, entry: Level, slta_year: i32) -> Vec<Study> {
    let mut plan = vec![Study { level: Level::Slta, year: slta_year }];
    let mut year = slta_year;
    // Some S1 graduates went SLTA -> D3 -> S1 (ekstensi).
    let via_d3 = entry == Level::D3 || (entry >= Level::S1 && track.d3.is_some() && rng.gen_bool(0.15));
    if via_d3 && track.d3.is_some() {
        year += 3;
        plan.push(Study { level: Level::D3, year });
    }
    if entry >= Level::S1 {
        year = if via_d3 && track.d3.is_some() { year + 2 } else { year + track.s1_years + rng.gen_range(0..=1) };
        plan.push(Study { level: Level::S1, year });
    }
    if entry >= Level::S2 {
        year += rng.gen_range(2..=3);
        plan.push(Study { level: Level::S2, year });
    }
    if entry >= Level::S3 {
        year += rng.gen_range(3..=5);
        plan.push(Study { level: Level::S3, year });
    }
    plan
}

/// Adds degrees earned after the appointment: everyone ends with 2–5 entries, SLTA-only
/// entrants earn a D3 or S1 in service.
fn plan_in_service(rng: &mut SplitMix64, track: &Track, mut plan: Vec<Study>, cpns_year: i32) -> Vec<Study> {
    let last_possible = AS_OF.year() - 1;
    let entry = plan.last().expect("SLTA at least").level;
    let target = match entry {
        Level::Slta => {
            *weighted(rng, &[(Level::D3, if track.d3.is_some() { 35 } else { 0 }), (Level::S1, 60), (Level::S2, 5)])
        }
        Level::D3 => *weighted(rng, &[(Level::D3, 45), (Level::S1, 48), (Level::S2, 7)]),
        Level::S1 => *weighted(rng, &[(Level::S1, 62), (Level::S2, 32), (Level::S3, 6)]),
        Level::S2 => *weighted(rng, &[(Level::S2, 80), (Level::S3, 20)]),
        Level::S3 => Level::S3,
    };
    let mut year = plan.last().expect("SLTA at least").year.max(cpns_year);
    for level in [Level::D3, Level::S1, Level::S2, Level::S3] {
        if level <= entry || level > target || (level == Level::D3 && track.d3.is_none()) {
            continue;
        }
        // Half of those heading for an S1 go straight there.
        if level == Level::D3 && target > Level::D3 && rng.gen_bool(0.5) {
            continue;
        }
        let duration = match level {
            Level::D3 => 3,
            Level::S1 if plan.last().map(|s| s.level) == Some(Level::D3) => 2,
            Level::S1 => 4,
            Level::S2 => 2,
            _ => 4,
        };
        let graduated = year + duration + rng.gen_range(0..=3);
        if graduated > last_possible {
            if plan.len() >= 2 {
                break;
            }
            // Appointed at least five years before AS_OF: a short programme still fits.
            plan.push(Study { level, year: last_possible.min(year + 2).max(year + 1) });
            break;
        }
        year = graduated;
        plan.push(Study { level, year });
    }
    plan
}

fn education_entry(
    rng: &mut SplitMix64,
    track: &Track,
    study: &Study,
    cpns_year: i32,
    town: &str,
) -> RiwayatPendidikan {
    let in_service = study.year >= cpns_year;
    let (tingkat, nama_sekolah, jurusan) = match study.level {
        Level::Slta => {
            let (kind, jurusan) = *pick(rng, track.slta);
            // The SPG (teacher-training school) closed around 1991.
            let (kind, jurusan) =
                if kind.starts_with("SPG") && study.year > 1991 { ("SMA Negeri", "IPS") } else { (kind, jurusan) };
            let school = if kind.starts_with("SMA") || kind.starts_with("SMK Negeri") {
                format!("{kind} {} {town}", rng.gen_range(1..=8))
            } else {
                format!("{kind} {town}")
            };
            ("12".to_owned(), school, jurusan.to_owned())
        }
        Level::D3 => {
            let (jurusan, _) = track.d3.expect("track with D3");
            let campus = if in_service && rng.gen_bool(0.3) { "Universitas Terbuka" } else { *pick(rng, track.campus) };
            ("20".to_owned(), campus.to_owned(), jurusan.to_owned())
        }
        Level::S1 => {
            let campus = if in_service && rng.gen_bool(0.35) && track.s1.2.is_empty() {
                "Universitas Terbuka"
            } else {
                *pick(rng, track.campus)
            };
            // Before 1999 the teacher-training universities were IKIPs.
            let campus = match campus {
                "Universitas Negeri Yogyakarta" if study.year < 1999 => "IKIP Yogyakarta",
                "Universitas Negeri Malang" if study.year < 1999 => "IKIP Malang",
                "Universitas Pendidikan Indonesia" if study.year < 1999 => "IKIP Bandung",
                other => other,
            };
            let jurusan = match track.s1.0 {
                "Pendidikan Matematika" => *pick(
                    rng,
                    &[
                        "Pendidikan Matematika",
                        "Pendidikan Bahasa Indonesia",
                        "Pendidikan Guru Sekolah Dasar",
                        "Pendidikan Biologi",
                        "Pendidikan Bahasa Inggris",
                    ],
                ),
                "Ilmu Administrasi Negara" => {
                    *pick(rng, &["Ilmu Administrasi Negara", "Ilmu Pemerintahan", "Ilmu Administrasi Negara"])
                }
                "Akuntansi" => *pick(rng, &["Akuntansi", "Manajemen", "Ilmu Ekonomi Pembangunan"]),
                other => other,
            };
            (track.s1.3.to_owned(), campus.to_owned(), jurusan.to_owned())
        }
        Level::S2 => ("45".to_owned(), postgraduate_campus(rng, track, true), track.s2.0.to_owned()),
        Level::S3 => ("50".to_owned(), postgraduate_campus(rng, track, false), track.s3.to_owned()),
    };
    RiwayatPendidikan { id: id(rng), tingkat, nama_sekolah, jurusan, tahun_lulus: study.year as i16 }
}

/// A university of the field with a graduate school (Universitas Terbuka only for an S2).
fn postgraduate_campus(rng: &mut SplitMix64, track: &Track, s2: bool) -> String {
    let field: Vec<&str> = track
        .campus
        .iter()
        .copied()
        .filter(|c| c.starts_with("Universitas") || c.starts_with("Institut Te") || c.starts_with("Institut Pe"))
        .filter(|c| s2 || *c != "Universitas Terbuka")
        .collect();
    if field.is_empty() || rng.gen_bool(0.2) {
        (*pick(rng, &POSTGRADUATE_CAMPUS[..8])).to_owned()
    } else {
        (*pick(rng, &field)).to_owned()
    }
}

/// Gelar depan and belakang from the highest education (S1 one title, S2 plus an M title;
/// dokter "dr.", Ners "Ns.", pre-1994 graduates "Drs."/"Dra."/"Ir.", doctorate "Dr.").
fn gelar(track: &Track, studies: &[Study], male: bool) -> (String, String) {
    let mut depan: Vec<&str> = Vec::new();
    let mut belakang: Vec<&str> = Vec::new();
    let has = |level: Level| studies.iter().find(|s| s.level == level);
    if has(Level::S3).is_some() {
        depan.push("Dr.");
    }
    match has(Level::S1) {
        Some(s1) => {
            let (_, back, front, _) = track.s1;
            match track.old_title {
                Some((m, f)) if s1.year <= 1993 => depan.push(if male { m } else { f }),
                _ => {
                    if !front.is_empty() {
                        depan.push(front);
                    }
                    if !back.is_empty() {
                        belakang.push(back);
                    }
                }
            }
        }
        None => {
            if let (Some(_), Some((_, back))) = (has(Level::D3), track.d3) {
                belakang.push(back);
            }
        }
    }
    if has(Level::S2).is_some() {
        belakang.push(track.s2.1);
    }
    (depan.join(" "), belakang.join(", "))
}

fn office(pusat: bool, year: i32) -> &'static str {
    match (pusat, year) {
        (true, _) => "Ropeg",
        (false, ..=2016) => "BKD",
        (false, _) => "BKPSDM",
    }
}

fn golongan_history(
    rng: &mut SplitMix64,
    track: &Track,
    studies: &[Study],
    entry: Level,
    tmt_cpns: Date,
    tmt_pns: Date,
    pusat: bool,
) -> Vec<RiwayatGolongan> {
    let start = match entry {
        Level::Slta => II_A,
        Level::D3 => II_C,
        Level::S1 if track.s1.2 == "dr." => III_B,
        Level::S1 => III_A,
        Level::S2 => III_B,
        Level::S3 => III_C,
    };
    let cap = match studies.last().expect("education").level {
        Level::Slta => III_B,
        Level::D3 => III_D,
        Level::S1 => IV_B,
        Level::S2 => IV_C,
        Level::S3 => IV_E,
    };
    let target = rng.gen_range(3..=8usize);
    let mut entries = Vec::with_capacity(target);
    let push = |entries: &mut Vec<RiwayatGolongan>, rng: &mut SplitMix64, rank: usize, tmt: Date, kind: &str| {
        let n = rng.gen_range(100..=9999);
        let nomor_sk = if pusat {
            format!("{n:05}/KEP/{kind}/{}", tmt.year())
        } else {
            let code = match kind {
                "CPNS" => "813.3",
                "PNS" => "821.13",
                _ => "823.3",
            };
            format!("{code}/{n}/{}/{}", office(pusat, tmt.year()), tmt.year())
        };
        entries.push(RiwayatGolongan {
            id: id(rng),
            golongan: GOLONGAN[rank].to_owned(),
            tmt,
            nomor_sk,
            tanggal_sk: tmt - Duration::days(rng.gen_range(5..=50)),
        });
    };
    push(&mut entries, rng, start, tmt_cpns, "CPNS");
    push(&mut entries, rng, start, tmt_pns, "PNS");
    let mut rank = start;
    // Regular promotions after four years in a rank; the first counts from TMT CPNS.
    let mut since = tmt_cpns;
    let mut first = true;
    while entries.len() < target && rank < cap {
        let years = if first { 4 } else { *weighted(rng, &[(4, 65), (2, 12), (5, 13), (6, 10)]) };
        first = false;
        let tmt = next_kp_period(date(since.year() + years, month_number(since), 1));
        if tmt > AS_OF {
            break;
        }
        // A degree earned in service may lift the rank to its entry rank (penyesuaian ijazah).
        let by_degree = studies
            .iter()
            .filter(|s| s.year < tmt.year())
            .map(|s| match s.level {
                Level::Slta => II_A,
                Level::D3 => II_C,
                _ => III_A,
            })
            .max()
            .unwrap_or(II_A);
        rank = if by_degree > rank + 1 && rng.gen_bool(0.6) { by_degree } else { rank + 1 }.min(cap);
        push(&mut entries, rng, rank, tmt, "KP");
        since = tmt;
    }
    assert!(entries.len() >= 3, "appointed five years before AS_OF leaves room for a promotion");
    entries
}

fn jft_title(jft: &Jft, level: Level, rank: usize) -> Option<String> {
    if level < jft.min_level {
        return None;
    }
    if level < Level::S1 {
        // Terampil ladder for diploma holders.
        if !jft.terampil {
            return None;
        }
        let grade = match rank {
            ..III_A => "Terampil",
            III_A..III_C => "Mahir",
            _ => "Penyelia",
        };
        return Some(format!("{} {grade}", jft.name));
    }
    let grade = match rank {
        ..III_C => "Ahli Pertama",
        III_C..IV_A => "Ahli Muda",
        _ => "Ahli Madya",
    };
    Some(format!("{} {grade}", jft.name))
}

fn jabatan_history(
    rng: &mut SplitMix64,
    track: &Track,
    studies: &[Study],
    golongan: &[RiwayatGolongan],
    tmt_cpns: Date,
    unor_id: Uuid,
    pusat: bool,
) -> Vec<RiwayatJabatan> {
    let target = rng.gen_range(1..=6usize);
    let structural_person = rng.gen_bool(0.25);
    let mut jabatan: Vec<RiwayatJabatan> = Vec::with_capacity(target);
    let mut tmt = tmt_cpns;
    while jabatan.len() < target {
        if !jabatan.is_empty() {
            tmt = date(tmt.year() + rng.gen_range(2..=5), rng.gen_range(1..=12), 1);
            if tmt > AS_OF {
                break;
            }
        }
        let rank = golongan
            .iter()
            .rev()
            .find(|g| g.tmt <= tmt)
            .and_then(|g| GOLONGAN.iter().position(|k| *k == g.golongan))
            .expect("a golongan from TMT CPNS on");
        let level = studies.iter().filter(|s| s.year < tmt.year()).map(|s| s.level).max().unwrap_or(Level::Slta);
        let previous = jabatan.last().map(|j| (j.jenis_jabatan.as_str(), j.eselon.as_deref()));
        let (jenis, nama, eselon) = if structural_person && level >= Level::S1 && rank >= III_B && !jabatan.is_empty() {
            // Eselon IV first; III.b from III/d, III.a from IV/a.
            let eselon = match previous {
                Some((_, Some("IV.a"))) if rank >= III_D => "III.b",
                Some((_, Some("III.b"))) if rank >= IV_A => "III.a",
                Some((_, Some(e))) => e,
                _ => "IV.a",
            }
            .to_owned();
            let pool = if eselon.starts_with("IV") { track.eselon4 } else { track.eselon3 };
            ("1", (*pick(rng, pool)).to_owned(), Some(eselon))
        } else if let Some(title) = track
            .jft
            .as_ref()
            .and_then(|j| jft_title(j, level, rank))
            // Once in a fungsional tertentu ladder, a PNS stays on it.
            .filter(|_| matches!(previous, Some(("2", _))) || rng.gen_bool(0.9))
        {
            ("2", title, None)
        } else {
            // A fungsional umum post not held before (no back-and-forth between two).
            let unused: Vec<&str> =
                track.jfu.iter().copied().filter(|n| jabatan.iter().all(|j| j.nama_jabatan != *n)).collect();
            if unused.is_empty() {
                continue;
            }
            ("4", (*pick(rng, &unused)).to_owned(), None)
        };
        // The same post again is no new entry, unless it is the first.
        if jabatan.last().is_some_and(|j| j.nama_jabatan == nama) {
            continue;
        }
        let n = rng.gen_range(100..=9999);
        let nomor_sk = match (pusat, jenis) {
            (true, _) => format!("{n:05}/KEP/JAB/{}", tmt.year()),
            (false, "1") => format!("821.2/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
            (false, "2") => format!("821.3/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
            (false, _) => format!("800/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
        };
        jabatan.push(RiwayatJabatan {
            id: id(rng),
            jenis_jabatan: jenis.to_owned(),
            nama_jabatan: nama,
            eselon,
            unor_id,
            tmt,
            nomor_sk,
            tanggal_sk: tmt - Duration::days(rng.gen_range(3..=45)),
        });
    }
    jabatan
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::time::Instant;

    fn units() -> Vec<UnitTarget> {
        let unit = |n: u128, region: &str, jenis: &str| UnitTarget {
            instansi_id: Uuid::from_u128(n),
            unor_id: Uuid::from_u128(n << 8),
            region_code: region.into(),
            jenis_pegawai: jenis.into(),
        };
        vec![
            unit(1, "340401", "2"), // Sleman
            unit(2, "340401", "2"),
            unit(3, "317101", "1"), // Jakarta Pusat, a central instansi
            unit(4, "510101", "2"), // Bali
            unit(5, "127101", "2"), // Medan
            unit(6, "737101", "2"), // Makassar
        ]
    }

    fn rank(kode: &str) -> usize {
        GOLONGAN.iter().position(|g| *g == kode).unwrap_or_else(|| panic!("unknown golongan {kode}"))
    }

    /// golongan.nomor as seeded: I/a = 11 ... IV/e = 45.
    fn nomor(kode: &str) -> i16 {
        let (ruang, huruf) = kode.split_once('/').unwrap();
        let ruang = match ruang {
            "I" => 1,
            "II" => 2,
            "III" => 3,
            "IV" => 4,
            _ => panic!("{kode}"),
        };
        ruang * 10 + i16::from(huruf.as_bytes()[0] - b'a' + 1)
    }

    #[test]
    fn the_same_seed_gives_the_same_world() {
        let config = GeneratorConfig { seed: 7 };
        let first = generate(&config, &units(), 300);
        assert_eq!(first, generate(&config, &units(), 300));
        assert_ne!(first, generate(&GeneratorConfig { seed: 8 }, &units(), 300));
        // A longer run starts with the same records.
        assert_eq!(first[..100], generate(&config, &units(), 100)[..]);
    }

    #[test]
    fn records_are_consistent_and_histories_ordered() {
        let records = generate(&GeneratorConfig { seed: 1 }, &units(), 2_000);
        assert_eq!(records.len(), 2_000);
        let mut nips = HashSet::new();
        let mut niks = HashSet::new();
        let mut ids = HashSet::new();
        for (i, r) in records.iter().enumerate() {
            let p = &r.pns;
            let unit = &units()[i % units().len()];
            assert_eq!(
                (p.instansi_id, p.unor_id, &p.jenis_pegawai),
                (unit.instansi_id, unit.unor_id, &unit.jenis_pegawai)
            );
            let gender = Gender::from_code(&p.jenis_kelamin).unwrap();
            let nip = Nip::parse(&p.nip).unwrap();
            nip.check_against(p.tanggal_lahir, gender).unwrap();
            nip.check_tmt_cpns(p.tmt_cpns).unwrap();
            let nik = Nik::parse(&p.nik).unwrap();
            nik.check_against(p.tanggal_lahir, gender).unwrap();
            assert!(p.nik.starts_with(&unit.region_code));
            assert!(nips.insert(p.nip.clone()), "duplicate NIP {}", p.nip);
            assert!(niks.insert(p.nik.clone()), "duplicate NIK {}", p.nik);

            // Dates
            assert!((1965..=2000).contains(&p.tanggal_lahir.year()));
            assert_eq!(p.tmt_cpns.day(), 1);
            let age = p.tmt_cpns.year() - p.tanggal_lahir.year();
            assert!((19..=35).contains(&age), "CPNS at {age}");
            assert_eq!(p.tmt_pns, Some(date(p.tmt_cpns.year() + 1, month_number(p.tmt_cpns), 1)));

            // Golongan
            assert!((3..=8).contains(&r.golongan.len()), "{} golongan entries", r.golongan.len());
            assert_eq!(r.golongan[0].tmt, p.tmt_cpns);
            for pair in r.golongan.windows(2) {
                assert!(pair[0].tmt < pair[1].tmt, "{:?}", r.golongan);
                assert!(nomor(&pair[0].golongan) <= nomor(&pair[1].golongan), "{:?}", r.golongan);
            }
            let last = r.golongan.last().unwrap();
            assert_eq!((&p.golongan, p.tmt_golongan), (&last.golongan, last.tmt));
            let entry_golongan = rank(&r.golongan[0].golongan);
            assert!([II_A, II_C, III_A, III_B, III_C].contains(&entry_golongan));

            // Pendidikan: SLTA first, levels and years increasing, the entry level before TMT CPNS.
            assert!((2..=5).contains(&r.pendidikan.len()));
            assert_eq!(r.pendidikan[0].tingkat, "12");
            for pair in r.pendidikan.windows(2) {
                assert!(pair[0].tingkat < pair[1].tingkat, "{:?}", r.pendidikan);
                assert!(pair[0].tahun_lulus < pair[1].tahun_lulus, "{:?}", r.pendidikan);
            }
            let before_cpns: Vec<_> =
                r.pendidikan.iter().filter(|e| i32::from(e.tahun_lulus) < p.tmt_cpns.year()).collect();
            let entry_level = &before_cpns.last().expect("education before TMT CPNS").tingkat;
            let expected_entry = match entry_level.as_str() {
                "12" => vec![II_A],
                "20" => vec![II_C],
                "30" | "40" => vec![III_A, III_B], // dokter: III/b
                "45" => vec![III_B],
                _ => vec![III_C],
            };
            assert!(expected_entry.contains(&entry_golongan), "entry {entry_level} at {}", r.golongan[0].golongan);

            // Jabatan
            assert!((1..=6).contains(&r.jabatan.len()));
            assert_eq!(r.jabatan[0].tmt, p.tmt_cpns);
            for pair in r.jabatan.windows(2) {
                assert!(pair[0].tmt < pair[1].tmt);
            }
            for j in &r.jabatan {
                assert!(["1", "2", "4"].contains(&j.jenis_jabatan.as_str()));
                assert_eq!(j.eselon.is_some(), j.jenis_jabatan == "1", "{j:?}");
                assert!(j.tanggal_sk < j.tmt);
            }

            // Nothing after the extract date; SKs dated before their TMT.
            for g in &r.golongan {
                assert!(g.tmt <= AS_OF && g.tanggal_sk < g.tmt);
                assert!(g.nomor_sk.ends_with(&g.tmt.year().to_string()), "{}", g.nomor_sk);
            }
            assert!(r.jabatan.iter().all(|j| j.tmt <= AS_OF));
            assert!(r.pendidikan.iter().all(|e| i32::from(e.tahun_lulus) < AS_OF.year()));

            // Master fields
            assert!(!p.nama.trim().is_empty() && !p.tempat_lahir.is_empty());
            assert!(["1", "2", "3", "4", "5", "6", "7"].contains(&p.agama.as_str()));
            assert!(["1", "2", "3", "4"].contains(&p.status_kawin.as_str()));
            assert_eq!(p.kedudukan_hukum, "01");
            assert!(p.alamat.starts_with("Jl. ") && p.alamat.contains(" No. ") && p.alamat.contains(", Kel. "));
            assert!(p.telepon.starts_with("08") && (11..=13).contains(&p.telepon.len()));
            assert!(p.telepon.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(p.email, "");
            assert_eq!(p.versi, 1);

            // Family: spouses by marital status, children after the first marriage.
            let expected_spouses: &[usize] = match p.status_kawin.as_str() {
                "1" => &[0],
                "2" => &[1, 2],
                _ => &[1],
            };
            assert!(expected_spouses.contains(&r.pasangan.len()), "{} with {:?}", p.status_kawin, r.pasangan);
            if let Some(current) = r.pasangan.last() {
                let expected = match p.status_kawin.as_str() {
                    "2" => "MENIKAH",
                    "3" => "CERAI",
                    _ => "MENINGGAL",
                };
                assert_eq!(current.status, expected);
            }
            for s in &r.pasangan {
                assert!(s.tanggal_menikah <= AS_OF && s.tanggal_menikah.year() - p.tanggal_lahir.year() >= 22);
                assert!(s.tanggal_menikah.year() - s.tanggal_lahir.year() >= 19, "{s:?}");
                let spouse_gender = if gender == Gender::Male { Gender::Female } else { Gender::Male };
                if let Some(nik) = &s.nik {
                    Nik::parse(nik).unwrap().check_against(s.tanggal_lahir, spouse_gender).unwrap();
                    assert!(niks.insert(nik.clone()), "duplicate NIK {nik}");
                }
                if let Some(nip) = &s.nip_pasangan {
                    Nip::parse(nip).unwrap().check_against(s.tanggal_lahir, spouse_gender).unwrap();
                }
                assert!(s.nomor_akta_nikah.ends_with(&s.tanggal_menikah.year().to_string()));
            }
            for pair in r.pasangan.windows(2) {
                assert!(pair[0].tanggal_menikah < pair[1].tanggal_menikah);
            }
            assert!(r.anak.len() <= 4 && (r.anak.is_empty() || !r.pasangan.is_empty()));
            for (i, a) in r.anak.iter().enumerate() {
                assert!(a.tanggal_lahir > r.pasangan[0].tanggal_menikah && a.tanggal_lahir <= AS_OF);
                if let Some(nik) = &a.nik {
                    let child_gender = Gender::from_code(&a.jenis_kelamin).unwrap();
                    Nik::parse(nik).unwrap().check_against(a.tanggal_lahir, child_gender).unwrap();
                    assert!(niks.insert(nik.clone()), "duplicate NIK {nik}");
                }
                assert_eq!(a.tunjangan, i < 2 && AS_OF.year() - a.tanggal_lahir.year() < 21);
            }
            for pair in r.anak.windows(2) {
                assert!(pair[0].tanggal_lahir < pair[1].tanggal_lahir);
            }

            for id in r
                .golongan
                .iter()
                .map(|g| g.id)
                .chain(r.pendidikan.iter().map(|e| e.id))
                .chain(r.jabatan.iter().map(|j| j.id))
                .chain(r.pasangan.iter().map(|s| s.id))
                .chain(r.anak.iter().map(|a| a.id))
            {
                assert_eq!(id.get_version_num(), 4);
                assert!(ids.insert(id), "duplicate id");
            }
        }
    }

    #[test]
    fn gelar_follow_the_highest_education() {
        let records = generate(&GeneratorConfig { seed: 5 }, &units(), 2_000);
        for r in &records {
            let p = &r.pns;
            let highest = r.pendidikan.last().unwrap();
            let masters = p.gelar_belakang.split(", ").filter(|g| g.starts_with("M.")).count();
            match highest.tingkat.as_str() {
                "20" => assert!(p.gelar_belakang.starts_with("A.Md.") && p.gelar_depan.is_empty(), "{p:?}"),
                "30" | "40" => {
                    assert_eq!(masters, 0, "{p:?}");
                    // One S1 title: behind the name, or an old or professional title in front.
                    let behind = p.gelar_belakang.split(", ").filter(|g| !g.is_empty()).count();
                    let front = ["Drs.", "Dra.", "Ir.", "dr."].contains(&p.gelar_depan.as_str());
                    assert!(behind == 1 || (behind == 0 && front), "{p:?}");
                }
                "45" => assert_eq!(masters, 1, "{p:?}"),
                "50" => assert!(p.gelar_depan.starts_with("Dr.") && masters <= 1, "{p:?}"),
                other => panic!("highest education {other}"),
            }
            if r.jabatan.iter().any(|j| j.nama_jabatan.starts_with("Dokter")) {
                assert!(p.gelar_depan.contains("dr."), "{p:?}");
            }
        }
    }

    #[test]
    fn names_are_varied_and_regional() {
        let records = generate(&GeneratorConfig { seed: 9 }, &units(), 2_000);
        let names: Vec<&str> = records.iter().map(|r| r.pns.nama.as_str()).collect();
        let distinct: HashSet<_> = names.iter().collect();
        assert!(distinct.len() > 1_000, "only {} distinct names", distinct.len());
        assert!(names.iter().any(|n| !n.contains(' ')), "one-word names");
        assert!(names.iter().any(|n| n.contains('\'')), "names with an apostrophe");
        // Bali (every 6th record from index 3): mostly I Wayan / Ni Luh names and Hindu.
        let bali: Vec<_> = records.iter().skip(3).step_by(6).collect();
        let balinese = bali.iter().filter(|r| r.pns.nama.starts_with("I ") || r.pns.nama.starts_with("Ni ")).count();
        assert!(balinese * 2 > bali.len(), "{balinese} of {} Balinese names", bali.len());
        assert!(bali.iter().filter(|r| r.pns.agama == "4").count() * 2 > bali.len());
        for r in &bali {
            let balinese = r.pns.nama.starts_with("I ") || r.pns.nama.starts_with("Ni ");
            if balinese {
                assert_eq!(r.pns.jenis_kelamin, if r.pns.nama.starts_with("I ") { "L" } else { "P" });
            }
        }
        // Medan: Batak marga.
        let medan = records.iter().skip(4).step_by(6).filter(|r| BATAK_MARGA.iter().any(|m| r.pns.nama.ends_with(m)));
        assert!(medan.count() > 100);
        let kinds: HashSet<_> =
            records.iter().flat_map(|r| r.jabatan.iter().map(|j| j.jenis_jabatan.as_str())).collect();
        assert_eq!(kinds.len(), 3);
    }

    #[test]
    fn a_hundred_thousand_nips_and_niks_are_unique() {
        let started = Instant::now();
        let records = generate(&GeneratorConfig { seed: 3 }, &units(), 100_000);
        let elapsed = started.elapsed();
        let nips: HashSet<_> = records.iter().map(|r| r.pns.nip.as_str()).collect();
        let niks: HashSet<_> = records.iter().map(|r| r.pns.nik.as_str()).collect();
        assert_eq!(nips.len(), records.len());
        assert_eq!(niks.len(), records.len());
        eprintln!("100,000 PNS generated in {elapsed:?}");
    }

    #[test]
    fn sequences_stay_unique_when_birth_dates_collide() {
        // One region and a small world of many people: forces shared birth dates and TMT months.
        let one = vec![UnitTarget {
            instansi_id: Uuid::nil(),
            unor_id: Uuid::nil(),
            region_code: "340401".into(),
            jenis_pegawai: "2".into(),
        }];
        let records = generate(&GeneratorConfig { seed: 11 }, &one, 30_000);
        let nips: HashSet<_> = records.iter().map(|r| r.pns.nip.as_str()).collect();
        let niks: HashSet<_> = records.iter().map(|r| r.pns.nik.as_str()).collect();
        assert_eq!((nips.len(), niks.len()), (records.len(), records.len()));
        assert!(records.iter().any(|r| !r.pns.nip.ends_with("001")), "some NIPs need a later sequence");
        assert!(records.iter().any(|r| !r.pns.nik.ends_with("0001")), "some NIKs need a later sequence");
    }
}
