//! Server side of authorisation: the state shared with server functions, and the one
//! guard they all call. Deny by default: no session, no capability, no data.

pub use access::{status_of, CurrentUser, RequestAuth};
use domain::{Capability, ErrorCode};
use leptos::prelude::*;

use crate::error::AppError;

/// Everything a server function may need; provided as context for every request.
#[derive(Clone)]
pub struct AppState {
    pub identity: identity::Identity,
    pub personnel: personnel::Personnel,
    pub reference: reference::Reference,
    pub verification: verification::Verification,
    pub helpdesk: helpdesk::Helpdesk,
    /// For a flow across services that must be one transaction (moving a unit): each
    /// service writes its own tables on the connection it is handed.
    pub pool: sqlx::PgPool,
    /// This instance's fan-out of help-desk events to its live streams.
    pub hds_siaran: helpdesk::Siaran,
    /// Mark cookies `Secure` (set when served over TLS).
    pub secure_cookies: bool,
    /// The site's public address, for links in emails.
    pub public_url: String,
}

pub const SESSION_COOKIE: &str = "sipupns_sesi";

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError(ErrorCode::Internal)
    })
}

pub fn request_auth() -> RequestAuth {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestAuth>().cloned())
        .unwrap_or_default()
}

/// Refuses with the right status: 401 without a (live) session, 403 without the capability.
pub fn refuse(code: ErrorCode) -> AppError {
    // While a page renders, "not signed in" becomes a redirect to /masuk (ErrorView), which
    // a 401 status would override.
    let rendering_page = use_context::<http::request::Parts>().is_some_and(|p| !p.uri.path().starts_with("/api/"));
    if rendering_page && matches!(code, ErrorCode::NotSignedIn | ErrorCode::SessionExpired) {
        return AppError(code);
    }
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status_of(code));
    }
    AppError(code)
}

/// The signed-in user, whatever their role.
pub fn signed_in() -> Result<(CurrentUser, RequestAuth), AppError> {
    let auth = request_auth();
    let user = auth.user().map_err(refuse)?.clone();
    Ok((user, auth))
}

/// The guard: the active role must hold `capability`.
pub fn require(capability: Capability) -> Result<(CurrentUser, RequestAuth), AppError> {
    let (user, auth) = signed_in()?;
    if user.active.role.can(capability) {
        Ok((user, auth))
    } else {
        Err(refuse(ErrorCode::Forbidden))
    }
}

/// Logs an internal failure and answers only `Internal`.
pub fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "internal error in a server function");
    refuse(ErrorCode::Internal)
}
