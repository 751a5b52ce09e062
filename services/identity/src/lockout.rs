//! Lockout after wrong passwords, per account and per address.
//!
//! Five wrong passwords for one account, from anywhere, lock it for 15 minutes; counting is one
//! SQL update, so parallel guesses cannot slip past the limit. While it is locked, an address
//! that gave a wrong password for the account in the last 15 minutes is refused even with the
//! right password, but the owner on a clean address still gets in: nobody can lock a PNS out by
//! typing wrong passwords for their NIP. An attacker needs a new address for every further
//! guess while the lock lasts (and each address is rate-limited on its own).

use sqlx::PgPool;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub const MAX_FAILED_SIGNINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// What one wrong password did to the account.
pub struct Failure {
    /// Failures counted towards the next lock (0 right after locking).
    pub failures: i32,
    /// This failure locked (or re-locked) the account.
    pub locked: bool,
}

/// Counts a wrong password for the account and for the address, atomically.
pub async fn count_failure(pool: &PgPool, account_id: Uuid, ip: &str) -> sqlx::Result<Failure> {
    let lock_until = OffsetDateTime::now_utc() + Duration::minutes(LOCK_MINUTES);
    // Counted in SQL, not read and written back: parallel wrong passwords each count, and the
    // one that reaches the limit sets the lock.
    let counted = sqlx::query!(
        r#"UPDATE account SET
               failed_signins = CASE WHEN failed_signins + 1 >= $2 THEN 0 ELSE failed_signins + 1 END,
               locked_until = CASE WHEN failed_signins + 1 >= $2 THEN $3 ELSE locked_until END
           WHERE id = $1
           RETURNING failed_signins, coalesce(locked_until = $3, false) AS "locked!""#,
        account_id,
        MAX_FAILED_SIGNINS,
        lock_until
    )
    .fetch_one(pool)
    .await?;
    sqlx::query!(
        "INSERT INTO signin_failure (account_id, ip, failures, last_failed_at) VALUES ($1, $2, 1, now())
         ON CONFLICT (account_id, ip) DO UPDATE
         SET failures = signin_failure.failures + 1, last_failed_at = now()",
        account_id,
        ip
    )
    .execute(pool)
    .await?;
    Ok(Failure { failures: counted.failed_signins, locked: counted.locked })
}

/// Whether this address gave a wrong password for the account within the lock period.
pub async fn address_failed_recently(pool: &PgPool, account_id: Uuid, ip: &str) -> sqlx::Result<bool> {
    let since = OffsetDateTime::now_utc() - Duration::minutes(LOCK_MINUTES);
    let failed = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM signin_failure
                          WHERE account_id = $1 AND ip = $2 AND last_failed_at > $3) AS "failed!""#,
        account_id,
        ip,
        since
    )
    .fetch_one(pool)
    .await?;
    Ok(failed)
}

/// A successful sign-in: the account's running count starts again and this address is clean.
/// A lock set by others stays until it runs out, so their addresses remain refused. One
/// statement, and no write at all in the common case (nothing failed): sign-in is a hot path.
pub async fn clear(pool: &PgPool, account_id: Uuid, ip: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "WITH cleared AS (DELETE FROM signin_failure WHERE account_id = $1 AND ip = $2)
         UPDATE account SET failed_signins = 0 WHERE id = $1 AND failed_signins <> 0",
        account_id,
        ip
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Housekeeping: failures older than a day no longer matter.
pub async fn prune(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM signin_failure WHERE last_failed_at < now() - interval '1 day'").execute(pool).await?;
    Ok(())
}
