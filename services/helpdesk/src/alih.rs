//! Handing a ticket on: to a colleague of the same office (assign), or to another office
//! with the reason written down (transfer). A colleague must reach the ticket by the same
//! rule as the officer (`Jangkauan`); staff lists come from identity (`identity::Staf`), so
//! the helpdesk reads no account tables.

use access::{CurrentUser, Grant, ServiceError};
use domain::hds::{self, Opsi, Pengalihan, StatusTiket, KATEGORI_ADMIN};
use domain::ErrorCode;
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::peristiwa;
use crate::rute::Penerima;
use crate::store::Helpdesk;
use crate::tiket;

/// A staff member who could take a ticket, with the grant they would act under.
#[derive(Debug, Clone)]
pub struct Rekan {
    pub akun_id: Uuid,
    pub nama: String,
    pub grant: Grant,
}

impl Rekan {
    fn reaches(&self, penerima: Penerima, kategori: &str) -> bool {
        Jangkauan::of(&self.grant).is_ok_and(|j| j.covers(penerima, kategori))
    }
}

impl Helpdesk {
    /// The colleagues (the officer excluded) who could take ticket `id`, out of `staf`.
    pub async fn colleagues(&self, user: &CurrentUser, id: Uuid, staf: &[Rekan]) -> Result<Vec<Opsi>, ServiceError> {
        let kepala = self.within_reach(user, id).await?;
        let mut seen = std::collections::HashSet::new();
        Ok(staf
            .iter()
            .filter(|r| r.akun_id != user.account_id && r.reaches(kepala.penerima, &kepala.kategori))
            .filter(|r| seen.insert(r.akun_id))
            .map(|r| Opsi { kode: r.akun_id.to_string(), nama: r.nama.clone() })
            .collect())
    }

