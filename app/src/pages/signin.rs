use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use crate::api::session::{SessionState, SignIn as SignInFn};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};
use crate::{go_to, SessionResource};

#[component]
pub fn SignIn() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let action = ServerAction::<SignInFn>::new();
    Effect::new(move |_| {
        if let Some(Ok(path)) = action.value().get() {
            go_to(&path);
        }
    });
    // A plain form (`browser::Submitted` says why not `<ActionForm>`).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        action.dispatch(SignInFn { identifier: form.text("identifier"), password: form.text("password") });
    };
    let error = move || match action.value().get() {
        Some(Err(e)) => Some(error_text(e.0)),
        _ => None,
    };
    view! {
        <section class="panel narrow">
            <h1>{t(Msg::SignInTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    matches!(session.await, Ok(SessionState::Expired))
                        .then(|| view! { <p class="notice" role="status">{error_text(ErrorCode::SessionExpired)}</p> })
                })}
            </Suspense>
            <form class="form" method="post" action={<SignInFn as leptos::server_fn::ServerFn>::url()} on:submit=submit>
                <label for="identifier">{t(Msg::SignInIdentifier)}</label>
                <input id="identifier" name="identifier" autocomplete="username" required
                    aria-describedby="identifier-hint"/>
                <small id="identifier-hint">{t(Msg::SignInIdentifierHint)}</small>
                <label for="password">{t(Msg::Password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                <p class="error" role="alert" data-testid="signin-error">{error}</p>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t(Msg::Working) } else { t(Msg::SignIn) }}
                </button>
            </form>
            <p class="links">
                <a href="/daftar">{t(Msg::Register)}</a>
                " · "
                <a href="/lupa-sandi">{t(Msg::ForgotPassword)}</a>
            </p>
        </section>
    }
}
