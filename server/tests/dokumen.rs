//! Supporting documents: uploaded by the owner while the proposal is open, checked by
//! content, stored by hash outside the database, and read only by the owner and the
//! verifiers whose scope covers the PNS (audited).

mod common;

use app::api::formulir::FormulirView;
use domain::form::Dokumen;
use domain::{ErrorCode, Role};
use identity::{NewAccount, Scope};
use server::demo::DEMO_PASSWORD;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

async fn upload(app: &common::TestApp, client: &reqwest::Client, query: &str, body: Vec<u8>) -> reqwest::Response {
    client.post(app.url(&format!("/api/pns/dokumen?{query}"))).body(body).send().await.unwrap()
}

async fn form(app: &common::TestApp, client: &reqwest::Client) -> FormulirView {
    app.call(client, "/api/pns/formulir", &[]).await.json().await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_owner_uploads_lists_downloads_and_removes(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    // The demo world's own proposals carry documents of their own.
    let demo = walk(&app.config.data_dir.join("dokumen"));
    let client = app.client_as(Role::Pns).await;
    let entry = form(&app, &client).await.draft().pendidikan[0].id.clone();
    let response =
        upload(&app, &client, &format!("bagian=riwayat-pendidikan&entri={entry}&nama=ijazah%20S1.pdf"), PDF.to_vec())
            .await;
    assert_eq!(response.status(), 200);
    let dokumen: Dokumen = response.json().await.unwrap();
    assert_eq!((dokumen.jenis.as_str(), dokumen.nama_file.as_str()), ("application/pdf", "ijazah S1.pdf"));
    assert_eq!(form(&app, &client).await.dokumen, vec![dokumen.clone()]);

    let response = client.get(app.url(&format!("/api/pns/dokumen/{}", dokumen.id))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);

    // Stored once by content: the same file again adds a row, not a second file.
    upload(&app, &client, "bagian=riwayat-pendidikan&nama=salinan.pdf", PDF.to_vec()).await;
    let files = walk(&app.config.data_dir.join("dokumen"));
    assert_eq!(files, demo + 1, "one file for two uploads of the same bytes");

    let response = client.delete(app.url(&format!("/api/pns/dokumen/{}", dokumen.id))).send().await.unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(form(&app, &client).await.dokumen.len(), 1);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
        .unwrap_or(0)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn wrong_files_get_clear_refusals(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    // Before the first save there is no stored proposal: uploads are still taken.
    let versi = form(&app, &client).await.versi;
    let cases: Vec<(&str, Vec<u8>, u16, Option<ErrorCode>)> = vec![
        ("bagian=data-utama&nama=scan.pdf", b"MZ\x90\x00 not a pdf".to_vec(), 400, Some(ErrorCode::DocumentType)),
        ("bagian=data-utama&nama=kosong.pdf", Vec::new(), 400, Some(ErrorCode::DocumentEmpty)),
        ("bagian=entah&nama=a.pdf", PDF.to_vec(), 400, Some(ErrorCode::BadRequest)),
        ("bagian=data-utama&nama=..", PDF.to_vec(), 400, Some(ErrorCode::BadRequest)),
        ("bagian=data-utama&nama=besar.pdf", [PDF, &vec![b' '; 5 * 1024 * 1024]].concat(), 413, None),
        ("nama=a.pdf", PDF.to_vec(), 400, None),
    ];
    for (query, body, status, code) in cases {
        let response = upload(&app, &client, query, body).await;
        assert_eq!(response.status().as_u16(), status, "{query}");
        if let Some(code) = code {
            assert_eq!(response.json::<ErrorCode>().await.unwrap(), code, "{query}");
        }
    }
    // A sent proposal takes no more documents.
    let simpan = serde_json::json!({ "simpan": { "versi": versi, "isi": { "Stakeholder": {} }, "periksa": false,
        "kunci": uuid::Uuid::new_v4().to_string() } });
    assert_eq!(app.call_json(&client, "/api/pns/simpan-bagian", &simpan.to_string()).await.status(), 200);
    let sent = sqlx::query("UPDATE usulan SET status = 'dikirim' WHERE nip = $1")
        .bind(&app.demo.pns_nip)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(sent.rows_affected(), 1);
    let response = upload(&app, &client, "bagian=data-utama&nama=a.pdf", PDF.to_vec()).await;
    assert_eq!(response.json::<ErrorCode>().await.unwrap(), ErrorCode::ProposalLocked);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_the_owner_and_verifiers_in_scope_read_a_document(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let owner = app.client_as(Role::Pns).await;
    form(&app, &owner).await;
    let dokumen: Dokumen = upload(&app, &owner, "bagian=data-utama&nama=ktp.png", b"\x89PNG\r\n\x1a\nrest".to_vec())
        .await
        .json()
        .await
        .unwrap();
    let url = app.url(&format!("/api/pns/dokumen/{}", dokumen.id));

    // A verifier of another instansi (BPS), made for this test.
    let state = server::app_state(&app.config, app.pool.clone()).unwrap();
    let bps = uuid::Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0001);
    let id = state
        .identity
        .ensure_account(NewAccount {
            nip: None,
            username: Some("verif2.bps"),
            nama: "Verifikator BPS",
            email: None,
            password: DEMO_PASSWORD,
            instansi_id: Some(bps),
            unor_id: None,
            active: true,
        })
        .await
        .unwrap();
    state
        .identity
        .ensure_grant(id, Role::VerifikatorL2, Scope { instansi_id: Some(bps), ..Scope::default() })
        .await
        .unwrap();
    let outsider = app.client_for("verif2.bps", Role::VerifikatorL2).await;
    assert_eq!(outsider.get(&url).send().await.unwrap().status(), 403);

    let other_pns = app.client_for("verif1.sleman", Role::Pns).await;
    assert_eq!(other_pns.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(other_pns.delete(&url).send().await.unwrap().status(), 404);
    for role in [Role::PetugasHds, Role::AdminInstansi, Role::AdminBkn, Role::Eksekutif] {
        let client = app.client_as(role).await;
        assert_eq!(client.get(&url).send().await.unwrap().status(), 403, "{role:?}");
    }
    assert_eq!(common::client().get(&url).send().await.unwrap().status(), 401);

    for role in [Role::VerifikatorL1, Role::VerifikatorL2, Role::VerifikatorL3, Role::VerifikatorL4] {
        let client = app.client_as(role).await;
        assert_eq!(client.get(&url).send().await.unwrap().status(), 200, "{role:?} covers the PNS");
    }
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'data_read' AND subject = $1")
        .bind(&app.demo.pns_nip)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 4, "each verifier's read is in the audit log");
}
