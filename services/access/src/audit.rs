//! The audit log: sign-ins, failures, approvals, and every read of personal data (NIK,
//! birth date, address, family, documents) by someone other than its PNS.

use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use crate::user::CurrentUser;

pub async fn record(
    db: impl sqlx::PgExecutor<'_>,
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
    .execute(db)
    .await?;
    Ok(())
}

/// Records that `reader` read the personal data `what` of the PNS `nip`.
pub async fn personal_data_read(
    pool: &PgPool,
    reader: &CurrentUser,
    nip: &str,
    ip: &str,
    what: &str,
) -> sqlx::Result<()> {
    record(pool, Some(reader.account_id), "data_read", Some(nip), ip, serde_json::json!({"fields": what})).await
}
