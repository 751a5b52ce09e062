//! Help-desk tickets from registration, for someone without an account: the "[?]" beside the
//! masked name and instansi (`GuestTicketForm`, in the registration route: the request, the
//! code mailed to the email given, the ticket's number) and `/daftar/tiket?tautan=…`, the page
//! a mailed link opens (`GuestTicketPage`: the ticket, its conversation and the reply box).
//! New answers are announced by mail with a new link.
//!
//! The page is in the main module, not a lazy route: it is small, and the reactive machinery
//! it uses (resources, forms, server calls) is what every signed-in route uses too, so having
//! it in the main module keeps that code out of every route's chunks (#14,
//! docs/PERFORMANCE.md).

use domain::hds;
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use super::hds::percakapan::muat;
use crate::api::tamu::{ask_guest_code, confirm_guest, guest_choices, guest_ticket, reply_as_guest, TiketTamuView};
use crate::i18n::{error_text, t};

/// The request beside the registration look-up of `nip`.
#[component]
pub fn GuestTicketForm(nip: String) -> impl IntoView {
    // Kept in the arena, so the form's handlers stay `Copy` inside `<Show>`.
    let nip = StoredValue::new(nip);
    let kategori = RwSignal::new(String::new());
    let tujuan = RwSignal::new(String::new());
    let subjek = RwSignal::new(String::new());
    let uraian = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let kode = RwSignal::new(String::new());
    let permintaan = RwSignal::new(None::<Uuid>);
    let nomor = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let is_b = move || kategori.get() == hds::Kategori::BedaInstansi.code();
    // Categories and agencies, loaded when the "[?]" is first opened.
    let opened = RwSignal::new(false);
    let choices = LocalResource::new(move || async move {
        if opened.get() {
            guest_choices().await.ok()
        } else {
            None
        }
    });
    // The same checks the server repeats, shown before anything is sent.
    let check = move || -> Result<(), ErrorCode> {
        if kategori.get_untracked().is_empty() {
            return Err(ErrorCode::TicketCategoryWrong);
        }
        if is_b() && tujuan.get_untracked().is_empty() {
            return Err(ErrorCode::TicketDestinationRequired);
        }
        hds::check_subjek(&subjek.get_untracked())?;
        hds::check_uraian(&uraian.get_untracked())?;
        domain::account::parse_email(&email.get_untracked()).map(|_| ())
    };
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(code) = check() {
            failed.set(Some(code));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let tujuan = Some(tujuan.get_untracked()).filter(|s| !s.is_empty() && is_b());
            let asked = ask_guest_code(
                nip.get_value(),
                email.get_untracked(),
                kategori.get_untracked(),
                subjek.get_untracked(),
                uraian.get_untracked(),
                tujuan,
            )
            .await;
            match asked {
                Ok(id) => {
                    permintaan.set(Some(id));
                    failed.set(None);
                }
                Err(e) => failed.set(Some(e.0)),
            }
            busy.set(false);
        });
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = permintaan.get_untracked() else { return };
        busy.set(true);
        spawn_local(async move {
            match confirm_guest(id, kode.get_untracked()).await {
                Ok(n) => {
                    nomor.set(Some(n));
                    failed.set(None);
                }
                Err(e) => failed.set(Some(e.0)),
            }
            busy.set(false);
        });
    };
    let error = move || failed.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> });
    let options = move |pick: fn(&crate::api::tamu::PilihanFormTamu) -> &Vec<crate::api::tamu::PilihanTamu>| {
        choices.get().flatten().map(|c| {
            pick(&c).iter().map(|p| view! { <option value=p.kode.clone()>{p.nama.clone()}</option> }).collect_view()
        })
    };
    view! {
        <details class="new-ticket" data-testid="tiket-tamu" on:toggle=move |_| opened.set(true)>
            <summary>{t(Msg::RegisterWrongData)}</summary>
            <p>{t(Msg::RegisterWrongDataHelp)}</p>
            <Show when=move || permintaan.get().is_none()>
                <form on:submit=ask novalidate data-testid="form-tiket-tamu">
                    <div class="field">
                        <label for="tamu-kategori">{t(Msg::TicketCategory)}</label>
                        <select id="tamu-kategori" prop:value=move || kategori.get()
                            on:change=move |ev| kategori.set(event_target_value(&ev))>
                            <option value="">{t(Msg::ChooseOne)}</option>
                            {move || options(|c| &c.kategori)}
                        </select>
                    </div>
                    <Show when=is_b>
                        <div class="field">
                            <label for="tamu-tujuan">{t(Msg::TicketMovedTo)}</label>
                            <select id="tamu-tujuan" prop:value=move || tujuan.get()
                                on:change=move |ev| tujuan.set(event_target_value(&ev))>
                                <option value="">{t(Msg::ChooseOne)}</option>
                                {move || options(|c| &c.instansi)}
                            </select>
                        </div>
                    </Show>
                    <div class="field">
                        <label for="tamu-subjek">{t(Msg::TicketSubject)}</label>
                        <input id="tamu-subjek" maxlength=hds::SUBJEK_MAX on:input=move |ev| subjek.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="tamu-uraian">{t(Msg::TicketDescription)}</label>
                        <textarea id="tamu-uraian" rows="4" maxlength=hds::PESAN_MAX
                            on:input=move |ev| uraian.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for="tamu-email">{t(Msg::GuestEmail)}</label>
                        <input id="tamu-email" type="email" autocomplete="email" on:input=move |ev| email.set(event_target_value(&ev))/>
                    </div>
                    {error}
                    <p><button type="submit" disabled=move || busy.get()>{t(Msg::GuestSendCode)}</button></p>
                </form>
            </Show>
            <Show when=move || permintaan.get().is_some() && nomor.get().is_none()>
                <form on:submit=confirm novalidate data-testid="form-kode-tamu">
                    <p class="notice" role="status">{t(Msg::GuestCodeSent)}</p>
                    <div class="field">
                        <label for="tamu-kode">{t(Msg::OneTimeCode)}</label>
                        <input id="tamu-kode" inputmode="numeric" maxlength="6" autocomplete="one-time-code"
                            on:input=move |ev| kode.set(event_target_value(&ev))/>
                    </div>
                    {error}
                    <p><button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::GuestConfirm)}</button></p>
                </form>
            </Show>
            {move || nomor.get().map(|n| view! {
                <p class="success" role="status">{t(Msg::GuestTicketSent)}" "{t(Msg::TicketNumber)}": "
                    <strong data-testid="nomor-tiket-tamu">{n}</strong></p>
                <p>{t(Msg::GuestFollowByMail)}</p>
            })}
        </details>
    }
}

