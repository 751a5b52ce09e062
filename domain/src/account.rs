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

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// A new password: 8–128 characters with at least one letter and one digit.
pub fn check_new_password(password: &str, confirmation: &str) -> Result<(), ErrorCode> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(ErrorCode::PasswordTooShort);
    }
    if length > PASSWORD_MAX {
        return Err(ErrorCode::PasswordTooLong);
    }
    if !password.chars().any(char::is_alphabetic) || !password.chars().any(|c| c.is_ascii_digit()) {
        return Err(ErrorCode::PasswordTooWeak);
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
        assert_eq!(check_new_password("rahasia1", "rahasia1"), Ok(()));
        assert_eq!(check_new_password("abc1", "abc1"), Err(ErrorCode::PasswordTooShort));
        assert_eq!(check_new_password("abcdefghij", "abcdefghij"), Err(ErrorCode::PasswordTooWeak));
        assert_eq!(check_new_password("12345678", "12345678"), Err(ErrorCode::PasswordTooWeak));
        assert_eq!(check_new_password("rahasia1", "rahasia2"), Err(ErrorCode::PasswordMismatch));
        let long = format!("a1{}", "x".repeat(200));
        assert_eq!(check_new_password(&long, &long), Err(ErrorCode::PasswordTooLong));
    }

    #[test]
    fn email_rules() {
        assert_eq!(parse_email(" Budi@Example.go.id ").unwrap(), "budi@example.go.id");
        assert_eq!(parse_email(""), Err(ErrorCode::EmailRequired));
        for bad in ["budi", "budi@", "@x.id", "budi@localhost", "a b@x.id", "a@b@c.id"] {
            assert_eq!(parse_email(bad), Err(ErrorCode::EmailFormat), "{bad}");
        }
    }

    #[test]
    fn one_time_code_rules() {
        assert_eq!(parse_one_time_code(" 123456 ").unwrap(), "123456");
        assert_eq!(parse_one_time_code("12345"), Err(ErrorCode::OneTimeCodeFormat));
    }
}
