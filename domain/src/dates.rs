//! Calendar helpers: dates arrive as text from forms and NIP/NIK digits.

use time::{Date, Month};

use crate::ErrorCode;

/// Parses `YYYY-MM-DD`, rejecting dates that do not exist (2015-02-30).
pub fn parse_iso_date(text: &str) -> Result<Date, ErrorCode> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(ErrorCode::InvalidDate);
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| ErrorCode::InvalidDate);
    ymd(number(parts[0])? as i32, number(parts[1])?, number(parts[2])?)
}

/// Builds a date from numbers, failing with `InvalidDate` when it does not exist.
pub fn ymd(year: i32, month: u32, day: u32) -> Result<Date, ErrorCode> {
    let month = u8::try_from(month).ok().and_then(|m| Month::try_from(m).ok()).ok_or(ErrorCode::InvalidDate)?;
    let day = u8::try_from(day).map_err(|_| ErrorCode::InvalidDate)?;
    Date::from_calendar_date(year, month, day).map_err(|_| ErrorCode::InvalidDate)
}

/// Formats as `YYYY-MM-DD` (the value of an `<input type="date">`).
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// The same day `years` later (an age reached); 29 February falls on 28 February in a
/// common year.
pub fn years_after(date: Date, years: i32) -> Date {
    let year = date.year() + years;
    date.replace_year(year).unwrap_or_else(|_| ymd(year, 2, 28).expect("28 February exists"))
}

/// Reads a fixed-width run of ASCII digits as a number.
pub(crate) fn digits(text: &str) -> u32 {
    text.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// `YYYY-MM-DD HH:MM:SS` (UTC), as the admins' pages show times.
pub fn waktu_utc(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_reached_on_the_birthday_or_on_28_february() {
        let d = |s| parse_iso_date(s).unwrap();
        assert_eq!(years_after(d("1990-05-17"), 15), d("2005-05-17"));
        assert_eq!(years_after(d("2000-02-29"), 15), d("2015-02-28"));
        assert_eq!(years_after(d("2000-02-29"), 4), d("2004-02-29"));
    }

    #[test]
    fn real_dates_parse() {
        assert_eq!(iso(parse_iso_date("1985-03-12").unwrap()), "1985-03-12");
        assert_eq!(iso(parse_iso_date("2024-02-29").unwrap()), "2024-02-29");
    }

    #[test]
    fn impossible_dates_fail() {
        for bad in ["2015-02-30", "2023-02-29", "1985-13-01", "1985-00-10", "85-03-12", "", "abcd-ef-gh"] {
            assert_eq!(parse_iso_date(bad), Err(ErrorCode::InvalidDate), "{bad}");
        }
    }
}
