//! The SLA clocks of each category (hours to the first answer and to solving), kept by
//! admin BKN. The inbox's overdue marks read them live (the view `hds_tiket_sla`), so a
//! change applies to every open ticket at once. Every change is audited with before/after.

use access::{CurrentUser, ServiceError};
use domain::hds::{check_sla, Kategori, Sla};
use domain::{ErrorCode, Role};

use crate::store::Helpdesk;

impl Helpdesk {
    /// Every category's clocks, A to R.
    pub async fn sla_table(&self) -> Result<Vec<Sla>, ServiceError> {
        let rows: Vec<(String, i32, i32)> =
            sqlx::query_as("SELECT kode, sla_jawab_jam, sla_selesai_jam FROM hds_kategori ORDER BY kode")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(kode, jawab_jam, selesai_jam)| {
                Some(Sla { kategori: Kategori::from_code(&kode)?, jawab_jam, selesai_jam })
            })
            .collect())
    }

    /// Sets one category's clocks. Only admin BKN; the old values are read under the row's
    /// lock, so the audit's "before" is the value this change replaced.
    pub async fn set_sla(&self, user: &CurrentUser, sla: Sla, ip: &str) -> Result<Sla, ServiceError> {
        if user.active.role != Role::AdminBkn {
            return Err(ErrorCode::Forbidden.into());
        }
        check_sla(sla.jawab_jam, sla.selesai_jam)?;
        let mut tx = self.pool.begin().await?;
        let kode = sla.kategori.code();
        let (jawab, selesai): (i32, i32) =
            sqlx::query_as("SELECT sla_jawab_jam, sla_selesai_jam FROM hds_kategori WHERE kode = $1 FOR UPDATE")
                .bind(kode)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(ErrorCode::NotFound)?;
        sqlx::query("UPDATE hds_kategori SET sla_jawab_jam = $2, sla_selesai_jam = $3 WHERE kode = $1")
            .bind(kode)
            .bind(sla.jawab_jam)
            .bind(sla.selesai_jam)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({
            "kategori": kode,
            "before": { "jawab_jam": jawab, "selesai_jam": selesai },
            "after": { "jawab_jam": sla.jawab_jam, "selesai_jam": sla.selesai_jam },
        });
        access::audit::record(&mut *tx, Some(user.account_id), "hds_sla_changed", None, ip, detail).await?;
        tx.commit().await?;
        Ok(sla)
    }
}
