//! SAPK import runs, the SI-ASN outbox and API clients (filled by the integration issue).
//! Empty until its issue: the crate exists so the workspace, CI and the architecture have its
//! place; its handle joins `AppState` with its first table.
