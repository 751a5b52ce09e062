//! Work items keep the path of their PNS's unit (queues filter by subtree), so a moved unit's
//! items take the new path in the move's own transaction (#13); a unit with open work cannot
//! close.

use reference::Pindah;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::Verification;

impl Verification {
    /// Rewrites the unit path of the instansi's items in the moved subtree, on the move's
    /// transaction.
    pub async fn follow_unit_move(
        &self,
        conn: &mut PgConnection,
        instansi_id: Uuid,
        pindah: &Pindah,
    ) -> sqlx::Result<u64> {
        let done = sqlx::query(
            "UPDATE verifikasi_item SET unor_path = $3 || substr(unor_path, length($2) + 1)
             WHERE instansi_id = $1 AND starts_with(unor_path, $2)",
        )
        .bind(instansi_id)
        .bind(&pindah.lama)
        .bind(&pindah.baru)
        .execute(conn)
        .await?;
        Ok(done.rows_affected())
    }

    /// Items still waiting for a decision for PNS at the unit at `path` or below it.
    pub async fn open_work_under(&self, conn: &mut PgConnection, instansi_id: Uuid, path: &str) -> sqlx::Result<i64> {
        sqlx::query_scalar(
            "SELECT count(*) FROM verifikasi_item WHERE instansi_id = $1 AND starts_with(unor_path, $2) AND status = 'menunggu'",
        )
        .bind(instansi_id)
        .bind(path)
        .fetch_one(conn)
        .await
    }
}
