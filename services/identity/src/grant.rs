//! Role grants as stored: a role plus the scope it applies to. One account may hold several.
//! The types live in `access` (every route checks them); this is how they are read.

pub use access::{Grant, Scope};
use domain::Role;
use uuid::Uuid;

#[derive(Debug, serde::Deserialize)]
pub(crate) struct GrantRow {
    pub id: Uuid,
    pub role: String,
    pub instansi_id: Option<Uuid>,
    pub unor_id: Option<Uuid>,
    pub unor_path: Option<String>,
    pub kanreg_id: Option<i16>,
    pub hds_kategori: Vec<String>,
    #[serde(default)]
    pub kantor_id: Option<i16>,
}

impl GrantRow {
    /// Rows with an unknown role (e.g. written by a newer version) are skipped: deny by default.
    pub fn into_grant(self) -> Option<Grant> {
        Some(Grant {
            id: self.id,
            role: Role::from_code(&self.role)?,
            instansi_id: self.instansi_id,
            unor_id: self.unor_id,
            unor_path: self.unor_path,
            kanreg_id: self.kanreg_id,
            hds_kategori: self.hds_kategori,
            kantor_id: self.kantor_id,
        })
    }
}

/// Grants in the order roles are listed (PNS first), so the default role is stable.
pub(crate) fn sorted(mut grants: Vec<Grant>) -> Vec<Grant> {
    grants.sort_by_key(|g| Role::ALL.iter().position(|r| *r == g.role));
    grants
}

/// Stores a new grant of `role` with `scope` for the account; returns its id.
pub(crate) async fn insert(
    db: impl sqlx::PgExecutor<'_>,
    account_id: Uuid,
    role: Role,
    scope: &access::Scope,
) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO role_grant (id, account_id, role, instansi_id, unor_id, unor_path, kanreg_id, hds_kategori, kantor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(account_id)
    .bind(role.code())
    .bind(scope.instansi_id)
    .bind(scope.unor_id)
    .bind(&scope.unor_path)
    .bind(scope.kanreg_id)
    .bind(&scope.hds_kategori)
    .bind(scope.kantor_id)
    .execute(db)
    .await?;
    Ok(id)
}
