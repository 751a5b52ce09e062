//! GET /daftar/slip: the registration slip PDF (laid out by identity through the documents
//! crate).

use axum::extract::{Query, State};
use axum::http::header;
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
        // A wrong number or code: not found, whichever was wrong.
        Err(IdentityError::Refused(_)) => access::Refusal(domain::ErrorCode::NotFound).into_response(),
        Err(error) => error.into_response(),
    }
}
