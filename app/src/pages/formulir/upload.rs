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

#[cfg(feature = "hydrate")]
type BrowserFile = web_sys::File;
#[cfg(not(feature = "hydrate"))]
type BrowserFile = ();

#[cfg(feature = "hydrate")]
fn first_file(ev: &leptos::ev::Event) -> Option<BrowserFile> {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value(""); // the same file can be chosen again after a failure
    file
}
#[cfg(not(feature = "hydrate"))]
fn first_file(_: &leptos::ev::Event) -> Option<BrowserFile> {
    None
}

/// Whole KB, rounded up.
fn kilobytes(bytes: i64) -> i64 {
    (bytes + 1023) / 1024
}

#[cfg(feature = "hydrate")]
fn file_size(file: &BrowserFile) -> f64 {
    file.size()
}
#[cfg(not(feature = "hydrate"))]
fn file_size(_: &BrowserFile) -> f64 {
    0.0
}

/// Sends the request (gloo-net's `fetch`): a success's body, or the error code to show. A
/// request that gets no answer at all is `Internal`.
#[cfg(feature = "hydrate")]
async fn fetch(request: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<String, ErrorCode> {
    let response = request.map_err(|_| ErrorCode::Internal)?.send().await.map_err(|_| ErrorCode::Internal)?;
    let text = response.text().await.unwrap_or_default();
    if (200..300).contains(&response.status()) {
        Ok(text)
    } else {
        Err(failure(response.status(), &text))
    }
}

/// An answer that is not a success: the server's error code, or one made from the status.
#[cfg(feature = "hydrate")]
fn failure(status: u16, text: &str) -> ErrorCode {
    serde_json::from_str::<ErrorCode>(text).unwrap_or(match status {
        413 => ErrorCode::DocumentTooLarge,
        401 => ErrorCode::SessionExpired,
        _ => ErrorCode::Internal,
    })
}

/// `POST /api/pns/dokumen?bagian=…&nama=…[&entri=…]` with the file as the body (the browser
/// sets its content type).
#[cfg(feature = "hydrate")]
async fn send(file: BrowserFile, bagian: Bagian, entri: Option<String>) -> Result<Dokumen, ErrorCode> {
    let mut query = vec![("bagian", bagian.slug().to_owned()), ("nama", file.name())];
    query.extend(entri.map(|entri| ("entri", entri)));
    let text = fetch(gloo_net::http::Request::post("/api/pns/dokumen").query(query).body(file)).await?;
    serde_json::from_str(&text).map_err(|_| ErrorCode::Internal)
}
#[cfg(not(feature = "hydrate"))]
async fn send(_: BrowserFile, _: Bagian, _: Option<String>) -> Result<Dokumen, ErrorCode> {
    Err(ErrorCode::Internal)
}

#[cfg(feature = "hydrate")]
async fn delete(id: &str) -> Result<(), ErrorCode> {
    fetch(gloo_net::http::Request::delete(&format!("/api/pns/dokumen/{id}")).build()).await.map(|_| ())
}
#[cfg(not(feature = "hydrate"))]
async fn delete(_: &str) -> Result<(), ErrorCode> {
    Err(ErrorCode::Internal)
}

#[cfg(test)]
mod tests {
    use super::kilobytes;

    #[test]
    fn sizes_round_up_to_whole_kilobytes() {
        assert_eq!(kilobytes(0), 0);
        assert_eq!(kilobytes(1), 1);
        assert_eq!(kilobytes(1024), 1);
        assert_eq!(kilobytes(1025), 2);
        assert_eq!(kilobytes(2 * 1024 * 1024), 2048);
    }
}
