//! Serde for the section structs through their field list (`Fields`), written once instead of
//! derived thirteen times: the derives' per-struct visitors were a large part of the form's
//! WASM (#14). The JSON is the derive's: an object of the non-empty fields in declaration
//! order; a missing field is empty, an unknown one is ignored, a non-text value is an error.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serializer};

use super::spec::Fields;

pub fn serialize<T: Fields, S: Serializer>(section: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let filled = || T::FIELDS.iter().filter(|f| !section.get(f.key).is_empty());
    let mut map = serializer.serialize_map(Some(filled().count()))?;
    for field in filled() {
        map.serialize_entry(field.key, section.get(field.key))?;
    }
    map.end()
}

pub fn deserialize<'de, T: Fields, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(SectionVisitor(PhantomData))
}

struct SectionVisitor<T>(PhantomData<T>);

impl<'de, T: Fields> Visitor<'de> for SectionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of text fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut section = T::default();
        while let Some(key) = map.next_key::<String>()? {
            if T::spec(&key).is_some() {
                section.set(&key, map.next_value::<String>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(section)
    }
}

#[cfg(test)]
mod tests {
    use crate::form::sections::DataUtama;

    fn sample() -> DataUtama {
        DataUtama { nama: "Siti Aminah".into(), nik: "3404015506850001".into(), ..Default::default() }
    }

    #[test]
    fn only_filled_fields_are_written_in_declaration_order() {
        let json = serde_json::to_string(&sample()).unwrap();
        assert_eq!(json, r#"{"nama":"Siti Aminah","nik":"3404015506850001"}"#);
        assert_eq!(serde_json::to_string(&DataUtama::default()).unwrap(), "{}");
    }

    #[test]
    fn missing_fields_read_as_empty_and_unknown_ones_are_ignored() {
        let json = r#"{"nik":"3404015506850001","dihapus":{"lama":[1,2]},"nama":"Siti Aminah"}"#;
        assert_eq!(serde_json::from_str::<DataUtama>(json).unwrap(), sample());
        let back: DataUtama = serde_json::from_value(serde_json::to_value(sample()).unwrap()).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn a_value_that_is_not_text_is_refused() {
        assert!(serde_json::from_str::<DataUtama>(r#"{"nama":null}"#).is_err());
        assert!(serde_json::from_str::<DataUtama>(r#"{"nama":7}"#).is_err());
        assert!(serde_json::from_str::<DataUtama>(r#"["Siti"]"#).is_err());
    }
}
