//! Unblocking the PNS from an officer's ticket. Raised from a "[?]": the flagged field with its
//! master value and the PNS's entry, and one form over the values the field may take: for A–E
//! tickets it corrects the master, for F–O tickets it names the entry that was missing (added
//! since); either way the ticket is solved. Category P: Turun Status, the sent proposal back to
//! the PNS with a reason. The server checks the value, the officer's reach and the category again.

use domain::hds::{DariTanda, Kategori};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use super::tindakan::act;
use crate::api::hds::{correct_master, suggest_entry, turun_status_ticket};
use crate::i18n::{error_text, t, use_lang};

/// The master correction being typed (or the entry being named) and its error: kept by the
/// ticket page, so a live update that reloads the ticket keeps them.
#[derive(Clone, Copy)]
pub struct Koreksi {
    pub ketikan: RwSignal<Option<String>>,
    pub failed: RwSignal<Option<ErrorCode>>,
}

impl Koreksi {
    pub fn new() -> Self {
        Koreksi { ketikan: RwSignal::new(None), failed: RwSignal::new(None) }
    }
}

#[component]
pub fn TandaTiket(
    id: String,
    tanda: DariTanda,
    kategori: Kategori,
    open: bool,
    reload: RwSignal<u32>,
    koreksi: Koreksi,
) -> impl IntoView {
    let lang = use_lang();
    let can_correct = open && kategori.corrects_master() && tanda.correctable();
    // Naming needs a list to name from (a typed field, e.g. a structural post, has none).
    let naming = kategori.adds_reference() && !tanda.pilihan.is_empty();
    // Until the officer types, a typed field shows what the PNS wrote; a code field a choice.
    let usulan = if tanda.pilihan.is_empty() { tanda.nilai_usulan.clone() } else { String::new() };
    let Koreksi { ketikan, failed, .. } = koreksi;
    let nilai = Signal::derive(move || ketikan.get().unwrap_or_else(|| usulan.clone()));
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, nilai) = (id.clone(), nilai.get_untracked());
        let task = async move {
            if naming { suggest_entry(id, nilai).await } else { correct_master(id, nilai).await }.map(drop)
        };
        act(busy, failed, task, move || reload.update(|n| *n += 1));
    };
    let pilihan = tanda.pilihan.clone();
    let (label, button) = if naming {
        (Msg::SuggestEntryChosen, Msg::SuggestEntrySolve)
    } else {
        (Msg::CorrectedValue, Msg::CorrectAndSolve)
    };
    view! {
        <div class="tanda-tiket" data-testid="tanda-tiket">
            <h2>{t(Msg::FlaggedField)}": "{tanda.label(lang)}</h2>
            <dl>
                <dt>{t(Msg::MasterNow)}</dt><dd data-testid="nilai-master">{tanda.nilai_master.clone()}</dd>
                <dt>{t(Msg::PnsValue)}</dt><dd>{tanda.nilai_usulan.clone()}</dd>
            </dl>
            {(open && (can_correct || naming)).then(|| view! {
                <form on:submit=submit novalidate data-testid="form-koreksi">
                    {naming.then(|| view! { <p class="muted">{t(Msg::SuggestEntryHint)}</p> })}
                    <div class="field">
                        <label for="nilai-koreksi">{t(label)}</label>
                        {if pilihan.is_empty() {
                            view! {
                                <input id="nilai-koreksi" prop:value=move || nilai.get()
                                    on:input=move |ev| ketikan.set(Some(event_target_value(&ev)))/>
                            }.into_any()
                        } else {
                            view! {
                                <select id="nilai-koreksi" prop:value=move || nilai.get()
                                    on:change=move |ev| ketikan.set(Some(event_target_value(&ev)))>
                                    <option value="">{t(Msg::ChooseOne)}</option>
                                    {pilihan.into_iter().map(|(kode, nama)| view! { <option value=kode>{nama}</option> }).collect_view()}
                                </select>
                            }.into_any()
                        }}
                    </div>
                    {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat-koreksi">{error_text(code)}</p> })}
                    <p><button type="submit" disabled=move || busy.get() data-testid="kirim-koreksi">{t(button)}</button></p>
                </form>
            })}
        </div>
    }
}

/// Category P: reopen the PNS's sent proposal (Turun Status) with a reason.
#[component]
pub fn TurunStatusTiket(id: String, reload: RwSignal<u32>) -> impl IntoView {
    let catatan = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let task = turun_status_ticket(id.clone(), catatan.get_untracked());
        act(busy, failed, async move { task.await.map(drop) }, move || reload.update(|n| *n += 1));
    };
    view! {
        <form class="tanda-tiket" on:submit=submit novalidate data-testid="form-turun-status">
            <h2>{t(Msg::TurunStatusTitle)}</h2>
            <div class="field">
                <label for="catatan-turun">{t(Msg::TurunStatusReason)}</label>
                <textarea id="catatan-turun" rows="2" prop:value=move || catatan.get()
                    on:input=move |ev| catatan.set(event_target_value(&ev))></textarea>
            </div>
            {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat-turun">{error_text(code)}</p> })}
            <p><button type="submit" disabled=move || busy.get() data-testid="kirim-turun">{t(Msg::TurunStatusSolve)}</button></p>
        </form>
    }
}
