//! An officer corrects the master from an A–E ticket raised from a "[?]" flag: personnel
//! writes the new master version, and in the same transaction the ticket tells the PNS what
//! changed, is solved, and settles the flag.

use access::{CurrentUser, ServiceError};
use domain::hds::{Dari, Kategori, Pesan, StatusTiket};
use domain::{ErrorCode, Role};
use personnel::{Pengoreksi, Personnel};
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::store::Helpdesk;
use crate::surat::Surat;
use crate::{peristiwa, tiket};

impl Helpdesk {
    /// The flag a ticket was raised from, if any.
    pub async fn flag_of(&self, id: Uuid) -> Result<Option<Uuid>, ServiceError> {
        let tanda =
            sqlx::query_scalar!("SELECT tanda_id FROM hds_tiket WHERE id = $1", id).fetch_optional(&self.pool).await?;
        Ok(tanda.flatten())
    }

    /// Sets the flagged field to `nilai` in the master (see `Personnel::correct_master`) and
    /// solves the ticket with a message saying what changed. Only an officer who reaches the
    /// ticket, only for categories A–E.
    pub async fn correct_master(
        &self,
        personnel: &Personnel,
        user: &CurrentUser,
        id: Uuid,
        nilai: &str,
        ip: &str,
    ) -> Result<Pesan, ServiceError> {
        // Instansi admins answer reference tickets only; master data is the officers'.
        if user.active.role != Role::PetugasHds {
            return Err(ErrorCode::Forbidden.into());
        }
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        let kepala =
            tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        if !Kategori::from_code(&kepala.kategori).is_some_and(Kategori::corrects_master) {
            return Err(ErrorCode::CorrectionNotAllowed.into());
        }
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        let by = Pengoreksi { akun_id: user.account_id, ip };
        let koreksi = personnel.correct_master(&mut tx, id, nilai, by).await?;
        let label = koreksi.bagian.fields().iter().find(|f| f.key == koreksi.field).map(|f| f.label_id).unwrap_or("");
        let isi = format!(
            "Data master sudah dikoreksi: {} › {label}: \"{}\" menjadi \"{}\". Silakan periksa formulir Anda.",
            koreksi.bagian.label(domain::Lang::Id),
            koreksi.sebelum,
            koreksi.sesudah
        );
        let pesan = tiket::insert_message(&mut tx, id, Dari::Petugas, user.account_id, &user.nama, &isi, false).await?;
        sqlx::query!(
            "UPDATE hds_tiket SET status = 'selesai', diperbarui = now(), dijawab = coalesce(dijawab, now()),
                    diselesaikan = now(), petugas_id = coalesce(petugas_id, $2), petugas_nama = coalesce(petugas_nama, $3)
             WHERE id = $1",
            id,
            user.account_id,
            user.nama
        )
        .execute(&mut *tx)
        .await?;
        tiket::settle_flag(&mut tx, id).await?;
        peristiwa::record(&mut tx, id, "pesan").await?;
        tx.commit().await?;
        self.tell_pns(id, Surat::Diselesaikan).await;
        Ok(pesan)
    }
}
