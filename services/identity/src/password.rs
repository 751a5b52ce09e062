//! argon2id password hashing. Hashing is deliberately slow, so callers run it off the
//! async threads (`spawn_blocking`).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use domain::ErrorCode;

/// argon2id with the crate's defaults (19 MiB, 2 passes), in PHC string form.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters cannot fail")
        .to_string()
}

pub fn verify(phc: &str, password: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A valid hash of a random password: verifying against it costs the same as a real
/// account, so an unknown NIP cannot be told apart by timing.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("dummy-password-never-matches-8f3a"))
}

pub async fn verify_async(phc: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || verify(&phc, &password)).await.unwrap_or(false)
}

pub async fn hash_async(password: String) -> String {
    tokio::task::spawn_blocking(move || hash(&password)).await.expect("hashing task panicked")
}

/// Whether the password is one of the 10,000 most common ones (`data/common-passwords.txt`),
/// ignoring case.
pub fn is_common(password: &str) -> bool {
    static COMMON: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    let common = COMMON.get_or_init(|| include_str!("../data/common-passwords.txt").lines().collect());
    common.contains(password.to_lowercase().as_str())
}

/// A password someone chose (registration, reset): `domain::account::check_new_password`'s
/// length and confirmation rules, which the browser applies too, and then the common-password
/// list, which stays on the server.
pub fn check_new(password: &str, confirmation: &str) -> Result<(), ErrorCode> {
    domain::account::check_new_password(password, confirmation)?;
    if is_common(password) {
        return Err(ErrorCode::PasswordCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash("rahasia123");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&h, "rahasia123"));
        assert!(!verify(&h, "rahasia124"));
        assert!(!verify("not a hash", "x"));
    }

    #[test]
    fn the_most_common_passwords_are_known_in_any_case() {
        for common in ["1234567890", "qwertyuiop", "Password123", "1q2w3e4r5t"] {
            assert!(is_common(common), "{common}");
        }
        assert!(!is_common("kuda lari kencang di sawah"));
    }
}
