//! Routing: which office answers a ticket, from the routing table `hds_rute` (category × the
//! kind of instansi, and for B whether the destination is in another province).

use access::ServiceError;
use domain::hds::{Kategori, TujuanRute};
use domain::ErrorCode;
use uuid::Uuid;

use crate::rute_kelola::tujuan_of;
use crate::store::Helpdesk;

/// Who answers a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Penerima {
    /// A Kanreg or a national office.
    Kantor(i16),
    /// The instansi's BKD/Ropeg (its HDS officers).
    Bkd(Uuid),
    /// The instansi's PUPNS admin.
    AdminInstansi(Uuid),
}

impl Penerima {
    /// Stored form: (penerima, kantor_id, penerima_instansi_id).
    pub(crate) fn columns(self) -> (&'static str, Option<i16>, Option<Uuid>) {
        match self {
            Penerima::Kantor(k) => ("kantor", Some(k), None),
            Penerima::Bkd(i) => ("bkd", None, Some(i)),
            Penerima::AdminInstansi(i) => ("admin_instansi", None, Some(i)),
        }
    }

    /// The form a page sends back when it names an office: `kantor:12`, `bkd:<id>`, `admin:<id>`.
    pub fn kode(self) -> String {
        match self {
            Penerima::Kantor(k) => format!("kantor:{k}"),
            Penerima::Bkd(i) => format!("bkd:{i}"),
            Penerima::AdminInstansi(i) => format!("admin:{i}"),
        }
    }

    pub fn from_kode(kode: &str) -> Option<Penerima> {
        match kode.split_once(':')? {
            ("kantor", k) => k.parse().ok().map(Penerima::Kantor),
            ("bkd", i) => i.parse().ok().map(Penerima::Bkd),
            ("admin", i) => i.parse().ok().map(Penerima::AdminInstansi),
            _ => None,
        }
    }

    pub(crate) fn from_columns(penerima: &str, kantor: Option<i16>, instansi: Option<Uuid>) -> Option<Penerima> {
        match (penerima, kantor, instansi) {
            ("kantor", Some(k), None) => Some(Penerima::Kantor(k)),
            ("bkd", None, Some(i)) => Some(Penerima::Bkd(i)),
            ("admin_instansi", None, Some(i)) => Some(Penerima::AdminInstansi(i)),
            _ => None,
        }
    }
}

impl Helpdesk {
    /// The answering office of a `kategori` ticket from a PNS of `instansi_id`. For B
    /// (beda instansi) the instansi the PNS moved to decides, and is required.
    pub async fn route(
        &self,
        kategori: Kategori,
        instansi_id: Uuid,
        tujuan: Option<Uuid>,
    ) -> Result<Penerima, ServiceError> {
        let (instansi, antar_provinsi) = if kategori == Kategori::BedaInstansi {
            let tujuan = tujuan.ok_or(ErrorCode::TicketDestinationRequired)?;
            let asal = self.reference.instansi_provinsi(instansi_id).await?;
            let ke = self.reference.instansi_provinsi(tujuan).await?;
            (tujuan, Some(asal != ke))
        } else {
            (instansi_id, None)
        };
        let target = self.reference.instansi(instansi).await?.ok_or(ErrorCode::TicketDestinationRequired)?;
        let rule = sqlx::query!(
            r#"SELECT penerima, kantor_id FROM hds_rute
               WHERE kategori = $1 AND jenis_instansi = $2
                 AND (antar_provinsi IS NULL OR antar_provinsi = $3)
               ORDER BY antar_provinsi NULLS LAST LIMIT 1"#,
            kategori.code(),
            target.jenis,
            antar_provinsi
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| ServiceError::Internal(format!("no hds_rute for {} {}", kategori.code(), target.jenis)))?;
        let broken = || ServiceError::Internal(format!("hds_rute {} for {}", rule.penerima, target.kode));
        Ok(match tujuan_of(&rule.penerima, rule.kantor_id).ok_or_else(broken)? {
            // A Kanreg's office id is its region's id (reference's `kantor`).
            TujuanRute::Kanreg if target.kanreg_id > 0 => Penerima::Kantor(target.kanreg_id),
            TujuanRute::Kanreg => return Err(broken()),
            TujuanRute::Kantor(k) => Penerima::Kantor(k),
            TujuanRute::Bkd => Penerima::Bkd(target.id),
            TujuanRute::AdminInstansi => Penerima::AdminInstansi(target.id),
        })
    }

    /// The answering office's name, for the PNS and the receipt.
    pub async fn penerima_name(&self, penerima: Penerima) -> Result<String, ServiceError> {
        Ok(match penerima {
            Penerima::Kantor(k) => self.reference.kantor(k).await?.map(|k| k.nama).unwrap_or_default(),
            Penerima::Bkd(i) => {
                let nama = self.reference.instansi(i).await?.map(|i| i.nama).unwrap_or_default();
                format!("BKD/Ropeg {nama}")
            }
            Penerima::AdminInstansi(i) => {
                let nama = self.reference.instansi(i).await?.map(|i| i.nama).unwrap_or_default();
                format!("Admin PUPNS {nama}")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_code_round_trips_and_nothing_else_parses() {
        let i = Uuid::from_u128(42);
        for p in [Penerima::Kantor(3), Penerima::Bkd(i), Penerima::AdminInstansi(i)] {
            assert_eq!(Penerima::from_kode(&p.kode()), Some(p));
        }
        for bad in ["", "kantor", "kantor:x", "bkd:3", "admin:", "lain:3", "kantor:99999"] {
            assert_eq!(Penerima::from_kode(bad), None, "{bad}");
        }
    }
}
