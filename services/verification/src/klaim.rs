//! Claims: opening a submission holds it for one verifier for 15 minutes, renewed while the
//! page stays open, so two verifiers do not work the same proposal unknowingly. Taking a
//! claim is one conditional UPDATE: of two verifiers opening at once, one gets it.

use access::{CurrentUser, ServiceError};
use domain::ErrorCode;
use uuid::Uuid;

use crate::item::Item;
use crate::store::{Verification, KLAIM_MENIT};

/// The claim's state as the verifier's page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Klaim {
    /// Held by the caller until this time.
    Milik(time::OffsetDateTime),
    /// Held by someone else (their name) until this time.
    Orang(String, time::OffsetDateTime),
    /// Not waiting any more: nothing to claim.
    Selesai,
}

impl Verification {
    /// Claims (or renews the caller's claim on) a waiting item in the caller's scope. Renewing
    /// never shortens the caller's own 24-hour checkout.
    pub async fn claim(&self, user: &CurrentUser, item_id: Uuid) -> Result<Klaim, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        let item = Item::load(&mut conn, user, item_id, false).await?;
        if item.status != domain::verifikasi::StatusItem::Menunggu {
            return Ok(Klaim::Selesai);
        }
        let taken = sqlx::query_scalar!(
            "UPDATE verifikasi_item SET klaim_oleh = $2, klaim_nama = $3,
                    klaim_sampai = GREATEST(CASE WHEN klaim_oleh = $2 THEN klaim_sampai END,
                                            now() + make_interval(mins => $4))
             WHERE id = $1 AND status = 'menunggu'
               AND (klaim_oleh IS NULL OR klaim_oleh = $2 OR klaim_sampai <= now())
             RETURNING klaim_sampai AS \"sampai!\"",
            item_id,
            user.account_id,
            user.nama,
            KLAIM_MENIT as i32
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(sampai) = taken {
            return Ok(Klaim::Milik(sampai));
        }
        let holder =
            sqlx::query!(r#"SELECT klaim_nama, klaim_sampai, status FROM verifikasi_item WHERE id = $1"#, item_id)
                .fetch_one(&mut *conn)
                .await?;
        match (holder.status.as_str(), holder.klaim_nama, holder.klaim_sampai) {
            ("menunggu", Some(nama), Some(sampai)) => Ok(Klaim::Orang(nama, sampai)),
            ("menunggu", _, _) => Err(ServiceError::Refused(ErrorCode::ClaimedByOther)),
            _ => Ok(Klaim::Selesai),
        }
    }

    /// Gives up the caller's claim (the page was closed, or the verifier stepped back). An item
    /// taken offline stays held: closing its page online does not end the checkout.
    pub async fn release(&self, user: &CurrentUser, item_id: Uuid) -> Result<(), ServiceError> {
        let mut conn = self.pool.acquire().await?;
        Item::load(&mut conn, user, item_id, false).await?;
        sqlx::query!(
            "UPDATE verifikasi_item SET klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL
             WHERE id = $1 AND klaim_oleh = $2
               AND NOT EXISTS (SELECT 1 FROM verifikasi_pinjam
                               WHERE item_id = $1 AND selesai IS NULL AND sampai > now())",
            item_id,
            user.account_id
        )
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
