//! `/admin/referensi`: the BKN admin keeps the national code lists (#13). Pick a list, search
//! it, add an entry, rename one, disable one (it leaves every picker; records that have it
//! keep showing it) or enable it again, and read an entry's history. Entries are checked with
//! `domain::referensi`'s rules before sending; the reference service checks them again.

use domain::referensi::{
    parse_kode, parse_nama_entri, AksiReferensi, DaftarEntri, EntriReferensi, RiwayatReferensi, DAFTAR_DIKELOLA,
};
use domain::{DaftarKode, Msg};
use leptos::prelude::*;

use crate::api::referensi::{
    add_reference_entry, reference_entries, reference_history, rename_reference_entry, set_reference_entry_active,
};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};
use crate::pages::errors::ErrorView;

use super::aksi::Aksi;

/// The list's name as the page shows it.
fn nama_daftar(jenis: DaftarKode) -> Msg {
    match jenis {
        DaftarKode::Jfu => Msg::ListJfu,
        DaftarKode::Jft => Msg::ListJft,
        DaftarKode::Jurusan => Msg::ListJurusan,
        DaftarKode::DiklatStruktural => Msg::ListDiklatStruktural,
        DaftarKode::DiklatFungsional => Msg::ListDiklatFungsional,
        DaftarKode::MataPelajaran => Msg::ListMataPelajaran,
        DaftarKode::BidangSpesialis => Msg::ListBidangSpesialis,
        DaftarKode::Agama => Msg::ListAgama,
        DaftarKode::Negara => Msg::ListNegara,
        DaftarKode::FasilitasKesehatanJenis => Msg::ListFaskes,
        _ => Msg::ListFasdik,
    }
}

fn nama_aksi(aksi: AksiReferensi) -> Msg {
    match aksi {
        AksiReferensi::Tambah => Msg::ReferenceActionAdded,
        AksiReferensi::UbahNama => Msg::ReferenceActionRenamed,
        AksiReferensi::Nonaktifkan => Msg::ReferenceActionDisabled,
        AksiReferensi::Aktifkan => Msg::ReferenceActionEnabled,
    }
}

