//! The PNS's side: raising a ticket (routed, numbered, rate-limited), their own tickets, one
//! ticket with its conversation (officers' notes never included), replying, closing with a
//! rating. A PNS reaches only tickets of their own NIP; another's is "not found".

use access::ServiceError;
use domain::hds::{self, Dari, Kategori, Pesan, StatusTiket, TiketDetail, TiketRingkas};
use domain::ErrorCode;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use crate::peristiwa;
use crate::rute::Penerima;
use crate::store::Helpdesk;

/// Tickets one PNS may raise in an hour.
pub const MAX_TIKET_PER_JAM: i64 = 5;

/// The PNS raising or following a ticket.
#[derive(Debug, Clone)]
pub struct Pemohon {
    pub akun_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub instansi_id: Uuid,
}

impl Pemohon {
    /// The signed-in PNS acting as a PNS, with the instansi of their grant; others are refused.
    pub fn of(user: &access::CurrentUser) -> Result<Pemohon, ErrorCode> {
        let nip = user.own_nip()?;
        let instansi_id = user.active.instansi_id.ok_or(ErrorCode::Forbidden)?;
        Ok(Pemohon { akun_id: user.account_id, nip: nip.to_owned(), nama: user.nama.clone(), instansi_id })
    }
}

/// What the PNS fills in.
#[derive(Debug, Clone)]
pub struct TiketBaru {
    pub kategori: Kategori,
    pub subjek: String,
    pub uraian: String,
    /// B (beda instansi): the instansi the PNS moved to.
    pub instansi_tujuan: Option<Uuid>,
    /// The "[?]" flag it was raised from (personnel's), an open one ...
    pub tanda_id: Option<Uuid>,
    /// ... or the field of the form it is about, flagged with it.
    pub isian: Option<hds::Isian>,
    /// Where notices about it go (the PNS's account email); none: no mail.
    pub email: Option<String>,
}

/// A summary row as the list queries return it.
pub(crate) struct Baris {
    pub id: Uuid,
    pub nomor: String,
    pub kategori: String,
    pub subjek: String,
    pub status: String,
    pub nip: String,
    pub nama: String,
    pub petugas_nama: Option<String>,
    pub dibuat_wib: String,
    pub umur_menit: i64,
    pub terlambat: bool,
    pub belum: i64,
}

impl Baris {
    pub(crate) fn ringkas(self) -> Result<TiketRingkas, ServiceError> {
        let bad = |what: &str| ServiceError::Internal(format!("hds_tiket {}: bad {what}", self.id));
        Ok(TiketRingkas {
            id: self.id.to_string(),
            kategori: Kategori::from_code(&self.kategori).ok_or_else(|| bad("kategori"))?,
            status: StatusTiket::from_code(&self.status).ok_or_else(|| bad("status"))?,
            nomor: self.nomor,
            subjek: self.subjek,
            nip: self.nip,
            nama: self.nama,
            petugas: self.petugas_nama,
            dibuat: self.dibuat_wib,
            umur_menit: self.umur_menit,
            terlambat: self.terlambat,
            belum_dibaca: self.belum,
        })
    }
}

/// What a ticket's handlers need to know before acting on it.
pub(crate) struct Kepala {
    pub nip: String,
    pub kategori: String,
    pub penerima: Penerima,
    pub status: StatusTiket,
    pub uraian: String,
    pub nilai: Option<i16>,
}

impl Helpdesk {
    /// Raises a ticket: checked, routed, numbered and written with its first event in one
    /// transaction. More than `MAX_TIKET_PER_JAM` in an hour is refused, counted under a lock
    /// per NIP so parallel requests cannot slip past it.
    pub async fn raise(&self, pemohon: &Pemohon, baru: &TiketBaru) -> Result<TiketRingkas, ServiceError> {
        let penerima = self.check_and_route(pemohon, baru).await?;
        let mut tx = self.pool.begin().await?;
        let (id, _) = self.insert(&mut tx, pemohon, baru, penerima, false).await?;
        let ringkas = summary(&mut tx, id, pemohon.akun_id, false).await?;
        tx.commit().await?;
        Ok(ringkas)
    }

