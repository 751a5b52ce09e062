//! `/admin/instansi/unor`: the instansi admin's unit tree (#13). Each unit in tree order with
//! its kind, its PNS and whether it is closed; rename, move (with everything below it) and
//! close it; add a unit; import units from CSV (checked line by line first, then all written
//! in one go). Names and kinds are checked with `domain::unor`'s rules first; the server
//! checks them, the scope and what blocks a close.

use domain::unor::{parse_jenis_unit, parse_nama_unit, UnitView};
use domain::Msg;
use leptos::prelude::*;

use crate::api::unor::{add_unit, close_unit, move_unit, rename_unit, unit_tree, UnorAdminView};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};
use crate::pages::errors::ErrorView;

use super::aksi::Aksi;
use super::impor::{Impor, Sasaran};

#[component]
pub fn UnitTreePage() -> impl IntoView {
    let aksi = Aksi { reload: RwSignal::new(0), kabar: RwSignal::new(None), busy: RwSignal::new(false) };
    let data = crate::resource::resource(move || aksi.reload.get(), |_| unit_tree());
    let kabar = aksi.kabar;
    view! {
        <section class="panel" data-testid="unit-organisasi">
            <p><a href="/admin/instansi">{t(Msg::Back)}</a></p>
            {move || kabar.get().map(|result| match result {
                Ok(text) => view! { <p class="success" role="status" data-testid="kabar-unor">{text}</p> }.into_any(),
                Err(code) => view! { <p class="error" role="alert" data-testid="galat-unor">{error_text(code)}</p> }.into_any(),
            })}
            <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Pohon view aksi/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Transition>
            // Outside the list: reloading the tree after an import keeps the preview.
            <Impor sasaran=Sasaran::Unor aksi/>
        </section>
    }
}

/// The units a unit may move under: open ones outside its own subtree.
fn tujuan(unit: &[UnitView], dari: &UnitView) -> Vec<(String, String)> {
    let mut di_bawah = vec![dari.id.clone()];
    let mut out = Vec::new();
    // Tree order: a unit's subtree follows it, so one pass knows who is below.
    for u in unit {
        if di_bawah.contains(&u.induk_id) {
            di_bawah.push(u.id.clone());
        } else if !u.ditutup && u.id != dari.id {
            out.push((u.id.clone(), indented(u)));
        }
    }
    out
}

fn indented(u: &UnitView) -> String {
    format!("{}{}", "— ".repeat(u.kedalaman), u.nama)
}

fn pilihan_induk(options: Vec<(String, String)>, chosen: String) -> impl IntoView {
    view! {
        <option value="">{t(Msg::UnitRoot)}</option>
        {options.into_iter().map(|(id, nama)| {
            let selected = id == chosen;
            view! { <option value=id selected=selected>{nama}</option> }
        }).collect_view()}
    }
}

#[component]
fn Pohon(view: UnorAdminView, aksi: Aksi) -> impl IntoView {
    let UnorAdminView { instansi, unit } = view;
    let semua_terbuka: Vec<(String, String)> =
        unit.iter().filter(|u| !u.ditutup).map(|u| (u.id.clone(), indented(u))).collect();
    let rows = unit
        .iter()
        .map(|u| {
            let tujuan = tujuan(&unit, u);
            view! { <Baris unit=u.clone() tujuan aksi/> }
        })
        .collect_view();
    view! {
        <h1>{t(Msg::UnitsTitle)}" — "{instansi}</h1>
        <p class="muted">{t(Msg::UnitsIntro)}</p>
        <table class="table" data-testid="daftar-unor">
            <thead><tr>
                <th>{t(Msg::UnitName)}</th><th>{t(Msg::UnitKind)}</th><th>{t(Msg::UnitPnsCount)}</th>
                <th>{t(Msg::AccountStatus)}</th><th></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <UnitBaru induk=semua_terbuka aksi/>
    }
}

