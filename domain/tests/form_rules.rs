//! Every rule of the re-registration form, with good and bad examples.

use domain::dates::parse_iso_date;
use domain::form::rules::{check_name, check_title};
use domain::form::*;
use domain::{ErrorCode, Nip};

const NIP: &str = "199407232020012001"; // born 1994-07-23, CPNS January 2020, woman

fn today() -> time::Date {
    parse_iso_date("2026-11-24").unwrap()
}

/// A complete, valid form for the NIP above.
fn valid() -> Formulir {
    // A struct literal, then field by field: the sections read better one at a time.
    let mut f = Formulir { sesuai: Vec::new(), ..Formulir::default() };
    f.data_utama = DataUtama {
        nama: "Siti Nur'aini".into(),
        gelar_depan: "".into(),
        gelar_belakang: "S.Pd., M.Pd.".into(),
        tempat_lahir: "Sleman".into(),
        tanggal_lahir: "1994-07-23".into(),
        jenis_kelamin: "P".into(),
        agama: "1".into(),
        status_kawin: "2".into(),
        nik: "3404016307940001".into(),
        npwp: "12.345.678.9-012.000".into(),
        nomor_karpeg: "".into(),
        alamat: "Jl. Kaliurang km 7".into(),
        telepon: "0812 2745 1234".into(),
        email: "siti@example.go.id".into(),
        jenis_pegawai: "2".into(),
        tmt_cpns: "2020-01-01".into(),
        tmt_pns: "2021-03-01".into(),
    };
    f.data_posisi = DataPosisi {
        unor: "u1".into(),
        lokasi_kerja: "3404".into(),
        jenis_jabatan: "2".into(),
        jabatan: "JFT0001".into(),
        eselon: "".into(),
        tmt_jabatan: "2021-03-01".into(),
        kedudukan_hukum: "01".into(),
    };
    let gol = |id: &str, g: &str, tmt: &str| EntriGolongan {
        id: id.into(),
        golongan: g.into(),
        jenis_kenaikan: "REGULER".into(),
        masa_kerja_tahun: "0".into(),
        masa_kerja_bulan: "0".into(),
        nomor_sk: "813/001".into(),
        tanggal_sk: tmt.into(),
        tmt: tmt.into(),
        ..Default::default()
    };
    f.golongan = vec![gol("g1", "III/a", "2020-01-01"), gol("g2", "III/b", "2024-04-01")];
    let edu = |id: &str, t: &str, year: &str| EntriPendidikan {
        id: id.into(),
        tingkat: t.into(),
        nama_sekolah: "Sekolah".into(),
        tahun_lulus: year.into(),
        ..Default::default()
    };
    f.pendidikan = vec![edu("p1", "12", "2012"), edu("p2", "40", "2016")];
    f.jabatan = vec![EntriJabatan {
        id: "j1".into(),
        jenis_jabatan: "2".into(),
        unor: "u1".into(),
        jabatan: "JFT0001".into(),
        tmt: "2021-03-01".into(),
        nomor_sk: "821/77".into(),
        tanggal_sk: "2021-02-20".into(),
        ..Default::default()
    }];
    f
}

fn check(form: &Formulir, bagian: Bagian) -> Vec<(Option<usize>, String, ErrorCode)> {
    let nip = Nip::parse(NIP).unwrap();
    let master = valid();
    let cx = Context { nip: &nip, master: &master, today: today() };
    check_section(form, bagian, &cx).into_iter().map(|e| (e.entri, e.field, e.code)).collect()
}

fn has(errors: &[(Option<usize>, String, ErrorCode)], field: &str, code: ErrorCode) -> bool {
    errors.iter().any(|(_, f, c)| f == field && *c == code)
}

fn confirmed(mut f: Formulir) -> Formulir {
    f.sesuai = DataUtama::FIELDS.iter().map(|s| s.key.to_owned()).collect();
    f
}

#[test]
fn a_complete_form_passes_every_section() {
    let f = confirmed(valid());
    for bagian in [Bagian::DataUtama, Bagian::DataPosisi, Bagian::Golongan, Bagian::Pendidikan, Bagian::Jabatan] {
        assert_eq!(check(&f, bagian), vec![], "{bagian:?}");
    }
    for bagian in [Bagian::DiklatStruktural, Bagian::DiklatFungsional, Bagian::Pasangan, Bagian::Anak] {
        assert_eq!(check(&f, bagian), vec![], "empty {bagian:?} is fine");
    }
}

