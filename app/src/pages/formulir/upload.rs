//! Supporting documents: the list under a section or entry, upload (the file is the body of
//! a plain POST, checked again on the server) and removal.

use domain::form::dokumen::MAX_BYTES;
use domain::form::{Bagian, Dokumen};
use domain::{ErrorCode, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::FormState;
use crate::i18n::{error_text, t};

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
        if file_size(&file) > MAX_BYTES as f64 {
            problem.set(Some(ErrorCode::DocumentTooLarge));
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
            match delete(&id).await {
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
                            " ("{format!("{:.0} KB", (d.ukuran as f64 / 1024.0).ceil())}") "
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

#[cfg(not(feature = "ssr"))]
type BrowserFile = web_sys::File;
#[cfg(feature = "ssr")]
type BrowserFile = ();

#[cfg(not(feature = "ssr"))]
fn first_file(ev: &leptos::ev::Event) -> Option<BrowserFile> {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value(""); // the same file can be chosen again after a failure
    file
}
#[cfg(feature = "ssr")]
fn first_file(_: &leptos::ev::Event) -> Option<BrowserFile> {
    None
}

#[cfg(not(feature = "ssr"))]
fn file_size(file: &BrowserFile) -> f64 {
    file.size()
}
#[cfg(feature = "ssr")]
fn file_size(_: &BrowserFile) -> f64 {
    0.0
}

#[cfg(not(feature = "ssr"))]
async fn request(url: &str, method: &str, body: Option<&wasm_bindgen::JsValue>) -> Result<(u16, String), ErrorCode> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(body);
    }
    let response =
        JsFuture::from(window().fetch_with_str_and_init(url, &init)).await.map_err(|_| ErrorCode::Internal)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ErrorCode::Internal)?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok((response.status(), text))
}

/// An answer that is not a success: the server's error code, or one made from the status.
#[cfg(not(feature = "ssr"))]
fn failure(status: u16, text: &str) -> ErrorCode {
    serde_json::from_str::<ErrorCode>(text).unwrap_or(match status {
        413 => ErrorCode::DocumentTooLarge,
        401 => ErrorCode::SessionExpired,
        _ => ErrorCode::Internal,
    })
}

#[cfg(not(feature = "ssr"))]
async fn send(file: BrowserFile, bagian: Bagian, entri: Option<String>) -> Result<Dokumen, ErrorCode> {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    let mut url = format!("/api/pns/dokumen?bagian={}&nama={}", bagian.slug(), encode(&file.name()));
    if let Some(entri) = entri {
        url.push_str(&format!("&entri={}", encode(&entri)));
    }
    let (status, text) = request(&url, "POST", Some(file.as_ref())).await?;
    if (200..300).contains(&status) {
        serde_json::from_str(&text).map_err(|_| ErrorCode::Internal)
    } else {
        Err(failure(status, &text))
    }
}
#[cfg(feature = "ssr")]
async fn send(_: BrowserFile, _: Bagian, _: Option<String>) -> Result<Dokumen, ErrorCode> {
    Err(ErrorCode::Internal)
}

#[cfg(not(feature = "ssr"))]
async fn delete(id: &str) -> Result<(), ErrorCode> {
    let (status, text) = request(&format!("/api/pns/dokumen/{id}"), "DELETE", None).await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(failure(status, &text))
    }
}
#[cfg(feature = "ssr")]
async fn delete(_: &str) -> Result<(), ErrorCode> {
    Err(ErrorCode::Internal)
}
