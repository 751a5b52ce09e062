//! Admin BKN keeps the routing table (`hds_rute`): for each category and kind of instansi,
//! who answers. A change routes new tickets; tickets already raised stay with their office
//! (they can be transferred). Each change is audited with before and after.

use access::{CurrentUser, ServiceError};
use domain::hds::{AturanRute, Kategori, TabelRute, TujuanRute};
use domain::{ErrorCode, Role};

use crate::store::Helpdesk;

type Baris = (String, String, Option<bool>, String, Option<i16>);

/// A row's destination as stored (`penerima`, `kantor_id`); `None` for a row the table's
/// checks would not let in.
pub(crate) fn tujuan_of(penerima: &str, kantor_id: Option<i16>) -> Option<TujuanRute> {
    match (penerima, kantor_id) {
        ("kanreg", _) => Some(TujuanRute::Kanreg),
        ("kantor", Some(k)) => Some(TujuanRute::Kantor(k)),
        ("bkd", _) => Some(TujuanRute::Bkd),
        ("admin_instansi", _) => Some(TujuanRute::AdminInstansi),
        _ => None,
    }
}

fn columns(tujuan: TujuanRute) -> (&'static str, Option<i16>) {
    match tujuan {
        TujuanRute::Kanreg => ("kanreg", None),
        TujuanRute::Kantor(k) => ("kantor", Some(k)),
        TujuanRute::Bkd => ("bkd", None),
        TujuanRute::AdminInstansi => ("admin_instansi", None),
    }
}

impl Helpdesk {
    /// Every row of the routing table, by category, with the national offices a row may name.
    pub async fn routing_table(&self) -> Result<TabelRute, ServiceError> {
        let rows: Vec<Baris> = sqlx::query_as(
            "SELECT kategori, jenis_instansi, antar_provinsi, penerima, kantor_id FROM hds_rute
             ORDER BY kategori, jenis_instansi DESC, antar_provinsi NULLS FIRST",
        )
        .fetch_all(&self.pool)
        .await?;
        let aturan = rows
            .into_iter()
            .filter_map(|(kategori, jenis_instansi, antar_provinsi, penerima, kantor_id)| {
                Some(AturanRute {
                    kategori: Kategori::from_code(&kategori)?,
                    jenis_instansi,
                    antar_provinsi,
                    tujuan: tujuan_of(&penerima, kantor_id)?,
                })
            })
            .collect();
        let kantor = self.reference.all_kantor().await?;
        let kantor = kantor.into_iter().filter(|k| k.jenis != "kanreg").map(|k| (k.id, k.nama)).collect();
        Ok(TabelRute { aturan, kantor })
    }

    /// Changes who answers one row of the table (only admin BKN). The row must exist; the
    /// destination must be able to answer it (`AturanRute::check`, a national office).
    pub async fn set_route(&self, user: &CurrentUser, aturan: &AturanRute, ip: &str) -> Result<(), ServiceError> {
        if user.active.role != Role::AdminBkn {
            return Err(ErrorCode::Forbidden.into());
        }
        aturan.check()?;
        if let TujuanRute::Kantor(k) = aturan.tujuan {
            // A national office: a Kanreg is named as "the region's Kanreg", never by id.
            let kantor = self.reference.kantor(k).await?;
            if kantor.is_none_or(|k| k.jenis == "kanreg") {
                return Err(ErrorCode::BadRequest.into());
            }
        }
        let kategori = aturan.kategori.code();
        let mut tx = self.pool.begin().await?;
        let before: (String, Option<i16>) = sqlx::query_as(
            "SELECT penerima, kantor_id FROM hds_rute
             WHERE kategori = $1 AND jenis_instansi = $2 AND antar_provinsi IS NOT DISTINCT FROM $3 FOR UPDATE",
        )
        .bind(kategori)
        .bind(&aturan.jenis_instansi)
        .bind(aturan.antar_provinsi)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ErrorCode::NotFound)?;
        let (penerima, kantor_id) = columns(aturan.tujuan);
        sqlx::query(
            "UPDATE hds_rute SET penerima = $4, kantor_id = $5
             WHERE kategori = $1 AND jenis_instansi = $2 AND antar_provinsi IS NOT DISTINCT FROM $3",
        )
        .bind(kategori)
        .bind(&aturan.jenis_instansi)
        .bind(aturan.antar_provinsi)
        .bind(penerima)
        .bind(kantor_id)
        .execute(&mut *tx)
        .await?;
        let was = tujuan_of(&before.0, before.1).map(TujuanRute::kode).unwrap_or(before.0);
        let detail = serde_json::json!({
            "kategori": kategori, "jenis_instansi": aturan.jenis_instansi, "antar_provinsi": aturan.antar_provinsi,
            "before": was, "after": aturan.tujuan.kode(),
        });
        access::audit::record(&mut *tx, Some(user.account_id), "hds_rute_changed", None, ip, detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
