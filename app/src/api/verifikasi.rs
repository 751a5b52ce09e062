//! The verifiers' server functions: the queue, opening a submission (which claims it),
//! keeping or giving up the claim, deciding it (per field, then pass on or return), accepting
//! several clean submissions at once, and Turun Status. Each asks the verification service,
//! which checks level and scope with the one scope rule; nothing here takes a NIP on trust.

use std::collections::BTreeMap;

use domain::form::{Bagian, Dokumen, Perubahan, Tanda};
use domain::verifikasi::{Hasil, HasilPutusan, Putusan, StatusItem};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the verifier narrowed the queue to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterView {
    #[serde(default)]
    pub cari: String,
    #[serde(default)]
    pub usia_min: Option<i32>,
    #[serde(default)]
    pub usia_max: Option<i32>,
    #[serde(default)]
    pub ada_dokumen: Option<bool>,
    #[serde(default)]
    pub ada_tanda: Option<bool>,
    /// A unit (id) from `queue_units`: the queue of its subtree.
    #[serde(default)]
    pub unor: Option<String>,
}

/// A unit the queue can be narrowed to; `kedalaman` 1 is right below the scope's top.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitFilterView {
    pub id: String,
    pub nama: String,
    pub kedalaman: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemAntrianView {
    pub id: String,
    pub nip: String,
    pub nama: String,
    pub putaran: i32,
    pub dikirim: String,
    pub jumlah_perubahan: i32,
    pub ada_dokumen: bool,
    pub ada_tanda: bool,
    /// Who has it open (or took it offline), and until when (WIB), while their claim lasts.
    pub klaim_nama: Option<String>,
    pub klaim_sampai: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AntrianView {
    pub tingkat: i16,
    pub scope: String,
    pub items: Vec<ItemAntrianView>,
    /// The cursor of the next page; `None` on the last.
    pub berikut: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum KlaimView {
    /// The caller holds it until this time (WIB).
    Milik { sampai: String },
    /// Another verifier holds it.
    Orang { nama: String, sampai: String },
    /// Not waiting any more.
    Selesai,
}

/// A decision taken before on a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeputusanLaluView {
    pub hasil: Hasil,
    pub alasan: String,
    pub tingkat: i16,
    pub putaran: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerubahanView {
    pub perubahan: Perubahan,
    /// This level decides it (an earlier level of the round has not rejected it).
    pub terbuka: bool,
    /// Decisions on this field before: earlier levels, earlier rounds.
    pub sebelumnya: Vec<KeputusanLaluView>,
    /// Re-sent round: the PNS changed this field since the last round.
    pub diubah_lagi: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TinjauanView {
    pub item: String,
    pub nip: String,
    pub nama: String,
    pub instansi: String,
    pub putaran: i32,
    pub tingkat: i16,
    pub status: StatusItem,
    pub dikirim: String,
    pub klaim: KlaimView,
    pub perubahan: Vec<PerubahanView>,
    /// Names of coded values, units and facilities in the changes, keyed `list:code` / `unor:<id>`.
    pub label: BTreeMap<String, String>,
    pub dokumen: Vec<Dokumen>,
    pub tanda: Vec<Tanda>,
    /// The NIP the record gets when the birth date or gender change is accepted.
    pub nip_baru: Option<String>,
}

impl TinjauanView {
    /// The sections with changes, in form order.
    pub fn bagian(&self) -> Vec<Bagian> {
        Bagian::ALL.iter().copied().filter(|b| self.perubahan.iter().any(|p| p.perubahan.bagian == *b)).collect()
    }
}

/// A submission taken offline: the checkout, until when (WIB), and what its review page shows
/// as JSON text (`TinjauanView`), which the browser keeps as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaketLuringView {
    pub item: String,
    pub pinjam: String,
    pub sampai: String,
    pub tinjauan: String,
}

/// An active offline checkout, as a supervisor (L2+) sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinjamanView {
    pub item: String,
    pub nip: String,
    pub nama: String,
    pub tingkat: i16,
    pub oleh_nama: String,
    pub dipinjam: String,
    pub sampai: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HasilMassal {
    pub diputus: usize,
    /// Skipped: decided meanwhile, claimed by someone else, or with "[?]" flags.
    pub dilewati: usize,
}

#[server(endpoint = "verifikasi/antrian", input = server_fn::codec::Json)]
pub async fn queue(filter: FilterView, setelah: Option<String>) -> Result<AntrianView, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    let state = state()?;
    let setelah = setelah.map(|k| verification::Kursor::decode(&k)).transpose().map_err(refuse)?;
    let filter = server::filter(&state, &user, filter).await?;
    let page = state.verification.queue(&user, &filter, setelah, 50).await?;
    Ok(AntrianView {
        tingkat: user.active.role.tingkat().unwrap_or_default(),
        scope: super::session::scope_label(&state, &user.active).await?,
        items: page
            .items
            .into_iter()
            .map(|i| ItemAntrianView {
                id: i.id.to_string(),
                nip: i.nip,
                nama: i.nama,
                putaran: i.putaran,
                dikirim: super::formulir::server::wib(i.dikirim),
                jumlah_perubahan: i.jumlah_perubahan,
                ada_dokumen: i.ada_dokumen,
                ada_tanda: i.ada_tanda,
                klaim_nama: i.klaim_nama,
                klaim_sampai: i.klaim_sampai.map(super::formulir::server::wib),
            })
            .collect(),
        berikut: page.berikut.map(|k| k.encode()),
    })
}

/// The units the verifier's queue can be narrowed to (none for L3 and L4, whose scope is a region).
#[server(endpoint = "verifikasi/unor", input = server_fn::codec::Json)]
pub async fn queue_units() -> Result<Vec<UnitFilterView>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    let units = state()?.verification.queue_units(&user).await?;
    Ok(units
        .into_iter()
        .map(|u| UnitFilterView { id: u.id.to_string(), nama: u.nama, kedalaman: u.kedalaman })
        .collect())
}

