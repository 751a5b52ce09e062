//! The audit log for the admins above an instansi (#13): a Kanreg admin reads the entries of
//! its region's people, a BKN admin everyone's. Filtered and paged by the identity service.

use domain::audit::{FilterAudit, HalamanAudit};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A page of the log, and the instansi the reader may filter by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub instansi: Vec<(String, String)>,
    pub halaman: HalamanAudit,
}

#[server(endpoint = "admin/audit", input = server_fn::codec::Json)]
pub async fn audit_log(filter: FilterAudit) -> Result<AuditView, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::{Capability, ErrorCode, Role};
    let (user, auth) = require(Capability::ReadAuditLog)?;
    let state = state()?;
    let all = state.reference.all_instansi().await?;
    // The region's instansi for a Kanreg admin; everything for BKN's.
    let reach: Option<Vec<uuid::Uuid>> = match (user.active.role, user.active.kanreg_id) {
        (Role::AdminBkn, _) => None,
        (Role::AdminKanreg, Some(kanreg)) => Some(all.iter().filter(|i| i.kanreg_id == kanreg).map(|i| i.id).collect()),
        _ => return Err(refuse(ErrorCode::Forbidden)),
    };
    let instansi = all
        .into_iter()
        .filter(|i| reach.as_ref().is_none_or(|r| r.contains(&i.id)))
        .map(|i| (i.id.to_string(), i.nama))
        .collect();
    let halaman = state.identity.audit_entries(&user, reach.as_deref(), &filter, &auth.ip).await?;
    Ok(AuditView { instansi, halaman })
}
