//! `/hds`: the officer's live inbox: the tickets of their office and categories, overdue first,
//! with filters, unread counts and the count in the page title; `/hds/tiket/:id`: one ticket,
//! to take, answer (or note internally) and move along. Both follow the live stream: new
//! tickets, replies and status changes appear by themselves.

use domain::hds::{self, Kategori, PilihanPetugas, StatusTiket, TiketDetail, TiketRingkas};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::koreksi::{Koreksi, TandaTiket, TurunStatusTiket};
use super::percakapan::{bukti_belum, durasi, kepala, langsung, muat, status_badge, Lampiran, Percakapan};
use super::tindakan::{PilihanTindakan, TemplatBalasan, Tindakan};
use crate::api::hds::{
    claim_ticket, inbox, officer_choices, open_ticket, present, reply_as_officer, set_status, FilterKotakView,
};
use crate::error::AppError;
use crate::i18n::{error_text, t, use_lang};
use crate::live::follow_hds;
use crate::resource::AppResource;

#[component]
pub fn InboxPage() -> impl IntoView {
    let lang = use_lang();
    let filter = RwSignal::new(FilterKotakView::default());
    let reload = RwSignal::new(0u32);
    let live = RwSignal::new(false);
    follow_hds(live, move |_| reload.update(|n| *n += 1));
    let tickets = crate::resource::resource(move || (filter.get(), reload.get()), |(f, _)| inbox(f));

    let status = RwSignal::new(String::new());
    let kategori = RwSignal::new(String::new());
    let cari = RwSignal::new(String::new());
    let terlambat = RwSignal::new(false);
    let mine = RwSignal::new(false);
    let semua = RwSignal::new(false);
    let umur = RwSignal::new(String::new());
    // Back from a transfer: which ticket left the inbox.
    let dialihkan = use_query_map().with_untracked(|q| q.get("dialihkan"));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(FilterKotakView {
            status: StatusTiket::from_code(&status.get_untracked()),
            semua: semua.get_untracked(),
            kategori: Kategori::from_code(&kategori.get_untracked()),
            cari: cari.get_untracked().trim().to_owned(),
            terlambat: terlambat.get_untracked(),
            milik_saya: mine.get_untracked(),
            umur_jam_min: umur.get_untracked().parse().ok(),
        });
    };
    let check = move |id: &'static str, label: Msg, value: RwSignal<bool>| {
        view! {
            <label class="check"><input type="checkbox" id=id prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))/>" "{t(label)}</label>
        }
    };
    view! {
        <section class="panel" data-testid="home-hds">
            <h1>{t(Msg::HomeHdsTitle)}</h1>
            <p>{t(Msg::HomeHdsIntro)}</p>
            {dialihkan.map(|nomor| view! {
                <p class="notice" role="status" data-testid="dialihkan">{nomor}": "{t(Msg::Transferred)}</p>
            })}
            {langsung(live)}
            <form class="filter" role="search" on:submit=apply data-testid="filter-kotak">
                <div class="field grow">
                    <label for="cari">{t(Msg::SearchNameNip)}</label>
                    <input type="search" id="cari" maxlength="100" prop:value=move || cari.get()
                        on:input=move |ev| cari.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="status">{t(Msg::TicketStatus)}</label>
                    <select id="status" prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{t(Msg::Any)}</option>
                        {StatusTiket::ALL.iter().map(|s| view! { <option value=s.code()>{s.nama(lang)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="kategori">{t(Msg::TicketCategory)}</label>
                    <select id="kategori" prop:value=move || kategori.get() on:change=move |ev| kategori.set(event_target_value(&ev))>
                        <option value="">{t(Msg::Any)}</option>
                        {Kategori::ALL.iter().map(|k| view! {
                            <option value=k.code()>{format!("{} — {}", k.code(), k.nama(lang))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="umur">{t(Msg::WaitingLongerThan)}</label>
                    <select id="umur" prop:value=move || umur.get() on:change=move |ev| umur.set(event_target_value(&ev))>
                        <option value="">{t(Msg::Any)}</option>
                        <option value="24">{t(Msg::OneDay)}</option>
                        <option value="72">{t(Msg::ThreeDays)}</option>
                        <option value="168">{t(Msg::SevenDays)}</option>
                    </select>
                </div>
                <div class="field checks">
                    {check("terlambat", Msg::OnlyOverdue, terlambat)}
                    {check("milik-saya", Msg::OnlyMine, mine)}
                    {check("semua", Msg::IncludeClosed, semua)}
                </div>
                <button type="submit" class="primary" data-testid="terapkan-filter">{t(Msg::ApplyFilter)}</button>
            </form>
            {muat(tickets, move |list| view! { <InboxTable list/> })}
        </section>
    }
}

#[component]
fn InboxTable(list: Vec<TiketRingkas>) -> impl IntoView {
    let lang = use_lang();
    // The tab's title carries the unread count, so a background tab shows new work.
    let unread: i64 = list.iter().map(|r| r.belum_dibaca).sum();
    let title = match unread {
        0 => t(Msg::HomeHdsTitle).to_owned(),
        n => format!("({n}) {}", t(Msg::HomeHdsTitle)),
    };
    if list.is_empty() {
        return view! { <Title text=title/><p class="muted" data-testid="kotak-kosong">{t(Msg::NoTickets)}</p> }
            .into_any();
    }
    let count = list.len();
    view! {
        <Title text=title/>
        <p class="muted">{format!("{count} {}", t(Msg::OpenTickets))}</p>
        <table class="list" data-testid="kotak-masuk">
            <thead><tr>
                <th>{t(Msg::TicketNumber)}</th><th>{t(Msg::TicketCategory)}</th><th>{t(Msg::TicketSubject)}</th>
                <th>{t(Msg::Nip)}</th><th>{t(Msg::Nama)}</th><th>{t(Msg::TicketStatus)}</th>
                <th>{t(Msg::TicketOfficer)}</th><th>{t(Msg::TicketWaited)}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|r| view! {
                    <tr data-testid="baris-tiket" class:overdue=r.terlambat data-terlambat=r.terlambat.to_string()>
                        <td><a href=format!("/hds/tiket/{}", r.id)>{r.nomor}</a></td>
                        <td title=r.kategori.nama(lang)>{r.kategori.code()}</td>
                        <td>
                            {r.subjek}
                            {(r.belum_dibaca > 0).then(|| view! {
                                " "<span class="badge" data-testid="belum-dibaca">{format!("{} {}", r.belum_dibaca, t(Msg::TicketUnread))}</span>
                            })}
                        </td>
                        <td>{r.nip}</td>
                        <td>{r.nama}</td>
                        <td>{status_badge(r.status)}</td>
                        <td>{r.petugas.unwrap_or_default()}</td>
                        <td>
                            {durasi(r.umur_menit)}
                            {r.terlambat.then(|| view! { " "<span class="badge overdue">{t(Msg::TicketOverdue)}</span> })}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn OfficerTicketPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let reload = RwSignal::new(0u32);
    let live = RwSignal::new(false);
    // A message that arrives while the officer types: shown, and the server refuses a reply
    // that did not see it.
    let arrived = RwSignal::new(false);
    // Who else has the ticket open: said again every 20 s, and when someone arrives.
    let tick = RwSignal::new(0u32);
    let me = id.clone();
    follow_hds(live, move |kabar| match kabar {
        None => reload.update(|n| *n += 1),
        Some(k) if k.tiket_id == me && k.jenis == "hadir" => tick.update(|n| *n += 1),
        Some(k) if k.tiket_id == me => {
            if k.jenis == "pesan" || k.jenis == "catatan" {
                arrived.set(true);
            }
            reload.update(|n| *n += 1);
        }
        Some(_) => {}
    });
    let ticket = {
        let id = id.clone();
        crate::resource::resource(move || reload.get(), move |_| open_ticket(id.clone()))
    };
    // The reply and the master correction being typed outlive the reloads a live update causes.
    let isi = RwSignal::new(String::new());
    let koreksi = Koreksi::new();
    let pilihan = PilihanTindakan::new();
    let others = {
        let id = id.clone();
        crate::resource::resource(move || tick.get(), move |_| present(id.clone()))
    };
    // Colleagues, offices and canned replies: asked again when a template was saved or removed.
    let refresh = RwSignal::new(0u32);
    let choices = crate::resource::resource(move || refresh.get(), move |_| officer_choices(id.clone()));
    fn every_20s(tick: RwSignal<u32>) {
        crate::browser::after(std::time::Duration::from_secs(20), move || {
            // Stops once the page (and its signal) is gone.
            if tick.try_update(|n| *n += 1).is_some() {
                every_20s(tick);
            }
        });
    }
    every_20s(tick);
    view! {
        <section class="panel" data-testid="tiket-petugas">
            <p><a href="/hds">{t(Msg::BackToInbox)}</a></p>
            {langsung(live)}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let names = others.await.unwrap_or_default();
                    (!names.is_empty()).then(|| view! {
                        <p class="notice" role="status" data-testid="juga-membuka">{t(Msg::AlsoOpenBy)}": "{names.join(", ")}</p>
                    })
                })}
            </Transition>
            {muat(ticket, move |detail| view! { <OfficerTicket detail reload arrived isi koreksi pilihan choices refresh/> })}
        </section>
    }
}

#[component]
fn OfficerTicket(
    detail: TiketDetail,
    reload: RwSignal<u32>,
    arrived: RwSignal<bool>,
    isi: RwSignal<String>,
    koreksi: Koreksi,
    pilihan: PilihanTindakan,
    choices: AppResource<Result<PilihanPetugas, AppError>>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let id = detail.ringkas.id.clone();
    let (nomor, tindakan_id) = (detail.ringkas.nomor.clone(), id.clone());
    let pengalihan = detail.pengalihan.clone();
    let (tanda, kategori, koreksi_id) = (detail.tanda.clone(), detail.ringkas.kategori, id.clone());
    let closed = detail.ringkas.status == StatusTiket::Ditutup;
    let lampiran_id = id.clone();
    let head = kepala(&detail);
    let bukti = bukti_belum(&detail, use_lang());
    let umur = durasi(detail.ringkas.umur_menit);
    // What the officer has seen: the reply is checked against it.
    let seen = RwSignal::new(Some(detail.pesan.last().map_or(0, |p| p.id)));
    let internal = RwSignal::new(false);
    let after = RwSignal::new(StatusTiket::MenungguPns.code().to_owned());
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let run = move |task: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), crate::error::AppError>>>>| {
        busy.set(true);
        spawn_local(async move {
            let result = task.await;
            failed.set(result.err().map(|e| e.0));
            busy.set(false);
            reload.update(|n| *n += 1);
        });
    };
    let send = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = isi.get_untracked();
            if let Err(code) = hds::check_pesan(&text) {
                failed.set(Some(code));
                return;
            }
            let (id, note, status) =
                (id.clone(), internal.get_untracked(), StatusTiket::from_code(&after.get_untracked()));
            let seen = seen.get_untracked();
            run(Box::pin(async move {
                reply_as_officer(id, text, note, seen, status).await?;
                isi.set(String::new());
                arrived.set(false);
                Ok(())
            }));
        }
    };
    let claim = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            run(Box::pin(async move { claim_ticket(id).await }));
        }
    };
    let move_to = move |status: StatusTiket| {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            run(Box::pin(async move { set_status(id, status).await }));
        }
    };
    view! {
        {head}
        <p class="muted">{t(Msg::TicketWaited)}": "{umur}
            {detail.ringkas.terlambat.then(|| view! { " "<span class="badge overdue">{t(Msg::TicketOverdue)}</span> })}
        </p>
        <p class="actions">
            <button type="button" on:click=claim disabled=move || busy.get() data-testid="ambil-tiket">{t(Msg::ClaimTicket)}</button>
            " "
            <button type="button" on:click=move_to(StatusTiket::Selesai) disabled=move || busy.get() data-testid="selesaikan">
                {StatusTiket::Selesai.nama(lang)}
            </button>
            " "
            <button type="button" on:click=move_to(StatusTiket::Ditutup) disabled=move || busy.get()>
                {StatusTiket::Ditutup.nama(lang)}
            </button>
        </p>
        {tanda.map(|tanda| view! { <TandaTiket id=koreksi_id.clone() tanda kategori open=!closed reload koreksi/> })}
        {(kategori == Kategori::TurunStatus && !closed).then(|| view! { <TurunStatusTiket id=koreksi_id reload/> })}
        {(!closed).then(|| view! { <Tindakan id=tindakan_id nomor reload choices pilihan/> })}
        {(!pengalihan.is_empty()).then(|| view! {
            <h2>{t(Msg::Transfers)}</h2>
            <ul class="pengalihan" data-testid="pengalihan">
                {pengalihan.into_iter().map(|p| view! {
                    <li><span class="muted">{p.oleh}" · "{p.waktu}</span>" "{p.dari}" → "{p.ke}": "{p.alasan}</li>
                }).collect_view()}
            </ul>
        })}
        <Percakapan pesan=detail.pesan/>
        {bukti}
        <Lampiran id=lampiran_id lampiran=detail.lampiran terbuka={!closed} reload/>
        {move || arrived.get().then(|| view! { <p class="notice" role="status" data-testid="pesan-baru">{t(Msg::NewMessageArrived)}</p> })}
        {move || failed.get().map(|code| view! { <p class="error" role="alert" data-testid="galat">{error_text(code)}</p> })}
        {(!closed).then(|| view! {
            <form class="reply" on:submit=send data-testid="form-balas">
                <div class="field">
                    <label for="balasan">{t(Msg::YourReply)}</label>
                    <textarea id="balasan" rows="5" maxlength=hds::PESAN_MAX prop:value=move || isi.get()
                        on:input=move |ev| isi.set(event_target_value(&ev))></textarea>
                </div>
                <TemplatBalasan isi choices refresh/>
                <label class="check"><input type="checkbox" id="internal" prop:checked=move || internal.get()
                    on:change=move |ev| internal.set(event_target_checked(&ev))/>" "{t(Msg::InternalNote)}</label>
                <div class="field">
                    <label for="status-balas">{t(Msg::StatusAfterReply)}</label>
                    <select id="status-balas" prop:value=move || after.get() on:change=move |ev| after.set(event_target_value(&ev))>
                        {[StatusTiket::Dibuka, StatusTiket::MenungguPns, StatusTiket::Selesai].into_iter().map(|s| view! {
                            <option value=s.code()>{s.nama(lang)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p><button type="submit" class="primary" disabled=move || busy.get() data-testid="kirim-balasan">{t(Msg::SendReply)}</button></p>
            </form>
        })}
    }
}
