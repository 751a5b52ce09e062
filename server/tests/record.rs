//! "Data Saya": a PNS reads their own master record with its history, code lists in words.

mod common;

use app::api::record::{Hubungan, PnsRecordView};
use domain::Role;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_pns_reads_the_own_record_with_history(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let response = app.call(&client, "/api/pns/data-saya", &[]).await;
    assert_eq!(response.status(), 200);
    let record: PnsRecordView = response.json().await.unwrap();
    assert_eq!(record.nip, app.demo.pns_nip);
    // The demo accounts are fixed: the README and the Playwright journeys name them.
    assert_eq!(
        (app.demo.pns_nip.as_str(), app.demo.verifier_nip.as_str()),
        ("199407232020012001", "198405032017011001")
    );
    assert_eq!(record.instansi, "Pemerintah Kabupaten Sleman");
    assert!(["Laki-laki", "Perempuan"].contains(&record.jenis_kelamin.as_str()), "{}", record.jenis_kelamin);
    assert!(record.golongan.contains('(') && !record.golongan.contains("()"), "pangkat resolved: {}", record.golongan);
    assert!((3..=8).contains(&record.riwayat_golongan.len()) || record.golongan.starts_with("IV/e"));
    assert!((2..=5).contains(&record.riwayat_pendidikan.len()));
    assert!(!record.riwayat_jabatan.is_empty());
    let tmts: Vec<_> = record.riwayat_golongan.iter().map(|g| g.tmt.clone()).collect();
    let mut sorted = tmts.clone();
    sorted.sort();
    assert_eq!(tmts, sorted, "history in date order");
    // The family follows the marital status: spouses first, then the children.
    let spouses = record.keluarga.iter().take_while(|k| k.hubungan != Hubungan::Anak).count();
    assert_eq!(
        spouses == 0,
        record.status_kawin == "Belum Kawin",
        "{} with {:?}",
        record.status_kawin,
        record.keluarga
    );
    assert!(record.keluarga[spouses..].iter().all(|k| k.hubungan == Hubungan::Anak));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_record_function_takes_no_nip_so_no_one_reads_another_record(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    assert_ne!(app.demo.verifier_nip, app.demo.pns_nip);
    // The L1 verifier who is also a PNS, with the PNS role active, names the demo PNS (whose
    // record lies in the verifier's scope) and still reads their own record.
    let verifier = app.client_for("verif1.sleman", Role::Pns).await;
    let response = app.call(&verifier, "/api/pns/data-saya", &[("nip", &app.demo.pns_nip)]).await;
    assert_eq!(response.status(), 200);
    let record: PnsRecordView = response.json().await.unwrap();
    assert_eq!(record.nip, app.demo.verifier_nip);
    // And the demo PNS naming the verifier reads their own.
    let pns = app.client_as(Role::Pns).await;
    let response = app.call(&pns, "/api/pns/data-saya", &[("nip", &app.demo.verifier_nip)]).await;
    assert_eq!(response.status(), 200);
    let record: PnsRecordView = response.json().await.unwrap();
    assert_eq!(record.nip, app.demo.pns_nip);
}
