//! What identity serves over plain HTTP (the server merges this router).
//!
//! - `GET /daftar/slip?nomor=<registration number>&kode=<verification code>`: the
//!   registration slip PDF, for whoever holds both (the registrant); a wrong number or code
//!   answers 404 either way.

use access::ServiceError;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use domain::ErrorCode;

use crate::Identity;

pub fn router<S: Clone + Send + Sync + 'static>(identity: Identity) -> Router<S> {
    Router::new().route("/daftar/slip", get(slip)).with_state(identity)
}

#[derive(serde::Deserialize)]
struct SlipQuery {
    nomor: String,
    kode: String,
}

async fn slip(
    State(identity): State<Identity>,
    query: Result<Query<SlipQuery>, QueryRejection>,
) -> Result<Response, ServiceError> {
    let Query(q) = query.map_err(|_| ErrorCode::NotFound)?;
    let slip = identity.registration_slip_pdf(&q.nomor, &q.kode).await.map_err(|error| match error {
        ServiceError::Refused(_) => ServiceError::Refused(ErrorCode::NotFound),
        other => other,
    })?;
    let disposition = format!("inline; filename=\"{}\"", slip.file_name);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], slip.pdf)
        .into_response())
}
