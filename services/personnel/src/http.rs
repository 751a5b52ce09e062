//! What personnel serves over plain HTTP (the server merges this router): supporting
//! documents, whose file is the request body rather than a server-function argument.
//! Upload and removal: the PNS who owns the proposal, while it can be edited; both are
//! audited. Download: that PNS, and verifiers whose scope covers the PNS; each staff read is
//! audited, and so is every refused look at someone else's document.
//!
//! - `POST /api/pns/dokumen?bagian=<slug>&entri=<entry id>&nama=<file name>`, body: the file
//! - `GET /api/pns/dokumen/{id}`
//! - `DELETE /api/pns/dokumen/{id}`

use access::{audit, RequestAuth, ServiceError};
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::form::{dokumen, Bagian, Dokumen};
use domain::{ErrorCode, Role};

use crate::store::Personnel;

/// The file is the body: room for the largest document and no more.
const BODY_LIMIT: usize = dokumen::MAX_BYTES + 1024;

pub fn router<S: Clone + Send + Sync + 'static>(personnel: Personnel) -> Router<S> {
    Router::new()
        .route("/api/pns/dokumen", post(upload).layer(DefaultBodyLimit::max(BODY_LIMIT)))
        .route("/api/pns/dokumen/{id}", get(download).delete(remove))
        .with_state(personnel)
}

#[derive(serde::Deserialize)]
struct UploadQuery {
    bagian: String,
    entri: Option<String>,
    nama: String,
}

/// The body is read last: who asks and how much they declare are settled first, so a
/// caller who may not upload (or declares too much) cannot make the server take it in.
async fn upload(
    State(personnel): State<Personnel>,
    auth: RequestAuth,
    query: Result<Query<UploadQuery>, QueryRejection>,
    request: Request,
) -> Result<Json<Dokumen>, ServiceError> {
    let user = auth.user()?;
    let nip = user.own_nip()?;
    if declared_length(request.headers()).is_some_and(|length| length > BODY_LIMIT as u64) {
        return Err(ErrorCode::DocumentTooLarge.into());
    }
    let Query(q) = query.map_err(|_| ErrorCode::BadRequest)?;
    let bagian = Bagian::from_slug(&q.bagian).ok_or(ErrorCode::BadRequest)?;
    // Without a declared length (chunked), the body limit stops the read at the limit.
    let body = Bytes::from_request(request, &()).await.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::DocumentTooLarge,
        _ => ErrorCode::BadRequest,
    })?;
    let entri = q.entri.as_deref().filter(|e| !e.is_empty());
    let dokumen = personnel.upload_document(nip, bagian, entri, &q.nama, &body).await?;
    audit::document_uploaded(&personnel.pool, user, nip, &auth.ip, &describe(&dokumen)).await?;
    Ok(Json(dokumen))
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// How the audit log names a document.
fn describe(dokumen: &Dokumen) -> String {
    format!("dokumen {} {} ({})", dokumen.id, dokumen.nama_file, dokumen.bagian.slug())
}

async fn remove(
    State(personnel): State<Personnel>,
    auth: RequestAuth,
    Path(id): Path<String>,
) -> Result<StatusCode, ServiceError> {
    let user = auth.user()?;
    let nip = user.own_nip()?;
    let Some((owner, dokumen, _)) = personnel.document(&id).await? else {
        return Err(ErrorCode::NotFound.into());
    };
    if owner != nip {
        audit::access_refused(&personnel.pool, user, &owner, &auth.ip, &format!("hapus {}", describe(&dokumen)))
            .await?;
        return Err(ErrorCode::NotFound.into());
    }
    personnel.remove_document(nip, &id).await?;
    audit::document_removed(&personnel.pool, user, nip, &auth.ip, &describe(&dokumen)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn download(
    State(personnel): State<Personnel>,
    auth: RequestAuth,
    Path(id): Path<String>,
) -> Result<Response, ServiceError> {
    let user = auth.user()?;
    let (owner, dokumen, path) = personnel.document(&id).await?.ok_or(ErrorCode::NotFound)?;
    if user.own_nip().ok() != Some(owner.as_str()) {
        let covered = match user.active.cakupan_verifikasi() {
            Some(cakupan) => personnel.lokasi(&owner).await?.is_some_and(|lokasi| cakupan.covers(&lokasi)),
            None => false,
        };
        if !covered {
            audit::access_refused(&personnel.pool, user, &owner, &auth.ip, &describe(&dokumen)).await?;
            // Another PNS learns nothing, not even that the document exists.
            let code = if user.active.role == Role::Pns { ErrorCode::NotFound } else { ErrorCode::Forbidden };
            return Err(code.into());
        }
        let what = format!("dokumen {} ({})", dokumen.nama_file, dokumen.bagian.slug());
        audit::personal_data_read(&personnel.pool, user, &owner, &auth.ip, &what).await?;
    }
    let bytes =
        tokio::fs::read(&path).await.map_err(|error| ServiceError::internal(format!("{}: {error}", path.display())))?;
    Ok(access::unduhan::download(&dokumen.nama_file, dokumen.jenis, bytes))
}
