//! `/lupa-sandi` (ask for a link) and `/reset-sandi?token=` (choose a new password).

use domain::Msg;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::api::registration::{RequestReset, ResetPassword};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};

#[component]
pub fn ForgotPassword() -> impl IntoView {
    let action = ServerAction::<RequestReset>::new();
    view! {
        <section class="panel narrow">
            <h1>{t(Msg::ResetTitle)}</h1>
            <p>{t(Msg::ResetRequestIntro)}</p>
            <form class="form" method="post" action={<RequestReset as ServerFn>::url()} on:submit=move |ev| {
                action.dispatch(RequestReset { identifier: Submitted::take(&ev).text("identifier") });
            }>
                <label for="identifier">{t(Msg::SignInIdentifier)}</label>
                <input id="identifier" name="identifier" autocomplete="username" required/>
                <p role="status">{move || match action.value().get() {
                    Some(Ok(())) => Some(view! { <span class="success">{t(Msg::ResetRequestSent)}</span> }.into_any()),
                    Some(Err(e)) => Some(view! { <span class="error">{error_text(e.0)}</span> }.into_any()),
                    None => None,
                }}</p>
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t(Msg::ResetSendLink)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <section class="panel narrow">
            <h1>{t(Msg::ResetTitle)}</h1>
            <Show
                when=move || !matches!(action.value().get(), Some(Ok(())))
                fallback=|| view! { <p class="success" role="status">{t(Msg::PasswordChanged)}" "<a href="/masuk">{t(Msg::SignIn)}</a></p> }
            >
                <form class="form" method="post" action={<ResetPassword as ServerFn>::url()} on:submit=move |ev| {
                    let f = Submitted::take(&ev);
                    action.dispatch(ResetPassword {
                        token: f.text("token"),
                        password: f.text("password"),
                        confirmation: f.text("confirmation"),
                    });
                }>
                    <input type="hidden" name="token" value=token/>
                    <label for="password">{t(Msg::NewPassword)}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" required/>
                    <label for="confirmation">{t(Msg::PasswordConfirm)}</label>
                    <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required/>
                    <p class="error" role="alert">{move || action.value().get().and_then(Result::err).map(|e| error_text(e.0))}</p>
                    <button type="submit" class="primary" disabled=move || action.pending().get()>{t(Msg::SavePassword)}</button>
                </form>
            </Show>
        </section>
    }
}
