//! The help desk's server functions. The PNS's (`hds/saya/*`) act on the signed-in PNS's own
//! tickets only; the officers' (`hds/kotak/*`) on the tickets within their grant's reach
//! (`helpdesk::Jangkauan`), which the service checks on every call. The live stream is a
//! plain route of the helpdesk crate (`/api/hds/peristiwa`).

use domain::hds::{
    DariTanda, Isian, Kategori, Pesan, PilihanPetugas, Sla, StatusTiket, TabelRute, Templat, TiketDetail, TiketRingkas,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A new ticket as the PNS's form sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TiketBaruView {
    pub kategori: Kategori,
    pub subjek: String,
    pub uraian: String,
    /// B (beda instansi): the instansi moved to (id).
    #[serde(default)]
    pub instansi_tujuan: Option<String>,
    /// The "[?]" flag it is raised from (id) ...
    #[serde(default)]
    pub tanda_id: Option<String>,
    /// ... or the field of the form it is about (the ticket flags it).
    #[serde(default)]
    pub isian: Option<Isian>,
}

/// An instansi a PNS can name as the one they moved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiView {
    pub id: String,
    pub nama: String,
}

/// What the officer narrowed the inbox to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterKotakView {
    #[serde(default)]
    pub status: Option<StatusTiket>,
    #[serde(default)]
    pub semua: bool,
    #[serde(default)]
    pub kategori: Option<Kategori>,
    #[serde(default)]
    pub cari: String,
    #[serde(default)]
    pub terlambat: bool,
    #[serde(default)]
    pub milik_saya: bool,
    #[serde(default)]
    pub umur_jam_min: Option<i32>,
}

#[cfg(feature = "ssr")]
mod server {
    use access::CurrentUser;
    use domain::ErrorCode;
    use uuid::Uuid;

    use crate::auth::refuse;
    use crate::error::AppError;

    /// The signed-in PNS as a ticket's author: their NIP and instansi.
    pub fn pemohon(user: &CurrentUser) -> Result<helpdesk::Pemohon, AppError> {
        helpdesk::Pemohon::of(user).map_err(refuse)
    }

    /// The help-desk staff of the officer's office, as colleagues a ticket may go to.
    pub async fn staff(state: &crate::auth::AppState, user: &CurrentUser) -> Result<Vec<helpdesk::Rekan>, AppError> {
        let (kantor, instansi) = helpdesk::Jangkauan::of(&user.active).map_err(refuse)?.kantor_instansi();
        let staf = state.identity.hds_staff(kantor, instansi).await?;
        Ok(staf.into_iter().map(|s| helpdesk::Rekan { akun_id: s.account_id, nama: s.nama, grant: s.grant }).collect())
    }

    pub fn id(text: &str) -> Result<Uuid, AppError> {
        text.parse().map_err(|_| refuse(ErrorCode::NotFound))
    }
}

#[server(endpoint = "hds/saya/daftar")]
pub async fn own_tickets() -> Result<Vec<TiketRingkas>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    Ok(state()?.helpdesk.own_tickets(&server::pemohon(&user)?).await?)
}

#[server(endpoint = "hds/saya/buat", input = server_fn::codec::Json)]
pub async fn raise_ticket(tiket: TiketBaruView) -> Result<TiketRingkas, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    let instansi_tujuan = match tiket.instansi_tujuan.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(server::id(text)?),
        None => None,
    };
    let tanda_id = match tiket.tanda_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(server::id(text)?),
        None => None,
    };
    let state = state()?;
    let baru = helpdesk::TiketBaru {
        kategori: tiket.kategori,
        subjek: tiket.subjek,
        uraian: tiket.uraian,
        instansi_tujuan,
        tanda_id,
        isian: tiket.isian,
        // Notices go to the account's address.
        email: state.identity.email_of(user.account_id).await.map_err(crate::auth::internal)?,
    };
    Ok(state.helpdesk.raise(&server::pemohon(&user)?, &baru).await?)
}

/// A field of the PNS's own form ("[?]"), to fill a new ticket about it in.
#[server(endpoint = "hds/saya/isian", input = server_fn::codec::Json)]
pub async fn field_for_ticket(isian: Isian) -> Result<DariTanda, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    let pemohon = server::pemohon(&user)?;
    let entri = isian.entri.as_deref().filter(|e| !e.is_empty());
    Ok(state()?.personnel.field_for_ticket(&pemohon.nip, isian.bagian, entri, &isian.field).await?)
}

