//! The officer's other actions on a ticket, below its facts: hand it to a colleague, send it
//! to another office with the reason, and the office's canned replies (insert one into the
//! reply, save the reply as one, remove one). The choices come from one call
//! (`officer_choices`); every action is checked again on the server.

use domain::hds::{self, PilihanPetugas, Templat};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::hds::{assign_ticket, delete_template, save_template, transfer_ticket};
use crate::error::AppError;
use crate::i18n::{error_text, t};
use crate::resource::AppResource;

/// Runs an action: busy while it runs, its error shown, then `done`.
pub(crate) fn act<F>(busy: RwSignal<bool>, failed: RwSignal<Option<ErrorCode>>, task: F, done: impl FnOnce() + 'static)
where
    F: std::future::Future<Output = Result<(), AppError>> + 'static,
{
    busy.set(true);
    failed.set(None);
    spawn_local(async move {
        let result = task.await;
        busy.set(false);
        match result {
            Ok(()) => done(),
            Err(e) => failed.set(Some(e.0)),
        }
    });
}

/// What the officer has chosen and typed for an action. Held by the page, so a live update
/// that redraws the ticket between choosing and pressing the button loses nothing.
#[derive(Clone, Copy)]
pub struct PilihanTindakan {
    rekan: RwSignal<String>,
    ke: RwSignal<String>,
    alasan: RwSignal<String>,
}

impl PilihanTindakan {
    pub fn new() -> Self {
        PilihanTindakan {
            rekan: RwSignal::new(String::new()),
            ke: RwSignal::new(String::new()),
            alasan: RwSignal::new(String::new()),
        }
    }
}

/// Assigning and transferring (for a ticket still open).
#[component]
pub fn Tindakan(
    id: String,
    nomor: String,
    reload: RwSignal<u32>,
    choices: AppResource<Result<PilihanPetugas, AppError>>,
    pilihan: PilihanTindakan,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ErrorCode>);
    let PilihanTindakan { rekan, ke, alasan } = pilihan;
    let assign = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (id, akun) = (id.clone(), rekan.get_untracked());
            if akun.is_empty() {
                failed.set(Some(ErrorCode::FieldRequired));
                return;
            }
            act(busy, failed, assign_ticket(id, akun), move || reload.update(|n| *n += 1));
        }
    };
    let transfer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, tujuan, text) = (id.clone(), ke.get_untracked(), alasan.get_untracked());
        let checked = if tujuan.is_empty() { Err(ErrorCode::FieldRequired) } else { hds::check_alasan(&text) };
        if let Err(code) = checked {
            failed.set(Some(code));
            return;
        }
        // The ticket leaves this office's reach: back to the inbox, which says where it went.
        let nomor = nomor.clone();
        act(busy, failed, transfer_ticket(id, tujuan, text), move || crate::go_to(&format!("/hds?dialihkan={nomor}")));
    };
    view! {
        <Transition fallback=|| ()>
            {move || {
                let (assign, transfer) = (assign.clone(), transfer.clone());
                Suspend::new(async move {
                let PilihanPetugas { rekan: colleagues, tujuan, .. } = choices.await.unwrap_or_default();
                view! {
                    <form class="inline" on:submit=assign data-testid="form-tugaskan">
                        <label for="rekan">{t(Msg::AssignTo)}</label>" "
                        {if colleagues.is_empty() {
                            view! { <span class="muted">{t(Msg::NoColleagues)}</span> }.into_any()
                        } else {
                            view! {
                                <select id="rekan" prop:value=move || rekan.get() on:change=move |ev| rekan.set(event_target_value(&ev))>
                                    <option value="">{t(Msg::ChooseOne)}</option>
                                    {colleagues.into_iter().map(|o| {
                                        // Marked on the option: a redrawn list keeps the choice.
                                        let chosen = rekan.get_untracked() == o.kode;
                                        view! { <option value=o.kode selected=chosen>{o.nama}</option> }
                                    }).collect_view()}
                                </select>
                                " "<button type="submit" disabled=move || busy.get() data-testid="tugaskan">{t(Msg::Assign)}</button>
                            }.into_any()
                        }}
                    </form>
                    <details class="alih" data-testid="alihkan">
                        <summary>{t(Msg::TransferTicket)}</summary>
                        <form on:submit=transfer>
                            <div class="field">
                                <label for="tujuan">{t(Msg::TransferTo)}</label>
                                <select id="tujuan" prop:value=move || ke.get() on:change=move |ev| ke.set(event_target_value(&ev))>
                                    <option value="">{t(Msg::ChooseOne)}</option>
                                    {tujuan.into_iter().map(|o| {
                                        let chosen = ke.get_untracked() == o.kode;
                                        view! { <option value=o.kode selected=chosen>{o.nama}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="alasan-alih">{t(Msg::TransferReason)}</label>
                                <textarea id="alasan-alih" rows="3" maxlength=hds::ALASAN_MAX prop:value=move || alasan.get()
                                    on:input=move |ev| alasan.set(event_target_value(&ev))></textarea>
                            </div>
                            <p><button type="submit" disabled=move || busy.get() data-testid="kirim-alih">{t(Msg::Transfer)}</button></p>
                        </form>
                    </details>
                }
            })}}
        </Transition>
        {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat-tindakan">{error_text(code)}</p> })}
    }
}

/// The office's canned replies beside the reply box: insert one, save the reply as one,
/// remove one.
#[component]
pub fn TemplatBalasan(
    isi: RwSignal<String>,
    choices: AppResource<Result<PilihanPetugas, AppError>>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ErrorCode>);
    let chosen = RwSignal::new(String::new());
    let judul = RwSignal::new(String::new());
    let insert = move |_| {
        let id = chosen.get_untracked();
        let templates = choices.get_untracked().and_then(Result::ok).map(|c| c.templat).unwrap_or_default();
        if let Some(tpl) = templates.into_iter().find(|tpl: &Templat| tpl.id == id) {
            isi.update(|text| {
                if !text.trim().is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&tpl.isi);
            });
        }
    };
    let remove = move |_| {
        let id = chosen.get_untracked();
        if id.is_empty() {
            return;
        }
        act(busy, failed, delete_template(id), move || {
            chosen.set(String::new());
            refresh.update(|n| *n += 1);
        });
    };
    let save = move |_| {
        let (title, text) = (judul.get_untracked(), isi.get_untracked());
        if let Err(code) = hds::check_judul(&title).and_then(|_| hds::check_pesan(&text)) {
            failed.set(Some(code));
            return;
        }
        act(busy, failed, async move { save_template(None, title, text).await.map(|_| ()) }, move || {
            judul.set(String::new());
            refresh.update(|n| *n += 1);
        });
    };
    view! {
        <fieldset class="templat" data-testid="templat">
            <legend>{t(Msg::CannedReplies)}</legend>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let templates = choices.await.map(|c| c.templat).unwrap_or_default();
                    view! {
                        <select id="templat" aria-label=t(Msg::CannedReplies) prop:value=move || chosen.get()
                            on:change=move |ev| chosen.set(event_target_value(&ev))>
                            <option value="">{t(Msg::ChooseOne)}</option>
                            {templates.into_iter().map(|tpl| view! { <option value=tpl.id>{tpl.judul}</option> }).collect_view()}
                        </select>
                    }
                })}
            </Transition>
            " "<button type="button" on:click=insert data-testid="sisipkan-templat">{t(Msg::InsertTemplate)}</button>
            " "<button type="button" on:click=remove disabled=move || busy.get() data-testid="hapus-templat">{t(Msg::DeleteTemplate)}</button>
            <div class="field">
                <label for="judul-templat">{t(Msg::TemplateTitle)}</label>
                <input id="judul-templat" maxlength=hds::JUDUL_MAX prop:value=move || judul.get()
                    on:input=move |ev| judul.set(event_target_value(&ev))/>
                " "<button type="button" on:click=save disabled=move || busy.get() data-testid="simpan-templat">{t(Msg::SaveAsTemplate)}</button>
            </div>
            {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat-templat">{error_text(code)}</p> })}
        </fieldset>
    }
}
