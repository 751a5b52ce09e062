//! One error path: services return [`ServiceError`]; routes answer it with the status that
//! fits the code and the code as a JSON string (the same body as server functions).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A refusal the user should see, with the code the UI translates.
    #[error("refused: {0}")]
    Refused(ErrorCode),
    /// The database failed: logged, shown only as `Internal`.
    #[error("database: {0}")]
    Database(sqlx::Error),
    /// Anything else that failed inside (files, mail): logged, shown only as `Internal`.
    #[error("internal: {0}")]
    Internal(String),
}

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

impl ServiceError {
    pub fn internal(error: impl std::fmt::Display) -> Self {
        ServiceError::Internal(error.to_string())
    }

    /// The code a caller is answered with; internal failures are logged here, once.
    pub fn code(&self) -> ErrorCode {
        match self {
            ServiceError::Refused(code) => *code,
            ServiceError::Database(_) | ServiceError::Internal(_) => {
                tracing::error!(error = %self, "internal error");
                ErrorCode::Internal
            }
        }
    }
}

impl From<ErrorCode> for ServiceError {
    fn from(code: ErrorCode) -> Self {
        ServiceError::Refused(code)
    }
}

/// A unique constraint that a concurrent request can hit even after a check: the field's
/// own code, never a 500. Each service lists its constraints here (names from the migrations).
const UNIQUE_CONSTRAINTS: &[(&str, ErrorCode)] = &[
    ("account_nip_key", ErrorCode::NipAlreadyRegistered),
    ("account_username_key", ErrorCode::UsernameTaken),
    ("account_email_staf_key", ErrorCode::EmailTaken),
    ("hds_templat_judul_key", ErrorCode::TemplateTitleTaken),
    ("kode_referensi_pkey", ErrorCode::CodeTaken),
    ("kode_referensi_nama_key", ErrorCode::EntryNameTaken),
    ("fasilitas_nama_key", ErrorCode::FacilityExists),
];

impl From<sqlx::Error> for ServiceError {
    fn from(error: sqlx::Error) -> Self {
        if let Some(db) = error.as_database_error() {
            if db.is_unique_violation() {
                let constraint = db.constraint().unwrap_or_default();
                if let Some((_, code)) = UNIQUE_CONSTRAINTS.iter().find(|(name, _)| *name == constraint) {
                    return ServiceError::Refused(*code);
                }
            }
        }
        ServiceError::Database(error)
    }
}

/// The HTTP status a refusal is answered with (server functions and plain routes alike).
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::NotSignedIn | ErrorCode::SessionExpired => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden | ErrorCode::CsrfRejected | ErrorCode::RoleNotHeld | ErrorCode::RoleNotGrantable => {
            StatusCode::FORBIDDEN
        }
        // A ticket link never mailed, or expired, opens nothing.
        ErrorCode::NotFound | ErrorCode::GuestLinkInvalid | ErrorCode::PnsNotInInstansi => StatusCode::NOT_FOUND,
        ErrorCode::TooManyRequests | ErrorCode::TicketTooMany | ErrorCode::GuestTooMany => {
            StatusCode::TOO_MANY_REQUESTS
        }
        // Someone else's work got there first: the client reloads rather than fixes its input.
        ErrorCode::AlreadyDecided
        | ErrorCode::ClaimedByOther
        | ErrorCode::CheckoutReleased
        | ErrorCode::TicketNewerMessage => StatusCode::CONFLICT,
        ErrorCode::DocumentTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        // The same idempotency key with another body: the request itself is wrong.
        ErrorCode::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

/// A refusal as an HTTP answer: the status and the code as a JSON string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal(pub ErrorCode);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (status_of(self.0), Json(self.0)).into_response()
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        Refusal(self.code()).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refusals_answer_their_status_and_the_code_as_json() {
        let response = ServiceError::Refused(ErrorCode::Forbidden).into_response();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"\"Forbidden\"");
    }

    #[tokio::test]
    async fn internal_failures_show_no_detail() {
        let response = ServiceError::internal("disk on fire at /secret/path").into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"\"Internal\"");
    }

    #[test]
    fn every_listed_constraint_maps_to_a_field_code() {
        for (name, code) in UNIQUE_CONSTRAINTS {
            // Unique keys (`_key`) and primary keys (`_pkey`, a code a list already has).
            assert!(name.ends_with("_key") || name.ends_with("_pkey"), "{name}");
            assert_ne!(status_of(*code), StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
}