/// One of the PNS's own open "[?]" flags, to fill a new ticket in from it.
#[server(endpoint = "hds/saya/dari-tanda")]
pub async fn from_flag(tanda: String) -> Result<DariTanda, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    let pemohon = server::pemohon(&user)?;
    Ok(state()?.personnel.flag_for_ticket(&pemohon.nip, &tanda).await?)
}

#[server(endpoint = "hds/saya/tiket")]
pub async fn own_ticket(id: String) -> Result<TiketDetail, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    Ok(state()?.helpdesk.own_ticket(&server::pemohon(&user)?, server::id(&id)?).await?)
}

#[server(endpoint = "hds/saya/balas")]
pub async fn reply_as_pns(id: String, isi: String, terakhir: Option<i64>) -> Result<Pesan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    Ok(state()?.helpdesk.reply_as_pns(&server::pemohon(&user)?, server::id(&id)?, &isi, terakhir).await?)
}

#[server(endpoint = "hds/saya/tutup")]
pub async fn close_ticket(id: String, nilai: Option<i16>) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::OwnRecord)?;
    Ok(state()?.helpdesk.close_as_pns(&server::pemohon(&user)?, server::id(&id)?, nilai).await?)
}

/// Every instansi by name, for "the instansi I moved to" (B).
#[server(endpoint = "hds/saya/instansi")]
pub async fn instansi_choices() -> Result<Vec<InstansiView>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    require(Capability::OwnRecord)?;
    let all = state()?.reference.all_instansi().await.map_err(crate::auth::internal)?;
    Ok(all.into_iter().map(|i| InstansiView { id: i.id.to_string(), nama: i.nama }).collect())
}

#[server(endpoint = "hds/kotak/daftar", input = server_fn::codec::Json)]
pub async fn inbox(filter: FilterKotakView) -> Result<Vec<TiketRingkas>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    let filter = helpdesk::FilterKotak {
        status: filter.status,
        semua: filter.semua,
        kategori: filter.kategori,
        cari: filter.cari.chars().take(100).collect(),
        terlambat: filter.terlambat,
        petugas: filter.milik_saya.then_some(user.account_id),
        umur_jam_min: filter.umur_jam_min.filter(|h| (0..=24 * 365).contains(h)),
    };
    Ok(state()?.helpdesk.inbox(&user, &filter).await?)
}

#[server(endpoint = "hds/kotak/tiket")]
pub async fn open_ticket(id: String) -> Result<TiketDetail, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::HdsInbox)?;
    let (state, id) = (state()?, server::id(&id)?);
    let mut detail = state.helpdesk.open_as_officer(&user, id, &auth.ip).await?;
    if let Some(tanda) = state.helpdesk.flag_of(id).await? {
        detail.tanda = state.personnel.flag_view(tanda).await?;
    }
    Ok(detail)
}

/// Turun Status from a category P ticket: the PNS's sent proposal back to draft, the ticket
/// solved.
#[server(endpoint = "hds/kotak/turun-status")]
pub async fn turun_status_ticket(id: String, catatan: String) -> Result<Pesan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.turun_status(&user, server::id(&id)?, &catatan, &auth.ip).await?)
}

/// Corrects the flagged field in the master (A–E tickets raised from a "[?]") and solves
/// the ticket.
#[server(endpoint = "hds/kotak/koreksi")]
pub async fn correct_master(id: String, nilai: String) -> Result<Pesan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::HdsInbox)?;
    let state = state()?;
    Ok(state.helpdesk.correct_master(&state.personnel, &user, server::id(&id)?, &nilai, &auth.ip).await?)
}

/// Names the entry that was missing for the flagged field (F–O tickets raised from a "[?]")
/// and solves the ticket; the PNS's form offers it.
#[server(endpoint = "hds/kotak/saran")]
pub async fn suggest_entry(id: String, nilai: String) -> Result<Pesan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    let state = state()?;
    Ok(state.helpdesk.suggest_entry(&state.personnel, &user, server::id(&id)?, &nilai).await?)
}

/// Every category's SLA clocks, for admin BKN to set.
#[server(endpoint = "hds/sla")]
pub async fn sla_table() -> Result<Vec<Sla>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    require(Capability::AdminBkn)?;
    Ok(state()?.helpdesk.sla_table().await?)
}

/// Sets one category's SLA clocks (hours to the first answer and to solving).
#[server(endpoint = "hds/sla/simpan")]
pub async fn set_sla(kategori: String, jawab_jam: i32, selesai_jam: i32) -> Result<Sla, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode};

    let (user, auth) = require(Capability::AdminBkn)?;
    let kategori = Kategori::from_code(&kategori).ok_or_else(|| refuse(ErrorCode::BadRequest))?;
    Ok(state()?.helpdesk.set_sla(&user, Sla { kategori, jawab_jam, selesai_jam }, &auth.ip).await?)
}

