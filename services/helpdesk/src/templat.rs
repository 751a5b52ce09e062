//! Canned replies: each office keeps its own set, which every officer of the office sees,
//! inserts into a reply and may edit or remove. An officer never reaches another office's.

use access::{CurrentUser, ServiceError};
use domain::hds::{self, Templat};
use domain::ErrorCode;
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::store::Helpdesk;

impl Helpdesk {
    /// The officer's office's canned replies, by title.
    pub async fn templates(&self, user: &CurrentUser) -> Result<Vec<Templat>, ServiceError> {
        let (penerima, kantor_id, instansi_id) = Jangkauan::of(&user.active)?.penerima.columns();
        let rows = sqlx::query!(
            "SELECT id, judul, isi FROM hds_templat
             WHERE penerima = $1 AND kantor_id IS NOT DISTINCT FROM $2 AND penerima_instansi_id IS NOT DISTINCT FROM $3
             ORDER BY lower(judul)",
            penerima,
            kantor_id,
            instansi_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| Templat { id: r.id.to_string(), judul: r.judul, isi: r.isi }).collect())
    }

    /// Adds a canned reply to the officer's office, or changes one of it (`id`). A title the
    /// office already uses is refused (`TemplateTitleTaken`).
    pub async fn save_template(
        &self,
        user: &CurrentUser,
        id: Option<Uuid>,
        judul: &str,
        isi: &str,
    ) -> Result<Templat, ServiceError> {
        hds::check_judul(judul)?;
        hds::check_pesan(isi)?;
        let (penerima, kantor_id, instansi_id) = Jangkauan::of(&user.active)?.penerima.columns();
        let (judul, isi) = (judul.trim(), isi.trim());
        let saved = match id {
            None => {
                sqlx::query_scalar!(
                    "INSERT INTO hds_templat (id, penerima, kantor_id, penerima_instansi_id, judul, isi, diubah_oleh)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    Uuid::new_v4(),
                    penerima,
                    kantor_id,
                    instansi_id,
                    judul,
                    isi,
                    user.nama
                )
                .fetch_one(&self.pool)
                .await?
            }
            Some(id) => sqlx::query_scalar!(
                "UPDATE hds_templat SET judul = $5, isi = $6, diubah_oleh = $7, diubah = now()
                 WHERE id = $1 AND penerima = $2 AND kantor_id IS NOT DISTINCT FROM $3
                   AND penerima_instansi_id IS NOT DISTINCT FROM $4
                 RETURNING id",
                id,
                penerima,
                kantor_id,
                instansi_id,
                judul,
                isi,
                user.nama
            )
            .fetch_optional(&self.pool)
            .await?
            .ok_or(ErrorCode::NotFound)?,
        };
        Ok(Templat { id: saved.to_string(), judul: judul.to_owned(), isi: isi.to_owned() })
    }

    /// Removes one of the office's canned replies.
    pub async fn delete_template(&self, user: &CurrentUser, id: Uuid) -> Result<(), ServiceError> {
        let (penerima, kantor_id, instansi_id) = Jangkauan::of(&user.active)?.penerima.columns();
        let gone = sqlx::query!(
            "DELETE FROM hds_templat WHERE id = $1 AND penerima = $2 AND kantor_id IS NOT DISTINCT FROM $3
               AND penerima_instansi_id IS NOT DISTINCT FROM $4",
            id,
            penerima,
            kantor_id,
            instansi_id
        )
        .execute(&self.pool)
        .await?
        .rows_affected();
        if gone == 0 {
            return Err(ErrorCode::NotFound.into());
        }
        Ok(())
    }
}
