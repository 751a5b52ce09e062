//! Sign-in by NIP (PNS) or username (staff), with lockout per account and address
//! (`lockout`) and a per-address rate.

use domain::account::StatusAkun;
use domain::{ErrorCode, Nip};
use serde_json::{json, Value};
use time::OffsetDateTime;

use crate::error::Result;
use crate::revocation::{self, Revoked};
use crate::session::{self, CurrentUser, SessionLookup};
use crate::{audit, lockout, password, throttle, Identity};

/// A fresh session: the cookie value and who it belongs to.
pub struct SignedIn {
    pub token: String,
    pub user: CurrentUser,
}

impl Identity {
    /// A failed sign-in in the audit log: the account when known, and why. The typed
    /// identifier is kept only when it names a known account or has the shape of a NIP;
    /// anything else may be a password typed into the wrong field.
    async fn signin_failed(
        &self,
        account: Option<uuid::Uuid>,
        identifier: &str,
        ip: &str,
        detail: Value,
    ) -> Result<()> {
        let kept = (account.is_some() || Nip::parse(identifier).is_ok()).then_some(identifier);
        audit::record(&self.pool, account, "signin_failed", kept, ip, detail).await?;
        Ok(())
    }

    /// Signs in by NIP or username. Unknown account and wrong password get the same answer after
    /// the same work (one argon2 verification), and "locked" is said only to someone who gave
    /// the right password; see docs/SECURITY.md for the lockout design.
    pub async fn sign_in(&self, identifier: &str, secret: &str, ip: &str, user_agent: &str) -> Result<SignedIn> {
        let identifier = identifier.trim();
        if identifier.is_empty() || secret.is_empty() {
            return Err(ErrorCode::CredentialsRequired.into());
        }
        if !throttle::hit(&self.pool, &format!("ip:signin:{ip}"), self.config.signin_per_minute_per_ip, 60).await? {
            return Err(ErrorCode::TooManyRequests.into());
        }
        // A NIP changed by a verified birth-date or gender correction still signs in.
        let current = match Nip::parse(identifier) {
            Ok(_) => self.personnel.current_nip(identifier).await?,
            Err(_) => None,
        };
        let login = current.as_deref().unwrap_or(identifier);
        let account = sqlx::query!(
            "SELECT id, nama, nip, username, password_hash, status, locked_until FROM account
             WHERE nip = $1 OR username = $1",
            login
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(account) = account else {
            // Same cost as a real check, so timing does not reveal which NIPs exist.
            password::verify_async(password::dummy_hash().to_owned(), secret.to_owned()).await;
            self.signin_failed(None, identifier, ip, json!({"reason": "unknown"})).await?;
            return Err(ErrorCode::CredentialsWrong.into());
        };
        if !password::verify_async(account.password_hash, secret.to_owned()).await {
            let failure = lockout::count_failure(&self.pool, account.id, ip).await?;
            let detail = json!({"reason": "password", "failures": failure.failures, "locked": failure.locked});
            self.signin_failed(Some(account.id), identifier, ip, detail).await?;
            return Err(ErrorCode::CredentialsWrong.into());
        }
        let locked = account.locked_until.is_some_and(|until| until > OffsetDateTime::now_utc());
        if locked && lockout::address_failed_recently(&self.pool, account.id, ip).await? {
            self.signin_failed(Some(account.id), identifier, ip, json!({"reason": "locked"})).await?;
            return Err(ErrorCode::AccountLocked.into());
        }
        match StatusAkun::parse(&account.status).map_err(|e| sqlx::Error::Decode(Box::new(e)))? {
            StatusAkun::Aktif => {}
            StatusAkun::MenungguVerifikasi => return Err(ErrorCode::AccountWaitingApproval.into()),
            StatusAkun::Nonaktif => return Err(ErrorCode::AccountDisabled.into()),
        }
        let grants = session::grants_of(&self.pool, account.id).await?;
        let Some(first) = grants.first().cloned() else {
            return Err(ErrorCode::AccountDisabled.into());
        };
        lockout::clear(&self.pool, account.id, ip).await?;
        // Shown in the admin's list of staff accounts.
        sqlx::query("UPDATE account SET last_signin_at = now() WHERE id = $1")
            .bind(account.id)
            .execute(&self.pool)
            .await?;
        // Always a new session id at sign-in (no fixation).
        let token = session::create(&self.pool, self.config.session, account.id, first.id, ip, user_agent).await?;
        audit::record(&self.pool, Some(account.id), "signin_ok", Some(identifier), ip, json!({})).await?;
        let user = CurrentUser {
            account_id: account.id,
            nama: account.nama,
            nip: account.nip,
            username: account.username,
            active: first,
            grants,
        };
        Ok(SignedIn { token, user })
    }

    pub async fn session(&self, token: &str) -> Result<SessionLookup> {
        Ok(session::resolve(&self.pool, &self.sessions, self.config.session, token).await?)
    }

    pub async fn sign_out(&self, token: &str, user: Option<&CurrentUser>, ip: &str) -> Result<()> {
        session::delete(&self.pool, token).await?;
        revocation::announce(&self.pool, &self.sessions, Revoked::Session(&crate::token::digest(token))).await?;
        if let Some(user) = user {
            audit::record(&self.pool, Some(user.account_id), "signout", None, ip, json!({})).await?;
        }
        Ok(())
    }

    /// Makes another of the user's own grants the active one.
    pub async fn switch_role(&self, token: &str, user: &CurrentUser, grant_id: uuid::Uuid, ip: &str) -> Result<()> {
        if !user.grants.iter().any(|g| g.id == grant_id) {
            return Err(ErrorCode::RoleNotHeld.into());
        }
        session::set_grant(&self.pool, token, grant_id).await?;
        revocation::announce(&self.pool, &self.sessions, Revoked::Session(&crate::token::digest(token))).await?;
        let role = user.grants.iter().find(|g| g.id == grant_id).map(|g| g.role.code());
        audit::record(
            &self.pool,
            Some(user.account_id),
            "role_switch",
            None,
            ip,
            json!({"grant": grant_id, "role": role}),
        )
        .await?;
        Ok(())
    }
}