    /// Gives ticket `id` to colleague `akun_id`, who must be among `staf` and reach it (under
    /// any of their grants); a new ticket becomes "dibuka". Anyone else: "not found".
    pub async fn assign(
        &self,
        user: &CurrentUser,
        id: Uuid,
        akun_id: Uuid,
        staf: &[Rekan],
    ) -> Result<(), ServiceError> {
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        let kepala =
            tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        let to = staf
            .iter()
            .find(|r| r.akun_id == akun_id && r.reaches(kepala.penerima, &kepala.kategori))
            .ok_or(ErrorCode::NotFound)?;
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        tiket::give(&mut tx, id, to.akun_id, &to.nama).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Where ticket `id` may be sent: every office, the BKD/Ropeg of the PNS's instansi (and of
    /// the one they moved to), and the instansi's admin for the admin's categories; not where
    /// it is now. By name (the offices' names come with the office list).
    pub async fn destinations(&self, user: &CurrentUser, id: Uuid) -> Result<Vec<Opsi>, ServiceError> {
        let (_, kantor, lain) = self.destination_set(user, id).await?;
        let mut opsi: Vec<Opsi> = kantor.into_iter().map(|(p, nama)| Opsi { kode: p.kode(), nama }).collect();
        for p in lain {
            opsi.push(Opsi { kode: p.kode(), nama: self.penerima_name(p).await? });
        }
        Ok(opsi)
    }

    /// Where the ticket is now, and where it may go: the offices with their names, and the
    /// instansi's BKD/admin (named on demand).
    async fn destination_set(
        &self,
        user: &CurrentUser,
        id: Uuid,
    ) -> Result<(Penerima, Vec<(Penerima, String)>, Vec<Penerima>), ServiceError> {
        let kepala = self.within_reach(user, id).await?;
        let asal = sqlx::query!("SELECT instansi_id, instansi_tujuan_id FROM hds_tiket WHERE id = $1", id)
            .fetch_one(&self.pool)
            .await?;
        let here = kepala.penerima;
        let kantor = self.reference.all_kantor().await?.into_iter().map(|k| (Penerima::Kantor(k.id), k.nama));
        let mut lain = vec![Penerima::Bkd(asal.instansi_id)];
        lain.extend(asal.instansi_tujuan_id.map(Penerima::Bkd));
        if KATEGORI_ADMIN.iter().any(|k| k.code() == kepala.kategori) {
            lain.push(Penerima::AdminInstansi(asal.instansi_id));
        }
        lain.retain(|p| *p != here);
        Ok((here, kantor.filter(|(p, _)| *p != here).collect(), lain))
    }

    /// Sends ticket `id` to office `ke` (one of `destinations`) because of `alasan`: it
    /// arrives there as new and unassigned; the history keeps from where, to where and why.
    /// Both offices' inboxes hear of it.
    pub async fn transfer(&self, user: &CurrentUser, id: Uuid, ke: &str, alasan: &str) -> Result<(), ServiceError> {
        hds::check_alasan(alasan)?;
        let ke = Penerima::from_kode(ke).ok_or(ErrorCode::NotFound)?;
        let (here, kantor, lain) = self.destination_set(user, id).await?;
        if here == ke {
            return Err(ErrorCode::TransferSameOffice.into());
        }
        if !kantor.iter().any(|(p, _)| *p == ke) && !lain.contains(&ke) {
            return Err(ErrorCode::NotFound.into());
        }
        let j = Jangkauan::of(&user.active)?;
        let mut tx = self.pool.begin().await?;
        let kepala =
            tiket::lock(&mut tx, id).await?.filter(|k| j.covers(k.penerima, &k.kategori)).ok_or(ErrorCode::NotFound)?;
        if kepala.status == StatusTiket::Ditutup {
            return Err(ErrorCode::TicketClosed.into());
        }
        if kepala.penerima == ke {
            return Err(ErrorCode::TransferSameOffice.into());
        }
        // Told while the ticket is still routed here: the old office's inboxes drop it.
        peristiwa::record(&mut tx, id, "alih").await?;
        let (dari, dari_kantor, dari_instansi) = kepala.penerima.columns();
        let (ke_jenis, ke_kantor, ke_instansi) = ke.columns();
        sqlx::query!(
            "INSERT INTO hds_pengalihan (tiket_id, dari_penerima, dari_kantor_id, dari_instansi_id,
                 ke_penerima, ke_kantor_id, ke_instansi_id, alasan, oleh, oleh_nama)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            id,
            dari,
            dari_kantor,
            dari_instansi,
            ke_jenis,
            ke_kantor,
            ke_instansi,
            alasan.trim(),
            user.account_id,
            user.nama
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE hds_tiket SET penerima = $2, kantor_id = $3, penerima_instansi_id = $4,
                    petugas_id = NULL, petugas_nama = NULL, diperbarui = now(),
                    status = CASE WHEN status = 'selesai' THEN status ELSE 'baru' END
             WHERE id = $1",
            id,
            ke_jenis,
            ke_kantor,
            ke_instansi
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!("DELETE FROM hds_hadir WHERE tiket_id = $1", id).execute(&mut *tx).await?;
        // And again routed there: the new office's inboxes show it.
        peristiwa::record(&mut tx, id, "alih").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The ticket's transfers, oldest first, with the offices by name.
    pub(crate) async fn transfers(&self, id: Uuid) -> Result<Vec<Pengalihan>, ServiceError> {
        let rows = sqlx::query!(
            r#"SELECT dari_penerima, dari_kantor_id, dari_instansi_id, ke_penerima, ke_kantor_id, ke_instansi_id,
                      alasan, oleh_nama, to_char(dibuat AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') AS "waktu!"
               FROM hds_pengalihan WHERE tiket_id = $1 ORDER BY id"#,
            id
        )
        .fetch_all(&self.pool)
        .await?;
        let mut list = Vec::with_capacity(rows.len());
        for r in rows {
            let name = |p: Option<Penerima>| async move {
                match p {
                    Some(p) => self.penerima_name(p).await,
                    None => Ok(String::new()),
                }
            };
            list.push(Pengalihan {
                dari: name(Penerima::from_columns(&r.dari_penerima, r.dari_kantor_id, r.dari_instansi_id)).await?,
                ke: name(Penerima::from_columns(&r.ke_penerima, r.ke_kantor_id, r.ke_instansi_id)).await?,
                alasan: r.alasan,
                oleh: r.oleh_nama,
                waktu: r.waktu,
            });
        }
        Ok(list)
    }
}
