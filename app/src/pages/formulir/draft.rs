//! The browser-side copy of unsaved input: every edit lands in localStorage at once, so
//! closing the tab (or losing the connection) loses nothing; the server copy follows within
//! seconds. Only sections not yet confirmed by the server are kept.

use domain::form::IsiBagian;
use serde::{Deserialize, Serialize};

use crate::browser;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct LocalDraft {
    /// The server version the sections were typed against.
    pub versi: i32,
    pub bagian: Vec<IsiBagian>,
}

fn key(nip: &str) -> String {
    format!("sipupns.draf.{nip}")
}

pub fn load(nip: &str) -> Option<LocalDraft> {
    browser::local::get(&key(nip))
}

pub fn store(nip: &str, draft: &LocalDraft) {
    if draft.bagian.is_empty() {
        browser::local::remove(&key(nip));
    } else {
        browser::local::set(&key(nip), draft);
    }
}

/// A fresh idempotency key for a save.
pub fn new_key() -> String {
    browser::random_uuid()
}
