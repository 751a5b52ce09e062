//! Supporting documents over plain HTTP (the file is the request body, not a server-function
//! argument). Upload and removal: the PNS who owns the proposal, while it can be edited.
//! Download: that PNS, and verifiers whose scope covers the PNS; each staff read is audited.
//!
//! - `POST /api/pns/dokumen?bagian=<slug>&entri=<entry id>&nama=<file name>`, body: the file
//! - `GET /api/pns/dokumen/{id}`
//! - `DELETE /api/pns/dokumen/{id}`

use app::auth::{status_of, user_of, AppState, RequestAuth};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::form::Bagian;
use domain::{ErrorCode, Role};
use identity::CurrentUser;
use personnel::UsulanError;

#[derive(serde::Deserialize)]
pub struct UploadQuery {
    bagian: String,
    entri: Option<String>,
    nama: String,
}

fn refuse(code: ErrorCode) -> Response {
    (status_of(code), Json(code)).into_response()
}

fn internal(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "document request failed");
    refuse(ErrorCode::Internal)
}

fn usulan_error(error: UsulanError) -> Response {
    error.into_code().map_or_else(internal, refuse)
}

/// The signed-in PNS's own NIP (PNS role active), or the refusal.
fn own_nip(auth: &RequestAuth) -> Result<String, ErrorCode> {
    let user = user_of(auth)?;
    match (&user.nip, user.active.role) {
        (Some(nip), Role::Pns) => Ok(nip.clone()),
        _ => Err(ErrorCode::Forbidden),
    }
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> Response {
    let nip = match own_nip(&auth) {
        Ok(nip) => nip,
        Err(code) => return refuse(code),
    };
    let Some(bagian) = Bagian::from_slug(&q.bagian) else { return refuse(ErrorCode::BadRequest) };
    let entri = q.entri.as_deref().filter(|e| !e.is_empty());
    match state.personnel.upload_document(&nip, bagian, entri, &q.nama, &body).await {
        Ok(dokumen) => Json(dokumen).into_response(),
        Err(error) => usulan_error(error),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    Path(id): Path<String>,
) -> Response {
    let nip = match own_nip(&auth) {
        Ok(nip) => nip,
        Err(code) => return refuse(code),
    };
    match state.personnel.remove_document(&nip, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => usulan_error(error),
    }
}

pub async fn download(
    State(state): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    Path(id): Path<String>,
) -> Response {
    let user = match user_of(&auth) {
        Ok(user) => user,
        Err(code) => return refuse(code),
    };
    let (owner, dokumen, path) = match state.personnel.document(&id).await {
        Ok(Some(found)) => found,
        Ok(None) => return refuse(ErrorCode::NotFound),
        Err(error) => return internal(error),
    };
    let own = user.active.role == Role::Pns && user.nip.as_deref() == Some(owner.as_str());
    if !own {
        match verifier_covers(&state, user, &owner).await {
            // Another PNS learns nothing, not even that the document exists.
            Ok(false) if user.active.role == Role::Pns => return refuse(ErrorCode::NotFound),
            Ok(false) => return refuse(ErrorCode::Forbidden),
            Ok(true) => {
                let what = format!("dokumen {} ({})", dokumen.nama_file, dokumen.bagian.slug());
                if let Err(error) = state.identity.audit_personal_data_read(user, &owner, &auth.ip, &what).await {
                    return internal(error);
                }
            }
            Err(error) => return internal(error),
        }
    }
    let bytes = match tokio::fs::read(&path).await {
        Ok(bytes) => bytes,
        Err(error) => return internal(format!("{}: {error}", path.display())),
    };
    let disposition = format!("attachment; filename=\"{}\"", dokumen.nama_file.replace(|c: char| !c.is_ascii(), "_"));
    (
        [
            (header::CONTENT_TYPE, dokumen.jenis),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Whether the active grant is a verifier's whose scope covers the PNS: L1 the unit subtree,
/// L2 the instansi, L3 the Kanreg region, L4 everyone.
async fn verifier_covers(state: &AppState, user: &CurrentUser, nip: &str) -> sqlx::Result<bool> {
    let grant = &user.active;
    if !matches!(grant.role, Role::VerifikatorL1 | Role::VerifikatorL2 | Role::VerifikatorL3 | Role::VerifikatorL4) {
        return Ok(false);
    }
    let Some(pns) = state.personnel.master(nip).await? else { return Ok(false) };
    Ok(match grant.role {
        Role::VerifikatorL4 => true,
        Role::VerifikatorL3 => {
            let instansi = state.reference.instansi(pns.instansi_id).await?;
            grant.kanreg_id.is_some() && instansi.is_some_and(|i| Some(i.kanreg_id) == grant.kanreg_id)
        }
        Role::VerifikatorL2 => grant.instansi_id == Some(pns.instansi_id),
        _ => {
            let unit = state.reference.unor(pns.unor_id).await?;
            grant.instansi_id == Some(pns.instansi_id)
                && match &grant.unor_path {
                    Some(path) => unit.is_some_and(|u| u.path.starts_with(path.as_str())),
                    None => true,
                }
        }
    })
}
