//! Turun Status: a Kanreg (L3) verifier of the PNS's region, or an admin BKN, returns a sent,
//! not yet final, proposal to draft with a reason. Audited; the PNS sees it in the timeline.
//! (The helpdesk's category P tickets will call this same function.)

use access::{CurrentUser, ServiceError};
use domain::{ErrorCode, Role};
use personnel::{Pelaku, Personnel};
use sqlx::types::Json;
use uuid::Uuid;

use crate::store::Verification;

impl Verification {
    /// Reopens the proposal of `nip` that is waiting at some level.
    pub async fn turun_status(
        &self,
        user: &CurrentUser,
        nip: &str,
        catatan: &str,
        ip: &str,
    ) -> Result<(), ServiceError> {
        let catatan = catatan.trim();
        if catatan.is_empty() {
            return Err(ServiceError::Refused(ErrorCode::ReasonRequired));
        }
        if catatan.chars().count() > domain::verifikasi::MAX_ALASAN {
            return Err(ServiceError::Refused(ErrorCode::TextTooLong));
        }
        let allowed = matches!(user.active.role, Role::AdminBkn | Role::VerifikatorL3);
        if !allowed {
            return Err(ServiceError::Refused(ErrorCode::Forbidden));
        }
        let mut tx = self.pool.begin().await?;
        let item = sqlx::query!(
            "SELECT id, usulan_id, instansi_id, unor_path, kanreg_id FROM verifikasi_item
             WHERE nip = $1 AND status = 'menunggu' FOR UPDATE",
            nip
        )
        .fetch_optional(&mut *tx)
        .await?;
        let lokasi = item.as_ref().map(|i| access::Lokasi {
            instansi_id: i.instansi_id,
            unor_path: i.unor_path.clone(),
            kanreg_id: i.kanreg_id,
        });
        let in_scope = match (&lokasi, user.active.role) {
            (Some(_), Role::AdminBkn) => true,
            (Some(l), _) => user.active.covers(l),
            (None, _) => true,
        };
        // Someone else's PNS is not found; one of theirs with nothing waiting cannot be reopened.
        let Some(item) = item else {
            return Err(ServiceError::Refused(ErrorCode::NotReturnable));
        };
        if !in_scope {
            return Err(ServiceError::Refused(ErrorCode::NotFound));
        }
        let kantor = match user.active.role {
            Role::AdminBkn => "Admin BKN".to_owned(),
            _ => "Kantor Regional BKN".to_owned(),
        };
        let oleh = user.account_id.to_string();
        Personnel::reopen(&mut tx, item.usulan_id, Pelaku { oleh: &oleh, kantor: &kantor, tingkat: None }, catatan)
            .await?;
        sqlx::query!(
            "UPDATE verifikasi_item SET status = 'dibatalkan', diputus_oleh = $2, diputus_pada = now(),
                    klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL WHERE id = $1",
            item.id,
            user.account_id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO verifikasi_riwayat (kunci, item_id, tindakan, oleh, kantor, catatan, jawaban)
             VALUES ($1, $2, 'batal', $3, $4, $5, $6)",
            Uuid::new_v4(),
            item.id,
            user.account_id,
            kantor,
            catatan,
            Json(serde_json::json!({"status": "dibatalkan"})) as _
        )
        .execute(&mut *tx)
        .await?;
        access::audit::record(
            &mut *tx,
            Some(user.account_id),
            "turun_status",
            Some(nip),
            ip,
            serde_json::json!({"catatan": catatan, "role": user.active.role}),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
