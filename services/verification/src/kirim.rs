//! Sending: verification's entry point. Personnel writes the round (status, change rows,
//! timeline) and the first level's work item is created in the same transaction, so a sent
//! proposal is never without a queue to sit in.

use domain::verifikasi::jenis_rute;
use domain::ErrorCode;
use personnel::{Terkirim, Usulan, UsulanError};
use uuid::Uuid;

use crate::item::{self, Item};
use crate::rute;
use crate::store::Verification;

impl Verification {
    /// Sends the PNS's proposal (`versi`: the version they saw) and queues it at its first level.
    pub async fn send(&self, usulan: &Usulan, versi: i32, oleh: &str) -> Result<Terkirim, UsulanError> {
        let pns = &usulan.master.pns;
        let lokasi = self.personnel.lokasi(&usulan.nip).await?.ok_or(UsulanError::Refused(ErrorCode::NotFound))?;
        let instansi =
            self.reference.instansi(pns.instansi_id).await?.ok_or(UsulanError::Refused(ErrorCode::NotFound))?;
        let mut tx = self.pool.begin().await?;
        let sent = self.personnel.submit(&mut tx, usulan, versi, oleh).await?;
        let tingkat_rute = rute::levels(&mut tx, &instansi.jenis, &jenis_rute(&sent.perubahan)).await?;
        let Some(&first) = tingkat_rute.first() else {
            // A routing table without levels for this instansi kind is a set-up error.
            tracing::error!(jenis = %instansi.jenis, "no verification levels routed");
            return Err(UsulanError::Refused(ErrorCode::Internal));
        };
        let work = Item {
            id: Uuid::nil(),
            usulan_id: sent.usulan_id,
            putaran: sent.putaran,
            tingkat: first,
            tingkat_rute,
            status: domain::verifikasi::StatusItem::Menunggu,
            nip: usulan.nip.clone(),
            nama: pns.nama.clone(),
            instansi_id: pns.instansi_id,
            jenis_instansi: instansi.jenis,
            unor_path: lokasi.unor_path,
            kanreg_id: lokasi.kanreg_id,
            tanggal_lahir: pns.tanggal_lahir,
            ada_dokumen: sent.ada_dokumen,
            ada_tanda: sent.ada_tanda,
            jumlah_perubahan: sent.perubahan.len() as i32,
            dikirim: sent.dikirim,
            klaim_oleh: None,
            klaim_nama: None,
            klaim_sampai: None,
        };
        item::create(&mut tx, &work, first).await?;
        tx.commit().await?;
        Ok(sent)
    }
}
