//! The help-desk staff of one office, for "hand this ticket to a colleague": active accounts
//! holding an HDS officer's (or an instansi admin's) grant there. Which of them may take a
//! given ticket is the helpdesk's rule (`helpdesk::Jangkauan`), applied to these grants.

use domain::account::StatusAkun;
use domain::Role;
use uuid::Uuid;

use crate::error::Result;
use crate::grant::{Grant, GrantRow};
use crate::Identity;

/// A staff member with the grant they would act under.
#[derive(Debug, Clone, PartialEq)]
pub struct Staf {
    pub account_id: Uuid,
    pub nama: String,
    pub grant: Grant,
}

impl Identity {
    /// Active HDS officers of office `kantor_id`, or, with none, the HDS officers and PUPNS
    /// admins of instansi `instansi_id` (its BKD/Ropeg). By name.
    pub async fn hds_staff(&self, kantor_id: Option<i16>, instansi_id: Option<Uuid>) -> Result<Vec<Staf>> {
        let rows = sqlx::query!(
            r#"SELECT a.id AS account_id, a.nama, g.id, g.role, g.instansi_id, g.unor_id, g.unor_path,
                      g.kanreg_id, g.hds_kategori, g.kantor_id
               FROM role_grant g JOIN account a ON a.id = g.account_id
               WHERE a.status = $1 AND g.role = ANY($2)
                 AND (g.kantor_id = $3 OR ($3::smallint IS NULL AND g.kantor_id IS NULL AND g.instansi_id = $4))
               ORDER BY a.nama, a.id"#,
            StatusAkun::Aktif.code(),
            &[Role::PetugasHds.code().to_owned(), Role::AdminInstansi.code().to_owned()],
            kantor_id,
            instansi_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let grant = GrantRow {
                    id: r.id,
                    role: r.role,
                    instansi_id: r.instansi_id,
                    unor_id: r.unor_id,
                    unor_path: r.unor_path,
                    kanreg_id: r.kanreg_id,
                    hds_kategori: r.hds_kategori,
                    kantor_id: r.kantor_id,
                }
                .into_grant()?;
                Some(Staf { account_id: r.account_id, nama: r.nama, grant })
            })
            .collect())
    }
}
