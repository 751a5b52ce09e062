//! The instansi admin's pages (#13), one WASM chunk: the home (settings, inbox link) and the
//! staff accounts.

pub mod akun;
pub mod audit;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// `/admin/instansi` and the pages under it share one lazy route's chunk.
#[component]
pub fn AdminInstansiPages() -> impl IntoView {
    match use_location().pathname.get_untracked().trim_end_matches('/') {
        "/admin/instansi/akun" => view! { <akun::StaffAccountsPage/> }.into_any(),
        _ => view! { <crate::pages::homes::AdminInstansiHomePage/> }.into_any(),
    }
}
