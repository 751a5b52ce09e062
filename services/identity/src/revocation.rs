//! Ended sessions end on every server instance at once. Each instance keeps resolved sessions
//! in memory for a few seconds (`session_cache`); whoever signs a session out, switches its
//! role, resets a password or changes a grant announces it with PostgreSQL NOTIFY, and every
//! instance's listener drops the cached entries. A listener that lost its connection may have
//! missed announcements, so it drops its whole cache before listening again.

use sqlx::postgres::PgListener;
use sqlx::PgPool;
use uuid::Uuid;

use crate::session_cache::SessionCache;

const CHANNEL: &str = "sipupns_sesi_dicabut";

/// What ended: one session (by token hash) or every session of an account.
pub(crate) enum Revoked<'a> {
    Session(&'a [u8]),
    Account(Uuid),
}

impl Revoked<'_> {
    fn payload(&self) -> String {
        match self {
            Revoked::Session(hash) => format!("s:{}", hash.iter().map(|b| format!("{b:02x}")).collect::<String>()),
            Revoked::Account(id) => format!("a:{id}"),
        }
    }
}

/// Drops the entry here and tells the other instances.
pub(crate) async fn announce(pool: &PgPool, cache: &SessionCache, revoked: Revoked<'_>) -> sqlx::Result<()> {
    forget(cache, &revoked);
    sqlx::query!("SELECT pg_notify($1, $2)", CHANNEL, revoked.payload()).execute(pool).await?;
    Ok(())
}

/// Tells every instance (this one too, through its own listener) when `conn`'s transaction
/// commits: for changes made inside another service's transaction.
pub(crate) async fn announce_on(conn: &mut sqlx::PgConnection, revoked: Revoked<'_>) -> sqlx::Result<()> {
    sqlx::query!("SELECT pg_notify($1, $2)", CHANNEL, revoked.payload()).execute(conn).await?;
    Ok(())
}

fn forget(cache: &SessionCache, revoked: &Revoked<'_>) {
    match revoked {
        Revoked::Session(hash) => cache.forget(hash),
        Revoked::Account(id) => cache.forget_account(*id),
    }
}

fn apply(cache: &SessionCache, payload: &str) {
    match payload.split_once(':') {
        Some(("s", hex)) => match from_hex(hex) {
            Some(hash) => forget(cache, &Revoked::Session(&hash)),
            None => cache.clear(),
        },
        Some(("a", id)) => match id.parse() {
            Ok(id) => forget(cache, &Revoked::Account(id)),
            Err(_) => cache.clear(),
        },
        _ => cache.clear(),
    }
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect()
}

/// Listens until the pool closes. Runs as a background task of each server instance.
pub(crate) async fn listen(pool: PgPool, cache: SessionCache) {
    let mut listener = loop {
        match connect(&pool).await {
            Ok(listener) => break listener,
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                tracing::warn!(%error, "session revocation listener cannot connect; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    };
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => apply(&cache, notification.payload()),
            // The connection dropped and is re-made on the next call: whatever was announced
            // meanwhile is lost, so nothing cached can be trusted.
            Ok(None) => cache.clear(),
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                tracing::warn!(%error, "session revocation listener failed; retrying");
                cache.clear();
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

async fn connect(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_round_trip() {
        let hash = [1u8, 2, 255];
        assert_eq!(Revoked::Session(&hash).payload(), "s:0102ff");
        assert_eq!(from_hex("0102ff"), Some(hash.to_vec()));
        assert_eq!(from_hex("0g"), None);
        let id = Uuid::nil();
        assert_eq!(Revoked::Account(id).payload(), format!("a:{id}"));
    }
}
