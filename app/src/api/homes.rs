//! What each role's home page shows. Dashboards are filled by later issues; the guard
//! is already in place so a role never sees another role's page.

#[cfg(feature = "ssr")]
use domain::Capability;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaitingView {
    pub account_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub nomor_pendaftaran: String,
    pub tanggal: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifierHomeView {
    pub scope: String,
    /// Only L1/L2 approve registrations; None for L3/L4.
    pub waiting: Option<Vec<WaitingView>>,
    /// L2 and up oversee the offline checkouts in their scope.
    pub pengawas: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffHomeView {
    pub scope: String,
}

#[server(endpoint = "beranda/verifikasi")]
pub async fn verifier_home() -> Result<VerifierHomeView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(Capability::Verifikasi)?;
    let state = state()?;
    let scope = super::session::scope_label(&state, &user.active).await?;
    let waiting = if user.active.role.can(Capability::ApproveRegistration) {
        Some(waiting_views(&state, &user.active).await?)
    } else {
        None
    };
    let pengawas = user.active.role.tingkat().is_some_and(|t| t >= 2);
    Ok(VerifierHomeView { scope, waiting, pengawas })
}

#[cfg(feature = "ssr")]
async fn waiting_views(state: &crate::auth::AppState, grant: &access::Grant) -> Result<Vec<WaitingView>, AppError> {
    let rows = state.identity.waiting_registrations(grant).await?;
    Ok(rows
        .into_iter()
        .map(|r| WaitingView {
            account_id: r.account_id,
            nip: r.nip,
            nama: r.nama,
            nomor_pendaftaran: r.nomor_pendaftaran,
            tanggal: r.created_at.date().to_string(),
        })
        .collect())
}

/// The registrations waiting in the caller's scope (the instansi admin's home lists them; a
/// verifier's comes with `verifier_home`).
#[server(endpoint = "pendaftaran/menunggu")]
pub async fn waiting_registrations() -> Result<Vec<WaitingView>, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(Capability::ApproveRegistration)?;
    waiting_views(&state()?, &user.active).await
}

/// Rejects a waiting registration; the applicant gets the reason by mail.
#[server(endpoint = "verifikasi/tolak-pendaftaran")]
pub async fn reject_registration(account_id: Uuid, alasan: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(Capability::ApproveRegistration)?;
    Ok(state()?.identity.reject_registration(&user, account_id, &alasan, &auth.ip).await?)
}

#[server(endpoint = "verifikasi/setujui-pendaftaran")]
pub async fn approve_registration(account_id: Uuid) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(Capability::ApproveRegistration)?;
    Ok(state()?.identity.approve_registration(&user, account_id, &auth.ip).await?)
}

#[cfg(feature = "ssr")]
async fn staff_home(capability: Capability) -> Result<StaffHomeView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(capability)?;
    let state = state()?;
    Ok(StaffHomeView { scope: super::session::scope_label(&state, &user.active).await? })
}

#[server(endpoint = "beranda/admin-instansi")]
pub async fn admin_instansi_home() -> Result<StaffHomeView, AppError> {
    staff_home(Capability::AdminInstansi).await
}

#[server(endpoint = "beranda/admin-kanreg")]
pub async fn admin_kanreg_home() -> Result<StaffHomeView, AppError> {
    staff_home(Capability::AdminKanreg).await
}

#[server(endpoint = "beranda/admin-bkn")]
pub async fn admin_bkn_home() -> Result<StaffHomeView, AppError> {
    staff_home(Capability::AdminBkn).await
}

#[server(endpoint = "beranda/eksekutif")]
pub async fn eksekutif_home() -> Result<StaffHomeView, AppError> {
    staff_home(Capability::ExecutiveDashboard).await
}
