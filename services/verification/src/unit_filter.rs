//! The units a verifier can narrow their queue to. L1 and L2 work inside one instansi, so the
//! page offers its units two levels below the top of their scope (a unit's filter takes its
//! whole subtree, so deeper units are reached through their parents). L3 and L4 have whole
//! regions: no unit list.

use access::{Cakupan, CurrentUser, ServiceError};
use domain::ErrorCode;
use uuid::Uuid;

use crate::store::Verification;

/// How many levels below the top of the scope the list goes.
const KEDALAMAN: usize = 2;

/// A unit in the filter's list; `kedalaman` is 1 for the units right below the scope's top.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFilter {
    pub id: Uuid,
    pub nama: String,
    pub kedalaman: usize,
}

fn depth(path: &str) -> usize {
    path.matches('/').count()
}

impl Verification {
    /// The units `user` may narrow their queue to, in tree order.
    pub async fn queue_units(&self, user: &CurrentUser) -> Result<Vec<UnitFilter>, ServiceError> {
        let (instansi_id, root) = match user.active.cakupan_verifikasi() {
            Some(Cakupan::Instansi(instansi_id)) => (instansi_id, String::new()),
            Some(Cakupan::Unor { instansi_id, path }) => (instansi_id, path),
            Some(Cakupan::Kanreg(_) | Cakupan::Nasional) => return Ok(vec![]),
            None => return Err(ServiceError::Refused(ErrorCode::Forbidden)),
        };
        let top = depth(&root);
        let units = self.reference.unor_of_instansi(instansi_id).await?;
        Ok(units
            .into_iter()
            .filter(|u| u.path.starts_with(&root) && u.path != root)
            .filter_map(|u| {
                let kedalaman = depth(&u.path) - top;
                (kedalaman <= KEDALAMAN).then_some(UnitFilter { id: u.id, nama: u.nama, kedalaman })
            })
            .collect())
    }

    /// The path to filter the queue by for the unit `id`; not found unless it lies within
    /// `user`'s scope (the queue stays inside the scope either way; this makes a stale or
    /// forged choice an error instead of an empty page).
    pub async fn unit_path(&self, user: &CurrentUser, id: Uuid) -> Result<String, ServiceError> {
        let not_found = || ServiceError::Refused(ErrorCode::NotFound);
        let unit = self.reference.unor(id).await?.ok_or_else(not_found)?;
        let inside = match user.active.cakupan_verifikasi() {
            Some(Cakupan::Instansi(instansi_id)) => unit.instansi_id == instansi_id,
            Some(Cakupan::Unor { instansi_id, path }) => {
                unit.instansi_id == instansi_id && unit.path.starts_with(&path)
            }
            _ => false,
        };
        if inside {
            Ok(unit.path)
        } else {
            Err(not_found())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::depth;

    #[test]
    fn depth_counts_path_segments() {
        assert_eq!(depth(""), 0);
        assert_eq!(depth("a1/"), 1);
        assert_eq!(depth("a1/b2/c3/"), 3);
    }
}
