//! An instansi's unit tree as its PUPNS admin keeps it (#13): the rules for a unit's name and
//! kind, and what the admin's page shows of each unit.

use serde::{Deserialize, Serialize};

use crate::nama::collapse_within;
use crate::ErrorCode;

pub const NAMA_MAX: usize = 200;
pub const JENIS_MAX: usize = 40;

/// A unit's name: 2–200 characters, inner spaces collapsed.
pub fn parse_nama_unit(input: &str) -> Result<String, ErrorCode> {
    collapse_within(input, 2..=NAMA_MAX).ok_or(ErrorCode::UnitNameLength)
}

/// A unit's kind as the instansi names it (SKPD, UPT, Biro, Bidang, Satker…): 2–40 characters.
pub fn parse_jenis_unit(input: &str) -> Result<String, ErrorCode> {
    collapse_within(input, 2..=JENIS_MAX).ok_or(ErrorCode::UnitKindLength)
}

/// One unit in tree order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitView {
    pub id: String,
    pub nama: String,
    pub jenis: String,
    /// Empty for a root unit.
    pub induk_id: String,
    /// 0 for a root unit.
    pub kedalaman: usize,
    pub ditutup: bool,
    /// PNS whose unit this is (not counting the units below).
    pub jumlah_pns: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds_are_collapsed_and_bounded() {
        assert_eq!(parse_nama_unit("  Dinas   Pendidikan "), Ok("Dinas Pendidikan".to_owned()));
        assert_eq!(parse_nama_unit("D"), Err(ErrorCode::UnitNameLength));
        assert_eq!(parse_nama_unit(&"a".repeat(201)), Err(ErrorCode::UnitNameLength));
        assert_eq!(parse_jenis_unit("UPT"), Ok("UPT".to_owned()));
        assert_eq!(parse_jenis_unit(""), Err(ErrorCode::UnitKindLength));
        assert_eq!(parse_jenis_unit(&"b".repeat(41)), Err(ErrorCode::UnitKindLength));
    }
}
