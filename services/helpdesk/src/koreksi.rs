//! An officer unblocks the PNS from the ticket itself. A–E tickets raised from a "[?]" flag:
//! the master is corrected (personnel writes the new version). F–O tickets raised from a
//! "[?]": the missing entry now exists, and the officer names it for the form to offer.
//! P tickets: the sent proposal is reopened (verification's Turun Status). Each way, in the
//! same transaction the ticket tells the PNS what happened, is solved, and settles its flag.

use access::{CurrentUser, ServiceError};
use domain::hds::{Dari, Kategori, Pesan, StatusTiket};
use domain::{ErrorCode, Role};
use personnel::{Pengoreksi, Personnel, SaranTiket};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;
use verification::{Pembuka, Verification};

use crate::jangkauan::Jangkauan;
use crate::peristiwa;
use crate::store::Helpdesk;
use crate::surat::Surat;
use crate::tiket::{self, Kepala};

impl Helpdesk {
    /// The flag a ticket was raised from, if any.
    pub async fn flag_of(&self, id: Uuid) -> Result<Option<Uuid>, ServiceError> {
        let tanda =
            sqlx::query_scalar!("SELECT tanda_id FROM hds_tiket WHERE id = $1", id).fetch_optional(&self.pool).await?;
        Ok(tanda.flatten())
    }

    /// Turun Status for a P ticket: the PNS's sent proposal goes back to draft with
    /// `catatan`, and the ticket is solved.
    pub async fn turun_status(
        &self,
        user: &CurrentUser,
        id: Uuid,
        catatan: &str,
        ip: &str,
    ) -> Result<Pesan, ServiceError> {
        let mut tx = self.pool.begin().await?;
        let kepala = lock_to_unblock(&mut tx, user, id, false).await?;
        if Kategori::from_code(&kepala.kategori) != Some(Kategori::TurunStatus) {
            return Err(ErrorCode::BadRequest.into());
        }
        let kantor = format!("Help Desk {}", self.penerima_name(kepala.penerima).await?);
        let by = Pembuka { akun_id: user.account_id, kantor: &kantor, ip };
        Verification::turun_status_from_ticket(&mut tx, &kepala.nip, &by, catatan, id).await?;
        let isi = format!(
            "Usulan Anda dibuka kembali (Turun Status): {}. Silakan perbaiki formulir lalu kirim lagi.",
            catatan.trim()
        );
        let pesan = self.solve_with(&mut tx, user, id, &isi).await?;
        tx.commit().await?;
        self.tell_pns(id, Surat::Diselesaikan).await;
        Ok(pesan)
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
        let mut tx = self.pool.begin().await?;
        let kepala = lock_to_unblock(&mut tx, user, id, false).await?;
        if !Kategori::from_code(&kepala.kategori).is_some_and(Kategori::corrects_master) {
            return Err(ErrorCode::CorrectionNotAllowed.into());
        }
        let by = Pengoreksi { akun_id: user.account_id, ip };
        let koreksi = personnel.correct_master(&mut tx, id, nilai, by).await?;
        let isi = format!(
            "Data master sudah dikoreksi: {}: \"{}\" menjadi \"{}\". Silakan periksa formulir Anda.",
            koreksi.bagian.field_label(&koreksi.field, domain::Lang::Id),
            koreksi.sebelum,
            koreksi.sesudah
        );
        let pesan = self.solve_with(&mut tx, user, id, &isi).await?;
        tx.commit().await?;
        self.tell_pns(id, Surat::Diselesaikan).await;
        Ok(pesan)
    }

    /// Names the entry that was missing (F–O tickets raised from a "[?]"): the flag keeps it,
    /// the form offers it beside the field, and the ticket is solved with a message telling
    /// the PNS to choose it. The entry must be choosable now (added to the list, or a unit
    /// opened in the PNS's instansi, first).
    pub async fn suggest_entry(
        &self,
        personnel: &Personnel,
        user: &CurrentUser,
        id: Uuid,
        nilai: &str,
    ) -> Result<Pesan, ServiceError> {
        let mut tx = self.pool.begin().await?;
        let kepala = lock_to_unblock(&mut tx, user, id, true).await?;
        if !Kategori::from_code(&kepala.kategori).is_some_and(Kategori::adds_reference) {
            return Err(ErrorCode::SuggestionNotAllowed.into());
        }
        let SaranTiket { saran, field_label } = personnel.suggest_entry(&mut tx, id, nilai).await?;
        let isi = format!(
            "Entri \"{}\" sudah tersedia untuk isian {field_label}. Silakan pilih entri itu pada isian \
             tersebut di formulir Anda, lalu simpan.",
            saran.nama
        );
        let pesan = self.solve_with(&mut tx, user, id, &isi).await?;
        tx.commit().await?;
        self.tell_pns(id, Surat::Diselesaikan).await;
        Ok(pesan)
    }

    /// The officer's message `isi` to the PNS, and the ticket solved (its flag settled).
    async fn solve_with(
        &self,
        tx: &mut Transaction<'_, Postgres>,
        user: &CurrentUser,
        id: Uuid,
        isi: &str,
    ) -> Result<Pesan, ServiceError> {
        let pesan = tiket::insert_message(tx, id, Dari::Petugas, user.account_id, &user.nama, isi, false).await?;
        sqlx::query!(
            "UPDATE hds_tiket SET status = 'selesai', diperbarui = now(), dijawab = coalesce(dijawab, now()),
                    diselesaikan = now(), petugas_id = coalesce(petugas_id, $2), petugas_nama = coalesce(petugas_nama, $3)
             WHERE id = $1",
            id,
            user.account_id,
            user.nama
        )
        .execute(&mut **tx)
        .await?;
        tiket::settle_flag(tx, id).await?;
        peristiwa::record(tx, id, "pesan").await?;
        Ok(pesan)
    }
}

/// The ticket locked for an unblocking action: a ticket in reach, not closed, and a help-desk
/// officer's; instansi admins too where `admin_too` (they answer reference tickets; master
/// data and proposals are not theirs).
async fn lock_to_unblock(
    tx: &mut Transaction<'_, Postgres>,
    user: &CurrentUser,
    id: Uuid,
    admin_too: bool,
) -> Result<Kepala, ServiceError> {
    let allowed = user.active.role == Role::PetugasHds || (admin_too && user.active.role == Role::AdminInstansi);
    if !allowed {
        return Err(ErrorCode::Forbidden.into());
    }
    let j = Jangkauan::of(&user.active)?;
    let kepala = tiket::lock(tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
    if kepala.status == StatusTiket::Ditutup {
        return Err(ErrorCode::TicketClosed.into());
    }
    Ok(kepala)
}
