//! Deterministic generator of realistic master PNS records: the demo world now, and the
//! benchmark's 100,000 PNS and import tests later. NIP, NIK, birth date and gender agree;
//! history follows the stated distributions.

use domain::{Gender, Nik, Nip};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use time::{Date, Duration, Month};
use uuid::Uuid;

use crate::model::{PnsMaster, PnsWithHistory, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan};

/// Where generated PNS work.
#[derive(Debug, Clone)]
pub struct UnitTarget {
    pub instansi_id: Uuid,
    pub unor_id: Uuid,
    /// 6-digit kabupaten/kota code used for NIKs, e.g. "340401".
    pub region_code: String,
    pub jenis_pegawai: String,
}

#[derive(Debug, Clone)]
pub struct GeneratorConfig {
    pub seed: u64,
}

const MALE: &[&str] = &[
    "Agus", "Budi", "Suparman", "Sutrisno", "Bambang", "Joko", "Slamet", "Hendra", "Dedi", "Asep", "Ujang", "Rizki",
    "Muhammad", "Ahmad", "Fajar", "Yusuf", "Ma'ruf", "Arif", "Teguh", "Wahyu", "Andi", "Rahmat", "Irfan", "Taufik",
    "Eko", "Dwi", "Bayu", "Hadi", "Imam", "Nur", "Sigit", "Yudi", "Made", "Ketut", "Gede", "Putu", "Firman", "Galih",
];
const FEMALE: &[&str] = &[
    "Sri",
    "Siti",
    "Dewi",
    "Rina",
    "Wulan",
    "Ayu",
    "Fitri",
    "Nurul",
    "Indah",
    "Ratna",
    "Yuliana",
    "Endang",
    "Kartika",
    "Lestari",
    "Maya",
    "Novi",
    "Putri",
    "Rahayu",
    "Sari",
    "Tuti",
    "Wahyuni",
    "Yanti",
    "Nining",
    "Euis",
    "Neneng",
    "Annisa",
    "Aisyah",
    "Fatimah",
    "Desak",
    "Luh",
    "Rosmawati",
    "Herlina",
    "Intan",
    "Citra",
];
const FAMILY: &[&str] = &[
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Kurniawan",
    "Pratama",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitompul",
    "Pane",
    "Sinaga",
    "Hutapea",
    "Tanjung",
    "Chaniago",
    "Koto",
    "Piliang",
    "Sikumbang",
    "Daeng",
    "Mappasessu",
    "Rahman",
    "Hakim",
    "Permana",
    "Sumarna",
    "Suryadi",
    "Wijaya",
    "Susanti",
    "Handayani",
    "Purnamasari",
    "Rahmawati",
    "Lestari",
    "Anggraini",
    "Maharani",
    "Utami",
    "Sembiring",
    "Ginting",
    "Tarigan",
    "Manurung",
    "Pasaribu",
    "O'Neil",
];
const TOWNS: &[&str] = &[
    "Sleman",
    "Yogyakarta",
    "Bantul",
    "Klaten",
    "Magelang",
    "Surakarta",
    "Semarang",
    "Bandung",
    "Garut",
    "Medan",
    "Padang",
    "Bukittinggi",
    "Makassar",
    "Denpasar",
    "Jakarta",
    "Surabaya",
    "Malang",
    "Palembang",
    "Pontianak",
];
const STREETS: &[&str] =
    &["Jl. Kaliurang", "Jl. Magelang", "Jl. Godean", "Jl. Solo", "Jl. Palagan", "Jl. Affandi", "Jl. Monjali"];
const GOLONGAN: &[&str] = &[
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b",
    "IV/c", "IV/d", "IV/e",
];
/// (tingkat_pendidikan code, typical age at graduation, school name prefix, jurusan, gelar)
const EDUCATION: &[(&str, i32, &str, &str, &str)] = &[
    ("10", 15, "SMP Negeri 2", "", ""),
    ("12", 18, "SMA Negeri 1", "IPA", ""),
    ("20", 21, "Politeknik Negeri", "Akuntansi", "A.Md."),
    ("40", 22, "Universitas Gadjah Mada", "Ilmu Komputer", "S.Kom."),
    ("45", 27, "Universitas Indonesia", "Manajemen", "M.M."),
    ("50", 33, "Universitas Airlangga", "Ilmu Administrasi", ""),
];
const JFU: &[&str] =
    &["Pengadministrasi Umum", "Analis Kepegawaian", "Pengelola Keuangan", "Pengolah Data", "Bendahara"];
const JFT: &[&str] = &[
    "Guru Ahli Pertama",
    "Guru Ahli Muda",
    "Dokter Ahli Pertama",
    "Perawat Terampil",
    "Pranata Komputer Ahli Muda",
    "Statistisi Ahli Pertama",
];
const STRUKTURAL: &[(&str, &str)] = &[
    ("Kepala Seksi Data dan Informasi", "IV.a"),
    ("Kepala Subbagian Umum", "IV.a"),
    ("Kepala Bidang Pembinaan", "III.b"),
];

