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

#[wasm_bindgen_test]
fn messages_exist_in_both_languages_in_the_browser_build() {
    for msg in Msg::ALL {
        assert!(!msg.text(Lang::Id).is_empty() && !msg.text(Lang::En).is_empty());
    }
    assert_eq!(ErrorCode::WrongPassword.text(Lang::Id), "Kata sandi salah.");
}
