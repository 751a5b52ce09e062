//! NIP: the 18-digit civil-servant number `YYYYMMDD YYYYMM G NNN`
//! (birth date, month appointed CPNS, gender digit, sequence).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::{digits, ymd};
use crate::ErrorCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Laki-laki: NIP digit 1.
    Male,
    /// Perempuan: NIP digit 2, NIK day + 40.
    Female,
}

impl Gender {
    pub fn nip_digit(self) -> char {
        match self {
            Gender::Male => '1',
            Gender::Female => '2',
        }
    }

    /// The one-letter code used in the master data (L / P).
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "L",
            Gender::Female => "P",
        }
    }

    pub fn from_code(code: &str) -> Option<Gender> {
        match code {
            "L" => Some(Gender::Male),
            "P" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A structurally valid NIP. Spaces typed between the groups are accepted and dropped.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

impl Nip {
    pub fn parse(input: &str) -> Result<Nip, ErrorCode> {
        let text: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if text.is_empty() {
            return Err(ErrorCode::NipRequired);
        }
        if text.len() != 18 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::NipFormat);
        }
        ymd(digits(&text[0..4]) as i32, digits(&text[4..6]), digits(&text[6..8]))
            .map_err(|_| ErrorCode::NipBirthDate)?;
        let tmt_month = digits(&text[12..14]);
        if !(1..=12).contains(&tmt_month) {
            return Err(ErrorCode::NipTmtCpns);
        }
        if !matches!(&text[14..15], "1" | "2") {
            return Err(ErrorCode::NipGender);
        }
        let nip = Nip(text);
        if nip.tmt_cpns_year() < nip.birth_date().year() + 15 {
            return Err(ErrorCode::NipTmtCpns);
        }
        Ok(nip)
    }

    /// Builds the NIP for the given parts (the demo generator and the new-NIP proposal use it).
    pub fn compose(birth: Date, tmt_year: i32, tmt_month: u8, gender: Gender, sequence: u16) -> Result<Nip, ErrorCode> {
        Nip::parse(&format!(
            "{:04}{:02}{:02}{:04}{:02}{}{:03}",
            birth.year(),
            u8::from(birth.month()),
            birth.day(),
            tmt_year,
            tmt_month,
            gender.nip_digit(),
            sequence % 1000
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> Date {
        ymd(digits(&self.0[0..4]) as i32, digits(&self.0[4..6]), digits(&self.0[6..8])).expect("checked at parse")
    }

    pub fn tmt_cpns_year(&self) -> i32 {
        digits(&self.0[8..12]) as i32
    }

    pub fn tmt_cpns_month(&self) -> u32 {
        digits(&self.0[12..14])
    }

    pub fn gender(&self) -> Gender {
        if &self.0[14..15] == "1" {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    /// Checks the NIP against the record it belongs to: birth date and gender must agree.
    pub fn check_against(&self, birth: Date, gender: Gender) -> Result<(), ErrorCode> {
        if self.birth_date() != birth {
            return Err(ErrorCode::NipBirthDateMismatch);
        }
        if self.gender() != gender {
            return Err(ErrorCode::NipGenderMismatch);
        }
        Ok(())
    }

    /// Checks the TMT CPNS date against the month embedded in the NIP.
    pub fn check_tmt_cpns(&self, tmt_cpns: Date) -> Result<(), ErrorCode> {
        if tmt_cpns.year() == self.tmt_cpns_year() && u32::from(u8::from(tmt_cpns.month())) == self.tmt_cpns_month() {
            Ok(())
        } else {
            Err(ErrorCode::NipTmtCpnsMismatch)
        }
    }
}

impl std::fmt::Display for Nip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nip {
    type Error = ErrorCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Nip::parse(&value)
    }
}

impl From<Nip> for String {
    fn from(nip: Nip) -> String {
        nip.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn valid_nip_reads_its_parts() {
        let nip = Nip::parse("198503122010011002").unwrap();
        assert_eq!(nip.birth_date(), date!(1985 - 03 - 12));
        assert_eq!(nip.tmt_cpns_year(), 2010);
        assert_eq!(nip.tmt_cpns_month(), 1);
        assert_eq!(nip.gender(), Gender::Male);
        assert_eq!(Nip::parse("19850312 201001 1 002").unwrap(), nip);
    }

    #[test]
    fn malformed_nips_fail_with_their_reason() {
        assert_eq!(Nip::parse(""), Err(ErrorCode::NipRequired));
        assert_eq!(Nip::parse("12345"), Err(ErrorCode::NipFormat));
        assert_eq!(Nip::parse("19850312201001100A"), Err(ErrorCode::NipFormat));
        assert_eq!(Nip::parse("198502302010011002"), Err(ErrorCode::NipBirthDate));
        assert_eq!(Nip::parse("198503122010131002"), Err(ErrorCode::NipTmtCpns));
        assert_eq!(Nip::parse("198503122010013002"), Err(ErrorCode::NipGender));
        assert_eq!(Nip::parse("198503121990011002"), Err(ErrorCode::NipTmtCpns));
    }

    #[test]
    fn cross_checks_with_the_record() {
        let nip = Nip::parse("198503122010012002").unwrap();
        assert_eq!(nip.check_against(date!(1985 - 03 - 12), Gender::Female), Ok(()));
        assert_eq!(nip.check_against(date!(1985 - 03 - 13), Gender::Female), Err(ErrorCode::NipBirthDateMismatch));
        assert_eq!(nip.check_against(date!(1985 - 03 - 12), Gender::Male), Err(ErrorCode::NipGenderMismatch));
        assert_eq!(nip.check_tmt_cpns(date!(2010 - 01 - 01)), Ok(()));
        assert_eq!(nip.check_tmt_cpns(date!(2010 - 02 - 01)), Err(ErrorCode::NipTmtCpnsMismatch));
    }

    #[test]
    fn compose_round_trips() {
        let nip = Nip::compose(date!(1990 - 07 - 01), 2015, 3, Gender::Female, 7).unwrap();
        assert_eq!(nip.as_str(), "199007012015032007");
    }
}
