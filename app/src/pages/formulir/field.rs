//! One input per field kind, bound to the draft by (section, entry, key), with its error
//! shown beside it in the page's language.

use std::time::Duration;

use domain::form::{Bagian, FieldSpec, Kind, StatusTanda};
use domain::{DaftarKode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::FormState;
use crate::api::formulir::{search_reference, withdraw_flag};
use crate::browser;
use crate::i18n::{error_text, t, use_lang};

/// The DOM id of a field: `f-<section>-<entry>-<key>` (tests and labels use it).
pub fn field_id(bagian: Bagian, entri: Option<usize>, key: &str) -> String {
    match entri {
        Some(i) => format!("f-{}-{i}-{key}", bagian.slug()),
        None => format!("f-{}-{key}", bagian.slug()),
    }
}

/// A field with its label, input and error.
#[component]
pub fn Field(bagian: Bagian, entri: Option<usize>, spec: &'static FieldSpec) -> impl IntoView {
    let st = expect_context::<FormState>();
    let lang = use_lang();
    let id = field_id(bagian, entri, spec.key);
    let error_id = format!("{id}-error");
    let error = Memo::new(move |_| st.error_at(bagian, entri, spec.key));
    let ditolak = Memo::new(move |_| st.rejection(bagian, entri, spec.key));
    let ditolak_id = format!("{id}-ditolak");
    view! {
        <div class="field" class:invalid=move || error.get().is_some() class:ditolak=move || ditolak.with(Option::is_some)>
            <label for=id.clone()>
                {spec.label(lang)}
                {spec.required.then(|| view! { <span class="req" title=t(Msg::Required)>" *"</span> })}
            </label>
            <Input bagian entri spec id=id.clone() error_id=error_id.clone()/>
            <p class="error" id=error_id role="alert">{move || error.get().map(error_text)}</p>
            {move || ditolak.get().map(|alasan| view! {
                <p class="rejected-reason" data-testid=ditolak_id.clone()>{t(Msg::RejectedBecause)}" "{alasan}</p>
            })}
            <Flag bagian entri key=spec.key id=format!("{id}-tanda")/>
        </div>
    }
}

/// "[?]": the right value cannot be chosen. It opens a help-desk ticket about the field
/// (filled in with its values there); the ticket flags the field, shown here from then on.
#[component]
fn Flag(bagian: Bagian, entri: Option<usize>, key: &'static str, id: String) -> impl IntoView {
    let st = expect_context::<FormState>();
    let problem = RwSignal::new(None::<domain::ErrorCode>);
    let flag = move || st.flag(bagian, entri, key);
    let editable = move || st.status.get().editable();
    let withdraw = move |tanda_id: String| {
        spawn_local(async move {
            match withdraw_flag(tanda_id.clone()).await {
                Ok(()) => st.tanda.update(|t| t.retain(|x| x.id != tanda_id)),
                Err(error) => problem.set(Some(error.0)),
            }
        });
    };
    view! {
        {move || match flag() {
            Some(tanda) => {
                // One link: to its ticket once the help desk has it (waiting or solved, with the
                // number), else to raise one. An open flag may still be withdrawn.
                let solved = tanda.status == StatusTanda::Selesai;
                let (href, link) = match (&tanda.tiket_id, &tanda.tiket_nomor) {
                    (Some(tiket_id), Some(nomor)) => {
                        let msg = if solved { Msg::FlagSolvedHds } else { Msg::FlagWaitingHds };
                        (format!("/pns/bantuan/{tiket_id}"), format!("{} {nomor}.", t(msg)))
                    }
                    _ => (format!("/pns/bantuan?tanda={}", tanda.id), t(Msg::FlagRaiseTicket).to_owned()),
                };
                let check = if solved { t(Msg::FlagSolvedCheck) } else { "" };
                // F–O: the entry the help desk added and named, to pick in the field.
                let saran = tanda.saran.map(|s| view! {
                    " "<span data-testid="saran-tanda">{t(Msg::FlagSuggested)}" "<strong>{s.nama}</strong></span>
                });
                let tanda_id = tanda.id.clone();
                let can_withdraw = tanda.status == StatusTanda::Terbuka && editable();
                view! {
                    <p class="flagged" data-testid=id.clone()>
                        "⚑ "{t(Msg::Flagged)}" "{tanda.keterangan}" "<a href=href>{link}</a>" "{check}{saran}
                        {can_withdraw.then(|| view! {
                            " "<button type="button" class="link" on:click=move |_| withdraw(tanda_id.clone())>
                                {t(Msg::FlagWithdraw)}
                            </button>
                        })}
                    </p>
                }.into_any()
            }
            None => {
                // The draft is kept (localStorage), so leaving the page loses nothing.
                let entry = entri.map(|i| format!("&entri={}", st.value(bagian, Some(i), "id"))).unwrap_or_default();
                let href = format!("/pns/bantuan?bagian={}&field={key}{entry}", bagian.slug());
                view! {
                    <a class="flag" id=id.clone() href=href title=t(Msg::FlagButton) aria-label=t(Msg::FlagButton)
                        hidden=move || !editable()>"[?]"</a>
                }.into_any()
            }
        }}
        {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
    }
}

#[component]
fn Input(
    bagian: Bagian,
    entri: Option<usize>,
    spec: &'static FieldSpec,
    id: String,
    error_id: String,
) -> impl IntoView {
    let st = expect_context::<FormState>();
    let lang = use_lang();
    let key = spec.key;
    let value = move || st.value(bagian, entri, key);
    let disabled = move || !st.status.get().editable() || st.blocked.get().is_some();
    let set = move |v: String| st.edit(bagian, entri, key, v);
    let text_input = |input_type: &'static str, mode: &'static str, max: usize| {
        let (id, error_id) = (id.clone(), error_id.clone());
        view! {
            <input type=input_type id=id name=key inputmode=mode maxlength=max.to_string()
                aria-describedby=error_id prop:value=value disabled=disabled
                on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    };
    match spec.kind {
        Kind::Hidden => ().into_any(),
        Kind::Text => text_input("text", "text", domain::form::spec::MAX_TEXT),
        Kind::Nik => text_input("text", "numeric", 16),
        Kind::Nip => text_input("text", "numeric", 18),
        Kind::Year => text_input("text", "numeric", 4),
        Kind::Number => text_input("text", "numeric", 6),
        Kind::Date => text_input("date", "text", 10),
        Kind::LongText => view! {
            <textarea id=id name=key rows="3" aria-describedby=error_id prop:value=value disabled=disabled
                on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Kind::Code(list) => {
            let mut options = st.opsi.with_value(|o| o.get(&list).cloned().unwrap_or_default());
            // A retired entry is offered no more, but the record that has it still shows it.
            let now = untrack(value);
            if !now.is_empty() && !options.iter().any(|(code, _)| *code == now) {
                let name = st.label_of(list, &now).unwrap_or_else(|| now.clone());
                options.push((now, name));
            }
            select(id, error_id, key, value, disabled, set, options)
        }
        Kind::Choice(options) => {
            let options = options.iter().map(|o| (o.value.to_owned(), o.label(lang).to_owned())).collect();
            select(id, error_id, key, value, disabled, set, options)
        }
        Kind::YesNo => {
            let options = vec![("Y".to_owned(), t(Msg::Yes).to_owned()), ("T".to_owned(), t(Msg::No).to_owned())];
            select(id, error_id, key, value, disabled, set, options)
        }
        Kind::Score => view! {
            <div class="score" role="radiogroup" id=id.clone() aria-describedby=error_id>
                {(1..=5).map(|n| {
                    let n = n.to_string();
                    let checked = { let n = n.clone(); move || value() == n };
                    let pick = n.clone();
                    view! {
                        <label class="score-option">
                            <input type="radio" name=id.clone() value=n.clone() prop:checked=checked disabled=disabled
                                on:change=move |_| set(pick.clone())/>
                            {n}
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        Kind::Search(_) | Kind::Unor | Kind::Fasilitas(_) | Kind::Jabatan => {
            let list = move || {
                let jenis =
                    if spec.kind == Kind::Jabatan { st.value(bagian, entri, "jenis_jabatan") } else { String::new() };
                spec.kind.instansi_list().or_else(|| bagian.code_list(spec, &jenis))
            };
            view! {
                {move || match list() {
                    // A structural post is named, not picked.
                    None => view! {
                        <input type="text" id=id.clone() name=key aria-describedby=error_id.clone() prop:value=value
                            disabled=disabled on:input=move |ev| set(event_target_value(&ev))/>
                    }.into_any(),
                    Some(list) => view! { <Picker bagian entri key list id=id.clone() error_id=error_id.clone()/> }.into_any(),
                }}
            }
            .into_any()
        }
    }
}

fn select(
    id: String,
    error_id: String,
    key: &'static str,
    value: impl Fn() -> String + Send + Sync + Copy + 'static,
    disabled: impl Fn() -> bool + Send + Sync + Copy + 'static,
    set: impl Fn(String) + Send + Sync + Copy + 'static,
    options: Vec<(String, String)>,
) -> AnyView {
    view! {
        <select id=id name=key aria-describedby=error_id prop:value=value disabled=disabled
            on:change=move |ev| set(event_target_value(&ev))>
            <option value="">{t(Msg::Choose)}</option>
            {options.into_iter().map(|(code, name)| {
                let selected = { let code = code.clone(); move || value() == code };
                view! { <option value=code.clone() selected=selected>{name}</option> }
            }).collect_view()}
        </select>
    }
    .into_any()
}

/// Type-ahead over a long list: shows the chosen entry's name; typing searches the server
/// (250 ms after the last key) and a click picks an entry.
#[component]
fn Picker(
    bagian: Bagian,
    entri: Option<usize>,
    key: &'static str,
    list: DaftarKode,
    id: String,
    error_id: String,
) -> impl IntoView {
    let st = expect_context::<FormState>();
    let shown = move || {
        let code = st.value(bagian, entri, key);
        if code.is_empty() {
            String::new()
        } else {
            st.label_of(list, &code).unwrap_or(code)
        }
    };
    let typed = RwSignal::new(None::<String>);
    let results = RwSignal::new(None::<Vec<(String, String)>>);
    let ticket = StoredValue::new(0u64);
    let disabled = move || !st.status.get().editable() || st.blocked.get().is_some();
    let search = move |q: String| {
        typed.set(Some(q.clone()));
        let mine = ticket.get_value() + 1;
        ticket.set_value(mine);
        browser::after(Duration::from_millis(250), move || {
            if ticket.get_value() != mine {
                return;
            }
            spawn_local(async move {
                let found = search_reference(list, q).await.unwrap_or_default();
                if ticket.get_value() == mine {
                    results.set(Some(found));
                }
            });
        });
    };
    let pick = move |code: String, name: String| {
        st.label.update(|l| {
            l.insert(format!("{}:{code}", list.code()), name);
        });
        st.edit(bagian, entri, key, code);
        typed.set(None);
        results.set(None);
    };
    let listbox_id = format!("{id}-pilihan");
    view! {
        <div class="picker">
            <input type="text" id=id name=key autocomplete="off" role="combobox" aria-autocomplete="list"
                aria-controls=listbox_id.clone() aria-expanded=move || results.with(|r| r.is_some()).to_string()
                aria-describedby=error_id placeholder=t(Msg::SearchHint) disabled=disabled
                prop:value=move || typed.get().unwrap_or_else(shown)
                on:input=move |ev| search(event_target_value(&ev))
                on:focus=move |_| if results.with_untracked(|r| r.is_none()) { search(typed.get_untracked().unwrap_or_default()) }/>
            {move || results.get().map(|found| view! {
                <ul class="picker-results" role="listbox" id=listbox_id.clone()>
                    {if found.is_empty() {
                        view! { <li class="muted">{t(Msg::NoResults)}</li> }.into_any()
                    } else {
                        found.into_iter().map(|(code, name)| {
                            let label = name.clone();
                            view! {
                                <li role="option">
                                    <button type="button" on:click=move |_| pick(code.clone(), name.clone())>{label}</button>
                                </li>
                            }
                        }).collect_view().into_any()
                    }}
                </ul>
            })}
        </div>
    }
}
