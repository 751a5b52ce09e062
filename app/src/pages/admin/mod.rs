//! The instansi admin's pages (#13), one WASM chunk: the home (settings, inbox link) and the
//! staff accounts.

pub mod akun;
pub mod audit;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// `/admin/instansi` and the pages under it share one lazy route's chunk. The router keeps
/// this view when a link moves between them (same lazy route), so it follows the path itself.
#[component]
pub fn AdminInstansiPages() -> impl IntoView {
    let path = use_location().pathname;
    let accounts = Memo::new(move |_| path.with(|p| p.trim_end_matches('/') == "/admin/instansi/akun"));
    move || {
        if accounts.get() {
            view! { <akun::StaffAccountsPage/> }.into_any()
        } else {
            view! { <crate::pages::homes::AdminInstansiHomePage/> }.into_any()
        }
    }
}
