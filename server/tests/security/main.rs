//! The security tests of issue #9 in one binary (one link on 2 cores), a module per concern.
//! Each test drives the real router against a fresh database; `docs/SECURITY.md` names the
//! test behind each control.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pendaftaran.rs"]
mod pendaftaran;

mod audit_role;
mod cross_site;
mod enumeration;
mod headers;
mod knowledge_check;
mod lockout;
mod passwords;
mod proxies;
mod registration_numbers;
mod sessions;
mod support;
mod uploads;
