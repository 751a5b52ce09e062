//! Identity answers with the one error shape every service uses: a refusal with its code,
//! or an internal failure (logged, shown only as `Internal`).

pub use access::{Result, ServiceError as IdentityError};
