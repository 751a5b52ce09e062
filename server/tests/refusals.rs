//! One error path: every refusal, whatever answers it (session middleware, CSRF, a service's
//! plain route, a server function), has the same body: the error code as a JSON string.
//! Every answer carries its request id.

mod common;

use domain::ErrorCode;

async fn code(response: reqwest::Response) -> (u16, ErrorCode) {
    let status = response.status().as_u16();
    assert!(response.headers().contains_key("x-request-id"), "the answer carries its request id");
    (status, response.json::<ErrorCode>().await.expect("the code as JSON"))
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_route_refuses_with_the_same_body(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let nobody = uuid::Uuid::nil();

    // A server function.
    let response = app.call(&client, "/api/pns/formulir", &[]).await;
    assert_eq!(code(response).await, (401, ErrorCode::NotSignedIn));
    // Personnel's document routes.
    let upload = client.post(app.url("/api/pns/dokumen?bagian=data-utama&nama=a.pdf")).body("%PDF-1.4");
    assert_eq!(code(upload.send().await.unwrap()).await, (401, ErrorCode::NotSignedIn));
    let download = client.get(app.url(&format!("/api/pns/dokumen/{nobody}")));
    assert_eq!(code(download.send().await.unwrap()).await, (401, ErrorCode::NotSignedIn));
    // Identity's slip: a wrong code and a missing one are both "not found".
    let slip = client.get(app.url("/daftar/slip?nomor=PUPNS-2026-00000000&kode=00000000"));
    assert_eq!(code(slip.send().await.unwrap()).await, (404, ErrorCode::NotFound));
    assert_eq!(code(client.get(app.url("/daftar/slip")).send().await.unwrap()).await, (404, ErrorCode::NotFound));
    // The CSRF check.
    let cross_site = client.post(app.url("/api/masuk")).header("sec-fetch-site", "cross-site").form(&[("x", "y")]);
    assert_eq!(code(cross_site.send().await.unwrap()).await, (403, ErrorCode::CsrfRejected));

    // Signed in, as someone without the right: still the same shape.
    let verifier = app.client_as(domain::Role::VerifikatorL2).await;
    let response = app.call(&verifier, "/api/pns/formulir", &[]).await;
    assert_eq!(code(response).await, (403, ErrorCode::Forbidden));
    let upload = verifier.post(app.url("/api/pns/dokumen?bagian=data-utama&nama=a.pdf")).body("%PDF-1.4");
    assert_eq!(code(upload.send().await.unwrap()).await, (403, ErrorCode::Forbidden));
}
