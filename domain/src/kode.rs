//! Coded values: the states and names the database keeps as text. Each is an enum with one
//! `code()` (the stored text) and one `from_code()`; `parse()` turns a stored code that is not
//! one of them into an error, never into another value.

/// A stored code that names no value of its type (a database the code does not know).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

/// Declares a coded enum: every variant with its stored code. Serialised as that code too.
macro_rules! coded {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored form.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// A stored code, or the error of not knowing it.
            pub fn parse(code: &str) -> Result<$name, $crate::kode::UnknownCode> {
                Self::from_code(code)
                    .ok_or_else(|| $crate::kode::UnknownCode { kind: stringify!($name), code: code.to_owned() })
            }
        }
    };
}
pub(crate) use coded;

coded! {
    /// The national code lists (`kode_referensi.jenis`, and the lists kept in their own tables),
    /// by the name the reference service stores them under.
    pub enum DaftarKode {
        Agama = "agama",
        StatusKawin = "status_kawin",
        JenisKelamin = "jenis_kelamin",
        JenisPegawai = "jenis_pegawai",
        KedudukanHukum = "kedudukan_hukum",
        JenisJabatan = "jenis_jabatan",
        Eselon = "eselon",
        TingkatPendidikan = "tingkat_pendidikan",
        /// Golongan → pangkat (the `golongan` table).
        Golongan = "golongan",
        /// The `kabupaten_kota` table.
        KabupatenKota = "kabupaten_kota",
        Jurusan = "jurusan",
        /// Jabatan fungsional tertentu.
        Jft = "jft",
        /// Jabatan fungsional umum.
        Jfu = "jfu",
        DiklatStruktural = "diklat_struktural",
        DiklatFungsional = "diklat_fungsional",
        MataPelajaran = "mata_pelajaran",
        BidangSpesialis = "bidang_spesialis",
        Negara = "negara",
        FasilitasKesehatanJenis = "fasilitas_kesehatan_jenis",
        FasilitasPendidikanJenis = "fasilitas_pendidikan_jenis",
        /// The units of the PNS's own instansi (searched in the unor tree, not a code table).
        Unor = "unor",
        /// The health facilities of the PNS's own instansi (the `fasilitas` table).
        FasilitasKesehatan = "fasilitas_kesehatan",
        /// The schools of the PNS's own instansi (the `fasilitas` table).
        FasilitasPendidikan = "fasilitas_pendidikan",
    }
}

impl DaftarKode {
    /// Whether the list is one instansi's own (its units, its facilities: entries named by
    /// id) rather than a national code list.
    pub fn per_instansi(self) -> bool {
        matches!(self, DaftarKode::Unor | DaftarKode::FasilitasKesehatan | DaftarKode::FasilitasPendidikan)
    }
}

coded! {
    /// The kind of a functional position (JFT/JFU reference rows) that brings its own form
    /// section: teachers fill Data Guru, doctors Data Dokter.
    pub enum JenisFungsional {
        Guru = "guru",
        Dokter = "dokter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_errors() {
        for list in DaftarKode::ALL {
            assert_eq!(DaftarKode::from_code(list.code()), Some(*list));
        }
        for kind in JenisFungsional::ALL {
            assert_eq!(JenisFungsional::parse(kind.code()), Ok(*kind));
        }
        assert_eq!(
            DaftarKode::parse("tabel_rahasia"),
            Err(UnknownCode { kind: "DaftarKode", code: "tabel_rahasia".into() })
        );
    }
}
