//! Summary tables and export jobs (filled by the reporting issue).
//! Empty until its issue: the crate exists so the workspace, CI and the architecture have its
//! place; its handle joins `AppState` with its first table.
