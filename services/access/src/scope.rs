//! The one scope rule: which PNS a grant covers. Verifier L1 sees its unor subtree, L2 its
//! instansi, L3 the instansi of its Kanreg region, L4 everyone; other staff roles and a PNS
//! (who sees only their own record) cover nobody here. List queries filter with the same
//! [`Cakupan`], passed to SQL as parameters, so a list and a single read cannot disagree.

use domain::Role;
use uuid::Uuid;

use crate::user::Grant;

/// Where a PNS sits: what a scope is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lokasi {
    pub instansi_id: Uuid,
    /// The materialised path of the PNS's unit (`<id>/<id>/…/`).
    pub unor_path: String,
    pub kanreg_id: i16,
}

/// A grant's reach over PNS records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cakupan {
    Nasional,
    Kanreg(i16),
    Instansi(Uuid),
    /// The units whose path starts with `path` within the instansi.
    Unor {
        instansi_id: Uuid,
        path: String,
    },
}

impl Cakupan {
    pub fn covers(&self, pns: &Lokasi) -> bool {
        match self {
            Cakupan::Nasional => true,
            Cakupan::Kanreg(kanreg) => pns.kanreg_id == *kanreg,
            Cakupan::Instansi(instansi) => pns.instansi_id == *instansi,
            Cakupan::Unor { instansi_id, path } => {
                pns.instansi_id == *instansi_id && pns.unor_path.starts_with(path.as_str())
            }
        }
    }

    /// The instansi the scope stays within, if it is one instansi or less.
    pub fn instansi_id(&self) -> Option<Uuid> {
        match self {
            Cakupan::Instansi(id) | Cakupan::Unor { instansi_id: id, .. } => Some(*id),
            Cakupan::Nasional | Cakupan::Kanreg(_) => None,
        }
    }
}

impl Grant {
    /// The PNS records this grant's verifier may see; `None` for roles that see no one
    /// else's record (and for a grant missing the scope its role needs: deny by default).
    pub fn cakupan_verifikasi(&self) -> Option<Cakupan> {
        match self.role {
            Role::VerifikatorL4 => Some(Cakupan::Nasional),
            Role::VerifikatorL3 => self.kanreg_id.map(Cakupan::Kanreg),
            Role::VerifikatorL2 => self.instansi_id.map(Cakupan::Instansi),
            Role::VerifikatorL1 => {
                let instansi_id = self.instansi_id?;
                Some(match &self.unor_path {
                    Some(path) => Cakupan::Unor { instansi_id, path: path.clone() },
                    None => Cakupan::Instansi(instansi_id),
                })
            }
            _ => None,
        }
    }

    /// Whether this grant's verifier may see the PNS at `pns`.
    pub fn covers(&self, pns: &Lokasi) -> bool {
        self.cakupan_verifikasi().is_some_and(|c| c.covers(pns))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(role: Role, instansi: Option<Uuid>, path: Option<&str>, kanreg: Option<i16>) -> Grant {
        Grant {
            id: Uuid::nil(),
            role,
            instansi_id: instansi,
            unor_id: None,
            unor_path: path.map(str::to_owned),
            kanreg_id: kanreg,
            hds_kategori: vec![],
            kantor_id: None,
        }
    }

    #[test]
    fn each_level_covers_its_own_reach_and_nothing_more() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let pns = Lokasi { instansi_id: a, unor_path: "r/s/t/".into(), kanreg_id: 1 };
        let elsewhere = Lokasi { instansi_id: b, unor_path: "x/".into(), kanreg_id: 2 };
        let sibling = Lokasi { instansi_id: a, unor_path: "r/q/".into(), kanreg_id: 1 };

        let l1 = grant(Role::VerifikatorL1, Some(a), Some("r/s/"), None);
        assert!(l1.covers(&pns) && !l1.covers(&sibling) && !l1.covers(&elsewhere));
        let l2 = grant(Role::VerifikatorL2, Some(a), None, None);
        assert!(l2.covers(&pns) && l2.covers(&sibling) && !l2.covers(&elsewhere));
        let l3 = grant(Role::VerifikatorL3, None, None, Some(1));
        assert!(l3.covers(&pns) && !l3.covers(&elsewhere));
        let l4 = grant(Role::VerifikatorL4, None, None, None);
        assert!(l4.covers(&pns) && l4.covers(&elsewhere));
    }

    #[test]
    fn other_roles_and_grants_without_their_scope_cover_no_one() {
        let pns = Lokasi { instansi_id: Uuid::from_u128(1), unor_path: "r/".into(), kanreg_id: 1 };
        for role in Role::ALL {
            if !matches!(role, Role::VerifikatorL1 | Role::VerifikatorL2 | Role::VerifikatorL3 | Role::VerifikatorL4) {
                assert!(!grant(role, Some(pns.instansi_id), Some("r/"), Some(1)).covers(&pns), "{role:?}");
            }
        }
        assert!(!grant(Role::VerifikatorL2, None, None, None).covers(&pns));
        assert!(!grant(Role::VerifikatorL3, None, None, None).covers(&pns));
    }
}
