//! Random tokens for cookies and links. Only their SHA-256 is stored, so a stolen
//! database does not hand out live sessions.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Six digits for emailed one-time codes.
pub fn new_numeric_code() -> String {
    format!("{:06}", rand::random::<u32>() % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_digests_fixed_length() {
        assert_ne!(new_token(), new_token());
        assert_eq!(digest("x").len(), 32);
        assert_eq!(new_numeric_code().len(), 6);
    }
}
