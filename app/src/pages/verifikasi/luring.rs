//! `/verifikasi/luring`: the verifier's offline work. Lists the submissions taken offline
//! (from IndexedDB, never from the server), opens one for review, keeps each decision in
//! the browser's queue, and sends the queue when the network is there: on opening, when the
//! browser comes back online, and on "Kirim sekarang". Conflicts stay listed with the
//! server's reason until the verifier discards them or opens the submission online.
//!
//! The server renders this page the same for everyone (the service worker keeps it, fetched
//! without cookies, as the shell that loads with no network): whose work it shows is found in
//! the browser, from the session, or with no network from the store.

use std::collections::BTreeMap;

use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::tinjauan::{Luring, Tinjauan};
use crate::api::verifikasi::offline_owner;
use crate::i18n::{error_text, t};
use crate::luring::{self, PutusanTertunda, StatusTertunda, UsulanLuring};

/// What the page shows: the submissions and their waiting decisions, by item.
#[derive(Clone, Default)]
struct Isi {
    usulan: Vec<UsulanLuring>,
    putusan: BTreeMap<String, PutusanTertunda>,
}

/// Whose offline work the page shows (a login), or what to say instead and whether signing
/// in helps.
type Pemilik = Result<String, (&'static str, bool)>;

/// Where the browser remembers the verifier whose work it shows with no network.
const PEMILIK: &str = "sipupns-luring-pemilik";

#[component]
pub fn OfflinePage() -> impl IntoView {
    let pemilik = RwSignal::new(Err((t(Msg::Working), false)));
    // Browser only: whose work to show.
    Effect::new(move |_| spawn_local(async move { pemilik.set(cari_pemilik().await) }));
    view! {
        // Shown by `public/sw-daftar.js` once the worker of a newer release waits.
        <p class="notice" role="status" data-testid="versi-baru" hidden>
            {t(Msg::NewVersionReady)}" "
            <button type="button" class="primary" data-testid="pakai-versi-baru">{t(Msg::ReloadNow)}</button>
        </p>
        {move || match pemilik.get() {
            Ok(akun) => view! { <Kerja akun/> }.into_any(),
            Err((text, masuk)) => view! {
                <p class="notice" role="status" data-testid="luring-pesan">
                    {text}" "<a class="button primary" href="/masuk" hidden=!masuk>{t(Msg::SignIn)}</a>
                </p>
            }.into_any(),
        }}
    }
}

/// The signed-in verifier (remembered for later), or with no network the one remembered.
async fn cari_pemilik() -> Pemilik {
    match offline_owner().await.map_err(|e| e.0) {
        Ok(akun) => {
            crate::browser::local::set(PEMILIK, &akun);
            Ok(akun)
        }
        Err(ErrorCode::Offline) => crate::browser::local::get(PEMILIK).ok_or((t(Msg::OfflineNoOwner), false)),
        Err(ErrorCode::NotSignedIn | ErrorCode::SessionExpired) => Err((t(Msg::OfflineSignedOut), true)),
        Err(code) => Err((error_text(code), false)),
    }
}

#[component]
fn Kerja(akun: String) -> impl IntoView {
    let akun = RwSignal::new(Some(akun));
    let isi = RwSignal::new(Isi::default());
    let dipilih = RwSignal::new(None::<String>);
    let online = RwSignal::new(true);
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<ErrorCode>);
    let terkirim = RwSignal::new(None::<usize>);
    // The open submission's documents kept in the browser (id → `blob:` URL).
    let berkas = RwSignal::new(Vec::<(String, String)>::new());
    let tutup = move || {
        dipilih.set(None);
        luring::lepas_berkas(berkas.get_untracked().into_iter().map(|(_, url)| url));
        berkas.set(Vec::new());
    };
    let pilih = Callback::new(move |item: String| {
        spawn_local(async move {
            match luring::berkas(&item).await {
                Ok(urls) => berkas.set(urls),
                Err(code) => problem.set(Some(code)),
            }
            dipilih.set(Some(item));
        });
    });

    let muat = move || {
        let Some(login) = akun.get_untracked() else { return };
        spawn_local(async move {
            match luring::isi(&login).await {
                Ok((usulan, putusan)) => {
                    isi.set(Isi { usulan, putusan: putusan.into_iter().map(|p| (p.item.clone(), p)).collect() })
                }
                Err(code) => problem.set(Some(code)),
            }
        });
    };
    let kirim = move || {
        let Some(login) = akun.get_untracked() else { return };
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        spawn_local(async move {
            let result = luring::kirim(&login).await;
            sending.set(false);
            match result {
                Ok(n) => {
                    terkirim.set(Some(n));
                    problem.set(None);
                }
                Err(code) => problem.set(Some(code)),
            }
            muat();
        });
    };
    // Browser only: the network's state, what is stored, the first send.
    Effect::new(move |_| {
        online.set(on_line());
        muat();
        kirim();
    });
    watch_network(online, kirim);

    let waiting = move || isi.with(|i| i.putusan.values().filter(|p| p.status == StatusTertunda::Menunggu).count());
    let conflicts = move || isi.with(|i| i.putusan.values().filter(|p| p.status != StatusTertunda::Menunggu).count());
    // A decision finished offline: queued in this browser, then sent if the network is there.
    let simpan = Callback::new(move |putusan: domain::verifikasi::Putusan| {
        let Some(login) = akun.get_untracked() else { return };
        spawn_local(async move {
            match luring::antrekan(&login, putusan).await {
                Ok(()) => {
                    tutup();
                    problem.set(None);
                }
                Err(code) => problem.set(Some(code)),
            }
            muat();
            if online.get_untracked() {
                kirim();
            }
        });
    });
    let diambil = Callback::new(move |()| muat());

    view! {
        <section class="panel" data-testid="luring">
            <p><a href="/verifikasi">"← "{t(Msg::BackToQueue)}</a></p>
            <h1>{t(Msg::OfflineTitle)}</h1>
            <p>{t(Msg::OfflineIntro)}</p>
            <div class="notice" role="status" data-testid="indikator" data-online=move || online.get().to_string()>
                <strong data-testid="status-jaringan">
                    {move || t(if online.get() { Msg::Online } else { Msg::OfflineNow })}
                </strong>
                " · "{t(Msg::PendingDecisions)}": "<strong data-testid="jumlah-tertunda">{waiting}</strong>
                " · "{t(Msg::Conflicts)}": "<strong data-testid="jumlah-konflik">{conflicts}</strong>
                " "
                <button type="button" data-testid="kirim-sekarang" disabled=move || sending.get() || !online.get()
                    on:click=move |_| kirim()>
                    {t(Msg::SendNow)}
                </button>
            </div>
            {move || akun.get().map(|akun| view! { <super::bawa::BawaLuring akun diambil/> })}
            {move || terkirim.get().filter(|n| *n > 0).map(|n| view! {
                <p class="success" role="status" data-testid="terkirim">{format!("{n} {}", t(Msg::DecisionsSent))}</p>
            })}
            {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
            {move || match dipilih.get().and_then(|item| isi.with(|i| i.usulan.iter().find(|u| u.item == item).cloned())) {
                Some(u) => {
                    let luring = Luring { pinjam: u.pinjam.clone(), simpan, berkas: berkas.get_untracked() };
                    view! {
                        <p><button type="button" on:click=move |_| tutup()>"← "{t(Msg::OfflineList)}</button></p>
                        {match u.tinjauan() {
                            Some(v) => view! { <Tinjauan v luring/> }.into_any(),
                            None => view! { <p class="error" role="alert">{error_text(ErrorCode::Internal)}</p> }.into_any(),
                        }}
                    }.into_any()
                }
                None => view! { <Daftar isi pilih muat=Callback::new(move |()| muat())/> }.into_any(),
            }}
        </section>
    }
}

/// The submissions offline, each with where its decision stands.
#[component]
fn Daftar(isi: RwSignal<Isi>, pilih: Callback<String>, muat: Callback<()>) -> impl IntoView {
    let buang = move |item: String| {
        spawn_local(async move {
            let _ = luring::lupakan(&item).await;
            muat.run(());
        });
    };
    view! {
        <Show when=move || isi.with(|i| !i.usulan.is_empty() || !i.putusan.is_empty())
            fallback=|| view! { <p class="muted" data-testid="luring-kosong">{t(Msg::OfflineEmpty)}</p> }>
            <table class="list" data-testid="daftar-luring">
                <thead><tr>
                    <th scope="col">{t(Msg::Nip)}</th>
                    <th scope="col">{t(Msg::Nama)}</th>
                    <th scope="col">{t(Msg::Until)}</th>
                    <th scope="col">{t(Msg::DecisionState)}</th>
                </tr></thead>
                <tbody>
                    {move || isi.get().usulan.into_iter().map(|u| {
                        let item = u.item.clone();
                        let (nip, nama) = u.tinjauan().map(|v| (v.nip, v.nama)).unwrap_or_default();
                        let status = isi.with(|i| i.putusan.get(&u.item).map(|p| p.status));
                        let open = item.clone();
                        let discard = item.clone();
                        view! {
                            <tr data-testid="usulan-luring" data-item=item.clone()
                                data-status=status.map_or("belum", kode_status)>
                                <td>{nip}</td>
                                <td>{nama}</td>
                                <td>{u.sampai.clone()}</td>
                                <td>{match status {
                                    None => view! {
                                        <button type="button" class="primary" data-testid="putuskan-luring"
                                            on:click=move |_| pilih.run(open.clone())>
                                            {t(Msg::DecideOffline)}
                                        </button>
                                    }.into_any(),
                                    Some(StatusTertunda::Konflik(code) | StatusTertunda::Galat(code)) => view! {
                                        <p class="error" data-testid="konflik">{error_text(code)}</p>
                                        <button type="button" data-testid="buang-putusan"
                                            on:click=move |_| buang(discard.clone())>
                                            {t(Msg::DiscardDecision)}
                                        </button>
                                        " "
                                        <a class="button" href=format!("/verifikasi/usulan/{item}")>{t(Msg::OpenOnline)}</a>
                                    }.into_any(),
                                    Some(waiting) => view! {
                                        <span>{t(if waiting == StatusTertunda::PerluMasuk { Msg::SignInToSend } else { Msg::WaitingToSend })}</span>
                                    }.into_any(),
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}

fn kode_status(status: StatusTertunda) -> &'static str {
    match status {
        StatusTertunda::Menunggu => "menunggu",
        StatusTertunda::Konflik(_) => "konflik",
        StatusTertunda::Galat(_) => "galat",
        StatusTertunda::PerluMasuk => "perlu-masuk",
    }
}

/// Whether the browser believes it has a network.
fn on_line() -> bool {
    #[cfg(feature = "hydrate")]
    return window().navigator().on_line();
    #[cfg(not(feature = "hydrate"))]
    true
}

/// Follows the browser's online/offline events; coming back online sends the queue.
fn watch_network(online: RwSignal<bool>, kirim: impl Fn() + Clone + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let up = window_event_listener_untyped("online", move |_| {
            online.set(true);
            kirim();
        });
        let down = window_event_listener_untyped("offline", move |_| online.set(false));
        on_cleanup(move || {
            up.remove();
            down.remove();
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (online, kirim);
}
