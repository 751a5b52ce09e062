//! Unblocking the PNS from an officer's ticket. Raised from a "[?]": the flagged field with its
//! master value and the PNS's entry; for A–E tickets the form that corrects the master and
//! solves the ticket, for F–O tickets a search of the field's list to name the entry that was
//! missing. Category P: Turun Status, the sent proposal back to the PNS with a reason. The
//! server checks the value, the officer's reach and the category again.

use domain::hds::{DariTanda, Kategori};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use super::tindakan::act;
use crate::api::hds::{correct_master, entries_to_suggest, suggest_entry, turun_status_ticket};
use crate::browser;
use crate::i18n::{error_text, t, use_lang};

/// The master correction being typed (or the entry being named) and its error: kept by the
/// ticket page, so a live update that reloads the ticket keeps them.
#[derive(Clone, Copy)]
pub struct Koreksi {
    pub ketikan: RwSignal<Option<String>>,
    pub failed: RwSignal<Option<ErrorCode>>,
    pub dipilih: RwSignal<Option<(String, String)>>,
}

impl Koreksi {
    pub fn new() -> Self {
        Koreksi { ketikan: RwSignal::new(None), failed: RwSignal::new(None), dipilih: RwSignal::new(None) }
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
    let can_suggest = open && kategori.adds_reference();
    let saran_id = id.clone();
    // Until the officer types, a typed field shows what the PNS wrote; a code field a choice.
    let usulan = if tanda.pilihan.is_empty() { tanda.nilai_usulan.clone() } else { String::new() };
    let Koreksi { ketikan, failed, .. } = koreksi;
    let nilai = Signal::derive(move || ketikan.get().unwrap_or_else(|| usulan.clone()));
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let task = correct_master(id.clone(), nilai.get_untracked());
        act(busy, failed, async move { task.await.map(drop) }, move || reload.update(|n| *n += 1));
    };
    let pilihan = tanda.pilihan.clone();
    view! {
        <div class="tanda-tiket" data-testid="tanda-tiket">
            <h2>{t(Msg::FlaggedField)}": "{tanda.label(lang)}</h2>
            <dl>
                <dt>{t(Msg::MasterNow)}</dt><dd data-testid="nilai-master">{tanda.nilai_master.clone()}</dd>
                <dt>{t(Msg::PnsValue)}</dt><dd>{tanda.nilai_usulan.clone()}</dd>
            </dl>
            {can_correct.then(|| view! {
                <form on:submit=submit novalidate data-testid="form-koreksi">
                    <div class="field">
                        <label for="nilai-koreksi">{t(Msg::CorrectedValue)}</label>
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
                    <p><button type="submit" disabled=move || busy.get() data-testid="kirim-koreksi">{t(Msg::CorrectAndSolve)}</button></p>
                </form>
            })}
            {can_suggest.then(|| view! { <SaranEntri id=saran_id reload koreksi/> })}
        </div>
    }
}

/// F–O: search the flagged field's list for the entry that was missing (added since), pick
/// it, and solve the ticket naming it.
#[component]
fn SaranEntri(id: String, reload: RwSignal<u32>, koreksi: Koreksi) -> impl IntoView {
    let Koreksi { ketikan, failed, dipilih } = koreksi;
    let hasil = RwSignal::new(None::<Vec<(String, String)>>);
    let giliran = StoredValue::new(0u64);
    let busy = RwSignal::new(false);
    let cari_id = id.clone();
    // Asked 250 ms after the last key; only the newest answer is shown.
    let cari = move |q: String| {
        ketikan.set(Some(q.clone()));
        let mine = giliran.get_value() + 1;
        giliran.set_value(mine);
        let id = cari_id.clone();
        browser::after(std::time::Duration::from_millis(250), move || {
            if giliran.get_value() != mine {
                return;
            }
            leptos::task::spawn_local(async move {
                match entries_to_suggest(id, q).await {
                    Ok(found) if giliran.get_value() == mine => hasil.set(Some(found)),
                    Ok(_) => {}
                    Err(error) => failed.set(Some(error.0)),
                }
            });
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((kode, _)) = dipilih.get_untracked() else { return failed.set(Some(ErrorCode::FieldRequired)) };
        let task = suggest_entry(id.clone(), kode);
        act(busy, failed, async move { task.await.map(drop) }, move || reload.update(|n| *n += 1));
    };
    view! {
        <form on:submit=submit novalidate data-testid="form-saran">
            <h3>{t(Msg::SuggestEntryTitle)}</h3>
            <p class="muted">{t(Msg::SuggestEntryHint)}</p>
            <div class="field">
                <label for="cari-entri">{t(Msg::SuggestEntrySearch)}</label>
                <input id="cari-entri" type="search" autocomplete="off" prop:value=move || ketikan.get().unwrap_or_default()
                    on:input=move |ev| cari(event_target_value(&ev))/>
            </div>
            {move || hasil.get().map(|found| view! {
                <ul class="picker-results" data-testid="hasil-entri">
                    {if found.is_empty() {
                        view! { <li class="muted">{t(Msg::AuditEmpty)}</li> }.into_any()
                    } else {
                        found.into_iter().map(|(kode, nama)| {
                            let label = nama.clone();
                            view! {
                                <li><button type="button" on:click=move |_| {
                                    dipilih.set(Some((kode.clone(), nama.clone())));
                                    hasil.set(None);
                                }>{label}</button></li>
                            }
                        }).collect_view().into_any()
                    }}
                </ul>
            })}
            {move || dipilih.get().map(|(_, nama)| view! { <p data-testid="entri-dipilih">{t(Msg::SuggestEntryChosen)}" "<strong>{nama}</strong></p> })}
            {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat-saran">{error_text(code)}</p> })}
            <p><button type="submit" disabled=move || busy.get() data-testid="kirim-saran">{t(Msg::SuggestEntrySolve)}</button></p>
        </form>
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