pub fn generate(config: &GeneratorConfig, units: &[UnitTarget], count: usize) -> Vec<PnsWithHistory> {
    assert!(!units.is_empty(), "the generator needs at least one unit");
    let mut rng = StdRng::seed_from_u64(config.seed);
    (0..count).map(|i| one(&mut rng, &units[i % units.len()], i)).collect()
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

fn id(rng: &mut StdRng) -> Uuid {
    Uuid::from_u128(rng.gen::<u128>() & !(0xF000 << 64) | (0x4000 << 64))
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).expect("month 1-12"), day).expect("valid generated date")
}

fn one(rng: &mut StdRng, unit: &UnitTarget, index: usize) -> PnsWithHistory {
    let gender = if rng.gen_bool(0.5) { Gender::Male } else { Gender::Female };
    let birth = date(rng.gen_range(1965..=2000), rng.gen_range(1..=12), rng.gen_range(1..=28));
    let cpns_age = rng.gen_range(19..=35);
    let tmt_cpns = date(birth.year() + cpns_age, rng.gen_range(1..=12), 1);
    // The sequence makes NIP and NIK unique: 999 per (birth date, TMT, gender) is plenty,
    // and the index spreads them so any count up to ~1 million stays unique.
    let sequence = (index % 999) as u16 + 1;
    let nip =
        Nip::compose(birth, tmt_cpns.year(), tmt_cpns.month() as u8, gender, sequence).expect("composed NIP is valid");
    let nik = Nik::compose(&unit.region_code, birth, gender, (index % 9999) as u16 + 1).expect("composed NIK is valid");

    // Education first: it decides the entry golongan and the gelar.
    let highest = match rng.gen_range(0..100) {
        0..=14 => 0,
        15..=29 => 1,
        30..=79 => 2,
        80..=96 => 3,
        _ => 4,
    };
    // EDUCATION[0] is SLTP: listed only for those whose highest level is SLTA, so every PNS
    // has 2 to 5 entries.
    let levels: Vec<usize> = if highest == 0 { vec![0, 1] } else { (1..=highest + 1).collect() };
    let mut pendidikan = Vec::new();
    let mut last_year = 0;
    for (n, level) in levels.iter().enumerate() {
        let (kode, age, school, jurusan, _) = EDUCATION[*level];
        let year = (birth.year() + age).max(last_year + 1);
        last_year = year;
        pendidikan.push(RiwayatPendidikan {
            id: id(rng),
            tingkat: kode.to_owned(),
            nama_sekolah: if n == 0 { format!("{school} {}", pick(rng, TOWNS)) } else { school.to_owned() },
            jurusan: jurusan.to_owned(),
            tahun_lulus: year as i16,
        });
    }
    let gelar_belakang =
        levels.iter().map(|l| EDUCATION[*l].4).filter(|g| !g.is_empty()).collect::<Vec<_>>().join(", ");
    let gelar_depan = if highest == 4 { "Dr.".to_owned() } else { String::new() };

    // Golongan: entry by education, a step roughly every four years, never down.
    let entry = match highest {
        0 => 4,
        1 => 6,
        _ => 8,
    };
    let today_year = 2026;
    let max_steps = ((today_year - tmt_cpns.year()) / 4).max(2) as usize;
    let entries = rng.gen_range(3..=8).min(max_steps + 1).max(3);
    let mut golongan = Vec::new();
    let mut tmt = tmt_cpns;
    for step in 0..entries {
        let index = (entry + step).min(GOLONGAN.len() - 1);
        if step > 0 {
            tmt = date(tmt.year() + rng.gen_range(2..=4), if rng.gen_bool(0.5) { 4 } else { 10 }, 1);
        }
        golongan.push(RiwayatGolongan {
            id: id(rng),
            golongan: GOLONGAN[index].to_owned(),
            tmt,
            nomor_sk: format!("823.{}/{}/BKD/{}", step + 1, rng.gen_range(100..9999), tmt.year()),
            tanggal_sk: tmt - Duration::days(rng.gen_range(7..60)),
        });
        if index == GOLONGAN.len() - 1 {
            break;
        }
    }
    let current = golongan.last().expect("at least one golongan").clone();

    let positions = rng.gen_range(1..=6);
    let mut jabatan = Vec::new();
    let mut tmt = tmt_cpns;
    for n in 0..positions {
        if n > 0 {
            tmt = date(tmt.year() + rng.gen_range(1..=3), rng.gen_range(1..=12), 1);
        }
        let (jenis, nama, eselon) = match rng.gen_range(0..10) {
            0..=4 => ("4", pick(rng, JFU).to_string(), None),
            5..=8 => ("2", pick(rng, JFT).to_string(), None),
            _ => {
                let (nama, eselon) = *pick(rng, STRUKTURAL);
                ("1", nama.to_owned(), Some(eselon.to_owned()))
            }
        };
        jabatan.push(RiwayatJabatan {
            id: id(rng),
            jenis_jabatan: jenis.to_owned(),
            nama_jabatan: nama,
            eselon,
            unor_id: unit.unor_id,
            tmt,
            nomor_sk: format!("821.{}/{}/{}", n + 1, rng.gen_range(100..9999), tmt.year()),
            tanggal_sk: tmt - Duration::days(rng.gen_range(7..60)),
        });
    }

    let given = if gender == Gender::Male { pick(rng, MALE) } else { pick(rng, FEMALE) };
    let nama = match rng.gen_range(0..10) {
        0 => given.to_string(), // one-word names are common
        1..=6 => format!("{given} {}", pick(rng, FAMILY)),
        _ => format!("{given} {} {}", pick(rng, if gender == Gender::Male { MALE } else { FEMALE }), pick(rng, FAMILY)),
    };
    let pns = PnsMaster {
        nip: nip.as_str().to_owned(),
        nik: nik.as_str().to_owned(),
        nama,
        gelar_depan,
        gelar_belakang,
        tempat_lahir: pick(rng, TOWNS).to_string(),
        tanggal_lahir: birth,
        jenis_kelamin: gender.code().to_owned(),
        agama: if rng.gen_bool(0.85) { "1".into() } else { rng.gen_range(2..=5).to_string() },
        status_kawin: if birth.year() > 1995 && rng.gen_bool(0.5) { "1".into() } else { "2".into() },
        alamat: format!("{} No. {}, Sleman", pick(rng, STREETS), rng.gen_range(1..200)),
        telepon: format!("08{}", rng.gen_range(1_100_000_000u64..9_999_999_999)),
        email: String::new(),
        instansi_id: unit.instansi_id,
        unor_id: unit.unor_id,
        jenis_pegawai: unit.jenis_pegawai.clone(),
        kedudukan_hukum: "01".into(),
        tmt_cpns,
        tmt_pns: Some(date(tmt_cpns.year() + 1, tmt_cpns.month() as u8, 1)),
        golongan: current.golongan.clone(),
        tmt_golongan: current.tmt,
        versi: 1,
    };
    PnsWithHistory { pns, golongan, pendidikan, jabatan }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn units() -> Vec<UnitTarget> {
        vec![UnitTarget {
            instansi_id: Uuid::nil(),
            unor_id: Uuid::nil(),
            region_code: "340401".into(),
            jenis_pegawai: "2".into(),
        }]
    }

    #[test]
    fn same_seed_same_world() {
        let config = GeneratorConfig { seed: 7 };
        assert_eq!(generate(&config, &units(), 50), generate(&config, &units(), 50));
    }

    #[test]
    fn nip_nik_birth_date_and_gender_agree_and_history_is_ordered() {
        let records = generate(&GeneratorConfig { seed: 1 }, &units(), 2_000);
        let mut nips = HashSet::new();
        let mut niks = HashSet::new();
        for r in &records {
            let p = &r.pns;
            let gender = Gender::from_code(&p.jenis_kelamin).unwrap();
            let nip = Nip::parse(&p.nip).unwrap();
            nip.check_against(p.tanggal_lahir, gender).unwrap();
            nip.check_tmt_cpns(p.tmt_cpns).unwrap();
            Nik::parse(&p.nik).unwrap().check_against(p.tanggal_lahir, gender).unwrap();
            assert!(nips.insert(p.nip.clone()), "duplicate NIP {}", p.nip);
            assert!(niks.insert(p.nik.clone()), "duplicate NIK {}", p.nik);
            assert!((3..=8).contains(&r.golongan.len()) || r.golongan.last().unwrap().golongan == "IV/e");
            assert!((2..=5).contains(&r.pendidikan.len()));
            assert!((1..=6).contains(&r.jabatan.len()));
            for pair in r.golongan.windows(2) {
                assert!(pair[0].tmt < pair[1].tmt);
                let rank = |g: &str| GOLONGAN.iter().position(|x| *x == g).unwrap();
                assert!(rank(&pair[0].golongan) < rank(&pair[1].golongan));
            }
            for pair in r.pendidikan.windows(2) {
                assert!(pair[0].tahun_lulus < pair[1].tahun_lulus);
            }
            assert!(r.golongan[0].tmt >= p.tmt_cpns && p.tmt_cpns > p.tanggal_lahir);
            assert_eq!(p.golongan, r.golongan.last().unwrap().golongan);
        }
    }

    #[test]
    fn a_hundred_thousand_nips_are_unique() {
        let records = generate(&GeneratorConfig { seed: 3 }, &units(), 100_000);
        let nips: HashSet<_> = records.iter().map(|r| r.pns.nip.as_str()).collect();
        assert_eq!(nips.len(), records.len());
    }
}