#[test]
fn names_with_apostrophes_hyphens_and_one_word_pass() {
    for good in ["Siti Nur'aini", "Sukarno", "Moh. Yamin", "Anak Agung Gde Agung", "Nur-Aisyah", "Ma’ruf"] {
        assert_eq!(check_name(good), Ok(()), "{good}");
    }
}

#[test]
fn names_with_titles_or_digits_fail() {
    assert_eq!(check_name("Dr. Budi Santoso"), Err(ErrorCode::NameHasTitle));
    assert_eq!(check_name("Budi Santoso, S.H."), Err(ErrorCode::NameHasTitle));
    assert_eq!(check_name("Hj. Aminah"), Err(ErrorCode::NameHasTitle));
    assert_eq!(check_name("Budi 2"), Err(ErrorCode::NameCharacters));
    assert_eq!(check_name("  "), Err(ErrorCode::FieldRequired));
    assert_eq!(check_name("'"), Err(ErrorCode::NameCharacters));
}

#[test]
fn titles_accept_academic_forms() {
    for good in ["S.H., M.Hum.", "Dr. Ir.", "S.Kom", "A.Md.Kep.", "", "Prof. Dr. H."] {
        assert_eq!(check_title(good), Ok(()), "{good}");
    }
    assert_eq!(check_title("S1 <b>"), Err(ErrorCode::TitleCharacters));
}

#[test]
fn data_utama_requires_a_tick_or_an_edit_for_each_master_value() {
    let f = valid(); // nothing ticked, nothing changed
    let errors = check(&f, Bagian::DataUtama);
    assert!(has(&errors, "nama", ErrorCode::ConfirmOrEdit));
    let mut edited = confirmed(valid());
    edited.sesuai.retain(|k| k != "alamat");
    edited.data_utama.alamat = "Jl. Magelang 10".into();
    assert_eq!(check(&edited, Bagian::DataUtama), vec![]);
}

#[test]
fn nik_must_agree_with_birth_date_and_gender() {
    let mut f = confirmed(valid());
    f.data_utama.nik = "3404012307940001".into(); // day not + 40: a man's NIK
    assert!(has(&check(&f, Bagian::DataUtama), "nik", ErrorCode::NikBirthDateMismatch));
    f.data_utama.nik = "3404016308940001".into(); // wrong month
    assert!(has(&check(&f, Bagian::DataUtama), "nik", ErrorCode::NikBirthDateMismatch));
    f.data_utama.nik = "34040163079400".into();
    assert!(has(&check(&f, Bagian::DataUtama), "nik", ErrorCode::NikFormat));
}

#[test]
fn impossible_and_future_dates_are_refused() {
    let mut f = confirmed(valid());
    f.data_utama.tanggal_lahir = "2015-02-30".into();
    assert!(has(&check(&f, Bagian::DataUtama), "tanggal_lahir", ErrorCode::InvalidDate));
    f.data_utama.tanggal_lahir = "2030-01-01".into();
    assert!(has(&check(&f, Bagian::DataUtama), "tanggal_lahir", ErrorCode::DateInFuture));
}

#[test]
fn tmt_cpns_must_match_the_nip_and_tmt_pns_follow_it() {
    let mut f = confirmed(valid());
    f.data_utama.tmt_cpns = "2019-01-01".into();
    assert!(has(&check(&f, Bagian::DataUtama), "tmt_cpns", ErrorCode::NipTmtCpnsMismatch));
    let mut f = confirmed(valid());
    f.data_utama.tmt_pns = "2019-12-01".into();
    assert!(has(&check(&f, Bagian::DataUtama), "tmt_pns", ErrorCode::EndBeforeStart));
}

#[test]
fn a_birth_date_change_proposes_a_new_nip() {
    let nip = Nip::parse(NIP).unwrap();
    let mut d = valid().data_utama;
    assert_eq!(proposed_nip(&nip, &d), None);
    d.tanggal_lahir = "1994-08-03".into();
    assert_eq!(proposed_nip(&nip, &d).unwrap().as_str(), "199408032020012001");
    d.jenis_kelamin = "L".into();
    assert_eq!(proposed_nip(&nip, &d).unwrap().as_str(), "199408032020011001");
}

