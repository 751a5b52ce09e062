//! The instansi admin's unit tree (#13): list, add, rename, move, close. The instansi is the
//! admin's own (their grant); a unit named by id is looked up within it. A move and a close
//! are each one transaction across the services that keep something of the unit: reference
//! moves the paths and identity and verification rewrite their copies (L1 grants follow their
//! unit); a close is refused while personnel, verification or identity still hold anything in
//! the subtree.

use domain::unor::UnitView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnorAdminView {
    pub instansi: String,
    pub unit: Vec<UnitView>,
}

/// An optional parent as the form sends it: empty for the root.
#[cfg(feature = "ssr")]
fn induk(text: &str) -> Result<Option<uuid::Uuid>, AppError> {
    match text.trim() {
        "" => Ok(None),
        id => super::admin::parse_id(id).map(Some),
    }
}

#[server(endpoint = "admin/unor", input = server_fn::codec::Json)]
pub async fn unit_tree() -> Result<UnorAdminView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let instansi = state.reference.names(&[instansi_id]).await?.remove(&instansi_id).unwrap_or_default();
    let counts = state.personnel.pns_per_unit(instansi_id).await?;
    let unit = state
        .reference
        .units_for_admin(instansi_id)
        .await?
        .into_iter()
        .map(|(u, ditutup)| UnitView {
            id: u.id.to_string(),
            kedalaman: u.path.matches('/').count().saturating_sub(1),
            induk_id: u.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            jumlah_pns: counts.get(&u.id).copied().unwrap_or(0),
            nama: u.nama,
            jenis: u.jenis,
            ditutup,
        })
        .collect();
    Ok(UnorAdminView { instansi, unit })
}

#[server(endpoint = "admin/unor/tambah", input = server_fn::codec::Json)]
pub async fn add_unit(induk_id: String, nama: String, jenis: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    state()?.reference.add_unit(&user, instansi_id, induk(&induk_id)?, &nama, &jenis, &auth.ip).await?;
    Ok(())
}

/// Checks a CSV of units against the tree (`tulis = false`: nothing is written) or adds them
/// all in one transaction (`tulis = true`, only when every line is right).
#[server(endpoint = "admin/unor/impor", input = server_fn::codec::Json)]
pub async fn import_units(csv: String, tulis: bool) -> Result<domain::unor_impor::PratinjauImpor, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    Ok(state()?.reference.import_units(&user, instansi_id, &csv, tulis, &auth.ip).await?)
}

#[server(endpoint = "admin/unor/ubah", input = server_fn::codec::Json)]
pub async fn rename_unit(unor_id: String, nama: String, jenis: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let id = super::admin::parse_id(&unor_id)?;
    state()?.reference.rename_unit(&user, instansi_id, id, &nama, &jenis, &auth.ip).await?;
    Ok(())
}

/// Moves a unit and its subtree; the L1 grants and work items in it follow.
#[server(endpoint = "admin/unor/pindah", input = server_fn::codec::Json)]
pub async fn move_unit(unor_id: String, induk_id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let (id, parent) = (super::admin::parse_id(&unor_id)?, induk(&induk_id)?);
    let mut tx = state.pool.begin().await?;
    let pindah = state.reference.move_unit(&mut tx, &user, instansi_id, id, parent, &auth.ip).await?;
    let stale = state.identity.follow_unit_move(&mut tx, instansi_id, &pindah).await?;
    state.verification.follow_unit_move(&mut tx, instansi_id, &pindah).await?;
    tx.commit().await?;
    state.identity.forget_cached(stale);
    Ok(())
}

/// Closes a unit that has no open unit, PNS, open work or L1 verifier left in it.
#[server(endpoint = "admin/unor/tutup", input = server_fn::codec::Json)]
pub async fn close_unit(unor_id: String) -> Result<(), AppError> {
    use crate::auth::{refuse, require, state};
    use domain::ErrorCode;
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let id = super::admin::parse_id(&unor_id)?;
    let mut tx = state.pool.begin().await?;
    let unit = state.reference.unit_to_close(&mut tx, instansi_id, id).await?;
    let subtree = state.reference.unor_subtree_ids(instansi_id, &unit.path).await?;
    if state.personnel.pns_in_units(&mut tx, &subtree).await? > 0 {
        return Err(refuse(ErrorCode::UnitHasPns));
    }
    if state.verification.open_work_under(&mut tx, instansi_id, &unit.path).await? > 0 {
        return Err(refuse(ErrorCode::UnitHasOpenWork));
    }
    if state.identity.grants_on_units(&mut tx, instansi_id, &unit.path).await? > 0 {
        return Err(refuse(ErrorCode::UnitHasVerifiers));
    }
    state.reference.close_unit(&mut tx, &user, &unit, &auth.ip).await?;
    tx.commit().await?;
    Ok(())
}
