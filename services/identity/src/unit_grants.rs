//! L1 grants follow their unit (#13): a grant keeps its unit's path for subtree checks, so
//! when the admin moves a unit the grants anchored in the moved subtree take the new path in
//! the move's own transaction, and every instance drops the holders' cached sessions. A unit
//! that still has L1 verifiers on it cannot close.
//!
//! The other instances hear of it through NOTIFY when the transaction commits; this instance
//! drops its own entries right after the commit (`forget_cached`), so the admin's next request
//! here never meets a verifier's old path.

use reference::Pindah;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::revocation::{announce_on, Revoked};
use crate::Identity;

/// Accounts whose cached sessions went stale inside a caller's transaction.
#[must_use = "hand it to Identity::forget_cached once the transaction commits"]
pub struct StaleSessions(Vec<Uuid>);

impl Identity {
    /// Rewrites the path of every grant of the instansi in the moved subtree, on the move's
    /// transaction; returns the holders, whose cached sessions the caller drops once it commits.
    pub async fn follow_unit_move(
        &self,
        conn: &mut PgConnection,
        instansi_id: Uuid,
        pindah: &Pindah,
    ) -> sqlx::Result<StaleSessions> {
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
        Ok(StaleSessions(holders))
    }

    /// Drops this instance's cached sessions of accounts changed in a transaction that has
    /// committed. Before the commit a concurrent request could cache the old state again.
    pub fn forget_cached(&self, stale: StaleSessions) {
        for account in stale.0 {
            self.sessions.forget_account(account);
        }
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
