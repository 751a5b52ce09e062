//! Importing from CSV on the admin pages (#13: units, facilities): a file (or pasted text)
//! is checked first and every line shows where it goes or why it cannot; "import" writes
//! them all, only when no line has an error.

use domain::fasilitas::BidangFasilitas;
use domain::unor_impor::PratinjauImpor;
use domain::Msg;
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{error_text, t};

use super::aksi::Aksi;

/// What a file is imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sasaran {
    Unor,
    Fasilitas(BidangFasilitas),
}

impl Sasaran {
    async fn kirim(self, csv: String, tulis: bool) -> Result<PratinjauImpor, AppError> {
        match self {
            Sasaran::Unor => crate::api::unor::import_units(csv, tulis).await,
            Sasaran::Fasilitas(bidang) => crate::api::fasilitas::import_facilities(bidang, csv, tulis).await,
        }
    }

    /// Title, introduction, the name and kind columns, the write button, the done message.
    fn teks(self) -> [Msg; 6] {
        match self {
            Sasaran::Unor => [
                Msg::UnitsImport,
                Msg::UnitsImportIntro,
                Msg::UnitName,
                Msg::UnitKind,
                Msg::UnitsImportWrite,
                Msg::UnitsImported,
            ],
            Sasaran::Fasilitas(_) => [
                Msg::FacilitiesImport,
                Msg::FacilitiesImportIntro,
                Msg::FacilityName,
                Msg::FacilityKind,
                Msg::FacilitiesImportWrite,
                Msg::FacilitiesImported,
            ],
        }
    }
}

#[component]
pub(super) fn Impor(sasaran: Sasaran, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, reload } = aksi;
    let [judul, intro, kolom_nama, kolom_jenis, tulis_semua, selesai] = sasaran.teks();
    let csv = RwSignal::new(String::new());
    let pratinjau = RwSignal::new(None::<PratinjauImpor>);
    let kirim = move |tulis: bool| {
        busy.set(true);
        kabar.set(None);
        leptos::task::spawn_local(async move {
            let hasil = sasaran.kirim(csv.get_untracked(), tulis).await;
            busy.set(false);
            match hasil {
                Ok(p) => {
                    if p.ditulis {
                        kabar.set(Some(Ok(t(selesai).into())));
                        reload.update(|n| *n += 1);
                    }
                    pratinjau.set(Some(p));
                }
                Err(e) => kabar.set(Some(Err(e.0))),
            }
        });
    };
    // The chosen file's text goes into the box (the browser reads it; nothing is sent yet).
    let berkas = move |ev: leptos::ev::Event| {
        pratinjau.set(None);
        #[cfg(feature = "hydrate")]
        if let Some(file) = event_target::<web_sys::HtmlInputElement>(&ev).files().and_then(|f| f.get(0)) {
            leptos::task::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                csv.set(text.ok().and_then(|t| t.as_string()).unwrap_or_default());
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let hasil = move || {
        pratinjau.get().map(|p| {
            let siap = p.galat() == 0 && !p.ditulis;
            let rows = p.baris.into_iter().map(|b| view! {
                <tr data-testid="baris-impor">
                    <td>{b.baris}</td><td>{b.jalur}</td><td>{b.jenis}</td>
                    <td>{b.galat.map_or_else(|| t(Msg::UnitsImportReady), error_text)}</td>
                </tr>
            }).collect_view();
            view! {
                <table class="table" data-testid="pratinjau-impor">
                    <thead><tr><th>{t(Msg::UnitsImportLine)}</th><th>{t(kolom_nama)}</th><th>{t(kolom_jenis)}</th><th></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {siap.then(|| view! {
                    <button type="button" class="primary" on:click=move |_| kirim(true) disabled=move || busy.get()
                        data-testid="tulis-impor">{t(tulis_semua)}</button>
                })}
            }
        })
    };
    let testid = if sasaran == Sasaran::Unor { "impor-unor" } else { "impor-fasilitas" };
    view! {
        <h2>{t(judul)}</h2>
        <p class="muted">{t(intro)}</p>
        <div class="form" data-testid=testid>
            <label>{t(Msg::UnitsImportFile)}" "<input type="file" accept=".csv,text/csv,text/plain" on:change=berkas/></label>
            <textarea rows="6" aria-label="CSV" prop:value=move || csv.get()
                on:input=move |ev| { csv.set(event_target_value(&ev)); pratinjau.set(None); }></textarea>
            <button type="button" on:click=move |_| kirim(false) disabled=move || busy.get() data-testid="periksa-impor">
                {t(Msg::UnitsImportCheck)}
            </button>
        </div>
        {hasil}
    }
}
