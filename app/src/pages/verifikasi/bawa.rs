//! "Bawa luring" on the offline page: takes the top of the queue offline for 24 hours and
//! keeps each submission in this browser with its documents' files, one by one with progress. If the browser's storage
//! runs out, the submissions not kept are given back at once, so none stays held for nothing.

use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::verifikasi::{return_offline, take_offline, FilterView};
use crate::i18n::{error_text, t};
use crate::luring::{self, UsulanLuring};

#[component]
pub fn BawaLuring(akun: String, diambil: Callback<()>) -> impl IntoView {
    let akun = StoredValue::new(akun);
    let jumlah = RwSignal::new("5".to_owned());
    let busy = RwSignal::new(false);
    // (kept, taken) while saving; the count kept when done.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let done = RwSignal::new(None::<usize>);
    let problem = RwSignal::new(None::<ErrorCode>);

    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = jumlah.get_untracked().trim().parse::<u32>().ok().filter(|n| (1..=50).contains(n)) else {
            problem.set(Some(ErrorCode::NumberInvalid));
            return;
        };
        busy.set(true);
        problem.set(None);
        done.set(None);
        spawn_local(async move {
            let outcome = bawa(akun.get_value(), n, progress).await;
            busy.set(false);
            progress.set(None);
            match outcome {
                Ok(kept) => done.set(Some(kept)),
                Err(code) => problem.set(Some(code)),
            }
            diambil.run(());
        });
    };
    view! {
        <form class="filter take-offline" data-testid="bawa-luring-form" on:submit=take>
            <div class="field narrow">
                <label for="jumlah-luring">{t(Msg::TakeOfflineCount)}</label>
                <input type="number" id="jumlah-luring" name="jumlah" min="1" max="50" inputmode="numeric"
                    data-testid="jumlah-luring" prop:value=move || jumlah.get()
                    on:input=move |ev| jumlah.set(event_target_value(&ev))/>
            </div>
            <button type="submit" data-testid="bawa-luring" disabled=move || busy.get()>{t(Msg::TakeOffline)}</button>
            <p class="hint">{t(Msg::TakeOfflineHint)}</p>
        </form>
        {move || progress.get().map(|(kept, taken)| view! {
            <p role="status" aria-busy="true">
                {t(Msg::SavingOffline)}" "<progress max=taken.to_string() value=kept.to_string()></progress>
                {format!(" {kept}/{taken}")}
            </p>
        })}
        {move || done.get().map(|n| view! {
            <p class="success" role="status" data-testid="siap-luring">{format!("{n} {}", t(Msg::TakenOffline))}</p>
        })}
        {move || problem.get().map(|code| view! { <p class="error" role="alert" data-testid="luring-error">{error_text(code)}</p> })}
    }
}

/// Takes `n` offline and keeps each; answers how many were kept.
async fn bawa(akun: String, n: u32, progress: RwSignal<Option<(usize, usize)>>) -> Result<usize, ErrorCode> {
    let paket = take_offline(FilterView::default(), n).await.map_err(|e| e.0)?;
    let taken = paket.len();
    let mut items: Vec<String> = paket.iter().map(|p| p.item.clone()).collect();
    for (kept, p) in paket.into_iter().enumerate() {
        progress.set(Some((kept, taken)));
        let usulan =
            UsulanLuring { item: p.item, pinjam: p.pinjam, sampai: p.sampai, akun: akun.clone(), tinjauan: p.tinjauan };
        if let Err(code) = simpan(&usulan).await {
            // Give back what could not be kept (this one included): it would otherwise sit
            // held for a day.
            let _ = luring::lupakan(&usulan.item).await;
            let rest = items.split_off(kept);
            let _ = return_offline(rest).await;
            return Err(code);
        }
    }
    Ok(taken)
}

/// Keeps one submission and its documents' files.
async fn simpan(usulan: &UsulanLuring) -> Result<(), ErrorCode> {
    luring::simpan_usulan(usulan.clone()).await?;
    for dokumen in usulan.tinjauan().map(|v| v.dokumen).unwrap_or_default() {
        luring::bawa_dokumen(&usulan.item, &dokumen).await?;
    }
    Ok(())
}
