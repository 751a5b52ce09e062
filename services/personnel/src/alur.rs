//! The proposal's moves through verification, called by the verification service inside its
//! own transaction (each takes the caller's connection): passed a level, returned with
//! reasons, finalised into a new master version, reopened (Turun Status). Verification never
//! writes these tables; personnel never reads verification's.

use domain::form::{accepted_form, JenisPeristiwa, KunciField, StatusUsulan};
use domain::verifikasi::Penolakan;
use domain::ErrorCode;
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::history;
use crate::master_form::master_form;
use crate::store::Personnel;
use crate::usulan::{decode, UsulanError};

/// Who moves a proposal: the account (kept for the audit) and the office the PNS is shown.
#[derive(Debug, Clone, Copy)]
pub struct Pelaku<'a> {
    pub oleh: &'a str,
    pub kantor: &'a str,
    pub tingkat: Option<i16>,
}

impl Personnel {
    /// A level approved the proposal and passed it on.
    pub async fn pass_level(conn: &mut PgConnection, usulan_id: Uuid, by: Pelaku<'_>) -> Result<(), UsulanError> {
        Self::sent_status(conn, usulan_id).await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::Disetujui, by.tingkat, by.oleh, by.kantor, "").await?;
        Ok(())
    }

    /// Returns the proposal to the PNS with the rejected fields and their reasons: it is
    /// editable again, and sending it once more starts a new round at the first level.
    pub async fn return_to_pns(
        conn: &mut PgConnection,
        usulan_id: Uuid,
        by: Pelaku<'_>,
        catatan: &str,
        penolakan: &[Penolakan],
    ) -> Result<(), UsulanError> {
        Self::sent_status(conn, usulan_id).await?;
        sqlx::query!(
            "UPDATE usulan SET status = $2, penolakan = $3, versi = versi + 1, diubah = now() WHERE id = $1",
            usulan_id,
            StatusUsulan::Dikembalikan.code(),
            Json(penolakan) as _
        )
        .execute(&mut *conn)
        .await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::Dikembalikan, by.tingkat, by.oleh, by.kantor, catatan).await?;
        Ok(())
    }

    /// The last level approved: the draft's changes, except the `rejected` fields, become
    /// the new master version (master tables, history, `pns_rekam`, `pns.versi`) in the
    /// caller's transaction, and the proposal is final. Returns the new master version.
    pub async fn finalise(
        &self,
        conn: &mut PgConnection,
        usulan_id: Uuid,
        by: Pelaku<'_>,
        rejected: &[KunciField],
    ) -> Result<i32, UsulanError> {
        Self::sent_status(conn, usulan_id).await?;
        let row = sqlx::query!(
            r#"SELECT u.nip, u.master_versi, u.isi AS "isi: Json<domain::form::Formulir>",
                      r.rekam AS "rekam: Json<history::Rekam>"
               FROM usulan u JOIN pns_rekam r ON r.nip = u.nip WHERE u.id = $1"#,
            usulan_id
        )
        .fetch_one(&mut *conn)
        .await?;
        let master = row.rekam.0.decode()?;
        if master.pns.versi != row.master_versi {
            return Err(UsulanError::Refused(ErrorCode::MasterChanged));
        }
        let labels = self.reference.labels().await?;
        let form = accepted_form(&master_form(&master, &labels), &row.isi.0, rejected);
        let versi = Self::write_master(conn, &row.nip, &form, &labels).await?;
        sqlx::query!(
            "UPDATE usulan SET status = $2, versi = versi + 1, diubah = now() WHERE id = $1",
            usulan_id,
            StatusUsulan::Final.code()
        )
        .execute(&mut *conn)
        .await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::Disetujui, by.tingkat, by.oleh, by.kantor, "").await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::Final, None, by.oleh, by.kantor, "").await?;
        Ok(versi)
    }

    /// Turun Status: a sent, not yet final, proposal goes back to draft with a reason.
    pub async fn reopen(
        conn: &mut PgConnection,
        usulan_id: Uuid,
        by: Pelaku<'_>,
        catatan: &str,
    ) -> Result<(), UsulanError> {
        Self::sent_status(conn, usulan_id).await.map_err(|_| UsulanError::Refused(ErrorCode::NotReturnable))?;
        sqlx::query!(
            "UPDATE usulan SET status = $2, versi = versi + 1, diubah = now() WHERE id = $1",
            usulan_id,
            StatusUsulan::Draf.code()
        )
        .execute(&mut *conn)
        .await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::TurunStatus, None, by.oleh, by.kantor, catatan).await?;
        Ok(())
    }

    /// Locks the proposal's row; refused unless it is sent (with the verifiers).
    async fn sent_status(conn: &mut PgConnection, usulan_id: Uuid) -> Result<(), UsulanError> {
        let status = sqlx::query_scalar!("SELECT status FROM usulan WHERE id = $1 FOR UPDATE", usulan_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(UsulanError::Refused(ErrorCode::NotFound))?;
        match decode(StatusUsulan::parse(&status))? {
            StatusUsulan::Dikirim => Ok(()),
            _ => Err(UsulanError::Refused(ErrorCode::AlreadyDecided)),
        }
    }
}
