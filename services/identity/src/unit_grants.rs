//! L1 grants follow their unit (#13): a grant keeps its unit's path for subtree checks, so
//! when the admin moves a unit the grants anchored in the moved subtree take the new path in
//! the move's own transaction, and every instance drops the holders' cached sessions. A unit
//! that still has L1 verifiers on it cannot close.

use reference::Pindah;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::revocation::{announce_on, Revoked};
use crate::Identity;

impl Identity {
    /// Rewrites the path of every grant of the instansi in the moved subtree, on the move's
    /// transaction; returns how many changed.
    pub async fn follow_unit_move(
        &self,
        conn: &mut PgConnection,
        instansi_id: Uuid,
        pindah: &Pindah,
    ) -> sqlx::Result<usize> {
        let holders: Vec<Uuid> = sqlx::query_scalar(
            "UPDATE role_grant SET unor_path = $3 || substr(unor_path, length($2) + 1)
             WHERE instansi_id = $1 AND starts_with(unor_path, $2) RETURNING account_id",
        )
        .bind(instansi_id)
        .bind(&pindah.lama)
        .bind(&pindah.baru)
        .fetch_all(&mut *conn)
        .await?;
        for account in &holders {
            announce_on(conn, Revoked::Account(*account)).await?;
        }
        Ok(holders.len())
    }

    /// Grants anchored at the unit at `path` or below it.
    pub async fn grants_on_units(&self, conn: &mut PgConnection, instansi_id: Uuid, path: &str) -> sqlx::Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM role_grant WHERE instansi_id = $1 AND starts_with(unor_path, $2)")
            .bind(instansi_id)
            .bind(path)
            .fetch_one(conn)
            .await
    }
}