#[server(endpoint = "verifikasi/buka")]
pub async fn open_item(item: String) -> Result<TinjauanView, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::Verifikasi)?;
    let state = state()?;
    let tinjauan = state.verification.review(&user, server::item_id(&item)?, &auth.ip).await?;
    server::tinjauan_view(&state, tinjauan).await
}

#[server(endpoint = "verifikasi/klaim")]
pub async fn renew_claim(item: String) -> Result<KlaimView, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    let klaim = state()?.verification.claim(&user, server::item_id(&item)?).await?;
    Ok(server::klaim_view(klaim))
}

#[server(endpoint = "verifikasi/lepas")]
pub async fn release_claim(item: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    Ok(state()?.verification.release(&user, server::item_id(&item)?).await?)
}

#[server(endpoint = "verifikasi/putus", input = server_fn::codec::Json)]
pub async fn decide(putusan: Putusan) -> Result<HasilPutusan, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    Ok(state()?.verification.decide(&user, &putusan).await?)
}

#[server(endpoint = "verifikasi/terima-semua", input = server_fn::codec::Json)]
pub async fn accept_all(items: Vec<String>) -> Result<HasilMassal, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode};

    let (user, _) = require(Capability::Verifikasi)?;
    if items.len() > 100 {
        return Err(refuse(ErrorCode::BadRequest));
    }
    let ids = items.iter().map(|i| server::item_id(i)).collect::<Result<Vec<_>, _>>()?;
    let (diputus, dilewati) = state()?.verification.accept_clean(&user, &ids).await?;
    Ok(HasilMassal { diputus, dilewati })
}

/// The login whose offline work this browser shows (only verifiers have any): decisions kept
/// under another login wait for that one.
#[server(endpoint = "verifikasi/luring-akun")]
pub async fn offline_owner() -> Result<String, AppError> {
    use crate::auth::require;
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    Ok(user.nip.or(user.username).unwrap_or_default())
}

/// Takes up to `jumlah` (1 to 50) submissions of the queue offline for 24 hours.
#[server(endpoint = "verifikasi/bawa-luring", input = server_fn::codec::Json)]
pub async fn take_offline(filter: FilterView, jumlah: u32) -> Result<Vec<PaketLuringView>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::Verifikasi)?;
    let state = state()?;
    let filter = server::filter(&state, &user, filter).await?;
    let taken = state.verification.checkout(&user, &filter, i64::from(jumlah), &auth.ip).await?;
    let mut out = Vec::with_capacity(taken.len());
    for p in taken {
        let view = server::tinjauan_view(&state, p.tinjauan).await?;
        out.push(PaketLuringView {
            item: view.item.clone(),
            pinjam: p.id.to_string(),
            sampai: super::formulir::server::wib(p.sampai),
            tinjauan: serde_json::to_string(&view).map_err(crate::auth::internal)?,
        });
    }
    Ok(out)
}