#[component]
fn Baris(unit: UnitView, tujuan: Vec<(String, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let (id_ubah, id_pindah, id_tutup) = (unit.id.clone(), unit.id.clone(), unit.id.clone());
    let ubah = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (nama, jenis) = (form.text("nama"), form.text("jenis"));
        match parse_nama_unit(&nama).and(parse_jenis_unit(&jenis)) {
            Ok(_) => aksi.jalankan(rename_unit(id_ubah.clone(), nama, jenis), t(Msg::UnitSaved).into()),
            Err(code) => kabar.set(Some(Err(code))),
        }
    };
    let pindah = move |ev: leptos::ev::SubmitEvent| {
        let induk = Submitted::take(&ev).text("induk_id");
        aksi.jalankan(move_unit(id_pindah.clone(), induk), t(Msg::UnitMoved).into());
    };
    let tutup = move |_| aksi.jalankan(close_unit(id_tutup.clone()), t(Msg::UnitClosedDone).into());
    let status = if unit.ditutup { Msg::UnitClosedLabel } else { Msg::UnitOpenLabel };
    view! {
        <tr data-testid="baris-unor" data-nama=unit.nama.clone() data-ditutup=unit.ditutup.to_string()>
            <td>{indented(&unit)}</td>
            <td>{unit.jenis.clone()}</td>
            <td>{unit.jumlah_pns}</td>
            <td data-testid="status-unor">{t(status)}</td>
            <td class="actions">
                {(!unit.ditutup).then(|| view! {
                    <details data-testid="ubah-unor">
                        <summary>{t(Msg::UnitRename)}</summary>
                        <form on:submit=ubah novalidate>
                            <label>{t(Msg::UnitName)}" "<input name="nama" value=unit.nama.clone() maxlength="200"/></label>
                            <label>{t(Msg::UnitKind)}" "<input name="jenis" value=unit.jenis.clone() maxlength="40"/></label>
                            <button type="submit" disabled=move || busy.get()>{t(Msg::AccountSave)}</button>
                        </form>
                    </details>
                    <details data-testid="pindah-unor">
                        <summary>{t(Msg::UnitMove)}</summary>
                        <form on:submit=pindah novalidate>
                            <label>{t(Msg::UnitParent)}" "
                                <select name="induk_id">{pilihan_induk(tujuan, unit.induk_id.clone())}</select>
                            </label>
                            <button type="submit" disabled=move || busy.get()>{t(Msg::UnitMove)}</button>
                        </form>
                    </details>
                    <button type="button" on:click=tutup disabled=move || busy.get() data-testid="tutup-unor">{t(Msg::UnitClose)}</button>
                })}
            </td>
        </tr>
    }
}

#[component]
fn UnitBaru(induk: Vec<(String, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (induk, nama, jenis) = (form.text("induk_id"), form.text("nama"), form.text("jenis"));
        if let Err(code) = parse_nama_unit(&nama).and(parse_jenis_unit(&jenis)) {
            kabar.set(Some(Err(code)));
            return;
        }
        aksi.jalankan(add_unit(induk, nama, jenis), t(Msg::UnitAdded).into());
    };
    view! {
        <h2>{t(Msg::UnitAdd)}</h2>
        <form class="form" on:submit=submit novalidate data-testid="form-unor-baru">
            <div class="field">
                <label for="unor-induk">{t(Msg::UnitParent)}</label>
                <select id="unor-induk" name="induk_id">{pilihan_induk(induk, String::new())}</select>
            </div>
            <div class="field">
                <label for="unor-nama">{t(Msg::UnitName)}</label>
                <input id="unor-nama" name="nama" maxlength="200" required/>
            </div>
            <div class="field">
                <label for="unor-jenis">{t(Msg::UnitKind)}</label>
                <input id="unor-jenis" name="jenis" maxlength="40" placeholder="SKPD, UPT, Bidang" required/>
            </div>
            <button type="submit" class="primary" disabled=move || busy.get() data-testid="tambah-unor">{t(Msg::UnitAdd)}</button>
        </form>
    }
}
