//! The national code lists, kept by the BKN admin (#13): a list's entries, an entry's
//! history, and the changes (add, rename, retire, bring back). The reference service checks
//! the list and the entry, records each change and clears every instance's cached lists.

use domain::referensi::{DaftarEntri, EntriReferensi, RiwayatReferensi};
use domain::DaftarKode;
use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "admin/referensi", input = server_fn::codec::Json)]
pub async fn reference_entries(jenis: DaftarKode, cari: String) -> Result<DaftarEntri, AppError> {
    use crate::auth::{refuse, require, state};
    require(domain::Capability::AdminBkn)?;
    if cari.chars().count() > 100 {
        return Err(refuse(domain::ErrorCode::BadRequest));
    }
    Ok(state()?.reference.entries(jenis, &cari).await?)
}

#[server(endpoint = "admin/referensi/riwayat", input = server_fn::codec::Json)]
pub async fn reference_history(jenis: DaftarKode, kode: String) -> Result<Vec<RiwayatReferensi>, AppError> {
    use crate::auth::{require, state};
    require(domain::Capability::AdminBkn)?;
    Ok(state()?.reference.entry_history(jenis, &kode).await?)
}

#[server(endpoint = "admin/referensi/tambah", input = server_fn::codec::Json)]
pub async fn add_reference_entry(jenis: DaftarKode, kode: String, nama: String) -> Result<EntriReferensi, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminBkn)?;
    Ok(state()?.reference.add_entry(&user, jenis, &kode, &nama, &auth.ip).await?)
}

#[server(endpoint = "admin/referensi/ubah", input = server_fn::codec::Json)]
pub async fn rename_reference_entry(jenis: DaftarKode, kode: String, nama: String) -> Result<EntriReferensi, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminBkn)?;
    Ok(state()?.reference.rename_entry(&user, jenis, &kode, &nama, &auth.ip).await?)
}

/// Retires an entry (`aktif` false) or brings it back.
#[server(endpoint = "admin/referensi/status", input = server_fn::codec::Json)]
pub async fn set_reference_entry_active(
    jenis: DaftarKode,
    kode: String,
    aktif: bool,
) -> Result<EntriReferensi, AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminBkn)?;
    Ok(state()?.reference.set_entry_active(&user, jenis, &kode, aktif, &auth.ip).await?)
}
