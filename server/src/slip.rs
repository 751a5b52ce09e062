//! GET /daftar/slip: the registration slip PDF (laid out by identity through the documents
//! crate).

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use identity::IdentityError;

use app::auth::AppState;

#[derive(serde::Deserialize)]
pub struct SlipQuery {
    nomor: String,
    kode: String,
}

/// GET /daftar/slip?nomor=..&kode=..: whoever holds both (the registrant) gets the slip.
pub async fn download(State(state): State<AppState>, Query(q): Query<SlipQuery>) -> Response {
    match state.identity.registration_slip_pdf(&q.nomor, &q.kode).await {
        Ok(slip) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"{}\"", slip.file_name)),
            ],
            slip.pdf,
        )
            .into_response(),
        Err(IdentityError::Refused(_)) => {
            (StatusCode::NOT_FOUND, "Slip tidak ditemukan / slip not found").into_response()
        }
        Err(IdentityError::Database(error)) => {
            tracing::error!(%error, "reading the registration slip");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
