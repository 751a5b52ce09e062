//! The static assets (#14): precompressed bodies when the build wrote them, caching by what the
//! names promise (hashed: a year, immutable; plain: revalidate), never for HTML, and a site icon.

mod common;

use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};

const WASM: &[u8] = b"\0asm\x01\0\0\0 the app";
const WASM_BR: &[u8] = b"pretend brotli";
const WASM_GZ: &[u8] = b"pretend gzip";

/// A site root as a release build lays it out: hashed names, `.br` and `.gz` beside each file.
fn site_root() -> String {
    let root = std::env::temp_dir().join(format!("sipupns-site-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/sipupns.AbC123.wasm"), WASM).unwrap();
    std::fs::write(root.join("pkg/sipupns.AbC123.wasm.br"), WASM_BR).unwrap();
    std::fs::write(root.join("pkg/sipupns.AbC123.wasm.gz"), WASM_GZ).unwrap();
    let icon = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    for name in ["favicon.ico", "favicon.svg"] {
        std::fs::copy(icon.join(name), root.join(name)).unwrap();
    }
    root.to_str().unwrap().to_owned()
}

async fn get(app: &common::TestApp, path: &str, encodings: &str) -> reqwest::Response {
    let client = reqwest::Client::new(); // no decompression: the tests see the bodies as sent
    client.get(app.url(path)).header(ACCEPT_ENCODING, encodings).send().await.unwrap()
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> Option<String> {
    response.headers().get(name).map(|v| v.to_str().unwrap().to_owned())
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn hashed_assets_are_served_precompressed_and_kept_a_year(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| {
        c.site_root = site_root();
        c.hash_files = true;
    })
    .await;
    let wasm = "/pkg/sipupns.AbC123.wasm";
    for (accepts, encoding, body) in
        [("br, gzip", Some("br"), WASM_BR), ("gzip", Some("gzip"), WASM_GZ), ("identity", None, WASM)]
    {
        let response = get(&app, wasm, accepts).await;
        assert_eq!(response.status(), 200, "{accepts}");
        assert_eq!(header(&response, CONTENT_ENCODING).as_deref(), encoding, "{accepts}");
        assert_eq!(header(&response, CONTENT_TYPE).as_deref(), Some("application/wasm"));
        assert_eq!(header(&response, CACHE_CONTROL).as_deref(), Some("public, max-age=31536000, immutable"));
        assert_eq!(header(&response, VARY).as_deref(), Some("accept-encoding"));
        assert_eq!(response.bytes().await.unwrap(), body, "{accepts}");
    }
    assert_eq!(get(&app, "/pkg/tidak-ada.wasm", "br").await.status(), 404);
    // (No page is rendered here: with hashed names Leptos reads the build's hash.txt beside the
    // running binary, which a test binary does not have. Pages are `no-store` whatever the
    // assets: `unhashed_assets_are_revalidated` and the security headers tests check it.)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn unhashed_assets_are_revalidated(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| {
        c.site_root = site_root();
        c.hash_files = false;
    })
    .await;
    let response = get(&app, "/pkg/sipupns.AbC123.wasm", "br").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, CACHE_CONTROL).as_deref(), Some("no-cache"));
    // Pages are never cached, so a page always names the assets of its own release.
    let page = get(&app, "/masuk", "br").await;
    assert_eq!(page.status(), 200);
    assert_eq!(header(&page, CACHE_CONTROL).as_deref(), Some("no-store"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_site_has_an_icon(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| c.site_root = site_root()).await;
    for (path, kind) in [("/favicon.ico", "image/x-icon"), ("/favicon.svg", "image/svg+xml")] {
        let response = get(&app, path, "identity").await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(header(&response, CONTENT_TYPE).as_deref(), Some(kind), "{path}");
        assert_eq!(header(&response, CACHE_CONTROL).as_deref(), Some("public, max-age=86400"));
        assert!(!response.bytes().await.unwrap().is_empty());
    }
    // The page links both.
    let page = get(&app, "/masuk", "identity").await.text().await.unwrap();
    assert!(page.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#), "{page}");
}

/// The browser's WASM carries only Indonesian (#14): a page in English names the English
/// texts' script, which answers every message and error text in enum order, kept for good
/// (its URL names its content).
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_page_in_english_brings_the_english_texts(pool: sqlx::PgPool) {
    use domain::{ErrorCode, Lang, Msg};
    let app = common::spawn_with(pool, |c| c.site_root = site_root()).await;
    let client = reqwest::Client::new();
    let page = |lang: &'static str| {
        let request = client.get(app.url("/masuk")).header(reqwest::header::COOKIE, format!("sipupns_lang={lang}"));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let english = page("en").await;
    let src = english.split(r#"<script src="/teks/en.js?v="#).nth(1).expect("the English page names the script");
    let url = format!("/teks/en.js?v={}", &src[..src.find('"').unwrap()]);
    assert!(!page("id").await.contains("/teks/en.js"), "an Indonesian page needs no English texts");

    let response = get(&app, &url, "identity").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, CONTENT_TYPE).as_deref(), Some("text/javascript; charset=utf-8"));
    assert_eq!(header(&response, CACHE_CONTROL).as_deref(), Some("public, max-age=31536000, immutable"));
    let body = response.text().await.unwrap();
    let json = body.strip_prefix("window.__sipupnsEn=").and_then(|b| b.strip_suffix(';')).expect(&body);
    let tables: serde_json::Value = serde_json::from_str(json).unwrap();
    let messages: Vec<&str> = tables["m"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let errors: Vec<&str> = tables["e"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(messages, Msg::ALL.iter().map(|m| m.text(Lang::En)).collect::<Vec<_>>());
    assert_eq!(errors, ErrorCode::ALL.iter().map(|e| e.text(Lang::En)).collect::<Vec<_>>());
    assert_eq!(messages[Msg::SignInTitle as usize], "Sign in to SIPUPNS");
}
