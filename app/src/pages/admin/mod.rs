//! The admins' pages (#13), one WASM chunk: the instansi admin's home (registrations,
//! settings, inbox link), staff accounts, unit tree and facilities; the audit log; the BKN
//! admin's reference tables. (The Kanreg and BKN admins' homes are in the main module.)

mod aksi;
pub mod akun;
pub mod audit;
pub mod fasilitas;
mod impor;
pub mod referensi;
pub mod unor;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The verifier's home and every `/admin/…` page share one lazy route's chunk.
#[component]
pub fn StaffPages() -> impl IntoView {
    use crate::pages::homes::AdminInstansiHomePage;
    match use_location().pathname.get_untracked().trim_end_matches('/') {
        "/admin/instansi/akun" | "/admin/akun" => view! { <akun::StaffAccountsPage/> }.into_any(),
        "/admin/instansi/unor" => view! { <unor::UnitTreePage/> }.into_any(),
        "/admin/instansi/fasilitas" => view! { <fasilitas::FacilitiesPage/> }.into_any(),
        "/admin/audit" => view! { <audit::AuditLogPage/> }.into_any(),
        "/admin/referensi" => view! { <referensi::ReferenceTablesPage/> }.into_any(),
        "/admin/instansi" => view! { <AdminInstansiHomePage/> }.into_any(),
        _ => view! { <crate::pages::homes::VerifierHomePage/> }.into_any(),
    }
}
