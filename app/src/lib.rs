//! The SIPUPNS web app: pages, components and server functions shared by the server
//! (feature `ssr`) and the browser (feature `hydrate`).

#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod browser;
pub mod error;
pub mod i18n;
mod layout;
mod live;
pub mod luring;
mod pages;
mod resource;
pub mod rilis;
mod unggah;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::api::session::{current_session, SessionState};
use crate::i18n::{provide_lang, t};
use domain::Msg;

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = provide_lang();
    let build = use_context::<rilis::BuildId>().map(|b| b.0).unwrap_or_default();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="icon" href="/favicon.ico" sizes="32x32"/>
                // The release, for the verifier's service worker (`rilis`).
                <meta name=rilis::BUILD_META content=build.clone()/>
                <script src=format!("{}?build={build}", rilis::PAGE_SCRIPT) nonce=leptos::nonce::use_nonce() defer></script>
                // English texts, before the WASM runs: the WASM carries only Indonesian (`i18n`).
                {(lang == domain::Lang::En).then(|| view! {
                    <script src=i18n::english_script_url() nonce=leptos::nonce::use_nonce()></script>
                })}
                // Named with the release's content hash (`hash-files`), like the WASM and JS.
                <HashedStylesheet id="leptos" options=options.clone()/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The session as the whole page sees it; loaded once per page.
pub type SessionResource = resource::AppResource<Result<SessionState, error::AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    let session: SessionResource = resource::resource(|| (), |_| current_session());
    provide_context(session);
    // Effects run only in the browser, after hydration: end-to-end tests wait for this mark
    // before clicking.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Title text=t(Msg::AppName)/>
        <Router>
            <layout::Shell>
                // Signed-in pages are lazy: with `--split` each loads its own WASM chunk on first use,
                // so the sign-in, registration and landing pages ship only what they need.
                <Routes fallback=pages::errors::NotFound>
                    <Route path=path!("/") view=pages::landing::Landing ssr=SsrMode::Async/>
                    <Route path=path!("/masuk") view=pages::signin::SignIn ssr=SsrMode::Async/>
                    <Route path=path!("/daftar") view={Lazy::<pages::lazy::RegisterRoute>::new()} ssr=SsrMode::Async/>
                    // Opened from a mailed link; in the main module (`pages::tamu` says why).
                    <Route path=path!("/daftar/tiket") view=pages::tamu::GuestTicketPage ssr=SsrMode::Async/>
                    <Route path=path!("/lupa-sandi") view=pages::reset::ForgotPassword ssr=SsrMode::Async/>
                    <Route path=path!("/reset-sandi") view=pages::reset::ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/pns") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pns/formulir") view={Lazy::<pages::formulir::FormRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pns/progres") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/verifikasi") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    // The offline page shares the review page's chunk (it reviews with the same component):
                    // a lazy route of its own cut the shared code into more, worse-compressing chunks (#14).
                    <Route path=path!("/verifikasi/luring") view={Lazy::<pages::lazy::ReviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/verifikasi/usulan/:id") view={Lazy::<pages::lazy::ReviewRoute>::new()} ssr=SsrMode::Async/>
                    // The help pages share the PNS home's chunk (`pages::hds::PnsAndHdsPages`).
                    <Route path=path!("/pns/bantuan") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pns/bantuan/:id") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    // The inbox too (`pages::hds::PnsAndHdsPages`).
                    <Route path=path!("/hds") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hds/tiket/:id") view={Lazy::<pages::lazy::PnsHomeRoute>::new()} ssr=SsrMode::Async/>
                    // Admin BKN's help-desk settings share the review pages' chunk (`pages::verifikasi::ReviewPages`).
                    <Route path=path!("/hds/sla") view={Lazy::<pages::lazy::ReviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hds/rute") view={Lazy::<pages::lazy::ReviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/verifikasi/rute") view={Lazy::<pages::lazy::ReviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/instansi") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/instansi/akun") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/akun") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/instansi/unor") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/instansi/fasilitas") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    // The Kanreg and BKN admins' homes live in the main module, like the executive's: the
                    // list machinery they share with the admin pages moved there with them (#14).
                    <Route path=path!("/admin/kanreg") view=pages::homes::AdminKanregHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/bkn") view=pages::homes::AdminBknHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/referensi") view={Lazy::<pages::lazy::VerifierRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/eksekutif") view=pages::homes::EksekutifHomePage ssr=SsrMode::Async/>
                </Routes>
            </layout::Shell>
        </Router>
    }
}

/// Full page load: after sign-in, sign-out and role switches everything on the page
/// depends on the session, so a fresh load is the simplest correct refresh.
pub(crate) fn go_to(path: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        let _ = window().location().assign(path);
    }
    #[cfg(feature = "ssr")]
    let _ = path;
}
