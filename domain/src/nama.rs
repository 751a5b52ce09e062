//! Names an admin types (a unit, a unit's kind, a reference entry, an account's holder): kept
//! as one line with single spaces, so "Dinas  Kesehatan " and "Dinas Kesehatan" are one name.

use std::ops::RangeInclusive;

/// `input` with runs of whitespace collapsed to one space and none at the ends, if its length
/// in characters lies in `bounds`.
pub fn collapse_within(input: &str, bounds: RangeInclusive<usize>) -> Option<String> {
    let nama = input.split_whitespace().collect::<Vec<_>>().join(" ");
    bounds.contains(&nama.chars().count()).then_some(nama)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_the_length_is_counted_after() {
        assert_eq!(collapse_within("  Dinas \t Kesehatan\n", 2..=20), Some("Dinas Kesehatan".into()));
        assert_eq!(collapse_within("  a  ", 2..=20), None);
        assert_eq!(collapse_within("Badan Kepegawaian", 2..=5), None);
        assert_eq!(collapse_within("ÉÉ", 2..=2), Some("ÉÉ".into()), "characters, not bytes");
    }
}
