//! What an instansi's PUPNS admin changes (#13): the instansi's settings. The instansi is
//! always the admin's own (their grant's scope): no argument names it, so no admin can reach
//! another instansi's settings.

use domain::pengaturan::PengaturanInstansi;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The settings page: whose instansi, and its settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PengaturanView {
    pub instansi: String,
    pub pengaturan: PengaturanInstansi,
}

/// The admin's grant's instansi, or refused.
#[cfg(feature = "ssr")]
fn own_instansi(user: &access::CurrentUser) -> Result<uuid::Uuid, AppError> {
    user.active.instansi_id.ok_or_else(|| crate::auth::refuse(domain::ErrorCode::Forbidden))
}

#[server(endpoint = "admin/pengaturan", input = server_fn::codec::Json)]
pub async fn instansi_settings() -> Result<PengaturanView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = own_instansi(&user)?;
    let instansi = state.reference.names(&[instansi_id]).await?.remove(&instansi_id).unwrap_or_default();
    Ok(PengaturanView { instansi, pengaturan: state.reference.settings(instansi_id).await? })
}

/// Saves the settings; returns them as stored.
#[server(endpoint = "admin/pengaturan/simpan", input = server_fn::codec::Json)]
pub async fn save_instansi_settings(pengaturan: PengaturanInstansi) -> Result<PengaturanInstansi, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    Ok(state()?.reference.save_settings(&user, instansi_id, &pengaturan, &auth.ip).await?)
}
