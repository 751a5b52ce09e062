//! `/pns/progres`: where the PNS's proposal stands ("PNS dapat mengawasi progress PUPNS-nya"):
//! its status and each verification step with its date, the office that acted, and why it
//! came back (the rejected fields with their reasons).

use domain::form::JenisPeristiwa;
use domain::Msg;
use leptos::prelude::*;

use crate::api::formulir::{progress, PeristiwaView, ProgresView};
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
                            {p.peristiwa.into_iter().map(|e| { let who = actor(&e); view! {
                                <li class=format!("event {}", e.peristiwa.code())>
                                    <strong>{t(e.peristiwa.label())}</strong>
                                    {e.tingkat.map(|n| format!(" — {} {n}", t(Msg::VerifierLevel)))}
                                    <br/>
                                    <span class="muted">{e.pada}{who}</span>
                                    {(!e.catatan.is_empty()).then(|| view! { <p class="reason">{e.catatan}</p> })}
                                </li>
                            }}).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {(!p.penolakan.is_empty()).then(|| view! {
                    <h2>{t(Msg::RejectedChanges)}</h2>
                    <ul class="rejected-list" data-testid="penolakan">
                        {p.penolakan.iter().map(|r| {
                            let field = r.kunci.bagian.fields().iter().find(|f| f.key == r.kunci.field)
                                .map(|f| f.label(lang)).unwrap_or(r.kunci.field.as_str()).to_owned();
                            view! {
                                <li data-field=r.kunci.field.clone()>
                                    <strong>{r.kunci.bagian.label(lang)}" — "{field}</strong>": "{r.alasan.clone()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                <p>
                    <a class="button" href="/pns/formulir">{t(Msg::OpenForm)}</a>
                </p>
            </section>
        }
    })
}

/// Who acted on a step: the office for verifiers' steps (never the person), the PNS's own
/// name for sending.
fn actor(e: &PeristiwaView) -> String {
    if !e.kantor.is_empty() {
        format!(" · {}", e.kantor)
    } else if e.peristiwa == JenisPeristiwa::Dikirim && !e.oleh.is_empty() {
        format!(" · {}", e.oleh)
    } else {
        String::new()
    }
}
