//! `/admin/instansi/fasilitas`: the instansi admin's health facilities and schools (#13), one
//! list per tab (`?bidang=pendidikan` for schools). Each facility with its kind and whether
//! it is closed; change its name or kind, close it; add one; import many from CSV. Names are
//! checked with `domain::fasilitas`'s rule first; the server checks them, the kind and the
//! scope.

use domain::fasilitas::{parse_nama_fasilitas, BidangFasilitas};
use domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::fasilitas::{
    add_facility, change_facility, close_facility, facilities, FasilitasAdminView, FasilitasView,
};
use crate::browser::Submitted;
use crate::i18n::{error_text, t, use_lang};
use crate::pages::errors::ErrorView;

use super::aksi::Aksi;
use super::impor::{Impor, Sasaran};

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    let aksi = Aksi { reload: RwSignal::new(0), kabar: RwSignal::new(None), busy: RwSignal::new(false) };
    let query = use_query_map();
    let bidang = Memo::new(move |_| {
        query
            .with(|q| q.get("bidang"))
            .and_then(|b| BidangFasilitas::from_code(&b))
            .unwrap_or(BidangFasilitas::Kesehatan)
    });
    let data = crate::resource::resource(move || (aksi.reload.get(), bidang.get()), |(_, b)| facilities(b));
    let kabar = aksi.kabar;
    let lang = use_lang();
    let tab = move |b: BidangFasilitas| {
        let current = move || (bidang.get() == b).then_some("page");
        view! {
            <a href=format!("/admin/instansi/fasilitas?bidang={}", b.code()) aria-current=current
                data-testid=format!("tab-{}", b.code())>{b.label(lang)}</a>
        }
    };
    view! {
        <section class="panel" data-testid="fasilitas">
            <p><a href="/admin/instansi">{t(Msg::Back)}</a></p>
            <nav class="tabs">{tab(BidangFasilitas::Kesehatan)}" "{tab(BidangFasilitas::Pendidikan)}</nav>
            <p class="muted">{t(Msg::FacilitiesIntro)}</p>
            {move || kabar.get().map(|result| match result {
                Ok(text) => view! { <p class="success" role="status" data-testid="kabar-fasilitas">{text}</p> }.into_any(),
                Err(code) => view! { <p class="error" role="alert" data-testid="galat-fasilitas">{error_text(code)}</p> }.into_any(),
            })}
            <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Daftar view bidang=bidang.get_untracked() aksi/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Transition>
            // Outside the list: reloading it after an import keeps the preview.
            {move || view! { <Impor sasaran=Sasaran::Fasilitas(bidang.get()) aksi/> }}
        </section>
    }
}

fn pilihan_jenis(jenis: &[(String, String)], chosen: &str) -> impl IntoView {
    let chosen = chosen.to_owned();
    jenis
        .iter()
        .map(|(kode, nama)| {
            let selected = *kode == chosen;
            view! { <option value=kode.clone() selected=selected>{nama.clone()}</option> }
        })
        .collect_view()
}

#[component]
fn Daftar(view: FasilitasAdminView, bidang: BidangFasilitas, aksi: Aksi) -> impl IntoView {
    let FasilitasAdminView { instansi, fasilitas, jenis } = view;
    let lang = use_lang();
    let kosong = fasilitas.is_empty().then(|| view! { <p class="muted">{t(Msg::FacilitiesEmpty)}</p> });
    let rows = fasilitas.into_iter().map(|f| view! { <Baris fasilitas=f jenis=jenis.clone() aksi/> }).collect_view();
    view! {
        <h1>{bidang.label(lang)}" — "{instansi}</h1>
        {kosong}
        <table class="table" data-testid="daftar-fasilitas">
            <thead><tr>
                <th>{t(Msg::FacilityName)}</th><th>{t(Msg::FacilityKind)}</th>
                <th>{t(Msg::AccountStatus)}</th><th></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <FasilitasBaru bidang jenis aksi/>
    }
}

#[component]
fn Baris(fasilitas: FasilitasView, jenis: Vec<(String, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let (id_ubah, id_tutup) = (fasilitas.id.clone(), fasilitas.id.clone());
    let ubah = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (nama, jenis) = (form.text("nama"), form.text("jenis"));
        match parse_nama_fasilitas(&nama) {
            Ok(_) => aksi.jalankan(change_facility(id_ubah.clone(), nama, jenis), t(Msg::FacilitySaved).into()),
            Err(code) => kabar.set(Some(Err(code))),
        }
    };
    let tutup = move |_| aksi.jalankan(close_facility(id_tutup.clone()), t(Msg::FacilityClosedDone).into());
    let status = if fasilitas.ditutup { Msg::UnitClosedLabel } else { Msg::UnitOpenLabel };
    view! {
        <tr data-testid="baris-fasilitas" data-nama=fasilitas.nama.clone() data-ditutup=fasilitas.ditutup.to_string()>
            <td>{fasilitas.nama.clone()}</td>
            <td>{fasilitas.jenis_nama.clone()}</td>
            <td data-testid="status-fasilitas">{t(status)}</td>
            <td class="actions">
                {(!fasilitas.ditutup).then(|| view! {
                    <details data-testid="ubah-fasilitas">
                        <summary>{t(Msg::FacilityChange)}</summary>
                        <form on:submit=ubah novalidate>
                            <label>{t(Msg::FacilityName)}" "<input name="nama" value=fasilitas.nama.clone() maxlength="200"/></label>
                            <label>{t(Msg::FacilityKind)}" "<select name="jenis">{pilihan_jenis(&jenis, &fasilitas.jenis)}</select></label>
                            <button type="submit" disabled=move || busy.get()>{t(Msg::AccountSave)}</button>
                        </form>
                    </details>
                    <button type="button" on:click=tutup disabled=move || busy.get() data-testid="tutup-fasilitas">{t(Msg::FacilityClose)}</button>
                })}
            </td>
        </tr>
    }
}

#[component]
fn FasilitasBaru(bidang: BidangFasilitas, jenis: Vec<(String, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (nama, jenis) = (form.text("nama"), form.text("jenis"));
        if let Err(code) = parse_nama_fasilitas(&nama) {
            kabar.set(Some(Err(code)));
            return;
        }
        aksi.jalankan(add_facility(bidang, nama, jenis), t(Msg::FacilityAdded).into());
    };
    view! {
        <h2>{t(Msg::FacilityAdd)}</h2>
        <form class="form" on:submit=submit novalidate data-testid="form-fasilitas-baru">
            <div class="field">
                <label for="fasilitas-nama">{t(Msg::FacilityName)}</label>
                <input id="fasilitas-nama" name="nama" maxlength="200" required/>
            </div>
            <div class="field">
                <label for="fasilitas-jenis">{t(Msg::FacilityKind)}</label>
                <select id="fasilitas-jenis" name="jenis">{pilihan_jenis(&jenis, "")}</select>
            </div>
            <button type="submit" class="primary" disabled=move || busy.get() data-testid="tambah-fasilitas">{t(Msg::FacilityAdd)}</button>
        </form>
    }
}
