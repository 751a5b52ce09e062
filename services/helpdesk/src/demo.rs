//! For the demo world (`--demo`) only: what a seeded ticket needs beyond the normal API, so the
//! demo inbox shows tickets that have waited, some past their SLA.

use access::ServiceError;
use uuid::Uuid;

use crate::store::Helpdesk;

impl Helpdesk {
    /// Whether any ticket exists (the demo seeds once).
    pub async fn has_tickets(&self) -> Result<bool, ServiceError> {
        Ok(sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM hds_tiket) AS "ada!""#).fetch_one(&self.pool).await?)
    }

    /// Moves a ticket and its messages `minutes` into the past.
    pub async fn backdate(&self, id: Uuid, minutes: i32) -> Result<(), ServiceError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query!(
            "UPDATE hds_tiket SET dibuat = dibuat - make_interval(mins => $2), dijawab = dijawab - make_interval(mins => $2),
                    diselesaikan = diselesaikan - make_interval(mins => $2), diperbarui = diperbarui - make_interval(mins => $2)
             WHERE id = $1",
            id,
            minutes
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE hds_pesan SET dibuat = dibuat - make_interval(mins => $2) WHERE tiket_id = $1",
            id,
            minutes
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
