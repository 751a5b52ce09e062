//! Fixed-window counters in the database, so limits hold across server instances.

use sqlx::PgPool;
use time::OffsetDateTime;

/// Counts one hit for `key`; false when the key is already over `limit` in this window.
pub async fn hit(pool: &PgPool, key: &str, limit: u32, window_secs: i64) -> sqlx::Result<bool> {
    let start = window_start(window_secs);
    let hits = sqlx::query_scalar!(
        "INSERT INTO throttle (kunci, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (kunci, window_start) DO UPDATE SET hits = throttle.hits + 1
         RETURNING hits",
        key,
        start
    )
    .fetch_one(pool)
    .await?;
    Ok(hits as i64 <= limit as i64)
}

/// Start of the fixed window of `window_secs` that contains now.
fn window_start(window_secs: i64) -> OffsetDateTime {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    OffsetDateTime::from_unix_timestamp(now - now.rem_euclid(window_secs)).expect("valid timestamp")
}

/// Old windows are useless; called now and then.
pub async fn prune(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM throttle WHERE window_start < now() - interval '1 day'").execute(pool).await?;
    Ok(())
}
