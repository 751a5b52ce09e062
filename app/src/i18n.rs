//! The language of the current page: from the `sipupns_lang` cookie on the server, and from
//! `<html lang>` in the browser (the server wrote it), so both render the same text.
//!
//! The browser's WASM carries only the Indonesian texts (#14): a page in English loads
//! `ENGLISH_SCRIPT` (the English tables, named by their content's digest, cached for good)
//! before the WASM starts, and `provide_lang` installs them.

use domain::{ErrorCode, Lang, Msg};
use leptos::prelude::*;

pub fn provide_lang() -> Lang {
    let lang = detect();
    #[cfg(not(feature = "ssr"))]
    if lang == Lang::En {
        install_english();
    }
    provide_context(lang);
    lang
}

/// Where the English texts are served (`server::assets`); the page adds `?v=<digest>`.
pub const ENGLISH_SCRIPT: &str = "/teks/en.js";
/// The global the script sets: `{"m": [messages…], "e": [error texts…]}` in enum order.
const ENGLISH_GLOBAL: &str = "__sipupnsEn";

/// The English script's body and its URL (with the content's digest), made once.
#[cfg(feature = "ssr")]
pub fn english_script() -> &'static (String, String) {
    use std::hash::{Hash, Hasher};
    static SCRIPT: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let tables = serde_json::json!({ "m": Msg::TEKS.english(), "e": ErrorCode::TEKS.english() });
        let body = format!("window.{ENGLISH_GLOBAL}={tables};");
        // Stable across processes (fixed keys): every instance names the same URL.
        let mut digest = std::hash::DefaultHasher::new();
        body.hash(&mut digest);
        let url = format!("{ENGLISH_SCRIPT}?v={:016x}", digest.finish());
        (body, url)
    })
}

/// The English script's URL for the page's `<head>` (only the server renders the head).
pub fn english_script_url() -> String {
    #[cfg(feature = "ssr")]
    return english_script().1.clone();
    #[cfg(not(feature = "ssr"))]
    String::new()
}

#[cfg(not(feature = "ssr"))]
fn install_english() {
    use wasm_bindgen::JsValue;
    let Ok(tables) = js_sys::Reflect::get(&window(), &JsValue::from_str(ENGLISH_GLOBAL)) else { return };
    let list = |key: &str| -> Vec<String> {
        js_sys::Reflect::get(&tables, &JsValue::from_str(key))
            .map(|v| js_sys::Array::from(&v).iter().filter_map(|t| t.as_string()).collect())
            .unwrap_or_default()
    };
    // Without the script (blocked, or an old worker's copy of the page) the page stays usable
    // in Indonesian.
    domain::i18n::english::install(list("m"), list("e"));
}

/// The language of the request a server function answers (its cookie).
#[cfg(feature = "ssr")]
pub fn request_lang() -> Lang {
    detect()
}

pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Text of a UI message in the page's language.
pub fn t(msg: Msg) -> &'static str {
    msg.text(use_lang())
}

pub fn error_text(code: ErrorCode) -> &'static str {
    code.text(use_lang())
}

#[cfg(feature = "ssr")]
fn detect() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?.to_owned();
            header.split(';').find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                (name == Lang::COOKIE).then(|| Lang::from_code(value))
            })
        })
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn detect() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// A grant's scope for display: national roles have none.
pub fn scope_text(scope: &str) -> String {
    if scope.is_empty() {
        t(Msg::ScopeNational).to_owned()
    } else {
        scope.to_owned()
    }
}
