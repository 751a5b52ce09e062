//! Masked names: the NIP look-up shows "A***** S******" so a stranger learns almost nothing.

/// Keeps the first letter of each word and stars the rest (titles and punctuation included).
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            first + &"*".repeat(chars.count())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::mask_name;

    #[test]
    fn masks_every_word() {
        assert_eq!(mask_name("Ahmad Subarjo"), "A**** S******");
        assert_eq!(mask_name("Sukarno"), "S******");
        assert_eq!(mask_name("  Siti   Nur'aini "), "S*** N*******");
        assert_eq!(mask_name(""), "");
    }
}
