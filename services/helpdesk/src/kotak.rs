//! The officers' side: the inbox of their office and categories with its filters, opening a
//! ticket (audited: it carries a PNS's personal data), claiming, replying or writing an
//! internal note, and moving the status. A ticket outside the officer's reach is "not found".

use access::{audit, CurrentUser, ServiceError};
use domain::hds::{self, Dari, Kategori, Pesan, StatusTiket, TiketDetail, TiketRingkas};
use domain::ErrorCode;
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::peristiwa;
use crate::store::Helpdesk;
use crate::surat::Surat;
use crate::tiket::{self, Baris, Kepala};

/// How long an officer counts as having a ticket open after the page last said so.
pub const HADIR_DETIK: f64 = 45.0;

/// What the officer narrowed the inbox to. Empty: every ticket still open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterKotak {
    pub status: Option<StatusTiket>,
    /// Include solved and closed tickets.
    pub semua: bool,
    pub kategori: Option<Kategori>,
    /// Part of the name, or the NIP's start.
    pub cari: String,
    pub terlambat: bool,
    /// Only tickets taken by this account.
    pub petugas: Option<Uuid>,
    /// Raised at least this many hours ago.
    pub umur_jam_min: Option<i32>,
}

impl Helpdesk {
    /// The officer's inbox: overdue first, then the longest waiting.
    pub async fn inbox(&self, user: &CurrentUser, filter: &FilterKotak) -> Result<Vec<TiketRingkas>, ServiceError> {
        let j = Jangkauan::of(&user.active)?;
        let (penerima, kantor_id, instansi_id) = j.penerima.columns();
        let cari = filter.cari.trim();
        let rows = sqlx::query_as!(
            Baris,
            r#"SELECT t.id AS "id!", t.nomor AS "nomor!", t.kategori AS "kategori!", t.subjek AS "subjek!",
                      t.status AS "status!", t.nip AS "nip!", t.nama AS "nama!", t.petugas_nama,
                      t.dibuat_wib AS "dibuat_wib!", t.umur_menit AS "umur_menit!", t.terlambat AS "terlambat!",
                      -- A ticket this officer never opened counts one more.
                      hds_belum_dibaca(t.id, $5, true)
                      + (NOT EXISTS (SELECT 1 FROM hds_dibaca d WHERE d.tiket_id = t.id AND d.akun_id = $5))::int
                      AS "belum!"
               FROM hds_tiket_sla t
               WHERE t.penerima = $1 AND t.kantor_id IS NOT DISTINCT FROM $2
                 AND t.penerima_instansi_id IS NOT DISTINCT FROM $3 AND t.kategori = ANY($4)
                 AND ($6::text IS NULL OR t.status = $6)
                 AND ($6::text IS NOT NULL OR $7 OR t.status IN ('baru', 'dibuka', 'menunggu_pns'))
                 AND ($8::text IS NULL OR t.kategori = $8)
                 AND ($9 = '' OR t.nip LIKE $9 || '%' OR t.nama ILIKE '%' || $9 || '%' OR t.nomor = upper($9))
                 AND (NOT $10 OR t.terlambat)
                 AND ($11::uuid IS NULL OR t.petugas_id = $11)
                 AND ($12::int IS NULL OR t.dibuat <= now() - make_interval(hours => $12))
               ORDER BY t.terlambat DESC, t.dibuat
               LIMIT 300"#,
            penerima,
            kantor_id,
            instansi_id,
            &j.kategori,
            user.account_id,
            filter.status.map(StatusTiket::code),
            filter.semua,
            filter.kategori.map(Kategori::code),
            cari.replace(['%', '_', '\\'], ""),
            filter.terlambat,
            filter.petugas,
            filter.umur_jam_min
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Baris::ringkas).collect()
    }

    /// Opens a ticket for an officer, notes included; the read is audited and marks it read.
    pub async fn open_as_officer(&self, user: &CurrentUser, id: Uuid, ip: &str) -> Result<TiketDetail, ServiceError> {
        let kepala = self.within_reach(user, id).await?;
        audit::personal_data_read(&self.pool, user, &kepala.nip, ip, "hds_tiket").await?;
        self.detail(id, kepala, user.account_id, true).await
    }

