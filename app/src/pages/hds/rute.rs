//! Admin BKN keeps the help desk's routing table (`/hds/rute`): one row per category and kind
//! of instansi, each saved on its own and checked by the rule the server runs
//! (`AturanRute::check`). In the review pages' chunk, like the SLA page.

use domain::hds::{AturanRute, TabelRute, TujuanRute};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use super::percakapan::muat;
use super::tindakan::act;
use crate::api::hds::{routing_table, set_route};
use crate::i18n::{error_text, t, use_lang};

#[component]
pub fn RoutingPage() -> impl IntoView {
    let table = crate::resource::resource(|| (), |_| routing_table());
    view! {
        <section class="panel" data-testid="rute">
            <h1>{t(Msg::RouteTitle)}</h1>
            <p>{t(Msg::RouteIntro)}</p>
            {muat(table, move |TabelRute { aturan, kantor }| view! {
                <table class="list">
                    <thead><tr>
                        <th>{t(Msg::TicketCategory)}</th><th>{t(Msg::RouteInstansiKind)}</th>
                        <th>{t(Msg::RouteCrossProvince)}</th><th>{t(Msg::RouteAnswers)}</th>
                    </tr></thead>
                    <tbody>
                        {aturan.into_iter().map(|aturan| view! { <RouteRow aturan kantor=kantor.clone()/> }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}

#[component]
fn RouteRow(aturan: AturanRute, kantor: Vec<(i16, String)>) -> impl IntoView {
    let lang = use_lang();
    let tujuan = RwSignal::new(aturan.tujuan.kode());
    let (busy, failed, saved) = (RwSignal::new(false), RwSignal::new(None::<ErrorCode>), RwSignal::new(false));
    let regional = aturan.jenis_instansi == "daerah";
    let antar = match aturan.antar_provinsi {
        None => "",
        Some(true) => "ya",
        Some(false) => "tidak",
    };
    let kode = aturan.kategori.code();
    let row_id = format!("{kode}-{}-{antar}", aturan.jenis_instansi);
    let simpan = {
        let jenis = aturan.jenis_instansi.clone();
        move |_| {
            saved.set(false);
            let task = set_route(kode.to_owned(), jenis.clone(), antar.to_owned(), tujuan.get_untracked());
            act(busy, failed, task, move || saved.set(true));
        }
    };
    // A central instansi has no region: no Kanreg to choose.
    let mut options = Vec::new();
    if regional {
        options.push((TujuanRute::Kanreg.kode(), t(Msg::RouteKanreg).to_owned()));
    }
    options.push((TujuanRute::Bkd.kode(), t(Msg::RouteBkd).to_owned()));
    options.push((TujuanRute::AdminInstansi.kode(), t(Msg::RouteAdmin).to_owned()));
    options.extend(kantor.into_iter().map(|(id, nama)| (TujuanRute::Kantor(id).kode(), nama)));
    view! {
        <tr data-testid="baris-rute" data-rute=row_id.clone()>
            <td>{format!("{kode} — {}", aturan.kategori.nama(lang))}</td>
            <td>{t(if regional { Msg::InstansiRegional } else { Msg::InstansiCentral })}</td>
            <td>{aturan.antar_provinsi.map(|a| t(if a { Msg::Yes } else { Msg::No }))}</td>
            <td>
                <select aria-label=format!("{} {row_id}", t(Msg::RouteAnswers)) prop:value=move || tujuan.get()
                    on:change=move |ev| tujuan.set(event_target_value(&ev))>
                    {options.into_iter().map(|(value, label)| {
                        let selected = value == aturan.tujuan.kode();
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
                " "<button type="button" disabled=move || busy.get() on:click=simpan>{t(Msg::AccountSave)}</button>
                {move || saved.get().then(|| view! { " "<span data-testid="rute-tersimpan">{t(Msg::SlaSaved)}</span> })}
                {move || failed.get().map(|code| view! {
                    " "<span class="error" role="alert" data-testid="galat-rute">{error_text(code)}</span>
                })}
            </td>
        </tr>
    }
}
