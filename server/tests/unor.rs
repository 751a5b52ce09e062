//! The instansi admin's unit tree (#13): add, rename, move, close, each within the admin's
//! own instansi. A move rewrites every copy of the unit's path in one transaction, so the L1
//! verifiers of a moved unit keep exactly their work (grants follow the unit); a close waits
//! until nothing is left in the unit.

mod common;

use app::api::unor::UnorAdminView;
use app::error::AppError;
use common::TestApp;
use domain::{ErrorCode, Role};
use serde_json::json;

async fn refused(response: reqwest::Response) -> ErrorCode {
    response.json::<AppError>().await.expect("an AppError").0
}

async fn unit(app: &TestApp, nama: &str, instansi_kode: &str) -> (String, String) {
    let (id, path): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT u.id, u.path FROM unor u JOIN instansi i ON i.id = u.instansi_id WHERE u.nama = $1 AND i.kode = $2",
    )
    .bind(nama)
    .bind(instansi_kode)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    (id.to_string(), path)
}

/// The queue's item ids as the verifier sees them.
async fn queue(app: &TestApp, verifier: &reqwest::Client) -> Vec<String> {
    let response = app.call_json(verifier, "/api/verifikasi/antrian", r#"{"filter":{},"setelah":null}"#).await;
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    let mut ids: Vec<String> =
        page["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    ids
}

/// The registrations waiting for the verifier, by NIP.
async fn waiting(app: &TestApp, verifier: &reqwest::Client) -> Vec<String> {
    let home = app.call(verifier, "/api/beranda/verifikasi", &[]).await;
    assert_eq!(home.status(), 200);
    let home: app::api::homes::VerifierHomeView = home.json().await.unwrap();
    let mut nips: Vec<String> = home.waiting.unwrap_or_default().into_iter().map(|w| w.nip).collect();
    nips.sort();
    nips
}

async fn move_unit(app: &TestApp, admin: &reqwest::Client, id: &str, induk: &str) -> reqwest::Response {
    app.call_json(admin, "/api/admin/unor/pindah", &json!({ "unor_id": id, "induk_id": induk }).to_string()).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_moved_unit_keeps_its_verifiers_and_their_work(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    // verif1.sleman verifies Dinas Pendidikan's subtree; the L2 verifier the whole instansi.
    let l1 = app.client_as(Role::VerifikatorL1).await;
    let before = queue(&app, &l1).await;
    assert!(!before.is_empty(), "the demo L1 queue has work");
    let waiting_before = waiting(&app, &l1).await;
    assert!(!waiting_before.is_empty(), "registrations wait in the demo L1's unit");

    let (disdik, old_path) = unit(&app, "Dinas Pendidikan", "KAB-SLEMAN").await;
    let (setda, setda_path) = unit(&app, "Sekretariat Daerah", "KAB-SLEMAN").await;
    assert_eq!(move_unit(&app, &admin, &disdik, &setda).await.status(), 200);

    let (_, new_path) = unit(&app, "Dinas Pendidikan", "KAB-SLEMAN").await;
    assert!(new_path.starts_with(&setda_path) && new_path != old_path);
    let (_, smp_path) = unit(&app, "SMP Negeri 1 Sleman", "KAB-SLEMAN").await;
    assert!(smp_path.starts_with(&new_path), "the subtree moved along");
    // Every copy of the path followed: the L1 grant and the work items.
    let grant_path: String = sqlx::query_scalar(
        "SELECT g.unor_path FROM role_grant g JOIN account a ON a.id = g.account_id
         WHERE a.username = 'verif1.sleman' AND g.role = 'verifikator_l1'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(grant_path, new_path);
    let stale: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_item WHERE starts_with(unor_path, $1)")
        .bind(&old_path)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stale, 0);
    // The same verifier, already signed in, sees exactly the same work, and the registrations
    // waiting in the unit (looked up below the grant's path in the live tree).
    assert_eq!(queue(&app, &l1).await, before);
    assert_eq!(waiting(&app, &l1).await, waiting_before);

    // Back to the top level: the same again.
    assert_eq!(move_unit(&app, &admin, &disdik, "").await.status(), 200);
    assert_eq!(unit(&app, "Dinas Pendidikan", "KAB-SLEMAN").await.1, old_path);
    assert_eq!(queue(&app, &l1).await, before);
    assert_eq!(waiting(&app, &l1).await, waiting_before);

    // Not below itself; not another instansi's unit, nor under one.
    let (smp, _) = unit(&app, "SMP Negeri 1 Sleman", "KAB-SLEMAN").await;
    assert_eq!(refused(move_unit(&app, &admin, &disdik, &smp).await).await, ErrorCode::UnitMoveIntoItself);
    let (bps_unit, _) = unit(&app, "Biro Umum", "BPS").await;
    let response = move_unit(&app, &admin, &bps_unit, "").await;
    assert_eq!(response.status(), 404);
    let response = move_unit(&app, &admin, &disdik, &bps_unit).await;
    assert_eq!(response.status(), 404);
    let moves: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'unor_moved'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(moves, 2, "each move audited, nothing refused written");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn units_are_added_renamed_and_closed_only_when_empty(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let (dinkes, _) = unit(&app, "Dinas Kesehatan", "KAB-SLEMAN").await;
    let add = |induk: String, nama: &str| {
        let body = json!({ "induk_id": induk, "nama": nama, "jenis": "UPT" }).to_string();
        let (app, admin) = (&app, &admin);
        async move { app.call_json(admin, "/api/admin/unor/tambah", &body).await }
    };
    assert_eq!(refused(add(dinkes.clone(), "P").await).await, ErrorCode::UnitNameLength);
    assert_eq!(add(dinkes.clone(), "Puskesmas   Uji").await.status(), 200);
    let (uji, uji_path) = unit(&app, "Puskesmas Uji", "KAB-SLEMAN").await;

    let rename = json!({ "unor_id": uji, "nama": "Puskesmas Uji Baru", "jenis": "UPT" }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/unor/ubah", &rename).await.status(), 200);
    let tree: UnorAdminView = app.call_json(&admin, "/api/admin/unor", "{}").await.json().await.unwrap();
    let listed = tree.unit.iter().find(|u| u.id == uji).expect("listed");
    assert_eq!(
        (listed.nama.as_str(), listed.kedalaman, listed.induk_id.as_str()),
        ("Puskesmas Uji Baru", 1, dinkes.as_str())
    );

    let close = |id: String| {
        let body = json!({ "unor_id": id }).to_string();
        let (app, admin) = (&app, &admin);
        async move { app.call_json(admin, "/api/admin/unor/tutup", &body).await }
    };
    // Open units below, PNS, an L1 verifier: each keeps a unit open.
    assert_eq!(refused(close(dinkes.clone()).await).await, ErrorCode::UnitHasChildren);
    let (puskesmas, _) = unit(&app, "Puskesmas Depok I", "KAB-SLEMAN").await;
    let pns: i64 = sqlx::query_scalar("SELECT count(*) FROM pns WHERE unor_id = $1::uuid")
        .bind(&puskesmas)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(pns > 0, "the demo puts PNS in Puskesmas Depok I");
    assert_eq!(refused(close(puskesmas).await).await, ErrorCode::UnitHasPns);
    sqlx::query(
        "INSERT INTO role_grant (id, account_id, role, instansi_id, unor_id, unor_path)
         SELECT gen_random_uuid(), a.id, 'verifikator_l1', a.instansi_id, $1::uuid, $2 FROM account a WHERE a.username = 'verif2.sleman'",
    )
    .bind(&uji)
    .bind(&uji_path)
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(refused(close(uji.clone()).await).await, ErrorCode::UnitHasVerifiers);
    sqlx::query("DELETE FROM role_grant WHERE unor_path = $1").bind(&uji_path).execute(&app.pool).await.unwrap();

    assert_eq!(close(uji.clone()).await.status(), 200);
    assert_eq!(refused(close(uji.clone()).await).await, ErrorCode::UnitClosed);
    assert_eq!(refused(add(uji.clone(), "Pustu Uji").await).await, ErrorCode::UnitClosed);
    let tree: UnorAdminView = app.call_json(&admin, "/api/admin/unor", "{}").await.json().await.unwrap();
    assert!(tree.unit.iter().find(|u| u.id == uji).unwrap().ditutup);
    // A closed unit is offered to no PNS.
    let reference = reference::Reference::new(app.pool.clone());
    let sleman: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM instansi WHERE kode = 'KAB-SLEMAN'").fetch_one(&app.pool).await.unwrap();
    assert!(reference.search_unor(sleman, "Puskesmas Uji", 20).await.unwrap().is_empty());

    // Another instansi's unit is not found, whatever the action.
    let (bps_unit, _) = unit(&app, "Biro Umum", "BPS").await;
    assert_eq!(close(bps_unit.clone()).await.status(), 404);
    let rename = json!({ "unor_id": bps_unit, "nama": "Biro Diambil", "jenis": "Biro" }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/unor/ubah", &rename).await.status(), 404);
    assert_eq!(add(bps_unit, "Unit Titipan").await.status(), 404);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('unor_added', 'unor_renamed', 'unor_closed')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 3);
}

fn impor(csv: &str, tulis: bool) -> String {
    json!({ "csv": csv, "tulis": tulis }).to_string()
}

async fn units_of(app: &TestApp, instansi_kode: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM unor u JOIN instansi i ON i.id = u.instansi_id WHERE i.kode = $1")
        .bind(instansi_kode)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_csv_import_previews_each_line_then_writes_all_units_or_none(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let before = units_of(&app, "KAB-SLEMAN").await;
    // A parent in the tree, one on an earlier line, one nowhere; a unit already there; a line
    // with two columns: each line's own reason, nothing written, even when asked to write.
    let csv = "nama;jenis;induk\n\
               Dinas Arsip dan Perpustakaan;SKPD;\n\
               Bidang Arsip Digital;Bidang;dinas arsip dan perpustakaan\n\
               Seksi Alih Media;Seksi;Dinas Arsip dan Perpustakaan / Bidang Arsip Digital\n\
               UPT Baru;UPT;Dinas Yang Tidak Ada\n\
               Dinas Kesehatan;SKPD;\n\
               Bidang Tanpa Jenis;\n\
               Bidang Layanan;Bidang;Dinas Kesehatan\n";
    for tulis in [false, true] {
        let response = app.call_json(&admin, "/api/admin/unor/impor", &impor(csv, tulis)).await;
        assert_eq!(response.status(), 200);
        let preview: domain::unor_impor::PratinjauImpor = response.json().await.unwrap();
        assert!(!preview.ditulis);
        let galat: Vec<(usize, Option<ErrorCode>)> = preview.baris.iter().map(|b| (b.baris, b.galat)).collect();
        assert_eq!(
            galat,
            [
                (2, None),
                (3, None),
                (4, None),
                (5, Some(ErrorCode::UnitImportParentMissing)),
                (6, Some(ErrorCode::UnitImportExists)),
                (7, Some(ErrorCode::UnitImportColumns)),
                (8, None),
            ]
        );
        assert_eq!(preview.baris[2].jalur, "Dinas Arsip dan Perpustakaan / Bidang Arsip Digital / Seksi Alih Media");
        assert_eq!(units_of(&app, "KAB-SLEMAN").await, before);
    }
    // The whole file refused: no heading.
    let response = app.call_json(&admin, "/api/admin/unor/impor", &impor("Dinas A;SKPD;\n", false)).await;
    assert_eq!(refused(response).await, ErrorCode::UnitImportHeader);

    // The corrected file: all four units in one go, in the tree where the lines put them.
    let csv = "nama,jenis,induk\n\
               Dinas Arsip dan Perpustakaan,SKPD,\n\
               Bidang Arsip Digital,Bidang,Dinas Arsip dan Perpustakaan\n\
               Seksi Alih Media,Seksi,Dinas Arsip dan Perpustakaan/Bidang Arsip Digital\n\
               Bidang Layanan,Bidang,Dinas Kesehatan\n";
    let response = app.call_json(&admin, "/api/admin/unor/impor", &impor(csv, true)).await;
    let preview: domain::unor_impor::PratinjauImpor = response.json().await.unwrap();
    assert!(preview.ditulis && preview.galat() == 0);
    assert_eq!(units_of(&app, "KAB-SLEMAN").await, before + 4);
    let (seksi, seksi_path) = unit(&app, "Seksi Alih Media", "KAB-SLEMAN").await;
    let (bidang, bidang_path) = unit(&app, "Bidang Arsip Digital", "KAB-SLEMAN").await;
    assert!(seksi_path.starts_with(&bidang_path) && seksi_path.ends_with(&format!("{}/", seksi.replace('-', ""))));
    let tree: UnorAdminView = app.call_json(&admin, "/api/admin/unor", "{}").await.json().await.unwrap();
    let listed = tree.unit.iter().find(|u| u.id == seksi).unwrap();
    assert_eq!((listed.induk_id.as_str(), listed.kedalaman), (bidang.as_str(), 2));
    let audit: serde_json::Value = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'unor_imported'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audit["jumlah"], 4);

    // Three more units sent three times at once: written exactly once.
    let csv3 = "nama;jenis;induk\nSeksi A;Seksi;Dinas Kesehatan\nSeksi B;Seksi;Dinas Kesehatan\nSeksi C;Seksi;Dinas Kesehatan\n";
    let body = impor(csv3, true);
    let sends = (0..3).map(|_| async { app.call_json(&admin, "/api/admin/unor/impor", &body).await });
    let mut written = 0;
    for response in futures::future::join_all(sends).await {
        assert_eq!(response.status(), 200);
        written += usize::from(response.json::<domain::unor_impor::PratinjauImpor>().await.unwrap().ditulis);
    }
    assert_eq!(written, 1);
    assert_eq!(units_of(&app, "KAB-SLEMAN").await, before + 7);

    // The same file again: every line is there now, nothing doubles.
    let response = app.call_json(&admin, "/api/admin/unor/impor", &impor(csv, true)).await;
    let preview: domain::unor_impor::PratinjauImpor = response.json().await.unwrap();
    assert!(!preview.ditulis);
    assert!(preview.baris.iter().all(|b| b.galat == Some(ErrorCode::UnitImportExists)));
    assert_eq!(units_of(&app, "KAB-SLEMAN").await, before + 7);
    // Another instansi's tree is never reached: BPS's units are not parents here.
    let response = app
        .call_json(
            &admin,
            "/api/admin/unor/impor",
            &impor("nama;jenis;induk\nSeksi X;Seksi;Biro Sumber Daya Manusia\n", false),
        )
        .await;
    let preview: domain::unor_impor::PratinjauImpor = response.json().await.unwrap();
    assert_eq!(preview.baris[0].galat, Some(ErrorCode::UnitImportParentMissing));
}
