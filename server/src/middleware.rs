//! Request middleware: resolve the session cookie, and refuse cross-site state changes.

use access::{Refusal, RequestAuth};
use app::auth::{AppState, SESSION_COOKIE};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Method, Request, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::ErrorCode;
use identity::SessionLookup;

use crate::client_addr::ClientAddr;

pub async fn session(State(state): State<AppState>, mut request: Request<Body>, next: Next) -> Response {
    // What `client_addr::layer` decided: the socket peer, or whom a trusted proxy forwarded for.
    let ip = request.extensions().get::<ClientAddr>().map(|ClientAddr(addr)| addr.to_string()).unwrap_or_default();
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

/// A web origin as browsers write it in `Origin`: scheme, host and port.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    /// `scheme://host[:port]` and nothing more (an `Origin` header never has a path); the
    /// port defaults by scheme, so `http://a` and `http://a:80` are one origin.
    fn parse(text: &str) -> Option<Origin> {
        let uri: Uri = text.parse().ok()?;
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        if !matches!(uri.path_and_query().map(|p| p.as_str()), None | Some("") | Some("/")) {
            return None;
        }
        let authority = uri.authority()?;
        if authority.as_str().contains('@') {
            return None;
        }
        let host = authority.host().to_ascii_lowercase();
        Some(Origin { scheme, host, port: authority.port_u16().unwrap_or(default_port) })
    }
}

/// What the cross-site check counts as this site.
#[derive(Clone, Debug)]
pub struct Site {
    https: bool,
    public: Option<Origin>,
}

impl Site {
    /// `public_url` (`--public-url`), when set, is the one origin the site is reached at;
    /// otherwise it is the request's `Host` with https when cookies are Secure (the site is
    /// served over HTTPS then), http otherwise.
    pub fn new(https: bool, public_url: Option<&str>) -> Site {
        let public = public_url.and_then(|url| {
            // The origin of the URL: its path (a site under /sipupns/, say) is no part of it.
            let origin = url
                .parse::<Uri>()
                .ok()
                .and_then(|uri| Origin::parse(&format!("{}://{}", uri.scheme_str()?, uri.authority()?.as_str())));
            if origin.is_none() {
                tracing::warn!(url, "--public-url is not an http(s) origin; the Host header is used instead");
            }
            origin
        });
        Site { https, public }
    }

    fn origin(&self, request: &Request<Body>) -> Option<Origin> {
        if let Some(public) = &self.public {
            return Some(public.clone());
        }
        // HTTP/2 names the host in the request's authority, not in a Host header.
        let host = match request.headers().get(header::HOST) {
            Some(host) => host.to_str().ok()?,
            None => request.uri().authority()?.as_str(),
        };
        Origin::parse(&format!("{}://{host}", if self.https { "https" } else { "http" }))
    }
}

/// Refuses a state-changing (non-GET/HEAD) request that a page of another site made the
/// browser send with the user's cookies:
/// - `Sec-Fetch-Site` other than `same-origin` or `none` (user-initiated). `same-site` is
///   refused too: another subdomain is not this site.
/// - `Origin` other than this site's (scheme, host and port), and `Origin: null` (sandboxed
///   frames, cross-site redirects), whatever `Sec-Fetch-Site` said.
///
/// A request with neither header is allowed: every browser the site supports sends `Origin`
/// on a POST (and `Sec-Fetch-Site` on every request), so such a request is not a browser's and
/// cannot carry a victim's cookies by accident (curl, the tests, monitoring).
pub async fn csrf(State(site): State<Site>, request: Request<Body>, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD && !same_origin(&site, &request) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        return Refusal(ErrorCode::CsrfRejected).into_response();
    }
    next.run(request).await
}

