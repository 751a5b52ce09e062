//! The re-registration form's server functions: load the form, save a section, send the
//! proposal, read its progress, and search the pickers' lists. There is never a NIP
//! argument: every call works on the signed-in PNS's own proposal.

use std::collections::BTreeMap;

use domain::form::{Bagian, Dokumen, FieldError, Formulir, HasilSimpan, JenisPeristiwa, Simpan, StatusUsulan, Tanda};
use domain::DaftarKode;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Everything the form page needs in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormulirView {
    pub nip: String,
    pub nama: String,
    pub instansi: String,
    /// The master record as form values ("data pembanding").
    pub master: Formulir,
    /// The proposal; `None` until its first save, when it is the master as it stands
    /// (sent once, not twice: see `draft()`).
    pub draf: Option<Formulir>,
    pub versi: i32,
    pub status: StatusUsulan,
    pub diperiksa: Vec<Bagian>,
    /// The sections this PNS fills (Data Guru/Dokter only where they apply).
    pub berlaku: Vec<Bagian>,
    /// Names of the coded values in both forms, keyed `list:code` (units as `unor:<id>`);
    /// the drop-down lists' names come with those lists instead.
    pub label: BTreeMap<String, String>,
    /// Today in WIB (the rules compare dates with it).
    pub hari_ini: String,
    /// The NIP the record would get (birth date or gender changed).
    pub nip_baru: Option<String>,
    /// The "[?]" flags on fields.
    pub tanda: Vec<Tanda>,
    /// Supporting documents attached to sections and entries.
    pub dokumen: Vec<Dokumen>,
    /// A returned proposal: the rejected fields and the verifiers' reasons.
    pub penolakan: Vec<domain::verifikasi::Penolakan>,
}

impl FormulirView {
    /// The proposal as it stands.
    pub fn draft(&self) -> &Formulir {
        self.draf.as_ref().unwrap_or(&self.master)
    }
}

