//! Who is behind a request: the account, its role grants, and the grant in use.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::{ErrorCode, Role};
use uuid::Uuid;

use crate::error::ServiceError;

/// A role plus the scope it applies to. One account may hold several.
#[derive(Debug, Clone, PartialEq)]
pub struct Grant {
    pub id: Uuid,
    pub role: Role,
    pub instansi_id: Option<Uuid>,
    /// Verifier L1: the root of its unor subtree, and that unit's materialised path.
    pub unor_id: Option<Uuid>,
    pub unor_path: Option<String>,
    pub kanreg_id: Option<i16>,
    pub hds_kategori: Vec<String>,
    /// The office (reference's `kantor`) an L3/L4 verifier or HDS officer works for.
    pub kantor_id: Option<i16>,
}

/// The scope part of a new grant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub instansi_id: Option<Uuid>,
    pub unor_id: Option<Uuid>,
    pub unor_path: Option<String>,
    pub kanreg_id: Option<i16>,
    pub hds_kategori: Vec<String>,
    pub kantor_id: Option<i16>,
}

/// Who is behind a request, as every authorisation check sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentUser {
    pub account_id: Uuid,
    pub nama: String,
    pub nip: Option<String>,
    pub username: Option<String>,
    pub active: Grant,
    pub grants: Vec<Grant>,
}

impl CurrentUser {
    /// The own NIP of a PNS acting as a PNS; other roles are refused.
    pub fn own_nip(&self) -> Result<&str, ErrorCode> {
        match (&self.nip, self.active.role) {
            (Some(nip), Role::Pns) => Ok(nip),
            _ => Err(ErrorCode::Forbidden),
        }
    }
}

/// What the session middleware found, put into the request's extensions.
#[derive(Clone, Debug, Default)]
pub struct RequestAuth {
    pub token: Option<String>,
    pub user: Option<CurrentUser>,
    pub expired: bool,
    pub ip: String,
}

impl RequestAuth {
    /// The user behind the request, or why there is none (no session, or an expired one).
    pub fn user(&self) -> Result<&CurrentUser, ErrorCode> {
        match &self.user {
            Some(user) => Ok(user),
            None if self.expired => Err(ErrorCode::SessionExpired),
            None => Err(ErrorCode::NotSignedIn),
        }
    }
}

/// A plain route that takes `RequestAuth` runs behind the session middleware; without it,
/// nobody is signed in (deny by default).
impl<S: Send + Sync> FromRequestParts<S> for RequestAuth {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<RequestAuth>().cloned().unwrap_or_default())
    }
}

/// A route that takes `CurrentUser` answers 401 (with the code) to a request without a live session.
impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = RequestAuth::from_request_parts(parts, state).await.unwrap_or_default();
        Ok(auth.user()?.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, nip: Option<&str>) -> CurrentUser {
        let grant = Grant {
            id: Uuid::nil(),
            role,
            instansi_id: None,
            unor_id: None,
            unor_path: None,
            kanreg_id: None,
            hds_kategori: vec![],
            kantor_id: None,
        };
        CurrentUser {
            account_id: Uuid::nil(),
            nama: "x".into(),
            nip: nip.map(str::to_owned),
            username: None,
            active: grant.clone(),
            grants: vec![grant],
        }
    }

    #[test]
    fn a_missing_or_expired_session_is_refused_with_its_reason() {
        assert_eq!(RequestAuth::default().user(), Err(ErrorCode::NotSignedIn));
        assert_eq!(RequestAuth { expired: true, ..Default::default() }.user(), Err(ErrorCode::SessionExpired));
    }

    #[test]
    fn only_a_pns_acting_as_pns_has_an_own_nip() {
        assert_eq!(user(Role::Pns, Some("199407232020012001")).own_nip(), Ok("199407232020012001"));
        assert_eq!(user(Role::VerifikatorL1, Some("199407232020012001")).own_nip(), Err(ErrorCode::Forbidden));
        assert_eq!(user(Role::Pns, None).own_nip(), Err(ErrorCode::Forbidden));
    }
}
