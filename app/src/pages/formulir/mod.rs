//! `/pns/formulir`: the re-registration form in the tabs 2015 users know. Each tab is one
//! section; "Tinjau & Kirim" shows the diff against the master and sends the proposal.

mod draft;
mod field;
mod review;
mod state;
mod upload;

use domain::form::{Bagian, Fields, Kind};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;

use self::field::{field_id, Field};
use self::state::{FormState, Outcome};
use crate::api::formulir::{dropdown_lists, load_form, FormulirView, Opsi};
use crate::i18n::{error_text, t, use_lang};
use crate::pages::homes::guarded;

/// A tab: a section, or the review page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Bagian(Bagian),
    Tinjau,
}

/// The route, split into its own WASM chunk (`cargo leptos build --split`): `data` stays in
/// the main module, `view` (the whole form) is loaded when the route is first opened.
pub struct FormRoute;

#[leptos_router::lazy_route]
impl leptos_router::LazyRoute for FormRoute {
    fn data() -> Self {
        FormRoute
    }

    fn view(this: Self) -> AnyView {
        let FormRoute = this;
        view! { <FormPage/> }.into_any()
    }
}

#[component]
pub fn FormPage() -> impl IntoView {
    let both = || futures::future::try_join(load_form(), dropdown_lists());
    guarded(both, |(view, opsi): (FormulirView, Opsi)| view! { <Form view opsi/> })
}

