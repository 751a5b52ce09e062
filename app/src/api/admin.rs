//! What an instansi's PUPNS admin changes (#13): the instansi's settings and its staff
//! accounts. The instansi is always the admin's own (their grant's scope): no argument names
//! it, so no admin can reach another instansi's settings; an account or grant named by id is
//! checked against it by the identity service, on the row.

use domain::akun_staf::{AkunStaf, AkunStafBaru, PeranBaru};
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
pub(crate) fn own_instansi(user: &access::CurrentUser) -> Result<uuid::Uuid, AppError> {
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

/// The settings of the instansi a Kanreg admin's region holds (every instansi for a BKN
/// admin), by name: read only, each instansi's own admin changes them.
#[server(endpoint = "admin/pengaturan-wilayah", input = server_fn::codec::Json)]
pub async fn region_settings() -> Result<Vec<(String, PengaturanInstansi)>, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode, Role};
    let (user, _) = require(Capability::ReadInstansiSettings)?;
    let kanreg = match (user.active.role, user.active.kanreg_id) {
        (Role::AdminBkn, _) => None,
        (Role::AdminKanreg, Some(kanreg)) => Some(kanreg),
        _ => return Err(refuse(ErrorCode::Forbidden)),
    };
    Ok(state()?.reference.settings_overview(kanreg).await?)
}

/// The accounts page: the instansi's staff accounts, and the units an L1 verifier can be
/// given (indented by depth, in tree order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaftarAkunView {
    pub instansi: String,
    pub akun: Vec<AkunStaf>,
    pub unor: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub(crate) fn parse_id(text: &str) -> Result<uuid::Uuid, AppError> {
    text.parse().map_err(|_| crate::auth::refuse(domain::ErrorCode::NotFound))
}

#[server(endpoint = "admin/akun", input = server_fn::codec::Json)]
pub async fn staff_accounts() -> Result<DaftarAkunView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = own_instansi(&user)?;
    let instansi = state.reference.names(&[instansi_id]).await?.remove(&instansi_id).unwrap_or_default();
    // In path order, so each unit follows its parent.
    let unor = (state.reference.unor_of_instansi(instansi_id).await?)
        .into_iter()
        .map(|u| {
            let depth = u.path.matches('/').count().saturating_sub(1);
            (u.id.to_string(), format!("{}{}", "\u{2003}".repeat(depth), u.nama))
        })
        .collect();
    Ok(DaftarAkunView { instansi, akun: state.identity.staff_of_instansi(instansi_id).await?, unor })
}

/// Creates a verifier or HDS account; answers the address the password link went to.
#[server(endpoint = "admin/akun/buat", input = server_fn::codec::Json)]
pub async fn create_staff_account(baru: AkunStafBaru) -> Result<String, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    let valid = baru.parse().map_err(crate::auth::refuse)?;
    let state = state()?;
    state.identity.create_staff_account(&user, instansi_id, &valid, &state.public_url, &auth.ip).await?;
    Ok(valid.email)
}

/// Gives a PNS of the instansi a verifier or HDS role besides their own.
#[server(endpoint = "admin/akun/beri-peran", input = server_fn::codec::Json)]
pub async fn grant_role(nip: String, peran: PeranBaru) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    let peran = peran.parse().map_err(crate::auth::refuse)?;
    state()?.identity.grant_role_to_pns(&user, instansi_id, &nip, &peran, &auth.ip).await?;
    Ok(())
}

#[server(endpoint = "admin/akun/cabut-peran", input = server_fn::codec::Json)]
pub async fn revoke_role(grant_id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    Ok(state()?.identity.revoke_staff_role(&user, instansi_id, parse_id(&grant_id)?, &auth.ip).await?)
}

/// Corrects an account's name and email.
#[server(endpoint = "admin/akun/ubah", input = server_fn::codec::Json)]
pub async fn edit_staff_account(account_id: String, nama: String, email: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    let id = parse_id(&account_id)?;
    Ok(state()?.identity.edit_staff_account(&user, instansi_id, id, &nama, &email, &auth.ip).await?)
}

/// Disables (ending its sessions) or re-enables an account.
#[server(endpoint = "admin/akun/status", input = server_fn::codec::Json)]
pub async fn set_account_active(account_id: String, aktif: bool) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    Ok(state()?.identity.set_staff_active(&user, instansi_id, parse_id(&account_id)?, aktif, &auth.ip).await?)
}

/// Mails the account's owner a link to set a password.
#[server(endpoint = "admin/akun/tautan", input = server_fn::codec::Json)]
pub async fn send_password_link(account_id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    let state = state()?;
    let id = parse_id(&account_id)?;
    Ok(state.identity.send_staff_password_link(&user, instansi_id, id, &state.public_url, &auth.ip).await?)
}

#[server(endpoint = "admin/akun/sesi", input = server_fn::codec::Json)]
pub async fn end_sessions(account_id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = own_instansi(&user)?;
    Ok(state()?.identity.end_staff_sessions(&user, instansi_id, parse_id(&account_id)?, &auth.ip).await?)
}
