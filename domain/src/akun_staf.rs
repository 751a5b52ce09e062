//! Staff accounts the admins keep (#13): an instansi's verifiers L1 (with the unit whose
//! subtree they verify) and L2 and the help-desk officers of its BKD/Ropeg (with the ticket
//! categories they answer); a Kanreg's L3 verifiers and officers; the national offices'
//! staff and the admins themselves. Who grants what where is `peran_dapat_diberi`. The
//! admin's page checks a new account with these rules before sending; the identity service
//! applies the same ones.

use serde::{Deserialize, Serialize};

use crate::account::parse_email;
use crate::hds::Kategori;
use crate::nama::collapse_within;
use crate::{ErrorCode, Role};

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 40;
pub const NAMA_MAX: usize = 120;

/// The roles an instansi admin may grant, and nothing else (#13's table of who grants what).
pub const PERAN_ADMIN_INSTANSI: [Role; 3] = [Role::VerifikatorL1, Role::VerifikatorL2, Role::PetugasHds];

/// The kinds of place staff work at, as far as who grants what is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisTempat {
    /// An instansi's BKD/Ropeg.
    Instansi,
    /// A Kantor Regional: L3 for its region's instansi.
    Kanreg,
    /// The Direktorat Pengadaan dan Kepangkatan: L3 for the central instansi.
    DitPengadaan,
    /// The Direktorat Status Kepegawaian: L4.
    DitStatus,
    /// Another national office (Pensiun, Biro Kepegawaian, Deputi SINKA): help desk only.
    KantorLain,
}

/// The offices whose verifiers work a level of their own (reference's `kantor` rows).
pub const KANTOR_DIT_STATUS: i16 = 100;
pub const KANTOR_DIT_PENGADAAN: i16 = 101;

impl JenisTempat {
    /// The kind of an office, from its `kantor` row (id and `jenis`).
    pub fn of_kantor(id: i16, jenis: &str) -> JenisTempat {
        match id {
            _ if jenis == "kanreg" => JenisTempat::Kanreg,
            KANTOR_DIT_STATUS => JenisTempat::DitStatus,
            KANTOR_DIT_PENGADAAN => JenisTempat::DitPengadaan,
            _ => JenisTempat::KantorLain,
        }
    }
}

/// The roles `pemberi` grants at a place of kind `tempat` (#13): the instansi admin L1, L2
/// and HDS of its BKD/Ropeg; the Kanreg admin L3 and HDS of its Kanreg; admin BKN all of
/// those everywhere, and the instansi's and the Kanreg's admins. Nobody else grants anything.
pub fn peran_dapat_diberi(pemberi: Role, tempat: JenisTempat) -> &'static [Role] {
    use Role::*;
    match (pemberi, tempat) {
        (AdminInstansi, JenisTempat::Instansi) => &PERAN_ADMIN_INSTANSI,
        (AdminKanreg, JenisTempat::Kanreg) => &[VerifikatorL3, PetugasHds],
        (AdminBkn, JenisTempat::Instansi) => &[VerifikatorL1, VerifikatorL2, PetugasHds, AdminInstansi],
        (AdminBkn, JenisTempat::Kanreg) => &[VerifikatorL3, PetugasHds, AdminKanreg],
        (AdminBkn, JenisTempat::DitPengadaan) => &[VerifikatorL3, PetugasHds],
        (AdminBkn, JenisTempat::DitStatus) => &[VerifikatorL4, PetugasHds],
        (AdminBkn, JenisTempat::KantorLain) => &[PetugasHds],
        _ => &[],
    }
}

/// A username: 3–40 of `a-z 0-9 . _ -`, starting with a letter; stored in lower case.
pub fn parse_username(input: &str) -> Result<String, ErrorCode> {
    let name = input.trim().to_lowercase();
    if name.is_empty() {
        return Err(ErrorCode::UsernameRequired);
    }
    let allowed = name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    let starts = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if !allowed || !starts || !(USERNAME_MIN..=USERNAME_MAX).contains(&name.len()) {
        return Err(ErrorCode::UsernameFormat);
    }
    Ok(name)
}

/// A person's name as shown to colleagues and PNS: required, at most 120 characters.
pub fn parse_nama(input: &str) -> Result<String, ErrorCode> {
    if input.trim().is_empty() {
        return Err(ErrorCode::NamaRequired);
    }
    collapse_within(input, 1..=NAMA_MAX).ok_or(ErrorCode::NamaTooLong)
}

