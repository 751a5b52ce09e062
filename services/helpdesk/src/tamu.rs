//! Tickets from registration: someone whose masked name or instansi is wrong has no account
//! yet, so their ticket is tied to the NIP and an email confirmed by a one-time code, and is
//! followed through links mailed to that address (only the links' SHA-256 is kept).
//!
//! 1. [`Helpdesk::ask_guest_code`]: the request is checked and held, the code mailed. Requests
//!    are limited per NIP, per email and per address, counted under locks so parallel requests
//!    cannot slip past.
//! 2. [`Helpdesk::confirm_guest`]: the code raises the ticket (routed like any other, with the
//!    name and instansi of the master) and mails the first link. Confirming again answers with
//!    the same ticket: exactly one per request.
//! 3. [`Helpdesk::guest_ticket`], [`Helpdesk::reply_as_guest`]: what the link opens.
//!
//! Nothing mailed says more than the registration look-up shows: the code, the ticket's number
//! and the link.

use access::{token, ServiceError};
use domain::hds::{self, Kategori, Pesan, TiketDetail};
use domain::{account, masking, ErrorCode, Nip};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::store::Helpdesk;
use crate::tiket::{Pemohon, TiketBaru};

/// How long a mailed code stays valid, and how many tries it allows.
const CODE_MINUTES: i64 = 30;
const CODE_ATTEMPTS: i32 = 5;
/// Requests allowed in an hour per NIP, per email and (by default) per address.
pub const MAX_PER_NIP: i64 = 3;
pub const MAX_PER_EMAIL: i64 = 3;
pub const MAX_PER_IP: i64 = 10;
/// How long a mailed link opens the ticket.
const LINK_DAYS: i64 = 60;

/// What the person types beside the registration look-up.
#[derive(Debug, Clone)]
pub struct PermintaanTamu {
    pub nip: String,
    pub email: String,
    pub kategori: Kategori,
    pub subjek: String,
    pub uraian: String,
    /// B (beda instansi): the instansi they moved to.
    pub instansi_tujuan: Option<Uuid>,
}

/// A confirmed request: its ticket's number (the link went by mail).
#[derive(Debug, Clone, PartialEq)]
pub struct TiketTamu {
    pub nomor: String,
}

impl Helpdesk {
    /// Checks and holds the request and mails a one-time code to its email. The caller has
    /// already looked the NIP up as registration does (known, no account yet). Returns the
    /// request's id, which the confirmation names.
    pub async fn ask_guest_code(
        &self,
        personnel: &personnel::Personnel,
        minta: &PermintaanTamu,
        ip: &str,
    ) -> Result<Uuid, ServiceError> {
        let nip = Nip::parse(&minta.nip)?;
        let email = account::parse_email(&minta.email)?;
        if !Kategori::FROM_REGISTRATION.contains(&minta.kategori) {
            return Err(ErrorCode::TicketCategoryWrong.into());
        }
        hds::check_subjek(&minta.subjek)?;
        hds::check_uraian(&minta.uraian)?;
        let master = personnel.master(nip.as_str()).await?.ok_or(ErrorCode::NipNotFound)?;
        // Routed now too, so a request that could not become a ticket is refused at once.
        self.route(minta.kategori, master.instansi_id, minta.instansi_tujuan).await?;
        let code = token::new_numeric_code();
        let id = Uuid::new_v4();
        let mut tx = self.pool.begin().await?;
        // One lock per counted key, always taken in this order.
        for key in [format!("nip:{}", nip.as_str()), format!("email:{email}"), format!("ip:{ip}")] {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext('hds_tamu:' || $1))")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        let counts = sqlx::query!(
            r#"SELECT count(*) FILTER (WHERE nip = $1) AS "nip!", count(*) FILTER (WHERE email = $2) AS "email!",
                      count(*) FILTER (WHERE ip = $3) AS "ip!"
               FROM hds_tamu WHERE dibuat > now() - interval '1 hour' AND (nip = $1 OR email = $2 OR ip = $3)"#,
            nip.as_str(),
            email,
            ip
        )
        .fetch_one(&mut *tx)
        .await?;
        if counts.nip >= MAX_PER_NIP || counts.email >= MAX_PER_EMAIL || counts.ip >= self.tamu_per_ip {
            return Err(ErrorCode::GuestTooMany.into());
        }
        sqlx::query!(
            "INSERT INTO hds_tamu (id, nip, email, kategori, subjek, uraian, instansi_tujuan_id, ip, kode_hash, kedaluwarsa)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            id,
            nip.as_str(),
            email,
            minta.kategori.code(),
            minta.subjek.trim(),
            minta.uraian.trim(),
            minta.instansi_tujuan.filter(|_| minta.kategori == Kategori::BedaInstansi),
            ip,
            token::digest(&code),
            OffsetDateTime::now_utc() + Duration::minutes(CODE_MINUTES)
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.mail(
            email,
            "Kode konfirmasi tiket Help Desk SIPUPNS",
            format!(
                "Kode konfirmasi tiket Help Desk SIPUPNS Anda: {code}\nBerlaku {CODE_MINUTES} menit. \
                 Abaikan email ini jika Anda tidak mengirim tiket.\n\n\
                 Your SIPUPNS Help Desk confirmation code: {code}\nValid for {CODE_MINUTES} minutes."
            ),
        );
        Ok(id)
    }

