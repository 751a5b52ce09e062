//! Admin BKN sets each help-desk category's SLA clocks (`/hds/sla`): one row per category,
//! each saved on its own, checked by the same rule the server runs (`domain::hds::check_sla`).
//! In the review pages' chunk (`pages::verifikasi::ReviewPages` says why), off the inbox's (#14).

use domain::hds::{check_sla, Sla};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use super::percakapan::muat;
use super::tindakan::act;
use crate::api::hds::{set_sla, sla_table};
use crate::i18n::{error_text, t, use_lang};

#[component]
pub fn SlaPage() -> impl IntoView {
    let table = crate::resource::resource(|| (), |_| sla_table());
    view! {
        <section class="panel" data-testid="sla">
            <h1>{t(Msg::SlaTitle)}</h1>
            <p>{t(Msg::SlaIntro)}</p>
            {muat(table, move |rows: Vec<Sla>| view! {
                <table class="list">
                    <thead><tr>
                        <th>{t(Msg::TicketCategory)}</th><th>{t(Msg::SlaAnswerHours)}</th>
                        <th>{t(Msg::SlaSolveHours)}</th><th></th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|sla| view! { <SlaRow sla/> }).collect_view()}</tbody>
                </table>
            })}
        </section>
    }
}

#[component]
fn SlaRow(sla: Sla) -> impl IntoView {
    let lang = use_lang();
    let kode = sla.kategori.code();
    let jawab = RwSignal::new(sla.jawab_jam.to_string());
    let selesai = RwSignal::new(sla.selesai_jam.to_string());
    let (busy, failed, saved) = (RwSignal::new(false), RwSignal::new(None::<ErrorCode>), RwSignal::new(false));
    let simpan = move |_| {
        saved.set(false);
        let hours = |v: RwSignal<String>| v.get_untracked().trim().parse::<i32>().map_err(|_| ErrorCode::SlaHoursRange);
        let checked = hours(jawab).and_then(|j| hours(selesai).map(|s| (j, s))).and_then(|(j, s)| {
            check_sla(j, s)?;
            Ok((j, s))
        });
        match checked {
            Ok((j, s)) => {
                let task = set_sla(kode.to_owned(), j, s);
                act(busy, failed, async move { task.await.map(drop) }, move || saved.set(true));
            }
            Err(code) => failed.set(Some(code)),
        }
    };
    let hours_input = move |value: RwSignal<String>, label: Msg| {
        view! {
            <input type="number" min="1" max=domain::hds::SLA_MAX_JAM.to_string() inputmode="numeric"
                aria-label=format!("{kode}: {}", t(label)) prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };
    view! {
        <tr data-testid="baris-sla" data-kategori=kode>
            <td>{format!("{kode} — {}", sla.kategori.nama(lang))}</td>
            <td>{hours_input(jawab, Msg::SlaAnswerHours)}</td>
            <td>{hours_input(selesai, Msg::SlaSolveHours)}</td>
            <td>
                <button type="button" disabled=move || busy.get() on:click=simpan>{t(Msg::AccountSave)}</button>
                {move || saved.get().then(|| view! { " "<span data-testid="sla-tersimpan">{t(Msg::SlaSaved)}</span> })}
                {move || failed.get().map(|code| view! {
                    " "<span class="error" role="alert" data-testid="galat-sla">{error_text(code)}</span>
                })}
            </td>
        </tr>
    }
}