    /// The ticket's texts checked and who answers it. Done before the transaction opens: the
    /// routing reads reference's tables through the pool, and a transaction waiting on a
    /// second connection starves the pool when many are raised at once.
    pub(crate) async fn check_and_route(&self, pemohon: &Pemohon, baru: &TiketBaru) -> Result<Penerima, ServiceError> {
        hds::check_subjek(&baru.subjek)?;
        hds::check_uraian(&baru.uraian)?;
        self.route(baru.kategori, pemohon.instansi_id, baru.instansi_tujuan).await
    }

    /// The writes of [`Helpdesk::raise`] inside the caller's transaction (a guest's ticket
    /// is one step of confirming their code), for a ticket [`Helpdesk::check_and_route`]
    /// passed. Returns the ticket's id and number.
    pub(crate) async fn insert(
        &self,
        tx: &mut Transaction<'_, Postgres>,
        pemohon: &Pemohon,
        baru: &TiketBaru,
        penerima: Penerima,
        tamu: bool,
    ) -> Result<(Uuid, String), ServiceError> {
        let (jenis, kantor_id, penerima_instansi_id) = penerima.columns();
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('hds_tiket:' || $1))")
            .bind(&pemohon.nip)
            .execute(&mut **tx)
            .await?;
        let recent = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!" FROM hds_tiket WHERE nip = $1 AND dibuat > now() - interval '1 hour'"#,
            pemohon.nip
        )
        .fetch_one(&mut **tx)
        .await?;
        if recent >= MAX_TIKET_PER_JAM {
            return Err(ErrorCode::TicketTooMany.into());
        }
        let id = Uuid::new_v4();
        let nomor = sqlx::query_scalar!(
            r#"INSERT INTO hds_tiket (id, nomor, nip, nama, instansi_id, kategori, subjek, uraian, penerima, kantor_id,
                                      penerima_instansi_id, instansi_tujuan_id, tanda_id, email, tamu)
               VALUES ($1, 'HDS-' || to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY') || '-'
                           || lpad(nextval('hds_tiket_nomor_seq')::text, 6, '0'),
                       $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
               RETURNING nomor"#,
            id,
            pemohon.nip,
            pemohon.nama,
            pemohon.instansi_id,
            baru.kategori.code(),
            baru.subjek.trim(),
            baru.uraian.trim(),
            jenis,
            kantor_id,
            penerima_instansi_id,
            baru.instansi_tujuan.filter(|_| baru.kategori == Kategori::BedaInstansi),
            baru.tanda_id,
            baru.email.as_deref().map(str::trim).filter(|e| !e.is_empty() && e.len() <= 254),
            tamu
        )
        .fetch_one(&mut **tx)
        .await?;
        match (baru.tanda_id, &baru.isian) {
            (Some(tanda_id), None) => personnel::Personnel::take_flag(tx, &pemohon.nip, tanda_id, id, &nomor).await?,
            (None, Some(i)) => {
                let subjek = baru.subjek.trim();
                let flag = personnel::Personnel::flag_with_ticket(
                    tx,
                    &pemohon.nip,
                    i.bagian,
                    i.entri.as_deref(),
                    &i.field,
                    subjek,
                    id,
                    &nomor,
                )
                .await?;
                sqlx::query!("UPDATE hds_tiket SET tanda_id = $2 WHERE id = $1", id, flag).execute(&mut **tx).await?;
            }
            (None, None) => {}
            (Some(_), Some(_)) => return Err(ErrorCode::BadRequest.into()),
        }
        peristiwa::record(tx, id, "baru").await?;
        Ok((id, nomor))
    }

    /// The PNS's own tickets, newest first.
    pub async fn own_tickets(&self, pemohon: &Pemohon) -> Result<Vec<TiketRingkas>, ServiceError> {
        let rows = sqlx::query_as!(
            Baris,
            r#"SELECT t.id AS "id!", t.nomor AS "nomor!", t.kategori AS "kategori!", t.subjek AS "subjek!",
                      t.status AS "status!", t.nip AS "nip!", t.nama AS "nama!", t.petugas_nama,
                      t.dibuat_wib AS "dibuat_wib!", t.umur_menit AS "umur_menit!", t.terlambat AS "terlambat!",
                      hds_belum_dibaca(t.id, $2, false) AS "belum!"
               FROM hds_tiket_sla t WHERE t.nip = $1 ORDER BY t.dibuat DESC LIMIT 200"#,
            pemohon.nip,
            pemohon.akun_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Baris::ringkas).collect()
    }

    /// One of the PNS's own tickets with its conversation (no officers' notes); marks it read.
    pub async fn own_ticket(&self, pemohon: &Pemohon, id: Uuid) -> Result<TiketDetail, ServiceError> {
        let kepala = self.head(id).await?.filter(|k| k.nip == pemohon.nip).ok_or(ErrorCode::NotFound)?;
        self.detail(id, kepala, pemohon.akun_id, false).await
    }

    /// The PNS answers. `seen` is the newest message id the page showed: a newer one from the
    /// officer means the PNS has not read it, and the reply is refused until they have.
    /// An answer to a ticket waiting for the PNS, or a solved one, reopens it.
    pub async fn reply_as_pns(
        &self,
        pemohon: &Pemohon,
        id: Uuid,
        isi: &str,
        seen: Option<i64>,
    ) -> Result<Pesan, ServiceError> {
        hds::check_pesan(isi)?;
        let mut tx = self.pool.begin().await?;
        let kepala = lock(&mut tx, id).await?.filter(|k| k.nip == pemohon.nip).ok_or(ErrorCode::NotFound)?;
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        newer_check(&mut tx, id, pemohon.akun_id, seen, false).await?;
        let pesan = insert_message(&mut tx, id, Dari::Pns, pemohon.akun_id, &pemohon.nama, isi, false).await?;
        sqlx::query!(
            "UPDATE hds_tiket SET diperbarui = now(),
                    status = CASE WHEN status IN ('menunggu_pns', 'selesai') THEN 'dibuka' ELSE status END,
                    diselesaikan = CASE WHEN status = 'selesai' THEN NULL ELSE diselesaikan END
             WHERE id = $1",
            id
        )
        .execute(&mut *tx)
        .await?;
        settle_flag(&mut tx, id).await?;
        peristiwa::record(&mut tx, id, "pesan").await?;
        tx.commit().await?;
        Ok(pesan)
    }

    /// The PNS closes their ticket, optionally rating the answer (1–5).
    pub async fn close_as_pns(&self, pemohon: &Pemohon, id: Uuid, nilai: Option<i16>) -> Result<(), ServiceError> {
        if let Some(n) = nilai {
            hds::check_nilai(n)?;
        }
        let mut tx = self.pool.begin().await?;
        let kepala = lock(&mut tx, id).await?.filter(|k| k.nip == pemohon.nip).ok_or(ErrorCode::NotFound)?;
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        sqlx::query!(
            "UPDATE hds_tiket SET status = 'ditutup', nilai = coalesce($2, nilai), diperbarui = now(),
                    diselesaikan = coalesce(diselesaikan, now())
             WHERE id = $1",
            id,
            nilai
        )
        .execute(&mut *tx)
        .await?;
        settle_flag(&mut tx, id).await?;
        peristiwa::record(&mut tx, id, "status").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The ticket's routing and state, without its conversation.
    pub(crate) async fn head(&self, id: Uuid) -> Result<Option<Kepala>, ServiceError> {
        let row = sqlx::query!(
            "SELECT nip, kategori, penerima, kantor_id, penerima_instansi_id, status, uraian, nilai
             FROM hds_tiket WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            kepala(r.nip, r.kategori, &r.penerima, r.kantor_id, r.penerima_instansi_id, &r.status, r.uraian, r.nilai)
        })
        .transpose()
    }

    /// A ticket with its conversation for `reader`; officers (`internal`) also see notes.
    /// Marks everything shown as read by `reader`.
    pub(crate) async fn detail(
        &self,
        id: Uuid,
        kepala: Kepala,
        reader: Uuid,
        internal: bool,
    ) -> Result<TiketDetail, ServiceError> {
        let mut tx = self.pool.begin().await?;
        let ringkas = summary(&mut tx, id, reader, internal).await?;
        let pesan = sqlx::query!(
            r#"SELECT id, dari, nama, isi, internal,
                      to_char(dibuat AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') AS "waktu!"
               FROM hds_pesan WHERE tiket_id = $1 AND (NOT internal OR $2) ORDER BY id"#,
            id,
            internal
        )
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| Pesan {
            id: r.id,
            dari: if r.dari == "pns" { Dari::Pns } else { Dari::Petugas },
            nama: r.nama,
            isi: r.isi,
            internal: r.internal,
            waktu: r.waktu,
        })
        .collect::<Vec<_>>();
        // Opened: also a ticket without messages is read (an officer's unopened one counts as unread).
        sqlx::query!(
            "INSERT INTO hds_dibaca (tiket_id, akun_id, pesan_id) VALUES ($1, $2, $3)
             ON CONFLICT (tiket_id, akun_id) DO UPDATE SET pesan_id = greatest(hds_dibaca.pesan_id, $3)",
            id,
            reader,
            pesan.last().map_or(0, |p| p.id)
        )
        .execute(&mut *tx)
        .await?;
        let lampiran = crate::lampiran::of_ticket(&mut *tx, id).await?;
        tx.commit().await?;
        let penerima = self.penerima_name(kepala.penerima).await?;
        let pengalihan = if internal { self.transfers(id).await? } else { Vec::new() };
        Ok(TiketDetail {
            ringkas,
            uraian: kepala.uraian,
            penerima,
            pesan,
            nilai: kepala.nilai,
            pengalihan,
            tanda: None,
            lampiran,
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn kepala(
    nip: String,
    kategori: String,
    penerima: &str,
    kantor_id: Option<i16>,
    instansi: Option<Uuid>,
    status: &str,
    uraian: String,
    nilai: Option<i16>,
) -> Result<Kepala, ServiceError> {
    let bad = || ServiceError::Internal(format!("hds_tiket of {nip}: bad routing or status"));
    Ok(Kepala {
        penerima: Penerima::from_columns(penerima, kantor_id, instansi).ok_or_else(bad)?,
        status: StatusTiket::from_code(status).ok_or_else(bad)?,
        nip,
        kategori,
        uraian,
        nilai,
    })
}

/// The ticket's head, its row locked until the transaction ends: replies and status changes
/// of one ticket happen one at a time.
pub(crate) async fn lock(tx: &mut Transaction<'_, Postgres>, id: Uuid) -> Result<Option<Kepala>, ServiceError> {
    let row = sqlx::query!(
        "SELECT nip, kategori, penerima, kantor_id, penerima_instansi_id, status, uraian, nilai
         FROM hds_tiket WHERE id = $1 FOR UPDATE",
        id
    )
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        kepala(r.nip, r.kategori, &r.penerima, r.kantor_id, r.penerima_instansi_id, &r.status, r.uraian, r.nilai)
    })
    .transpose()
}

/// A ticket raised from a "[?]" flag carries it along: solved or closed settles the flag,
/// a reopened ticket makes it wait again (personnel owns the flag).
pub(crate) async fn settle_flag(tx: &mut Transaction<'_, Postgres>, id: Uuid) -> Result<(), ServiceError> {
    let status = sqlx::query_scalar!("SELECT status FROM hds_tiket WHERE id = $1 AND tanda_id IS NOT NULL", id)
        .fetch_optional(&mut **tx)
        .await?;
    if let Some(status) = status {
        let solved = matches!(StatusTiket::from_code(&status), Some(StatusTiket::Selesai | StatusTiket::Ditutup));
        personnel::Personnel::follow_ticket(tx, id, solved).await?;
    }
    Ok(())
}

/// Gives the (locked) ticket to an officer; a new one becomes "dibuka".
pub(crate) async fn give(
    tx: &mut Transaction<'_, Postgres>,
    id: Uuid,
    akun_id: Uuid,
    nama: &str,
) -> Result<(), ServiceError> {
    sqlx::query!(
        "UPDATE hds_tiket SET petugas_id = $2, petugas_nama = $3, diperbarui = now(),
                status = CASE WHEN status = 'baru' THEN 'dibuka' ELSE status END
         WHERE id = $1",
        id,
        akun_id,
        nama
    )
    .execute(&mut **tx)
    .await?;
    peristiwa::record(tx, id, "petugas").await?;
    Ok(())
}

/// Refuses a reply written without seeing a newer message (from someone else, that the
/// writer may see).
pub(crate) async fn newer_check(
    tx: &mut Transaction<'_, Postgres>,
    id: Uuid,
    writer: Uuid,
    seen: Option<i64>,
    internal: bool,
) -> Result<(), ServiceError> {
    let Some(seen) = seen else { return Ok(()) };
    let newer = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM hds_pesan WHERE tiket_id = $1 AND id > $2 AND akun_id <> $3
                                               AND (NOT internal OR $4)) AS "ada!""#,
        id,
        seen,
        writer,
        internal
    )
    .fetch_one(&mut **tx)
    .await?;
    if newer {
        Err(ErrorCode::TicketNewerMessage.into())
    } else {
        Ok(())
    }
}

