//! `/admin/audit`: the audit log for Kanreg and BKN admins (#13): who did what, when, from
//! where, with the before and after of every admin change. Filtered by the actor's instansi,
//! the actor and the action; newest first, fifty at a time.

use domain::audit::{EntriAudit, FilterAudit};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use crate::api::audit::{audit_log, AuditView};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};
use crate::pages::errors::ErrorView;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let filter = RwSignal::new(FilterAudit::default());
    let data = crate::resource::resource(move || filter.get(), audit_log);
    // A malformed filter is said beside the form, which stays as typed.
    let galat = RwSignal::new(None::<ErrorCode>);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let baru = FilterAudit {
            instansi_id: form.text("instansi_id"),
            pelaku: form.text("pelaku"),
            aksi: form.text("aksi"),
            sebelum: String::new(),
        };
        galat.set(baru.parse().err());
        if galat.get_untracked().is_none() {
            filter.set(baru);
        }
    };
    view! {
        <section class="panel" data-testid="log-audit">
            <h1>{t(Msg::AuditLogTitle)}</h1>
            <p class="muted">{t(Msg::AuditLogIntro)}</p>
            {move || galat.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
            <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Log view filter apply/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Log(
    view: AuditView,
    filter: RwSignal<FilterAudit>,
    apply: impl Fn(leptos::ev::SubmitEvent) + Clone + 'static,
) -> impl IntoView {
    let AuditView { instansi, halaman } = view;
    let now = filter.get_untracked();
    let last = halaman.entri.last().map(|e| e.id.to_string());
    let older = move |_| {
        if let Some(id) = last.clone() {
            filter.update(|f| f.sebelum = id);
        }
    };
    let newest = move |_| filter.update(|f| f.sebelum.clear());
    let paged = !now.sebelum.is_empty();
    view! {
        <form class="filter" role="search" on:submit=apply data-testid="filter-audit">
            <div class="field">
                <label for="audit-instansi">{t(Msg::Instansi)}</label>
                <select id="audit-instansi" name="instansi_id">
                    <option value="">{t(Msg::AllInstansi)}</option>
                    {instansi.into_iter().map(|(id, nama)| {
                        let chosen = id == now.instansi_id;
                        view! { <option value=id selected=chosen>{nama}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-pelaku">{t(Msg::AuditActor)}</label>
                <input id="audit-pelaku" name="pelaku" value=now.pelaku.clone()/>
            </div>
            <div class="field">
                <label for="audit-aksi">{t(Msg::AuditAction)}</label>
                <input id="audit-aksi" name="aksi" value=now.aksi.clone() placeholder="staff_account_created"/>
            </div>
            <button type="submit" class="primary" data-testid="terapkan-audit">{t(Msg::ApplyFilter)}</button>
        </form>
        {if halaman.entri.is_empty() {
            view! { <p class="muted" data-testid="audit-kosong">{t(Msg::AuditEmpty)}</p> }.into_any()
        } else {
            view! {
                <table class="list" data-testid="tabel-audit">
                    <thead><tr>
                        <th>{t(Msg::AuditWhen)}</th><th>{t(Msg::AuditActor)}</th><th>{t(Msg::AuditAction)}</th>
                        <th>{t(Msg::AuditSubject)}</th><th>{t(Msg::AuditDetail)}</th>
                    </tr></thead>
                    <tbody>{halaman.entri.into_iter().map(baris).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
        <p class="actions">
            {paged.then(|| view! { <button type="button" on:click=newest data-testid="audit-terbaru">{t(Msg::AuditNewest)}</button>" " })}
            {halaman.ada_lagi.then(|| view! { <button type="button" on:click=older data-testid="audit-lama">{t(Msg::AuditOlder)}</button> })}
        </p>
    }
}

fn baris(e: EntriAudit) -> impl IntoView {
    view! {
        <tr data-testid="baris-audit">
            <td>{e.waktu}<br/><span class="muted">{e.ip}</span></td>
            <td>{e.pelaku}<br/><span class="muted">{e.nama}</span></td>
            <td><code>{e.aksi}</code></td>
            <td>{e.subjek}</td>
            <td><code class="rincian">{e.rincian}</code></td>
        </tr>
    }
}
