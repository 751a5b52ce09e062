//! Sessions resolved in the last few seconds, kept in memory so that a page's burst of
//! requests (the page, then each server function it calls) costs one query, not one each.
//!
//! An entry lives `ttl` (configured; 5 s by default). Every instance drops it at once on sign-out
//! and role switch, and drops an account's entries when its grants or password change, through
//! `revocation` (PostgreSQL NOTIFY); a change made by hand in the database shows within `ttl`.
//! The idle and absolute limits are checked on every use, cached or not.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::session::CurrentUser;

/// Beyond this many entries the stale ones go; if all are fresh, everything goes.
const MAX_ENTRIES: usize = 50_000;

#[derive(Clone)]
pub(crate) struct Cached {
    pub user: CurrentUser,
    pub expires_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
}

/// Session token hash → (when it was read from the database, what was read).
type Entries = HashMap<Vec<u8>, (Instant, Cached)>;

#[derive(Clone)]
pub(crate) struct SessionCache {
    ttl: Duration,
    entries: Arc<Mutex<Entries>>,
}

impl SessionCache {
    pub fn new(ttl: Duration) -> SessionCache {
        SessionCache { ttl, entries: Arc::default() }
    }

    pub fn get(&self, hash: &[u8]) -> Option<Cached> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.get(hash).filter(|(at, _)| at.elapsed() < self.ttl).map(|(_, cached)| cached.clone())
    }

    pub fn put(&self, hash: Vec<u8>, cached: Cached) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| at.elapsed() < ttl);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(hash, (Instant::now(), cached));
    }

    pub fn forget(&self, hash: &[u8]) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).remove(hash);
    }

    /// Drops everything (announcements may have been missed).
    pub fn clear(&self) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Drops every cached session of one account (its grants or password changed).
    pub fn forget_account(&self, account_id: uuid::Uuid) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, (_, c)| c.user.account_id != account_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> CurrentUser {
        CurrentUser {
            account_id: uuid::Uuid::nil(),
            nama: "Uji".into(),
            nip: None,
            username: None,
            active: crate::grant::Grant {
                id: uuid::Uuid::nil(),
                role: domain::Role::Pns,
                instansi_id: None,
                unor_id: None,
                unor_path: None,
                kanreg_id: None,
                hds_kategori: vec![],
                kantor_id: None,
            },
            grants: vec![],
        }
    }

    #[test]
    fn entries_are_forgotten_on_request() {
        let cache = SessionCache::new(Duration::from_secs(60));
        let now = OffsetDateTime::now_utc();
        cache.put(vec![1], Cached { user: user(), expires_at: now, last_seen_at: now });
        assert!(cache.get(&[1]).is_some());
        assert!(cache.get(&[2]).is_none());
        cache.forget(&[1]);
        assert!(cache.get(&[1]).is_none());
        cache.put(vec![3], Cached { user: user(), expires_at: now, last_seen_at: now });
        cache.forget_account(uuid::Uuid::new_v4());
        assert!(cache.get(&[3]).is_some(), "another account's change leaves it");
        cache.forget_account(user().account_id);
        assert!(cache.get(&[3]).is_none());
    }

    #[test]
    fn a_zero_lifetime_keeps_nothing() {
        let cache = SessionCache::new(Duration::ZERO);
        let now = OffsetDateTime::now_utc();
        cache.put(vec![1], Cached { user: user(), expires_at: now, last_seen_at: now });
        assert!(cache.get(&[1]).is_none());
    }
}
