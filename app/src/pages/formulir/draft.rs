//! The browser-side copy of unsaved input: every edit lands in localStorage at once, so
//! closing the tab (or losing the connection) loses nothing; the server copy follows within
//! seconds. Only sections not yet confirmed by the server are kept.

use domain::form::IsiBagian;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct LocalDraft {
    /// The server version the sections were typed against.
    pub versi: i32,
    pub bagian: Vec<IsiBagian>,
}

fn key(nip: &str) -> String {
    format!("sipupns.draf.{nip}")
}

#[cfg(not(feature = "ssr"))]
fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

pub fn load(nip: &str) -> Option<LocalDraft> {
    #[cfg(not(feature = "ssr"))]
    {
        let text = storage()?.get_item(&key(nip)).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }
    #[cfg(feature = "ssr")]
    {
        let _ = key(nip);
        None
    }
}

pub fn store(nip: &str, draft: &LocalDraft) {
    #[cfg(not(feature = "ssr"))]
    if let Some(storage) = storage() {
        if draft.bagian.is_empty() {
            let _ = storage.remove_item(&key(nip));
        } else if let Ok(text) = serde_json::to_string(draft) {
            let _ = storage.set_item(&key(nip), &text);
        }
    }
    #[cfg(feature = "ssr")]
    let _ = (nip, draft);
}

/// A fresh idempotency key for a save.
pub fn new_key() -> String {
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
    }
    #[cfg(feature = "ssr")]
    String::new()
}
