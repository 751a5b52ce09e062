//! `/pns/bantuan`: the PNS's tickets and the form to raise one (pre-filled from
//! `?kategori=&subjek=&uraian=`, or from a "[?]" of the form: `?bagian=&field=[&entri=]` for a
//! field the ticket will flag, `?tanda=<id>` for an open flag; the field's master value and the
//! PNS's own are filled in); `/pns/bantuan/:id`: one
//! ticket's conversation, the reply box, and closing with a rating. Both follow the live
//! stream, so an officer's answer appears without reloading.

use domain::form::Bagian;
use domain::hds::{self, DariTanda, Isian, Kategori, StatusTiket, TiketDetail, TiketRingkas};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::percakapan::{bukti_belum, durasi, kepala, langsung, muat, status_badge, Lampiran, Percakapan};
use crate::api::hds::{
    close_ticket, field_for_ticket, from_flag, instansi_choices, own_ticket, own_tickets, raise_ticket, reply_as_pns,
    TiketBaruView,
};
use crate::i18n::{error_text, t, use_lang};
use crate::live::follow_hds;

#[component]
pub fn HelpPage() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let live = RwSignal::new(false);
    follow_hds(live, move |_| reload.update(|n| *n += 1));
    let tickets = crate::resource::resource(move || reload.get(), |_| own_tickets());
    view! {
        <section class="panel" data-testid="bantuan">
            <h1>{t(Msg::HelpTitle)}</h1>
            <p>{t(Msg::HelpIntro)}</p>
            <NewTicket/>
            <h2>{t(Msg::MyTickets)}</h2>
            {langsung(live)}
            {muat(tickets, move |list| view! { <OwnTickets list/> })}
        </section>
    }
}

