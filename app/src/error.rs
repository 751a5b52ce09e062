//! The error every server function returns: an `ErrorCode` (the translation key), never
//! internal detail. Transport failures become `BadRequest`/`Internal` codes too.

use domain::ErrorCode;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppError(pub ErrorCode);

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let code = match value {
            // The request could not be read (malformed or missing fields): the caller's fault.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) | ServerFnErrorErr::MissingArg(_) => {
                ErrorCode::BadRequest
            }
            // The request never got an answer (no network, connection dropped): the offline
            // queue tells this from a refusal and sends again later.
            ServerFnErrorErr::Request(_) => ErrorCode::Offline,
            _ => ErrorCode::Internal,
        };
        // On the server this runs inside the request, before the function body: set the
        // status here too, or a malformed request would be answered with a 500.
        #[cfg(feature = "ssr")]
        return crate::auth::refuse(code);
        #[cfg(not(feature = "ssr"))]
        AppError(code)
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError(code)
    }
}

/// Services' errors become the server function's answer with `?`: refusals keep their code
/// (and set the status), internal failures are logged and answered `Internal`.
#[cfg(feature = "ssr")]
mod from_services {
    use super::AppError;
    use crate::auth::{internal, refuse};

    impl From<access::ServiceError> for AppError {
        fn from(error: access::ServiceError) -> Self {
            match error {
                access::ServiceError::Refused(code) => refuse(code),
                other => internal(other),
            }
        }
    }

    impl From<personnel::UsulanError> for AppError {
        fn from(error: personnel::UsulanError) -> Self {
            access::ServiceError::from(error).into()
        }
    }

    impl From<sqlx::Error> for AppError {
        fn from(error: sqlx::Error) -> Self {
            access::ServiceError::from(error).into()
        }
    }

    /// Plain axum routes in `app` answer like every other route: the status and the code as JSON.
    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            access::Refusal(self.0).into_response()
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for AppError {}

pub type AppResult<T> = Result<T, AppError>;
