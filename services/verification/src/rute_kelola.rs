//! Admin BKN keeps verification's routing table (`verifikasi_rute`, #13): which levels each
//! kind of instansi takes for each kind of change. A change holds for rounds sent after it; a
//! round already sent keeps the levels it was given. Audited before and after.

use access::{CurrentUser, ServiceError};
use domain::rute_verifikasi::{kantor_tingkat, RuteVerifikasi, JENIS_INSTANSI, JENIS_PERUBAHAN};
use domain::{ErrorCode, Role};

use crate::store::Verification;

impl Verification {
    /// Every row of the table (both instansi kinds × both change kinds), levels ascending.
    pub async fn routing_table(&self) -> Result<Vec<RuteVerifikasi>, ServiceError> {
        let stored: Vec<(String, String, i16)> =
            sqlx::query_as("SELECT jenis_instansi, jenis_perubahan, tingkat FROM verifikasi_rute ORDER BY tingkat")
                .fetch_all(&self.pool)
                .await?;
        let mut table = Vec::new();
        for instansi in JENIS_INSTANSI {
            for perubahan in JENIS_PERUBAHAN {
                let tingkat = stored.iter().filter(|(i, p, _)| i == instansi && p == perubahan).map(|r| r.2).collect();
                table.push(RuteVerifikasi {
                    jenis_instansi: instansi.into(),
                    jenis_perubahan: perubahan.into(),
                    tingkat,
                });
            }
        }
        Ok(table)
    }

    /// Replaces one row's levels (admin BKN only), each level with the office that works it.
    pub async fn set_routing_levels(
        &self,
        by: &CurrentUser,
        rute: RuteVerifikasi,
        ip: &str,
    ) -> Result<(), ServiceError> {
        if by.active.role != Role::AdminBkn {
            return Err(ServiceError::Refused(ErrorCode::Forbidden));
        }
        let rute = rute.check().map_err(ServiceError::Refused)?;
        let mut tx = self.pool.begin().await?;
        // Two admins saving at once apply one after the other (the second sees the first's rows).
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('verifikasi_rute'))").execute(&mut *tx).await?;
        let mut sebelum: Vec<i16> = sqlx::query_scalar(
            "DELETE FROM verifikasi_rute WHERE jenis_instansi = $1 AND jenis_perubahan = $2 RETURNING tingkat",
        )
        .bind(&rute.jenis_instansi)
        .bind(&rute.jenis_perubahan)
        .fetch_all(&mut *tx)
        .await?;
        for tingkat in &rute.tingkat {
            let (kantor, kantor_id) = kantor_tingkat(&rute.jenis_instansi, *tingkat);
            sqlx::query(
                "INSERT INTO verifikasi_rute (jenis_instansi, jenis_perubahan, tingkat, kantor, kantor_id)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&rute.jenis_instansi)
            .bind(&rute.jenis_perubahan)
            .bind(tingkat)
            .bind(kantor)
            .bind(kantor_id)
            .execute(&mut *tx)
            .await?;
        }
        sebelum.sort_unstable();
        let detail = serde_json::json!({ "jenis_instansi": rute.jenis_instansi, "jenis_perubahan": rute.jenis_perubahan,
                                         "sebelum": sebelum, "sesudah": rute.tingkat });
        access::audit::record(&mut *tx, Some(by.account_id), "verifikasi_rute_changed", None, ip, detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
