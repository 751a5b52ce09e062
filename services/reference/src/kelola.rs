//! The BKN admin's changes to the national code lists (#13): add an entry, rename it, retire it
//! and bring it back. An entry is never deleted. Each change is one transaction holding the
//! entry, its history row (who, when, before, after) and the audit row; once it commits, every
//! server instance drops its cached code lists (NOTIFY, heard by `listen`), so a retired entry
//! leaves every picker and save check at once.

use access::{audit, CurrentUser, ServiceError};
use domain::referensi::{
    daftar_dikelola, parse_kode, parse_nama_entri, AksiReferensi, DaftarEntri, EntriReferensi, RiwayatReferensi,
    PER_HALAMAN,
};
use domain::{DaftarKode, ErrorCode};
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use time::OffsetDateTime;

use crate::Reference;

const CHANNEL: &str = "sipupns_referensi_berubah";

type EntriRow = (String, String, bool);

fn entri((kode, nama, aktif): EntriRow) -> EntriReferensi {
    EntriReferensi { kode, nama, aktif }
}

impl Reference {
    /// The entries of a list the admin keeps, retired ones too, whose code or name contains
    /// `cari`: the first page in list order and how many match.
    pub async fn entries(&self, jenis: DaftarKode, cari: &str) -> Result<DaftarEntri, ServiceError> {
        let jenis = daftar_dikelola(jenis)?;
        let fragment = crate::search::like_fragment(cari);
        let rows: Vec<EntriRow> = sqlx::query_as(
            r#"SELECT kode, nama, aktif FROM kode_referensi
               WHERE jenis = $1 AND (lower(nama) LIKE '%' || $2 || '%' OR lower(kode) LIKE '%' || $2 || '%')
               ORDER BY urutan, kode LIMIT $3"#,
        )
        .bind(jenis.code())
        .bind(&fragment)
        .bind(PER_HALAMAN)
        .fetch_all(&self.pool)
        .await?;
        let jumlah: i64 = sqlx::query_scalar(
            r#"SELECT count(*) FROM kode_referensi
               WHERE jenis = $1 AND (lower(nama) LIKE '%' || $2 || '%' OR lower(kode) LIKE '%' || $2 || '%')"#,
        )
        .bind(jenis.code())
        .bind(&fragment)
        .fetch_one(&self.pool)
        .await?;
        Ok(DaftarEntri { entri: rows.into_iter().map(entri).collect(), jumlah })
    }

