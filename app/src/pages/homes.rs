//! One home page per role. Each loads its data through a guarded server function, so a
//! role that may not see a page gets "Akses ditolak" (HTTP 403), never the data.

use domain::pengaturan::PengaturanInstansi;
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::admin::{instansi_settings, region_settings, save_instansi_settings, PengaturanView};
use crate::api::homes::*;
use crate::browser::Submitted;
use crate::error::AppError;
use crate::i18n::{error_text, scope_text, t};
use crate::pages::errors::ErrorView;
use crate::pages::verifikasi::antrian::Antrian;
use crate::pages::verifikasi::pinjaman::Pinjaman;

/// Loads `fetch` and renders `ok` with its value, or the error view.
pub(crate) fn guarded<T, F, V>(
    fetch: impl Fn() -> F + Send + Sync + 'static,
    ok: impl Fn(T) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let data = crate::resource::resource(|| (), move |_| fetch());
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => ok(value).into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The verifier's home: the queue of proposals at their level and, for L1/L2, the
/// registrations waiting for approval, as two tabs.
#[component]
pub fn VerifierHomePage() -> impl IntoView {
    guarded(verifier_home, |home: VerifierHomeView| {
        let open = RwSignal::new("tab-antrian");
        let tab = move |id: &'static str, label: Msg| {
            view! {
                <button type="button" role="tab" id=id aria-selected=move || (open.get() == id).to_string()
                    class:active=move || open.get() == id on:click=move |_| open.set(id)>
                    {t(label)}
                </button>
            }
        };
        let has_registrations = home.waiting.is_some();
        view! {
            <section class="panel" data-testid="home-verifikasi">
                <h1>{t(Msg::HomeVerifikasiTitle)}</h1>
                <p>{t(Msg::HomeVerifikasiIntro)}</p>
                <p><strong>{t(Msg::Scope)}": "</strong>{scope_text(&home.scope)}</p>
                <div class="tabs" role="tablist" aria-label=t(Msg::HomeVerifikasiTitle)>
                    {tab("tab-antrian", Msg::TabQueue)}
                    {has_registrations.then(|| tab("tab-pendaftaran", Msg::TabRegistrations))}
                    {home.pengawas.then(|| tab("tab-pinjaman", Msg::TabCheckouts))}
                </div>
                <div role="tabpanel" class="tabpanel" aria-labelledby="tab-antrian" hidden=move || open.get() != "tab-antrian">
                    <Antrian/>
                </div>
                {home.waiting.map(|waiting| view! {
                    <div role="tabpanel" class="tabpanel" aria-labelledby="tab-pendaftaran"
                        hidden=move || open.get() != "tab-pendaftaran">
                        <WaitingRegistrations waiting/>
                    </div>
                })}
                {home.pengawas.then(|| view! {
                    <div role="tabpanel" class="tabpanel" aria-labelledby="tab-pinjaman" hidden=move || open.get() != "tab-pinjaman">
                        // Loaded when first opened: most visits never look at it.
                        <Show when=move || open.get() == "tab-pinjaman">
                            <Pinjaman/>
                        </Show>
                    </div>
                })}
            </section>
        }
    })
}

