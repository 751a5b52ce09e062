//! Opening a submission: the round's changes beside the master values, the decisions taken
//! on it so far (earlier levels of this round, and earlier rounds on fields the PNS did not
//! change since), the documents and "[?]" flags. Opening claims it and is audited: the
//! verifier reads the PNS's personal data.

use access::{CurrentUser, ServiceError};
use domain::form::{KunciField, Perubahan};
use domain::verifikasi::{Hasil, StatusItem};
use domain::ErrorCode;
use personnel::{FormSnapshot, Personnel};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::item::Item;
use crate::klaim::Klaim;
use crate::store::Verification;

/// A decision already taken on a field of this proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct KeputusanLalu {
    pub kunci: KunciField,
    pub hasil: Hasil,
    pub alasan: String,
    pub tingkat: i16,
    pub putaran: i32,
}

#[derive(Debug, Clone)]
pub struct Tinjauan {
    pub item: Item,
    pub klaim: Klaim,
    /// The round's changes, in form order.
    pub perubahan: Vec<Perubahan>,
    /// The changes this level decides: all but those an earlier level of the round rejected.
    pub terbuka: Vec<KunciField>,
    /// Decisions taken before, newest last.
    pub keputusan: Vec<KeputusanLalu>,
    /// The previous round's changes (a re-sent proposal): which fields the PNS changed again.
    pub sebelumnya: Vec<Perubahan>,
    /// The proposal as the PNS sent it, with the master form, documents and flags.
    pub usulan: FormSnapshot,
}

pub fn key_of(c: &Perubahan) -> KunciField {
    KunciField { bagian: c.bagian, entri: c.entri.clone(), field: c.field.clone() }
}

impl Verification {
    /// Opens a submission in the caller's queue (or one they decided and can still see),
    /// claiming it while it waits.
    pub async fn review(&self, user: &CurrentUser, item_id: Uuid, ip: &str) -> Result<Tinjauan, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        let item = Item::load(&mut conn, user, item_id, false).await?;
        drop(conn);
        let klaim = match item.status {
            StatusItem::Menunggu => self.claim(user, item_id).await?,
            _ => Klaim::Selesai,
        };
        self.tinjauan(user, item, klaim, ip, "usulan").await
    }

    /// Everything the review page shows of `item` (already checked against the caller's
    /// level and scope), with the claim as it stands. Audited: it reads personal data.
    pub(crate) async fn tinjauan(
        &self,
        user: &CurrentUser,
        item: Item,
        klaim: Klaim,
        ip: &str,
        what: &str,
    ) -> Result<Tinjauan, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        let perubahan = Personnel::round_changes(&mut conn, item.usulan_id, item.putaran).await?;
        let keputusan = earlier_decisions(&mut conn, &item).await?;
        let terbuka = open_changes(&perubahan, &keputusan, &item);
        let sebelumnya = match item.putaran {
            1 => Vec::new(),
            n => Personnel::round_changes(&mut conn, item.usulan_id, n - 1).await?,
        };
        drop(conn);
        let usulan = self
            .personnel
            .open_form(&item.nip)
            .await?
            .filter(|s| s.usulan.id == Some(item.usulan_id))
            .ok_or(ServiceError::Refused(ErrorCode::AlreadyDecided))?;
        access::audit::personal_data_read(&self.pool, user, &item.nip, ip, what).await?;
        Ok(Tinjauan { item, klaim, perubahan, terbuka, keputusan, sebelumnya, usulan })
    }
}

/// Decisions on the proposal before this item: earlier rounds, and earlier levels of this round.
pub(crate) async fn earlier_decisions(
    conn: &mut PgConnection,
    item: &Item,
) -> Result<Vec<KeputusanLalu>, ServiceError> {
    let rows = sqlx::query!(
        "SELECT k.bagian, k.entri, k.field, k.hasil, k.alasan, i.tingkat, i.putaran
         FROM verifikasi_keputusan k JOIN verifikasi_item i ON i.id = k.item_id
         WHERE i.usulan_id = $1 AND (i.putaran < $2 OR (i.putaran = $2 AND i.tingkat < $3))
         ORDER BY i.putaran, i.tingkat",
        item.usulan_id,
        item.putaran,
        item.tingkat
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let decode = |e| ServiceError::from(sqlx::Error::Decode(Box::new(e)));
            Ok(KeputusanLalu {
                kunci: KunciField {
                    bagian: domain::form::Bagian::parse(&r.bagian).map_err(decode)?,
                    entri: Some(r.entri).filter(|e| !e.is_empty()),
                    field: r.field,
                },
                hasil: Hasil::parse(&r.hasil).map_err(decode)?,
                alasan: r.alasan,
                tingkat: r.tingkat,
                putaran: r.putaran,
            })
        })
        .collect()
}

/// The round's changes minus those an earlier level of the same round rejected.
pub(crate) fn open_changes(perubahan: &[Perubahan], keputusan: &[KeputusanLalu], item: &Item) -> Vec<KunciField> {
    perubahan
        .iter()
        .map(key_of)
        .filter(|k| !keputusan.iter().any(|d| d.putaran == item.putaran && d.hasil == Hasil::Tolak && &d.kunci == k))
        .collect()
}
