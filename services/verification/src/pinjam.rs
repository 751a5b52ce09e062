//! Taking submissions offline. A checkout holds an item for one verifier for 24 hours instead
//! of the page's 15-minute claim: it sets the same claim columns (so every claim check, the
//! queue's "who has it" included, applies unchanged) and writes a `verifikasi_pinjam` row that
//! outlives the claim, so a decision made offline can tell a supervisor's release (a conflict)
//! from a mere expiry (accepted if nobody took the item meanwhile).

use access::{CurrentUser, ServiceError};
use domain::ErrorCode;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::antrian::{push_scope, Filter};
use crate::item::Item;
use crate::klaim::Klaim;
use crate::store::Verification;
use crate::tinjauan::Tinjauan;

/// How long a checkout holds its items.
pub const PINJAM_JAM: i64 = 24;
/// Most submissions one verifier holds offline at a time.
pub const MAX_PINJAM: i64 = 50;

/// One item taken offline, with everything its review page needs.
#[derive(Debug, Clone)]
pub struct Pinjaman {
    pub id: Uuid,
    pub sampai: OffsetDateTime,
    pub tinjauan: Tinjauan,
}

/// An active checkout as a supervisor's list shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PinjamAktif {
    pub item_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub tingkat: i16,
    pub oleh_nama: String,
    pub dipinjam: OffsetDateTime,
    pub sampai: OffsetDateTime,
}

impl Verification {
    /// Checks out up to `jumlah` waiting items of the caller's queue (as `filter` narrows it),
    /// oldest first, skipping those someone else holds. The caller's active checkouts count
    /// against [`MAX_PINJAM`]; the count and the checkouts are one transaction under a lock on
    /// the caller's account, so parallel requests cannot go past the limit.
    pub async fn checkout(
        &self,
        user: &CurrentUser,
        filter: &Filter,
        jumlah: i64,
        ip: &str,
    ) -> Result<Vec<Pinjaman>, ServiceError> {
        let taken = self.hold(user, filter, jumlah).await?;
        let mut out = Vec::with_capacity(taken.len());
        for (id, item_id, sampai) in taken {
            let mut conn = self.pool.acquire().await?;
            let item = Item::load(&mut conn, user, item_id, false).await?;
            drop(conn);
            let tinjauan = self.tinjauan(user, item, Klaim::Milik(sampai), ip, "usulan-luring").await?;
            out.push(Pinjaman { id, sampai, tinjauan });
        }
        Ok(out)
    }

    /// Only the checkout, no data read (the demo seed's): answers how many items it holds.
    pub async fn hold_only(&self, user: &CurrentUser, filter: &Filter, jumlah: i64) -> Result<usize, ServiceError> {
        Ok(self.hold(user, filter, jumlah).await?.len())
    }

    /// The checkouts themselves, in one transaction: (checkout id, item id, until).
    async fn hold(
        &self,
        user: &CurrentUser,
        filter: &Filter,
        jumlah: i64,
    ) -> Result<Vec<(Uuid, Uuid, OffsetDateTime)>, ServiceError> {
        if !(1..=MAX_PINJAM).contains(&jumlah) {
            return Err(ServiceError::Refused(ErrorCode::BadRequest));
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query!("SELECT pg_advisory_xact_lock(hashtextextended($1, 24))", user.account_id.to_string())
            .execute(&mut *tx)
            .await?;
        end_expired(&mut tx, Some(user.account_id), None).await?;
        let aktif = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!" FROM verifikasi_pinjam WHERE oleh = $1 AND selesai IS NULL"#,
            user.account_id
        )
        .fetch_one(&mut *tx)
        .await?;
        let ruang = (MAX_PINJAM - aktif).min(jumlah);
        if ruang <= 0 {
            return Err(ServiceError::Refused(ErrorCode::TooManyCheckouts));
        }
        // Candidates come a page at a time: items held by others are skipped, not counted.
        let mut taken: Vec<(Uuid, Uuid, OffsetDateTime)> = Vec::new();
        let mut setelah = None;
        while (taken.len() as i64) < ruang {
            let page = self.queue(user, filter, setelah, crate::antrian::MAX_HALAMAN).await?;
            for candidate in &page.items {
                if taken.len() as i64 == ruang {
                    break;
                }
                if let Some(pinjam) = take(&mut tx, user, candidate.id).await? {
                    taken.push(pinjam);
                }
            }
            match page.berikut {
                Some(k) => setelah = Some(k),
                None => break,
            }
        }
        if taken.is_empty() {
            return Err(ServiceError::Refused(ErrorCode::NothingToCheckout));
        }
        tx.commit().await?;
        Ok(taken)
    }

