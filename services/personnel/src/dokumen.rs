//! Supporting documents: stored once by content hash in the data folder (`documents::Berkas`), listed per PNS,
//! handed out only to callers the app has authorised. A file goes with the last row that
//! refers to its hash; writing and removing a hash's file take that hash's lock, so an upload
//! of the same bytes never loses its file to a removal running beside it.

use std::path::PathBuf;

use documents::Berkas;
use domain::form::dokumen::{clean_file_name, sniff, MAX_PER_PNS};
use domain::form::{Bagian, Dokumen};
use domain::ErrorCode;
use uuid::Uuid;

use crate::store::Personnel;
use crate::usulan::UsulanError;

/// A `dokumen` row, from a query or from the form snapshot's JSON (which leaves out the
/// owner and the hash: the form needs no file paths).
#[derive(Debug, serde::Deserialize)]
pub(crate) struct DokumenRow {
    id: Uuid,
    #[serde(default)]
    nip: String,
    bagian: String,
    entri: Option<String>,
    nama_file: String,
    jenis: String,
    ukuran: i32,
    #[serde(default)]
    sha256: String,
}

impl DokumenRow {
    /// The document; a section this code does not know is a decode error, never dropped.
    pub(crate) fn into_dokumen(self) -> sqlx::Result<Dokumen> {
        Ok(Dokumen {
            id: self.id.to_string(),
            bagian: crate::usulan::decode(Bagian::parse(&self.bagian))?,
            entri: self.entri,
            nama_file: self.nama_file,
            jenis: self.jenis,
            ukuran: i64::from(self.ukuran),
        })
    }

    /// (owner's NIP, the document, where its bytes are).
    fn into_parts(self, berkas: &Berkas) -> sqlx::Result<(String, Dokumen, PathBuf)> {
        let (nip, path) = (self.nip.clone(), berkas.path(&self.sha256));
        Ok((nip, self.into_dokumen()?, path))
    }
}

impl Personnel {
    /// Stores a document for the PNS's proposal (only while it can be edited).
    pub async fn upload_document(
        &self,
        nip: &str,
        bagian: Bagian,
        entri: Option<&str>,
        nama_file: &str,
        bytes: &[u8],
    ) -> Result<Dokumen, UsulanError> {
        let jenis = sniff(bytes).map_err(UsulanError::Refused)?;
        let nama_file = clean_file_name(nama_file).map_err(UsulanError::Refused)?;
        if entri.is_some_and(|e| e.is_empty() || e.len() > 100) {
            return Err(UsulanError::Refused(ErrorCode::BadRequest));
        }
        if !self.editable(nip).await? {
            return Err(UsulanError::Refused(ErrorCode::ProposalLocked));
        }
        let sha256 = Berkas::sha256(bytes);
        let mut tx = self.pool.begin().await?;
        // One upload at a time per PNS (the lock on their master row, held to the commit), so
        // parallel uploads cannot all count the same last free place.
        let known = sqlx::query("SELECT 1 FROM pns WHERE nip = $1 FOR NO KEY UPDATE")
            .bind(nip)
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            return Err(UsulanError::Refused(ErrorCode::NotFound));
        }
        let count = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM dokumen WHERE nip = $1"#, nip)
            .fetch_one(&mut *tx)
            .await?;
        if count as usize >= MAX_PER_PNS {
            return Err(UsulanError::Refused(ErrorCode::TooManyDocuments));
        }
        lock_file(&mut tx, &sha256).await?;
        self.berkas().write_once(&sha256, bytes).await.map_err(|e| {
            tracing::error!(error = %e, "storing a document failed");
            UsulanError::Refused(ErrorCode::Internal)
        })?;
        let id = Uuid::new_v4();
        let ukuran = bytes.len() as i32;
        sqlx::query!(
            "INSERT INTO dokumen (id, nip, bagian, entri, nama_file, jenis, ukuran, sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            id,
            nip,
            bagian.slug(),
            entri,
            nama_file,
            jenis,
            ukuran,
            sha256
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Dokumen {
            id: id.to_string(),
            bagian,
            entri: entri.map(str::to_owned),
            nama_file,
            jenis: jenis.to_owned(),
            ukuran: i64::from(ukuran),
        })
    }

    fn berkas(&self) -> Berkas {
        Berkas::new(self.dokumen_dir.clone())
    }

    /// A document with its owner's NIP and the file's path; the caller decides who may read it.
    pub async fn document(&self, id: &str) -> sqlx::Result<Option<(String, Dokumen, PathBuf)>> {
        let Ok(id) = Uuid::parse_str(id) else { return Ok(None) };
        let row = sqlx::query_as!(
            DokumenRow,
            "SELECT id, nip, bagian, entri, nama_file, jenis, ukuran, sha256 FROM dokumen WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| r.into_parts(&self.berkas())).transpose()
    }

    /// Removes one of the PNS's documents from the proposal (while it can be edited), and its
    /// file once no row (of any PNS) refers to the same bytes.
    pub async fn remove_document(&self, nip: &str, id: &str) -> Result<(), UsulanError> {
        let id = Uuid::parse_str(id).map_err(|_| UsulanError::Refused(ErrorCode::NotFound))?;
        let owned = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM dokumen WHERE id = $1 AND nip = $2) AS "owned!""#,
            id,
            nip
        )
        .fetch_one(&self.pool)
        .await?;
        if !owned {
            return Err(UsulanError::Refused(ErrorCode::NotFound));
        }
        if !self.editable(nip).await? {
            return Err(UsulanError::Refused(ErrorCode::ProposalLocked));
        }
        let mut tx = self.pool.begin().await?;
        let removed: Option<String> =
            sqlx::query_scalar("DELETE FROM dokumen WHERE id = $1 AND nip = $2 RETURNING sha256")
                .bind(id)
                .bind(nip)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(sha256) = removed else {
            return Err(UsulanError::Refused(ErrorCode::NotFound));
        };
        let shared = still_referenced(&mut tx, &sha256).await?;
        tx.commit().await?;
        if !shared {
            self.remove_file_if_unreferenced(&sha256).await?;
        }
        Ok(())
    }

    /// Deletes the file of a hash no row refers to. Asked again under the hash's lock: an
    /// upload of the same bytes may have come in since the row went.
    async fn remove_file_if_unreferenced(&self, sha256: &str) -> sqlx::Result<()> {
        let mut tx = self.pool.begin().await?;
        lock_file(&mut tx, sha256).await?;
        if !still_referenced(&mut tx, sha256).await? {
            let path = self.berkas().path(sha256);
            match tokio::fs::remove_file(&path).await {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    // The row is gone already; an orphaned file is only wasted space.
                    tracing::warn!(path = %path.display(), %error, "cannot remove a document's file");
                }
                _ => {}
            }
        }
        tx.commit().await
    }
}

/// Holds the lock on a hash's file until the transaction ends.
async fn lock_file(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>, sha256: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))").bind(sha256).execute(&mut **tx).await?;
    Ok(())
}

async fn still_referenced(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>, sha256: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM dokumen WHERE sha256 = $1)")
        .bind(sha256)
        .fetch_one(&mut **tx)
        .await
}
