//! What the pages ask of the browser besides the DOM, in one idiom: localStorage through
//! `gloo-storage`, timers through `gloo-timers` (plain HTTP goes through `gloo-net` where a
//! page needs it). These crates are in the `hydrate` build only; the server build gets
//! stand-ins that do nothing, which is all it needs: they run after user input, and the
//! server never sees any.

use std::time::Duration;

/// Runs `f` once, `delay` from now (`setTimeout`). There is no cancelling: a caller that
/// wants only the latest of several calls compares a ticket when `f` runs.
pub fn after(delay: Duration, f: impl FnOnce() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        gloo_timers::callback::Timeout::new(millis, move || {
            // As leptos's own `set_timeout`: untracked signal reads in a timer are meant,
            // so debug builds should not warn about them.
            #[cfg(debug_assertions)]
            let _zone = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
            f();
        })
        .forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (delay, f);
}

/// localStorage as JSON values (`serde_json`). Every call tolerates a browser that refuses
/// storage (disabled, a sandboxed frame): reads find nothing and writes are dropped.
pub mod local {
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    /// gloo-storage throws (a JavaScript exception, not an `Err`) when there is no
    /// localStorage at all, so look first.
    #[cfg(feature = "hydrate")]
    fn available() -> bool {
        leptos::prelude::window().local_storage().is_ok_and(|s| s.is_some())
    }

    /// The value under `key`; `None` when there is none or it does not decode as `T`.
    pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
        #[cfg(feature = "hydrate")]
        {
            use gloo_storage::Storage;
            if !available() {
                return None;
            }
            let text = gloo_storage::LocalStorage::raw().get_item(key).ok()??;
            crate::resource::from_json(&text).ok()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = key;
            None
        }
    }

    /// Stores `value` under `key` (dropped when the browser refuses it, e.g. storage full).
    pub fn set<T: Serialize>(key: &str, value: &T) {
        #[cfg(feature = "hydrate")]
        if available() {
            use gloo_storage::Storage;
            let _ = gloo_storage::LocalStorage::set(key, value);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (key, value);
    }

    pub fn remove(key: &str) {
        #[cfg(feature = "hydrate")]
        if available() {
            use gloo_storage::Storage;
            gloo_storage::LocalStorage::delete(key);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = key;
    }
}

/// A fresh random UUID (`crypto.randomUUID`), e.g. an idempotency key; empty on the server.
pub fn random_uuid() -> String {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// A submitted form's fields by name. Pages post plain `<form method="post" action=…>`s and
/// dispatch typed server-function arguments read here, not `<ActionForm>`s, whose form-data
/// parser (serde_qs, ~17 KB of code) was in every route's download (#14). Before the WASM
/// starts the browser posts such a form itself, as it would an `<ActionForm>`, and the
/// server function reads the urlencoded body.
pub struct Submitted(#[cfg(feature = "hydrate")] Option<web_sys::FormData>);

impl Submitted {
    /// Stops the browser's own post and reads the event's form.
    pub fn take(ev: &leptos::ev::SubmitEvent) -> Submitted {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            Submitted(form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()))
        }
        #[cfg(not(feature = "hydrate"))]
        Submitted()
    }

    /// The field's text; empty when the form has no such field.
    pub fn text(&self, name: &str) -> String {
        #[cfg(feature = "hydrate")]
        return self.0.as_ref().and_then(|data| data.get(name).as_string()).unwrap_or_default();
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = name;
            String::new()
        }
    }

    /// Every value of a field sent more than once (checked boxes sharing a name).
    pub fn all(&self, name: &str) -> Vec<String> {
        #[cfg(feature = "hydrate")]
        return self
            .0
            .as_ref()
            .map(|data| data.get_all(name).iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = name;
            Vec::new()
        }
    }

    /// The field parsed (a hidden id or version the page wrote itself).
    pub fn parsed<T: std::str::FromStr>(&self, name: &str) -> Option<T> {
        self.text(name).parse().ok()
    }
}
