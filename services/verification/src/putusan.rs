//! Deciding a submission: per-field decisions, then pass on or return, in one transaction
//! with personnel's move of the proposal (and, at the last level, the new master record).
//! The request carries a key made in the browser: a retry, or an offline queue replaying it,
//! gets the first answer and changes nothing. Two verifiers deciding at once: the item's row
//! lock lets one through, the other is told it was decided meanwhile.

use access::{CurrentUser, ServiceError};
use domain::form::KunciField;
use domain::verifikasi::{check_putusan, Hasil, HasilPutusan, Keputusan, Penolakan, Putusan, StatusItem, Tindakan};
use domain::ErrorCode;
use personnel::{Pelaku, Personnel};
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::item::{self, Item};
use crate::pinjam;
use crate::rute;
use crate::store::Verification;
use crate::tinjauan::{earlier_decisions, open_changes};

impl Verification {
    pub async fn decide(&self, user: &CurrentUser, putusan: &Putusan) -> Result<HasilPutusan, ServiceError> {
        let bad = |_| ServiceError::Refused(ErrorCode::BadRequest);
        let item_id = Uuid::parse_str(&putusan.item).map_err(bad)?;
        let kunci = Uuid::parse_str(&putusan.kunci).map_err(bad)?;
        let sidik = fingerprint(putusan);
        let mut tx = self.pool.begin().await?;
        if let Some(answer) = answered(&mut tx, kunci, &sidik, user).await? {
            return Ok(answer);
        }
        let item = Item::load(&mut tx, user, item_id, true).await?;
        // A retry that waited on the lock while its first attempt committed.
        if let Some(answer) = answered(&mut tx, kunci, &sidik, user).await? {
            return Ok(answer);
        }
        if let Some(pinjam) = &putusan.pinjam {
            pinjam::check_decision(&mut tx, user, item.id, pinjam).await?;
        }
        if item.status != StatusItem::Menunggu {
            return Err(ServiceError::Refused(ErrorCode::AlreadyDecided));
        }
        if item.claimed_by_other(user.account_id, time::OffsetDateTime::now_utc()) {
            return Err(ServiceError::Refused(ErrorCode::ClaimedByOther));
        }
        let perubahan = Personnel::round_changes(&mut tx, item.usulan_id, item.putaran).await?;
        let earlier = earlier_decisions(&mut tx, &item).await?;
        let open = open_changes(&perubahan, &earlier, &item);
        check_putusan(putusan, &open).map_err(ServiceError::Refused)?;

        // One statement for the whole round: a proposal carries dozens of changes.
        let (mut bagian, mut entri, mut field, mut hasil, mut alasan) = (vec![], vec![], vec![], vec![], vec![]);
        for k in &putusan.keputusan {
            bagian.push(k.kunci.bagian.slug().to_owned());
            entri.push(k.kunci.entri.clone().unwrap_or_default());
            field.push(k.kunci.field.clone());
            hasil.push(k.hasil.code().to_owned());
            alasan.push(k.alasan.trim().to_owned());
        }
        sqlx::query!(
            "INSERT INTO verifikasi_keputusan (item_id, bagian, entri, field, hasil, alasan)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])",
            item.id,
            &bagian,
            &entri,
            &field,
            &hasil,
            &alasan
        )
        .execute(&mut *tx)
        .await?;
        // Every rejection of the round so far, this level's included.
        let mut penolakan: Vec<Penolakan> = earlier
            .iter()
            .filter(|d| d.putaran == item.putaran && d.hasil == Hasil::Tolak)
            .map(|d| Penolakan { kunci: d.kunci.clone(), alasan: d.alasan.clone(), tingkat: d.tingkat })
            .collect();
        penolakan.extend(putusan.keputusan.iter().filter(|k| k.hasil == Hasil::Tolak).map(|k| Penolakan {
            kunci: k.kunci.clone(),
            alasan: k.alasan.trim().to_owned(),
            tingkat: item.tingkat,
        }));

        let kantor = self.kantor(&mut tx, &item, user).await?;
        let oleh = user.account_id.to_string();
        let by = Pelaku { oleh: &oleh, kantor: &kantor, tingkat: Some(item.tingkat) };
        let catatan = putusan.catatan.trim();
        let answer = match (putusan.tindakan, item.next_level()) {
            (Tindakan::Kembalikan, _) => {
                Personnel::return_to_pns(&mut tx, item.usulan_id, by, catatan, &penolakan).await?;
                HasilPutusan { status: StatusItem::Dikembalikan, tingkat_berikut: None }
            }
            (Tindakan::Teruskan, Some(next)) => {
                Personnel::pass_level(&mut tx, item.usulan_id, by).await?;
                item::create(&mut tx, &item, next).await?;
                HasilPutusan { status: StatusItem::Diteruskan, tingkat_berikut: Some(next) }
            }
            (Tindakan::Teruskan, None) => {
                let rejected: Vec<KunciField> = penolakan.iter().map(|p| p.kunci.clone()).collect();
                let done = self.personnel.finalise(&mut tx, item.usulan_id, by, &rejected).await?;
                if let Some(nip_baru) = &done.nip_baru {
                    identity::Identity::change_nip(&mut tx, &item.nip, nip_baru).await?;
                }
                HasilPutusan { status: StatusItem::Final, tingkat_berikut: None }
            }
        };
        sqlx::query!(
            "UPDATE verifikasi_item SET status = $2, diputus_oleh = $3, diputus_pada = now(),
                    klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL
             WHERE id = $1",
            item.id,
            answer.status.code(),
            user.account_id
        )
        .execute(&mut *tx)
        .await?;
        pinjam::end_decided(&mut tx, item.id).await?;
        sqlx::query!(
            "INSERT INTO verifikasi_riwayat (kunci, item_id, tindakan, oleh, kantor, catatan, jawaban, sidik)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            kunci,
            item.id,
            putusan.tindakan.code(),
            user.account_id,
            kantor,
            catatan,
            Json(&answer) as _,
            &sidik[..]
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(answer)
    }
}

impl Verification {
    /// Accepts every open change of each clean submission (no "[?]" flags) and passes it on,
    /// each as its own decision. Returns (decided, skipped): one decided meanwhile or held by
    /// another verifier is skipped, not an error.
    pub async fn accept_clean(&self, user: &CurrentUser, ids: &[Uuid]) -> Result<(usize, usize), ServiceError> {
        let (mut decided, mut skipped) = (0, 0);
        for id in ids {
            let mut conn = self.pool.acquire().await?;
            let item = Item::load(&mut conn, user, *id, false).await?;
            let now = time::OffsetDateTime::now_utc();
            if item.ada_tanda || item.status != StatusItem::Menunggu || item.claimed_by_other(user.account_id, now) {
                skipped += 1;
                continue;
            }
            let perubahan = Personnel::round_changes(&mut conn, item.usulan_id, item.putaran).await?;
            let earlier = earlier_decisions(&mut conn, &item).await?;
            drop(conn);
            let putusan = Putusan {
                item: id.to_string(),
                kunci: Uuid::new_v4().to_string(),
                keputusan: open_changes(&perubahan, &earlier, &item)
                    .into_iter()
                    .map(|kunci| Keputusan { kunci, hasil: Hasil::Terima, alasan: String::new() })
                    .collect(),
                tindakan: Tindakan::Teruskan,
                catatan: String::new(),
                pinjam: None,
            };
            match self.decide(user, &putusan).await {
                Ok(_) => decided += 1,
                Err(ServiceError::Refused(ErrorCode::AlreadyDecided | ErrorCode::ClaimedByOther)) => skipped += 1,
                Err(e) => return Err(e),
            }
        }
        Ok((decided, skipped))
    }
}

impl Verification {
    /// The office the PNS's timeline names for the item's level: the verifier's own office
    /// (L3/L4 grants carry one), else for a regional instansi's L3 its Kanreg, else the
    /// routing table's name for the level.
    async fn kantor(&self, conn: &mut PgConnection, item: &Item, user: &CurrentUser) -> Result<String, ServiceError> {
        if let Some(kantor) = user.active.kantor_id {
            if let Some(kantor) = self.reference.kantor(kantor).await? {
                return Ok(kantor.nama);
            }
        }
        if item.tingkat == 3 && item.jenis_instansi == "daerah" {
            if let Some(kanreg) = self.reference.kanreg(item.kanreg_id).await? {
                return Ok(kanreg.nama);
            }
        }
        Ok(rute::kantor(conn, &item.jenis_instansi, item.tingkat).await?)
    }
}

/// The first answer to `kunci`, if it was already used. A key used by someone else, or
/// reused for a different decision, is refused.
async fn answered(
    conn: &mut PgConnection,
    kunci: Uuid,
    sidik: &[u8; 32],
    user: &CurrentUser,
) -> Result<Option<HasilPutusan>, ServiceError> {
    let row = sqlx::query!(
        r#"SELECT oleh, sidik, jawaban AS "jawaban: Json<HasilPutusan>" FROM verifikasi_riwayat WHERE kunci = $1"#,
        kunci
    )
    .fetch_optional(conn)
    .await?;
    match row {
        Some(r) if r.oleh != user.account_id => Err(ServiceError::Refused(ErrorCode::BadRequest)),
        Some(r) if r.sidik.as_deref().is_some_and(|first| first != sidik) => {
            Err(ServiceError::Refused(ErrorCode::KeyReused))
        }
        Some(r) => Ok(Some(r.jawaban.0)),
        None => Ok(None),
    }
}

/// SHA-256 of the decision as its fields stand (serde_json writes them in a fixed order), so
/// a replay can be told from a different decision under the same key.
fn fingerprint(putusan: &Putusan) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let body = serde_json::to_vec(putusan).expect("a decision always serialises");
    Sha256::digest(body).into()
}
