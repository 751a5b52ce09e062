//! PNS self-registration and password reset: public server functions, rate-limited in the
//! identity service.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NipLookupView {
    pub nip: String,
    pub masked_name: String,
    pub instansi: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisteredView {
    pub nomor_pendaftaran: String,
    pub slip_url: String,
    pub active: bool,
}

#[server(endpoint = "daftar/cari-nip")]
pub async fn lookup_nip(nip: String) -> Result<NipLookupView, AppError> {
    use crate::auth::{request_auth, state};
    let found = state()?.identity.lookup_nip(&nip, &request_auth().ip).await?;
    Ok(NipLookupView { nip: found.nip, masked_name: found.masked_name, instansi: found.instansi })
}

/// Knowledge check; on success the one-time code goes to `email`. Returns the registration id.
#[server(endpoint = "daftar/cek-data")]
pub async fn check_data(
    nip: String,
    nik: String,
    tanggal_lahir: String,
    tmt_cpns: String,
    sk_cpns: String,
    email: String,
) -> Result<Uuid, AppError> {
    use crate::auth::{request_auth, state};
    let answers = identity::KnowledgeCheck {
        nip: &nip,
        nik: &nik,
        tanggal_lahir: &tanggal_lahir,
        tmt_cpns: &tmt_cpns,
        sk_cpns: &sk_cpns,
        email: &email,
    };
    Ok(state()?.identity.start_registration(answers, &request_auth().ip).await?)
}

#[server(endpoint = "daftar/selesai")]
pub async fn finish_registration(
    registration_id: Uuid,
    code: String,
    password: String,
    confirmation: String,
) -> Result<RegisteredView, AppError> {
    use crate::auth::{request_auth, state};
    let done = state()?
        .identity
        .finish_registration(registration_id, &code, &password, &confirmation, &request_auth().ip)
        .await?;
    Ok(RegisteredView {
        slip_url: format!("/daftar/slip?nomor={}&kode={}", done.nomor_pendaftaran, done.kode_verifikasi),
        nomor_pendaftaran: done.nomor_pendaftaran,
        active: done.active,
    })
}

#[server(endpoint = "sandi/minta")]
pub async fn request_reset(identifier: String) -> Result<(), AppError> {
    use crate::auth::{request_auth, state};
    let state = state()?;
    Ok(state.identity.request_password_reset(&identifier, &state.public_url, &request_auth().ip).await?)
}

#[server(endpoint = "sandi/atur")]
pub async fn reset_password(token: String, password: String, confirmation: String) -> Result<(), AppError> {
    use crate::auth::{request_auth, state};
    Ok(state()?.identity.reset_password(&token, &password, &confirmation, &request_auth().ip).await?)
}