pub(crate) async fn insert_message(
    tx: &mut Transaction<'_, Postgres>,
    id: Uuid,
    dari: Dari,
    akun_id: Uuid,
    nama: &str,
    isi: &str,
    internal: bool,
) -> Result<Pesan, ServiceError> {
    let dari_code = match dari {
        Dari::Pns => "pns",
        Dari::Petugas => "petugas",
    };
    let row = sqlx::query!(
        r#"INSERT INTO hds_pesan (tiket_id, dari, akun_id, nama, isi, internal) VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING id, to_char(dibuat AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') AS "waktu!""#,
        id,
        dari_code,
        akun_id,
        nama,
        isi.trim(),
        internal
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Pesan { id: row.id, dari, nama: nama.to_owned(), isi: isi.trim().to_owned(), internal, waktu: row.waktu })
}

/// One ticket's summary as `reader` sees it (unread counts notes only for officers).
pub(crate) async fn summary(
    tx: &mut Transaction<'_, Postgres>,
    id: Uuid,
    reader: Uuid,
    internal: bool,
) -> Result<TiketRingkas, ServiceError> {
    let row = sqlx::query_as!(
        Baris,
        r#"SELECT t.id AS "id!", t.nomor AS "nomor!", t.kategori AS "kategori!", t.subjek AS "subjek!",
                  t.status AS "status!", t.nip AS "nip!", t.nama AS "nama!", t.petugas_nama,
                  t.dibuat_wib AS "dibuat_wib!", t.umur_menit AS "umur_menit!", t.terlambat AS "terlambat!",
                  hds_belum_dibaca(t.id, $2, $3) AS "belum!"
           FROM hds_tiket_sla t WHERE t.id = $1"#,
        id,
        reader,
        internal
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(ErrorCode::NotFound)?;
    row.ringkas()
}