    /// Gives back the caller's checkouts of these items (decided nothing offline, or changed
    /// their mind): the items are free for others at once. Returns how many were given back.
    pub async fn return_checkouts(&self, user: &CurrentUser, items: &[Uuid]) -> Result<u64, ServiceError> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query_scalar!(
            "UPDATE verifikasi_pinjam SET selesai = now(), akhir = 'dikembalikan'
             WHERE item_id = ANY($1) AND oleh = $2 AND selesai IS NULL
             RETURNING item_id",
            items,
            user.account_id
        )
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE verifikasi_item SET klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL
             WHERE id = ANY($1) AND klaim_oleh = $2",
            &ended,
            user.account_id
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ended.len() as u64)
    }

    /// Ends another verifier's checkout of an item (they are unreachable, or the work must go
    /// on): an L2+ verifier whose scope covers it, at its level or above. The item is free at
    /// once; the offline verifier's decision on it later comes back as `CheckoutReleased`.
    /// Audited with the reason.
    pub async fn release_checkout(
        &self,
        user: &CurrentUser,
        item_id: Uuid,
        alasan: &str,
        ip: &str,
    ) -> Result<(), ServiceError> {
        let alasan = alasan.trim();
        if alasan.is_empty() {
            return Err(ServiceError::Refused(ErrorCode::ReasonRequired));
        }
        if alasan.chars().count() > domain::verifikasi::MAX_ALASAN {
            return Err(ServiceError::Refused(ErrorCode::TextTooLong));
        }
        let mut tx = self.pool.begin().await?;
        // The item's row lock orders this against a decision arriving at the same moment.
        let item = Item::load_for_supervisor(&mut tx, user, item_id, true).await?;
        let released = sqlx::query_scalar!(
            "UPDATE verifikasi_pinjam SET selesai = now(), akhir = 'dilepas', dilepas_oleh = $2,
                    dilepas_nama = $3, alasan = $4
             WHERE item_id = $1 AND selesai IS NULL
             RETURNING oleh",
            item.id,
            user.account_id,
            user.nama,
            alasan
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ServiceError::Refused(ErrorCode::NotFound))?;
        sqlx::query!(
            "UPDATE verifikasi_item SET klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL
             WHERE id = $1 AND klaim_oleh = $2",
            item.id,
            released
        )
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "item": item.id, "oleh": released, "alasan": alasan });
        access::audit::record(&mut *tx, Some(user.account_id), "checkout_released", Some(&item.nip), ip, detail)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The active checkouts a supervisor (L2+) oversees: in their scope, at their level or below.
    pub async fn checkouts(&self, user: &CurrentUser) -> Result<Vec<PinjamAktif>, ServiceError> {
        let tingkat = user.active.role.tingkat().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        let cakupan = user.active.cakupan_verifikasi().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        if tingkat < 2 {
            return Err(ServiceError::Refused(ErrorCode::Forbidden));
        }
        let mut q = QueryBuilder::<Postgres>::new(
            "SELECT p.item_id, i.nip, i.nama, i.tingkat, p.oleh_nama, p.dipinjam, p.sampai
             FROM verifikasi_pinjam p JOIN verifikasi_item i ON i.id = p.item_id
             WHERE p.selesai IS NULL AND p.sampai > now() AND i.status = 'menunggu' AND i.tingkat <= ",
        );
        q.push_bind(tingkat);
        push_scope(&mut q, "i.", &cakupan);
        if let Some(own) = &user.nip {
            q.push(" AND i.nip <> ").push_bind(own.clone());
        }
        q.push(" ORDER BY p.sampai, p.item_id LIMIT 500");
        Ok(q.build_query_as().fetch_all(&self.pool).await?)
    }
}