#[test]
fn contact_fields_have_formats() {
    let mut f = confirmed(valid());
    f.data_utama.email = "siti@".into();
    f.data_utama.telepon = "12ab".into();
    f.data_utama.npwp = "123".into();
    let errors = check(&f, Bagian::DataUtama);
    assert!(has(&errors, "email", ErrorCode::EmailFormat));
    assert!(has(&errors, "telepon", ErrorCode::PhoneFormat));
    assert!(has(&errors, "npwp", ErrorCode::NpwpFormat));
}

#[test]
fn golongan_tmts_increase_and_ranks_never_go_down() {
    let mut f = valid();
    f.golongan[1].tmt = "2020-01-01".into();
    assert!(has(&check(&f, Bagian::Golongan), "tmt", ErrorCode::GolonganTmtOrder));
    let mut f = valid();
    f.golongan[1].golongan = "II/d".into();
    assert_eq!(check(&f, Bagian::Golongan), vec![(Some(1), "golongan".into(), ErrorCode::GolonganDecreasing)]);
    let mut f = valid();
    f.golongan[0].masa_kerja_bulan = "12".into();
    assert!(has(&check(&f, Bagian::Golongan), "masa_kerja_bulan", ErrorCode::MonthsOutOfRange));
    let mut f = valid();
    f.golongan.clear();
    assert!(has(&check(&f, Bagian::Golongan), "", ErrorCode::ListEmpty));
    let mut f = valid();
    f.golongan[0].golongan = "V/z".into();
    assert!(has(&check(&f, Bagian::Golongan), "golongan", ErrorCode::CodeUnknown));
}

#[test]
fn education_years_fit_the_levels() {
    let mut f = valid();
    f.pendidikan[0].tahun_lulus = "2017".into(); // SLTA after S1
    assert!(has(&check(&f, Bagian::Pendidikan), "tahun_lulus", ErrorCode::PendidikanYearOrder));
    let mut f = valid();
    f.pendidikan[0].tahun_lulus = "2003".into(); // SLTA at 9
    assert!(has(&check(&f, Bagian::Pendidikan), "tahun_lulus", ErrorCode::GraduatedTooYoung));
    let mut f = valid();
    f.pendidikan[0].tahun_lulus = "12".into();
    assert!(has(&check(&f, Bagian::Pendidikan), "tahun_lulus", ErrorCode::YearInvalid));
    let mut f = valid();
    f.pendidikan[0].pertama_cpns = "Y".into();
    f.pendidikan[1].pertama_cpns = "Y".into();
    assert!(has(&check(&f, Bagian::Pendidikan), "pertama_cpns", ErrorCode::PertamaCpnsOnce));
}

#[test]
fn structural_positions_do_not_overlap() {
    let post = |id: &str, tmt: &str, end: &str| EntriJabatan {
        id: id.into(),
        jenis_jabatan: "1".into(),
        unor: "u".into(),
        jabatan: "Kepala Seksi".into(),
        eselon: "IV.a".into(),
        tmt: tmt.into(),
        tmt_selesai: end.into(),
        nomor_sk: "1".into(),
        tanggal_sk: tmt.into(),
        ..Default::default()
    };
    let mut f = valid();
    f.jabatan = vec![post("a", "2021-01-01", "2023-01-01"), post("b", "2023-01-01", "")];
    assert_eq!(check(&f, Bagian::Jabatan), vec![], "ending the day the next starts is fine");
    f.jabatan[0].tmt_selesai = "2023-06-01".into();
    assert_eq!(check(&f, Bagian::Jabatan), vec![(Some(1), "tmt".into(), ErrorCode::JabatanOverlap)]);
    f.jabatan[0].tmt_selesai = "2020-06-01".into();
    assert!(has(&check(&f, Bagian::Jabatan), "tmt_selesai", ErrorCode::EndBeforeStart));
    f.jabatan[0].tmt_selesai = "".into();
    f.jabatan[0].eselon = "".into();
    assert!(has(&check(&f, Bagian::Jabatan), "eselon", ErrorCode::EselonRequired));
}

