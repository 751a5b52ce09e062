//! Identity service: accounts, role grants with scopes, sessions, sign-in throttling,
//! registration, password reset and the audit log.

mod accounts;
mod akun_pusat;
mod akun_staf;
mod audit_baca;
mod error;
pub mod grant;
pub mod http;
pub mod lingkup;
pub mod lockout;
pub mod password;
pub mod registration;
mod reset;
mod revocation;
pub mod session;
mod session_cache;
mod signin;
mod staf;
pub mod throttle;
mod unit_grants;
pub use access::token;

pub use access::audit;
pub use accounts::{NewAccount, WaitingRegistration};
pub use error::{IdentityError, Result};
pub use grant::{Grant, Scope};
pub use lockout::{LOCK_MINUTES, MAX_FAILED_SIGNINS};
pub use registration::{KnowledgeCheck, NipLookup, Registered, SlipData, SlipPdf};
pub use session::{CurrentUser, SessionLimits, SessionLookup};
pub use signin::SignedIn;
pub use staf::Staf;
pub use unit_grants::StaleSessions;

use mail::Mailer;
use personnel::Personnel;
use reference::Reference;
use sqlx::PgPool;

#[derive(Debug, Clone, Copy)]
pub struct IdentityConfig {
    pub session: SessionLimits,
    /// Sign-in attempts per minute from one address (tests raise it: all come from 127.0.0.1).
    pub signin_per_minute_per_ip: u32,
    /// NIP look-ups per minute from one address during registration.
    pub lookup_per_minute_per_ip: u32,
    /// Registration data checks per 15 minutes from one address (right or wrong).
    pub registration_checks_per_ip: u32,
    /// How long a resolved session is reused from memory (zero: never).
    pub session_cache: std::time::Duration,
}

impl Default for IdentityConfig {
    fn default() -> Self {
        IdentityConfig {
            session: SessionLimits::default(),
            signin_per_minute_per_ip: 30,
            lookup_per_minute_per_ip: 20,
            registration_checks_per_ip: 20,
            session_cache: std::time::Duration::from_secs(5),
        }
    }
}

#[derive(Clone)]
pub struct Identity {
    pool: PgPool,
    config: IdentityConfig,
    personnel: Personnel,
    reference: Reference,
    mailer: Mailer,
    sessions: session_cache::SessionCache,
}

impl Identity {
    pub fn new(
        pool: PgPool,
        config: IdentityConfig,
        personnel: Personnel,
        reference: Reference,
        mailer: Mailer,
    ) -> Self {
        Identity {
            pool,
            config,
            personnel,
            reference,
            mailer,
            sessions: session_cache::SessionCache::new(config.session_cache),
        }
    }

    pub fn config(&self) -> &IdentityConfig {
        &self.config
    }

    /// Starts this instance's listener for sessions ended on any instance (sign-out, role switch,
    /// password reset, grant change), so its session cache never serves them. Call once per
    /// process, inside the Tokio runtime; without it only this instance's own changes apply at once.
    pub fn listen_for_revocations(&self) {
        if !self.config.session_cache.is_zero() {
            tokio::spawn(revocation::listen(self.pool.clone(), self.sessions.clone()));
        }
    }

    /// Housekeeping: ended sessions and old rate-limit windows. The server runs it hourly.
    pub async fn purge(&self) -> Result<()> {
        session::purge_expired(&self.pool, self.config.session).await?;
        throttle::prune(&self.pool).await?;
        lockout::prune(&self.pool).await?;
        Ok(())
    }

    /// Records a read of someone's personal data (NIK, birth date, address, family).
    pub async fn audit_personal_data_read(&self, reader: &CurrentUser, nip: &str, ip: &str, what: &str) -> Result<()> {
        audit::personal_data_read(&self.pool, reader, nip, ip, what).await?;
        Ok(())
    }
}
