use domain::Msg;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::session::SessionState;
use crate::i18n::t;
use crate::SessionResource;

/// `/`: signed-in users go to their role's home; everyone else sees what this is.
#[component]
pub fn Landing() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(SessionState::SignedIn(s)) => view! { <Redirect path=s.active.role.home_path()/> }.into_any(),
                    _ => view! {
                        <section class="panel hero">
                            <h1>{t(Msg::AppTagline)}</h1>
                            <p>
                                <a class="button primary" href="/masuk">{t(Msg::SignIn)}</a>
                                " "
                                <a class="button" href="/daftar">{t(Msg::Register)}</a>
                            </p>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
