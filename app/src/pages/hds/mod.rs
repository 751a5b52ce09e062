//! The help desk's pages: the PNS's tickets (`bantuan`) and the officers' live inbox
//! (`kotak`), sharing the conversation view (`percakapan`). Each side is one lazy route.

pub mod bantuan;
pub mod kotak;
pub mod percakapan;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// `/pns/bantuan` and `/pns/bantuan/:id`.
#[component]
pub fn HelpPages() -> impl IntoView {
    if use_location().pathname.get_untracked().trim_end_matches('/') == "/pns/bantuan" {
        view! { <bantuan::HelpPage/> }.into_any()
    } else {
        view! { <bantuan::HelpTicketPage/> }.into_any()
    }
}

/// `/hds` and `/hds/tiket/:id`.
#[component]
pub fn HdsPages() -> impl IntoView {
    if use_location().pathname.get_untracked().trim_end_matches('/') == "/hds" {
        view! { <kotak::InboxPage/> }.into_any()
    } else {
        view! { <kotak::OfficerTicketPage/> }.into_any()
    }
}
