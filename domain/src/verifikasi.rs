//! Verification's shared vocabulary: a verifier's decision on a proposal as the browser
//! sends it (and an offline queue replays it), the rules it must pass, and which changes
//! route a proposal to extra levels. The server checks the same rules the page shows.

use serde::{Deserialize, Serialize};

use crate::form::{Bagian, KunciField, Perubahan};
use crate::kode::coded;
use crate::ErrorCode;

coded! {
    /// A verifier's answer on one changed field.
    pub enum Hasil {
        Terima = "terima",
        Tolak = "tolak",
    }
}

coded! {
    /// What a verifier does with the proposal after deciding its fields.
    pub enum Tindakan {
        /// Passed to the next level (at the last level: final, the new master record).
        Teruskan = "teruskan",
        /// Returned to the PNS with the rejected fields and their reasons.
        Kembalikan = "kembalikan",
    }
}

coded! {
    /// Where a work item (one round at one level) stands.
    pub enum StatusItem {
        Menunggu = "menunggu",
        Diteruskan = "diteruskan",
        Dikembalikan = "dikembalikan",
        Final = "final",
        /// Withdrawn: the proposal went back to draft (Turun Status).
        Dibatalkan = "dibatalkan",
    }
}

/// Kinds of change the routing table names (`verifikasi_rute.jenis_perubahan`).
pub const RUTE_SEMUA: &str = "semua";
pub const RUTE_NIP: &str = "nip";

/// The routing kinds a change set asks for: every proposal `semua`; a change of birth date
/// or gender (both are part of the NIP) also `nip`.
pub fn jenis_rute(changes: &[Perubahan]) -> Vec<&'static str> {
    let mut kinds = vec![RUTE_SEMUA];
    if changes
        .iter()
        .any(|c| c.bagian == Bagian::DataUtama && matches!(c.field.as_str(), "tanggal_lahir" | "jenis_kelamin"))
    {
        kinds.push(RUTE_NIP);
    }
    kinds
}

/// Longest reason a rejection may carry.
pub const MAX_ALASAN: usize = 500;

/// Reasons offered to pick from (the verifier may also type their own), per language.
pub const ALASAN_UMUM: &[(&str, &str)] = &[
    ("Tidak sesuai dengan dokumen pendukung", "Does not match the supporting document"),
    ("Dokumen pendukung tidak ada atau tidak terbaca", "Supporting document missing or unreadable"),
    ("Data tidak lengkap", "Data incomplete"),
    ("Tidak sesuai dengan data SK", "Does not match the decree"),
];

/// One field's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keputusan {
    pub kunci: KunciField,
    pub hasil: Hasil,
    #[serde(default)]
    pub alasan: String,
}

/// A verifier's whole decision on one work item, sent once. `kunci` is made in the browser
/// (a UUID): a retry or an offline replay with the same key gets the first answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Putusan {
    pub item: String,
    pub kunci: String,
    pub keputusan: Vec<Keputusan>,
    pub tindakan: Tindakan,
    #[serde(default)]
    pub catatan: String,
    /// The checkout it was decided under, when decided offline: if a supervisor released it
    /// meanwhile, the decision comes back as a conflict instead of landing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinjam: Option<String>,
}

/// A rejected field as the PNS sees it on a returned proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penolakan {
    pub kunci: KunciField,
    pub alasan: String,
    /// The level that rejected it.
    pub tingkat: i16,
}

/// The answer to a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HasilPutusan {
    /// What became of the item: passed on, returned or final.
    pub status: StatusItem,
    /// The level it went to, when passed on.
    pub tingkat_berikut: Option<i16>,
}

/// Checks a decision against the changes it decides (those still open at this level):
/// exactly one decision per change, a reason on each rejection, and a return only with a
/// rejection.
pub fn check_putusan(putusan: &Putusan, open: &[KunciField]) -> Result<(), ErrorCode> {
    if putusan.catatan.chars().count() > MAX_ALASAN {
        return Err(ErrorCode::TextTooLong);
    }
    for k in &putusan.keputusan {
        if !open.contains(&k.kunci) {
            return Err(ErrorCode::BadRequest);
        }
        let alasan = k.alasan.trim().chars().count();
        if alasan > MAX_ALASAN {
            return Err(ErrorCode::TextTooLong);
        }
        if k.hasil == Hasil::Tolak && alasan == 0 {
            return Err(ErrorCode::ReasonRequired);
        }
    }
    let decided = |key: &KunciField| putusan.keputusan.iter().filter(|k| &k.kunci == key).count();
    if open.iter().any(|key| decided(key) != 1) {
        return Err(ErrorCode::DecisionMissing);
    }
    if putusan.tindakan == Tindakan::Kembalikan && !putusan.keputusan.iter().any(|k| k.hasil == Hasil::Tolak) {
        return Err(ErrorCode::ReturnNeedsRejection);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Aksi;

    fn key(field: &str) -> KunciField {
        KunciField::new(Bagian::DataUtama, None, field)
    }

    fn putusan(keputusan: Vec<Keputusan>, tindakan: Tindakan) -> Putusan {
        Putusan { item: "i".into(), kunci: "k".into(), keputusan, tindakan, catatan: String::new(), pinjam: None }
    }

    fn terima(field: &str) -> Keputusan {
        Keputusan { kunci: key(field), hasil: Hasil::Terima, alasan: String::new() }
    }

    #[test]
    fn every_open_change_needs_exactly_one_decision() {
        let open = [key("nama"), key("alamat")];
        assert_eq!(
            check_putusan(&putusan(vec![terima("nama")], Tindakan::Teruskan), &open),
            Err(ErrorCode::DecisionMissing)
        );
        let twice = vec![terima("nama"), terima("nama"), terima("alamat")];
        assert_eq!(check_putusan(&putusan(twice, Tindakan::Teruskan), &open), Err(ErrorCode::DecisionMissing));
        assert_eq!(check_putusan(&putusan(vec![terima("nik")], Tindakan::Teruskan), &open), Err(ErrorCode::BadRequest));
        assert_eq!(check_putusan(&putusan(vec![terima("nama"), terima("alamat")], Tindakan::Teruskan), &open), Ok(()));
    }

    #[test]
    fn a_rejection_needs_a_reason_and_a_return_needs_a_rejection() {
        let open = [key("nama")];
        let tolak = |alasan: &str| Keputusan { kunci: key("nama"), hasil: Hasil::Tolak, alasan: alasan.into() };
        assert_eq!(
            check_putusan(&putusan(vec![tolak("  ")], Tindakan::Kembalikan), &open),
            Err(ErrorCode::ReasonRequired)
        );
        assert_eq!(check_putusan(&putusan(vec![tolak("Salah ketik")], Tindakan::Kembalikan), &open), Ok(()));
        assert_eq!(
            check_putusan(&putusan(vec![terima("nama")], Tindakan::Kembalikan), &open),
            Err(ErrorCode::ReturnNeedsRejection)
        );
    }

    #[test]
    fn a_birth_date_or_gender_change_routes_to_the_nip_levels() {
        let change = |field: &str| Perubahan {
            bagian: Bagian::DataUtama,
            aksi: Aksi::Ubah,
            entri: None,
            field: field.into(),
            lama: "a".into(),
            baru: "b".into(),
        };
        assert_eq!(jenis_rute(&[change("nama")]), vec![RUTE_SEMUA]);
        assert_eq!(jenis_rute(&[change("tanggal_lahir")]), vec![RUTE_SEMUA, RUTE_NIP]);
        assert_eq!(jenis_rute(&[]), vec![RUTE_SEMUA]);
    }
}
