//! Fields of work: the study programmes, campuses, gelar and jabatan that belong together.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::generator) enum Level {
    Slta,
    D3,
    S1,
    S2,
    S3,
}

pub(in crate::generator) const LEVELS: [Level; 5] = [Level::Slta, Level::D3, Level::S1, Level::S2, Level::S3];

/// A jabatan fungsional tertentu ladder: "{name} Ahli Pertama/Muda/Madya"; with `terampil`,
/// D3 holders climb "{name} Terampil/Mahir/Penyelia".
pub(in crate::generator) struct Jft {
    pub(in crate::generator) name: &'static str,
    pub(in crate::generator) min_level: Level,
    pub(in crate::generator) terampil: bool,
}

/// A field of work: it ties the study programmes, gelar and jabatan of one person together.
pub(in crate::generator) struct Track {
    pub(in crate::generator) weight: u32,
    /// Entry-level education weights: SLTA, D3, S1, S2, S3.
    pub(in crate::generator) entry: [u32; 5],
    /// (school kind, jurusan) for SLTA.
    pub(in crate::generator) slta: &'static [(&'static str, &'static str)],
    /// (jurusan, gelar belakang)
    pub(in crate::generator) d3: Option<(&'static str, &'static str)>,
    /// (jurusan, gelar belakang, gelar depan, tingkat code: "40" S1 or "30" D4)
    pub(in crate::generator) s1: (&'static str, &'static str, &'static str, &'static str),
    /// Years an S1 takes after SLTA (dokter: with the profession programme).
    pub(in crate::generator) s1_years: i32,
    /// The pre-1994 title used instead of the S1 gelar belakang: (male, female).
    pub(in crate::generator) old_title: Option<(&'static str, &'static str)>,
    pub(in crate::generator) s2: (&'static str, &'static str),
    pub(in crate::generator) s3: &'static str,
    /// Institutions for D3 and S1.
    pub(in crate::generator) campus: &'static [&'static str],
    pub(in crate::generator) jft: Option<Jft>,
    pub(in crate::generator) jfu: &'static [&'static str],
    /// Struktural posts at eselon IV, then at eselon III.
    pub(in crate::generator) eselon4: &'static [&'static str],
    pub(in crate::generator) eselon3: &'static [&'static str],
}

const SMA: &[(&str, &str)] = &[("SMA Negeri", "IPA"), ("SMA Negeri", "IPS"), ("SMA Negeri", "IPA"), ("MAN", "IPA")];

pub(in crate::generator) const TRACKS: &[Track] = &[
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
pub(in crate::generator) const ADMIN_TRACK: usize = 1;

pub(in crate::generator) const POSTGRADUATE_CAMPUS: &[&str] = &[
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
