//! The national code lists a BKN admin keeps in the app (#13): which lists may change there,
//! the rules for an entry, and what the admin's page shows. An entry is never deleted: it is
//! retired (`aktif = false`), stays readable in the records that have it and cannot be chosen
//! in new ones.

use serde::{Deserialize, Serialize};

use crate::kode::coded;
use crate::nama::collapse_within;
use crate::{DaftarKode, ErrorCode};

/// The lists an admin changes in the app. The others (jenis kelamin, jenis jabatan, kedudukan
/// hukum, jenis pegawai, status kawin, tingkat pendidikan, eselon) carry codes the form's rules
/// read, and golongan and kabupaten/kota are tables of their own: they change with a release.
pub const DAFTAR_DIKELOLA: [DaftarKode; 11] = [
    DaftarKode::Jfu,
    DaftarKode::Jft,
    DaftarKode::Jurusan,
    DaftarKode::DiklatStruktural,
    DaftarKode::DiklatFungsional,
    DaftarKode::MataPelajaran,
    DaftarKode::BidangSpesialis,
    DaftarKode::Agama,
    DaftarKode::Negara,
    DaftarKode::FasilitasKesehatanJenis,
    DaftarKode::FasilitasPendidikanJenis,
];

pub const KODE_MAX: usize = 20;
pub const NAMA_MIN: usize = 2;
pub const NAMA_MAX: usize = 200;

/// A list the admin may change, or `BadRequest` (the page offers no other).
pub fn daftar_dikelola(jenis: DaftarKode) -> Result<DaftarKode, ErrorCode> {
    DAFTAR_DIKELOLA.contains(&jenis).then_some(jenis).ok_or(ErrorCode::BadRequest)
}

/// An entry's code: 1–20 of `A-Z a-z 0-9 . / -`, as typed (codes are compared exactly).
pub fn parse_kode(input: &str) -> Result<String, ErrorCode> {
    let kode = input.trim();
    if kode.is_empty() {
        return Err(ErrorCode::CodeRequired);
    }
    let allowed = kode.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'));
    if !allowed || kode.len() > KODE_MAX {
        return Err(ErrorCode::CodeFormat);
    }
    Ok(kode.to_owned())
}

/// An entry's name as the pickers show it: 2–200 characters, inner spaces collapsed.
pub fn parse_nama_entri(input: &str) -> Result<String, ErrorCode> {
    collapse_within(input, NAMA_MIN..=NAMA_MAX).ok_or(ErrorCode::EntryNameLength)
}

/// One entry as the admin's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntriReferensi {
    pub kode: String,
    pub nama: String,
    /// False once retired.
    pub aktif: bool,
}

coded! {
    /// What a change to an entry did (`kode_referensi_riwayat.aksi`).
    pub enum AksiReferensi {
        Tambah = "tambah",
        UbahNama = "ubah_nama",
        Nonaktifkan = "nonaktifkan",
        Aktifkan = "aktifkan",
    }
}

/// One change of an entry's history: who, when, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatReferensi {
    pub aksi: AksiReferensi,
    /// `YYYY-MM-DD HH:MM:SS` (UTC).
    pub waktu: String,
    /// The admin's username and name.
    pub oleh: String,
    /// The entry before the change; none for an added one.
    pub sebelum: Option<EntriReferensi>,
    pub sesudah: EntriReferensi,
}

/// A page of the admin's list: entries whose code or name contains the typed text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DaftarEntri {
    pub entri: Vec<EntriReferensi>,
    /// How many match in all (the page shows the first `PER_HALAMAN`).
    pub jumlah: i64,
}

pub const PER_HALAMAN: i64 = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_and_plain() {
        assert_eq!(parse_kode(" U0412 "), Ok("U0412".to_owned()));
        assert_eq!(parse_kode("IV/a-1.2"), Ok("IV/a-1.2".to_owned()));
        assert_eq!(parse_kode("  "), Err(ErrorCode::CodeRequired));
        assert_eq!(parse_kode("U 1"), Err(ErrorCode::CodeFormat));
        assert_eq!(parse_kode("<b>"), Err(ErrorCode::CodeFormat));
        assert_eq!(parse_kode(&"9".repeat(21)), Err(ErrorCode::CodeFormat));
    }

    #[test]
    fn names_are_collapsed_and_bounded() {
        assert_eq!(parse_nama_entri("  Pengelola   Data  "), Ok("Pengelola Data".to_owned()));
        assert_eq!(parse_nama_entri("A"), Err(ErrorCode::EntryNameLength));
        assert_eq!(parse_nama_entri(&"é".repeat(200)).map(|n| n.chars().count()), Ok(200));
        assert_eq!(parse_nama_entri(&"é".repeat(201)), Err(ErrorCode::EntryNameLength));
    }

    #[test]
    fn only_the_lists_no_rule_reads_are_kept_in_the_app() {
        assert_eq!(daftar_dikelola(DaftarKode::Jfu), Ok(DaftarKode::Jfu));
        for fixed in [DaftarKode::JenisJabatan, DaftarKode::Golongan, DaftarKode::KabupatenKota, DaftarKode::Unor] {
            assert_eq!(daftar_dikelola(fixed), Err(ErrorCode::BadRequest));
        }
    }
}