/// The help desk's routing table, for admin BKN to change.
#[server(endpoint = "hds/rute")]
pub async fn routing_table() -> Result<TabelRute, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    require(Capability::AdminBkn)?;
    Ok(state()?.helpdesk.routing_table().await?)
}

/// Changes who answers one row of the routing table: `antar_provinsi` is `ya`, `tidak` or
/// empty (the row holds for any move), `tujuan` a `TujuanRute` code.
#[server(endpoint = "hds/rute/simpan")]
pub async fn set_route(
    kategori: String,
    jenis_instansi: String,
    antar_provinsi: String,
    tujuan: String,
) -> Result<(), AppError> {
    use crate::auth::{refuse, require, state};
    use domain::hds::{AturanRute, TujuanRute};
    use domain::{Capability, ErrorCode};

    let (user, auth) = require(Capability::AdminBkn)?;
    let bad = || refuse(ErrorCode::BadRequest);
    let antar_provinsi = match antar_provinsi.as_str() {
        "" => None,
        "ya" => Some(true),
        "tidak" => Some(false),
        _ => return Err(bad()),
    };
    let aturan = AturanRute {
        kategori: Kategori::from_code(&kategori).ok_or_else(bad)?,
        jenis_instansi,
        antar_provinsi,
        tujuan: TujuanRute::parse(&tujuan).ok_or_else(bad)?,
    };
    Ok(state()?.helpdesk.set_route(&user, &aturan, &auth.ip).await?)
}

#[server(endpoint = "hds/kotak/ambil")]
pub async fn claim_ticket(id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.claim(&user, server::id(&id)?).await?)
}

#[server(endpoint = "hds/kotak/balas")]
pub async fn reply_as_officer(
    id: String,
    isi: String,
    internal: bool,
    terakhir: Option<i64>,
    status: Option<StatusTiket>,
) -> Result<Pesan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.reply_as_officer(&user, server::id(&id)?, &isi, internal, terakhir, status).await?)
}

#[server(endpoint = "hds/kotak/status")]
pub async fn set_status(id: String, status: StatusTiket) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.set_status(&user, server::id(&id)?, status).await?)
}

/// The officer has the ticket open (renewed by the page); answers the other officers who do.
#[server(endpoint = "hds/kotak/hadir")]
pub async fn present(id: String) -> Result<Vec<String>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.present(&user, server::id(&id)?).await?)
}

/// What the officer may do with a ticket besides answering: the colleagues who could take it,
/// the offices it may go to, and the office's canned replies.
#[server(endpoint = "hds/kotak/pilihan")]
pub async fn officer_choices(id: String) -> Result<PilihanPetugas, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    let (state, id) = (state()?, server::id(&id)?);
    let staf = server::staff(&state, &user).await?;
    Ok(PilihanPetugas {
        rekan: state.helpdesk.colleagues(&user, id, &staf).await?,
        tujuan: state.helpdesk.destinations(&user, id).await?,
        templat: state.helpdesk.templates(&user).await?,
    })
}

/// Gives the ticket to a colleague of the office (`akun`: their account id).
#[server(endpoint = "hds/kotak/tugaskan")]
pub async fn assign_ticket(id: String, akun: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    let state = state()?;
    let staf = server::staff(&state, &user).await?;
    Ok(state.helpdesk.assign(&user, server::id(&id)?, server::id(&akun)?, &staf).await?)
}

/// Sends the ticket to another office (`ke`: an office code from `officer_choices`) with the reason.
#[server(endpoint = "hds/kotak/alihkan")]
pub async fn transfer_ticket(id: String, ke: String, alasan: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.transfer(&user, server::id(&id)?, &ke, &alasan).await?)
}

/// Adds a canned reply to the officer's office, or changes one (`id`).
#[server(endpoint = "hds/kotak/templat/simpan")]
pub async fn save_template(id: Option<String>, judul: String, isi: String) -> Result<Templat, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    let id = match id.as_deref().filter(|s| !s.is_empty()) {
        Some(text) => Some(server::id(text)?),
        None => None,
    };
    Ok(state()?.helpdesk.save_template(&user, id, &judul, &isi).await?)
}

#[server(endpoint = "hds/kotak/templat/hapus")]
pub async fn delete_template(id: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::HdsInbox)?;
    Ok(state()?.helpdesk.delete_template(&user, server::id(&id)?).await?)
}
