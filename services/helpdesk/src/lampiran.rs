//! Files attached to a ticket: the PNS's evidence (the decree for beda nama, …) and officers'
//! answers. Checked by content and name like the form's documents (`domain::form::dokumen`),
//! kept by content hash in the help desk's own folder (`with_file_dir`; never personnel's), at
//! most `LAMPIRAN_PER_TIKET` per ticket. Attachments are evidence: none is ever removed.
//! Who may: the ticket's PNS and the officers who reach it; each officer's read is audited.

use std::path::PathBuf;

use access::{audit, CurrentUser, ServiceError};
use documents::Berkas;
use domain::form::dokumen::{clean_file_name, sniff};
use domain::hds::{Dari, Lampiran, StatusTiket, LAMPIRAN_PER_TIKET};
use domain::{ErrorCode, Role};
use sqlx::{PgExecutor, Row};
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::peristiwa;
use crate::store::Helpdesk;
use crate::tiket::{self, Kepala};

const COLUMNS: &str = "id, dari, nama, nama_file, jenis, ukuran,
                       to_char(dibuat AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') AS waktu";

fn from_row(row: &sqlx::postgres::PgRow) -> sqlx::Result<Lampiran> {
    Ok(Lampiran {
        id: row.try_get::<Uuid, _>("id")?.to_string(),
        dari: if row.try_get::<String, _>("dari")? == "pns" { Dari::Pns } else { Dari::Petugas },
        nama: row.try_get("nama")?,
        nama_file: row.try_get("nama_file")?,
        jenis: row.try_get("jenis")?,
        ukuran: i64::from(row.try_get::<i32, _>("ukuran")?),
        waktu: row.try_get("waktu")?,
    })
}

/// Whether `user` may see the ticket: its own PNS, or an officer within reach (`officer`
/// then true: their reads are audited).
fn reaches(user: &CurrentUser, kepala: &Kepala) -> Option<bool> {
    if user.active.role == Role::Pns {
        return (user.own_nip().ok() == Some(kepala.nip.as_str())).then_some(false);
    }
    let j = Jangkauan::of(&user.active).ok()?;
    j.covers(kepala.penerima, &kepala.kategori).then_some(true)
}

impl Helpdesk {
    /// Keeps attachments under `dir` (the server's data folder) instead of a temporary folder.
    pub fn with_file_dir(mut self, dir: PathBuf) -> Self {
        self.berkas = Berkas::new(dir);
        self
    }

    /// `user` (the ticket's PNS or an officer who reaches it) attaches a file to an open
    /// ticket. The ticket's row is locked while the limit is counted, so parallel uploads
    /// cannot all take its last place; the upload is an event and is audited with the row.
    pub async fn attach(
        &self,
        user: &CurrentUser,
        id: Uuid,
        nama_file: &str,
        bytes: &[u8],
        ip: &str,
    ) -> Result<Lampiran, ServiceError> {
        let jenis = sniff(bytes)?;
        let nama_file = clean_file_name(nama_file)?;
        // Whether they reach the ticket is checked on its locked row below.
        let dari = if user.active.role == Role::Pns { Dari::Pns } else { Dari::Petugas };
        let sha256 = Berkas::sha256(bytes);
        let mut tx = self.pool.begin().await?;
        let kepala = tiket::lock(&mut tx, id).await?.ok_or(ErrorCode::NotFound)?;
        if reaches(user, &kepala).is_none() {
            return Err(ErrorCode::NotFound.into());
        }
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM hds_lampiran WHERE tiket_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if count as usize >= LAMPIRAN_PER_TIKET {
            return Err(ErrorCode::TicketTooManyAttachments.into());
        }
        self.berkas.write_once(&sha256, bytes).await.map_err(|e| ServiceError::Internal(format!("attachment: {e}")))?;
        let sql = format!(
            "INSERT INTO hds_lampiran (id, tiket_id, dari, akun_id, nama, nama_file, jenis, ukuran, sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
        );
        let row = sqlx::query(&sql)
            .bind(Uuid::new_v4())
            .bind(id)
            .bind(if dari == Dari::Pns { "pns" } else { "petugas" })
            .bind(user.account_id)
            .bind(&user.nama)
            .bind(&nama_file)
            .bind(jenis)
            .bind(bytes.len() as i32)
            .bind(&sha256)
            .fetch_one(&mut *tx)
            .await?;
        let lampiran = from_row(&row)?;
        sqlx::query("UPDATE hds_tiket SET diperbarui = now() WHERE id = $1").bind(id).execute(&mut *tx).await?;
        peristiwa::record(&mut tx, id, "lampiran").await?;
        let what = serde_json::json!({ "object": format!("hds_lampiran {} {}", lampiran.id, lampiran.nama_file) });
        audit::record(&mut *tx, Some(user.account_id), "document_uploaded", Some(&kepala.nip), ip, what).await?;
        tx.commit().await?;
        Ok(lampiran)
    }

    /// An attachment and where its bytes are, for the ticket's PNS or an officer within
    /// reach ("not found" for anyone else); an officer's read is audited.
    pub async fn attachment_for(
        &self,
        user: &CurrentUser,
        id: Uuid,
        ip: &str,
    ) -> Result<(Lampiran, PathBuf), ServiceError> {
        let sql = format!("SELECT tiket_id, sha256, {COLUMNS} FROM hds_lampiran WHERE id = $1");
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?.ok_or(ErrorCode::NotFound)?;
        let tiket_id: Uuid = row.try_get("tiket_id")?;
        let kepala = self.head(tiket_id).await?.ok_or(ErrorCode::NotFound)?;
        let officer = reaches(user, &kepala).ok_or(ErrorCode::NotFound)?;
        let lampiran = from_row(&row)?;
        if officer {
            let what = format!("hds_lampiran {}", lampiran.nama_file);
            audit::personal_data_read(&self.pool, user, &kepala.nip, ip, &what).await?;
        }
        Ok((lampiran, self.berkas.path(&row.try_get::<String, _>("sha256")?)))
    }
}

/// A ticket's attachments, oldest first.
pub(crate) async fn of_ticket(db: impl PgExecutor<'_>, tiket_id: Uuid) -> sqlx::Result<Vec<Lampiran>> {
    let sql = format!("SELECT {COLUMNS} FROM hds_lampiran WHERE tiket_id = $1 ORDER BY dibuat, id");
    sqlx::query(&sql).bind(tiket_id).fetch_all(db).await?.iter().map(from_row).collect()
}
