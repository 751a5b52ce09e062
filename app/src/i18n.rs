//! The language of the current page: from the `sipupns_lang` cookie on the server, and from
//! `<html lang>` in the browser (the server wrote it), so both render the same text.

use domain::{ErrorCode, Lang, Msg};
use leptos::prelude::*;

pub fn provide_lang() -> Lang {
    let lang = detect();
    provide_context(lang);
    lang
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
