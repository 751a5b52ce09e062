//! Supporting documents: the list under a section or entry, upload (the file is the body of
//! a plain POST, checked again on the server) and removal.

use domain::form::dokumen::MAX_BYTES;
use domain::form::{Bagian, Dokumen};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::FormState;
use crate::i18n::{error_text, t};
use crate::unggah::{check_size, delete, first_file, kilobytes, post_file, BrowserFile};

#[component]
pub fn Documents(bagian: Bagian, entri: Option<usize>) -> impl IntoView {
    let st = expect_context::<FormState>();
    let entry_id = move || entri.map(|i| st.value(bagian, Some(i), "id"));
    let mine = move || {
        let entry = entry_id();
        st.dokumen.with(|d| d.iter().filter(|x| x.bagian == bagian && x.entri == entry).cloned().collect::<Vec<_>>())
    };
    let problem = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let input_id = match entri {
        Some(i) => format!("dok-{}-{i}", bagian.slug()),
        None => format!("dok-{}", bagian.slug()),
    };
    let (testid, label_for) = (input_id.clone(), input_id.clone());
    let editable = move || st.status.get().editable();
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = first_file(&ev) else { return };
        if let Err(code) = check_size(&file, MAX_BYTES) {
            problem.set(Some(code));
            return;
        }
        busy.set(true);
        problem.set(None);
        let entry = entry_id();
        spawn_local(async move {
            match send(file, bagian, entry).await {
                Ok(dokumen) => st.dokumen.update(|d| d.push(dokumen)),
                Err(code) => problem.set(Some(code)),
            }
            busy.set(false);
        });
    };
    let remove = move |id: String| {
        spawn_local(async move {
            match delete(&format!("/api/pns/dokumen/{id}")).await {
                Ok(()) => st.dokumen.update(|d| d.retain(|x| x.id != id)),
                Err(code) => problem.set(Some(code)),
            }
        });
    };
    view! {
        <div class="documents" data-testid=testid>
            <label for=label_for>{t(Msg::SupportingDocuments)}</label>
            <ul>
                {move || mine().into_iter().map(|d| {
                    let id = d.id.clone();
                    view! {
                        <li>
                            <a href=format!("/api/pns/dokumen/{}", d.id) download=d.nama_file.clone()>{d.nama_file.clone()}</a>
                            " ("{kilobytes(d.ukuran)}" KB) "
                            {editable().then(|| view! {
                                <button type="button" class="link" on:click=move |_| remove(id.clone())>{t(Msg::RemoveEntry)}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input type="file" id=input_id accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                disabled=move || !editable() || busy.get() on:change=chosen/>
            <small>{t(Msg::DocumentHint)}</small>
            {move || busy.get().then(|| view! { <p aria-busy="true">{t(Msg::Working)}</p> })}
            {move || problem.get().map(|code| view! { <p class="error" role="alert">{error_text(code)}</p> })}
        </div>
    }
}

/// `POST /api/pns/dokumen?bagian=…&nama=…[&entri=…]`.
async fn send(file: BrowserFile, bagian: Bagian, entri: Option<String>) -> Result<Dokumen, ErrorCode> {
    let mut query = vec![("bagian", bagian.slug().to_owned())];
    query.extend(entri.map(|entri| ("entri", entri)));
    post_file("/api/pns/dokumen", query, file).await
}
