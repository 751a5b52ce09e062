//! Verification's routing table as admin BKN keeps it (#13): for each kind of instansi
//! (`pusat`, `daerah`) and kind of change (`semua`: every proposal; `nip`: a change of birth
//! date or gender, which changes the NIP), the levels a proposal takes. A round takes the
//! union of its change kinds' levels, in order, as the table stood when it was sent.

use serde::{Deserialize, Serialize};

use crate::akun_staf::{KANTOR_DIT_PENGADAAN, KANTOR_DIT_STATUS};
use crate::ErrorCode;

pub const JENIS_INSTANSI: [&str; 2] = ["daerah", "pusat"];
pub const JENIS_PERUBAHAN: [&str; 2] = ["semua", "nip"];

/// One row: the levels (1–4, ascending) of an instansi kind for a change kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuteVerifikasi {
    pub jenis_instansi: String,
    pub jenis_perubahan: String,
    pub tingkat: Vec<i16>,
}

impl RuteVerifikasi {
    /// The row as stored: known kinds, levels 1–4 once each in order, and every proposal
    /// verified by at least one level (`semua` is never empty; `nip` may add none).
    pub fn check(mut self) -> Result<RuteVerifikasi, ErrorCode> {
        if !JENIS_INSTANSI.contains(&self.jenis_instansi.as_str())
            || !JENIS_PERUBAHAN.contains(&self.jenis_perubahan.as_str())
            || self.tingkat.iter().any(|t| !(1..=4).contains(t))
        {
            return Err(ErrorCode::BadRequest);
        }
        self.tingkat.sort_unstable();
        self.tingkat.dedup();
        if self.jenis_perubahan == "semua" && self.tingkat.is_empty() {
            return Err(ErrorCode::RouteLevelsRequired);
        }
        Ok(self)
    }
}

/// Who works a level for an instansi kind, as the PNS's timeline names it, and the office of
/// a level that is always the same office (BKN's directorates).
pub fn kantor_tingkat(jenis_instansi: &str, tingkat: i16) -> (&'static str, Option<i16>) {
    match (jenis_instansi, tingkat) {
        ("pusat", 1) => ("Satker", None),
        ("pusat", 2) => ("Biro Kepegawaian/Ropeg", None),
        ("pusat", 3) => ("Direktorat Pengadaan dan Kepangkatan BKN", Some(KANTOR_DIT_PENGADAAN)),
        (_, 1) => ("SKPD/UPT", None),
        (_, 2) => ("BKD", None),
        (_, 3) => ("Kantor Regional BKN", None),
        _ => ("Direktorat Status BKN", Some(KANTOR_DIT_STATUS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(instansi: &str, perubahan: &str, tingkat: &[i16]) -> RuteVerifikasi {
        RuteVerifikasi { jenis_instansi: instansi.into(), jenis_perubahan: perubahan.into(), tingkat: tingkat.to_vec() }
    }

    #[test]
    fn a_row_is_sorted_and_every_proposal_keeps_a_level() {
        assert_eq!(row("daerah", "semua", &[3, 1, 2, 1]).check().unwrap().tingkat, [1, 2, 3]);
        assert_eq!(row("pusat", "nip", &[]).check().unwrap().tingkat, Vec::<i16>::new());
        assert_eq!(row("daerah", "semua", &[]).check(), Err(ErrorCode::RouteLevelsRequired));
        for bad in [
            row("desa", "semua", &[1]),
            row("daerah", "nama", &[1]),
            row("pusat", "semua", &[0, 1]),
            row("pusat", "nip", &[5]),
        ] {
            assert_eq!(bad.check(), Err(ErrorCode::BadRequest));
        }
    }

    #[test]
    fn the_timeline_names_each_level_as_the_seed_does() {
        assert_eq!(kantor_tingkat("daerah", 3), ("Kantor Regional BKN", None));
        assert_eq!(kantor_tingkat("pusat", 3), ("Direktorat Pengadaan dan Kepangkatan BKN", Some(101)));
        assert_eq!(kantor_tingkat("pusat", 4), ("Direktorat Status BKN", Some(100)));
    }
}
