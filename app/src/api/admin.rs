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

/// The accounts page: the place's staff accounts, the roles the admin grants there, the units
/// an L1 verifier can be given (an instansi's, indented by depth, in tree order) and, for admin
/// BKN, the places to choose from (`i-<id>` instansi, `k-<id>` office).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaftarAkunView {
    /// The place's name; empty until admin BKN chooses one.
    pub tempat: String,
    /// The place as the forms send it back (empty: the admin's own).
    pub kode: String,
    pub kembali: String,
    pub peran: Vec<domain::Role>,
    pub akun: Vec<AkunStaf>,
    pub unor: Vec<(String, String)>,
    pub pilihan: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub(crate) fn parse_id(text: &str) -> Result<uuid::Uuid, AppError> {
    text.parse().map_err(|_| crate::auth::refuse(domain::ErrorCode::NotFound))
}

/// The admin's place: their own, or (admin BKN) the one `tempat` names; empty is national.
#[cfg(feature = "ssr")]
async fn lingkup(
    tempat: &str,
) -> Result<(access::CurrentUser, crate::auth::RequestAuth, identity::lingkup::Lingkup), AppError> {
    let (user, auth) = crate::auth::require(domain::Capability::ManageStaffAccounts)?;
    let lingkup = crate::auth::state()?.identity.lingkup(&user, tempat).await?;
    Ok((user, auth, lingkup))
}

#[server(endpoint = "admin/akun", input = server_fn::codec::Json)]
pub async fn staff_accounts(tempat: Option<String>) -> Result<DaftarAkunView, AppError> {
    use crate::auth::state;
    let tempat = tempat.unwrap_or_default();
    let (user, _, lingkup) = lingkup(&tempat).await?;
    let state = state()?;
    let unor = match lingkup.instansi_id() {
        // In path order, so each unit follows its parent.
        // Open units only: a closed one is granted no more.
        Some(instansi_id) => (state.reference.units_for_admin(instansi_id).await?)
            .into_iter()
            .filter_map(|(u, ditutup)| (!ditutup).then_some(u))
            .map(|u| {
                let depth = u.path.matches('/').count().saturating_sub(1);
                (u.id.to_string(), format!("{}{}", "\u{2003}".repeat(depth), u.nama))
            })
            .collect(),
        None => Vec::new(),
    };
    let mut pilihan = Vec::new();
    if user.active.role == domain::Role::AdminBkn {
        pilihan.extend(state.reference.all_kantor().await?.into_iter().map(|k| (format!("k-{}", k.id), k.nama)));
        pilihan.extend(state.reference.all_instansi().await?.into_iter().map(|i| (format!("i-{}", i.id), i.nama)));
    }
    let peran = if lingkup.tempat == identity::lingkup::Tempat::Nasional { Vec::new() } else { lingkup.peran.clone() };
    Ok(DaftarAkunView {
        tempat: state.identity.nama_tempat(&lingkup).await?,
        kode: tempat,
        kembali: user.active.role.home_path().to_owned(),
        peran,
        akun: state.identity.staff_of(&lingkup).await?,
        unor,
        pilihan,
    })
}

/// Creates a verifier, HDS or admin account; answers the address the password link went to.
#[server(endpoint = "admin/akun/buat", input = server_fn::codec::Json)]
pub async fn create_staff_account(baru: AkunStafBaru) -> Result<String, AppError> {
    let (user, auth, lingkup) = lingkup(&baru.peran.tempat).await?;
    let valid = baru.parse().map_err(crate::auth::refuse)?;
    let state = crate::auth::state()?;
    state.identity.create_staff_account(&user, &lingkup, &valid, &state.public_url, &auth.ip).await?;
    Ok(valid.email)
}

/// Gives an existing PNS account a staff role besides their own.
#[server(endpoint = "admin/akun/beri-peran", input = server_fn::codec::Json)]
pub async fn grant_role(nip: String, peran: PeranBaru) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup(&peran.tempat).await?;
    let peran = peran.parse().map_err(crate::auth::refuse)?;
    crate::auth::state()?.identity.grant_role_to_pns(&user, &lingkup, &nip, &peran, &auth.ip).await?;
    Ok(())
}

#[server(endpoint = "admin/akun/cabut-peran", input = server_fn::codec::Json)]
pub async fn revoke_role(grant_id: String) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    Ok(crate::auth::state()?.identity.revoke_staff_role(&user, &lingkup, parse_id(&grant_id)?, &auth.ip).await?)
}

/// Moves an L1 verifier's grant to another open unit of its instansi.
#[server(endpoint = "admin/akun/ganti-unit", input = server_fn::codec::Json)]
pub async fn change_l1_unit(grant_id: String, unor_id: String) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    let id = parse_id(&grant_id)?;
    Ok(crate::auth::state()?.identity.change_l1_unit(&user, &lingkup, id, &unor_id, &auth.ip).await?)
}

/// Corrects an account's name and email.
#[server(endpoint = "admin/akun/ubah", input = server_fn::codec::Json)]
pub async fn edit_staff_account(account_id: String, nama: String, email: String) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    let id = parse_id(&account_id)?;
    Ok(crate::auth::state()?.identity.edit_staff_account(&user, &lingkup, id, &nama, &email, &auth.ip).await?)
}

/// Disables (ending its sessions) or re-enables an account.
#[server(endpoint = "admin/akun/status", input = server_fn::codec::Json)]
pub async fn set_account_active(account_id: String, aktif: bool) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    let id = parse_id(&account_id)?;
    Ok(crate::auth::state()?.identity.set_staff_active(&user, &lingkup, id, aktif, &auth.ip).await?)
}

/// Mails the account's owner a link to set a password.
#[server(endpoint = "admin/akun/tautan", input = server_fn::codec::Json)]
pub async fn send_password_link(account_id: String) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    let state = crate::auth::state()?;
    let id = parse_id(&account_id)?;
    Ok(state.identity.send_staff_password_link(&user, &lingkup, id, &state.public_url, &auth.ip).await?)
}

#[server(endpoint = "admin/akun/sesi", input = server_fn::codec::Json)]
pub async fn end_sessions(account_id: String) -> Result<(), AppError> {
    let (user, auth, lingkup) = lingkup("").await?;
    Ok(crate::auth::state()?.identity.end_staff_sessions(&user, &lingkup, parse_id(&account_id)?, &auth.ip).await?)
}
