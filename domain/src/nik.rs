//! NIK: the 16-digit national identity number `PPKKCC DDMMYY SSSS`
//! (region code, birth date with day + 40 for women, sequence).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::digits;
use crate::{ErrorCode, Gender};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

impl Nik {
    pub fn parse(input: &str) -> Result<Nik, ErrorCode> {
        let text: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if text.is_empty() {
            return Err(ErrorCode::NikRequired);
        }
        if text.len() != 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::NikFormat);
        }
        let day = digits(&text[6..8]);
        let month = digits(&text[8..10]);
        let day = if day > 40 { day - 40 } else { day };
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            return Err(ErrorCode::NikBirthDate);
        }
        if &text[12..16] == "0000" || &text[0..2] == "00" {
            return Err(ErrorCode::NikFormat);
        }
        Ok(Nik(text))
    }

    /// Builds a NIK for a region code, birth date and gender (the demo generator uses it).
    pub fn compose(region: &str, birth: Date, gender: Gender, sequence: u16) -> Result<Nik, ErrorCode> {
        let day = birth.day() + if gender == Gender::Female { 40 } else { 0 };
        Nik::parse(&format!(
            "{region:0>6}{day:02}{:02}{:02}{:04}",
            u8::from(birth.month()),
            birth.year() % 100,
            sequence.clamp(1, 9999)
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn gender(&self) -> Gender {
        if digits(&self.0[6..8]) > 40 {
            Gender::Female
        } else {
            Gender::Male
        }
    }

    /// The NIK's birth date must agree with the record's (day + 40 for women, two-digit year).
    pub fn check_against(&self, birth: Date, gender: Gender) -> Result<(), ErrorCode> {
        let day = digits(&self.0[6..8]);
        let expected_day = u32::from(birth.day()) + if gender == Gender::Female { 40 } else { 0 };
        let agrees = day == expected_day
            && digits(&self.0[8..10]) == u32::from(u8::from(birth.month()))
            && digits(&self.0[10..12]) == (birth.year() % 100) as u32;
        if agrees {
            Ok(())
        } else {
            Err(ErrorCode::NikBirthDateMismatch)
        }
    }
}

impl std::fmt::Display for Nik {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nik {
    type Error = ErrorCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Nik::parse(&value)
    }
}

impl From<Nik> for String {
    fn from(nik: Nik) -> String {
        nik.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_and_checks_a_mans_nik() {
        let nik = Nik::parse("3174011203850001").unwrap();
        assert_eq!(nik.gender(), Gender::Male);
        assert_eq!(nik.check_against(date!(1985 - 03 - 12), Gender::Male), Ok(()));
    }

    #[test]
    fn a_womans_day_is_plus_forty() {
        let nik = Nik::parse("3174015203850001").unwrap();
        assert_eq!(nik.gender(), Gender::Female);
        assert_eq!(nik.check_against(date!(1985 - 03 - 12), Gender::Female), Ok(()));
        assert_eq!(nik.check_against(date!(1985 - 03 - 12), Gender::Male), Err(ErrorCode::NikBirthDateMismatch));
    }

    #[test]
    fn malformed_niks_fail() {
        assert_eq!(Nik::parse(""), Err(ErrorCode::NikRequired));
        assert_eq!(Nik::parse("317401120385"), Err(ErrorCode::NikFormat));
        assert_eq!(Nik::parse("3174013203850001"), Err(ErrorCode::NikBirthDate));
        assert_eq!(Nik::parse("3174011213850001"), Err(ErrorCode::NikBirthDate));
        assert_eq!(Nik::parse("3174011203850000"), Err(ErrorCode::NikFormat));
    }

    #[test]
    fn compose_round_trips() {
        let nik = Nik::compose("317401", date!(1990 - 07 - 01), Gender::Female, 12).unwrap();
        assert_eq!(nik.as_str(), "3174014107900012");
        assert_eq!(nik.check_against(date!(1990 - 07 - 01), Gender::Female), Ok(()));
    }
}
