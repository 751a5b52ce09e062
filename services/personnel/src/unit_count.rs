//! How many PNS each unit holds: the admin's unit tree shows it, and a unit that still holds
//! PNS cannot close (#13).

use std::collections::HashMap;

use sqlx::PgConnection;
use uuid::Uuid;

use crate::store::Personnel;

impl Personnel {
    /// PNS per unit of the instansi (units without PNS are absent).
    pub async fn pns_per_unit(&self, instansi_id: Uuid) -> sqlx::Result<HashMap<Uuid, i64>> {
        let rows: Vec<(Uuid, i64)> =
            sqlx::query_as("SELECT unor_id, count(*) FROM pns WHERE instansi_id = $1 GROUP BY unor_id")
                .bind(instansi_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    /// PNS whose unit is one of `units`, on the caller's transaction.
    pub async fn pns_in_units(&self, conn: &mut PgConnection, units: &[Uuid]) -> sqlx::Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM pns WHERE unor_id = ANY($1)").bind(units).fetch_one(conn).await
    }
}
