//! Help-desk tickets from registration, for someone without an account: the "[?]" beside the
//! masked name and instansi (`GuestTicketForm`: the request, the code mailed to the email
//! given, the ticket's number) and `/daftar/tiket?tautan=…`, the page a mailed link opens
//! (the ticket, its conversation and the reply box). New answers are announced by mail with a
//! new link; the page reloads what it shows after each reply.

use domain::hds::{self, Kategori, TiketDetail};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use super::hds::percakapan::{durasi, muat, status_badge, Percakapan};
use crate::api::tamu::{ask_guest_code, confirm_guest, guest_instansi_choices, guest_ticket, reply_as_guest};
use crate::i18n::{error_text, t, use_lang};

/// The request beside the registration look-up of `nip`.
#[component]
pub fn GuestTicketForm(nip: String) -> impl IntoView {
    let lang = use_lang();
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
    let is_b = move || kategori.get() == Kategori::BedaInstansi.code();
    // Loaded only once B is chosen.
    let choices = LocalResource::new(move || async move {
        if is_b() {
            guest_instansi_choices().await.unwrap_or_default()
        } else {
            Vec::new()
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
        let nip = nip.get_value();
        busy.set(true);
        spawn_local(async move {
            let tujuan = Some(tujuan.get_untracked()).filter(|s| !s.is_empty() && is_b());
            let asked = ask_guest_code(
                nip,
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
    view! {
        <details class="new-ticket" data-testid="tiket-tamu">
            <summary>{t(Msg::RegisterWrongData)}</summary>
            <p>{t(Msg::RegisterWrongDataHelp)}</p>
            <Show when=move || permintaan.get().is_none()>
                <form on:submit=ask novalidate data-testid="form-tiket-tamu">
                    <div class="field">
                        <label for="tamu-kategori">{t(Msg::TicketCategory)}</label>
                        <select id="tamu-kategori" prop:value=move || kategori.get()
                            on:change=move |ev| kategori.set(event_target_value(&ev))>
                            <option value="">{t(Msg::ChooseOne)}</option>
                            {Kategori::FROM_REGISTRATION.iter().map(|k| view! {
                                <option value=k.code()>{format!("{} — {}", k.code(), k.nama(lang))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=is_b>
                        <div class="field">
                            <label for="tamu-tujuan">{t(Msg::TicketMovedTo)}</label>
                            <select id="tamu-tujuan" prop:value=move || tujuan.get()
                                on:change=move |ev| tujuan.set(event_target_value(&ev))>
                                <option value="">{t(Msg::ChooseOne)}</option>
                                {move || choices.get().unwrap_or_default().into_iter().map(|i| view! {
                                    <option value=i.id>{i.nama}</option>
                                }).collect_view()}
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
    let reload = RwSignal::new(0u32);
    let isi = RwSignal::new(String::new());
    let tautan = StoredValue::new(tautan);
    let ticket = crate::resource::resource(move || reload.get(), move |_| guest_ticket(tautan.get_value()));
    view! {
        <section class="panel" data-testid="tiket-tamu-halaman">
            <h1>{t(Msg::GuestTicketTitle)}</h1>
            <p class="muted">{t(Msg::GuestTicketHelp)}</p>
            {muat(ticket, move |detail| view! { <GuestTicket detail tautan=tautan.get_value() reload isi/> })}
        </section>
    }
}

#[component]
fn GuestTicket(detail: TiketDetail, tautan: String, reload: RwSignal<u32>, isi: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let r = detail.ringkas.clone();
    // 0 when none was shown: an answer arriving meanwhile is still noticed.
    let seen = Some(detail.pesan.last().map_or(0, |p| p.id));
    let failed = RwSignal::new(None::<ErrorCode>);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = isi.get_untracked();
        if let Err(code) = hds::check_pesan(&text) {
            failed.set(Some(code));
            return;
        }
        let tautan = tautan.clone();
        spawn_local(async move {
            match reply_as_guest(tautan, text, seen).await {
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
            <dt>{t(Msg::TicketNumber)}</dt><dd data-testid="nomor-tiket">{r.nomor.clone()}</dd>
            <dt>{t(Msg::TicketCategory)}</dt><dd>{format!("{} — {}", r.kategori.code(), r.kategori.nama(lang))}</dd>
            <dt>{t(Msg::TicketStatus)}</dt><dd>{status_badge(r.status)}</dd>
            <dt>{t(Msg::TicketAnsweredBy)}</dt><dd data-testid="penerima">{detail.penerima.clone()}</dd>
            <dt>{t(Msg::TicketRaised)}</dt><dd>{r.dibuat.clone()}</dd>
        </dl>
        <p class="muted">{t(Msg::TicketWaited)}": "{durasi(r.umur_menit)}</p>
        <h2 class="subjek">{r.subjek.clone()}</h2>
        // Text, never HTML: whatever anyone typed is shown as typed.
        <p class="uraian">{detail.uraian.clone()}</p>
        <Percakapan pesan=detail.pesan/>
        {move || failed.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        {(r.status != hds::StatusTiket::Ditutup).then(|| view! {
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
