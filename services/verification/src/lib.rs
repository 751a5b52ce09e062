//! Submissions in verification, claims, decisions and their history (filled by the verification issue).
//! Empty until its issue: the crate exists so the workspace, CI and the architecture have its
//! place; its handle joins `AppState` with its first table.
