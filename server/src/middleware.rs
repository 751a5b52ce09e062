//! Request middleware: resolve the session cookie, and refuse cross-site server-function calls.

use std::net::SocketAddr;

use access::{Refusal, RequestAuth};
use app::auth::{AppState, SESSION_COOKIE};
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, Method, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::ErrorCode;
use identity::SessionLookup;

pub async fn session(State(state): State<AppState>, mut request: Request<Body>, next: Next) -> Response {
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default();
    let token = cookie(&request, SESSION_COOKIE);
    let mut auth = RequestAuth { token: token.clone(), user: None, expired: false, ip };
    if let Some(token) = token {
        match state.identity.session(&token).await {
            Ok(SessionLookup::Valid(user)) => auth.user = Some(*user),
            Ok(SessionLookup::Expired) => auth.expired = true,
            Ok(SessionLookup::Unknown) => {}
            Err(error) => {
                tracing::error!(%error, "session lookup failed");
                return error.into_response();
            }
        }
    }
    request.extensions_mut().insert(auth);
    next.run(request).await
}

/// Browsers send Sec-Fetch-Site and Origin on cross-site requests; a state-changing request
/// from another site is refused. Clients that send neither (curl, tests) are not browsers,
/// so they cannot carry a victim's cookies by accident.
pub async fn csrf(request: Request<Body>, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD && !same_origin(&request) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        return Refusal(ErrorCode::CsrfRejected).into_response();
    }
    next.run(request).await
}

fn same_origin(request: &Request<Body>) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) == Some(host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

pub fn cookie(request: &Request<Body>, name: &str) -> Option<String> {
    request.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|header| {
        header.split(';').find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name && !value.is_empty()).then(|| value.to_owned())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request<Body> {
        let mut builder = Request::post("/api/masuk");
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(same_origin(&request(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&request(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&request(&[("sec-fetch-site", "same-site")])));
        assert!(same_origin(&request(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(!same_origin(&request(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")])));
        assert!(same_origin(&request(&[])));
    }

    #[test]
    fn reads_the_named_cookie() {
        let r = request(&[("cookie", "a=1; sipupns_sesi=abc; b=2")]);
        assert_eq!(cookie(&r, "sipupns_sesi").as_deref(), Some("abc"));
        assert_eq!(cookie(&r, "x"), None);
    }
}
