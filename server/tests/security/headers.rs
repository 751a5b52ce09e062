//! Security headers on every response (#9 item 5): a Content-Security-Policy whose fresh
//! nonce is on every script of the page, nosniff, no referrer, no framing, HSTS over HTTPS,
//! and no-store on everything but the static assets.

use domain::Role;
use reqwest::header::HeaderMap;
use reqwest::Response;

use crate::common::{self, TestApp};

/// A site root with one asset, as cargo-leptos lays it out, so /pkg is served for real.
fn site_root_with_an_asset() -> String {
    let root = std::env::temp_dir().join(format!("sipupns-site-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/sipupns.js"), "export default function() {}\n").unwrap();
    root.to_str().unwrap().to_owned()
}

async fn spawn(pool: sqlx::PgPool, https: bool) -> TestApp {
    common::spawn_with(pool, |config| {
        config.site_root = site_root_with_an_asset();
        config.secure_cookies = https;
    })
    .await
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).map(|v| v.to_str().unwrap())
}

/// The nonce the policy allows scripts with.
fn nonce_of(headers: &HeaderMap) -> String {
    let policy = header(headers, "content-security-policy").expect("a content security policy");
    let start = policy.find("'nonce-").expect("the policy names a nonce") + "'nonce-".len();
    policy[start..].split('\'').next().unwrap().to_owned()
}

/// What every answer carries, whatever it is.
fn assert_secured(what: &str, headers: &HeaderMap) {
    let policy = header(headers, "content-security-policy").unwrap_or_else(|| panic!("{what}: no CSP"));
    let nonce = nonce_of(headers);
    assert!(nonce.len() >= 22, "{what}: a nonce of 16 bytes or more in base64: {nonce}");
    let expected = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    assert_eq!(policy, expected, "{what}");
    assert_eq!(header(headers, "x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(header(headers, "referrer-policy"), Some("no-referrer"), "{what}");
    assert_eq!(header(headers, "x-frame-options"), Some("DENY"), "{what}");
}

fn assert_not_stored(what: &str, headers: &HeaderMap) {
    assert_eq!(header(headers, "cache-control"), Some("no-store"), "{what}");
}

async fn checked(what: &str, response: Response, status: u16) -> HeaderMap {
    assert_eq!(response.status().as_u16(), status, "{what}");
    let headers = response.headers().clone();
    assert_secured(what, &headers);
    headers
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_response_carries_the_security_headers(pool: sqlx::PgPool) {
    let app = spawn(pool, false).await;
    let anonymous = common::client();
    let pns = app.client_as(Role::Pns).await;
    let nobody = uuid::Uuid::nil();

    let personal = [
        ("a page", pns.get(app.url("/pns/formulir")).send().await.unwrap(), 200),
        ("a public page", anonymous.get(app.url("/masuk")).send().await.unwrap(), 200),
        ("a server function", app.call(&pns, "/api/pns/formulir", &[]).await, 200),
        ("the 404 page", anonymous.get(app.url("/tidak-ada")).send().await.unwrap(), 404),
        ("a plain route", anonymous.get(app.url("/healthz")).send().await.unwrap(), 200),
        (
            "a refused cross-site call",
            anonymous.post(app.url("/api/sesi")).header("sec-fetch-site", "cross-site").send().await.unwrap(),
            403,
        ),
        ("a refused server function", app.call(&anonymous, "/api/pns/formulir", &[]).await, 401),
        (
            "a refused document",
            anonymous.get(app.url(&format!("/api/pns/dokumen/{nobody}"))).send().await.unwrap(),
            401,
        ),
        ("a document not found", pns.get(app.url(&format!("/api/pns/dokumen/{nobody}"))).send().await.unwrap(), 404),
        (
            "a slip not found",
            anonymous.get(app.url("/daftar/slip?nomor=PUPNS-2026-00000000&kode=0")).send().await.unwrap(),
            404,
        ),
    ];
    for (what, response, status) in personal {
        let headers = checked(what, response, status).await;
        assert_not_stored(what, &headers);
        assert_eq!(header(&headers, "strict-transport-security"), None, "{what}: no HSTS over plain HTTP");
    }

    // The static assets keep their own caching.
    for (what, path, status) in [("an asset", "/pkg/sipupns.js", 200), ("a missing asset", "/pkg/tidak-ada.js", 404)] {
        let headers = checked(what, anonymous.get(app.url(path)).send().await.unwrap(), status).await;
        assert_ne!(header(&headers, "cache-control"), Some("no-store"), "{what}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn hsts_is_sent_only_when_the_site_is_served_over_https(pool: sqlx::PgPool) {
    let app = spawn(pool, true).await;
    let client = common::client();
    for path in ["/masuk", "/healthz", "/pkg/sipupns.js", "/tidak-ada"] {
        let response = client.get(app.url(path)).send().await.unwrap();
        assert_secured(path, response.headers());
        assert_eq!(
            header(response.headers(), "strict-transport-security"),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
}

/// Every `<script` tag of the page, as written.
fn script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script").map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1]).collect()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_page_has_a_fresh_nonce_on_every_script_and_nothing_else_inline(pool: sqlx::PgPool) {
    let app = spawn(pool, false).await;
    let anonymous = common::client();
    let pns = app.client_as(Role::Pns).await;
    let mut nonces = Vec::new();
    for (client, path, status) in [
        (&anonymous, "/masuk", 200),
        (&anonymous, "/masuk", 200),
        (&anonymous, "/daftar", 200),
        (&anonymous, "/lupa-sandi", 200),
        (&anonymous, "/tidak-ada", 404),
        (&pns, "/pns", 200),
        (&pns, "/pns/formulir", 200),
    ] {
        let response = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
        let nonce = nonce_of(response.headers());
        let html = response.text().await.unwrap();
        let scripts = script_tags(&html);
        assert!(!scripts.is_empty(), "{path}: the hydration script is there");
        for tag in scripts {
            assert!(tag.contains(&format!(" nonce=\"{nonce}\"")), "{path}: a script without the nonce: {tag}");
        }
        // Inline styles would need 'unsafe-inline'; the policy has none.
        assert!(!html.contains(" style=\""), "{path}: an inline style");
        assert!(!html.contains("<style"), "{path}: an inline style sheet");
        nonces.push(nonce);
    }
    let mut distinct = nonces.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), nonces.len(), "a fresh nonce per response: {nonces:?}");
}
