//! Turun Status: a Kanreg (L3) verifier of the PNS's region, or an admin BKN, returns a sent,
//! not yet final, proposal to draft with a reason. Audited; the PNS sees it in the timeline.
//! The help desk's category P tickets reopen through the same steps (`turun_status_from_ticket`).

use access::{CurrentUser, ServiceError};
use domain::{ErrorCode, Role};
use personnel::{Pelaku, Personnel};
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::store::Verification;

/// Who reopens, as the timeline and the audit log name them.
pub struct Pembuka<'a> {
    pub akun_id: Uuid,
    pub kantor: &'a str,
    pub ip: &'a str,
}

/// The waiting item of a proposal, locked.
struct Menunggu {
    id: Uuid,
    usulan_id: Uuid,
    lokasi: access::Lokasi,
}

impl Verification {
    /// Reopens the proposal of `nip` that is waiting at some level.
    pub async fn turun_status(
        &self,
        user: &CurrentUser,
        nip: &str,
        catatan: &str,
        ip: &str,
    ) -> Result<(), ServiceError> {
        check_catatan(catatan)?;
        let allowed = matches!(user.active.role, Role::AdminBkn | Role::VerifikatorL3);
        if !allowed {
            return Err(ServiceError::Refused(ErrorCode::Forbidden));
        }
        let mut tx = self.pool.begin().await?;
        // Someone else's PNS is not found; one of theirs with nothing waiting cannot be reopened.
        let item = waiting(&mut tx, nip).await?.ok_or(ErrorCode::NotReturnable)?;
        let in_scope = user.active.role == Role::AdminBkn || user.active.covers(&item.lokasi);
        if !in_scope {
            return Err(ServiceError::Refused(ErrorCode::NotFound));
        }
        let kantor = match user.active.role {
            Role::AdminBkn => "Admin BKN",
            _ => "Kantor Regional BKN",
        };
        let by = Pembuka { akun_id: user.account_id, kantor, ip };
        reopen(&mut tx, nip, item, &by, catatan, serde_json::json!({"role": user.active.role})).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turun Status asked for in a help-desk ticket (category P), in the ticket's own
    /// transaction: the help desk has checked that its officer reaches the ticket, and the
    /// ticket names its own PNS.
    pub async fn turun_status_from_ticket(
        conn: &mut PgConnection,
        nip: &str,
        by: &Pembuka<'_>,
        catatan: &str,
        tiket_id: Uuid,
    ) -> Result<(), ServiceError> {
        check_catatan(catatan)?;
        let item = waiting(conn, nip).await?.ok_or(ErrorCode::NotReturnable)?;
        reopen(conn, nip, item, by, catatan, serde_json::json!({"tiket_id": tiket_id})).await
    }
}

fn check_catatan(catatan: &str) -> Result<(), ServiceError> {
    let catatan = catatan.trim();
    if catatan.is_empty() {
        return Err(ServiceError::Refused(ErrorCode::ReasonRequired));
    }
    if catatan.chars().count() > domain::verifikasi::MAX_ALASAN {
        return Err(ServiceError::Refused(ErrorCode::TextTooLong));
    }
    Ok(())
}

async fn waiting(conn: &mut PgConnection, nip: &str) -> Result<Option<Menunggu>, ServiceError> {
    let item = sqlx::query!(
        "SELECT id, usulan_id, instansi_id, unor_path, kanreg_id FROM verifikasi_item
         WHERE nip = $1 AND status = 'menunggu' FOR UPDATE",
        nip
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(item.map(|i| Menunggu {
        id: i.id,
        usulan_id: i.usulan_id,
        lokasi: access::Lokasi { instansi_id: i.instansi_id, unor_path: i.unor_path, kanreg_id: i.kanreg_id },
    }))
}

/// The proposal back to draft, the item cancelled, its history and the audit row.
async fn reopen(
    conn: &mut PgConnection,
    nip: &str,
    item: Menunggu,
    by: &Pembuka<'_>,
    catatan: &str,
    audit: serde_json::Value,
) -> Result<(), ServiceError> {
    let catatan = catatan.trim();
    let oleh = by.akun_id.to_string();
    Personnel::reopen(conn, item.usulan_id, Pelaku { oleh: &oleh, kantor: by.kantor, tingkat: None }, catatan).await?;
    sqlx::query!(
        "UPDATE verifikasi_item SET status = 'dibatalkan', diputus_oleh = $2, diputus_pada = now(),
                klaim_oleh = NULL, klaim_nama = NULL, klaim_sampai = NULL WHERE id = $1",
        item.id,
        by.akun_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO verifikasi_riwayat (kunci, item_id, tindakan, oleh, kantor, catatan, jawaban)
         VALUES ($1, $2, 'batal', $3, $4, $5, $6)",
        Uuid::new_v4(),
        item.id,
        by.akun_id,
        by.kantor,
        catatan,
        Json(serde_json::json!({"status": "dibatalkan"})) as _
    )
    .execute(&mut *conn)
    .await?;
    let mut detail = serde_json::json!({"catatan": catatan});
    if let (Some(d), serde_json::Value::Object(extra)) = (detail.as_object_mut(), audit) {
        d.extend(extra);
    }
    access::audit::record(&mut *conn, Some(by.akun_id), "turun_status", Some(nip), by.ip, detail).await?;
    Ok(())
}
