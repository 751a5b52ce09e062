//! Error pages and the one place that turns a server-function error into a view.

use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::error::AppError;
use crate::i18n::{error_text, t};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="panel">
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p><a href="/">{t(Msg::BackHome)}</a></p>
        </section>
    }
}

/// Not signed in → the sign-in page; no right → "Akses ditolak"; anything else → its message.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    match error.0 {
        ErrorCode::NotSignedIn | ErrorCode::SessionExpired => view! { <Redirect path="/masuk"/> }.into_any(),
        ErrorCode::Forbidden => view! {
            <section class="panel denied" data-testid="access-denied">
                <h1>{t(Msg::AccessDeniedTitle)}</h1>
                <p role="alert">{error_text(ErrorCode::Forbidden)}</p>
                <p><a href="/">{t(Msg::BackHome)}</a></p>
            </section>
        }
        .into_any(),
        code => view! { <p class="error" role="alert">{error_text(code)}</p> }.into_any(),
    }
}
