use domain::ErrorCode;

/// A refusal the user should see (with its code), or an internal failure that is logged
/// and shown only as `ErrorCode::Internal`.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("{0}")]
    Refused(ErrorCode),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<ErrorCode> for IdentityError {
    fn from(code: ErrorCode) -> Self {
        IdentityError::Refused(code)
    }
}

pub type Result<T> = std::result::Result<T, IdentityError>;
