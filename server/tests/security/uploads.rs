//! #9 item 7: document uploads. A body is refused before it is read when the caller may not
//! upload or declares too much; a removed document's file goes once no row refers to its
//! hash; the per-PNS cap holds under parallel uploads.

use std::sync::Arc;

use domain::form::dokumen::MAX_PER_PNS;
use domain::form::Dokumen;
use domain::{ErrorCode, Role};
use reqwest::cookie::CookieStore;
use server::demo::DEMO_PASSWORD;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{self, TestApp};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

async fn upload(app: &TestApp, client: &reqwest::Client, nama: &str, body: Vec<u8>) -> reqwest::Response {
    let url = app.url(&format!("/api/pns/dokumen?bagian=data-utama&nama={nama}"));
    client.post(url).body(body).send().await.unwrap()
}

/// The `Cookie` header of a fresh sign-in as `login` (the account's first role active).
async fn session_cookie(app: &TestApp, login: &str) -> String {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder().cookie_provider(jar.clone()).build().unwrap();
    assert_eq!(app.sign_in(&client, login, DEMO_PASSWORD).await.status(), 200, "sign in as {login}");
    let url = app.address.parse().unwrap();
    let cookie = jar.cookies(&url).expect("a session cookie");
    format!("Cookie: {}\r\n", cookie.to_str().unwrap())
}

/// Declares a body of a gigabyte, sends a few bytes of it and waits for the answer's status.
/// The rest never comes, so an answer at all shows the server did not wait for the body.
async fn status_of_a_declared_gigabyte(app: &TestApp, cookie: &str) -> u16 {
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /api/pns/dokumen?bagian=data-utama&nama=besar.pdf HTTP/1.1\r\nHost: {host}\r\n\
         Origin: http://{host}\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/pdf\r\n\
         Content-Length: 1000000000\r\n{cookie}\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(PDF).await.unwrap();
    let mut answer = Vec::new();
    let read_head = async {
        let mut buffer = [0u8; 1024];
        while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the server closed the connection without an answer");
            answer.extend_from_slice(&buffer[..n]);
        }
    };
    // Not a timing check: without the refusal the server waits for the body for ever.
    tokio::time::timeout(std::time::Duration::from_secs(30), read_head)
        .await
        .expect("the server answers without waiting for the declared body");
    let head = String::from_utf8_lossy(&answer);
    head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("a status line: {head}"))
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_upload_is_refused_before_its_body_is_read(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    assert_eq!(status_of_a_declared_gigabyte(&app, "").await, 401, "no session");
    assert_eq!(status_of_a_declared_gigabyte(&app, "Cookie: sipupns_sesi=palsu\r\n").await, 401, "unknown session");
    let admin = session_cookie(&app, &app.login_for(Role::AdminBkn)).await;
    assert_eq!(status_of_a_declared_gigabyte(&app, &admin).await, 403, "a role that may not upload");
    let pns = session_cookie(&app, &app.login_for(Role::Pns)).await;
    assert_eq!(status_of_a_declared_gigabyte(&app, &pns).await, 413, "a PNS declaring too much");

    // A file of the right size still goes in.
    let client = app.client_as(Role::Pns).await;
    assert_eq!(upload(&app, &client, "a.pdf", PDF.to_vec()).await.status(), 200);
}

fn stored_files(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| entries.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
            .unwrap_or(0)
    }
    walk(&app.config.data_dir.join("dokumen"))
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_removed_documents_file_goes_once_no_row_refers_to_it(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    // The demo world's own proposals carry documents of their own.
    let demo = stored_files(&app);
    let client = app.client_as(Role::Pns).await;
    let first: Dokumen = upload(&app, &client, "ijazah.pdf", PDF.to_vec()).await.json().await.unwrap();
    let second: Dokumen = upload(&app, &client, "salinan.pdf", PDF.to_vec()).await.json().await.unwrap();
    assert_eq!(stored_files(&app), demo + 1, "the same bytes are stored once");
    let remove = |id: String| {
        let request = client.delete(app.url(&format!("/api/pns/dokumen/{id}")));
        async move { request.send().await.unwrap().status() }
    };

    assert_eq!(remove(first.id).await, 204);
    assert_eq!(stored_files(&app), demo + 1, "the other row still refers to the file");
    let response = client.get(app.url(&format!("/api/pns/dokumen/{}", second.id))).send().await.unwrap();
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF, "the remaining document still downloads");

    assert_eq!(remove(second.id).await, 204);
    assert_eq!(stored_files(&app), demo, "the last reference is gone, and so is the file");

    // The same bytes again are stored afresh.
    let again: Dokumen = upload(&app, &client, "lagi.pdf", PDF.to_vec()).await.json().await.unwrap();
    let response = client.get(app.url(&format!("/api/pns/dokumen/{}", again.id))).send().await.unwrap();
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn parallel_uploads_never_pass_the_cap(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let nip = app.demo.pns_nip.clone();
    // All but two places taken (rows only: the files do not matter here).
    let taken = MAX_PER_PNS as i32 - 2;
    sqlx::query(
        "INSERT INTO dokumen (id, nip, bagian, nama_file, jenis, ukuran, sha256)
         SELECT gen_random_uuid(), $1, 'data-utama', 'lama-' || i || '.pdf', 'application/pdf', 1, repeat('0', 64)
         FROM generate_series(1, $2) AS i",
    )
    .bind(&nip)
    .bind(taken)
    .execute(&app.pool)
    .await
    .unwrap();

    let client = app.client_as(Role::Pns).await;
    let mut uploads = tokio::task::JoinSet::new();
    for i in 0..16 {
        let body = [PDF, format!("% {i}\n").as_bytes()].concat();
        let request = client.post(app.url(&format!("/api/pns/dokumen?bagian=data-utama&nama=baru-{i}.pdf"))).body(body);
        uploads.spawn(async move {
            let response = request.send().await.unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        });
    }
    let answers = uploads.join_all().await;

    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM dokumen WHERE nip = $1")
        .bind(&nip)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, MAX_PER_PNS as i64, "{answers:?}");
    assert_eq!(answers.iter().filter(|(status, _)| *status == 200).count(), 2, "{answers:?}");
    let refused = serde_json::to_string(&ErrorCode::TooManyDocuments).unwrap();
    for (status, body) in answers.iter().filter(|(status, _)| *status != 200) {
        assert_eq!((*status, body), (400, &refused), "{answers:?}");
    }
}