    /// Confirms the mailed code: the request becomes a ticket and the link to follow it is
    /// mailed. A request already confirmed answers with its ticket again.
    pub async fn confirm_guest(
        &self,
        personnel: &personnel::Personnel,
        id: Uuid,
        code: &str,
    ) -> Result<TiketTamu, ServiceError> {
        let code = account::parse_one_time_code(code)?;
        // Each try counts before the code is compared, in one statement, which also returns
        // the request (what it holds never changes).
        let tamu = sqlx::query!(
            "UPDATE hds_tamu SET percobaan = percobaan + 1 WHERE id = $1
             RETURNING kode_hash, percobaan, kedaluwarsa, tiket_id, nip, email, kategori, subjek, uraian, instansi_tujuan_id",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(ErrorCode::GuestCodeExpired)?;
        if tamu.tiket_id.is_none() && (tamu.kedaluwarsa <= OffsetDateTime::now_utc() || tamu.percobaan > CODE_ATTEMPTS)
        {
            return Err(ErrorCode::GuestCodeExpired.into());
        }
        if tamu.kode_hash != token::digest(&code) {
            return Err(ErrorCode::OneTimeCodeWrong.into());
        }
        if let Some(tiket_id) = tamu.tiket_id {
            return self.guest_number(tiket_id).await;
        }
        // Looked up and routed before the transaction, which then only locks and writes.
        let master = personnel.master(&tamu.nip).await?.ok_or(ErrorCode::NipNotFound)?;
        // The guest's messages carry the request's id where an account's would be.
        let pemohon = Pemohon { akun_id: id, nip: tamu.nip, nama: master.nama, instansi_id: master.instansi_id };
        let baru = TiketBaru {
            kategori: Kategori::from_code(&tamu.kategori).ok_or(ErrorCode::BadRequest)?,
            subjek: tamu.subjek,
            uraian: tamu.uraian,
            instansi_tujuan: tamu.instansi_tujuan_id,
            tanda_id: None,
            isian: None,
            email: Some(tamu.email.clone()),
        };
        let penerima = self.check_and_route(&pemohon, &baru).await?;
        let mut tx = self.pool.begin().await?;
        let taken = sqlx::query_scalar!("SELECT tiket_id FROM hds_tamu WHERE id = $1 FOR UPDATE", id)
            .fetch_one(&mut *tx)
            .await?;
        if let Some(tiket_id) = taken {
            // A confirmation running beside this one got there first.
            return self.guest_number(tiket_id).await;
        }
        let (tiket_id, nomor) = self.insert(&mut tx, &pemohon, &baru, penerima, true).await?;
        sqlx::query!("UPDATE hds_tamu SET tiket_id = $2 WHERE id = $1", id, tiket_id).execute(&mut *tx).await?;
        let link = new_link(&mut *tx, tiket_id).await?;
        tx.commit().await?;
        self.mail(
            tamu.email,
            "SIPUPNS: tiket Help Desk Anda diterima",
            format!(
                "Tiket {nomor} telah diterima Help Desk SIPUPNS.\nIkuti dan tanggapi di {}\n\n\
                 Jangan bagikan tautan ini. Setiap jawaban Help Desk diberitahukan lewat email dengan tautan baru.\n\n\
                 Your Help Desk ticket {nomor} was received. Follow it through the link above.",
                self.link_url(&link)
            ),
        );
        Ok(TiketTamu { nomor })
    }

    /// The number of a request's ticket, for a confirmation repeated.
    async fn guest_number(&self, tiket_id: Uuid) -> Result<TiketTamu, ServiceError> {
        let nomor =
            sqlx::query_scalar!("SELECT nomor FROM hds_tiket WHERE id = $1", tiket_id).fetch_one(&self.pool).await?;
        Ok(TiketTamu { nomor })
    }

    /// The ticket a mailed link opens, with its conversation (no officers' notes); marks it read.
    pub async fn guest_ticket(&self, link: &str) -> Result<TiketDetail, ServiceError> {
        let (id, pemohon) = self.by_link(link).await?;
        let kepala = self.head(id).await?.ok_or(ErrorCode::GuestLinkInvalid)?;
        let mut detail = self.detail(id, kepala, pemohon.akun_id, false).await?;
        detail.ringkas.nama = pemohon.nama;
        Ok(detail)
    }

    /// The guest answers through their link; as a PNS's answer (`seen`: the newest message
    /// the page showed).
    pub async fn reply_as_guest(&self, link: &str, isi: &str, seen: Option<i64>) -> Result<Pesan, ServiceError> {
        let (id, pemohon) = self.by_link(link).await?;
        self.reply_as_pns(&pemohon, id, isi, seen).await
    }

    /// The ticket a live link opens and its guest as the author.
    async fn by_link(&self, link: &str) -> Result<(Uuid, Pemohon), ServiceError> {
        if link.is_empty() || link.len() > 100 {
            return Err(ErrorCode::GuestLinkInvalid.into());
        }
        let row = sqlx::query!(
            "SELECT t.id, t.nip, t.nama, t.instansi_id, g.id AS tamu_id
             FROM hds_tamu_tautan l JOIN hds_tiket t ON t.id = l.tiket_id JOIN hds_tamu g ON g.tiket_id = t.id
             WHERE l.digest = $1 AND l.kedaluwarsa > now()",
            token::digest(link)
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(ErrorCode::GuestLinkInvalid)?;
        // Under the masked name: the link's holder learns no more of the master than the
        // registration look-up shows.
        let nama = masking::mask_name(&row.nama);
        Ok((row.id, Pemohon { akun_id: row.tamu_id, nip: row.nip, nama, instansi_id: row.instansi_id }))
    }

    /// Housekeeping: requests never confirmed are dropped after a day, links once expired.
    pub async fn purge_guest_requests(&self) -> sqlx::Result<()> {
        sqlx::query("DELETE FROM hds_tamu WHERE tiket_id IS NULL AND dibuat < now() - interval '1 day'")
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM hds_tamu_tautan WHERE kedaluwarsa < now()").execute(&self.pool).await?;
        Ok(())
    }

    /// The address of the page a link opens.
    pub(crate) fn link_url(&self, link: &str) -> String {
        let base = self.pos.as_ref().map(|p| p.public_url.as_str()).unwrap_or_default();
        format!("{base}/daftar/tiket?tautan={link}")
    }
}

/// A new link to ticket `tiket_id`; the token itself only goes into the mail.
pub(crate) async fn new_link(conn: impl sqlx::PgExecutor<'_>, tiket_id: Uuid) -> sqlx::Result<String> {
    let link = token::new_token();
    sqlx::query!(
        "INSERT INTO hds_tamu_tautan (digest, tiket_id, kedaluwarsa) VALUES ($1, $2, $3)",
        token::digest(&link),
        tiket_id,
        OffsetDateTime::now_utc() + Duration::days(LINK_DAYS)
    )
    .execute(conn)
    .await?;
    Ok(link)
}
