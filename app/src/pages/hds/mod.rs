//! The help desk's pages: the PNS's tickets (`bantuan`) and the officers' live inbox
//! (`kotak`, with the officer's actions in `tindakan` and the master correction of a flagged
//! field in `koreksi`), sharing the conversation view (`percakapan`). Each side is one lazy route.

pub mod bantuan;
pub mod koreksi;
pub mod kotak;
pub mod percakapan;
pub mod rute;
pub mod sla;
pub mod tindakan;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The PNS's record (`/pns`), progress (`/pns/progres`), help pages (`/pns/bantuan`,
/// `/pns/bantuan/:id`), and the officers' inbox (`/hds`,
/// `/hds/tiket/:id`): one lazy route, since every split point cuts the
/// code the routes share into more, worse-compressing chunks, which the form and the review
/// pages paid for (#14).
#[component]
pub fn PnsAndHdsPages() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    match path.trim_end_matches('/') {
        "/pns" => view! { <crate::pages::record::PnsHomePage/> }.into_any(),
        "/pns/progres" => view! { <crate::pages::progress::ProgressPage/> }.into_any(),
        "/pns/bantuan" => view! { <bantuan::HelpPage/> }.into_any(),
        "/hds" => view! { <kotak::InboxPage/> }.into_any(),
        p if p.starts_with("/hds/") => view! { <kotak::OfficerTicketPage/> }.into_any(),
        _ => view! { <bantuan::HelpTicketPage/> }.into_any(),
    }
}
