//! What personnel serves over plain HTTP (the server merges this router): supporting
//! documents, whose file is the request body rather than a server-function argument.
//! Upload and removal: the PNS who owns the proposal, while it can be edited. Download: that
//! PNS, and verifiers whose scope covers the PNS; each staff read is audited.
//!
//! - `POST /api/pns/dokumen?bagian=<slug>&entri=<entry id>&nama=<file name>`, body: the file
//! - `GET /api/pns/dokumen/{id}`
//! - `DELETE /api/pns/dokumen/{id}`

use access::{audit, CurrentUser, RequestAuth, ServiceError};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::form::{dokumen, Bagian, Dokumen};
use domain::{ErrorCode, Role};

use crate::store::Personnel;

pub fn router<S: Clone + Send + Sync + 'static>(personnel: Personnel) -> Router<S> {
    Router::new()
        .route(
            "/api/pns/dokumen",
            // The file is the body: room for the largest document and no more.
            post(upload).layer(DefaultBodyLimit::max(dokumen::MAX_BYTES + 1024)),
        )
        .route("/api/pns/dokumen/{id}", get(download).delete(remove))
        .with_state(personnel)
}

#[derive(serde::Deserialize)]
struct UploadQuery {
    bagian: String,
    entri: Option<String>,
    nama: String,
}

async fn upload(
    State(personnel): State<Personnel>,
    user: CurrentUser,
    query: Result<Query<UploadQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Dokumen>, ServiceError> {
    let nip = user.own_nip()?;
    let Query(q) = query.map_err(|_| ErrorCode::BadRequest)?;
    let bagian = Bagian::from_slug(&q.bagian).ok_or(ErrorCode::BadRequest)?;
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::DocumentTooLarge,
        _ => ErrorCode::BadRequest,
    })?;
    let entri = q.entri.as_deref().filter(|e| !e.is_empty());
    Ok(Json(personnel.upload_document(nip, bagian, entri, &q.nama, &body).await?))
}

async fn remove(
    State(personnel): State<Personnel>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ServiceError> {
    personnel.remove_document(user.own_nip()?, &id).await?;
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
            // Another PNS learns nothing, not even that the document exists.
            let code = if user.active.role == Role::Pns { ErrorCode::NotFound } else { ErrorCode::Forbidden };
            return Err(code.into());
        }
        let what = format!("dokumen {} ({})", dokumen.nama_file, dokumen.bagian.slug());
        audit::personal_data_read(&personnel.pool, user, &owner, &auth.ip, &what).await?;
    }
    let bytes =
        tokio::fs::read(&path).await.map_err(|error| ServiceError::internal(format!("{}: {error}", path.display())))?;
    let disposition = format!("attachment; filename=\"{}\"", dokumen.nama_file.replace(|c: char| !c.is_ascii(), "_"));
    Ok((
        [
            (header::CONTENT_TYPE, dokumen.jenis),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