/// The short code lists the drop-downs offer: list → (code, name) in order.
pub type Opsi = BTreeMap<DaftarKode, Vec<(String, String)>>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimpanView {
    pub hasil: HasilSimpan,
    pub berlaku: Vec<Bagian>,
    pub nip_baru: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum KirimView {
    Terkirim {
        versi: i32,
    },
    /// Not sent: these sections are not reviewed yet, or fail their rules.
    Belum {
        belum_diperiksa: Vec<Bagian>,
        kesalahan: Vec<FieldError>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeristiwaView {
    pub peristiwa: JenisPeristiwa,
    pub tingkat: Option<i16>,
    pub oleh: String,
    /// The office that acted (verifiers); the PNS sees the office, not the person.
    pub kantor: String,
    pub catatan: String,
    pub pada: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgresView {
    pub status: StatusUsulan,
    /// The fields rejected when it was last returned, with their reasons.
    pub penolakan: Vec<domain::verifikasi::Penolakan>,
    pub dikirim: Option<String>,
    pub peristiwa: Vec<PeristiwaView>,
    pub jumlah_perubahan: usize,
}

/// The lists a picker may search by typing (the short lists come whole with the form).
pub const SEARCHABLE: &[DaftarKode] = &[
    DaftarKode::Jurusan,
    DaftarKode::Jft,
    DaftarKode::Jfu,
    DaftarKode::DiklatStruktural,
    DaftarKode::DiklatFungsional,
    DaftarKode::MataPelajaran,
    DaftarKode::BidangSpesialis,
    DaftarKode::KabupatenKota,
    DaftarKode::Negara,
    DaftarKode::Unor,
    DaftarKode::FasilitasKesehatan,
    DaftarKode::FasilitasPendidikan,
];

#[server(endpoint = "pns/formulir")]
pub async fn load_form() -> Result<FormulirView, AppError> {
    use crate::auth::refuse;
    use domain::ErrorCode;

    let (_, state, nip) = server::own_nip()?;
    let snapshot = state.personnel.open_form(&nip).await?;
    let personnel::FormSnapshot { usulan, tanda, dokumen } = snapshot.ok_or_else(|| refuse(ErrorCode::NotFound))?;
    let labels = state.reference.labels().await?;
    // An untouched draft is the master: its values need naming once.
    let forms: &[&Formulir] =
        if usulan.versi > 0 { &[&usulan.master_form, &usulan.isi] } else { &[&usulan.master_form] };
    let p = &usulan.master.pns;
    // The units in the forms and the instansi, named in one call.
    let unit_names = server::unit_names(&state, forms, p.instansi_id).await?;
    Ok(FormulirView {
        nip: nip.clone(),
        nama: [p.gelar_depan.as_str(), p.nama.as_str()].join(" ").trim().to_owned()
            + &if p.gelar_belakang.is_empty() { String::new() } else { format!(", {}", p.gelar_belakang) },
        instansi: unit_names.get(&p.instansi_id).cloned().unwrap_or_default(),
        label: server::value_labels(forms, &labels, &unit_names),
        berlaku: personnel::Personnel::applicable(&usulan.isi, &labels),
        nip_baru: server::nip_baru(&nip, &usulan.isi),
        master: usulan.master_form,
        draf: (usulan.versi > 0).then_some(usulan.isi),
        versi: usulan.versi,
        penolakan: usulan.penolakan,
        status: usulan.status,
        diperiksa: usulan.diperiksa,
        hari_ini: domain::dates::iso(state.personnel.today()),
        tanda,
        dokumen,
    })
}

#[server(endpoint = "pns/simpan-bagian", input = server_fn::codec::Json)]
pub async fn save_section(simpan: Simpan) -> Result<SimpanView, AppError> {
    let (_, state, _, usulan) = server::own_usulan().await?;
    let personnel::Tersimpan { hasil, berlaku, nip_baru } = state.personnel.save_section(&usulan, simpan).await?;
    Ok(SimpanView { hasil, berlaku, nip_baru })
}

#[server(endpoint = "pns/kirim")]
pub async fn submit_form(versi: i32) -> Result<KirimView, AppError> {
    use personnel::UsulanError;

    let (user, state, _, usulan) = server::own_usulan().await?;
    match state.verification.send(&usulan, versi, &user.nama).await {
        Ok(sent) => Ok(KirimView::Terkirim { versi: sent.versi }),
        Err(UsulanError::Incomplete { belum_diperiksa, kesalahan }) => {
            Ok(KirimView::Belum { belum_diperiksa, kesalahan })
        }
        Err(error) => Err(error.into()),
    }
}

#[server(endpoint = "pns/progres")]
pub async fn progress() -> Result<ProgresView, AppError> {
    let (_, state, nip, usulan) = server::own_usulan().await?;
    let (timeline, changes) =
        futures::future::try_join(state.personnel.timeline(&nip), state.personnel.sent_changes(&usulan)).await?;
    // No open proposal after a final one: the progress page shows the final one's outcome.
    let last_final = usulan.id.is_none() && timeline.last().is_some_and(|p| p.peristiwa == JenisPeristiwa::Final);
    Ok(ProgresView {
        status: if last_final { StatusUsulan::Final } else { usulan.status },
        penolakan: usulan.penolakan.clone(),
        dikirim: usulan.dikirim.map(server::wib),
        peristiwa: timeline
            .into_iter()
            .map(|p| PeristiwaView {
                peristiwa: p.peristiwa,
                tingkat: p.tingkat,
                oleh: p.oleh,
                kantor: p.kantor,
                catatan: p.catatan,
                pada: server::wib(p.pada),
            })
            .collect(),
        jumlah_perubahan: changes.len(),
    })
}

/// "[?]": flags a field whose right value cannot be chosen, with the PNS's explanation.
#[server(endpoint = "pns/tandai")]
pub async fn flag_field(
    bagian: Bagian,
    entri: Option<String>,
    field: String,
    keterangan: String,
) -> Result<Tanda, AppError> {
    let (_, state, nip) = server::own_nip()?;
    let entri = entri.as_deref().filter(|e| !e.is_empty());
    Ok(state.personnel.flag_field(&nip, bagian, entri, &field, &keterangan).await?)
}

/// Withdraws one of the PNS's own open flags.
#[server(endpoint = "pns/tarik-tanda")]
pub async fn withdraw_flag(id: String) -> Result<(), AppError> {
    let (_, state, nip) = server::own_nip()?;
    Ok(state.personnel.withdraw_flag(&nip, &id).await?)
}

/// The drop-downs' code lists (the same for everyone; apart from the record so that the
/// record load stays small).
#[server(endpoint = "referensi/opsi")]
pub async fn dropdown_lists() -> Result<Opsi, AppError> {
    use crate::auth::{require, state};
    use domain::Capability;

    require(Capability::OwnRecord)?;
    let labels = state()?.reference.labels().await?;
    Ok(server::dropdowns(&labels))
}

/// Up to 20 entries of a long list whose names contain `q`; `unor` and the facilities search
/// the lists of the PNS's own instansi.
#[server(endpoint = "referensi/cari")]
pub async fn search_reference(jenis: DaftarKode, q: String) -> Result<Vec<(String, String)>, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode};

    let (user, _) = require(Capability::OwnRecord)?;
    if !SEARCHABLE.contains(&jenis) || q.chars().count() > 100 {
        return Err(refuse(ErrorCode::BadRequest));
    }
    let state = state()?;
    if jenis.per_instansi() {
        let nip = user.nip.clone().ok_or_else(|| refuse(ErrorCode::NotFound))?;
        let master = state.personnel.master(&nip).await?.ok_or_else(|| refuse(ErrorCode::NotFound))?;
        return Ok(state.reference.search_instansi_list(jenis, master.instansi_id, &q, 20).await?);
    }
    Ok(state.reference.search_codes(jenis, &q, 20).await?)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use std::collections::{BTreeMap, BTreeSet, HashMap};

    use domain::form::{Bagian, Formulir};
    use domain::Capability;
    use domain::{DaftarKode, ErrorCode, Nip};
    use identity::CurrentUser;
    use personnel::Usulan;
    use reference::Labels;
    use uuid::Uuid;

    use crate::auth::{refuse, require, state, AppState};
    use crate::error::AppError;

    /// The short lists offered as drop-downs.
    const DROPDOWNS: &[DaftarKode] = &[
        DaftarKode::Agama,
        DaftarKode::StatusKawin,
        DaftarKode::JenisKelamin,
        DaftarKode::JenisPegawai,
        DaftarKode::KedudukanHukum,
        DaftarKode::JenisJabatan,
        DaftarKode::Eselon,
        DaftarKode::TingkatPendidikan,
        DaftarKode::Golongan,
        DaftarKode::FasilitasKesehatanJenis,
    ];

    /// The signed-in PNS (the PNS role active), the state and their NIP.
    pub fn own_nip() -> Result<(CurrentUser, AppState, String), AppError> {
        let (user, _) = require(Capability::OwnRecord)?;
        let state = state()?;
        let nip = user.nip.clone().ok_or_else(|| refuse(ErrorCode::NotFound))?;
        Ok((user, state, nip))
    }

    /// The guard every form function starts with: the signed-in PNS, the state, their NIP,
    /// and their proposal (opened from the master record on first use).
    pub async fn own_usulan() -> Result<(CurrentUser, AppState, String, Usulan), AppError> {
        let (user, state, nip) = own_nip()?;
        let usulan = state.personnel.open_usulan(&nip).await?;
        let usulan = usulan.ok_or_else(|| refuse(ErrorCode::NotFound))?;
        Ok((user, state, nip, usulan))
    }

    pub fn wib(at: time::OffsetDateTime) -> String {
        let at = at.to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("valid offset"));
        format!("{} {:02}:{:02} WIB", domain::dates::iso(at.date()), at.hour(), at.minute())
    }

    pub fn nip_baru(nip: &str, form: &Formulir) -> Option<String> {
        let nip = Nip::parse(nip).ok()?;
        domain::form::proposed_nip(&nip, &form.data_utama).map(|n| n.as_str().to_owned())
    }

    /// Names of the units and facilities in `forms`, and of `also` (the instansi), in one call.
    pub async fn unit_names(
        state: &AppState,
        forms: &[&Formulir],
        also: Uuid,
    ) -> Result<HashMap<Uuid, String>, AppError> {
        let mut ids = BTreeSet::from([also]);
        for form in forms {
            for bagian in Bagian::ALL {
                form.visit_fields(*bagian, |_, spec, value, _| {
                    if spec.kind.instansi_list().is_some() {
                        if let Ok(id) = Uuid::parse_str(value) {
                            ids.insert(id);
                        }
                    }
                });
            }
        }
        let ids: Vec<Uuid> = ids.into_iter().collect();
        Ok(state.reference.names(&ids).await?)
    }

    pub fn value_labels(
        forms: &[&Formulir],
        labels: &Labels,
        units: &HashMap<Uuid, String>,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for form in forms {
            for bagian in Bagian::ALL {
                form.visit_fields(*bagian, |_, spec, value, jenis_jabatan| {
                    if value.is_empty() {
                        return;
                    }
                    if let Some(list) = spec.kind.instansi_list() {
                        if let Some(name) = Uuid::parse_str(value).ok().and_then(|id| units.get(&id)) {
                            out.insert(format!("{}:{value}", list.code()), name.clone());
                        }
                    } else if let Some(list) = bagian
                        .code_list(spec, jenis_jabatan)
                        // Drop-downs name their entries, except a retired one a record still has.
                        .filter(|l| !DROPDOWNS.contains(l) || !labels.choosable(*l, value))
                    {
                        if let Some(name) = labels.name(list, value) {
                            out.insert(format!("{}:{value}", list.code()), name.to_owned());
                        }
                    }
                });
            }
        }
        out
    }

    pub fn dropdowns(labels: &Labels) -> BTreeMap<DaftarKode, Vec<(String, String)>> {
        DROPDOWNS.iter().map(|list| (*list, labels.list(*list).to_vec())).collect()
    }
}
