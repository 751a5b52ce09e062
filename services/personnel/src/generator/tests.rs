//! What holds for every generated record (the module notes list it).

use std::collections::HashSet;
use std::time::Instant;

use domain::{Gender, Nik, Nip};
use uuid::Uuid;

use super::careers::{GOLONGAN, III_A, III_B, III_C, II_A, II_C};
use super::data::names::BATAK_MARGA;
use super::rng::{date, month_number};
use super::{generate, GeneratorConfig, UnitTarget, AS_OF};

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
        assert_eq!((p.instansi_id, p.unor_id, &p.jenis_pegawai), (unit.instansi_id, unit.unor_id, &unit.jenis_pegawai));
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
    let kinds: HashSet<_> = records.iter().flat_map(|r| r.jabatan.iter().map(|j| j.jenis_jabatan.as_str())).collect();
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
