//! Reading the audit log (#13): newest first, a page at a time, filtered by the actor's
//! instansi, the actor and the action. The caller passes the instansi the reader may see
//! (a Kanreg admin: its region's; a BKN admin: all, `None`); the reference service says
//! which those are. Each read is itself written to the log.

use domain::audit::{EntriAudit, FilterAudit, HalamanAudit, PER_HALAMAN};
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::Result;
use crate::session::CurrentUser;
use crate::{audit, Identity};

impl Identity {
    /// A page of entries. `jangkauan`: the instansi whose people's entries the reader may see,
    /// `None` for all (then entries without an actor, e.g. failed sign-ins, are included).
    pub async fn audit_entries(
        &self,
        reader: &CurrentUser,
        jangkauan: Option<&[Uuid]>,
        filter: &FilterAudit,
        ip: &str,
    ) -> Result<HalamanAudit> {
        let filter = filter.parse()?;
        let instansi: Option<Uuid> = match filter.instansi_id.as_str() {
            "" => None,
            id => Some(id.parse().map_err(|_| domain::ErrorCode::BadRequest)?),
        };
        // An instansi outside the reader's reach shows nothing, as an unknown one would.
        let within: Option<Vec<Uuid>> = match (jangkauan, instansi) {
            (Some(reach), Some(i)) => Some(reach.iter().copied().filter(|r| *r == i).collect()),
            (Some(reach), None) => Some(reach.to_vec()),
            (None, Some(i)) => Some(vec![i]),
            (None, None) => None,
        };
        let sebelum: Option<i64> = filter.sebelum.parse().ok();
        let rows = sqlx::query(
            "SELECT l.id, l.at, l.action, coalesce(l.subject, '') AS subject, l.ip, l.detail::text AS detail,
                    coalesce(a.username, a.nip, '') AS pelaku, coalesce(a.nama, '') AS nama
             FROM audit_log l LEFT JOIN account a ON a.id = l.account_id
             WHERE ($1::uuid[] IS NULL OR a.instansi_id = ANY($1))
               AND ($2 = '' OR a.username = $2 OR a.nip = $2)
               AND ($3 = '' OR l.action = $3)
               AND ($4::bigint IS NULL OR l.id < $4)
             ORDER BY l.id DESC LIMIT $5",
        )
        .bind(within.as_deref())
        .bind(&filter.pelaku)
        .bind(&filter.aksi)
        .bind(sebelum)
        .bind(PER_HALAMAN as i64 + 1)
        .fetch_all(&self.pool)
        .await?;
        let ada_lagi = rows.len() > PER_HALAMAN;
        let mut entri = Vec::with_capacity(PER_HALAMAN);
        for row in rows.into_iter().take(PER_HALAMAN) {
            let at: OffsetDateTime = row.try_get("at")?;
            entri.push(EntriAudit {
                id: row.try_get("id")?,
                waktu: domain::dates::waktu_utc(at),
                pelaku: row.try_get("pelaku")?,
                nama: row.try_get("nama")?,
                aksi: row.try_get("action")?,
                subjek: row.try_get("subject")?,
                ip: row.try_get("ip")?,
                rincian: row.try_get("detail")?,
            });
        }
        let detail = json!({ "filter": { "instansi_id": filter.instansi_id, "pelaku": filter.pelaku,
                                         "aksi": filter.aksi, "sebelum": filter.sebelum } });
        audit::record(&self.pool, Some(reader.account_id), "audit_log_read", None, ip, detail).await?;
        Ok(HalamanAudit { entri, ada_lagi })
    }
}
