//! Sign-in and registration inputs: passwords, emails, one-time codes.

use crate::ErrorCode;

crate::kode::coded! {
    /// Where an account stands (`account.status`).
    pub enum StatusAkun {
        /// Registered; a verifier has not approved it yet.
        MenungguVerifikasi = "menunggu_verifikasi",
        /// May sign in.
        Aktif = "aktif",
        /// Turned off.
        Nonaktif = "nonaktif",
    }
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

/// A new password: 10–128 characters, any characters (ASVS 5.0 §6.2: length, no composition
/// rules). The server also refuses the most common passwords (`identity::password::is_common`);
/// that list stays off the browser to keep the WASM small.
pub fn check_new_password(password: &str, confirmation: &str) -> Result<(), ErrorCode> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(ErrorCode::PasswordTooShort);
    }
    if length > PASSWORD_MAX {
        return Err(ErrorCode::PasswordTooLong);
    }
    if password != confirmation {
        return Err(ErrorCode::PasswordMismatch);
    }
    Ok(())
}

/// An email address of plausible shape (the one-time code proves it is real).
pub fn parse_email(input: &str) -> Result<String, ErrorCode> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(ErrorCode::EmailRequired);
    }
    let Some((local, host)) = email.split_once('@') else {
        return Err(ErrorCode::EmailFormat);
    };
    let plausible = !local.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !host.contains('@')
        && email.len() <= 254;
    if plausible {
        Ok(email)
    } else {
        Err(ErrorCode::EmailFormat)
    }
}

pub const ALASAN_TOLAK_MIN: usize = 10;
pub const ALASAN_TOLAK_MAX: usize = 500;

/// Why a registration is rejected, as the person reads it in the mail: 10–500 characters.
pub fn parse_alasan_tolak(input: &str) -> Result<String, ErrorCode> {
    let alasan = input.trim();
    if (ALASAN_TOLAK_MIN..=ALASAN_TOLAK_MAX).contains(&alasan.chars().count()) {
        Ok(alasan.to_owned())
    } else {
        Err(ErrorCode::RejectReasonLength)
    }
}

/// The nomor SK CPNS as compared at registration: case, spaces and punctuation ignored, so
/// "813/Kep.12-2010" and "813 KEP 12 2010" are the same decree.
pub fn normalise_sk(input: &str) -> String {
    input.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// The nomor SK CPNS as typed, normalised; it must hold at least one letter or digit.
pub fn parse_sk_cpns(input: &str) -> Result<String, ErrorCode> {
    let sk = normalise_sk(input);
    if sk.is_empty() {
        Err(ErrorCode::SkCpnsRequired)
    } else {
        Ok(sk)
    }
}

/// A six-digit one-time code as typed.
pub fn parse_one_time_code(input: &str) -> Result<String, ErrorCode> {
    let code = input.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code.to_string())
    } else {
        Err(ErrorCode::OneTimeCodeFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules() {
        assert_eq!(check_new_password("rahasia123", "rahasia123"), Ok(()));
        // No composition rule: letters only, or a passphrase with spaces, is fine when long enough.
        assert_eq!(check_new_password("kuda lari kencang", "kuda lari kencang"), Ok(()));
        assert_eq!(check_new_password("rahasia12", "rahasia12"), Err(ErrorCode::PasswordTooShort));
        assert_eq!(check_new_password("rahasia123", "rahasia124"), Err(ErrorCode::PasswordMismatch));
        let long = format!("a1{}", "x".repeat(200));
        assert_eq!(check_new_password(&long, &long), Err(ErrorCode::PasswordTooLong));
    }

    #[test]
    fn email_rules() {
        assert_eq!(parse_email(" Budi@Example.go.id ").unwrap(), "budi@example.go.id");
        assert_eq!(parse_email(""), Err(ErrorCode::EmailRequired));
        assert_eq!(parse_alasan_tolak("  singkat "), Err(ErrorCode::RejectReasonLength));
        assert_eq!(parse_alasan_tolak(" Bukan PNS instansi ini. "), Ok("Bukan PNS instansi ini.".into()));
        assert_eq!(parse_alasan_tolak(&"x".repeat(501)), Err(ErrorCode::RejectReasonLength));
        for bad in ["budi", "budi@", "@x.id", "budi@localhost", "a b@x.id", "a@b@c.id"] {
            assert_eq!(parse_email(bad), Err(ErrorCode::EmailFormat), "{bad}");
        }
    }

    #[test]
    fn sk_numbers_compare_without_case_spaces_or_punctuation() {
        assert_eq!(normalise_sk("813/Kep.12-2010"), normalise_sk(" 813 kep 12 2010 "));
        assert_ne!(normalise_sk("813/Kep.12-2010"), normalise_sk("813/Kep.12-2011"));
        assert_eq!(parse_sk_cpns(" ./- "), Err(ErrorCode::SkCpnsRequired));
        assert_eq!(parse_sk_cpns("SK-1").unwrap(), "SK1");
    }

    #[test]
    fn one_time_code_rules() {
        assert_eq!(parse_one_time_code(" 123456 ").unwrap(), "123456");
        assert_eq!(parse_one_time_code("12345"), Err(ErrorCode::OneTimeCodeFormat));
    }
}
