//! Uploaded files kept by the SHA-256 of their content under a service's own folder
//! (`<dir>/ab/abcdef…`): personnel's supporting documents, the help desk's ticket
//! attachments. The same bytes are stored once; a file is written under a temporary name and
//! renamed, so a reader never sees half of one. Which rows refer to a file, and when it may
//! go, is the owning service's business.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

#[derive(Debug, Clone)]
pub struct Berkas {
    dir: PathBuf,
}

impl Berkas {
    pub fn new(dir: PathBuf) -> Berkas {
        Berkas { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The content's SHA-256 in lower-case hex: the file's name.
    pub fn sha256(bytes: &[u8]) -> String {
        Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Where the file with this hash lives.
    pub fn path(&self, sha256: &str) -> PathBuf {
        self.dir.join(&sha256[..2]).join(sha256)
    }

    /// Writes the bytes under their hash unless that file exists already.
    pub async fn write_once(&self, sha256: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.path(sha256);
        if tokio::fs::try_exists(&path).await? {
            return Ok(());
        }
        let dir = path.parent().expect("a hash folder");
        tokio::fs::create_dir_all(dir).await?;
        let temporary = dir.join(format!(".{sha256}.{}", uuid::Uuid::new_v4()));
        tokio::fs::write(&temporary, bytes).await?;
        tokio::fs::rename(&temporary, &path).await
    }
}

#[cfg(test)]
mod tests {
    use super::Berkas;

    #[tokio::test]
    async fn the_same_bytes_are_kept_once_under_their_hash() {
        let dir = std::env::temp_dir().join(format!("sipupns-berkas-{}", uuid::Uuid::new_v4()));
        let berkas = Berkas::new(dir.clone());
        let sha = Berkas::sha256(b"%PDF-1.4 isi");
        assert_eq!(sha.len(), 64);
        berkas.write_once(&sha, b"%PDF-1.4 isi").await.unwrap();
        berkas.write_once(&sha, b"%PDF-1.4 isi").await.unwrap();
        assert_eq!(std::fs::read(berkas.path(&sha)).unwrap(), b"%PDF-1.4 isi");
        assert_eq!(std::fs::read_dir(dir.join(&sha[..2])).unwrap().count(), 1, "no temporary file left");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
