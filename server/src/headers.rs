//! Security headers on every response (#9 item 5). The Content-Security-Policy carries a fresh
//! nonce per response; the same nonce goes to Leptos, which writes it on the inline hydration
//! script and the scripts carrying resolved resources, so those run and nothing else inline
//! does. The fixed headers are tower-http layers.

use axum::body::Body;
use axum::extract::State;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Config;

/// The policy for a response whose inline scripts carry `nonce`.
/// - `'wasm-unsafe-eval'`: compiling the app's WASM, nothing else of eval.
/// - `'self'` for scripts, workers and connections: split WASM chunks, the service worker and
///   server-function calls all come from this site.
/// - `img-src data:`: room for small images inlined as data URLs (icons); they cannot run code.
/// - `base-uri 'none'`, `object-src 'none'`, `frame-ancestors 'none'`: no injected `<base>`,
///   no plug-ins, no framing (clickjacking).
///
/// `live_reload`: in development (`LEPTOS_ENV=DEV`) cargo-leptos' reload script opens a web
/// socket to the page's host on its own port, which `'self'` does not cover.
pub fn policy(nonce: &str, live_reload: Option<u32>) -> String {
    let reload = live_reload.map(|port| format!(" ws://*:{port} wss://*:{port}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'{reload}; worker-src 'self'; manifest-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Wraps the whole router: every answer, pages, server functions, assets, plain routes and
/// refusals alike, gets the policy and the fixed headers. HSTS only when the site is served
/// over HTTPS (`--secure-cookies`): over plain HTTP it would be ignored at best.
pub fn secured(router: Router, config: &Config) -> Router {
    let live_reload = config.leptos_env.eq_ignore_ascii_case("DEV").then_some(config.reload_port);
    let router = router
        .layer(axum::middleware::from_fn_with_state(live_reload, content_security_policy))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        // The password-reset token is in the page's URL: no Referer may carry it elsewhere.
        .layer(SetResponseHeaderLayer::overriding(REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        // For browsers that do not know `frame-ancestors`.
        .layer(SetResponseHeaderLayer::overriding(X_FRAME_OPTIONS, HeaderValue::from_static("DENY")));
    if config.secure_cookies {
        router.layer(SetResponseHeaderLayer::overriding(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    }
}

/// Pages, server functions, slips and documents carry personal data: no browser or proxy
/// cache may keep them. Overriding, so a route cannot loosen it by accident. (The assets under
/// /pkg are not wrapped: they keep their own caching.)
pub fn not_stored(router: Router) -> Router {
    router.layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

/// Makes the response's nonce (`Nonce::new`: 16 random bytes, base64) and hands it to the
/// handlers through the request's extensions, then writes the policy with it.
async fn content_security_policy(
    State(live_reload): State<Option<u32>>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    match HeaderValue::from_str(&policy(&nonce, live_reload)) {
        Ok(value) => {
            response.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
        }
        // Base64 is always a valid header value; this cannot happen.
        Err(error) => tracing::error!(%error, "content security policy not set"),
    }
    response
}

/// Leptos context: the nonce of this response, in place of the one leptos_axum makes up
/// per render (it runs after leptos_axum's own contexts, so it replaces that one), so that
/// the page's scripts and the header agree.
pub fn provide_nonce() {
    if let Some(nonce) = use_context::<Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned()) {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn the_policy_allows_only_scripts_with_the_nonce_inline() {
        let policy = policy("abc", None);
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(policy.contains("connect-src 'self';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.ends_with("frame-ancestors 'none'"));
    }

    #[test]
    fn in_development_the_live_reload_socket_may_connect() {
        assert!(policy("abc", Some(3001)).contains("connect-src 'self' ws://*:3001 wss://*:3001;"));
    }
}