    /// Takes the ticket (or takes it over from a colleague); a new one becomes "dibuka".
    pub async fn claim(&self, user: &CurrentUser, id: Uuid) -> Result<(), ServiceError> {
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        tiket::give(&mut tx, id, user.account_id, &user.nama).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An officer's reply (seen by the PNS) or internal note. A reply to an unclaimed ticket
    /// claims it, starts the first-answer clock's stop, and sets the status the officer chose
    /// (by default "dibuka"). Refused when a newer message arrived since `seen`.
    pub async fn reply_as_officer(
        &self,
        user: &CurrentUser,
        id: Uuid,
        isi: &str,
        internal: bool,
        seen: Option<i64>,
        status: Option<StatusTiket>,
    ) -> Result<Pesan, ServiceError> {
        hds::check_pesan(isi)?;
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        let kepala =
            tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        tiket::newer_check(&mut tx, id, user.account_id, seen, true).await?;
        let pesan =
            tiket::insert_message(&mut tx, id, Dari::Petugas, user.account_id, &user.nama, isi, internal).await?;
        if internal {
            sqlx::query!("UPDATE hds_tiket SET diperbarui = now() WHERE id = $1", id).execute(&mut *tx).await?;
            peristiwa::record(&mut tx, id, "catatan").await?;
        } else {
            let status = status.filter(|s| *s != StatusTiket::Baru).unwrap_or(StatusTiket::Dibuka);
            sqlx::query!(
                "UPDATE hds_tiket SET diperbarui = now(), dijawab = coalesce(dijawab, now()), status = $2,
                        diselesaikan = CASE WHEN $2 IN ('selesai', 'ditutup') THEN now() ELSE NULL END,
                        petugas_id = coalesce(petugas_id, $3), petugas_nama = coalesce(petugas_nama, $4)
                 WHERE id = $1",
                id,
                status.code(),
                user.account_id,
                user.nama
            )
            .execute(&mut *tx)
            .await?;
            tiket::settle_flag(&mut tx, id).await?;
            peristiwa::record(&mut tx, id, "pesan").await?;
        }
        tx.commit().await?;
        if !internal {
            let solved = status == Some(StatusTiket::Selesai);
            self.tell_pns(id, if solved { Surat::Diselesaikan } else { Surat::Dijawab }).await;
        }
        Ok(pesan)
    }

    /// Moves the status without a message (e.g. closing a duplicate).
    pub async fn set_status(&self, user: &CurrentUser, id: Uuid, status: StatusTiket) -> Result<(), ServiceError> {
        if status == StatusTiket::Baru {
            return Err(ErrorCode::BadRequest.into());
        }
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        sqlx::query!(
            "UPDATE hds_tiket SET status = $2, diperbarui = now(),
                    diselesaikan = CASE WHEN $2 IN ('selesai', 'ditutup') THEN coalesce(diselesaikan, now()) ELSE NULL END
             WHERE id = $1",
            id,
            status.code()
        )
        .execute(&mut *tx)
        .await?;
        tiket::settle_flag(&mut tx, id).await?;
        peristiwa::record(&mut tx, id, "status").await?;
        tx.commit().await?;
        if status == StatusTiket::Selesai {
            self.tell_pns(id, Surat::Diselesaikan).await;
        }
        Ok(())
    }

    /// The officer has the ticket open (the page renews this while it is open): returns the
    /// other officers who have it open too. Arriving tells the others' pages at once.
    pub async fn present(&self, user: &CurrentUser, id: Uuid) -> Result<Vec<String>, ServiceError> {
        self.within_reach(user, id).await?;
        let mut tx = self.pool.begin().await?;
        // One who left (or whose page stopped renewing) arrives anew.
        sqlx::query!("DELETE FROM hds_hadir WHERE tiket_id = $1 AND sampai < now()", id).execute(&mut *tx).await?;
        let arrived = sqlx::query_scalar!(
            r#"INSERT INTO hds_hadir (tiket_id, akun_id, nama, sampai)
               VALUES ($1, $2, $3, now() + make_interval(secs => $4))
               ON CONFLICT (tiket_id, akun_id) DO UPDATE SET sampai = EXCLUDED.sampai
               RETURNING (xmax = 0) AS "baru!""#,
            id,
            user.account_id,
            user.nama,
            HADIR_DETIK
        )
        .fetch_one(&mut *tx)
        .await?;
        let others = sqlx::query_scalar!(
            "SELECT nama FROM hds_hadir WHERE tiket_id = $1 AND akun_id <> $2 AND sampai > now() ORDER BY nama",
            id,
            user.account_id
        )
        .fetch_all(&mut *tx)
        .await?;
        if arrived {
            peristiwa::record(&mut tx, id, "hadir").await?;
        }
        tx.commit().await?;
        Ok(others)
    }

    /// The ticket's head when the officer may act on it; "not found" otherwise.
    pub(crate) async fn within_reach(&self, user: &CurrentUser, id: Uuid) -> Result<Kepala, ServiceError> {
        let j = Jangkauan::of(&user.active)?;
        self.head(id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or_else(|| ErrorCode::NotFound.into())
    }
}