    /// An entry's changes, newest first.
    pub async fn entry_history(&self, jenis: DaftarKode, kode: &str) -> Result<Vec<RiwayatReferensi>, ServiceError> {
        let jenis = daftar_dikelola(jenis)?;
        type Row = (
            String,
            OffsetDateTime,
            String,
            Option<sqlx::types::Json<EntriReferensi>>,
            sqlx::types::Json<EntriReferensi>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT aksi, pada, oleh_label, sebelum, sesudah FROM kode_referensi_riwayat
             WHERE jenis = $1 AND kode = $2 ORDER BY id DESC",
        )
        .bind(jenis.code())
        .bind(kode)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(aksi, pada, oleh, sebelum, sesudah)| {
                Ok(RiwayatReferensi {
                    aksi: AksiReferensi::parse(&aksi).map_err(ServiceError::internal)?,
                    waktu: domain::dates::waktu_utc(pada),
                    oleh,
                    sebelum: sebelum.map(|j| j.0),
                    sesudah: sesudah.0,
                })
            })
            .collect()
    }

    /// Adds an entry at the end of its list. A code or a name the list already has is the
    /// field's error (also between two admins adding at once: the unique keys decide).
    pub async fn add_entry(
        &self,
        by: &CurrentUser,
        jenis: DaftarKode,
        kode: &str,
        nama: &str,
        ip: &str,
    ) -> Result<EntriReferensi, ServiceError> {
        let jenis = daftar_dikelola(jenis)?;
        let kode = parse_kode(kode)?;
        let nama = parse_nama_entri(nama)?;
        let mut tx = self.pool.begin().await?;
        // Serialises additions to one list, so each gets its own place at the end.
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('kode_referensi:' || $1))")
            .bind(jenis.code())
            .execute(&mut *tx)
            .await?;
        let row: EntriRow = sqlx::query_as(
            "INSERT INTO kode_referensi (jenis, kode, nama, urutan)
             SELECT $1, $2, $3, coalesce(max(urutan), 0) + 1 FROM kode_referensi WHERE jenis = $1
             RETURNING kode, nama, aktif",
        )
        .bind(jenis.code())
        .bind(&kode)
        .bind(&nama)
        .fetch_one(&mut *tx)
        .await?;
        let sesudah = entri(row);
        record(&mut tx, by, jenis, AksiReferensi::Tambah, None, &sesudah, ip).await?;
        tx.commit().await?;
        self.forget_labels();
        Ok(sesudah)
    }

    /// Renames an entry; records keep its code, so they show the new name.
    pub async fn rename_entry(
        &self,
        by: &CurrentUser,
        jenis: DaftarKode,
        kode: &str,
        nama: &str,
        ip: &str,
    ) -> Result<EntriReferensi, ServiceError> {
        let nama = parse_nama_entri(nama)?;
        self.change_entry(by, jenis, kode, AksiReferensi::UbahNama, ip, |e| e.nama = nama).await
    }

    /// Retires an entry (`aktif = false`) or brings it back.
    pub async fn set_entry_active(
        &self,
        by: &CurrentUser,
        jenis: DaftarKode,
        kode: &str,
        aktif: bool,
        ip: &str,
    ) -> Result<EntriReferensi, ServiceError> {
        let aksi = if aktif { AksiReferensi::Aktifkan } else { AksiReferensi::Nonaktifkan };
        self.change_entry(by, jenis, kode, aksi, ip, |e| e.aktif = aktif).await
    }

    /// Locks the entry, applies `change`, and records before and after; an entry the list
    /// does not have is `NotFound`.
    async fn change_entry(
        &self,
        by: &CurrentUser,
        jenis: DaftarKode,
        kode: &str,
        aksi: AksiReferensi,
        ip: &str,
        change: impl FnOnce(&mut EntriReferensi),
    ) -> Result<EntriReferensi, ServiceError> {
        let jenis = daftar_dikelola(jenis)?;
        let mut tx = self.pool.begin().await?;
        let row: Option<EntriRow> =
            sqlx::query_as("SELECT kode, nama, aktif FROM kode_referensi WHERE jenis = $1 AND kode = $2 FOR UPDATE")
                .bind(jenis.code())
                .bind(kode)
                .fetch_optional(&mut *tx)
                .await?;
        let sebelum = entri(row.ok_or(ErrorCode::NotFound)?);
        let mut sesudah = sebelum.clone();
        change(&mut sesudah);
        sqlx::query("UPDATE kode_referensi SET nama = $3, aktif = $4 WHERE jenis = $1 AND kode = $2")
            .bind(jenis.code())
            .bind(kode)
            .bind(&sesudah.nama)
            .bind(sesudah.aktif)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, by, jenis, aksi, Some(&sebelum), &sesudah, ip).await?;
        tx.commit().await?;
        self.forget_labels();
        Ok(sesudah)
    }

    /// Drops this instance's cached code lists (the next read loads them again).
    pub fn forget_labels(&self) {
        let mut cache = self.labels.write().expect("labels lock");
        self.labels_generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *cache = None;
    }

    /// Starts this instance's listener for code-list changes made on any instance. Call once
    /// per process, inside the Tokio runtime; without it other instances' changes show here
    /// only when the cache expires (5 minutes).
    pub fn listen_for_changes(&self) {
        tokio::spawn(listen(self.pool.clone(), self.clone()));
    }
}

/// The history row, the audit row and the announcement, in the change's transaction (the
/// announcement is delivered when it commits).
async fn record(
    tx: &mut sqlx::PgConnection,
    by: &CurrentUser,
    jenis: DaftarKode,
    aksi: AksiReferensi,
    sebelum: Option<&EntriReferensi>,
    sesudah: &EntriReferensi,
    ip: &str,
) -> sqlx::Result<()> {
    let oleh = format!("{} ({})", by.username.as_deref().or(by.nip.as_deref()).unwrap_or_default(), by.nama);
    sqlx::query(
        "INSERT INTO kode_referensi_riwayat (jenis, kode, aksi, sebelum, sesudah, oleh, oleh_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(jenis.code())
    .bind(&sesudah.kode)
    .bind(aksi.code())
    .bind(sebelum.map(sqlx::types::Json))
    .bind(sqlx::types::Json(sesudah))
    .bind(by.account_id)
    .bind(&oleh)
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({ "jenis": jenis.code(), "sebelum": sebelum, "sesudah": sesudah });
    audit::record(&mut *tx, Some(by.account_id), "kode_referensi_changed", Some(&sesudah.kode), ip, detail).await?;
    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(jenis.code()).execute(&mut *tx).await?;
    Ok(())
}

/// Listens until the pool closes; any announcement, or a lost connection (announcements may
/// have been missed), drops the cached lists.
async fn listen(pool: PgPool, reference: Reference) {
    let mut listener = loop {
        match connect(&pool).await {
            Ok(listener) => break listener,
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                tracing::warn!(%error, "code-list change listener cannot connect; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    };
    loop {
        match listener.try_recv().await {
            Ok(_) => reference.forget_labels(),
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                tracing::warn!(%error, "code-list change listener failed; retrying");
                reference.forget_labels();
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

async fn connect(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
