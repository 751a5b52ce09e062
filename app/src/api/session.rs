//! Signing in and out, the current session, and switching between one's roles.

use domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantView {
    pub id: Uuid,
    pub role: Role,
    /// Where the role applies, in words ("Dinas Pendidikan", "Kanreg I"); empty for national
    /// roles, which the page shows as "Nasional" in its language.
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub nama: String,
    /// NIP or username.
    pub login: String,
    pub active: GrantView,
    pub grants: Vec<GrantView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SessionState {
    Anonymous,
    /// The browser had a session that timed out: the page says so.
    Expired,
    SignedIn(SessionView),
}

/// Public: tells the page who is signed in (nothing personal beyond the user's own name).
#[server(endpoint = "sesi")]
pub async fn current_session() -> Result<SessionState, AppError> {
    use crate::auth::{request_auth, state};
    let auth = request_auth();
    let Some(user) = auth.user else {
        return Ok(if auth.expired { SessionState::Expired } else { SessionState::Anonymous });
    };
    let state = state()?;
    let mut grants = Vec::with_capacity(user.grants.len());
    for grant in &user.grants {
        grants.push(GrantView { id: grant.id, role: grant.role, scope: scope_label(&state, grant).await? });
    }
    let active = grants.iter().find(|g| g.id == user.active.id).cloned().unwrap_or_else(|| grants[0].clone());
    Ok(SessionState::SignedIn(SessionView {
        nama: user.nama,
        login: user.nip.or(user.username).unwrap_or_default(),
        active,
        grants,
    }))
}

/// The name of a grant's scope (unor or instansi, else Kanreg); empty for a national grant.
/// A failed look-up is an error: a scoped grant never reads as national.
#[cfg(feature = "ssr")]
pub(crate) async fn scope_label(
    state: &crate::auth::AppState,
    grant: &identity::Grant,
) -> Result<String, crate::error::AppError> {
    use crate::auth::internal;
    // Unor and instansi names come from the reference service's cache: this runs on every page.
    let ids: Vec<uuid::Uuid> = grant.unor_id.into_iter().chain(grant.instansi_id).collect();
    if !ids.is_empty() {
        let names = state.reference.names(&ids).await.map_err(internal)?;
        if let Some(name) = ids.iter().find_map(|id| names.get(id)) {
            return Ok(name.clone());
        }
    }
    if let Some(kanreg) = grant.kanreg_id {
        if let Some(kanreg) = state.reference.kanreg(kanreg).await.map_err(internal)? {
            return Ok(kanreg.nama);
        }
    }
    // Empty reads "Nasional": only for a grant without any scope, never for one whose scope
    // could not be named.
    if ids.is_empty() && grant.kanreg_id.is_none() {
        Ok(String::new())
    } else {
        Err(internal(format!("grant {} has a scope without a name", grant.id)))
    }
}

/// Public. On success sets a new session cookie and returns the home page of the first role.
#[server(endpoint = "masuk")]
pub async fn sign_in(identifier: String, password: String) -> Result<String, AppError> {
    use crate::auth::{request_auth, state};
    let state = state()?;
    let auth = request_auth();
    let user_agent = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::USER_AGENT)?.to_str().ok().map(str::to_owned))
        .unwrap_or_default();
    let signed_in = state.identity.sign_in(&identifier, &password, &auth.ip, &user_agent).await?;
    // A session the browser carried before is dropped: the id always changes at sign-in.
    if let Some(old) = auth.token {
        let _ = state.identity.sign_out(&old, None, &auth.ip).await;
    }
    set_session_cookie(&state, Some(&signed_in.token));
    Ok(signed_in.user.active.role.home_path().to_owned())
}

#[server(endpoint = "keluar")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::auth::{signed_in, state};
    let (user, auth) = signed_in()?;
    let state = state()?;
    if let Some(token) = &auth.token {
        state.identity.sign_out(token, Some(&user), &auth.ip).await?;
    }
    set_session_cookie(&state, None);
    Ok(())
}

/// Makes another of the user's roles active; returns its home page.
#[server(endpoint = "ganti-peran")]
pub async fn switch_role(grant_id: Uuid) -> Result<String, AppError> {
    use crate::auth::{signed_in, state};
    let (user, auth) = signed_in()?;
    let state = state()?;
    let token = auth.token.unwrap_or_default();
    state.identity.switch_role(&token, &user, grant_id, &auth.ip).await?;
    let role = user.grants.iter().find(|g| g.id == grant_id).map(|g| g.role).unwrap_or(user.active.role);
    Ok(role.home_path().to_owned())
}

#[cfg(feature = "ssr")]
fn set_session_cookie(state: &crate::auth::AppState, token: Option<&str>) {
    use crate::auth::SESSION_COOKIE;
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = match token {
        Some(token) => format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response.append_header(http::header::SET_COOKIE, value);
        }
    }
}
