//! Database sessions. The cookie holds a random token; the table holds its hash, the
//! account, the active role grant, and the idle and absolute limits.

use domain::account::StatusAkun;
use sqlx::types::Json;
use sqlx::PgPool;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub use access::CurrentUser;

use crate::grant::{sorted, Grant, GrantRow};
use crate::session_cache::{Cached, SessionCache};
use crate::token;

#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits { idle: Duration::minutes(30), absolute: Duration::hours(12) }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionLookup {
    Valid(Box<CurrentUser>),
    /// The cookie named a session that timed out (idle or absolute): say so, don't just
    /// show the sign-in page.
    Expired,
    Unknown,
}

pub(crate) async fn create(
    pool: &PgPool,
    limits: SessionLimits,
    account_id: Uuid,
    grant_id: Uuid,
    ip: &str,
    user_agent: &str,
) -> sqlx::Result<String> {
    let token = token::new_token();
    let expires_at = OffsetDateTime::now_utc() + limits.absolute;
    sqlx::query!(
        "INSERT INTO session (id_hash, account_id, grant_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)",
        token::digest(&token),
        account_id,
        grant_id,
        expires_at,
        ip,
        user_agent
    )
    .execute(pool)
    .await?;
    Ok(token)
}

pub(crate) async fn resolve(
    pool: &PgPool,
    cache: &SessionCache,
    limits: SessionLimits,
    token: &str,
) -> sqlx::Result<SessionLookup> {
    let hash = token::digest(token);
    let now = OffsetDateTime::now_utc();
    if let Some(cached) = cache.get(&hash) {
        return Ok(check_limits(cached, limits, now));
    }
    // One round trip: the session, its account and all the account's grants.
    let Some(row) = sqlx::query!(
        r#"SELECT s.account_id, s.grant_id, s.expires_at, s.last_seen_at, a.nama, a.nip, a.username, a.status,
                  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'role', g.role,
                       'instansi_id', g.instansi_id, 'unor_id', g.unor_id, 'unor_path', g.unor_path,
                       'kanreg_id', g.kanreg_id, 'hds_kategori', g.hds_kategori, 'kantor_id', g.kantor_id)), '[]')
                   FROM role_grant g WHERE g.account_id = s.account_id) AS "grants!: Json<Vec<GrantRow>>"
           FROM session s JOIN account a ON a.id = s.account_id WHERE s.id_hash = $1"#,
        hash
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(SessionLookup::Unknown);
    };
    if StatusAkun::parse(&row.status).map_err(|e| sqlx::Error::Decode(Box::new(e)))? != StatusAkun::Aktif {
        return Ok(SessionLookup::Expired);
    }
    let grants = sorted(row.grants.0.into_iter().filter_map(GrantRow::into_grant).collect());
    let Some(active) = grants.iter().find(|g| g.id == row.grant_id).cloned() else {
        return Ok(SessionLookup::Expired);
    };
    let mut last_seen_at = row.last_seen_at;
    // Refresh the idle clock at most once a minute: a page load makes several requests.
    if row.expires_at > now && last_seen_at + limits.idle > now && now - last_seen_at > Duration::minutes(1) {
        sqlx::query!("UPDATE session SET last_seen_at = $2 WHERE id_hash = $1", hash, now).execute(pool).await?;
        last_seen_at = now;
    }
    let user = CurrentUser {
        account_id: row.account_id,
        nama: row.nama,
        nip: row.nip,
        username: row.username,
        active,
        grants,
    };
    let cached = Cached { user, expires_at: row.expires_at, last_seen_at };
    cache.put(hash, cached.clone());
    Ok(check_limits(cached, limits, now))
}

/// An expired row stays until `purge_expired` so the next page can still say "your
/// session has expired" instead of silently showing the sign-in form.
fn check_limits(cached: Cached, limits: SessionLimits, now: OffsetDateTime) -> SessionLookup {
    if cached.expires_at <= now || cached.last_seen_at + limits.idle <= now {
        return SessionLookup::Expired;
    }
    SessionLookup::Valid(Box::new(cached.user))
}

pub(crate) async fn grants_of(pool: &PgPool, account_id: Uuid) -> sqlx::Result<Vec<Grant>> {
    let rows = sqlx::query_as!(
        GrantRow,
        "SELECT id, role, instansi_id, unor_id, unor_path, kanreg_id, hds_kategori, kantor_id
         FROM role_grant WHERE account_id = $1",
        account_id
    )
    .fetch_all(pool)
    .await?;
    Ok(sorted(rows.into_iter().filter_map(GrantRow::into_grant).collect()))
}

pub(crate) async fn delete(pool: &PgPool, token: &str) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM session WHERE id_hash = $1", token::digest(token)).execute(pool).await?;
    Ok(())
}

pub(crate) async fn set_grant(pool: &PgPool, token: &str, grant_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!("UPDATE session SET grant_id = $2 WHERE id_hash = $1", token::digest(token), grant_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Removes sessions that ended more than a day ago (run periodically).
pub async fn purge_expired(pool: &PgPool, limits: SessionLimits) -> sqlx::Result<u64> {
    let idle_cutoff = OffsetDateTime::now_utc() - limits.idle - Duration::days(1);
    let done = sqlx::query!(
        "DELETE FROM session WHERE expires_at < now() - interval '1 day' OR last_seen_at < $1",
        idle_cutoff
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
