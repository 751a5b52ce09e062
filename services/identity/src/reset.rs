//! Password reset by an emailed link. The answer never says whether an account exists, and
//! takes the same time either way: the mail goes out in the background.

use domain::{account, ErrorCode};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::error::Result;
use crate::{audit, password, throttle, token, Identity};

const LINK_MINUTES: i64 = 60;
const RESETS_PER_ACCOUNT: u32 = 3;

impl Identity {
    /// Emails a reset link to the account's address, if there is one. `base_url` is the
    /// site's public address.
    pub async fn request_password_reset(&self, identifier: &str, base_url: &str, ip: &str) -> Result<()> {
        if !throttle::hit(&self.pool, &format!("ip:reset:{ip}"), self.config.lookup_per_minute_per_ip, 60).await? {
            return Err(ErrorCode::TooManyRequests.into());
        }
        let identifier = identifier.trim();
        if identifier.is_empty() {
            return Err(ErrorCode::CredentialsRequired.into());
        }
        let account = sqlx::query!(
            "SELECT id, email FROM account WHERE (nip = $1 OR username = $1) AND status <> $2",
            identifier,
            account::StatusAkun::Nonaktif.code()
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, Some(email))) = account.map(|a| (a.id, a.email)) else {
            return Ok(());
        };
        // A few links per account per quarter hour: nobody can flood a PNS's mailbox. Over the
        // limit the answer stays the same.
        if !self.reset_mail_allowed(id).await? {
            return Ok(());
        }
        let link = password_link(&self.pool, id, Duration::minutes(LINK_MINUTES), base_url).await?;
        let body = format!(
            "Untuk mengatur ulang kata sandi SIPUPNS, buka tautan ini dalam {LINK_MINUTES} menit:\n{link}\n\n\
             To reset your SIPUPNS password, open this link within {LINK_MINUTES} minutes:\n{link}\n"
        );
        self.mailer.send_in_background(email, "Atur ulang kata sandi SIPUPNS", body);
        audit::record(&self.pool, Some(id), "password_reset_requested", Some(identifier), ip, json!({})).await?;
        Ok(())
    }

    /// Whether another reset link may go to this account now: a few per quarter hour, so
    /// nobody can flood a mailbox (the admin's "send a password link" counts too).
    pub(crate) async fn reset_mail_allowed(&self, account_id: uuid::Uuid) -> sqlx::Result<bool> {
        throttle::hit(&self.pool, &format!("account:reset:{account_id}"), RESETS_PER_ACCOUNT, 900).await
    }

    pub async fn reset_password(
        &self,
        link_token: &str,
        new_password: &str,
        confirmation: &str,
        ip: &str,
    ) -> Result<()> {
        password::check_new(new_password, confirmation)?;
        let hash = token::digest(link_token);
        let Some(account_id) = sqlx::query_scalar!(
            "UPDATE password_reset SET used_at = now()
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id",
            hash
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Err(ErrorCode::ResetLinkInvalid.into());
        };
        let phc = password::hash_async(new_password.to_owned()).await;
        let mut tx = self.pool.begin().await?;
        sqlx::query!(
            "UPDATE account SET password_hash = $2, failed_signins = 0, locked_until = NULL WHERE id = $1",
            account_id,
            phc
        )
        .execute(&mut *tx)
        .await?;
        // Whoever held a session with the old password is signed out.
        sqlx::query!("DELETE FROM session WHERE account_id = $1", account_id).execute(&mut *tx).await?;
        tx.commit().await?;
        crate::revocation::announce(&self.pool, &self.sessions, crate::revocation::Revoked::Account(account_id))
            .await?;
        audit::record(&self.pool, Some(account_id), "password_reset", None, ip, json!({})).await?;
        Ok(())
    }
}

/// A new one-time link that sets the account's password, valid for `valid`: stored as a
/// digest, so the database never holds a usable link.
pub(crate) async fn password_link(
    db: impl sqlx::PgExecutor<'_>,
    account_id: uuid::Uuid,
    valid: Duration,
    base_url: &str,
) -> sqlx::Result<String> {
    let link_token = token::new_token();
    sqlx::query("INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token::digest(&link_token))
        .bind(account_id)
        .bind(OffsetDateTime::now_utc() + valid)
        .execute(db)
        .await?;
    Ok(format!("{}/reset-sandi?token={link_token}", base_url.trim_end_matches('/')))
}
