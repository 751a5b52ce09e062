//! A work item: one round of one proposal at one level, with the columns copied from the
//! proposal when it was sent. Every read checks the verifier's level and scope with the one
//! scope rule (`access::Cakupan`); an item outside them is "not found", never "forbidden", so
//! ids cannot be probed.

use access::{CurrentUser, Lokasi, ServiceError};
use domain::verifikasi::StatusItem;
use domain::ErrorCode;
use sqlx::PgConnection;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct Item {
    pub id: Uuid,
    pub usulan_id: Uuid,
    pub putaran: i32,
    pub tingkat: i16,
    pub tingkat_rute: Vec<i16>,
    pub status: StatusItem,
    pub nip: String,
    pub nama: String,
    pub instansi_id: Uuid,
    pub jenis_instansi: String,
    pub unor_path: String,
    pub kanreg_id: i16,
    pub tanggal_lahir: time::Date,
    pub ada_dokumen: bool,
    pub ada_tanda: bool,
    pub jumlah_perubahan: i32,
    pub dikirim: OffsetDateTime,
    pub klaim_oleh: Option<Uuid>,
    pub klaim_nama: Option<String>,
    pub klaim_sampai: Option<OffsetDateTime>,
}

impl Item {
    pub fn lokasi(&self) -> Lokasi {
        Lokasi { instansi_id: self.instansi_id, unor_path: self.unor_path.clone(), kanreg_id: self.kanreg_id }
    }

    /// Whether another verifier holds a live claim on it.
    pub fn claimed_by_other(&self, account_id: Uuid, now: OffsetDateTime) -> bool {
        self.klaim_oleh.is_some_and(|o| o != account_id) && self.klaim_sampai.is_some_and(|t| t > now)
    }

    /// The level after this one in the round's route, if any.
    pub fn next_level(&self) -> Option<i16> {
        self.tingkat_rute.iter().copied().find(|t| *t > self.tingkat)
    }

    /// The item, if `user` works its level and its PNS is in their scope.
    pub(crate) async fn load(
        conn: &mut PgConnection,
        user: &CurrentUser,
        id: Uuid,
        lock: bool,
    ) -> Result<Item, ServiceError> {
        let tingkat = user.active.role.tingkat().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        let item = Item::fetch(conn, id, lock).await?;
        // A verifier never decides their own proposal.
        let own = user.nip.as_deref() == Some(item.nip.as_str());
        if item.tingkat != tingkat || own || !user.active.covers(&item.lokasi()) {
            return Err(ServiceError::Refused(ErrorCode::NotFound));
        }
        Ok(item)
    }

    /// The item, if `user` supervises it: an L2 or higher verifier whose scope covers its PNS,
    /// at the item's level or above (an L2 oversees L1's and L2's work, not L3's).
    pub(crate) async fn load_for_supervisor(
        conn: &mut PgConnection,
        user: &CurrentUser,
        id: Uuid,
        lock: bool,
    ) -> Result<Item, ServiceError> {
        let tingkat = user.active.role.tingkat().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        if tingkat < 2 {
            return Err(ServiceError::Refused(ErrorCode::Forbidden));
        }
        let item = Item::fetch(conn, id, lock).await?;
        let own = user.nip.as_deref() == Some(item.nip.as_str());
        if item.tingkat > tingkat || own || !user.active.covers(&item.lokasi()) {
            return Err(ServiceError::Refused(ErrorCode::NotFound));
        }
        Ok(item)
    }

    async fn fetch(conn: &mut PgConnection, id: Uuid, lock: bool) -> Result<Item, ServiceError> {
        let row = if lock {
            sqlx::query_as!(Row, "SELECT * FROM verifikasi_item WHERE id = $1 FOR UPDATE", id)
                .fetch_optional(conn)
                .await?
        } else {
            sqlx::query_as!(Row, "SELECT * FROM verifikasi_item WHERE id = $1", id).fetch_optional(conn).await?
        };
        row.map(Row::into_item).transpose()?.ok_or(ServiceError::Refused(ErrorCode::NotFound))
    }
}

pub(crate) struct Row {
    id: Uuid,
    usulan_id: Uuid,
    putaran: i32,
    tingkat: i16,
    tingkat_rute: Vec<i16>,
    status: String,
    nip: String,
    nama: String,
    instansi_id: Uuid,
    jenis_instansi: String,
    unor_path: String,
    kanreg_id: i16,
    tanggal_lahir: time::Date,
    ada_dokumen: bool,
    ada_tanda: bool,
    jumlah_perubahan: i32,
    dikirim: OffsetDateTime,
    klaim_oleh: Option<Uuid>,
    klaim_nama: Option<String>,
    klaim_sampai: Option<OffsetDateTime>,
    #[allow(dead_code)]
    diputus_oleh: Option<Uuid>,
    #[allow(dead_code)]
    diputus_pada: Option<OffsetDateTime>,
}

impl Row {
    fn into_item(self) -> Result<Item, ServiceError> {
        let status =
            StatusItem::parse(&self.status).map_err(|e| ServiceError::from(sqlx::Error::Decode(Box::new(e))))?;
        Ok(Item {
            id: self.id,
            usulan_id: self.usulan_id,
            putaran: self.putaran,
            tingkat: self.tingkat,
            tingkat_rute: self.tingkat_rute,
            status,
            nip: self.nip,
            nama: self.nama,
            instansi_id: self.instansi_id,
            jenis_instansi: self.jenis_instansi,
            unor_path: self.unor_path,
            kanreg_id: self.kanreg_id,
            tanggal_lahir: self.tanggal_lahir,
            ada_dokumen: self.ada_dokumen,
            ada_tanda: self.ada_tanda,
            jumlah_perubahan: self.jumlah_perubahan,
            dikirim: self.dikirim,
            klaim_oleh: self.klaim_oleh,
            klaim_nama: self.klaim_nama,
            klaim_sampai: self.klaim_sampai,
        })
    }
}

/// Creates the work item of a round at `tingkat`, copying the queue columns from `from`.
pub(crate) async fn create(conn: &mut PgConnection, from: &Item, tingkat: i16) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query!(
        "INSERT INTO verifikasi_item (id, usulan_id, putaran, tingkat, tingkat_rute, nip, nama, instansi_id,
             jenis_instansi, unor_path, kanreg_id, tanggal_lahir, ada_dokumen, ada_tanda, jumlah_perubahan, dikirim)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        id,
        from.usulan_id,
        from.putaran,
        tingkat,
        &from.tingkat_rute,
        from.nip,
        from.nama,
        from.instansi_id,
        from.jenis_instansi,
        from.unor_path,
        from.kanreg_id,
        from.tanggal_lahir,
        from.ada_dokumen,
        from.ada_tanda,
        from.jumlah_perubahan,
        from.dikirim
    )
    .execute(conn)
    .await?;
    Ok(id)
}
