//! The release a page belongs to, and the verifier's service worker (`public/sw.js`) that
//! keeps that release's files and the offline page for work without a network. The server
//! names the release in every answer's `X-Sipupns-Build` header and in the page's
//! `<meta name="sipupns-build">`; the page registers the worker of its own release.

use leptos::prelude::*;

pub const BUILD_HEADER: &str = "x-sipupns-build";
pub const BUILD_META: &str = "sipupns-build";

/// The release's id, handed to the page shell by the server (context).
#[derive(Debug, Clone)]
pub struct BuildId(pub String);

/// Registers the worker of this page's release (scope `/verifikasi`: PNS pages never get
/// one) and sets `versi_baru` once a worker of a newer release waits to take over.
pub fn pasang_pekerja(versi_baru: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        match browser::daftarkan().await {
            Ok(registration) => {
                let waiting = move || {
                    if registration.waiting().is_some() {
                        versi_baru.set(true);
                    }
                };
                waiting();
                // A worker installs in the background; look every few seconds.
                if let Ok(handle) = set_interval_with_handle(waiting, std::time::Duration::from_secs(2)) {
                    on_cleanup(move || handle.clear());
                }
            }
            // Offline work then needs the page open; nothing else changes.
            Err(error) => leptos::logging::warn!("service worker not registered: {error:?}"),
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = versi_baru;
}

/// Lets the waiting worker of the newer release take over, then reloads the page, so the
/// page and its files are of that release. Waiting decisions are in IndexedDB: nothing is lost.
pub fn pakai_versi_baru() {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        match browser::ambil_alih().await {
            // Reload once the new worker controls the page (it claims it on activation).
            Ok(Some(script)) => browser::muat_ulang_setelah(script, 50),
            Ok(None) => browser::muat_ulang(),
            Err(error) => {
                leptos::logging::warn!("new release not taken: {error:?}");
                browser::muat_ulang();
            }
        }
    });
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{RegistrationOptions, ServiceWorkerRegistration};

    /// This page's release, from its `<meta name="sipupns-build">`.
    fn build() -> Option<String> {
        let meta = document().query_selector(&format!("meta[name={}]", super::BUILD_META)).ok()??;
        meta.get_attribute("content").filter(|b| !b.is_empty())
    }

    pub async fn daftarkan() -> Result<ServiceWorkerRegistration, JsValue> {
        let build = build().ok_or_else(|| JsValue::from_str("the page names no release"))?;
        let options = RegistrationOptions::new();
        options.set_scope("/verifikasi");
        let container = window().navigator().service_worker();
        let promise = container.register_with_options(&format!("/sw.js?build={build}"), &options);
        Ok(JsFuture::from(promise).await?.unchecked_into())
    }

    /// Tells the waiting worker to take over; answers its script's URL.
    pub async fn ambil_alih() -> Result<Option<String>, JsValue> {
        let container = window().navigator().service_worker();
        let found = JsFuture::from(container.get_registration_with_document_url("/verifikasi/")).await?;
        let Ok(registration) = found.dyn_into::<ServiceWorkerRegistration>() else { return Ok(None) };
        let Some(waiting) = registration.waiting() else { return Ok(None) };
        waiting.post_message(&JsValue::from_str("lewati"))?;
        Ok(Some(waiting.script_url()))
    }

    /// Reloads once the worker at `script` controls the page, or after `tries` × 100 ms.
    pub fn muat_ulang_setelah(script: String, tries: u32) {
        crate::browser::after(std::time::Duration::from_millis(100), move || {
            let controller = window().navigator().service_worker().controller().map(|c| c.script_url());
            if tries == 0 || controller.as_deref() == Some(script.as_str()) {
                muat_ulang();
            } else {
                muat_ulang_setelah(script, tries - 1);
            }
        });
    }

    pub fn muat_ulang() {
        let _ = window().location().reload();
    }
}