#[component]
fn OwnTickets(list: Vec<TiketRingkas>) -> impl IntoView {
    let lang = use_lang();
    if list.is_empty() {
        return view! { <p class="muted">{t(Msg::NoTickets)}</p> }.into_any();
    }
    view! {
        <table class="list" data-testid="tiket-saya">
            <thead><tr>
                <th>{t(Msg::TicketNumber)}</th><th>{t(Msg::TicketCategory)}</th><th>{t(Msg::TicketSubject)}</th>
                <th>{t(Msg::TicketStatus)}</th><th>{t(Msg::TicketRaised)}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|r| view! {
                    <tr data-testid="baris-tiket">
                        <td><a href=format!("/pns/bantuan/{}", r.id)>{r.nomor}</a></td>
                        <td>{format!("{} — {}", r.kategori.code(), r.kategori.nama(lang))}</td>
                        <td>
                            {r.subjek}
                            {(r.belum_dibaca > 0).then(|| view! {
                                " "<span class="badge" data-testid="belum-dibaca">{format!("{} {}", r.belum_dibaca, t(Msg::TicketUnread))}</span>
                            })}
                        </td>
                        <td>{status_badge(r.status)}</td>
                        <td>{r.dibuat}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The form; checked in the page with the server's own rules before it is sent.
#[component]
fn NewTicket() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let initial = |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let kategori = RwSignal::new(initial("kategori"));
    let subjek = RwSignal::new(initial("subjek"));
    let uraian = RwSignal::new(initial("uraian"));
    let tujuan = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, ErrorCode)>::new());
    let failed = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    // From a "[?]": filled in once the flag is read (in the browser; the PNS may edit it all).
    let dari = RwSignal::new(None::<DariTanda>);
    // `?tanda=`: an open flag; `?bagian=&field=[&entri=]`: a field the ticket will flag.
    let tanda = initial("tanda");
    let isian = Bagian::from_slug(&initial("bagian")).map(|bagian| Isian {
        bagian,
        entri: Some(initial("entri")).filter(|e| !e.is_empty()),
        field: initial("field"),
    });
    let from_form = !tanda.is_empty() || isian.is_some();
    if from_form {
        let isian = isian.clone();
        Effect::new(move |_| {
            let (tanda, isian) = (tanda.clone(), isian.clone());
            spawn_local(async move {
                let loaded = match isian {
                    Some(isian) => field_for_ticket(isian).await,
                    None => from_flag(tanda).await,
                };
                match loaded {
                    Ok(d) => {
                        let (s, u) = d.prefill(lang);
                        kategori.set(d.kategori.map(|k| k.code().to_owned()).unwrap_or_default());
                        subjek.set(s);
                        uraian.set(u);
                        dari.set(Some(d));
                    }
                    Err(e) => failed.set(Some(e.0)),
                }
            });
        });
    }
    let is_b = move || kategori.get() == Kategori::BedaInstansi.code();
    let choices = crate::resource::resource(is_b, |b| async move {
        if b {
            instansi_choices().await
        } else {
            Ok(Vec::new())
        }
    });
    let error_of = move |field: &'static str| {
        move || errors.get().into_iter().find(|(f, _)| *f == field).map(|(_, code)| error_text(code))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let k = Kategori::from_code(&kategori.get_untracked());
        if k.is_none() {
            found.push(("kategori", ErrorCode::FieldRequired));
        }
        if let Err(code) = hds::check_subjek(&subjek.get_untracked()) {
            found.push(("subjek", code));
        }
        if let Err(code) = hds::check_uraian(&uraian.get_untracked()) {
            found.push(("uraian", code));
        }
        if k == Some(Kategori::BedaInstansi) && tujuan.get_untracked().is_empty() {
            found.push(("tujuan", ErrorCode::TicketDestinationRequired));
        }
        errors.set(found.clone());
        let Some(kategori) = k.filter(|_| found.is_empty()) else { return };
        let tiket = TiketBaruView {
            kategori,
            subjek: subjek.get_untracked(),
            uraian: uraian.get_untracked(),
            instansi_tujuan: Some(tujuan.get_untracked()).filter(|s| !s.is_empty()),
            tanda_id: dari.get_untracked().map(|d| d.tanda_id).filter(|id| !id.is_empty()),
            isian: isian.clone(),
        };
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match raise_ticket(tiket).await {
                Ok(r) => crate::go_to(&format!("/pns/bantuan/{}", r.id)),
                Err(e) => {
                    failed.set(Some(e.0));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <details class="new-ticket" open=!initial("kategori").is_empty() || from_form>
            <summary data-testid="buat-tiket">{t(Msg::NewTicket)}</summary>
            <form on:submit=submit novalidate data-testid="form-tiket">
                {move || dari.get().map(|d| view! {
                    <p class="notice" data-testid="dari-tanda">{t(Msg::TicketFromFlag)}" "<strong>{d.label(lang)}</strong></p>
                })}
                <div class="field" class:invalid=move || error_of("kategori")().is_some()>
                    <label for="kategori">{t(Msg::TicketCategory)}</label>
                    <select id="kategori" name="kategori" prop:value=move || kategori.get()
                        on:change=move |ev| kategori.set(event_target_value(&ev))>
                        <option value="">{t(Msg::ChooseOne)}</option>
                        {Kategori::ALL.iter().map(|k| view! {
                            <option value=k.code()>{format!("{} — {}", k.code(), k.nama(lang))}</option>
                        }).collect_view()}
                    </select>
                    <span class="error" role="alert">{error_of("kategori")}</span>
                </div>
                <Show when=is_b>
                    <div class="field" class:invalid=move || error_of("tujuan")().is_some()>
                        <label for="tujuan">{t(Msg::TicketMovedTo)}</label>
                        <select id="tujuan" name="tujuan" prop:value=move || tujuan.get()
                            on:change=move |ev| tujuan.set(event_target_value(&ev))>
                            <option value="">{t(Msg::ChooseOne)}</option>
                            <Transition fallback=|| ()>
                                {move || Suspend::new(async move {
                                    choices.await.unwrap_or_default().into_iter().map(|i| view! {
                                        <option value=i.id>{i.nama}</option>
                                    }).collect_view()
                                })}
                            </Transition>
                        </select>
                        <span class="error" role="alert">{error_of("tujuan")}</span>
                    </div>
                </Show>
                <div class="field" class:invalid=move || error_of("subjek")().is_some()>
                    <label for="subjek">{t(Msg::TicketSubject)}</label>
                    <input id="subjek" name="subjek" maxlength=hds::SUBJEK_MAX prop:value=move || subjek.get()
                        on:input=move |ev| subjek.set(event_target_value(&ev))/>
                    <span class="error" role="alert">{error_of("subjek")}</span>
                </div>
                <div class="field" class:invalid=move || error_of("uraian")().is_some()>
                    <label for="uraian">{t(Msg::TicketDescription)}</label>
                    <textarea id="uraian" name="uraian" rows="5" maxlength=hds::PESAN_MAX prop:value=move || uraian.get()
                        on:input=move |ev| uraian.set(event_target_value(&ev))></textarea>
                    <span class="error" role="alert">{error_of("uraian")}</span>
                </div>
                {move || failed.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
                <p><button type="submit" class="primary" data-testid="kirim-tiket" disabled=move || busy.get()>
                    {t(Msg::SendTicket)}
                </button></p>
            </form>
        </details>
    }
}

#[component]
pub fn HelpTicketPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let reload = RwSignal::new(0u32);
    let live = RwSignal::new(false);
    let me = id.clone();
    follow_hds(live, move |kabar| {
        if kabar.is_none_or(|k| k.tiket_id == me) {
            reload.update(|n| *n += 1);
        }
    });
    let ticket = crate::resource::resource(move || reload.get(), move |_| own_ticket(id.clone()));
    // The reply being typed outlives the reloads a live update causes.
    let isi = RwSignal::new(String::new());
    view! {
        <section class="panel" data-testid="tiket-pns">
            <p><a href="/pns/bantuan">{t(Msg::BackToTickets)}</a></p>
            {langsung(live)}
            {muat(ticket, move |detail| view! { <PnsTicket detail reload isi/> })}
        </section>
    }
}

#[component]
fn PnsTicket(detail: TiketDetail, reload: RwSignal<u32>, isi: RwSignal<String>) -> impl IntoView {
    let id = detail.ringkas.id.clone();
    let lampiran_id = id.clone();
    let status = detail.ringkas.status;
    // 0 when none was shown: an answer arriving meanwhile is still noticed.
    let seen = Some(detail.pesan.last().map_or(0, |p| p.id));
    let head = kepala(&detail);
    let bukti = bukti_belum(&detail, use_lang());
    let umur = durasi(detail.ringkas.umur_menit);
    let failed = RwSignal::new(None::<ErrorCode>);
    let nilai = RwSignal::new(String::new());
    let send = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = isi.get_untracked();
            if let Err(code) = hds::check_pesan(&text) {
                failed.set(Some(code));
                return;
            }
            let id = id.clone();
            spawn_local(async move {
                match reply_as_pns(id, text, seen).await {
                    Ok(_) => {
                        isi.set(String::new());
                        failed.set(None);
                    }
                    Err(e) => failed.set(Some(e.0)),
                }
                reload.update(|n| *n += 1);
            });
        }
    };
    let close = move |_| {
        let id = id.clone();
        let rating = nilai.get_untracked().parse::<i16>().ok();
        spawn_local(async move {
            if let Err(e) = close_ticket(id, rating).await {
                failed.set(Some(e.0));
            }
            reload.update(|n| *n += 1);
        });
    };
    view! {
        {head}
        <p class="muted">{t(Msg::TicketWaited)}": "{umur}</p>
        <Percakapan pesan=detail.pesan/>
        {bukti}
        <Lampiran id=lampiran_id lampiran=detail.lampiran terbuka={status != StatusTiket::Ditutup} reload/>
        {move || failed.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        {(status != StatusTiket::Ditutup).then(|| view! {
            <form class="reply" on:submit=send data-testid="form-balas">
                <div class="field">
                    <label for="balasan">{t(Msg::YourReply)}</label>
                    <textarea id="balasan" rows="4" maxlength=hds::PESAN_MAX prop:value=move || isi.get()
                        on:input=move |ev| isi.set(event_target_value(&ev))></textarea>
                </div>
                <p><button type="submit" class="primary" data-testid="kirim-balasan">{t(Msg::SendReply)}</button></p>
            </form>
            <div class="close-ticket">
                <label for="nilai">{t(Msg::RateAnswer)}</label>
                " "
                <select id="nilai" on:change=move |ev| nilai.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {(1..=5).map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                </select>
                " "
                <button type="button" on:click=close data-testid="tutup-tiket">{t(Msg::CloseTicket)}</button>
            </div>
        })}
        {(status == StatusTiket::Ditutup).then(|| detail.nilai.map(|n| view! { <p>{t(Msg::RateAnswer)}": "{n}</p> }))}
    }
}