/// Registrations waiting in the caller's scope: approve, or reject with the reason the
/// applicant is mailed. A decided row leaves the list.
#[component]
pub(crate) fn WaitingRegistrations(waiting: Vec<WaitingView>) -> impl IntoView {
    let decided = RwSignal::new(Vec::<String>::new());
    let kabar = RwSignal::new(None::<Result<Msg, ErrorCode>>);
    let busy = RwSignal::new(false);
    let decide = move |id: String,
                       task: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), AppError>>>>,
                       done: Msg| {
        busy.set(true);
        kabar.set(None);
        leptos::task::spawn_local(async move {
            let result = task.await;
            busy.set(false);
            if result.is_ok() {
                decided.update(|d| d.push(id));
            }
            kabar.set(Some(result.map(|()| done).map_err(|e| e.0)));
        });
    };
    view! {
        <h2>{t(Msg::PendingRegistrations)}</h2>
        {move || kabar.get().map(|k| match k {
            Ok(msg) => view! { <p class="success" role="status" data-testid="kabar-pendaftaran">{t(msg)}</p> }.into_any(),
            Err(code) => view! { <p class="error" role="alert" data-testid="galat-pendaftaran">{error_text(code)}</p> }.into_any(),
        })}
        {if waiting.is_empty() {
            view! { <p>{t(Msg::NoPendingRegistrations)}</p> }.into_any()
        } else {
            view! {
                <table class="list" data-testid="pendaftaran-menunggu">
                    <thead><tr>
                        <th>{t(Msg::RegistrationNumber)}</th><th>{t(Msg::Nip)}</th><th>{t(Msg::Nama)}</th><th></th>
                    </tr></thead>
                    <tbody>
                        {waiting.into_iter().map(|w| {
                            let id = w.account_id.to_string();
                            let (shown, approve_id, reject_id) = (id.clone(), id.clone(), id.clone());
                            let approve = move |ev: leptos::ev::SubmitEvent| {
                                if let Some(account_id) = Submitted::take(&ev).parsed("account_id") {
                                    decide(approve_id.clone(), Box::pin(approve_registration(account_id)), Msg::RegistrationApproved);
                                }
                            };
                            let reject = move |ev: leptos::ev::SubmitEvent| {
                                let form = Submitted::take(&ev);
                                let alasan = form.text("alasan");
                                if let Err(code) = domain::account::parse_alasan_tolak(&alasan) {
                                    kabar.set(Some(Err(code)));
                                    return;
                                }
                                if let Some(account_id) = form.parsed("account_id") {
                                    decide(reject_id.clone(), Box::pin(reject_registration(account_id, alasan)), Msg::RegistrationRejected);
                                }
                            };
                            view! {
                                <tr data-testid="baris-pendaftaran" hidden=move || decided.with(|d| d.contains(&shown))>
                                    <td>{w.nomor_pendaftaran.clone()}</td><td>{w.nip.clone()}</td><td>{w.nama.clone()}</td>
                                    <td>
                                        <form method="post" action={<ApproveRegistration as ServerFn>::url()} on:submit=approve>
                                            <input type="hidden" name="account_id" value=id.clone()/>
                                            <button type="submit" disabled=move || busy.get()>{t(Msg::Approve)}</button>
                                        </form>
                                        <details>
                                            <summary>{t(Msg::RejectRegistration)}</summary>
                                            <form method="post" action={<RejectRegistration as ServerFn>::url()} on:submit=reject>
                                                <input type="hidden" name="account_id" value=id.clone()/>
                                                <label for=format!("alasan-{id}")>{t(Msg::RegistrationRejectReason)}</label>
                                                <textarea id=format!("alasan-{id}") name="alasan" rows="2"
                                                    maxlength=domain::account::ALASAN_TOLAK_MAX></textarea>
                                                <button type="submit" disabled=move || busy.get()>{t(Msg::Reject)}</button>
                                            </form>
                                        </details>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }}
    }
}

fn staff_page(title: Msg, intro: Msg, testid: &'static str, home: StaffHomeView) -> impl IntoView {
    view! {
        <section class="panel" data-testid=testid>
            <h1>{t(title)}</h1>
            <p>{t(intro)}</p>
            <p><strong>{t(Msg::Scope)}": "</strong>{scope_text(&home.scope)}</p>
            <p class="muted">{t(Msg::NothingYet)}</p>
        </section>
    }
}

#[component]
pub fn AdminInstansiHomePage() -> impl IntoView {
    guarded(admin_instansi_home, |h| {
        let page = staff_page(Msg::HomeAdminInstansiTitle, Msg::HomeAdminIntro, "home-admin-instansi", h);
        // The instansi admin answers the help-desk tickets routed to them (F, K, L, R).
        view! {
            {page}
            <p>
                <a class="button" href="/admin/instansi/akun" data-testid="kelola-akun">{t(Msg::AccountsManage)}</a>" "
                <a class="button" href="/admin/instansi/unor" data-testid="kelola-unor">{t(Msg::UnitsManage)}</a>" "
                <a class="button" href="/admin/instansi/fasilitas" data-testid="kelola-fasilitas">{t(Msg::FacilitiesManage)}</a>" "
                <a class="button" href="/hds" data-testid="buka-kotak-hds">{t(Msg::HomeHdsTitle)}</a>
            </p>
            {guarded(waiting_registrations, |w| view! { <section class="panel"><WaitingRegistrations waiting=w/></section> })}
            {guarded(instansi_settings, |v| view! { <Pengaturan view=v/> })}
        }
    })
}

/// The instansi's settings: registration verification and the collection period, checked
/// with the shared rules before they are sent.
#[component]
fn Pengaturan(view: PengaturanView) -> impl IntoView {
    let PengaturanView { instansi, pengaturan: p } = view;
    let outcome = RwSignal::new(None::<Result<(), ErrorCode>>);
    let busy = RwSignal::new(false);
    // Read from the form when sent (what is on screen is what is saved, also for values typed
    // before the page had started).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let baru = PengaturanInstansi {
            verifikasi_pendaftaran: !form.text("verifikasi_pendaftaran").is_empty(),
            pendataan_mulai: form.text("pendataan_mulai"),
            pendataan_selesai: form.text("pendataan_selesai"),
        };
        if let Err(code) = baru.periode() {
            outcome.set(Some(Err(code)));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            outcome.set(Some(save_instansi_settings(baru).await.map(drop).map_err(|e| e.0)));
            busy.set(false);
        });
    };
    view! {
        <section class="panel" data-testid="pengaturan-instansi">
            <h2>{t(Msg::SettingsTitle)}" — "{instansi}</h2>
            <p class="muted">{t(Msg::SettingsIntro)}</p>
            <form class="form" on:submit=submit novalidate>
                <label class="check">
                    <input type="checkbox" name="verifikasi_pendaftaran" value="ya" checked=p.verifikasi_pendaftaran/>
                    " "{t(Msg::SettingsRegistrationVerification)}
                </label>
                <label for="pendataan-mulai">{t(Msg::CollectionStart)}</label>
                <input id="pendataan-mulai" name="pendataan_mulai" type="date" value=p.pendataan_mulai/>
                <label for="pendataan-selesai">{t(Msg::CollectionEnd)}</label>
                <input id="pendataan-selesai" name="pendataan_selesai" type="date" value=p.pendataan_selesai/>
                <p class="muted">{t(Msg::CollectionOpenEndHelp)}</p>
                {move || outcome.get().map(|result| match result {
                    Ok(()) => view! { <p class="success" role="status">{t(Msg::SettingsSaved)}</p> }.into_any(),
                    Err(code) => view! { <p class="error" role="alert">{error_text(code)}</p> }.into_any(),
                })}
                <button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::SettingsSave)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn AdminKanregHomePage() -> impl IntoView {
    guarded(admin_kanreg_home, |h| {
        view! {
            {staff_page(Msg::HomeAdminKanregTitle, Msg::HomeAdminIntro, "home-admin-kanreg", h)}
            <AuditLink/>
            <RegionSettings/>
        }
    })
}

/// The settings of the instansi within the admin's reach, read only.
#[component]
fn RegionSettings() -> impl IntoView {
    let period = |p: &PengaturanInstansi| match (p.pendataan_mulai.as_str(), p.pendataan_selesai.as_str()) {
        ("", "") => t(Msg::CollectionUnlimited).to_owned(),
        (mulai, selesai) => format!("{mulai} {} {selesai}", t(Msg::CollectionUntil)).trim().to_owned(),
    };
    let table = move |list: Vec<(String, PengaturanInstansi)>| {
        view! {
            <section class="panel" data-testid="pengaturan-wilayah">
                <h2>{t(Msg::SettingsTitle)}</h2>
                <p class="muted">{t(Msg::RegionSettingsIntro)}</p>
                <table class="table">
                    <thead><tr>
                        <th>{t(Msg::Instansi)}</th><th>{t(Msg::RegistrationVerificationShort)}</th><th>{t(Msg::CollectionPeriod)}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|(nama, p)| view! {
                            <tr data-testid="baris-pengaturan">
                                <td>{nama}</td>
                                <td>{t(if p.verifikasi_pendaftaran { Msg::Yes } else { Msg::No })}</td>
                                <td>{period(&p)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    };
    guarded(region_settings, table)
}

/// Kanreg and BKN admins keep their staff accounts and read the audit log.
#[component]
fn AuditLink() -> impl IntoView {
    view! {
        <p>
            <a class="button" href="/admin/akun" data-testid="kelola-akun">{t(Msg::AccountsManage)}</a>" "
            <a class="button" href="/admin/audit" data-testid="buka-audit">{t(Msg::AuditLogOpen)}</a>
        </p>
    }
}

#[component]
pub fn AdminBknHomePage() -> impl IntoView {
    guarded(admin_bkn_home, |h| {
        view! {
            {staff_page(Msg::HomeAdminBknTitle, Msg::HomeAdminIntro, "home-admin-bkn", h)}
            <AuditLink/>
            <p>
                <a class="button" href="/admin/referensi" data-testid="buka-referensi">{t(Msg::ReferenceOpen)}</a>" "
                <a class="button" href="/hds/sla" data-testid="buka-sla">{t(Msg::SlaLink)}</a>" "
                <a class="button" href="/hds/rute" data-testid="buka-rute">{t(Msg::RouteLink)}</a>" "
                <a class="button" href="/verifikasi/rute" data-testid="buka-rute-verifikasi">{t(Msg::VerificationRouteLink)}</a>
            </p>
            <RegionSettings/>
        }
    })
}

#[component]
pub fn EksekutifHomePage() -> impl IntoView {
    guarded(eksekutif_home, |h| staff_page(Msg::HomeEksekutifTitle, Msg::HomeEksekutifIntro, "home-eksekutif", h))
}
