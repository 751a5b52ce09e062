//! Access: what every service and route needs to decide who may do what, kept apart from
//! `app/` so that services can serve plain HTTP routes of their own.
//!
//! - [`ServiceError`]: the one error shape services return: a refusal with its
//!   [`ErrorCode`](domain::ErrorCode) or an internal failure (logged, shown as `Internal`),
//!   answered over HTTP as `status + JSON code` by [`IntoResponse`](axum::response::IntoResponse).
//! - [`CurrentUser`], [`Grant`], [`Cakupan`]: the signed-in user, their role grants, and the
//!   one scope rule "does this grant cover this PNS".
//! - [`RequestAuth`]: what the session middleware found; [`CurrentUser`] is also an axum
//!   extractor that refuses requests without a live session.
//! - [`audit`]: the audit log (sign-ins, approvals, every read of personal data).
//! - [`token`]: random tokens and one-time codes, stored only as their SHA-256.

pub mod audit;
mod error;
mod scope;
pub mod token;
pub mod unduhan;
mod user;

pub use error::{status_of, Refusal, Result, ServiceError};
pub use scope::{Cakupan, Lokasi};
pub use user::{CurrentUser, Grant, RequestAuth, Scope};
