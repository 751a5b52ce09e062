//! Admin BKN keeps verification's routing table (`/verifikasi/rute`, #13): for each kind of
//! instansi and kind of change, the levels a proposal takes, one row saved at a time and
//! checked by the rule the server runs (`RuteVerifikasi::check`). In the review pages' chunk,
//! with the help desk's SLA and routing pages.

use domain::rute_verifikasi::{kantor_tingkat, RuteVerifikasi};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use crate::api::verifikasi::{set_verification_routing, verification_routing};
use crate::i18n::{error_text, t};
use crate::pages::hds::percakapan::muat;
use crate::pages::hds::tindakan::act;

#[component]
pub fn VerificationRoutingPage() -> impl IntoView {
    let table = crate::resource::resource(|| (), |_| verification_routing());
    view! {
        <section class="panel" data-testid="rute-verifikasi">
            <p><a href="/admin/bkn">{t(Msg::Back)}</a></p>
            <h1>{t(Msg::VerificationRouteTitle)}</h1>
            <p>{t(Msg::VerificationRouteIntro)}</p>
            {muat(table, move |rows: Vec<RuteVerifikasi>| view! {
                <table class="list">
                    <thead><tr>
                        <th>{t(Msg::RouteInstansiKind)}</th><th>{t(Msg::VerificationRouteChange)}</th>
                        <th>{t(Msg::VerificationRouteLevels)}</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|rute| view! { <Baris rute/> }).collect_view()}</tbody>
                </table>
            })}
        </section>
    }
}

#[component]
fn Baris(rute: RuteVerifikasi) -> impl IntoView {
    let (busy, failed, saved) = (RwSignal::new(false), RwSignal::new(None::<ErrorCode>), RwSignal::new(false));
    let tingkat = RwSignal::new(rute.tingkat.clone());
    let row_id = format!("{}-{}", rute.jenis_instansi, rute.jenis_perubahan);
    let (jenis_instansi, jenis_perubahan) = (rute.jenis_instansi.clone(), rute.jenis_perubahan.clone());
    let simpan = move |_| {
        saved.set(false);
        let rute = RuteVerifikasi {
            jenis_instansi: jenis_instansi.clone(),
            jenis_perubahan: jenis_perubahan.clone(),
            tingkat: tingkat.get_untracked(),
        };
        // The server's rule first: a proposal with no level is refused before sending.
        match rute.clone().check() {
            Ok(_) => act(busy, failed, set_verification_routing(rute), move || saved.set(true)),
            Err(code) => failed.set(Some(code)),
        }
    };
    let pusat = rute.jenis_instansi == "pusat";
    let levels = (1..=4i16)
        .map(|n| {
            let toggle = move |_| {
                saved.set(false);
                tingkat.update(|l| if l.contains(&n) { l.retain(|x| *x != n) } else { l.push(n) });
            };
            view! {
                <label class="check">
                    <input type="checkbox" checked=rute.tingkat.contains(&n) on:change=toggle/>
                    {format!(" L{n} — {}", kantor_tingkat(&rute.jenis_instansi, n).0)}
                </label>
            }
        })
        .collect_view();
    view! {
        <tr data-testid="baris-rute-verifikasi" data-rute=row_id>
            <td>{t(if pusat { Msg::InstansiCentral } else { Msg::InstansiRegional })}</td>
            <td>{t(if rute.jenis_perubahan == "nip" { Msg::VerificationRouteNip } else { Msg::VerificationRouteAll })}</td>
            <td>
                {levels}
                <button type="button" disabled=move || busy.get() on:click=simpan>{t(Msg::AccountSave)}</button>
                {move || saved.get().then(|| view! { " "<span data-testid="rute-tersimpan">{t(Msg::SlaSaved)}</span> })}
                {move || failed.get().map(|code| view! {
                    " "<span class="error" role="alert" data-testid="galat-rute">{error_text(code)}</span>
                })}
            </td>
        </tr>
    }
}
