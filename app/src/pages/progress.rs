//! `/pns/progres`: where the PNS's proposal stands ("PNS dapat mengawasi progress PUPNS-nya"):
//! its status and each verification step with its date, who acted, and why it came back.

use domain::Msg;
use leptos::prelude::*;

use crate::api::formulir::{progress, ProgresView};
use crate::i18n::{t, use_lang};
use crate::pages::homes::guarded;

#[component]
pub fn ProgressPage() -> impl IntoView {
    guarded(progress, |p: ProgresView| {
        let lang = use_lang();
        view! {
            <section class="panel" data-testid="progres">
                <h1>{t(Msg::ProgressTitle)}</h1>
                <dl class="facts">
                    <dt>{t(Msg::ProposalStatus)}</dt>
                    <dd data-testid="status">{p.status.label(lang)}</dd>
                    <dt>{t(Msg::SentAt)}</dt>
                    <dd>{p.dikirim.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t(Msg::ChangesSent)}</dt>
                    <dd data-testid="jumlah-perubahan">{p.jumlah_perubahan}</dd>
                </dl>
                <h2>{t(Msg::Timeline)}</h2>
                {if p.peristiwa.is_empty() {
                    view! { <p class="muted">{t(Msg::NoEvents)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline" data-testid="timeline">
                            {p.peristiwa.into_iter().map(|e| view! {
                                <li class=format!("event {}", e.peristiwa.code())>
                                    <strong>{t(e.peristiwa.label())}</strong>
                                    {e.tingkat.map(|n| format!(" — {} {n}", t(Msg::VerifierLevel)))}
                                    <br/>
                                    <span class="muted">{e.pada}" · "{e.oleh}</span>
                                    {(!e.catatan.is_empty()).then(|| view! { <p class="reason">{e.catatan}</p> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <p>
                    <a class="button" href="/pns/formulir">{t(Msg::OpenForm)}</a>
                </p>
            </section>
        }
    })
}
