//! Reference service: instansi, unor trees, Kanreg regions, instansi settings and the
//! national code lists. Other services read them through this API only.

mod fasilitas;
mod kelola;
mod search;
mod unor_impor;
mod unor_kelola;

pub use fasilitas::Fasilitas;
pub use unor_kelola::Pindah;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use access::{audit, CurrentUser, ServiceError};
use domain::pengaturan::{PengaturanInstansi, Periode};
use domain::{DaftarKode, JenisFungsional};
use sqlx::PgPool;
use time::Date;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct Instansi {
    pub id: Uuid,
    pub kode: String,
    pub nama: String,
    /// "pusat" or "daerah"
    pub jenis: String,
    pub kanreg_id: i16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unor {
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub nama: String,
    pub jenis: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kanreg {
    pub id: i16,
    pub kode: String,
    pub nama: String,
}

/// An office that verifies or answers (table `kantor`).
#[derive(Debug, Clone, PartialEq)]
pub struct Kantor {
    pub id: i16,
    pub kode: String,
    pub nama: String,
    /// `kanreg`, `direktorat`, `biro` or `deputi`
    pub jenis: String,
    /// The region whose instansi it verifies (0: central instansi); none for national offices.
    pub kanreg_id: Option<i16>,
}

/// A cached value and when it was loaded.
type Cached<T> = (Instant, T);

/// Every code list, indexed three ways: name by code, code by name, and each list in order.
#[derive(Debug, Default)]
pub struct Labels {
    /// list → kode → nama. Nested maps so that a lookup by `&str` allocates nothing: a
    /// record load looks up every coded value of the form.
    by_code: HashMap<DaftarKode, HashMap<String, String>>,
    /// list → lower-cased name → kode: the master keeps some values by name.
    by_name: HashMap<DaftarKode, HashMap<String, String>>,
    /// list → (kode, nama) in the list's own order, for drop-downs: retired entries left out.
    lists: HashMap<DaftarKode, Vec<(String, String)>>,
    /// list → the codes of retired entries (still named in old records, never offered).
    retired: HashMap<DaftarKode, HashSet<String>>,
    /// list → kode → the kind of a JFT/JFU position that brings its own form section.
    fungsional: HashMap<DaftarKode, HashMap<String, JenisFungsional>>,
}

impl Labels {
    fn insert(&mut self, jenis: DaftarKode, kode: String, nama: String) {
        self.by_name.entry(jenis).or_default().insert(nama.to_lowercase(), kode.clone());
        self.lists.entry(jenis).or_default().push((kode.clone(), nama.clone()));
        self.by_code.entry(jenis).or_default().insert(kode, nama);
    }

    fn insert_retired(&mut self, jenis: DaftarKode, kode: String, nama: String) {
        self.by_name.entry(jenis).or_default().insert(nama.to_lowercase(), kode.clone());
        self.retired.entry(jenis).or_default().insert(kode.clone());
        self.by_code.entry(jenis).or_default().insert(kode, nama);
    }

    /// The name of `kode` in the list `jenis`.
    pub fn name(&self, jenis: DaftarKode, kode: &str) -> Option<&str> {
        self.by_code.get(&jenis)?.get(kode).map(String::as_str)
    }

    /// Whether `kode` is an entry of the list, in use or retired (old records name it).
    pub fn contains(&self, jenis: DaftarKode, kode: &str) -> bool {
        self.name(jenis, kode).is_some()
    }

    /// Whether `kode` may be chosen in a new value: an entry of the list, not retired.
    pub fn choosable(&self, jenis: DaftarKode, kode: &str) -> bool {
        self.contains(jenis, kode) && !self.retired.get(&jenis).is_some_and(|r| r.contains(kode))
    }

    /// The code of the entry named `nama` (case-insensitive) in the list `jenis`.
    pub fn code_by_name(&self, jenis: DaftarKode, nama: &str) -> Option<&str> {
        self.by_name.get(&jenis)?.get(&nama.to_lowercase()).map(String::as_str)
    }

    /// The kind of the position `kode` of the list `jenis` (JFT/JFU), if it has one.
    pub fn jenis_fungsional(&self, jenis: DaftarKode, kode: &str) -> Option<JenisFungsional> {
        self.fungsional.get(&jenis)?.get(kode).copied()
    }

    /// A whole list in its own order, retired entries left out (empty if unknown).
    pub fn list(&self, jenis: DaftarKode) -> &[(String, String)] {
        self.lists.get(&jenis).map(Vec::as_slice).unwrap_or_default()
    }
}

#[derive(Clone)]
pub struct Reference {
    pool: PgPool,
    /// Labels change only when an admin edits a code list; every record load needs them.
    labels: Arc<RwLock<Option<Cached<Arc<Labels>>>>>,
    /// Bumped whenever the cached labels are dropped: a load that began before a change
    /// must not put its older lists back into the cache.
    labels_generation: Arc<std::sync::atomic::AtomicU64>,
    /// Names of instansi and unor by id, for the same reason.
    names: Arc<RwLock<HashMap<Uuid, Cached<String>>>>,
}

const LABELS_TTL: Duration = Duration::from_secs(300);

impl Reference {
    pub fn new(pool: PgPool) -> Self {
        Reference { pool, labels: Arc::default(), labels_generation: Arc::default(), names: Arc::default() }
    }

    pub async fn instansi(&self, id: Uuid) -> sqlx::Result<Option<Instansi>> {
        sqlx::query_as!(Instansi, "SELECT id, kode, nama, jenis, kanreg_id FROM instansi WHERE id = $1", id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The province (Kemendagri code) of a regional instansi; `None` for a central one.
    pub async fn instansi_provinsi(&self, id: Uuid) -> sqlx::Result<Option<String>> {
        let kode = sqlx::query_scalar!("SELECT provinsi_kode FROM instansi WHERE id = $1", id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(kode.flatten())
    }

    /// Every instansi, by name (the help desk's "moved to" picker).
    pub async fn all_instansi(&self) -> sqlx::Result<Vec<Instansi>> {
        sqlx::query_as!(Instansi, "SELECT id, kode, nama, jenis, kanreg_id FROM instansi ORDER BY nama")
            .fetch_all(&self.pool)
            .await
    }

    pub async fn unor(&self, id: Uuid) -> sqlx::Result<Option<Unor>> {
        sqlx::query_as!(Unor, "SELECT id, instansi_id, parent_id, nama, jenis, path FROM unor WHERE id = $1", id)
            .fetch_optional(&self.pool)
            .await
    }

    /// A unit of `instansi_id` that is still open (a closed one is chosen no more).
    pub async fn open_unor(&self, instansi_id: Uuid, id: Uuid) -> sqlx::Result<Option<Unor>> {
        let row: Option<(Uuid, Uuid, Option<Uuid>, String, String, String)> = sqlx::query_as(
            "SELECT id, instansi_id, parent_id, nama, jenis, path FROM unor
             WHERE id = $1 AND instansi_id = $2 AND ditutup_pada IS NULL",
        )
        .bind(id)
        .bind(instansi_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, instansi_id, parent_id, nama, jenis, path)| Unor {
            id,
            instansi_id,
            parent_id,
            nama,
            jenis,
            path,
        }))
    }

    pub async fn unor_of_instansi(&self, instansi_id: Uuid) -> sqlx::Result<Vec<Unor>> {
        sqlx::query_as!(
            Unor,
            "SELECT id, instansi_id, parent_id, nama, jenis, path FROM unor
             WHERE instansi_id = $1 ORDER BY path",
            instansi_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Names of the given instansi, units or facilities (for record views), cached for a few minutes.
    pub async fn names(&self, ids: &[Uuid]) -> sqlx::Result<HashMap<Uuid, String>> {
        let mut found = HashMap::new();
        let mut missing = Vec::new();
        {
            let cache = self.names.read().expect("names lock");
            for id in ids {
                match cache.get(id) {
                    Some((loaded, name)) if loaded.elapsed() < LABELS_TTL => {
                        found.insert(*id, name.clone());
                    }
                    _ => missing.push(*id),
                }
            }
        }
        if !missing.is_empty() {
            let rows: Vec<(Uuid, String)> = sqlx::query_as(
                "SELECT id, nama FROM unor WHERE id = ANY($1)
                 UNION ALL SELECT id, nama FROM instansi WHERE id = ANY($1)
                 UNION ALL SELECT id, nama FROM fasilitas WHERE id = ANY($1)",
            )
            .bind(&missing)
            .fetch_all(&self.pool)
            .await?;
            let mut cache = self.names.write().expect("names lock");
            for (id, nama) in rows {
                cache.insert(id, (Instant::now(), nama.clone()));
                found.insert(id, nama);
            }
        }
        Ok(found)
    }

    /// Ids of the unit at `path` and every unit below it (materialised-path prefix).
    pub async fn unor_subtree_ids(&self, instansi_id: Uuid, path: &str) -> sqlx::Result<Vec<Uuid>> {
        sqlx::query_scalar!("SELECT id FROM unor WHERE instansi_id = $1 AND path LIKE $2 || '%'", instansi_id, path)
            .fetch_all(&self.pool)
            .await
    }

    /// An office (Kanreg, BKN directorate, bureau): where L3/L4 verifiers and HDS officers work.
    pub async fn kantor(&self, id: i16) -> sqlx::Result<Option<Kantor>> {
        sqlx::query_as!(Kantor, "SELECT id, kode, nama, jenis, kanreg_id FROM kantor WHERE id = $1", id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Every office, Kanreg first (by region), then the national offices.
    pub async fn all_kantor(&self) -> sqlx::Result<Vec<Kantor>> {
        sqlx::query_as!(Kantor, "SELECT id, kode, nama, jenis, kanreg_id FROM kantor ORDER BY jenis <> 'kanreg', id")
            .fetch_all(&self.pool)
            .await
    }

    pub async fn kanreg(&self, id: i16) -> sqlx::Result<Option<Kanreg>> {
        sqlx::query_as!(Kanreg, "SELECT id, kode, nama FROM kanreg WHERE id = $1", id).fetch_optional(&self.pool).await
    }

    /// Whether new PNS accounts of this instansi wait for a verifier (on unless turned off).
    pub async fn registration_needs_verification(&self, instansi_id: Uuid) -> sqlx::Result<bool> {
        let flag = sqlx::query_scalar!(
            "SELECT verifikasi_pendaftaran FROM instansi_setting WHERE instansi_id = $1",
            instansi_id
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(flag.unwrap_or(true))
    }

    pub async fn set_registration_verification(&self, instansi_id: Uuid, on: bool) -> sqlx::Result<()> {
        sqlx::query!(
            "INSERT INTO instansi_setting (instansi_id, verifikasi_pendaftaran) VALUES ($1, $2)
             ON CONFLICT (instansi_id) DO UPDATE SET verifikasi_pendaftaran = EXCLUDED.verifikasi_pendaftaran",
            instansi_id,
            on
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Creates an instansi with default settings; returns false when its kode already exists.
    pub async fn create_instansi(&self, instansi: &Instansi, provinsi_kode: Option<&str>) -> sqlx::Result<bool> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query!(
            "INSERT INTO instansi (id, kode, nama, jenis, provinsi_kode, kanreg_id)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kode) DO NOTHING",
            instansi.id,
            instansi.kode,
            instansi.nama,
            instansi.jenis,
            provinsi_kode,
            instansi.kanreg_id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if inserted {
            sqlx::query!("INSERT INTO instansi_setting (instansi_id) VALUES ($1)", instansi.id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// Adds a unit under `parent` (or as a root); the path is computed here so callers
    /// cannot get it wrong.
    pub async fn create_unor(
        &self,
        instansi_id: Uuid,
        parent: Option<Uuid>,
        nama: &str,
        jenis: &str,
    ) -> sqlx::Result<Unor> {
        let id = Uuid::new_v4();
        let parent_path = match parent {
            Some(parent_id) => {
                sqlx::query_scalar!("SELECT path FROM unor WHERE id = $1", parent_id).fetch_one(&self.pool).await?
            }
            None => String::new(),
        };
        let path = format!("{parent_path}{}/", id.simple());
        sqlx::query!(
            "INSERT INTO unor (id, instansi_id, parent_id, nama, jenis, path) VALUES ($1, $2, $3, $4, $5, $6)",
            id,
            instansi_id,
            parent,
            nama,
            jenis,
            path
        )
        .execute(&self.pool)
        .await?;
        Ok(Unor { id, instansi_id, parent_id: parent, nama: nama.to_owned(), jenis: jenis.to_owned(), path })
    }

    /// Every code list the PNS record shows, as (jenis, kode) → nama, plus golongan → pangkat
    /// under jenis "golongan" and the kabupaten/kota under "kabupaten_kota". Small and read-mostly: callers may cache it.
    pub async fn labels(&self) -> sqlx::Result<Arc<Labels>> {
        if let Some((loaded, labels)) = self.labels.read().expect("labels lock").as_ref() {
            if loaded.elapsed() < LABELS_TTL {
                return Ok(labels.clone());
            }
        }
        let generation = self.labels_generation.load(std::sync::atomic::Ordering::SeqCst);
        let labels = Arc::new(self.load_labels().await?);
        let mut cache = self.labels.write().expect("labels lock");
        if generation == self.labels_generation.load(std::sync::atomic::Ordering::SeqCst) {
            *cache = Some((Instant::now(), labels.clone()));
        }
        Ok(labels)
    }

    async fn load_labels(&self) -> sqlx::Result<Labels> {
        let mut labels = Labels::default();
        let rows: Vec<(String, String, String, Option<String>, bool)> = sqlx::query_as(
            "SELECT jenis, kode, nama, jenis_fungsional, aktif FROM kode_referensi ORDER BY jenis, urutan, kode",
        )
        .fetch_all(&self.pool)
        .await?;
        let decode = |e: domain::UnknownCode| sqlx::Error::Decode(Box::new(e));
        for (jenis, kode, nama, fungsional, aktif) in rows {
            // A list or kind this code does not know is an error, never dropped or renamed.
            let jenis = DaftarKode::parse(&jenis).map_err(decode)?;
            if let Some(kind) = fungsional {
                let kind = JenisFungsional::parse(&kind).map_err(decode)?;
                labels.fungsional.entry(jenis).or_default().insert(kode.clone(), kind);
            }
            if aktif {
                labels.insert(jenis, kode, nama);
            } else {
                labels.insert_retired(jenis, kode, nama);
            }
        }
        for row in sqlx::query!("SELECT kode, pangkat FROM golongan ORDER BY nomor").fetch_all(&self.pool).await? {
            labels.insert(DaftarKode::Golongan, row.kode, row.pangkat);
        }
        for row in sqlx::query!("SELECT kode, nama FROM kabupaten_kota ORDER BY kode").fetch_all(&self.pool).await? {
            labels.insert(DaftarKode::KabupatenKota, row.kode, row.nama);
        }
        Ok(labels)
    }

    /// The instansi's data-collection period; each end is open when unset.
    pub async fn collection_period(&self, instansi_id: Uuid) -> sqlx::Result<Periode> {
        let row = sqlx::query!(
            "SELECT pendataan_mulai, pendataan_selesai FROM instansi_setting WHERE instansi_id = $1",
            instansi_id
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| Periode { mulai: r.pendataan_mulai, selesai: r.pendataan_selesai }).unwrap_or_default())
    }

    /// Every instansi of the Kanreg region (all of them for `None`), by name, with its
    /// settings: what the admins above the instansi read.
    pub async fn settings_overview(&self, kanreg_id: Option<i16>) -> sqlx::Result<Vec<(String, PengaturanInstansi)>> {
        // Name, then the setting row's columns (none without a row).
        type Row = (String, Option<bool>, Option<Date>, Option<Date>);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT i.nama, s.verifikasi_pendaftaran, s.pendataan_mulai, s.pendataan_selesai
             FROM instansi i LEFT JOIN instansi_setting s ON s.instansi_id = i.id
             WHERE $1::smallint IS NULL OR i.kanreg_id = $1 ORDER BY i.nama",
        )
        .bind(kanreg_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(nama, verifikasi, mulai, selesai)| {
                // No row: the defaults (verification on, no period).
                (nama, PengaturanInstansi::new(verifikasi.unwrap_or(true), Periode { mulai, selesai }))
            })
            .collect())
    }

    /// The instansi's settings as its admin sees them.
    pub async fn settings(&self, instansi_id: Uuid) -> sqlx::Result<PengaturanInstansi> {
        let row: Option<(bool, Option<Date>, Option<Date>)> = sqlx::query_as(
            "SELECT verifikasi_pendaftaran, pendataan_mulai, pendataan_selesai FROM instansi_setting
             WHERE instansi_id = $1",
        )
        .bind(instansi_id)
        .fetch_optional(&self.pool)
        .await?;
        // No row: the defaults (verification on, no period).
        let (verifikasi, mulai, selesai) = row.unwrap_or((true, None, None));
        Ok(PengaturanInstansi::new(verifikasi, Periode { mulai, selesai }))
    }

    /// Saves the instansi's settings (checked with the shared rules) and writes the change,
    /// before and after, to the audit log in the same transaction. The caller has checked that
    /// `by` administers this instansi.
    pub async fn save_settings(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        baru: &PengaturanInstansi,
        ip: &str,
    ) -> Result<PengaturanInstansi, ServiceError> {
        let periode = baru.periode()?;
        let mut tx = self.pool.begin().await?;
        // The row locked first: two admins saving at once are applied one after the other,
        // and each audit row's "before" is what that save replaced.
        sqlx::query("INSERT INTO instansi_setting (instansi_id) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(instansi_id)
            .execute(&mut *tx)
            .await?;
        let (verifikasi, mulai, selesai): (bool, Option<Date>, Option<Date>) = sqlx::query_as(
            "SELECT verifikasi_pendaftaran, pendataan_mulai, pendataan_selesai FROM instansi_setting
             WHERE instansi_id = $1 FOR UPDATE",
        )
        .bind(instansi_id)
        .fetch_one(&mut *tx)
        .await?;
        let sebelum = PengaturanInstansi::new(verifikasi, Periode { mulai, selesai });
        sqlx::query(
            "UPDATE instansi_setting SET verifikasi_pendaftaran = $2, pendataan_mulai = $3, pendataan_selesai = $4
             WHERE instansi_id = $1",
        )
        .bind(instansi_id)
        .bind(baru.verifikasi_pendaftaran)
        .bind(periode.mulai)
        .bind(periode.selesai)
        .execute(&mut *tx)
        .await?;
        let sesudah = PengaturanInstansi::new(baru.verifikasi_pendaftaran, periode);
        let detail = serde_json::json!({ "instansi_id": instansi_id, "sebelum": sebelum, "sesudah": sesudah });
        audit::record(&mut *tx, Some(by.account_id), "instansi_setting_changed", None, ip, detail).await?;
        tx.commit().await?;
        Ok(sesudah)
    }

    /// Code-list entries of one kind that may be chosen, in display order.
    pub async fn codes(&self, jenis: DaftarKode) -> sqlx::Result<Vec<(String, String)>> {
        sqlx::query_as("SELECT kode, nama FROM kode_referensi WHERE jenis = $1 AND aktif ORDER BY urutan")
            .bind(jenis.code())
            .fetch_all(&self.pool)
            .await
    }
}
