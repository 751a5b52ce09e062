//! The page frame: header with the user's roles, navigation, language switch, sign-out.

use domain::Msg;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;

use crate::api::session::{SessionState, SignOut, SwitchRole};
use crate::browser::Submitted;
use crate::i18n::{scope_text, t, use_lang};
use crate::{go_to, SessionResource};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let session = expect_context::<SessionResource>();
    view! {
        <a class="skip" href="#isi">{t(Msg::SkipToContent)}</a>
        <header class="topbar">
            <a class="brand" href="/">
                <strong>{t(Msg::AppName)}</strong>
                <span class="tagline">{t(Msg::AppTagline)}</span>
            </a>
            <LanguageSwitch/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.await {
                        Ok(SessionState::SignedIn(view)) => view! { <UserMenu session=view/> }.into_any(),
                        _ => view! { <a class="button" href="/masuk">{t(Msg::SignIn)}</a> }.into_any(),
                    }
                })}
            </Suspense>
        </header>
        <main id="isi" tabindex="-1">{children()}</main>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // A plain link (rel=external: a full load, not client routing): the server sets the cookie.
    let href = move || format!("/bahasa/{}?kembali={}", lang.other().code(), urlencode(&location.pathname.get()));
    view! {
        <a class="lang" href=href rel="external" hreflang=lang.other().code() lang=lang.other().code()>
            {Msg::LanguageSwitch.text(lang)}
        </a>
    }
}

/// Percent-encodes a path for a query value (UTF-8 bytes; path characters kept).
fn urlencode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[component]
fn UserMenu(session: crate::api::session::SessionView) -> impl IntoView {
    let lang = use_lang();
    let sign_out = ServerAction::<SignOut>::new();
    let switch = ServerAction::<SwitchRole>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            go_to("/masuk");
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(path)) = switch.value().get() {
            go_to(&path);
        }
    });
    // Plain forms (`browser::Submitted` says why not `<ActionForm>`).
    let do_switch = move |ev: leptos::ev::SubmitEvent| {
        if let Some(grant_id) = Submitted::take(&ev).parsed("grant_id") {
            switch.dispatch(SwitchRole { grant_id });
        }
    };
    let do_sign_out = move |ev: leptos::ev::SubmitEvent| {
        Submitted::take(&ev);
        sign_out.dispatch(SignOut {});
    };
    let active = session.active.clone();
    let several = session.grants.len() > 1;
    let grants = session.grants.clone();
    view! {
        <nav class="usermenu" aria-label=Msg::MainNav.text(lang)>
            <a class="nav-home" href=active.role.home_path()>{Msg::Home.text(lang)}</a>
            <span class="who">
                <span class="sr-label">{Msg::SignedInAs.text(lang)}" "</span>
                <strong data-testid="user-name">{session.nama.clone()}</strong>
                " · "
                <span data-testid="active-role">{active.role.label().text(lang)}</span>
                <span class="scope">" (" {scope_text(&active.scope)} ")"</span>
            </span>
            {several.then(|| view! {
                <form class="switch-role" method="post" action={<SwitchRole as ServerFn>::url()} on:submit=do_switch>
                    <label for="grant_id">{Msg::SwitchRole.text(lang)}</label>
                    <select id="grant_id" name="grant_id">
                        {grants.iter().map(|g| view! {
                            <option value=g.id.to_string() selected=g.id == active.id>
                                {format!("{} — {}", g.role.label().text(lang), scope_text(&g.scope))}
                            </option>
                        }).collect_view()}
                    </select>
                    <button type="submit">{Msg::SwitchRole.text(lang)}</button>
                </form>
            })}
            <form class="signout" method="post" action={<SignOut as ServerFn>::url()} on:submit=do_sign_out>
                <button type="submit">{Msg::SignOut.text(lang)}</button>
            </form>
        </nav>
    }
}
