//! Sign-in by NIP (PNS) or username (staff), with per-account lockout and a per-address rate.

use domain::account::StatusAkun;
use domain::ErrorCode;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use crate::error::Result;
use crate::session::{self, CurrentUser, SessionLookup};
use crate::{audit, password, throttle, Identity};

pub const MAX_FAILED_SIGNINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// A fresh session: the cookie value and who it belongs to.
pub struct SignedIn {
    pub token: String,
    pub user: CurrentUser,
}

impl Identity {
    /// A failed sign-in in the audit log: the account when known, and why.
    async fn signin_failed(
        &self,
        account: Option<uuid::Uuid>,
        identifier: &str,
        ip: &str,
        detail: Value,
    ) -> Result<()> {
        audit::record(&self.pool, account, "signin_failed", Some(identifier), ip, detail).await?;
        Ok(())
    }

    pub async fn sign_in(&self, identifier: &str, secret: &str, ip: &str, user_agent: &str) -> Result<SignedIn> {
        let identifier = identifier.trim();
        if identifier.is_empty() || secret.is_empty() {
            return Err(ErrorCode::CredentialsRequired.into());
        }
        if !throttle::hit(&self.pool, &format!("ip:signin:{ip}"), self.config.signin_per_minute_per_ip, 60).await? {
            return Err(ErrorCode::TooManyRequests.into());
        }
        let account = sqlx::query!(
            "SELECT id, nama, nip, username, password_hash, status, failed_signins, locked_until FROM account
             WHERE nip = $1 OR username = $1",
            identifier
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(account) = account else {
            // Same cost as a real check, so timing does not reveal which NIPs exist.
            password::verify_async(password::dummy_hash().to_owned(), secret.to_owned()).await;
            self.signin_failed(None, identifier, ip, json!({"reason": "unknown"})).await?;
            return Err(ErrorCode::UnknownAccount.into());
        };
        let now = OffsetDateTime::now_utc();
        if account.locked_until.is_some_and(|until| until > now) {
            self.signin_failed(Some(account.id), identifier, ip, json!({"reason": "locked"})).await?;
            return Err(ErrorCode::AccountLocked.into());
        }
        if !password::verify_async(account.password_hash, secret.to_owned()).await {
            // Counted in SQL, not read and written back: parallel wrong passwords each count,
            // and the one that reaches the limit sets the lock.
            let lock_until = now + Duration::minutes(LOCK_MINUTES);
            let counted = sqlx::query!(
                r#"UPDATE account SET
                       failed_signins = CASE WHEN failed_signins + 1 >= $2 THEN 0 ELSE failed_signins + 1 END,
                       locked_until = CASE WHEN failed_signins + 1 >= $2 THEN $3 ELSE locked_until END
                   WHERE id = $1
                   RETURNING failed_signins, coalesce(locked_until = $3, false) AS "locked!""#,
                account.id,
                MAX_FAILED_SIGNINS,
                lock_until
            )
            .fetch_one(&self.pool)
            .await?;
            let (locked, failures) =
                (counted.locked, if counted.locked { MAX_FAILED_SIGNINS } else { counted.failed_signins });
            let detail = json!({"reason": "password", "failures": failures});
            self.signin_failed(Some(account.id), identifier, ip, detail).await?;
            return Err(if locked { ErrorCode::AccountLocked } else { ErrorCode::WrongPassword }.into());
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
        sqlx::query!("UPDATE account SET failed_signins = 0, locked_until = NULL WHERE id = $1", account.id)
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
        self.sessions.forget(&crate::token::digest(token));
        if let Some(user) = user {
            audit::record(&self.pool, Some(user.account_id), "signout", None, ip, json!({})).await?;
        }
        Ok(())
    }

    /// Makes another of the user's own grants the active one.
    pub async fn switch_role(&self, token: &str, user: &CurrentUser, grant_id: uuid::Uuid) -> Result<()> {
        if !user.grants.iter().any(|g| g.id == grant_id) {
            return Err(ErrorCode::RoleNotHeld.into());
        }
        session::set_grant(&self.pool, token, grant_id).await?;
        self.sessions.forget(&crate::token::digest(token));
        Ok(())
    }
}
