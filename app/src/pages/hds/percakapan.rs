//! What the PNS's and the officers' ticket pages share: the conversation, the status badge,
//! how long a ticket has waited, the live-stream indicator, and loading with errors shown.

use domain::hds::{Dari, Pesan, StatusTiket, TiketDetail};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{error_text, t, use_lang};
use crate::pages::errors::ErrorView;
use crate::resource::AppResource;

/// "Pembaruan langsung aktif" while the page's live stream is open.
pub fn langsung(live: RwSignal<bool>) -> impl IntoView {
    view! {
        <p class="muted live" data-testid="langsung" data-aktif=move || live.get().to_string()>
            {move || live.get().then(|| t(Msg::LiveOn))}
        </p>
    }
}

/// "Evidence not attached yet: …" while an open ticket of a category that needs evidence has no
/// file from the PNS (both sides show it: the PNS to attach, the officer to ask).
pub fn bukti_belum(detail: &TiketDetail, lang: domain::Lang) -> Option<impl IntoView> {
    let terbuka = detail.ringkas.status.aktif();
    let ada = detail.lampiran.iter().any(|l| l.dari == Dari::Pns);
    let bukti = detail.ringkas.kategori.bukti(lang).filter(|_| terbuka && !ada)?;
    Some(view! { <p class="notice" data-testid="bukti-belum">{t(Msg::EvidenceMissing)}" "{bukti}</p> })
}

/// A resource's value through `ok`, or its error; the old value stays while it reloads.
pub fn muat<T, V>(
    data: AppResource<Result<T, AppError>>,
    ok: impl Fn(T) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => ok(value).into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// "3 h 20 m" / "2 hr 4 j": days, hours and minutes, the largest two.
pub fn durasi(menit: i64) -> String {
    let (d, h, m) = (menit / 1440, (menit % 1440) / 60, menit % 60);
    match (d, h) {
        (0, 0) => format!("{m} m"),
        (0, _) => format!("{h} j {m} m"),
        _ => format!("{d} hr {h} j"),
    }
}

pub fn status_badge(status: StatusTiket) -> impl IntoView {
    let lang = use_lang();
    view! { <span class=format!("status-tiket {}", status.code()) data-testid="status-tiket">{status.nama(lang)}</span> }
}

/// The ticket's facts above its conversation.
pub fn kepala(d: &TiketDetail) -> impl IntoView {
    let lang = use_lang();
    let r = &d.ringkas;
    view! {
        <dl class="facts">
            <dt>{t(Msg::TicketNumber)}</dt><dd data-testid="nomor-tiket">{r.nomor.clone()}</dd>
            <dt>{t(Msg::TicketCategory)}</dt><dd>{format!("{} — {}", r.kategori.code(), r.kategori.nama(lang))}</dd>
            <dt>{t(Msg::TicketStatus)}</dt><dd>{status_badge(r.status)}</dd>
            <dt>{t(Msg::TicketAnsweredBy)}</dt><dd data-testid="penerima">{d.penerima.clone()}</dd>
            <dt>{t(Msg::TicketOfficer)}</dt><dd data-testid="petugas">{r.petugas.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{t(Msg::TicketRaised)}</dt><dd>{r.dibuat.clone()}</dd>
        </dl>
        <p><a href=format!("/api/hds/tiket/{}/bukti", r.id) rel="external" target="_blank" data-testid="bukti">
            {t(Msg::PrintReceipt)}
        </a></p>
        <h2 class="subjek">{r.subjek.clone()}</h2>
        // Text, never HTML: whatever anyone typed is shown as typed.
        <p class="uraian">{d.uraian.clone()}</p>
    }
}

#[component]
pub fn Percakapan(pesan: Vec<Pesan>) -> impl IntoView {
    view! {
        <h2>{t(Msg::Conversation)}</h2>
        {if pesan.is_empty() {
            view! { <p class="muted">{t(Msg::NoMessages)}</p> }.into_any()
        } else {
            view! {
                <ol class="percakapan" data-testid="percakapan">
                    {pesan.into_iter().map(|p| {
                        let class = match (p.dari, p.internal) {
                            (_, true) => "pesan catatan",
                            (Dari::Pns, _) => "pesan pns",
                            (Dari::Petugas, _) => "pesan petugas",
                        };
                        view! {
                            <li class=class data-testid="pesan" data-id=p.id>
                                <span class="muted">{p.nama}" · "{p.waktu}</span>
                                <p>{p.isi}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

/// The ticket's attachments, each a download, and while the ticket is open a file to add
/// (PDF, JPEG or PNG, 5 MB, at most `LAMPIRAN_PER_TIKET`). After an upload the page reloads
/// the ticket; others who have it open get it through the live stream.
#[component]
pub fn Lampiran(
    id: String,
    lampiran: Vec<domain::hds::Lampiran>,
    terbuka: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    use crate::unggah::{check_size, first_file, kilobytes, post_file};
    let problem = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let full = lampiran.len() >= domain::hds::LAMPIRAN_PER_TIKET;
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = first_file(&ev) else { return };
        problem.set(None);
        if let Err(code) = check_size(&file, domain::form::dokumen::MAX_BYTES) {
            problem.set(Some(code));
            return;
        }
        busy.set(true);
        let url = format!("/api/hds/tiket/{id}/lampiran");
        leptos::task::spawn_local(async move {
            let sent = post_file::<domain::hds::Lampiran>(&url, Vec::new(), file).await;
            busy.set(false);
            // A refusal stays on screen: reloading would redraw this list without it.
            match sent {
                Ok(_) => reload.update(|n| *n += 1),
                Err(code) => problem.set(Some(code)),
            }
        });
    };
    view! {
        <div class="documents" data-testid="lampiran">
            <h2>{t(Msg::Attachments)}</h2>
            {lampiran.is_empty().then(|| view! { <p class="muted">{t(Msg::NoAttachments)}</p> })}
            <ul>
                {lampiran.into_iter().map(|l| view! {
                    <li data-testid="berkas-lampiran">
                        <a href=format!("/api/hds/lampiran/{}", l.id) download=l.nama_file.clone()>{l.nama_file.clone()}</a>
                        " ("{kilobytes(l.ukuran)}" KB) · "{l.nama}" · "{l.waktu}
                    </li>
                }).collect_view()}
            </ul>
            {(terbuka && !full).then(|| view! {
                <label for="lampiran-baru">{t(Msg::AddAttachment)}</label>
                <input type="file" id="lampiran-baru" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    disabled=move || busy.get() on:change=chosen/>
                <small>{t(Msg::DocumentHint)}</small>
            })}
            {move || busy.get().then(|| view! { <p aria-busy="true">{t(Msg::Working)}</p> })}
            {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        </div>
    }
}
