//! Field specifications: each form section is declared once (`form_struct!`) and the UI,
//! the generic field checks and the review diff all read the same list of fields.

use crate::i18n::Lang;
use crate::kode::DaftarKode;

/// One choice of a fixed, form-only option list (not a national code list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opt {
    pub value: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

impl Opt {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// What a field holds; decides the input the UI shows and the generic checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of free text (at most `MAX_TEXT` characters).
    Text,
    /// Several lines of free text (at most `MAX_LONG_TEXT` characters).
    LongText,
    /// `YYYY-MM-DD`, a real calendar date.
    Date,
    /// A four-digit year.
    Year,
    /// A whole number ≥ 0.
    Number,
    /// A code from a short national list, chosen from a drop-down.
    Code(DaftarKode),
    /// A code from a long national list, searched by typing. (The diklat field is shared by
    /// both diklat sections: `Bagian::code_list` gives Diklat Struktural its own list.)
    Search(DaftarKode),
    /// A unit of the PNS's own instansi, searched by typing (value: the unor id).
    Unor,
    /// A health facility or school of the PNS's own instansi, searched by typing (value: the
    /// facility's id).
    Fasilitas(crate::fasilitas::BidangFasilitas),
    /// The position held: free text for structural posts, a JFT/JFU code otherwise
    /// (which list depends on the entry's `jenis_jabatan`).
    Jabatan,
    /// One of a fixed option list.
    Choice(&'static [Opt]),
    /// "Y" or "T".
    YesNo,
    /// A self-assessment score 1–5.
    Score,
    /// A 16-digit NIK (checked against the person's birth date where it is known).
    Nik,
    /// An 18-digit NIP.
    Nip,
    /// Not shown: the entry's stable id.
    Hidden,
}

impl Kind {
    /// The list of the PNS's own instansi a field picks from by id (units, facilities), or
    /// `None` for every other kind: the server checks such a value against that instansi.
    pub fn instansi_list(self) -> Option<DaftarKode> {
        match self {
            Kind::Unor => Some(DaftarKode::Unor),
            Kind::Fasilitas(bidang) => Some(bidang.daftar()),
            _ => None,
        }
    }
}

pub const MAX_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub label_id: &'static str,
    pub label_en: &'static str,
}

impl FieldSpec {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.label_id,
            Lang::En => self.label_en,
        }
    }
}

/// A section struct whose fields the UI can read and write by key.
pub trait Fields: Default + Clone {
    const FIELDS: &'static [FieldSpec];
    fn get(&self, key: &str) -> &str;
    fn set(&mut self, key: &str, value: String);

    fn spec(key: &str) -> Option<&'static FieldSpec> {
        Self::FIELDS.iter().find(|f| f.key == key)
    }
}

/// Declares a section struct of text fields (raw input as typed; the rules parse it) and its
/// field list. `req` marks a required field, `opt` an optional one.
macro_rules! form_struct {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $kind:expr, $req:ident, $id:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name { $(pub $field: String,)+ }

        // Empty fields are left out of the JSON (and read back as empty): a record is mostly
        // blanks, and it travels on every load and is stored on every save.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::form::fields_serde::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::form::fields_serde::deserialize(deserializer)
            }
        }

        impl $crate::form::spec::Fields for $name {
            const FIELDS: &'static [$crate::form::spec::FieldSpec] = &[$($crate::form::spec::FieldSpec {
                key: stringify!($field),
                kind: $kind,
                required: form_struct!(@req $req),
                label_id: $id,
                label_en: $en,
            }),+];

            fn get(&self, key: &str) -> &str {
                match key { $(stringify!($field) => &self.$field,)+ _ => "" }
            }

            fn set(&mut self, key: &str, value: String) {
                match key { $(stringify!($field) => self.$field = value,)+ _ => {} }
            }
        }
    };
    (@req req) => { true };
    (@req opt) => { false };
}
pub(crate) use form_struct;