/// A role to grant as the form sends it: the role's code, the unit for L1 (its id), the
/// categories for an HDS officer, and where (admin BKN's page names the place: `i-<instansi
/// id>` or `k-<office id>`; the other admins' place is their own and this stays empty).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeranBaru {
    pub peran: String,
    pub unor_id: String,
    pub kategori: Vec<String>,
    #[serde(default)]
    pub tempat: String,
}

/// A role to grant, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeranStaf {
    /// Verifies the PNS of this unit's subtree (the unit's id, as text).
    VerifikatorL1 { unor_id: String },
    /// Answers these categories for the place's help desk.
    PetugasHds { kategori: Vec<Kategori> },
    /// A role whose scope is the place alone (L2, L3, L4, the instansi's or Kanreg's admin).
    DiTempat(Role),
}

impl PeranBaru {
    pub fn parse(&self) -> Result<PeranStaf, ErrorCode> {
        let role = Role::from_code(&self.peran).ok_or(ErrorCode::RoleRequired)?;
        match role {
            Role::VerifikatorL1 if self.unor_id.trim().is_empty() => Err(ErrorCode::UnorRequired),
            Role::VerifikatorL1 => Ok(PeranStaf::VerifikatorL1 { unor_id: self.unor_id.trim().to_owned() }),
            Role::PetugasHds => {
                let mut kategori = Vec::new();
                for code in &self.kategori {
                    let k = Kategori::parse(code).map_err(|_| ErrorCode::BadRequest)?;
                    if !kategori.contains(&k) {
                        kategori.push(k);
                    }
                }
                if kategori.is_empty() {
                    return Err(ErrorCode::HdsCategoryRequired);
                }
                Ok(PeranStaf::PetugasHds { kategori })
            }
            // Granted nowhere; whether the others may be granted here is the place's rule.
            Role::Pns | Role::Eksekutif | Role::AdminBkn => Err(ErrorCode::RoleNotGrantable),
            other => Ok(PeranStaf::DiTempat(other)),
        }
    }
}

impl PeranStaf {
    pub fn role(&self) -> Role {
        match self {
            PeranStaf::VerifikatorL1 { .. } => Role::VerifikatorL1,
            PeranStaf::PetugasHds { .. } => Role::PetugasHds,
            PeranStaf::DiTempat(role) => *role,
        }
    }
}

/// A new staff account as the admin's form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AkunStafBaru {
    pub username: String,
    pub nama: String,
    pub email: String,
    pub peran: PeranBaru,
}

/// A new staff account, checked: the first failing field's code otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AkunStafValid {
    pub username: String,
    pub nama: String,
    pub email: String,
    pub peran: PeranStaf,
}

impl AkunStafBaru {
    pub fn parse(&self) -> Result<AkunStafValid, ErrorCode> {
        Ok(AkunStafValid {
            username: parse_username(&self.username)?,
            nama: parse_nama(&self.nama)?,
            email: parse_email(&self.email)?,
            peran: self.peran.parse()?,
        })
    }
}

/// A role an account holds, as the admin's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeranDipegang {
    pub grant_id: String,
    pub peran: Role,
    /// The L1's unit, or the HDS officer's categories, in words.
    pub cakupan: String,
    /// Whether this admin may take the role away.
    pub dapat_dicabut: bool,
}

