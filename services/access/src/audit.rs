//! The audit log: sign-ins, failures, approvals, every read of personal data (NIK, birth
//! date, address, family, documents) by someone other than its PNS, documents added and
//! removed, and every refused look at someone else's data. The server's request pool may
//! only add rows here (migration `…_app_role`), so none of this can be rewritten afterwards.

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

/// Records that `user` asked for `what` of the PNS `nip`, outside their scope, and was refused.
pub async fn access_refused(pool: &PgPool, user: &CurrentUser, nip: &str, ip: &str, what: &str) -> sqlx::Result<()> {
    let detail = serde_json::json!({"object": what, "role": user.active.role});
    record(pool, Some(user.account_id), "access_refused", Some(nip), ip, detail).await
}

/// Records that the PNS `nip` attached the document `what` to their proposal.
pub async fn document_uploaded(pool: &PgPool, user: &CurrentUser, nip: &str, ip: &str, what: &str) -> sqlx::Result<()> {
    record(pool, Some(user.account_id), "document_uploaded", Some(nip), ip, serde_json::json!({"object": what})).await
}

/// Records that the PNS `nip` removed the document `what` from their proposal.
pub async fn document_removed(pool: &PgPool, user: &CurrentUser, nip: &str, ip: &str, what: &str) -> sqlx::Result<()> {
    record(pool, Some(user.account_id), "document_removed", Some(nip), ip, serde_json::json!({"object": what})).await
}
