//! Which tickets an officer sees: those routed to their office (or their instansi's BKD/admin)
//! in the categories their grant names. One rule, used by the inbox queries and by the live
//! stream's filter alike.

use access::Grant;
use domain::hds::KATEGORI_ADMIN;
use domain::{ErrorCode, Role};
use uuid::Uuid;

use crate::rute::Penerima;

/// An officer's reach over tickets. Built only from a grant that may answer tickets.
#[derive(Debug, Clone, PartialEq)]
pub struct Jangkauan {
    pub(crate) penerima: Penerima,
    pub(crate) kategori: Vec<String>,
}

impl Jangkauan {
    /// HDS officers of an office or of an instansi's BKD/Ropeg answer their grant's categories;
    /// the instansi admin answers F, K, L and R. Everyone else: refused.
    pub fn of(grant: &Grant) -> Result<Jangkauan, ErrorCode> {
        let (penerima, kategori) = match (grant.role, grant.kantor_id, grant.instansi_id) {
            (Role::PetugasHds, Some(kantor), _) => (Penerima::Kantor(kantor), grant.hds_kategori.clone()),
            (Role::PetugasHds, None, Some(instansi)) => (Penerima::Bkd(instansi), grant.hds_kategori.clone()),
            (Role::AdminInstansi, _, Some(instansi)) => {
                (Penerima::AdminInstansi(instansi), KATEGORI_ADMIN.iter().map(|k| k.code().to_owned()).collect())
            }
            _ => return Err(ErrorCode::Forbidden),
        };
        Ok(Jangkauan { penerima, kategori })
    }

    /// The office whose staff share this reach: (office, instansi) as identity lists staff.
    pub fn kantor_instansi(&self) -> (Option<i16>, Option<Uuid>) {
        let (_, kantor, instansi) = self.penerima.columns();
        (kantor, instansi)
    }

    /// Whether a ticket routed to `penerima` in `kategori` is within reach.
    pub fn covers(&self, penerima: Penerima, kategori: &str) -> bool {
        self.penerima == penerima && self.kategori.iter().any(|k| k == kategori)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(role: Role, kantor_id: Option<i16>, instansi_id: Option<Uuid>, kategori: &[&str]) -> Grant {
        Grant {
            id: Uuid::nil(),
            role,
            instansi_id,
            unor_id: None,
            unor_path: None,
            kanreg_id: None,
            hds_kategori: kategori.iter().map(|k| k.to_string()).collect(),
            kantor_id,
        }
    }

    #[test]
    fn an_office_officer_sees_only_their_office_and_categories() {
        let j = Jangkauan::of(&grant(Role::PetugasHds, Some(1), None, &["A", "B"])).unwrap();
        assert!(j.covers(Penerima::Kantor(1), "A"));
        assert!(!j.covers(Penerima::Kantor(1), "C"));
        assert!(!j.covers(Penerima::Kantor(2), "A"));
    }

    #[test]
    fn the_instansi_admin_answers_f_k_l_r_of_their_instansi() {
        let i = Uuid::from_u128(7);
        let j = Jangkauan::of(&grant(Role::AdminInstansi, None, Some(i), &[])).unwrap();
        for k in ["F", "K", "L", "R"] {
            assert!(j.covers(Penerima::AdminInstansi(i), k));
        }
        assert!(!j.covers(Penerima::AdminInstansi(i), "A"));
        assert!(!j.covers(Penerima::AdminInstansi(Uuid::from_u128(8)), "F"));
        assert!(!j.covers(Penerima::Bkd(i), "F"));
    }

    #[test]
    fn other_roles_are_refused() {
        for role in [Role::Pns, Role::VerifikatorL2, Role::AdminBkn, Role::Eksekutif] {
            assert_eq!(Jangkauan::of(&grant(role, Some(1), Some(Uuid::nil()), &["A"])), Err(ErrorCode::Forbidden));
        }
    }
}