/// Gives back the caller's offline checkouts of these items. Answers how many were given back.
#[server(endpoint = "verifikasi/kembalikan-luring", input = server_fn::codec::Json)]
pub async fn return_offline(items: Vec<String>) -> Result<u64, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode};

    let (user, _) = require(Capability::Verifikasi)?;
    if items.len() > verification::MAX_PINJAM as usize {
        return Err(refuse(ErrorCode::BadRequest));
    }
    let ids = items.iter().map(|i| server::item_id(i)).collect::<Result<Vec<_>, _>>()?;
    Ok(state()?.verification.return_checkouts(&user, &ids).await?)
}

/// The offline checkouts an L2+ verifier oversees.
#[server(endpoint = "verifikasi/pinjaman")]
pub async fn checkouts() -> Result<Vec<PinjamanView>, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, _) = require(Capability::Verifikasi)?;
    let wib = super::formulir::server::wib;
    Ok(state()?
        .verification
        .checkouts(&user)
        .await?
        .into_iter()
        .map(|p| PinjamanView {
            item: p.item_id.to_string(),
            nip: p.nip,
            nama: p.nama,
            tingkat: p.tingkat,
            oleh_nama: p.oleh_nama,
            dipinjam: wib(p.dipinjam),
            sampai: wib(p.sampai),
        })
        .collect())
}

/// Ends another verifier's offline checkout (L2+ of the scope), with the reason.
#[server(endpoint = "verifikasi/lepas-pinjaman")]
pub async fn release_checkout(item: String, alasan: String) -> Result<(), AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    let (user, auth) = require(Capability::Verifikasi)?;
    Ok(state()?.verification.release_checkout(&user, server::item_id(&item)?, &alasan, &auth.ip).await?)
}

#[server(endpoint = "verifikasi/turun-status")]
pub async fn turun_status(nip: String, catatan: String) -> Result<(), AppError> {
    use crate::auth::{signed_in, state};

    let (user, auth) = signed_in()?;
    Ok(state()?.verification.turun_status(&user, nip.trim(), &catatan, &auth.ip).await?)
}

#[cfg(feature = "ssr")]
mod server {
    use std::collections::{BTreeMap, HashMap};

    use domain::form::Formulir;
    use domain::ErrorCode;
    use uuid::Uuid;
    use verification::{Klaim, Tinjauan};

    use super::*;
    use crate::api::formulir::server::{nip_baru, unit_names, wib};
    use crate::auth::{refuse, AppState};

    pub fn item_id(item: &str) -> Result<Uuid, AppError> {
        Uuid::parse_str(item).map_err(|_| refuse(ErrorCode::NotFound))
    }

    /// The queue filter as the service takes it; a unit outside the caller's scope is not found.
    pub async fn filter(
        state: &AppState,
        user: &access::CurrentUser,
        filter: FilterView,
    ) -> Result<verification::Filter, AppError> {
        let unor_path = match &filter.unor {
            Some(id) => {
                let id = Uuid::parse_str(id).map_err(|_| refuse(ErrorCode::BadRequest))?;
                Some(state.verification.unit_path(user, id).await?)
            }
            None => None,
        };
        Ok(verification::Filter {
            cari: filter.cari.chars().take(100).collect(),
            unor_path,
            usia_min: filter.usia_min,
            usia_max: filter.usia_max,
            ada_dokumen: filter.ada_dokumen,
            ada_tanda: filter.ada_tanda,
        })
    }

    pub fn klaim_view(klaim: Klaim) -> KlaimView {
        match klaim {
            Klaim::Milik(sampai) => KlaimView::Milik { sampai: wib(sampai) },
            Klaim::Orang(nama, sampai) => KlaimView::Orang { nama, sampai: wib(sampai) },
            Klaim::Selesai => KlaimView::Selesai,
        }
    }

