//! The proposal's moves through verification, called by the verification service inside its
//! own transaction (each takes the caller's connection): passed a level, returned with
//! reasons, finalised into a new master version, reopened (Turun Status). Verification never
//! writes these tables; personnel never reads verification's.

use domain::form::{accepted_form, JenisPeristiwa, KunciField, StatusUsulan};
use domain::verifikasi::Penolakan;
use domain::{ErrorCode, Nip};
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

/// What a final approval wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Final {
    /// The new master version.
    pub versi: i32,
    /// The PNS's new NIP, when the birth date or gender changed (the old one is an alias now).
    pub nip_baru: Option<String>,
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
    /// caller's transaction, and the proposal is final. An accepted birth-date or gender
    /// change also changes the NIP (`change_nip`); the caller changes the account's.
    pub async fn finalise(
        &self,
        conn: &mut PgConnection,
        usulan_id: Uuid,
        by: Pelaku<'_>,
        rejected: &[KunciField],
    ) -> Result<Final, UsulanError> {
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
        let nip = Nip::parse(&row.nip).map_err(UsulanError::Refused)?;
        let nip_baru = match domain::form::proposed_nip(&nip, &form.data_utama) {
            Some(proposed) => Some(Self::change_nip(conn, &nip, &proposed).await?),
            None => None,
        };
        sqlx::query!(
            "UPDATE usulan SET status = $2, versi = versi + 1, diubah = now() WHERE id = $1",
            usulan_id,
            StatusUsulan::Final.code()
        )
        .execute(&mut *conn)
        .await?;
        Self::add_step(conn, usulan_id, JenisPeristiwa::Disetujui, by.tingkat, by.oleh, by.kantor, "").await?;
        let catatan = nip_baru.as_ref().map(|n| format!("NIP baru: {n}")).unwrap_or_default();
        Self::add_step(conn, usulan_id, JenisPeristiwa::Final, None, by.oleh, by.kantor, &catatan).await?;
        Ok(Final { versi, nip_baru })
    }

    /// Gives the PNS `proposed` as their NIP, or, when another PNS holds it, the same NIP
    /// with the next free sequence number (Direktorat Status's rule on a collision). Every
    /// table referring to the PNS follows (ON UPDATE CASCADE); the old NIP becomes an alias.
    async fn change_nip(conn: &mut PgConnection, old: &Nip, proposed: &Nip) -> Result<String, UsulanError> {
        let mut candidate = proposed.clone();
        for sequence in proposed.as_str()[15..18].parse::<u16>().unwrap_or(1)..=999 {
            candidate = Nip::compose(
                proposed.birth_date(),
                proposed.tmt_cpns_year(),
                proposed.tmt_cpns_month() as u8,
                proposed.gender(),
                sequence,
            )
            .map_err(UsulanError::Refused)?;
            let taken = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM pns WHERE nip = $1) OR EXISTS (SELECT 1 FROM pns_nip_lama WHERE nip_lama = $1) AS "taken!""#,
                candidate.as_str()
            )
            .fetch_one(&mut *conn)
            .await?;
            if !taken {
                break;
            }
        }
        sqlx::query!("UPDATE pns SET nip = $2 WHERE nip = $1", old.as_str(), candidate.as_str())
            .execute(&mut *conn)
            .await?;
        sqlx::query!("INSERT INTO pns_nip_lama (nip_lama, nip) VALUES ($1, $2)", old.as_str(), candidate.as_str())
            .execute(&mut *conn)
            .await?;
        Self::refresh_rekam(conn, candidate.as_str()).await?;
        Ok(candidate.as_str().to_owned())
    }

    /// The PNS's current NIP when `nip` is an old one (sign-in and look-ups accept both).
    pub async fn current_nip(&self, nip: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar!("SELECT nip FROM pns_nip_lama WHERE nip_lama = $1", nip).fetch_optional(&self.pool).await
    }

    /// The PNS's NIP before the last change, if it changed.
    pub async fn former_nip(&self, nip: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar!("SELECT nip_lama FROM pns_nip_lama WHERE nip = $1 ORDER BY diganti DESC LIMIT 1", nip)
            .fetch_optional(&self.pool)
            .await
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
