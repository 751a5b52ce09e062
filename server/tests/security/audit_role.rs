//! #9 item 6: the server's request pool runs as `sipupns_app`, which adds to the audit log
//! but can never change or remove a row of it; document uploads, removals and refused looks at
//! someone else's document are audited.

use domain::form::Dokumen;
use domain::Role;

use crate::common::{self, TestApp};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn sqlstate(error: sqlx::Error) -> String {
    error.as_database_error().and_then(|e| e.code()).map(|c| c.into_owned()).unwrap_or_else(|| format!("{error}"))
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_request_pool_adds_to_the_audit_log_but_cannot_change_it(pool: sqlx::PgPool) {
    // The very pool the server gets, even though this login is a superuser.
    let app_pool = common::app_pool(&pool).await;
    let role: String = sqlx::query_scalar("SELECT current_user::text").fetch_one(&app_pool).await.unwrap();
    assert_eq!(role, "sipupns_app");

    access::audit::record(&app_pool, None, "uji", Some("subjek"), "127.0.0.1", serde_json::json!({})).await.unwrap();
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'uji'").fetch_one(&app_pool).await.unwrap();
    assert_eq!(rows, 1);

    for statement in ["UPDATE audit_log SET subject = 'lain'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
        let refused = sqlx::raw_sql(statement).execute(&app_pool).await.map(|_| ()).map_err(sqlstate);
        assert_eq!(refused, Err("42501".to_owned()), "{statement} is refused: permission denied");
    }
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE subject = 'subjek'").fetch_one(&pool).await.unwrap();
    assert_eq!(rows, 1, "the row is untouched");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_table_a_later_migration_makes_is_open_to_the_request_pool(pool: sqlx::PgPool) {
    // As a later migration would, as the owner: no grant of its own.
    sqlx::raw_sql("CREATE TABLE catatan_baru (id BIGSERIAL PRIMARY KEY, isi TEXT NOT NULL)")
        .execute(&pool)
        .await
        .unwrap();
    let app_pool = common::app_pool(&pool).await;
    sqlx::raw_sql(
        "INSERT INTO catatan_baru (isi) VALUES ('a'), ('b');
         UPDATE catatan_baru SET isi = 'c' WHERE isi = 'a';
         DELETE FROM catatan_baru WHERE isi = 'b';",
    )
    .execute(&app_pool)
    .await
    .unwrap();
    let left: Vec<String> = sqlx::query_scalar("SELECT isi FROM catatan_baru").fetch_all(&app_pool).await.unwrap();
    assert_eq!(left, ["c"]);
}

async fn audited(app: &TestApp, action: &str, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1 AND subject = $2")
        .bind(action)
        .bind(subject)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// A whole journey under the restricted role: sign-in, form, a saved section, a document
/// uploaded, read by a verifier and removed, sign-out, housekeeping; each document step is in
/// the audit log.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_journey_works_under_the_restricted_role_and_is_audited(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let nip = app.demo.pns_nip.clone();
    let pns = app.client_as(Role::Pns).await;
    assert!(audited(&app, "signin_ok", &nip).await >= 1);

    let response = app.call(&pns, "/api/pns/formulir", &[]).await;
    assert_eq!(response.status(), 200);
    let form: serde_json::Value = response.json().await.unwrap();
    let simpan = serde_json::json!({ "simpan": { "versi": form["versi"], "isi": { "Stakeholder": {} },
        "periksa": false, "kunci": uuid::Uuid::new_v4().to_string() } });
    assert_eq!(app.call_json(&pns, "/api/pns/simpan-bagian", &simpan.to_string()).await.status(), 200);

    let response =
        pns.post(app.url("/api/pns/dokumen?bagian=data-utama&nama=ktp.pdf")).body(PDF.to_vec()).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let dokumen: Dokumen = response.json().await.unwrap();
    let url = app.url(&format!("/api/pns/dokumen/{}", dokumen.id));
    assert_eq!(audited(&app, "document_uploaded", &nip).await, 1);

    let verifier = app.client_as(Role::VerifikatorL1).await;
    assert_eq!(verifier.get(&url).send().await.unwrap().status(), 200);
    assert_eq!(audited(&app, "data_read", &nip).await, 1);

    assert_eq!(pns.delete(&url).send().await.unwrap().status(), 204);
    assert_eq!(audited(&app, "document_removed", &nip).await, 1);
    assert_eq!(app.call(&pns, "/api/keluar", &[]).await.status(), 200);

    // The hourly housekeeping deletes through the same restricted pool.
    let state = server::app_state(&app.config, common::app_pool(&app.pool).await).unwrap();
    state.identity.purge().await.unwrap();
    state.personnel.purge_save_keys().await.unwrap();
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn refused_looks_at_someone_elses_document_are_audited(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let owner = app.client_as(Role::Pns).await;
    let response =
        owner.post(app.url("/api/pns/dokumen?bagian=data-utama&nama=ktp.pdf")).body(PDF.to_vec()).send().await.unwrap();
    let dokumen: Dokumen = response.json().await.unwrap();
    let url = app.url(&format!("/api/pns/dokumen/{}", dokumen.id));

    // Another PNS reads and removes; staff without a scope over the PNS read.
    let other_pns = app.client_for("verif1.sleman", Role::Pns).await;
    assert_eq!(other_pns.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(other_pns.delete(&url).send().await.unwrap().status(), 404);
    let admin = app.client_as(Role::AdminBkn).await;
    assert_eq!(admin.get(&url).send().await.unwrap().status(), 403);

    let refusals: Vec<(String, serde_json::Value)> = sqlx::query_as(
        "SELECT a.username, l.detail FROM audit_log l JOIN account a ON a.id = l.account_id
         WHERE l.action = 'access_refused' AND l.subject = $1 ORDER BY l.id",
    )
    .bind(&app.demo.pns_nip)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let who: Vec<&str> = refusals.iter().map(|(username, _)| username.as_str()).collect();
    assert_eq!(who, ["verif1.sleman", "verif1.sleman", "admin.bkn"], "{refusals:?}");
    assert!(
        refusals.iter().all(|(_, detail)| detail["object"].as_str().unwrap().contains(&dokumen.id)),
        "{refusals:?}"
    );
    // The owner's own reads are not refusals.
    assert_eq!(owner.get(&url).send().await.unwrap().status(), 200);
    assert_eq!(audited(&app, "access_refused", &app.demo.pns_nip).await, 3);
}
