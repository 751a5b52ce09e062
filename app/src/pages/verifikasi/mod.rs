//! The verifiers' pages: the queue of proposals at their level (`antrian`) and the review of
//! one proposal, field by field (`tinjauan`), and for L2 and up the offline checkouts in
//! their scope (`pinjaman`).

pub mod antrian;
pub mod bawa;
pub mod luring;
pub mod pinjaman;
pub mod rute;
pub mod tinjauan;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// `/verifikasi/usulan/:id` (one submission online) and `/verifikasi/luring` (offline work),
/// one lazy route between them. Admin BKN's help-desk settings (`/hds/sla`, `/hds/rute`) ride
/// along: this chunk had room, and a lazy route of their own cut the code the big routes share
/// into more chunks (+6 to +11 KiB on the form, the inbox and the verifier; docs/PERFORMANCE.md).
#[component]
pub fn ReviewPages() -> impl IntoView {
    match use_location().pathname.get_untracked().as_str() {
        "/verifikasi/luring" => view! { <luring::OfflinePage/> }.into_any(),
        "/hds/sla" => view! { <crate::pages::hds::sla::SlaPage/> }.into_any(),
        "/hds/rute" => view! { <crate::pages::hds::rute::RoutingPage/> }.into_any(),
        "/verifikasi/rute" => view! { <rute::VerificationRoutingPage/> }.into_any(),
        _ => view! { <tinjauan::ReviewPage/> }.into_any(),
    }
}
