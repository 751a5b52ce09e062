//! The audit log: sign-ins, failures, and every read of personal data.

use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

pub async fn record(
    pool: &PgPool,
    account_id: Option<Uuid>,
    action: &str,
    subject: Option<&str>,
    ip: &str,
    detail: Value,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO audit_log (account_id, action, subject, ip, detail) VALUES ($1, $2, $3, $4, $5)",
        account_id,
        action,
        subject,
        ip,
        detail
    )
    .execute(pool)
    .await?;
    Ok(())
}