fn same_origin(site: &Site, request: &Request<Body>) -> bool {
    let headers = request.headers();
    if let Some(fetch_site) = headers.get("sec-fetch-site") {
        if !matches!(fetch_site.to_str(), Ok("same-origin" | "none")) {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        None => true,
        Some(origin) => {
            let theirs = origin.to_str().ok().and_then(Origin::parse);
            theirs.is_some() && theirs == site.origin(request)
        }
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

    fn allowed(site: &Site, headers: &[(&str, &str)]) -> bool {
        same_origin(site, &request(headers))
    }

    const HOST: (&str, &str) = ("host", "127.0.0.1:3000");

    #[test]
    fn cross_site_and_same_site_fetches_are_refused() {
        let site = Site::new(false, None);
        assert!(allowed(&site, &[("sec-fetch-site", "same-origin")]));
        assert!(allowed(&site, &[("sec-fetch-site", "none")]));
        assert!(!allowed(&site, &[("sec-fetch-site", "cross-site")]));
        assert!(!allowed(&site, &[("sec-fetch-site", "same-site")]));
        // Our own origin does not make a cross-site fetch ours.
        assert!(!allowed(&site, &[("sec-fetch-site", "cross-site"), ("origin", "http://127.0.0.1:3000"), HOST]));
    }

    #[test]
    fn only_our_scheme_host_and_port_are_our_origin() {
        let site = Site::new(false, None);
        assert!(allowed(&site, &[("origin", "http://127.0.0.1:3000"), HOST]));
        assert!(allowed(&site, &[("sec-fetch-site", "same-origin"), ("origin", "http://127.0.0.1:3000"), HOST]));
        for theirs in [
            "https://127.0.0.1:3000",
            "http://evil.example:3000",
            "http://127.0.0.1:3001",
            "http://127.0.0.1",
            "null",
            "http://127.0.0.1:3000.evil.example",
            "http://user@127.0.0.1:3000",
            "ftp://127.0.0.1:3000",
            "",
        ] {
            assert!(!allowed(&site, &[("origin", theirs), HOST]), "{theirs:?}");
            // Whatever Sec-Fetch-Site claims.
            assert!(!allowed(&site, &[("sec-fetch-site", "same-origin"), ("origin", theirs), HOST]), "{theirs:?}");
        }
        // No Host to compare with: not ours.
        assert!(!allowed(&site, &[("origin", "http://127.0.0.1:3000")]));
        // HTTP/2: the host is the request's authority.
        let mut h2 = Request::post("http://127.0.0.1:3000/api/masuk").body(Body::empty()).unwrap();
        h2.headers_mut().insert(header::ORIGIN, "http://127.0.0.1:3000".parse().unwrap());
        assert!(same_origin(&site, &h2));
        h2.headers_mut().insert(header::ORIGIN, "http://evil.example".parse().unwrap());
        assert!(!same_origin(&site, &h2));
        // Default ports and letter case are one origin.
        let host = ("host", "Sipupns.Example");
        assert!(allowed(&site, &[("origin", "http://sipupns.example:80"), host]));
    }

    #[test]
    fn over_https_our_origin_is_https() {
        let site = Site::new(true, None);
        assert!(allowed(&site, &[("origin", "https://127.0.0.1:3000"), HOST]));
        assert!(!allowed(&site, &[("origin", "http://127.0.0.1:3000"), HOST]));
    }

    #[test]
    fn the_public_url_names_our_origin() {
        let site = Site::new(false, Some("https://sipupns.example/sipupns/"));
        assert!(allowed(&site, &[("origin", "https://sipupns.example"), HOST]));
        assert!(allowed(&site, &[("origin", "https://sipupns.example:443"), HOST]));
        assert!(!allowed(&site, &[("origin", "http://127.0.0.1:3000"), HOST]));
        assert!(!allowed(&site, &[("origin", "http://sipupns.example"), HOST]));
    }

    #[test]
    fn requests_with_neither_header_are_not_a_browsers_and_pass() {
        assert!(allowed(&Site::new(false, None), &[]));
        assert!(allowed(&Site::new(true, Some("https://sipupns.example")), &[HOST]));
    }

    #[test]
    fn reads_the_named_cookie() {
        let r = request(&[("cookie", "a=1; sipupns_sesi=abc; b=2")]);
        assert_eq!(cookie(&r, "sipupns_sesi").as_deref(), Some("abc"));
        assert_eq!(cookie(&r, "x"), None);
    }
}
