//! "Antrian usulan": the proposals waiting at the verifier's level in their scope, oldest
//! first, narrowed by a filter; a page at a time ("Muat berikutnya"), and "Terima semua yang
//! dipilih" for clean proposals (the server skips any that are not).

use std::collections::BTreeSet;

use domain::Msg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::verifikasi::{accept_all, queue, queue_units, AntrianView, FilterView, HasilMassal, ItemAntrianView};
use crate::i18n::{error_text, t};
use crate::pages::errors::ErrorView;

/// The most items one `accept_all` call takes.
const MAX_PER_CALL: usize = 100;

/// A select of any/yes/no as the filter's `Option<bool>`.
fn tri(value: &str) -> Option<bool> {
    match value {
        "ya" => Some(true),
        "tidak" => Some(false),
        _ => None,
    }
}

fn age(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok().filter(|n| (0..=150).contains(n))
}

#[component]
pub fn Antrian() -> impl IntoView {
    // The filter applied (the form's inputs apply on submit) and a counter that reloads.
    let filter = RwSignal::new(FilterView::default());
    let reload = RwSignal::new(0u32);
    let first = crate::resource::resource(move || (filter.get(), reload.get()), |(f, _)| queue(f, None));
    let massal = RwSignal::new(None::<Result<HasilMassal, domain::ErrorCode>>);

    let cari = RwSignal::new(String::new());
    let usia_min = RwSignal::new(String::new());
    let usia_max = RwSignal::new(String::new());
    let dokumen = RwSignal::new(String::new());
    let tanda = RwSignal::new(String::new());
    let unor = RwSignal::new(String::new());
    // L1/L2 narrow by unit; L3/L4 get an empty list and no select.
    let units = crate::resource::resource(|| (), |_| queue_units());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(FilterView {
            cari: cari.get_untracked().trim().to_owned(),
            usia_min: age(&usia_min.get_untracked()),
            usia_max: age(&usia_max.get_untracked()),
            ada_dokumen: tri(&dokumen.get_untracked()),
            ada_tanda: tri(&tanda.get_untracked()),
            unor: Some(unor.get_untracked()).filter(|id| !id.is_empty()),
        });
    };
    let tri_select = move |id: &'static str, label: Msg, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{t(label)}</label>
                <select id=id name=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">{t(Msg::Any)}</option>
                    <option value="ya">{t(Msg::Yes)}</option>
                    <option value="tidak">{t(Msg::No)}</option>
                </select>
            </div>
        }
    };

    view! {
        <form class="filter" role="search" aria-label=t(Msg::QueueFilter) data-testid="filter-antrian" on:submit=apply>
            <div class="field grow">
                <label for="cari">{t(Msg::SearchNameNip)}</label>
                <input type="search" id="cari" name="cari" maxlength="100" prop:value=move || cari.get()
                    on:input=move |ev| cari.set(event_target_value(&ev))/>
            </div>
            <div class="field narrow">
                <label for="usia_min">{t(Msg::AgeMin)}</label>
                <input type="number" id="usia_min" name="usia_min" min="0" max="150" inputmode="numeric"
                    prop:value=move || usia_min.get() on:input=move |ev| usia_min.set(event_target_value(&ev))/>
            </div>
            <div class="field narrow">
                <label for="usia_max">{t(Msg::AgeMax)}</label>
                <input type="number" id="usia_max" name="usia_max" min="0" max="150" inputmode="numeric"
                    prop:value=move || usia_max.get() on:input=move |ev| usia_max.set(event_target_value(&ev))/>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let units = units.await.unwrap_or_default();
                    (!units.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="unor">{t(Msg::Unor)}</label>
                            <select id="unor" name="unor" data-testid="filter-unor" prop:value=move || unor.get()
                                on:change=move |ev| unor.set(event_target_value(&ev))>
                                <option value="">{t(Msg::Any)}</option>
                                {units.into_iter().map(|u| {
                                    // Indented by depth: a unit's filter takes its whole subtree.
                                    let label = format!("{}{}", "\u{a0}\u{a0}".repeat(u.kedalaman.saturating_sub(1)), u.nama);
                                    view! { <option value=u.id>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    })
                })}
            </Transition>
            {tri_select("ada_dokumen", Msg::HasDocuments, dokumen)}
            {tri_select("ada_tanda", Msg::HasFlags, tanda)}
            <button type="submit" class="primary" data-testid="terapkan-filter">{t(Msg::ApplyFilter)}</button>
        </form>
        <p><a class="button" href="/verifikasi/luring" data-testid="buka-luring">{t(Msg::OpenOfflineWork)}</a></p>
        {move || massal.get().map(|result| match result {
            Ok(h) => view! {
                <p class="success" role="status" data-testid="hasil-massal">
                    {format!("{} {}, {} {}", h.diputus, t(Msg::Decided), h.dilewati, t(Msg::Skipped))}
                </p>
            }.into_any(),
            Err(code) => view! { <p class="error" role="alert">{error_text(code)}</p> }.into_any(),
        })}
        <Suspense fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Ok(page) => {
                        let filter = filter.get_untracked();
                        view! { <Tabel page filter massal reload/> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The queue's rows: the first page, plus the pages loaded after it.
#[component]
fn Tabel(
    page: AntrianView,
    filter: FilterView,
    massal: RwSignal<Option<Result<HasilMassal, domain::ErrorCode>>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    if page.items.is_empty() {
        return view! { <p class="muted" data-testid="antrian-kosong">{t(Msg::QueueEmpty)}</p> }.into_any();
    }
    let rows = RwSignal::new(page.items);
    let berikut = RwSignal::new(page.berikut);
    let loading = RwSignal::new(false);
    let problem = RwSignal::new(None::<domain::ErrorCode>);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let filter = StoredValue::new(filter);

    let more = move |_| {
        let Some(cursor) = berikut.get_untracked() else { return };
        loading.set(true);
        spawn_local(async move {
            match queue(filter.get_value(), Some(cursor)).await {
                Ok(next) => {
                    rows.update(|r| r.extend(next.items));
                    berikut.set(next.berikut);
                    problem.set(None);
                }
                Err(error) => problem.set(Some(error.0)),
            }
            loading.set(false);
        });
    };
    let accept = move |_| {
        let items: Vec<String> = selected.get_untracked().into_iter().collect();
        busy.set(true);
        spawn_local(async move {
            let mut total = HasilMassal { diputus: 0, dilewati: 0 };
            let mut outcome = Ok(());
            for chunk in items.chunks(MAX_PER_CALL) {
                match accept_all(chunk.to_vec()).await {
                    Ok(h) => {
                        total.diputus += h.diputus;
                        total.dilewati += h.dilewati;
                    }
                    Err(error) => {
                        outcome = Err(error.0);
                        break;
                    }
                }
            }
            busy.set(false);
            confirming.set(false);
            massal.set(Some(outcome.map(|()| total)));
            reload.update(|n| *n += 1);
        });
    };
    let all_ids = move || rows.with(|r| r.iter().map(|i| i.id.clone()).collect::<BTreeSet<_>>());
    let all_selected = move || {
        let ids = all_ids();
        !ids.is_empty() && selected.with(|s| ids.is_subset(s))
    };

    view! {
        <div class="table-scroll">
            <table class="list antrian" data-testid="antrian">
                <thead><tr>
                    <th scope="col">
                        <input type="checkbox" aria-label=t(Msg::SelectAll) title=t(Msg::SelectAll)
                            data-testid="pilih-semua" prop:checked=all_selected
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.set(if on { untrack(all_ids) } else { BTreeSet::new() });
                            }/>
                    </th>
                    <th scope="col">{t(Msg::Nip)}</th>
                    <th scope="col">{t(Msg::Nama)}</th>
                    <th scope="col">{t(Msg::Round)}</th>
                    <th scope="col">{t(Msg::SentAt)}</th>
                    <th scope="col">{t(Msg::ChangeCount)}</th>
                    <th scope="col">{t(Msg::Markers)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|item| item.id.clone() let:item>
                        <Baris item selected/>
                    </For>
                </tbody>
            </table>
        </div>
        {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        <div class="actions">
            {move || berikut.with(|b| b.is_some()).then(|| view! {
                <button type="button" data-testid="muat-berikutnya" disabled=move || loading.get() on:click=more>
                    {t(Msg::LoadMore)}
                </button>
            })}
            <button type="button" class="primary" data-testid="terima-dipilih"
                disabled=move || selected.with(|s| s.is_empty()) || confirming.get()
                on:click=move |_| confirming.set(true)>
                {t(Msg::AcceptSelected)}
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="notice confirm" role="alertdialog" aria-live="assertive" data-testid="konfirmasi-terima">
                <p>{t(Msg::AcceptSelectedConfirm)}" "<strong data-testid="jumlah-dipilih">{move || selected.with(|s| s.len())}</strong></p>
                <button type="button" class="primary" data-testid="konfirmasi-ya" disabled=move || busy.get() on:click=accept>
                    {t(Msg::ConfirmAccept)}
                </button>
                " "
                <button type="button" data-testid="konfirmasi-batal" disabled=move || busy.get()
                    on:click=move |_| confirming.set(false)>
                    {t(Msg::Cancel)}
                </button>
            </div>
        </Show>
    }
    .into_any()
}

#[component]
fn Baris(item: ItemAntrianView, selected: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let href = format!("/verifikasi/usulan/{}", item.id);
    let id = item.id.clone();
    let claimed = item.klaim_nama.is_some();
    let checked = {
        let id = id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    view! {
        <tr data-testid="item-antrian" data-item=item.id.clone() class:claimed=claimed>
            <td>
                <input type="checkbox" aria-label=t(Msg::SelectRow) prop:checked=checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        selected.update(|s| {
                            if on {
                                s.insert(id.clone());
                            } else {
                                s.remove(&id);
                            }
                        });
                    }/>
            </td>
            <td><a href=href.clone()>{item.nip}</a></td>
            <td>
                <a href=href>{item.nama}</a>
                {item.klaim_nama.map(|nama| view! {
                    <br/><small class="claim" data-testid="dibuka-oleh">
                        {t(Msg::OpenedBy)}" "{nama}
                        {item.klaim_sampai.map(|sampai| format!(" {} {sampai}", t(Msg::Until)))}
                    </small>
                })}
            </td>
            <td>{item.putaran}</td>
            <td>{item.dikirim}</td>
            <td>{item.jumlah_perubahan}</td>
            <td class="markers">
                {item.ada_dokumen.then(|| view! {
                    <span class="marker doc" title=t(Msg::HasDocuments)>"📎"<span class="sr-label">{t(Msg::HasDocuments)}</span></span>
                })}
                {item.ada_tanda.then(|| view! {
                    <span class="marker flag" title=t(Msg::HasFlags)>"[?]"<span class="sr-label">{t(Msg::HasFlags)}</span></span>
                })}
            </td>
        </tr>
    }
}