/// A staff account of the instansi in the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AkunStaf {
    pub account_id: String,
    /// Username, or NIP for a PNS who holds a staff role.
    pub login: String,
    pub nama: String,
    pub email: String,
    pub aktif: bool,
    /// `YYYY-MM-DD HH:MM` (UTC), empty when never.
    pub terakhir_masuk: String,
    pub sesi_aktif: i64,
    pub peran: Vec<PeranDipegang>,
    /// Whether this admin may disable it, reset its password and end its sessions (only
    /// accounts whose every role the admin could have granted).
    pub dapat_dikelola: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lower_case_words() {
        assert_eq!(parse_username(" Verif1.Depok "), Ok("verif1.depok".into()));
        assert_eq!(parse_username(""), Err(ErrorCode::UsernameRequired));
        for bad in ["ab", "1verif", "verif sleman", "verif@sleman", &"a".repeat(41), "éclair"] {
            assert_eq!(parse_username(bad), Err(ErrorCode::UsernameFormat), "{bad}");
        }
    }

    #[test]
    fn names_are_required_and_bounded() {
        assert_eq!(parse_nama("  Siti   Aminah "), Ok("Siti Aminah".into()));
        assert_eq!(parse_nama("   "), Err(ErrorCode::NamaRequired));
        assert_eq!(parse_nama(&"x".repeat(121)), Err(ErrorCode::NamaTooLong));
    }

    #[test]
    fn each_admin_grants_the_roles_of_its_places_only() {
        use JenisTempat::*;
        assert_eq!(peran_dapat_diberi(Role::AdminInstansi, Instansi), &PERAN_ADMIN_INSTANSI);
        assert_eq!(peran_dapat_diberi(Role::AdminKanreg, Kanreg), &[Role::VerifikatorL3, Role::PetugasHds]);
        for tempat in [Kanreg, DitPengadaan, DitStatus, KantorLain] {
            assert!(peran_dapat_diberi(Role::AdminInstansi, tempat).is_empty());
        }
        for tempat in [Instansi, DitPengadaan, DitStatus, KantorLain] {
            assert!(peran_dapat_diberi(Role::AdminKanreg, tempat).is_empty());
        }
        assert!(peran_dapat_diberi(Role::AdminBkn, Instansi).contains(&Role::AdminInstansi));
        assert!(peran_dapat_diberi(Role::AdminBkn, Kanreg).contains(&Role::AdminKanreg));
        assert_eq!(peran_dapat_diberi(Role::AdminBkn, DitStatus), &[Role::VerifikatorL4, Role::PetugasHds]);
        for role in [Role::Pns, Role::VerifikatorL1, Role::PetugasHds, Role::Eksekutif] {
            assert!(peran_dapat_diberi(role, Instansi).is_empty());
        }
        // Nobody grants admin BKN, PNS or executive anywhere.
        for tempat in [Instansi, Kanreg, DitPengadaan, DitStatus, KantorLain] {
            for pemberi in Role::ALL {
                let list = peran_dapat_diberi(pemberi, tempat);
                assert!(!list.iter().any(|r| matches!(r, Role::AdminBkn | Role::Pns | Role::Eksekutif)));
            }
        }
    }

    #[test]
    fn each_role_is_parsed_with_its_scope() {
        let peran = |p: &str, unor: &str, kategori: &[&str]| PeranBaru {
            peran: p.into(),
            unor_id: unor.into(),
            kategori: kategori.iter().map(|k| k.to_string()).collect(),
            tempat: String::new(),
        };
        assert_eq!(peran("verifikator_l1", "", &[]).parse(), Err(ErrorCode::UnorRequired));
        assert_eq!(peran("verifikator_l1", "u-1", &[]).parse(), Ok(PeranStaf::VerifikatorL1 { unor_id: "u-1".into() }));
        assert_eq!(peran("verifikator_l2", "", &[]).parse(), Ok(PeranStaf::DiTempat(Role::VerifikatorL2)));
        assert_eq!(peran("petugas_hds", "", &[]).parse(), Err(ErrorCode::HdsCategoryRequired));
        assert_eq!(
            peran("petugas_hds", "", &["F", "K", "F"]).parse(),
            Ok(PeranStaf::PetugasHds { kategori: vec![Kategori::UnorTidakAda, Kategori::SekolahTidakAda] })
        );
        assert_eq!(peran("petugas_hds", "", &["Z"]).parse(), Err(ErrorCode::BadRequest));
        assert_eq!(peran("verifikator_l3", "", &[]).parse(), Ok(PeranStaf::DiTempat(Role::VerifikatorL3)));
        for other in ["admin_bkn", "pns", "eksekutif"] {
            assert_eq!(peran(other, "", &[]).parse(), Err(ErrorCode::RoleNotGrantable), "{other}");
        }
        assert_eq!(peran("", "", &[]).parse(), Err(ErrorCode::RoleRequired));
    }

    #[test]
    fn a_new_account_reports_its_first_bad_field() {
        let mut baru = AkunStafBaru {
            username: "verif1.depok".into(),
            nama: "Siti".into(),
            email: "siti@depok.go.id".into(),
            peran: PeranBaru { peran: "verifikator_l2".into(), ..PeranBaru::default() },
        };
        assert!(baru.parse().is_ok());
        baru.email = "siti".into();
        assert_eq!(baru.parse(), Err(ErrorCode::EmailFormat));
    }
}