#[test]
fn family_entries_are_checked() {
    let mut f = valid();
    f.anak = vec![EntriAnak {
        id: "a".into(),
        nama: "Rizky".into(),
        tempat_lahir: "Sleman".into(),
        tanggal_lahir: "2022-05-04".into(),
        jenis_kelamin: "L".into(),
        nik: "3404010405220002".into(),
        status_anak: "KANDUNG".into(),
        orang_tua: "BERSAMA".into(),
        tunjangan: "Y".into(),
        ..Default::default()
    }];
    assert_eq!(check(&f, Bagian::Anak), vec![(Some(0), "orang_tua".into(), ErrorCode::ChildParentMissing)]);
    f.pasangan = vec![EntriPasangan {
        id: "s".into(),
        nama: "Ahmad".into(),
        tempat_lahir: "Bantul".into(),
        tanggal_lahir: "1992-01-15".into(),
        tanggal_menikah: "2019-06-01".into(),
        nomor_akta_nikah: "123/2019".into(),
        pns: "Y".into(),
        status: "MENIKAH".into(),
        ..Default::default()
    }];
    assert_eq!(check(&f, Bagian::Anak), vec![]);
    assert_eq!(check(&f, Bagian::Pasangan), vec![(Some(0), "nip".into(), ErrorCode::SpouseNipRequired)]);
    f.pasangan[0].nip = "199201152015031002".into();
    assert_eq!(check(&f, Bagian::Pasangan), vec![]);
    f.pasangan[0].nip = "199301152015031002".into();
    assert!(has(&check(&f, Bagian::Pasangan), "nip", ErrorCode::NipBirthDateMismatch));
    f.anak[0].nik = "3404014405220002".into(); // a girl's NIK for a boy
    assert!(has(&check(&f, Bagian::Anak), "nik", ErrorCode::NikBirthDateMismatch));
}

#[test]
fn scores_choices_and_numbers_are_bounded() {
    let mut f = valid();
    f.self_assessment.integritas = "7".into();
    let errors = check(&f, Bagian::SelfAssessment);
    assert!(has(&errors, "integritas", ErrorCode::ScoreInvalid));
    assert!(has(&errors, "kerja_sama", ErrorCode::FieldRequired));
    assert!(!has(&errors, "catatan", ErrorCode::FieldRequired));
    f.sosial_ekonomi.status_rumah = "ISTANA".into();
    f.sosial_ekonomi.jarak_km = "-3".into();
    let errors = check(&f, Bagian::SosialEkonomi);
    assert!(has(&errors, "status_rumah", ErrorCode::ChoiceInvalid));
    assert!(has(&errors, "jarak_km", ErrorCode::NumberInvalid));
}

#[test]
fn sections_round_trip_through_the_form() {
    let f = valid();
    let mut g = Formulir::default();
    for bagian in Bagian::ALL {
        g.apply(f.section(*bagian));
        assert_eq!(Bagian::from_slug(bagian.slug()), Some(*bagian));
    }
    assert_eq!(f, g);
}

#[test]
fn fields_are_reachable_by_section_entry_and_key() {
    let mut f = valid();
    assert_eq!(f.get_field(Bagian::DataUtama, None, "nama"), "Siti Nur'aini");
    assert_eq!(f.get_field(Bagian::Golongan, Some(1), "golongan"), "III/b");
    assert_eq!(f.get_field(Bagian::Golongan, Some(9), "golongan"), "");
    f.set_field(Bagian::Pendidikan, Some(0), "jurusan", "J0001".into());
    assert_eq!(f.pendidikan[0].jurusan, "J0001");
    f.add_entry(Bagian::Anak, "baru-1".into());
    assert_eq!((f.entry_count(Bagian::Anak), f.anak[0].id.as_str()), (1, "baru-1"));
    f.remove_entry(Bagian::Golongan, 0);
    assert_eq!(f.entry_count(Bagian::Golongan), 1);
    assert_eq!(f.entry_count(Bagian::Stakeholder), 1);
}

#[test]
fn teacher_and_doctor_sections_follow_the_position_kind() {
    use domain::JenisFungsional;
    let none = Formulir::applicable(None);
    assert!(!none.contains(&Bagian::Guru) && !none.contains(&Bagian::Dokter));
    assert_eq!(none.len(), Bagian::ALL.len() - 2);
    let guru = Formulir::applicable(Some(JenisFungsional::Guru));
    assert!(guru.contains(&Bagian::Guru) && !guru.contains(&Bagian::Dokter));
    let dokter = Formulir::applicable(Some(JenisFungsional::Dokter));
    assert!(dokter.contains(&Bagian::Dokter) && !dokter.contains(&Bagian::Guru));
}

#[test]
fn a_spouse_is_a_wife_of_a_man_and_a_husband_of_a_woman() {
    use domain::form::Hubungan;
    use domain::Gender;
    assert_eq!(Hubungan::pasangan(Gender::Male), Hubungan::Istri);
    assert_eq!(Hubungan::pasangan(Gender::Female), Hubungan::Suami);
}