#[component]
pub fn ReferenceTablesPage() -> impl IntoView {
    let pilihan = RwSignal::new((DAFTAR_DIKELOLA[0], String::new()));
    let aksi = Aksi { reload: RwSignal::new(0), kabar: RwSignal::new(None), busy: RwSignal::new(false) };
    let data = crate::resource::resource(
        move || (pilihan.get(), aksi.reload.get()),
        |((jenis, cari), _)| reference_entries(jenis, cari),
    );
    let tampilkan = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let jenis = DaftarKode::from_code(&form.text("jenis")).unwrap_or(DAFTAR_DIKELOLA[0]);
        aksi.kabar.set(None);
        pilihan.set((jenis, form.text("cari")));
    };
    let kabar = aksi.kabar;
    view! {
        <section class="panel" data-testid="tabel-referensi">
            <p><a href="/admin/bkn">{t(Msg::Back)}</a></p>
            <h1>{t(Msg::ReferenceTitle)}</h1>
            <p class="muted">{t(Msg::ReferenceIntro)}</p>
            <form class="filter" role="search" on:submit=tampilkan data-testid="pilih-daftar">
                <div class="field">
                    <label for="ref-jenis">{t(Msg::ReferenceList)}</label>
                    <select id="ref-jenis" name="jenis">
                        {DAFTAR_DIKELOLA.iter().map(|j| view! { <option value=j.code()>{t(nama_daftar(*j))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="ref-cari">{t(Msg::ReferenceSearch)}</label>
                    <input id="ref-cari" name="cari" maxlength="100"/>
                </div>
                <button type="submit" class="primary" data-testid="tampilkan-daftar">{t(Msg::ApplyFilter)}</button>
            </form>
            {move || kabar.get().map(|result| match result {
                Ok(text) => view! { <p class="success" role="status" data-testid="kabar-referensi">{text}</p> }.into_any(),
                Err(code) => view! { <p class="error" role="alert" data-testid="galat-referensi">{error_text(code)}</p> }.into_any(),
            })}
            <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
                {move || Suspend::new(async move {
                    let jenis = pilihan.get_untracked().0;
                    match data.await {
                        Ok(daftar) => view! { <Daftar jenis daftar aksi/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Transition>
            <EntriBaru pilihan aksi/>
        </section>
    }
}

#[component]
fn Daftar(jenis: DaftarKode, daftar: DaftarEntri, aksi: Aksi) -> impl IntoView {
    view! {
        <h2>{t(nama_daftar(jenis))}</h2>
        <p class="muted" data-testid="jumlah-entri">{daftar.jumlah}" "{t(Msg::ReferenceShown)}</p>
        <table class="table" data-testid="daftar-entri">
            <thead><tr>
                <th>{t(Msg::ReferenceCode)}</th><th>{t(Msg::ReferenceName)}</th><th>{t(Msg::AccountStatus)}</th><th></th>
            </tr></thead>
            <tbody>
                {daftar.entri.into_iter().map(|entri| view! { <Baris jenis entri aksi/> }).collect_view()}
            </tbody>
        </table>
    }
}

/// One entry with its actions: rename, disable or enable, history.
#[component]
fn Baris(jenis: DaftarKode, entri: EntriReferensi, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let EntriReferensi { kode, nama, aktif } = entri;
    let (kode_status, kode_ubah, kode_riwayat) = (kode.clone(), kode.clone(), kode.clone());
    let ubah_status = move |_| {
        let task = set_reference_entry_active(jenis, kode_status.clone(), !aktif);
        aksi.jalankan(task, t(Msg::ReferenceSaved).into());
    };
    let ubah_nama = move |ev: leptos::ev::SubmitEvent| {
        let nama = Submitted::take(&ev).text("nama");
        match parse_nama_entri(&nama) {
            Ok(_) => {
                aksi.jalankan(rename_reference_entry(jenis, kode_ubah.clone(), nama), t(Msg::ReferenceSaved).into())
            }
            Err(code) => kabar.set(Some(Err(code))),
        }
    };
    // The history is asked for when first opened.
    let riwayat = RwSignal::new(None::<Result<Vec<RiwayatReferensi>, domain::ErrorCode>>);
    let buka = move |_| {
        if riwayat.get_untracked().is_none() {
            let kode = kode_riwayat.clone();
            leptos::task::spawn_local(async move {
                riwayat.set(Some(reference_history(jenis, kode).await.map_err(|e| e.0)));
            });
        }
    };
    let status = if aktif { t(Msg::AccountActive) } else { t(Msg::ReferenceRetired) };
    view! {
        <tr data-testid="baris-entri" data-kode=kode.clone() data-aktif=aktif.to_string()>
            <td><code>{kode.clone()}</code></td>
            <td>{nama.clone()}</td>
            <td data-testid="status-entri">{status}</td>
            <td class="actions">
                <button type="button" on:click=ubah_status disabled=move || busy.get() data-testid="ubah-status-entri">
                    {t(if aktif { Msg::AccountDisable } else { Msg::AccountEnable })}
                </button>
                <details data-testid="ubah-entri">
                    <summary>{t(Msg::ReferenceRename)}</summary>
                    <form on:submit=ubah_nama novalidate>
                        <label>{t(Msg::ReferenceName)}" "<input name="nama" value=nama maxlength="200"/></label>
                        <button type="submit" disabled=move || busy.get()>{t(Msg::AccountSave)}</button>
                    </form>
                </details>
                <details data-testid="riwayat-entri" on:toggle=buka>
                    <summary>{t(Msg::ReferenceHistory)}</summary>
                    {move || riwayat.get().map(|r| match r {
                        Ok(list) => view! { <Riwayat list/> }.into_any(),
                        Err(code) => view! { <p class="error" role="alert">{error_text(code)}</p> }.into_any(),
                    })}
                </details>
            </td>
        </tr>
    }
}

#[component]
fn Riwayat(list: Vec<RiwayatReferensi>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{t(Msg::ReferenceNoHistory)}</p> }.into_any();
    }
    view! {
        <ul class="plain">
            {list.into_iter().map(|r| {
                let sebelum = r.sebelum.map(|s| format!("{} → ", s.nama)).unwrap_or_default();
                view! {
                    <li data-testid="riwayat-baris">
                        <span class="muted">{r.waktu}" · "{r.oleh}</span><br/>
                        <strong>{t(nama_aksi(r.aksi))}</strong>": "{sebelum}{r.sesudah.nama}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A new entry at the end of the chosen list.
#[component]
fn EntriBaru(pilihan: RwSignal<(DaftarKode, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (kode, nama) = (form.text("kode"), form.text("nama"));
        if let Err(code) = parse_kode(&kode).and(parse_nama_entri(&nama)) {
            kabar.set(Some(Err(code)));
            return;
        }
        let jenis = pilihan.get_untracked().0;
        aksi.jalankan(add_reference_entry(jenis, kode, nama), t(Msg::ReferenceAdded).into());
    };
    view! {
        <h2>{t(Msg::ReferenceAdd)}" — "{move || t(nama_daftar(pilihan.get().0))}</h2>
        <form class="form" on:submit=submit novalidate data-testid="form-entri-baru">
            <div class="field">
                <label for="entri-kode">{t(Msg::ReferenceCode)}</label>
                <input id="entri-kode" name="kode" maxlength="20" autocomplete="off" required/>
            </div>
            <div class="field">
                <label for="entri-nama">{t(Msg::ReferenceName)}</label>
                <input id="entri-nama" name="nama" maxlength="200" required/>
            </div>
            <button type="submit" class="primary" disabled=move || busy.get() data-testid="tambah-entri">{t(Msg::ReferenceAdd)}</button>
        </form>
    }
}
