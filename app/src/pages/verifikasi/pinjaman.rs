//! "Dibawa luring": for L2 and up, the submissions verifiers in their scope have taken offline,
//! who has each and until when, and releasing one (with a reason) when its verifier cannot
//! finish it. The server checks level and scope again; this list is only what it answered.

use domain::Msg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::verifikasi::{checkouts, release_checkout, PinjamanView};
use crate::i18n::{error_text, t};
use crate::pages::errors::ErrorView;

#[component]
pub fn Pinjaman() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let list = crate::resource::resource(move || reload.get(), |_| checkouts());
    let done = RwSignal::new(false);
    view! {
        <h2>{t(Msg::TabCheckouts)}</h2>
        <p>{t(Msg::CheckoutsIntro)}</p>
        {move || done.get().then(|| view! {
            <p class="success" role="status" data-testid="pinjaman-dilepas">{t(Msg::CheckoutReleasedDone)}</p>
        })}
        <Suspense fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => {
                        view! { <p class="muted" data-testid="pinjaman-kosong">{t(Msg::CheckoutsEmpty)}</p> }.into_any()
                    }
                    Ok(rows) => view! {
                        <div class="table-scroll">
                            <table class="list" data-testid="pinjaman">
                                <thead><tr>
                                    <th scope="col">{t(Msg::Nip)}</th>
                                    <th scope="col">{t(Msg::Nama)}</th>
                                    <th scope="col">{t(Msg::Level)}</th>
                                    <th scope="col">{t(Msg::TakenBy)}</th>
                                    <th scope="col">{t(Msg::Until)}</th>
                                    <th scope="col"><span class="sr-label">{t(Msg::ReleaseCheckout)}</span></th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! { <Baris row reload done/> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One checkout, with its release form folded until asked for.
#[component]
fn Baris(row: PinjamanView, reload: RwSignal<u32>, done: RwSignal<bool>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let alasan = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<domain::ErrorCode>);
    let item = StoredValue::new(row.item.clone());
    let reason_id = format!("alasan-lepas-{}", row.item);
    let release = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        spawn_local(async move {
            match release_checkout(item.get_value(), alasan.get_untracked()).await {
                Ok(()) => {
                    done.set(true);
                    reload.update(|n| *n += 1);
                }
                Err(error) => problem.set(Some(error.0)),
            }
            busy.set(false);
        });
    };
    view! {
        <tr data-testid="pinjaman-baris" data-item=row.item.clone()>
            <td>{row.nip}</td>
            <td>{row.nama}</td>
            <td>{format!("L{}", row.tingkat)}</td>
            <td data-testid="pinjaman-oleh">{row.oleh_nama}</td>
            <td>{row.sampai}</td>
            <td>
                <Show when=move || !asking.get()>
                    <button type="button" data-testid="lepas-pinjaman" on:click=move |_| asking.set(true)>
                        {t(Msg::ReleaseCheckout)}
                    </button>
                </Show>
                <Show when=move || asking.get()>
                    <form class="inline" on:submit=release>
                        <label for=reason_id.clone()>{t(Msg::ReleaseReason)}</label>
                        <input type="text" id=reason_id.clone() name="alasan" required maxlength="500"
                            data-testid="alasan-lepas" prop:value=move || alasan.get()
                            on:input=move |ev| alasan.set(event_target_value(&ev))/>
                        <button type="submit" class="primary" data-testid="konfirmasi-lepas" disabled=move || busy.get()>
                            {t(Msg::ConfirmRelease)}
                        </button>
                        " "
                        <button type="button" disabled=move || busy.get() on:click=move |_| asking.set(false)>
                            {t(Msg::Cancel)}
                        </button>
                    </form>
                </Show>
                {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
            </td>
        </tr>
    }
}
