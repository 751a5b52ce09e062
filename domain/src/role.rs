//! Roles and what each may do. The server checks capabilities; the browser only uses
//! roles to draw navigation.

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Pns,
    VerifikatorL1,
    VerifikatorL2,
    VerifikatorL3,
    VerifikatorL4,
    PetugasHds,
    AdminInstansi,
    AdminKanreg,
    AdminBkn,
    Eksekutif,
}

/// What a server function asks for. A role holds a fixed set; deny by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Capability {
    /// The PNS's own record and progress.
    OwnRecord,
    /// Verifier work (submissions in scope).
    Verifikasi,
    /// Approve registrations of PNS in scope (L1: unor subtree, L2: instansi).
    ApproveRegistration,
    HdsInbox,
    AdminInstansi,
    /// Read the audit log (Kanreg: its region's people; BKN: everyone's).
    ReadAuditLog,
    /// Read the instansi's settings (Kanreg: its region's; BKN: every one's).
    ReadInstansiSettings,
    AdminKanreg,
    AdminBkn,
    /// Keep the staff accounts of one's place (#13: instansi, Kanreg, or any for BKN).
    ManageStaffAccounts,
    ExecutiveDashboard,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Pns,
        Role::VerifikatorL1,
        Role::VerifikatorL2,
        Role::VerifikatorL3,
        Role::VerifikatorL4,
        Role::PetugasHds,
        Role::AdminInstansi,
        Role::AdminKanreg,
        Role::AdminBkn,
        Role::Eksekutif,
    ];

    /// Database form.
    pub fn code(self) -> &'static str {
        match self {
            Role::Pns => "pns",
            Role::VerifikatorL1 => "verifikator_l1",
            Role::VerifikatorL2 => "verifikator_l2",
            Role::VerifikatorL3 => "verifikator_l3",
            Role::VerifikatorL4 => "verifikator_l4",
            Role::PetugasHds => "petugas_hds",
            Role::AdminInstansi => "admin_instansi",
            Role::AdminKanreg => "admin_kanreg",
            Role::AdminBkn => "admin_bkn",
            Role::Eksekutif => "eksekutif",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Role::Pns => Msg::RolePns,
            Role::VerifikatorL1 => Msg::RoleVerifikatorL1,
            Role::VerifikatorL2 => Msg::RoleVerifikatorL2,
            Role::VerifikatorL3 => Msg::RoleVerifikatorL3,
            Role::VerifikatorL4 => Msg::RoleVerifikatorL4,
            Role::PetugasHds => Msg::RolePetugasHds,
            Role::AdminInstansi => Msg::RoleAdminInstansi,
            Role::AdminKanreg => Msg::RoleAdminKanreg,
            Role::AdminBkn => Msg::RoleAdminBkn,
            Role::Eksekutif => Msg::RoleEksekutif,
        }
    }

    /// The page a user lands on after choosing this role.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Pns => "/pns",
            Role::VerifikatorL1 | Role::VerifikatorL2 | Role::VerifikatorL3 | Role::VerifikatorL4 => "/verifikasi",
            Role::PetugasHds => "/hds",
            Role::AdminInstansi => "/admin/instansi",
            Role::AdminKanreg => "/admin/kanreg",
            Role::AdminBkn => "/admin/bkn",
            Role::Eksekutif => "/eksekutif",
        }
    }

    /// The verification level (1–4) a verifier role works; `None` for other roles.
    pub fn tingkat(self) -> Option<i16> {
        match self {
            Role::VerifikatorL1 => Some(1),
            Role::VerifikatorL2 => Some(2),
            Role::VerifikatorL3 => Some(3),
            Role::VerifikatorL4 => Some(4),
            _ => None,
        }
    }

    pub fn capabilities(self) -> &'static [Capability] {
        use Capability::*;
        match self {
            Role::Pns => &[OwnRecord],
            Role::VerifikatorL1 | Role::VerifikatorL2 => &[Verifikasi, ApproveRegistration],
            Role::VerifikatorL3 | Role::VerifikatorL4 => &[Verifikasi],
            Role::PetugasHds => &[HdsInbox],
            // The instansi admin answers the tickets routed to them (F, K, L, R).
            // ...and approves or rejects the registrations waiting in the instansi (#13).
            Role::AdminInstansi => &[AdminInstansi, HdsInbox, ApproveRegistration, ManageStaffAccounts],
            Role::AdminKanreg => &[AdminKanreg, ReadAuditLog, ReadInstansiSettings, ManageStaffAccounts],
            Role::AdminBkn => &[AdminBkn, ReadAuditLog, ReadInstansiSettings, ManageStaffAccounts],
            Role::Eksekutif => &[ExecutiveDashboard],
        }
    }

    pub fn can(self, capability: Capability) -> bool {
        self.capabilities().contains(&capability)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_only_pns_owns_a_record() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
            assert_eq!(role.can(Capability::OwnRecord), role == Role::Pns);
        }
        assert!(!Role::Pns.can(Capability::Verifikasi));
        assert!(Role::VerifikatorL1.can(Capability::ApproveRegistration));
        assert!(!Role::VerifikatorL3.can(Capability::ApproveRegistration));
        assert!(Role::AdminInstansi.can(Capability::ApproveRegistration));
    }
}
