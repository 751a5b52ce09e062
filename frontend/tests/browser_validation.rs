//! The shared validation, run inside headless Chromium: the browser must reach exactly the
//! verdicts the server does.

#![cfg(target_arch = "wasm32")]

use domain::{ErrorCode, Lang, Msg, Nik, Nip};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn nip_structure_is_checked_in_the_browser() {
    let nip = Nip::parse("198503152010011002").expect("a well-formed NIP");
    assert_eq!(nip.tmt_cpns_year(), 2010);
    assert_eq!(Nip::parse("12345").unwrap_err(), ErrorCode::NipFormat);
    assert_eq!(Nip::parse("198502302010011002").unwrap_err(), ErrorCode::NipBirthDate);
}

#[wasm_bindgen_test]
fn nik_birth_date_for_women_is_day_plus_forty() {
    let nik = Nik::parse("3404015503850001").expect("a woman's NIK (15 + 40)");
    assert_eq!(nik.gender(), domain::Gender::Female);
    assert_eq!(Nik::parse("34040155038").unwrap_err(), ErrorCode::NikFormat);
}

/// The WASM carries Indonesian only; English arrives with an English page (`app::i18n`,
/// `/teks/en.js`) and is installed once. An entry missing from what arrived shows Indonesian.
#[wasm_bindgen_test]
fn english_texts_come_from_the_page_and_fall_back_to_indonesian() {
    for msg in Msg::ALL {
        assert!(!msg.text(Lang::Id).is_empty());
    }
    assert_eq!(ErrorCode::CredentialsWrong.text(Lang::Id), "NIP/nama pengguna atau kata sandi salah.");
    assert_eq!(Msg::SignIn.text(Lang::En), "Masuk", "nothing installed yet: Indonesian");
    let messages = Msg::ALL.iter().map(|m| format!("en: {}", m.text(Lang::Id))).collect();
    let mut errors: Vec<String> = ErrorCode::ALL.iter().map(|e| format!("en: {}", e.name())).collect();
    let last = *ErrorCode::ALL.last().unwrap();
    errors.pop();
    domain::i18n::english::install(messages, errors);
    assert_eq!(Msg::SignIn.text(Lang::En), "en: Masuk");
    assert_eq!(Msg::SignIn.text(Lang::Id), "Masuk");
    assert_eq!(ErrorCode::CredentialsWrong.text(Lang::En), "en: CredentialsWrong");
    assert_eq!(last.text(Lang::En), last.text(Lang::Id), "a missing entry shows Indonesian");
}

/// The form's rules as the browser runs them on each keystroke: the same verdicts as the
/// server's (domain/tests/form_rules.rs holds the full set).
#[wasm_bindgen_test]
fn form_rules_run_in_the_browser() {
    use domain::form::*;
    let nip = Nip::parse("199407232020012001").unwrap();
    let today = domain::dates::parse_iso_date("2026-11-24").unwrap();
    let master = Formulir::default();
    let cx = Context { nip: &nip, master: &master, today };
    let mut form = Formulir {
        golongan: vec![
            EntriGolongan { id: "a".into(), golongan: "III/b".into(), tmt: "2020-01-01".into(), ..Default::default() },
            EntriGolongan { id: "b".into(), golongan: "III/a".into(), tmt: "2022-04-01".into(), ..Default::default() },
        ],
        ..Formulir::default()
    };
    let errors = check_section(&form, Bagian::Golongan, &cx);
    assert!(errors.iter().any(|e| e.entri == Some(1) && e.code == ErrorCode::GolonganDecreasing));
    assert!(errors.iter().any(|e| e.field == "nomor_sk" && e.code == ErrorCode::FieldRequired));

    form.data_utama.tanggal_lahir = "2015-02-30".into();
    form.data_utama.nama = "Dr. Siti".into();
    let errors = check_section(&form, Bagian::DataUtama, &cx);
    assert!(errors.iter().any(|e| e.field == "tanggal_lahir" && e.code == ErrorCode::InvalidDate));
    assert!(errors.iter().any(|e| e.field == "nama" && e.code == ErrorCode::NameHasTitle));

    form.data_utama.tanggal_lahir = "1994-08-03".into();
    form.data_utama.jenis_kelamin = "P".into();
    assert_eq!(proposed_nip(&nip, &form.data_utama).unwrap().as_str(), "199408032020012001");
}

#[wasm_bindgen_test]
fn a_draft_section_survives_the_json_round_trip_of_local_storage() {
    use domain::form::*;
    let isi = IsiBagian::Stakeholder(DataStakeholder { nomor_kpe: "KPE-1".into(), ..Default::default() });
    let text = serde_json::to_string(&isi).unwrap();
    assert_eq!(serde_json::from_str::<IsiBagian>(&text).unwrap(), isi);
}
