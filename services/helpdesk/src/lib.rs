//! HDS tickets, messages, assignments and SLA data (filled by the helpdesk issue).
//! Empty until its issue: the crate exists so the workspace, CI and the architecture have its
//! place; its handle joins `AppState` with its first table.