    pub async fn tinjauan_view(state: &AppState, t: Tinjauan) -> Result<TinjauanView, AppError> {
        let usulan = &t.usulan.usulan;
        let p = &usulan.master.pns;
        let forms = [&usulan.master_form, &usulan.isi];
        let units = unit_names(state, &forms, p.instansi_id).await?;
        let labels = state.reference.labels().await?;
        let label = change_labels(&t.perubahan, &forms, &labels, &units);
        let perubahan = t
            .perubahan
            .iter()
            .map(|c| {
                let key = verification::key_of(c);
                PerubahanView {
                    terbuka: t.terbuka.contains(&key),
                    sebelumnya: t
                        .keputusan
                        .iter()
                        .filter(|d| d.kunci == key)
                        .map(|d| KeputusanLaluView {
                            hasil: d.hasil,
                            alasan: d.alasan.clone(),
                            tingkat: d.tingkat,
                            putaran: d.putaran,
                        })
                        .collect(),
                    diubah_lagi: t.item.putaran > 1
                        && !t.sebelumnya.iter().any(|s| verification::key_of(s) == key && s.baru == c.baru),
                    perubahan: c.clone(),
                }
            })
            .collect();
        Ok(TinjauanView {
            item: t.item.id.to_string(),
            nip: t.item.nip.clone(),
            nama: t.item.nama.clone(),
            instansi: units.get(&p.instansi_id).cloned().unwrap_or_default(),
            putaran: t.item.putaran,
            tingkat: t.item.tingkat,
            status: t.item.status,
            dikirim: wib(t.item.dikirim),
            klaim: klaim_view(t.klaim),
            perubahan,
            label,
            nip_baru: nip_baru(&t.item.nip, &usulan.isi),
            dokumen: t.usulan.dokumen,
            tanda: t.usulan.tanda,
        })
    }

    /// Names of the coded values the changes show (every list, drop-downs included).
    fn change_labels(
        changes: &[Perubahan],
        forms: &[&Formulir],
        labels: &reference::Labels,
        units: &HashMap<Uuid, String>,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for c in changes {
            let Some(spec) = c.bagian.fields().iter().find(|f| f.key == c.field) else { continue };
            // The entry's kind of position decides which list a jabatan code is from.
            let jenis_jabatan = forms
                .iter()
                .find_map(|f| {
                    let mut found = None;
                    f.visit_fields(c.bagian, |i, s, v, jenis| {
                        if s.key == "id" && c.entri.as_deref() == Some(v) {
                            found = Some(jenis.to_owned());
                        }
                        let _ = i;
                    });
                    found
                })
                .unwrap_or_default();
            for value in [&c.lama, &c.baru] {
                if value.is_empty() {
                    continue;
                }
                if let Some(list) = spec.kind.instansi_list() {
                    if let Some(name) = Uuid::parse_str(value).ok().and_then(|id| units.get(&id)) {
                        out.insert(format!("{}:{value}", list.code()), name.clone());
                    }
                } else if let Some(list) = c.bagian.code_list(spec, &jenis_jabatan) {
                    if let Some(name) = labels.name(list, value) {
                        out.insert(format!("{}:{value}", list.code()), name.to_owned());
                    }
                }
            }
        }
        out
    }
}

/// Verification's routing table, for admin BKN to change (`/verifikasi/rute`).
#[server(endpoint = "verifikasi/rute", input = server_fn::codec::Json)]
pub async fn verification_routing() -> Result<Vec<domain::rute_verifikasi::RuteVerifikasi>, AppError> {
    use crate::auth::{require, state};
    require(domain::Capability::AdminBkn)?;
    Ok(state()?.verification.routing_table().await?)
}

/// Replaces one row's levels; rounds sent before keep theirs.
#[server(endpoint = "verifikasi/rute/simpan", input = server_fn::codec::Json)]
pub async fn set_verification_routing(rute: domain::rute_verifikasi::RuteVerifikasi) -> Result<(), AppError> {
    use crate::auth::{require, state};
    let (user, auth) = require(domain::Capability::AdminBkn)?;
    Ok(state()?.verification.set_routing_levels(&user, rute, &auth.ip).await?)
}
