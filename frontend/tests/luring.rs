//! The verifier's offline store (`app::luring::simpan`) in headless Chromium's IndexedDB:
//! decisions keep their keys and order across a closed connection (a reload), one waiting
//! decision per submission, statuses persist, and forgetting a submission clears all it kept.

#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use app::api::verifikasi::{KlaimView, TinjauanView};
use app::luring::simpan::Simpanan;
use app::luring::{StatusTertunda, UsulanLuring};
use domain::verifikasi::{Putusan, StatusItem, Tindakan};
use domain::ErrorCode;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Each test has its own database, emptied first (a rerun in the same browser profile).
async fn fresh(nama: &str) -> Simpanan {
    let factory = idb::Factory::new().unwrap();
    factory.delete(nama).unwrap().await.unwrap();
    Simpanan::buka_nama(nama).await.unwrap()
}

fn putusan(item: &str) -> Putusan {
    Putusan {
        item: item.into(),
        kunci: app::browser::random_uuid(),
        keputusan: vec![],
        tindakan: Tindakan::Teruskan,
        catatan: format!("catatan {item}"),
        pinjam: Some(format!("pinjam-{item}")),
    }
}

fn usulan(item: &str, akun: &str) -> UsulanLuring {
    UsulanLuring {
        item: item.into(),
        pinjam: format!("pinjam-{item}"),
        sampai: "2026-12-04 10:00 WIB".into(),
        akun: akun.into(),
        tinjauan: serde_json::to_string(&TinjauanView {
            item: item.into(),
            nip: "199001012015031001".into(),
            nama: "Budi".into(),
            instansi: "Pemerintah Kabupaten Uji".into(),
            putaran: 1,
            tingkat: 1,
            status: StatusItem::Menunggu,
            dikirim: "2026-12-03 09:00 WIB".into(),
            klaim: KlaimView::Milik { sampai: "2026-12-04 10:00 WIB".into() },
            perubahan: vec![],
            label: BTreeMap::from([("agama:1".into(), "Islam".into())]),
            dokumen: vec![],
            tanda: vec![],
            nip_baru: None,
        })
        .unwrap(),
    }
}

#[wasm_bindgen_test]
async fn decisions_keep_their_keys_and_order_across_a_reload() {
    let nama = "sipupns-uji-urutan";
    let simpan = fresh(nama).await;
    let mut keys = Vec::new();
    for item in ["c", "a", "b"] {
        keys.push(simpan.antrekan("verif1", putusan(item)).await.unwrap().kunci);
    }
    simpan.tutup();
    // A new connection is what the page has after a reload or a restarted browser.
    let simpan = Simpanan::buka_nama(nama).await.unwrap();
    let waiting = simpan.tertunda().await.unwrap();
    assert_eq!(waiting.iter().map(|p| p.kunci.clone()).collect::<Vec<_>>(), keys);
    assert_eq!(waiting.iter().map(|p| p.item.as_str()).collect::<Vec<_>>(), ["c", "a", "b"]);
    assert!(waiting.windows(2).all(|w| w[0].urutan < w[1].urutan));
    // The stored request is the one that will be sent: same key, same body.
    assert_eq!(waiting[0].putusan, Putusan { kunci: keys[0].clone(), ..putusan("c") });
    assert!(waiting.iter().all(|p| p.status == StatusTertunda::Menunggu && p.akun == "verif1"));
    simpan.tutup();
}

#[wasm_bindgen_test]
async fn one_waiting_decision_per_submission() {
    let simpan = fresh("sipupns-uji-satu").await;
    let first = simpan.antrekan("verif1", putusan("a")).await.unwrap();
    assert_eq!(simpan.antrekan("verif1", putusan("a")).await.unwrap_err(), ErrorCode::AlreadyDecided);
    let waiting = simpan.tertunda().await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].kunci, first.kunci);
    // The refused attempt did not use up an order number the next one needs.
    let next = simpan.antrekan("verif1", putusan("b")).await.unwrap();
    assert!(next.urutan > first.urutan);
    simpan.tutup();
}

#[wasm_bindgen_test]
async fn a_status_persists_and_forgetting_clears_the_decision_and_the_submission() {
    let nama = "sipupns-uji-lupa";
    let simpan = fresh(nama).await;
    simpan.simpan_usulan(&usulan("a", "verif1")).await.unwrap();
    simpan.simpan_usulan(&usulan("b", "verif1")).await.unwrap();
    simpan.simpan_usulan(&usulan("c", "verif2")).await.unwrap();
    assert_eq!(simpan.usulan("a").await.unwrap(), Some(usulan("a", "verif1")));
    assert_eq!(simpan.usulan("a").await.unwrap().unwrap().tinjauan().unwrap().nama, "Budi");
    assert_eq!(simpan.daftar_usulan("verif1").await.unwrap().len(), 2);
    let a = simpan.antrekan("verif1", putusan("a")).await.unwrap();
    simpan.antrekan("verif1", putusan("b")).await.unwrap();
    simpan.tandai(&a.kunci, StatusTertunda::Konflik(ErrorCode::CheckoutReleased)).await.unwrap();
    simpan.tutup();

    let simpan = Simpanan::buka_nama(nama).await.unwrap();
    let waiting = simpan.tertunda().await.unwrap();
    assert_eq!(waiting[0].status, StatusTertunda::Konflik(ErrorCode::CheckoutReleased));
    simpan.lupakan("a").await.unwrap();
    let waiting = simpan.tertunda().await.unwrap();
    assert_eq!(waiting.iter().map(|p| p.item.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(simpan.usulan("a").await.unwrap(), None);
    assert_eq!(simpan.daftar_usulan("verif1").await.unwrap().len(), 1);
    assert_eq!(simpan.daftar_usulan("verif2").await.unwrap().len(), 1);
    simpan.tutup();
}
