//! `app::browser` inside headless Chromium: localStorage through gloo-storage, keeping the
//! JSON text the form's drafts have always been stored as, and setTimeout through gloo-timers.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use app::browser::{self, local};
use domain::form::{DataStakeholder, IsiBagian};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn a_value_round_trips_through_local_storage_as_plain_json() {
    let key = "sipupns.test.round-trip";
    let bagian = vec![IsiBagian::Stakeholder(DataStakeholder { nomor_kpe: "KPE-1".into(), ..Default::default() })];
    local::set(key, &bagian);
    // serde_json's text, as before gloo: a draft kept by an older build still loads.
    assert_eq!(raw_storage().get_item(key).unwrap(), Some(serde_json::to_string(&bagian).unwrap()));
    assert_eq!(local::get::<Vec<IsiBagian>>(key), Some(bagian));
    local::remove(key);
    assert_eq!(raw_storage().get_item(key).unwrap(), None);
    assert_eq!(local::get::<Vec<IsiBagian>>(key), None);
}

#[wasm_bindgen_test]
fn a_stored_value_that_does_not_decode_reads_as_nothing() {
    let key = "sipupns.test.garbage";
    raw_storage().set_item(key, "{not json").unwrap();
    assert_eq!(local::get::<Vec<IsiBagian>>(key), None);
    raw_storage().set_item(key, "42").unwrap();
    assert_eq!(local::get::<Vec<IsiBagian>>(key), None);
    assert_eq!(local::get::<i32>(key), Some(42));
    local::remove(key);
}

#[wasm_bindgen_test]
fn every_idempotency_key_is_a_fresh_uuid() {
    let (a, b) = (browser::random_uuid(), browser::random_uuid());
    assert_eq!(a.len(), 36);
    assert!(uuid_like(&a) && uuid_like(&b));
    assert_ne!(a, b);
}

fn uuid_like(s: &str) -> bool {
    s.split('-').map(str::len).eq([8, 4, 4, 4, 12]) && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

#[wasm_bindgen_test]
async fn after_runs_its_callback_once_the_delay_has_passed() {
    let fired = Rc::new(Cell::new(0));
    let counter = fired.clone();
    browser::after(Duration::from_millis(20), move || counter.set(counter.get() + 1));
    assert_eq!(fired.get(), 0, "not before the delay");
    // Timers fire in the order of their deadlines: once a later one has run, so has the first.
    let (done, waited) = futures::channel::oneshot::channel();
    browser::after(Duration::from_millis(60), move || {
        let _ = done.send(());
    });
    waited.await.unwrap();
    assert_eq!(fired.get(), 1);
}
