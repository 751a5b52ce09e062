//! The static assets: the WASM, JS and CSS under `/pkg` and the site icon. Served outside the
//! session layer (a page load fetches several, and none needs to know who asks), precompressed
//! when the release build wrote `.br`/`.gz` files beside them (`cargo leptos build --release
//! --precompress`), and cached by what their names promise:
//! - hashed names (`--hash-files`, the release build): a file's name changes with its content,
//!   so browsers keep it a year without asking again (`immutable`). HTML is never cached
//!   (`headers::not_stored`), so a page always names the WASM and JS of its own release.
//! - plain names (development builds): the browser revalidates each use (`no-cache`).
//!
//! The verifier's service worker (`/sw.js`, built into the binary from `public/sw.js`) and
//! its list of files (`/sw/aset.json`) are asked again on every use: they name the release.
//! The worker's page side (`/sw/daftar.js?build=…`) carries the release in its URL, the
//! English texts (`/teks/en.js?v=…`, `app::i18n`) their content's digest.

use std::sync::Arc;

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::http::HeaderValue;
use axum::routing::get;
use axum::{Json, Router};
use leptos::config::LeptosOptions;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

const HASHED: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// The icon's name never changes: a day, then the browser asks again.
const ICON: &str = "public, max-age=86400";
/// The service worker: one script for every release (the page names its release in the
/// script's URL, `/sw.js?build=…`, and a new URL is what makes the browser install anew).
const SERVICE_WORKER: &str = include_str!("../../public/sw.js");
/// Its page side, which every page loads from the shell with the release in its URL.
const PAGE_SCRIPT: &str = include_str!("../../public/sw-daftar.js");
const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
const _: () = assert!(matches!(app::rilis::PAGE_SCRIPT.as_bytes(), b"/sw/daftar.js"));
const _: () = assert!(matches!(app::i18n::ENGLISH_SCRIPT.as_bytes(), b"/teks/en.js"));

/// Whether the build hashed the asset names: cargo-leptos writes the hashes (`hash.txt`) beside
/// the server binary it builds. A binary started by hand needs no `--hash-files` then.
pub fn built_with_hashes(hash_file: &str) -> bool {
    std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join(hash_file))).is_some_and(|f| f.exists())
}

pub fn router(options: &LeptosOptions, rilis: Arc<crate::rilis::Rilis>) -> Router {
    let site_root = std::path::Path::new(&*options.site_root);
    let pkg = ServeDir::new(site_root.join(&*options.site_pkg_dir)).precompressed_br().precompressed_gzip();
    let caching = if options.hash_files { HASHED } else { REVALIDATE };
    let pkg_path = format!("/{}", options.site_pkg_dir.trim_matches('/'));
    Router::new()
        .nest_service(&pkg_path, pkg)
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static(caching)))
        // One URL, several bodies (brotli, gzip, plain): shared caches must keep them apart.
        .layer(SetResponseHeaderLayer::appending(VARY, HeaderValue::from_static("accept-encoding")))
        .merge(
            Router::new()
                .route_service("/favicon.ico", ServeFile::new(site_root.join("favicon.ico")))
                .route_service("/favicon.svg", ServeFile::new(site_root.join("favicon.svg")))
                .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static(ICON))),
        )
        .merge(
            Router::new()
                .route("/sw.js", get(|| async { ([(CONTENT_TYPE, JAVASCRIPT)], SERVICE_WORKER) }))
                .route("/sw/aset.json", get(move || async move { Json(rilis.clone()) }))
                .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static(REVALIDATE))),
        )
        .merge(
            Router::new()
                // `app::rilis::PAGE_SCRIPT`, written out so the authorisation test finds it.
                .route("/sw/daftar.js", get(|| async { ([(CONTENT_TYPE, JAVASCRIPT)], PAGE_SCRIPT) }))
                // `app::i18n::ENGLISH_SCRIPT`.
                .route("/teks/en.js", get(|| async { ([(CONTENT_TYPE, JAVASCRIPT)], &*app::i18n::english_script().0) }))
                // Their URLs name the release or the content, like a hashed file's name.
                .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static(HASHED))),
        )
}
