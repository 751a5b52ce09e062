//! Supporting documents: what may be uploaded (PDF, JPEG, PNG scans up to 5 MB), recognised
//! by their first bytes rather than by the name or the browser's claim.

use serde::{Deserialize, Serialize};

use super::Bagian;
use crate::ErrorCode;

/// Largest document accepted.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most documents one PNS may keep.
pub const MAX_PER_PNS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dokumen {
    pub id: String,
    pub bagian: Bagian,
    /// The entry's id, in a list section.
    pub entri: Option<String>,
    pub nama_file: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub jenis: String,
    pub ukuran: i64,
}

/// The document's type from its first bytes.
pub fn sniff(bytes: &[u8]) -> Result<&'static str, ErrorCode> {
    if bytes.is_empty() {
        return Err(ErrorCode::DocumentEmpty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ErrorCode::DocumentTooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else {
        Err(ErrorCode::DocumentType)
    }
}

/// A file name safe to store and to send back: no folders, no control characters, at most
/// 200 characters.
pub fn clean_file_name(name: &str) -> Result<String, ErrorCode> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect();
    let clean = clean.trim().to_owned();
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        return Err(ErrorCode::BadRequest);
    }
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Ok("application/pdf"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Ok("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(sniff(b"MZ\x90\x00 an exe named scan.pdf"), Err(ErrorCode::DocumentType));
        assert_eq!(sniff(b"<html>"), Err(ErrorCode::DocumentType));
        assert_eq!(sniff(b""), Err(ErrorCode::DocumentEmpty));
        assert_eq!(sniff(&vec![b'%'; MAX_BYTES + 1]), Err(ErrorCode::DocumentTooLarge));
    }

    #[test]
    fn file_names_lose_their_folders() {
        assert_eq!(clean_file_name("C:\\Users\\siti\\SK CPNS.pdf").unwrap(), "SK CPNS.pdf");
        assert_eq!(clean_file_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(clean_file_name("ijazah\n\"s1\".jpg").unwrap(), "ijazahs1.jpg");
        assert!(clean_file_name("..").is_err());
        assert!(clean_file_name("").is_err());
    }
}
