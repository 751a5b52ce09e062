//! The PNS's proposal (usulan): open a draft from the master record, save a section with
//! optimistic concurrency and an idempotency key, send it, read the timeline.

use std::collections::BTreeSet;

use access::ServiceError;
use domain::form::{
    check_section, diff, Aksi, Bagian, Context, FieldError, Formulir, HasilSimpan, JenisPeristiwa, Kind, Simpan,
    StatusTanda, StatusUsulan,
};
use domain::{ErrorCode, Nip, UnknownCode};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::PnsWithHistory;
use crate::store::Personnel;

#[derive(Debug, thiserror::Error)]
pub enum UsulanError {
    /// The request is refused with a code the PNS can act on.
    #[error("refused: {0}")]
    Refused(ErrorCode),
    /// Sending is refused: these sections are not reviewed, or fail their rules.
    #[error("incomplete")]
    Incomplete { belum_diperiksa: Vec<Bagian>, kesalahan: Vec<FieldError> },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Callers that need no detail of an incomplete proposal answer with the one error shape.
impl From<UsulanError> for ServiceError {
    fn from(error: UsulanError) -> Self {
        match error {
            UsulanError::Refused(code) => ServiceError::Refused(code),
            UsulanError::Incomplete { .. } => ServiceError::Refused(ErrorCode::SectionsIncomplete),
            UsulanError::Database(e) => ServiceError::from(e),
        }
    }
}

/// A proposal as stored, with the master it is measured against.
#[derive(Debug, Clone)]
pub struct Usulan {
    /// `None` until the first save creates the row.
    pub id: Option<Uuid>,
    pub nip: String,
    pub master: PnsWithHistory,
    pub master_form: Formulir,
    pub master_versi: i32,
    pub versi: i32,
    pub status: StatusUsulan,
    pub isi: Formulir,
    pub diperiksa: Vec<Bagian>,
    pub dikirim: Option<OffsetDateTime>,
    /// Rounds sent so far.
    pub putaran: i32,
    /// The fields rejected when it was last returned.
    pub penolakan: Vec<domain::verifikasi::Penolakan>,
}

/// What sending wrote: the round the verifiers now decide on.
#[derive(Debug, Clone)]
pub struct Terkirim {
    pub usulan_id: Uuid,
    pub putaran: i32,
    pub versi: i32,
    pub perubahan: Vec<domain::form::Perubahan>,
    pub dikirim: OffsetDateTime,
    /// Whether documents are attached, and "[?]" flags are open (queue filters).
    pub ada_dokumen: bool,
    pub ada_tanda: bool,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Peristiwa {
    pub peristiwa: JenisPeristiwa,
    pub tingkat: Option<i16>,
    pub oleh: String,
    /// The office that acted (verifiers), empty for the PNS.
    pub kantor: String,
    pub catatan: String,
    pub pada: OffsetDateTime,
}

/// A saved section: the save's answer, and the sections that apply after it (a change of
/// position can bring Data Guru or Data Dokter in or out).
#[derive(Debug, Clone, PartialEq)]
pub struct Tersimpan {
    pub hasil: HasilSimpan,
    pub berlaku: Vec<Bagian>,
    /// The NIP the record would get after this save (birth date or gender changed).
    pub nip_baru: Option<String>,
}

/// A stored code as its type; one this code does not know is a decode error (logged, and
/// answered `Internal`), never taken for another value.
pub(crate) fn decode<T>(parsed: Result<T, UnknownCode>) -> sqlx::Result<T> {
    parsed.map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub(crate) fn parse_bagian_list(slugs: &[String]) -> sqlx::Result<Vec<Bagian>> {
    slugs.iter().map(|s| decode(Bagian::parse(s))).collect()
}

pub(crate) struct Row {
    pub(crate) id: Uuid,
    pub(crate) putaran: i32,
    pub(crate) penolakan: Json<Vec<domain::verifikasi::Penolakan>>,
    pub(crate) master_versi: i32,
    pub(crate) versi: i32,
    pub(crate) status: String,
    pub(crate) isi: Json<Formulir>,
    pub(crate) diperiksa: Vec<String>,
    pub(crate) dikirim: Option<OffsetDateTime>,
}

impl Personnel {
    /// The PNS's proposal. Until the first save there is no row: the draft is the master
    /// record as it stands (version 0), so opening the form writes nothing.
    pub async fn open_usulan(&self, nip: &str) -> Result<Option<Usulan>, UsulanError> {
        Ok(self.open(nip, false).await?.map(|snapshot| snapshot.usulan))
    }

    /// Whether the PNS may still change the proposal (no row yet: an untouched draft).
    pub(crate) async fn editable(&self, nip: &str) -> sqlx::Result<bool> {
        let status = sqlx::query_scalar!("SELECT status FROM usulan WHERE nip = $1 AND status <> 'final'", nip)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match status {
            Some(status) => decode(StatusUsulan::parse(&status))?.editable(),
            None => true,
        })
    }

    /// The sections `form` asks for: Data Guru and Data Dokter only where the current
    /// position's reference entry is of that kind.
    pub fn applicable(form: &Formulir, labels: &reference::Labels) -> Vec<Bagian> {
        let jenis = form.current_jabatan().and_then(|(list, kode)| labels.jenis_fungsional(list, kode));
        Formulir::applicable(jenis)
    }

    /// Saves one section. An autosave stores the content as typed; "Simpan" (`periksa`)
    /// also checks it (the rules as of today, its codes against the reference lists) and,
    /// when it passes, marks it reviewed. Any change to a reviewed section un-marks it until
    /// it is reviewed again. A section the form does not ask for is refused.
    pub async fn save_section(&self, usulan: &Usulan, simpan: Simpan) -> Result<Tersimpan, UsulanError> {
        let nip = Nip::parse(&usulan.nip).map_err(UsulanError::Refused)?;
        let bagian = simpan.isi.bagian();
        if simpan.isi.entry_count() > domain::form::MAX_ENTRIES {
            return Err(UsulanError::Refused(ErrorCode::TooManyEntries));
        }
        let kunci = Uuid::parse_str(&simpan.kunci).map_err(|_| UsulanError::Refused(ErrorCode::BadRequest))?;
        let mut after = usulan.isi.clone();
        after.apply(simpan.isi.clone());
        let berlaku = Self::applicable(&after, &*self.reference.labels().await?);
        if !berlaku.contains(&bagian) {
            return Err(UsulanError::Refused(ErrorCode::SectionNotApplicable));
        }
        let refs = self.reference_check(usulan.master.pns.instansi_id, &after, &[bagian]).await?;
        let nip_baru = domain::form::proposed_nip(&nip, &after.data_utama).map(|n| n.as_str().to_owned());
        let today = self.today();
        let mut tx = self.pool.begin().await?;
        // A retried save: answer as the first time.
        if let Some(versi) =
            sqlx::query_scalar!("SELECT versi FROM usulan_simpan WHERE kunci = $1 AND nip = $2", kunci, nip.as_str())
                .fetch_optional(&mut *tx)
                .await?
        {
            let diperiksa =
                sqlx::query_scalar!("SELECT diperiksa FROM usulan WHERE nip = $1 AND status <> 'final'", nip.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
            let hasil = HasilSimpan { versi, diperiksa: parse_bagian_list(&diperiksa)?, kesalahan: vec![] };
            return Ok(Tersimpan { hasil, berlaku, nip_baru });
        }
        // The first save creates the row (version 0 is the untouched master).
        if usulan.versi == 0 {
            sqlx::query!(
                "INSERT INTO usulan (nip, master_versi, versi, isi) VALUES ($1, $2, 0, $3)
                 ON CONFLICT (nip) WHERE status <> 'final' DO NOTHING",
                nip.as_str(),
                usulan.master_versi,
                Json(&usulan.master_form) as _
            )
            .execute(&mut *tx)
            .await?;
        }
        let row = sqlx::query_as!(
            Row,
            r#"SELECT id, putaran, penolakan AS "penolakan: Json<Vec<domain::verifikasi::Penolakan>>",
                      master_versi, versi, status, isi AS "isi: Json<Formulir>", diperiksa, dikirim
               FROM usulan WHERE nip = $1 AND status <> 'final' FOR UPDATE"#,
            nip.as_str()
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(UsulanError::Refused(ErrorCode::NotFound))?;
        if !decode(StatusUsulan::parse(&row.status))?.editable() {
            return Err(UsulanError::Refused(ErrorCode::ProposalLocked));
        }
        if row.versi != simpan.versi {
            return Err(UsulanError::Refused(ErrorCode::VersionConflict));
        }
        let mut form = row.isi.0;
        let changed = form.section(bagian) != simpan.isi;
        form.apply(simpan.isi);
        let mut diperiksa: BTreeSet<Bagian> = parse_bagian_list(&row.diperiksa)?.into_iter().collect();
        let mut kesalahan = Vec::new();
        if simpan.periksa {
            let cx = Context { nip: &nip, master: &usulan.master_form, today };
            kesalahan = check_section(&form, bagian, &cx);
            kesalahan.extend(reference_errors(&form, &usulan.master_form, bagian, &refs));
            if kesalahan.is_empty() {
                diperiksa.insert(bagian);
            } else {
                diperiksa.remove(&bagian);
            }
        } else if changed {
            diperiksa.remove(&bagian);
        }
        let slugs: Vec<String> = diperiksa.iter().map(|b| b.slug().to_owned()).collect();
        let versi = sqlx::query_scalar!(
            "UPDATE usulan SET isi = $2, diperiksa = $3, versi = versi + 1, diubah = now()
             WHERE id = $1 RETURNING versi",
            row.id,
            Json(&form) as _,
            &slugs
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!("INSERT INTO usulan_simpan (kunci, nip, versi) VALUES ($1, $2, $3)", kunci, nip.as_str(), versi)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let hasil = HasilSimpan { versi, diperiksa: diperiksa.into_iter().collect(), kesalahan };
        Ok(Tersimpan { hasil, berlaku, nip_baru })
    }

    /// Sends the proposal for verification: every applicable section reviewed and passing,
    /// the master unchanged since the draft began, inside the instansi's collection period
    /// (as of today). Writes the round's field-level change set and the timeline step on
    /// `conn`, the caller's transaction: verification creates the first work item in the
    /// same one (`verification::Verification::send`).
    pub async fn submit(
        &self,
        conn: &mut sqlx::PgConnection,
        usulan: &Usulan,
        versi: i32,
        oleh: &str,
    ) -> Result<Terkirim, UsulanError> {
        let nip = Nip::parse(&usulan.nip).map_err(UsulanError::Refused)?;
        let today = self.today();
        let periode = self.reference.collection_period(usulan.master.pns.instansi_id).await?;
        if !periode.open_on(today) {
            return Err(UsulanError::Refused(ErrorCode::PeriodClosed));
        }
        if !usulan.status.editable() {
            return Err(UsulanError::Refused(ErrorCode::ProposalLocked));
        }
        if usulan.versi != versi {
            return Err(UsulanError::Refused(ErrorCode::VersionConflict));
        }
        if usulan.master_versi != usulan.master.pns.versi {
            return Err(UsulanError::Refused(ErrorCode::MasterChanged));
        }
        let berlaku = &Self::applicable(&usulan.isi, &*self.reference.labels().await?);
        let refs = &self.reference_check(usulan.master.pns.instansi_id, &usulan.isi, berlaku).await?;
        let belum_diperiksa: Vec<Bagian> = berlaku.iter().copied().filter(|b| !usulan.diperiksa.contains(b)).collect();
        let cx = Context { nip: &nip, master: &usulan.master_form, today };
        let kesalahan: Vec<FieldError> = berlaku
            .iter()
            .flat_map(|b| {
                let mut errors = check_section(&usulan.isi, *b, &cx);
                errors.extend(reference_errors(&usulan.isi, &usulan.master_form, *b, refs));
                errors
            })
            .collect();
        if !belum_diperiksa.is_empty() || !kesalahan.is_empty() {
            return Err(UsulanError::Incomplete { belum_diperiksa, kesalahan });
        }
        // Every section reviewed means every section saved: the row exists.
        let usulan_id = usulan.id.ok_or(UsulanError::Refused(ErrorCode::VersionConflict))?;
        let mut perubahan = diff(&usulan.master_form, &usulan.isi);
        perubahan.retain(|c| berlaku.contains(&c.bagian));
        let editable: Vec<&str> = StatusUsulan::EDITABLE.iter().map(|s| s.code()).collect();
        let sent = sqlx::query!(
            "UPDATE usulan SET status = $3, dikirim = now(), versi = versi + 1, diubah = now(),
                    putaran = putaran + 1
             WHERE id = $1 AND versi = $2 AND status = ANY($4) RETURNING versi, putaran, dikirim AS \"dikirim!\"",
            usulan_id,
            versi,
            StatusUsulan::Dikirim.code(),
            &editable as &[&str]
        )
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(UsulanError::Refused(ErrorCode::VersionConflict))?;
        for (i, c) in perubahan.iter().enumerate() {
            sqlx::query!(
                "INSERT INTO usulan_perubahan (usulan_id, putaran, urutan, bagian, aksi, entri, field, lama, baru)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                usulan_id,
                sent.putaran,
                i as i32,
                c.bagian.slug(),
                c.aksi.code(),
                c.entri,
                c.field,
                c.lama,
                c.baru
            )
            .execute(&mut *conn)
            .await?;
        }
        Self::add_step(conn, usulan_id, JenisPeristiwa::Dikirim, None, oleh, "", "").await?;
        let attached = sqlx::query!(
            r#"SELECT EXISTS (SELECT 1 FROM dokumen WHERE nip = $1) AS "dokumen!",
                      EXISTS (SELECT 1 FROM usulan_tanda WHERE nip = $1 AND status <> $2) AS "tanda!""#,
            nip.as_str(),
            StatusTanda::Selesai.code()
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok(Terkirim {
            usulan_id,
            putaran: sent.putaran,
            versi: sent.versi,
            perubahan,
            dikirim: sent.dikirim,
            ada_dokumen: attached.dokumen,
            ada_tanda: attached.tanda,
        })
    }

    /// Appends a step to the proposal's timeline.
    pub(crate) async fn add_step(
        conn: &mut sqlx::PgConnection,
        usulan_id: Uuid,
        peristiwa: JenisPeristiwa,
        tingkat: Option<i16>,
        oleh: &str,
        kantor: &str,
        catatan: &str,
    ) -> sqlx::Result<()> {
        sqlx::query!(
            "INSERT INTO usulan_riwayat (usulan_id, nip, peristiwa, tingkat, oleh, kantor, catatan)
             SELECT id, nip, $2, $3, $4, $5, $6 FROM usulan WHERE id = $1",
            usulan_id,
            peristiwa.code(),
            tingkat,
            oleh,
            kantor,
            catatan
        )
        .execute(conn)
        .await?;
        Ok(())
    }

    /// The PNS's timeline over all their proposals, oldest first.
    pub async fn timeline(&self, nip: &str) -> sqlx::Result<Vec<Peristiwa>> {
        let rows = sqlx::query!(
            "SELECT peristiwa, tingkat, oleh, kantor, catatan, pada FROM usulan_riwayat WHERE nip = $1 ORDER BY id",
            nip
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Peristiwa {
                    peristiwa: decode(JenisPeristiwa::parse(&r.peristiwa))?,
                    tingkat: r.tingkat,
                    oleh: r.oleh,
                    kantor: r.kantor,
                    catatan: r.catatan,
                    pada: r.pada,
                })
            })
            .collect()
    }

    /// The change set of the round last sent (none before the first sending).
    pub async fn sent_changes(&self, usulan: &Usulan) -> sqlx::Result<Vec<domain::form::Perubahan>> {
        match usulan.id {
            Some(id) if usulan.putaran > 0 => {
                Self::round_changes(&mut *self.pool.acquire().await?, id, usulan.putaran).await
            }
            _ => Ok(Vec::new()),
        }
    }

    /// The change set of one round, in order (what the verifiers decide on).
    pub async fn round_changes(
        conn: &mut sqlx::PgConnection,
        usulan_id: Uuid,
        putaran: i32,
    ) -> sqlx::Result<Vec<domain::form::Perubahan>> {
        let rows = sqlx::query!(
            "SELECT bagian, aksi, entri, field, lama, baru FROM usulan_perubahan
             WHERE usulan_id = $1 AND putaran = $2 ORDER BY urutan",
            usulan_id,
            putaran
        )
        .fetch_all(conn)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(domain::form::Perubahan {
                    bagian: decode(Bagian::parse(&r.bagian))?,
                    aksi: decode(Aksi::parse(&r.aksi))?,
                    entri: r.entri,
                    field: r.field,
                    lama: r.lama,
                    baru: r.baru,
                })
            })
            .collect()
    }

    /// Forgets idempotency keys older than a day (a retry comes within seconds or, from an
    /// offline queue, within hours).
    pub async fn purge_save_keys(&self) -> sqlx::Result<u64> {
        Ok(sqlx::query!("DELETE FROM usulan_simpan WHERE pada < now() - interval '1 day'")
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}

/// Reference values of one section that are not in their lists, or retired where the master
/// does not have them: a retired entry stays in the records that have it (the same field of
/// the section holds it in the master; entries may have moved) and cannot be chosen anew.
fn reference_errors(form: &Formulir, master: &Formulir, bagian: Bagian, refs: &ReferenceLists) -> Vec<FieldError> {
    let mut in_master = BTreeSet::new();
    master.visit_fields(bagian, |_, spec, value, _| {
        in_master.insert((spec.key, value.trim().to_owned()));
    });
    let mut out = Vec::new();
    form.visit_fields(bagian, |entri, spec, value, jenis_jabatan| {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let code = match (spec.kind, bagian.code_list(spec, jenis_jabatan)) {
            (Kind::Unor, _) => (!refs.unor_in_instansi(value)).then_some(ErrorCode::CodeUnknown),
            // A closed facility stays only where the master has it, like a retired code.
            (Kind::Fasilitas(bidang), _) => match refs.facilities.get(value) {
                Some((b, _)) if *b != bidang => Some(ErrorCode::CodeUnknown),
                Some((_, false)) => None,
                Some((_, true)) => {
                    (!in_master.contains(&(spec.key, value.to_owned()))).then_some(ErrorCode::CodeRetired)
                }
                None => Some(ErrorCode::CodeUnknown),
            },
            (_, Some(list)) if !refs.labels.contains(list, value) => Some(ErrorCode::CodeUnknown),
            (_, Some(list)) if !refs.labels.choosable(list, value) => {
                (!in_master.contains(&(spec.key, value.to_owned()))).then_some(ErrorCode::CodeRetired)
            }
            _ => None,
        };
        if let Some(code) = code {
            out.push(FieldError { bagian, entri, field: spec.key.to_owned(), code });
        }
    });
    out
}

/// Checks that a section's codes exist in the reference lists and its units and facilities
/// belong to the PNS's instansi (the browser cannot know these, so only the server runs
/// them): code lists from the reference service's cache, the units named in the checked
/// sections looked up one by one, their facilities in one query.
struct ReferenceLists {
    labels: std::sync::Arc<reference::Labels>,
    units: std::collections::HashSet<String>,
    /// The instansi's facilities named in the sections, by id: their field and whether closed.
    facilities: std::collections::HashMap<String, (domain::fasilitas::BidangFasilitas, bool)>,
}

impl ReferenceLists {
    fn unor_in_instansi(&self, unor_id: &str) -> bool {
        self.units.contains(unor_id)
    }
}

impl Personnel {
    /// A checker for `sections` of `form`, for a PNS of `instansi_id`.
    async fn reference_check(
        &self,
        instansi_id: Uuid,
        form: &Formulir,
        sections: &[Bagian],
    ) -> sqlx::Result<ReferenceLists> {
        let (mut named, mut named_facilities) = (BTreeSet::new(), Vec::new());
        for bagian in sections {
            form.visit_fields(*bagian, |_, spec, value, _| {
                let Ok(id) = Uuid::parse_str(value.trim()) else { return };
                match spec.kind {
                    Kind::Unor => {
                        named.insert(id);
                    }
                    Kind::Fasilitas(_) => named_facilities.push(id),
                    _ => {}
                }
            });
        }
        let facilities = if named_facilities.is_empty() {
            Default::default()
        } else {
            let found = self.reference.facilities_by_id(instansi_id, &named_facilities).await?;
            found.into_iter().map(|f| (f.id.to_string(), (f.bidang, f.ditutup))).collect()
        };
        let mut units = std::collections::HashSet::new();
        for id in named {
            if self.reference.unor(id).await?.is_some_and(|u| u.instansi_id == instansi_id) {
                units.insert(id.to_string());
            }
        }
        Ok(ReferenceLists { labels: self.reference.labels().await?, units, facilities })
    }
}

/// A delete that names one row of the caller's: none removed means it is not there, or not
/// theirs (the same answer for both).
pub(crate) fn removed_one(done: sqlx::postgres::PgQueryResult) -> Result<(), UsulanError> {
    match done.rows_affected() {
        0 => Err(UsulanError::Refused(ErrorCode::NotFound)),
        _ => Ok(()),
    }
}
