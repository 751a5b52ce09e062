//! The instansi admin's health facilities and schools (#13): list, add, change, close, import
//! from CSV. The instansi is the admin's own (their grant); a facility named by id is looked
//! up within it, so another instansi's is "not found".

use domain::fasilitas::BidangFasilitas;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FasilitasView {
    pub id: String,
    pub nama: String,
    /// The kind's code and name (Puskesmas, RSUD…; SD, SMP…).
    pub jenis: String,
    pub jenis_nama: String,
    pub ditutup: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FasilitasAdminView {
    pub instansi: String,
    pub fasilitas: Vec<FasilitasView>,
    /// The kinds an entry may take, as (code, name).
    pub jenis: Vec<(String, String)>,
}

#[server(endpoint = "admin/fasilitas", input = server_fn::codec::Json)]
pub async fn facilities(bidang: BidangFasilitas) -> Result<FasilitasAdminView, AppError> {
    use crate::auth::{require, state};
    let (user, _) = require(domain::Capability::AdminInstansi)?;
    let state = state()?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let instansi = state.reference.names(&[instansi_id]).await?.remove(&instansi_id).unwrap_or_default();
    let labels = state.reference.labels().await?;
    let list = bidang.daftar_jenis();
    let fasilitas = state
        .reference
        .facilities(instansi_id, bidang)
        .await?
        .into_iter()
        .map(|f| FasilitasView {
            id: f.id.to_string(),
            jenis_nama: labels.name(list, &f.jenis).unwrap_or(&f.jenis).to_owned(),
            nama: f.nama,
            jenis: f.jenis,
            ditutup: f.ditutup,
        })
        .collect();
    let jenis = labels.list(list).iter().filter(|(kode, _)| labels.choosable(list, kode)).cloned().collect();
    Ok(FasilitasAdminView { instansi, fasilitas, jenis })
}

#[server(endpoint = "admin/fasilitas/tambah", input = server_fn::codec::Json)]
pub async fn add_facility(bidang: BidangFasilitas, nama: String, jenis: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    state()?.reference.add_facility(&user, instansi_id, bidang, &nama, &jenis, &auth.ip).await?;
    Ok(())
}

#[server(endpoint = "admin/fasilitas/ubah", input = server_fn::codec::Json)]
pub async fn change_facility(fasilitas_id: String, nama: String, jenis: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let id = super::admin::parse_id(&fasilitas_id)?;
    state()?.reference.change_facility(&user, instansi_id, id, &nama, &jenis, &auth.ip).await?;
    Ok(())
}

#[server(endpoint = "admin/fasilitas/tutup", input = server_fn::codec::Json)]
pub async fn close_facility(fasilitas_id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    let id = super::admin::parse_id(&fasilitas_id)?;
    state()?.reference.close_facility(&user, instansi_id, id, &auth.ip).await?;
    Ok(())
}

/// Checks a CSV of facilities (`tulis = false`: nothing is written) or adds them all in one
/// transaction (`tulis = true`, only when every line is right).
#[server(endpoint = "admin/fasilitas/impor", input = server_fn::codec::Json)]
pub async fn import_facilities(
    bidang: BidangFasilitas,
    csv: String,
    tulis: bool,
) -> Result<domain::unor_impor::PratinjauImpor, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminInstansi)?;
    let instansi_id = super::admin::own_instansi(&user)?;
    Ok(state()?.reference.import_facilities(&user, instansi_id, bidang, &csv, tulis, &auth.ip).await?)
}
