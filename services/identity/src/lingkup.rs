//! Where an admin manages staff accounts, and the roles they grant there (#13). The instansi
//! admin's place is their instansi, the Kanreg admin's their Kanreg's office; admin BKN names
//! a place (`i-<instansi id>` or `k-<office id>`) or, for an account named by id, works
//! nationally. The roles come from `domain::akun_staf::peran_dapat_diberi`.

use domain::akun_staf::{peran_dapat_diberi, JenisTempat};
use domain::{ErrorCode, Role};
use uuid::Uuid;

use crate::error::Result;
use crate::session::CurrentUser;
use crate::Identity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tempat {
    /// An instansi's BKD/Ropeg: the instansi's accounts.
    Instansi(Uuid),
    /// An office (a Kanreg or a national office) with the region it verifies, if any: the
    /// accounts with a grant there.
    Kantor { id: i16, kanreg_id: Option<i16> },
    /// Admin BKN acting on an account named by id: any account whose staff roles admin BKN
    /// could have granted somewhere.
    Nasional,
}

/// A place and the roles the admin grants there.
#[derive(Debug, Clone)]
pub struct Lingkup {
    pub tempat: Tempat,
    pub peran: Vec<Role>,
}

impl Lingkup {
    /// The instansi's id, when the place is an instansi.
    pub fn instansi_id(&self) -> Option<Uuid> {
        match self.tempat {
            Tempat::Instansi(id) => Some(id),
            _ => None,
        }
    }

    pub(crate) fn kantor_id(&self) -> Option<i16> {
        match self.tempat {
            Tempat::Kantor { id, .. } => Some(id),
            _ => None,
        }
    }

    pub(crate) fn peran_codes(&self) -> Vec<String> {
        self.peran.iter().map(|r| r.code().to_owned()).collect()
    }

    /// The place's part of a SQL test on a grant `g`, with the instansi in `$i`, the office in
    /// `$k` and "national" in `$n`: never NULL (a NULL inside `NOT (...)` would let a grant of
    /// another place through).
    pub(crate) fn grant_here_sql(i: u8, k: u8, n: u8) -> String {
        format!("coalesce(${n} OR (g.instansi_id = ${i} AND g.kantor_id IS NULL) OR g.kantor_id = ${k}, false)")
    }

    /// Binds `$2`–`$5` of a statement that uses `grant_here_sql(2, 4, 5)`: the instansi, the
    /// roles, the office and "national" (after the statement's own `$1`).
    pub(crate) fn bind<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    ) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
        query
            .bind(self.instansi_id())
            .bind(self.peran_codes())
            .bind(self.kantor_id())
            .bind(self.tempat == Tempat::Nasional)
    }

    /// Whether a grant with these columns is at this place.
    pub(crate) fn holds(&self, instansi_id: Option<Uuid>, kantor_id: Option<i16>) -> bool {
        match self.tempat {
            Tempat::Instansi(id) => instansi_id == Some(id) && kantor_id.is_none(),
            Tempat::Kantor { id, .. } => kantor_id == Some(id),
            Tempat::Nasional => true,
        }
    }
}

/// The roles admin BKN grants somewhere: what a national action may touch.
fn peran_nasional() -> Vec<Role> {
    let mut all = Vec::new();
    for jenis in [
        JenisTempat::Instansi,
        JenisTempat::Kanreg,
        JenisTempat::DitPengadaan,
        JenisTempat::DitStatus,
        JenisTempat::KantorLain,
    ] {
        for role in peran_dapat_diberi(Role::AdminBkn, jenis) {
            if !all.contains(role) {
                all.push(*role);
            }
        }
    }
    all
}

impl Identity {
    /// The place `user` manages staff at, from their grant (instansi and Kanreg admins) or
    /// from `tempat` (admin BKN; empty: national). Anyone else is refused.
    pub async fn lingkup(&self, user: &CurrentUser, tempat: &str) -> Result<Lingkup> {
        let grant = &user.active;
        let (tempat, jenis) = match grant.role {
            Role::AdminInstansi => {
                (Tempat::Instansi(grant.instansi_id.ok_or(ErrorCode::Forbidden)?), JenisTempat::Instansi)
            }
            Role::AdminKanreg => {
                let kanreg = grant.kanreg_id.ok_or(ErrorCode::Forbidden)?;
                let kantor = self
                    .reference
                    .all_kantor()
                    .await?
                    .into_iter()
                    .find(|k| k.jenis == "kanreg" && k.kanreg_id == Some(kanreg));
                let kantor = kantor.ok_or(ErrorCode::Forbidden)?;
                (Tempat::Kantor { id: kantor.id, kanreg_id: kantor.kanreg_id }, JenisTempat::Kanreg)
            }
            Role::AdminBkn => match tempat.split_once('-') {
                None if tempat.is_empty() => return Ok(Lingkup { tempat: Tempat::Nasional, peran: peran_nasional() }),
                Some(("i", id)) => {
                    let id: Uuid = id.parse().map_err(|_| ErrorCode::NotFound)?;
                    self.reference.instansi(id).await?.ok_or(ErrorCode::NotFound)?;
                    (Tempat::Instansi(id), JenisTempat::Instansi)
                }
                Some(("k", id)) => {
                    let id: i16 = id.parse().map_err(|_| ErrorCode::NotFound)?;
                    let kantor = self.reference.kantor(id).await?.ok_or(ErrorCode::NotFound)?;
                    let jenis = JenisTempat::of_kantor(kantor.id, &kantor.jenis);
                    (Tempat::Kantor { id: kantor.id, kanreg_id: kantor.kanreg_id }, jenis)
                }
                _ => return Err(ErrorCode::NotFound.into()),
            },
            _ => return Err(ErrorCode::Forbidden.into()),
        };
        Ok(Lingkup { tempat, peran: peran_dapat_diberi(grant.role, jenis).to_vec() })
    }

    /// The place's name as the admin's page titles it.
    pub async fn nama_tempat(&self, lingkup: &Lingkup) -> Result<String> {
        Ok(match lingkup.tempat {
            Tempat::Instansi(id) => self.reference.instansi(id).await?.map(|i| i.nama).unwrap_or_default(),
            Tempat::Kantor { id, .. } => self.reference.kantor(id).await?.map(|k| k.nama).unwrap_or_default(),
            Tempat::Nasional => String::new(),
        })
    }
}