/// `/daftar/tiket?tautan=…`: the ticket a mailed link opens.
#[component]
pub fn GuestTicketPage() -> impl IntoView {
    let tautan = use_query_map().with_untracked(|q| q.get("tautan")).unwrap_or_default();
    let tautan = StoredValue::new(tautan);
    let reload = RwSignal::new(0u32);
    // The reply's text lives here, so a reload after sending does not lose a failed one.
    let isi = RwSignal::new(String::new());
    let ticket = crate::resource::resource(move || reload.get(), move |_| guest_ticket(tautan.get_value()));
    view! {
        <section class="panel" data-testid="tiket-tamu-halaman">
            <h1>{t(Msg::GuestTicketTitle)}</h1>
            <p class="muted">{t(Msg::GuestTicketHelp)}</p>
            {muat(ticket, move |tiket| view! { <GuestTicket tiket tautan=tautan.get_value() reload isi/> })}
        </section>
    }
}

#[component]
fn GuestTicket(tiket: TiketTamuView, tautan: String, reload: RwSignal<u32>, isi: RwSignal<String>) -> impl IntoView {
    let failed = RwSignal::new(None::<ErrorCode>);
    let terakhir = Some(tiket.terakhir);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = isi.get_untracked();
        if let Err(code) = hds::check_pesan(&text) {
            failed.set(Some(code));
            return;
        }
        let tautan = tautan.clone();
        spawn_local(async move {
            match reply_as_guest(tautan, text, terakhir).await {
                Ok(_) => {
                    isi.set(String::new());
                    failed.set(None);
                }
                Err(e) => failed.set(Some(e.0)),
            }
            reload.update(|n| *n += 1);
        });
    };
    view! {
        <dl class="facts">
            <dt>{t(Msg::TicketNumber)}</dt><dd data-testid="nomor-tiket">{tiket.nomor}</dd>
            <dt>{t(Msg::TicketCategory)}</dt><dd>{tiket.kategori}</dd>
            <dt>{t(Msg::TicketStatus)}</dt>
            <dd><span class=format!("status-tiket {}", tiket.status_kode) data-testid="status-tiket">{tiket.status}</span></dd>
            <dt>{t(Msg::TicketAnsweredBy)}</dt><dd data-testid="penerima">{tiket.penerima}</dd>
            <dt>{t(Msg::TicketRaised)}</dt><dd>{tiket.dibuat}</dd>
        </dl>
        <h2 class="subjek">{tiket.subjek}</h2>
        // Text, never HTML: whatever anyone typed is shown as typed.
        <p class="uraian">{tiket.uraian}</p>
        <h2>{t(Msg::Conversation)}</h2>
        {tiket.pesan.is_empty().then(|| view! { <p class="muted">{t(Msg::NoMessages)}</p> })}
        <ol class="percakapan" data-testid="percakapan">
            {tiket.pesan.into_iter().map(|p| view! {
                <li class=if p.dari_pns { "pesan pns" } else { "pesan petugas" } data-testid="pesan">
                    <span class="muted">{p.nama}" · "{p.waktu}</span>
                    <p>{p.isi}</p>
                </li>
            }).collect_view()}
        </ol>
        {move || failed.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        {tiket.terbuka.then(|| view! {
            <form class="reply" on:submit=send novalidate data-testid="form-balas">
                <div class="field">
                    <label for="balasan">{t(Msg::YourReply)}</label>
                    <textarea id="balasan" rows="4" maxlength=hds::PESAN_MAX prop:value=move || isi.get()
                        on:input=move |ev| isi.set(event_target_value(&ev))></textarea>
                </div>
                <p><button type="submit" class="primary" data-testid="kirim-balasan">{t(Msg::SendReply)}</button></p>
            </form>
        })}
    }
}
