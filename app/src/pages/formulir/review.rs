//! "Tinjau & Kirim": every change against the master, field by field; which sections are
//! checked; and the send button, which answers with what is still missing.

use domain::form::{diff, Aksi, Bagian, Kind, StatusUsulan};
use domain::Msg;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::state::FormState;
use crate::api::formulir::{KirimView, SubmitForm};
use crate::browser::Submitted;
use crate::i18n::{error_text, t, use_lang};

#[component]
pub fn Review() -> impl IntoView {
    let st = expect_context::<FormState>();
    let lang = use_lang();
    let changes = move || {
        let berlaku = st.berlaku.get();
        let master = st.master.get_value();
        st.draf.with(|f| diff(&master, f)).into_iter().filter(|c| berlaku.contains(&c.bagian)).collect::<Vec<_>>()
    };
    // Shows a coded value by its name.
    let shown = move |bagian: Bagian, field: &str, value: &str, jenis_jabatan: &str| -> String {
        let Some(spec) = bagian.fields().iter().find(|f| f.key == field) else { return value.to_owned() };
        let named = match spec.kind {
            Kind::Choice(options) => options.iter().find(|o| o.value == value).map(|o| o.label(lang).to_owned()),
            Kind::YesNo => match value {
                "Y" => Some(t(Msg::Yes).to_owned()),
                "T" => Some(t(Msg::No).to_owned()),
                _ => None,
            },
            Kind::Unor | Kind::Fasilitas(_) => spec.kind.instansi_list().and_then(|list| st.label_of(list, value)),
            _ => bagian.code_list(spec, jenis_jabatan).and_then(|list| st.label_of(list, value)),
        };
        named.unwrap_or_else(|| value.to_owned())
    };
    let send = ServerAction::<SubmitForm>::new();
    let sending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(KirimView::Terkirim { versi })) = send.value().get() {
            st.versi.set(versi);
            st.status.set(StatusUsulan::Dikirim);
        }
    });
    view! {
        <h2>{t(Msg::ReviewTab)}</h2>
        <p>{t(Msg::ReviewIntro)}</p>
        <div class="table-scroll" data-testid="diff">
            {move || {
                let changes = changes();
                if changes.is_empty() {
                    return view! { <p class="muted">{t(Msg::NoChanges)}</p> }.into_any();
                }
                view! {
                    <table class="list diff">
                        <thead><tr>
                            <th scope="col">{t(Msg::RecordSections)}</th>
                            <th scope="col">{t(Msg::ColField)}</th>
                            <th scope="col">{t(Msg::ColOld)}</th>
                            <th scope="col">{t(Msg::ColNew)}</th>
                        </tr></thead>
                        <tbody>
                            {changes.into_iter().map(|c| {
                                let spec = c.bagian.fields().iter().find(|f| f.key == c.field);
                                let field = spec.map(|s| s.label(lang)).unwrap_or("");
                                let jenis = st.draf.with(|f| {
                                    let index = c.entri.as_ref().and_then(|id| (0..f.entry_count(c.bagian))
                                        .find(|i| f.get_field(c.bagian, Some(*i), "id") == *id));
                                    f.get_field(c.bagian, index, "jenis_jabatan")
                                });
                                let action = match c.aksi {
                                    Aksi::Ubah => t(Msg::ActChange),
                                    Aksi::Tambah => t(Msg::ActAdd),
                                    Aksi::Hapus => t(Msg::ActRemove),
                                };
                                view! {
                                    <tr data-field=c.field.clone()>
                                        <td>{c.bagian.label(lang)}" ("{action}")"</td>
                                        <td>{field}</td>
                                        <td class="old">{shown(c.bagian, &c.field, &c.lama, &jenis)}</td>
                                        <td class="new">{shown(c.bagian, &c.field, &c.baru, &jenis)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </div>

        <h3>{t(Msg::SectionChecklist)}</h3>
        <ul class="checklist" data-testid="checklist">
            {move || st.berlaku.get().into_iter().map(|b| {
                let done = st.diperiksa.with(|d| d.contains(&b));
                view! {
                    <li class:done=done>
                        {if done { "✓ " } else { "✗ " }}{b.label(lang)}" — "
                        {t(if done { Msg::SectionReviewed } else { Msg::SectionNotReviewed })}
                    </li>
                }
            }).collect_view()}
        </ul>

        <form class="send" method="post" action={<SubmitForm as ServerFn>::url()} on:submit=move |ev| {
            if let Some(versi) = Submitted::take(&ev).parsed("versi") {
                send.dispatch(SubmitForm { versi });
            }
        }>
            <input type="hidden" name="versi" prop:value=move || st.versi.get().to_string()/>
            <button type="submit" class="primary" data-testid="kirim"
                disabled=move || sending.get() || !st.status.get().editable() || !st.dirty.with(|d| d.is_empty())>
                {t(Msg::SendProposal)}
            </button>
        </form>
        {move || send.value().get().map(|result| match result {
            Ok(KirimView::Terkirim { .. }) => view! {
                <p class="success" role="status" data-testid="terkirim">
                    {t(Msg::ProposalSent)}" "<a href="/pns/progres">{t(Msg::ProgressLink)}</a>
                </p>
            }.into_any(),
            Ok(KirimView::Belum { belum_diperiksa, kesalahan }) => view! {
                <div class="error-box" role="alert" data-testid="belum">
                    {(!belum_diperiksa.is_empty()).then(|| view! {
                        <p>{t(Msg::NotYetReviewed)}</p>
                        <ul>{belum_diperiksa.iter().map(|b| view! { <li>{b.label(lang)}</li> }).collect_view()}</ul>
                    })}
                    {(!kesalahan.is_empty()).then(|| view! {
                        <p>{t(Msg::FixErrors)}</p>
                        <ul>{kesalahan.iter().map(|e| {
                            let field = e.bagian.fields().iter().find(|f| f.key == e.field).map(|f| f.label(lang)).unwrap_or("");
                            let entry = e.entri.map(|i| format!(" #{}", i + 1)).unwrap_or_default();
                            view! { <li>{e.bagian.label(lang)}{entry}" — "{field}": "{error_text(e.code)}</li> }
                        }).collect_view()}</ul>
                    })}
                </div>
            }.into_any(),
            Err(error) => view! { <p class="error" role="alert">{error_text(error.0)}</p> }.into_any(),
        })}
    }
}