/// Claims `item_id` for 24 hours if it is free, the caller's, or its claim ran out, and writes
/// the checkout. `None` when someone else holds it or it stopped waiting.
async fn take(
    tx: &mut PgConnection,
    user: &CurrentUser,
    item_id: Uuid,
) -> Result<Option<(Uuid, Uuid, OffsetDateTime)>, ServiceError> {
    end_expired(tx, None, Some(item_id)).await?;
    let Some(sampai) = sqlx::query_scalar!(
        "UPDATE verifikasi_item SET klaim_oleh = $2, klaim_nama = $3,
                klaim_sampai = now() + make_interval(hours => $4)
         WHERE id = $1 AND status = 'menunggu'
           AND (klaim_oleh IS NULL OR klaim_oleh = $2 OR klaim_sampai <= now())
           AND NOT EXISTS (SELECT 1 FROM verifikasi_pinjam WHERE item_id = $1 AND selesai IS NULL)
         RETURNING klaim_sampai AS \"sampai!\"",
        item_id,
        user.account_id,
        user.nama,
        PINJAM_JAM as i32
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let id = Uuid::new_v4();
    sqlx::query!(
        "INSERT INTO verifikasi_pinjam (id, item_id, oleh, oleh_nama, sampai) VALUES ($1, $2, $3, $4, $5)",
        id,
        item_id,
        user.account_id,
        user.nama,
        sampai
    )
    .execute(&mut *tx)
    .await?;
    Ok(Some((id, item_id, sampai)))
}

/// Marks the checkouts past their 24 hours as expired (of one verifier, or of one item).
async fn end_expired(tx: &mut PgConnection, oleh: Option<Uuid>, item_id: Option<Uuid>) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE verifikasi_pinjam SET selesai = now(), akhir = 'kedaluwarsa'
         WHERE selesai IS NULL AND sampai <= now()
           AND ($1::uuid IS NULL OR oleh = $1) AND ($2::uuid IS NULL OR item_id = $2)",
        oleh,
        item_id
    )
    .execute(tx)
    .await?;
    Ok(())
}

/// Checks a decision made under a checkout: it must be the caller's, and not released since.
/// An expired checkout is accepted; the claim checks that follow decide whether anyone took
/// the item meanwhile.
pub(crate) async fn check_decision(
    tx: &mut PgConnection,
    user: &CurrentUser,
    item_id: Uuid,
    pinjam: &str,
) -> Result<(), ServiceError> {
    let id = Uuid::parse_str(pinjam).map_err(|_| ServiceError::Refused(ErrorCode::BadRequest))?;
    let row = sqlx::query!("SELECT oleh, akhir FROM verifikasi_pinjam WHERE id = $1 AND item_id = $2", id, item_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ServiceError::Refused(ErrorCode::BadRequest))?;
    if row.oleh != user.account_id {
        return Err(ServiceError::Refused(ErrorCode::BadRequest));
    }
    if row.akhir.as_deref() == Some("dilepas") {
        return Err(ServiceError::Refused(ErrorCode::CheckoutReleased));
    }
    Ok(())
}

/// Ends the item's active checkout because it was decided.
pub(crate) async fn end_decided(tx: &mut PgConnection, item_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE verifikasi_pinjam SET selesai = now(), akhir = 'diputus' WHERE item_id = $1 AND selesai IS NULL",
        item_id
    )
    .execute(tx)
    .await?;
    Ok(())
}
