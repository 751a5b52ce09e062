//! The instansi's health and education facilities (#13): the puskesmas and hospitals its
//! doctors work at, the schools its teachers teach at. The instansi's admin keeps them (one
//! by one or from CSV); Data Dokter and Data Guru pick from them by id, like a unit.

use crate::kode::coded;
use crate::nama::collapse_within;
use crate::unor_impor::{BarisPratinjau, IMPOR_MAKS_BARIS};
use crate::{DaftarKode, ErrorCode, Lang};

coded! {
    /// Which of the two lists a facility is on.
    pub enum BidangFasilitas {
        Kesehatan = "kesehatan",
        Pendidikan = "pendidikan",
    }
}

impl BidangFasilitas {
    /// The instansi's list the form's picker searches.
    pub fn daftar(self) -> DaftarKode {
        match self {
            BidangFasilitas::Kesehatan => DaftarKode::FasilitasKesehatan,
            BidangFasilitas::Pendidikan => DaftarKode::FasilitasPendidikan,
        }
    }

    /// The national list of kinds (Puskesmas, RSUD…; SD, SMP…) a facility's `jenis` is from.
    pub fn daftar_jenis(self) -> DaftarKode {
        match self {
            BidangFasilitas::Kesehatan => DaftarKode::FasilitasKesehatanJenis,
            BidangFasilitas::Pendidikan => DaftarKode::FasilitasPendidikanJenis,
        }
    }

    pub fn of_daftar(list: DaftarKode) -> Option<BidangFasilitas> {
        BidangFasilitas::ALL.iter().copied().find(|b| b.daftar() == list)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BidangFasilitas::Kesehatan, Lang::Id) => "Fasilitas kesehatan",
            (BidangFasilitas::Kesehatan, Lang::En) => "Health facilities",
            (BidangFasilitas::Pendidikan, Lang::Id) => "Fasilitas pendidikan",
            (BidangFasilitas::Pendidikan, Lang::En) => "Schools",
        }
    }
}

/// A facility's name as the pickers show it: 2–200 characters, inner spaces collapsed.
pub fn parse_nama_fasilitas(input: &str) -> Result<String, ErrorCode> {
    collapse_within(input, 2..=200).ok_or(ErrorCode::FacilityNameLength)
}

/// A line of a facilities file, read: its number, the name, and the kind as written (a code
/// of the kinds' list or its name; the reference service resolves it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisFasilitas {
    pub baris: usize,
    pub nama: String,
    pub jenis: String,
}

/// Reads a facilities file (`nama;jenis`, one facility per line): every line either read or
/// with its error. Errors about the whole file come alone.
pub fn baca_csv(text: &str) -> Result<Vec<Result<BarisFasilitas, BarisPratinjau>>, ErrorCode> {
    use crate::csv::GalatBerkas;
    let lines = crate::csv::baca(text, &["nama", "jenis"], IMPOR_MAKS_BARIS).map_err(|g| match g {
        GalatBerkas::Kosong => ErrorCode::FacilityImportEmpty,
        GalatBerkas::Judul => ErrorCode::FacilityImportHeader,
        GalatBerkas::TerlaluBanyak => ErrorCode::FacilityImportTooMany,
    })?;
    Ok(lines
        .into_iter()
        .map(|line| {
            let gagal = |galat| BarisPratinjau {
                baris: line.nomor,
                jalur: line.teks.to_owned(),
                jenis: String::new(),
                galat: Some(galat),
            };
            let [nama, jenis] = line.kolom.as_slice() else {
                return Err(gagal(ErrorCode::FacilityImportColumns));
            };
            let nama = parse_nama_fasilitas(nama).map_err(gagal)?;
            let jenis = jenis.split_whitespace().collect::<Vec<_>>().join(" ");
            if jenis.is_empty() {
                return Err(gagal(ErrorCode::FacilityKindUnknown));
            }
            Ok(BarisFasilitas { baris: line.nomor, nama, jenis })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_has_its_lists() {
        for bidang in BidangFasilitas::ALL {
            assert_eq!(BidangFasilitas::of_daftar(bidang.daftar()), Some(*bidang));
            assert_ne!(bidang.daftar(), bidang.daftar_jenis());
            assert!(bidang.daftar().per_instansi() && !bidang.daftar_jenis().per_instansi());
        }
        assert_eq!(BidangFasilitas::of_daftar(DaftarKode::Unor), None);
    }

    #[test]
    fn lines_are_read_or_carry_their_reason() {
        let rows = baca_csv("nama;jenis\nPuskesmas  Depok II;FK01\nX;FK01\nRSUD;\nA;B;C\nSD Negeri 2;SD\n").unwrap();
        let read: Vec<_> = rows.iter().filter_map(|r| r.as_ref().ok()).map(|b| (b.baris, b.nama.as_str())).collect();
        assert_eq!(read, [(2, "Puskesmas Depok II"), (6, "SD Negeri 2")]);
        let galat: Vec<_> = rows.iter().filter_map(|r| r.as_ref().err()).map(|b| (b.baris, b.galat.unwrap())).collect();
        assert_eq!(
            galat,
            [
                (3, ErrorCode::FacilityNameLength),
                (4, ErrorCode::FacilityKindUnknown),
                (5, ErrorCode::FacilityImportColumns)
            ]
        );
        assert_eq!(baca_csv("nama;jenis;induk\nA;B;C"), Err(ErrorCode::FacilityImportHeader));
        assert_eq!(baca_csv("nama;jenis\n"), Err(ErrorCode::FacilityImportEmpty));
    }
}