#[component]
fn Form(view: FormulirView, opsi: Opsi) -> impl IntoView {
    let nama = view.nama.clone();
    let instansi = view.instansi.clone();
    let nip = view.nip.clone();
    let st = FormState::new(view, opsi);
    provide_context(st);
    // After hydration only: the browser's saved copy is not visible to the server render.
    Effect::new(move |_| st.restore_local());
    let tab = RwSignal::new(Tab::Bagian(Bagian::DataUtama));
    let go = move |next: Tab| {
        st.flush(); // leaving a section sends it at once
        tab.set(next);
    };
    view! {
        <section class="panel" data-testid="formulir">
            <h1>{t(Msg::FormTitle)}</h1>
            <p><strong>{nama}</strong>" · NIP "{nip}" · "{instansi}</p>
            <p>{t(Msg::FormIntro)}</p>
            <p>
                <a href="/pns/progres">{t(Msg::ProgressLink)}</a>
            </p>
            <Show when=move || !st.status.get().editable()>
                <p class="notice" role="status" data-testid="locked">{t(Msg::LockedNotice)}</p>
            </Show>
            <Rejected/>
            <Show when=move || st.restored.get()>
                <p class="notice" role="status" data-testid="restored">{t(Msg::DraftRestored)}</p>
            </Show>
            {move || st.blocked.get().map(|code| view! {
                <p class="error-box" role="alert" data-testid="blocked">
                    {error_text(code)}" "
                    <button type="button" on:click=|_| crate::go_to("/pns/formulir")>{t(Msg::Reload)}</button>
                </p>
            })}
            <p class="save-state" role="status" aria-live="polite" data-testid="save-state"
                data-state=move || format!("{:?}", st.save_state.get())>
                {move || t(st.save_state.get().message())}
            </p>
            <div class="tabs" role="tablist" aria-label=t(Msg::RecordSections)>
                {move || {
                    let mut tabs: Vec<Tab> = st.berlaku.get().into_iter().map(Tab::Bagian).collect();
                    tabs.push(Tab::Tinjau);
                    tabs.into_iter().map(|this| {
                        let (label, dom_id, done) = match this {
                            Tab::Bagian(b) => (b.label(use_lang()), format!("tab-{}", b.slug()),
                                Some(move || st.diperiksa.with(|d| d.contains(&b)))),
                            Tab::Tinjau => (t(Msg::ReviewTab), "tab-tinjau".to_owned(), None),
                        };
                        view! {
                            <button role="tab" id=dom_id aria-selected=move || (tab.get() == this).to_string()
                                class:active=move || tab.get() == this on:click=move |_| go(this)>
                                {label}
                                {done.map(|done| view! {
                                    <span class="tick" title=move || t(if done() { Msg::SectionReviewed } else { Msg::SectionNotReviewed })>
                                        {move || if done() { " ✓" } else { "" }}
                                    </span>
                                })}
                            </button>
                        }
                    }).collect_view()
                }}
            </div>
            <div role="tabpanel" class="tabpanel">
                {move || match tab.get() {
                    Tab::Bagian(b) => view! { <Section bagian=b/> }.into_any(),
                    Tab::Tinjau => view! { <review::Review/> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn Section(bagian: Bagian) -> impl IntoView {
    let st = expect_context::<FormState>();
    let body = if bagian == Bagian::DataUtama {
        view! { <DataUtama/> }.into_any()
    } else if bagian.is_list() {
        view! { <ListSection bagian/> }.into_any()
    } else {
        view! {
            <div class="grid">
                {bagian.fields().iter().filter(|f| f.kind != Kind::Hidden).map(|spec| view! {
                    <Field bagian entri=None spec/>
                }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        <h2>{bagian.label(use_lang())}</h2>
        {(bagian == Bagian::SelfAssessment).then(|| view! { <p class="muted">{t(Msg::ScoreScale)}</p> })}
        <form class="section" data-testid=format!("bagian-{}", bagian.slug()) on:submit=move |ev| {
            ev.prevent_default();
            st.review(bagian);
        }>
            {body}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || !st.status.get().editable()>
                    {t(Msg::SaveSection)}
                </button>
                {move || st.outcome.with(|o| o.get(&bagian).cloned()).map(|outcome| match outcome {
                    Outcome::Reviewed => view! { <p class="success" role="status" data-testid="section-ok">{t(Msg::SectionSavedOk)}</p> }.into_any(),
                    Outcome::HasErrors => view! { <p class="error" role="alert" data-testid="section-errors">{t(Msg::SectionHasErrors)}</p> }.into_any(),
                    Outcome::Refused(code) => view! { <p class="error" role="alert">{error_text(code)}</p> }.into_any(),
                })}
                {move || list_error(st, bagian).map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
            </div>
        </form>
    }
}

/// A returned proposal: the rejected fields with the verifiers' reasons (each field shows its
/// reason too).
#[component]
fn Rejected() -> impl IntoView {
    let st = expect_context::<FormState>();
    let lang = use_lang();
    let penolakan = st.penolakan.get_value();
    (!penolakan.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-testid="penolakan">
                <p>{t(Msg::RejectedNotice)}</p>
                <ul class="rejected-list">
                    {penolakan.into_iter().map(|r| {
                        let k = r.kunci;
                        let field = k.bagian.fields().iter().find(|f| f.key == k.field)
                            .map(|f| f.label(lang).to_owned()).unwrap_or_else(|| k.field.clone());
                        let entry = k.entri.as_deref().and_then(|id| st.entry_index(k.bagian, id))
                            .map(|i| format!(" ({}{})", t(Msg::EntryLabel), i + 1)).unwrap_or_default();
                        view! {
                            <li data-field=k.field.clone()>
                                <strong>{k.bagian.label(lang)}{entry}" — "{field}</strong>": "{r.alasan}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// A section-wide problem (an empty list that needs entries).
fn list_error(st: FormState, bagian: Bagian) -> Option<ErrorCode> {
    st.error_at(bagian, None, "")
}

/// Data Utama: the PNS's value, the master value beside it, and a "sesuai" tick.
#[component]
fn DataUtama() -> impl IntoView {
    let st = expect_context::<FormState>();
    let bagian = Bagian::DataUtama;
    view! {
        {move || st.nip_baru.get().map(|nip| view! {
            <p class="notice" data-testid="nip-baru">{t(Msg::NewNipProposed)}" "<strong>{nip}</strong></p>
        })}
        <div class="compare">
            {domain::form::DataUtama::FIELDS.iter().map(|spec| {
                let master = st.master.with_value(|m| m.data_utama.get(spec.key).to_owned());
                let shown = match spec.kind {
                    Kind::Code(list) => st.label_of(list, &master).unwrap_or(master.clone()),
                    _ => master.clone(),
                };
                let tick_id = format!("{}-sesuai", field_id(bagian, None, spec.key));
                let key = spec.key;
                let ticked = move || st.draf.with(|f| f.sesuai.iter().any(|k| k == key));
                let has_master = !master.is_empty();
                let master_value = master.clone();
                let toggle = move |on: bool| {
                    if !st.editable() {
                        return;
                    }
                    st.draf.update(|f| {
                        f.sesuai.retain(|k| k != key);
                        if on {
                            f.sesuai.push(key.to_owned());
                            // "Sesuai" means the master value is right: put it back.
                            f.data_utama.set(key, master_value.clone());
                        }
                    });
                    st.changed(bagian);
                };
                view! {
                    <div class="compare-row">
                        <Field bagian entri=None spec/>
                        <div class="master">
                            <span class="master-label">{t(Msg::MasterValue)}</span>
                            <span class="master-value">{if shown.is_empty() { "—".to_owned() } else { shown }}</span>
                            {has_master.then(|| view! {
                                <label class="sesuai">
                                    <input type="checkbox" id=tick_id prop:checked=ticked
                                        disabled=move || !st.status.get().editable()
                                        on:change=move |ev| toggle(event_target_checked(&ev))/>
                                    {t(Msg::Sesuai)}
                                </label>
                            })}
                        </div>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// A history list: entries as cards, each with its fields and a remove button.
#[component]
fn ListSection(bagian: Bagian) -> impl IntoView {
    let st = expect_context::<FormState>();
    let count = Memo::new(move |_| st.draf.with(|f| f.entry_count(bagian)));
    let add = move |_| {
        if !st.editable() {
            return;
        }
        st.draf.update(|f| f.add_entry(bagian, format!("baru-{}", draft::new_key())));
        st.changed(bagian);
    };
    let remove = move |index: usize| {
        if !st.editable() {
            return;
        }
        st.draf.update(|f| f.remove_entry(bagian, index));
        st.changed(bagian);
    };
    view! {
        {move || (count.get() == 0).then(|| view! { <p class="muted">{t(Msg::NoEntries)}</p> })}
        {move || (0..count.get()).map(|i| view! {
            <fieldset class="entry" data-testid=format!("entri-{}-{i}", bagian.slug())>
                <legend>{t(Msg::EntryLabel)}{i + 1}</legend>
                <div class="grid">
                    {bagian.fields().iter().filter(|f| f.kind != Kind::Hidden).map(|spec| view! {
                        <Field bagian entri=Some(i) spec/>
                    }).collect_view()}
                </div>
                <upload::Documents bagian entri=Some(i)/>
                <button type="button" class="danger" disabled=move || !st.status.get().editable()
                    on:click=move |_| remove(i)>{t(Msg::RemoveEntry)}</button>
            </fieldset>
        }).collect_view()}
        <button type="button" data-testid=format!("tambah-{}", bagian.slug())
            disabled=move || !st.status.get().editable() on:click=add>
            "+ "{t(Msg::AddEntry)}
        </button>
    }
}
