//! Importing an instansi's unit tree from CSV (#13). The file the admin exports from a
//! spreadsheet has a header and one unit per line: `nama;jenis;induk` (a comma works too),
//! where `induk` is the parent's path of names from the top, `/` between names, empty for a
//! top-level unit. A parent is a unit already in the tree or one on an earlier line. This
//! module reads the lines and checks each alone; reference checks them against the tree.

use serde::{Deserialize, Serialize};

use crate::csv::GalatBerkas;
use crate::unor::{parse_jenis_unit, parse_nama_unit};
use crate::ErrorCode;

/// At most this many units in one import (a large ministry's tree fits; a mistake stays small).
pub const IMPOR_MAKS_BARIS: usize = 2000;

/// A line read: its number in the file (the header is line 1), the unit's name and kind, and
/// its parent's path of names (empty: top level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisImpor {
    pub baris: usize,
    pub nama: String,
    pub jenis: String,
    pub induk: Vec<String>,
}

impl BarisImpor {
    /// The unit's own path of names.
    pub fn jalur(&self) -> Vec<String> {
        let mut jalur = self.induk.clone();
        jalur.push(self.nama.clone());
        jalur
    }
}

/// What the preview shows of a line: where the unit goes, and why not when it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BarisPratinjau {
    pub baris: usize,
    /// `Induk / Nama` as written (the raw line when it could not be read).
    pub jalur: String,
    pub jenis: String,
    pub galat: Option<ErrorCode>,
}

/// The preview (or, when written, the result) of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PratinjauImpor {
    pub baris: Vec<BarisPratinjau>,
    /// Whether the units were written (all of them, in one transaction).
    pub ditulis: bool,
}

impl PratinjauImpor {
    pub fn galat(&self) -> usize {
        self.baris.iter().filter(|b| b.galat.is_some()).count()
    }
}

/// Reads the file: every unit line, each either read or with its error. Errors about the
/// whole file (no header, no lines, too many) come alone.
pub fn baca_csv(text: &str) -> Result<Vec<Result<BarisImpor, BarisPratinjau>>, ErrorCode> {
    let lines = crate::csv::baca(text, &["nama", "jenis", "induk"], IMPOR_MAKS_BARIS).map_err(|g| match g {
        GalatBerkas::Kosong => ErrorCode::UnitImportEmpty,
        GalatBerkas::Judul => ErrorCode::UnitImportHeader,
        GalatBerkas::TerlaluBanyak => ErrorCode::UnitImportTooMany,
    })?;
    Ok(lines
        .into_iter()
        .map(|line| {
            let baris = line.nomor;
            let gagal =
                |galat| BarisPratinjau { baris, jalur: line.teks.to_owned(), jenis: String::new(), galat: Some(galat) };
            let [nama, jenis, induk] = line.kolom.as_slice() else {
                return Err(gagal(ErrorCode::UnitImportColumns));
            };
            let induk: Result<Vec<String>, ErrorCode> =
                induk.split('/').filter(|n| !n.trim().is_empty()).map(parse_nama_unit).collect();
            match (parse_nama_unit(nama), parse_jenis_unit(jenis), induk) {
                (Ok(nama), Ok(jenis), Ok(induk)) => Ok(BarisImpor { baris, nama, jenis, induk }),
                (Err(galat), _, _) | (_, Err(galat), _) | (_, _, Err(galat)) => Err(gagal(galat)),
            }
        })
        .collect())
}

/// Names compared as a person would: case and spacing aside.
pub fn kunci(jalur: &[String]) -> Vec<String> {
    jalur.iter().map(|n| n.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_with_either_separator_and_quotes() {
        let rows =
            baca_csv("Nama;Jenis;Induk\nDinas Arsip;SKPD;\n\"Bidang \"\"Digital\"\"; Data\";Bidang;Dinas Arsip\n")
                .unwrap();
        assert_eq!(rows.len(), 2);
        let second = rows[1].as_ref().unwrap();
        assert_eq!((second.baris, second.nama.as_str()), (3, "Bidang \"Digital\"; Data"));
        assert_eq!(second.jalur(), ["Dinas Arsip", "Bidang \"Digital\"; Data"]);
        let rows = baca_csv("\u{feff}nama,jenis,induk\r\nSeksi A,Seksi,Dinas Arsip / Bidang B\r\n").unwrap();
        assert_eq!(rows[0].as_ref().unwrap().induk, ["Dinas Arsip", "Bidang B"]);
    }

    #[test]
    fn each_bad_line_carries_its_number_and_reason() {
        let rows =
            baca_csv("nama;jenis;induk\nX;SKPD;\nDinas Baru;SKPD\n\nDinas Lain;S;\nOK Unit;UPT;A/\u{0}\n").unwrap();
        let galat: Vec<(usize, ErrorCode)> =
            rows.iter().filter_map(|r| r.as_ref().err()).map(|b| (b.baris, b.galat.unwrap())).collect();
        assert_eq!(
            galat,
            [
                (2, ErrorCode::UnitNameLength),
                (3, ErrorCode::UnitImportColumns),
                (5, ErrorCode::UnitKindLength),
                (6, ErrorCode::UnitNameLength)
            ]
        );
    }

    #[test]
    fn the_whole_file_is_refused_without_header_lines_or_within_the_limit() {
        assert_eq!(baca_csv(""), Err(ErrorCode::UnitImportEmpty));
        assert_eq!(baca_csv("nama;jenis;induk\n\n"), Err(ErrorCode::UnitImportEmpty));
        assert_eq!(baca_csv("unit;jenis\nA;B"), Err(ErrorCode::UnitImportHeader));
        let many = format!("nama;jenis;induk\n{}", "Unit;UPT;\n".repeat(IMPOR_MAKS_BARIS + 1));
        assert_eq!(baca_csv(&many), Err(ErrorCode::UnitImportTooMany));
        let full = format!("nama;jenis;induk\n{}", "Unit;UPT;\n".repeat(IMPOR_MAKS_BARIS));
        assert_eq!(baca_csv(&full).unwrap().len(), IMPOR_MAKS_BARIS);
    }
}
