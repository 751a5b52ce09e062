//! The release: one id for this build's front-end files, and the list of them that the
//! verifier's service worker keeps for offline work (`/sw/aset.json`, `public/sw.js`).
//! The id travels in every answer's `X-Sipupns-Build` header and in each page's
//! `<meta name="sipupns-build">`, so a page, its worker and its files can tell whether they
//! belong to the same release: a page never runs its HTML with another release's WASM.

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// What `/sw/aset.json` answers.
#[derive(Debug, Clone, Serialize)]
pub struct Rilis {
    pub build: String,
    /// Every file of the front end, as paths of this site: the WASM (split chunks included:
    /// the split loader fetches them by name), the JS, the CSS, the icons and the worker's
    /// page side.
    pub aset: Vec<String>,
}

/// The icons the pages link to, kept offline with the rest.
const ICONS: [&str; 2] = ["/favicon.svg", "/favicon.ico"];

impl Rilis {
    /// Reads the built site. The id is `given` (`--build-id`) or a digest of every file's
    /// name and content: a rebuild that changed nothing keeps its id.
    pub fn read(site_root: &Path, pkg_dir: &str, given: Option<&str>) -> std::io::Result<Rilis> {
        let pkg = site_root.join(pkg_dir);
        let mut files: Vec<String> = match std::fs::read_dir(&pkg) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                // The precompressed twins are the same file to a browser.
                .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz"))
                .collect(),
            // A server started without a built front end (tests) has nothing to keep.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => return Err(error),
        };
        files.sort();
        let build = match given {
            Some(id) => id.to_owned(),
            None => {
                let mut digest = Sha256::new();
                for name in &files {
                    digest.update(name.as_bytes());
                    digest.update([0]);
                    digest.update(std::fs::read(pkg.join(name))?);
                }
                digest.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
            }
        };
        let prefix = format!("/{}", pkg_dir.trim_matches('/'));
        let page_script = format!("{}?build={build}", app::rilis::PAGE_SCRIPT);
        let aset = files
            .iter()
            .map(|name| format!("{prefix}/{name}"))
            .chain(ICONS.map(str::to_owned))
            .chain([page_script])
            .collect();
        Ok(Rilis { build, aset })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_follows_the_files_and_the_list_skips_compressed_twins() {
        let dir = std::env::temp_dir().join(format!("sipupns-rilis-{}", std::process::id()));
        let pkg = dir.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("sipupns.wasm"), b"one").unwrap();
        std::fs::write(pkg.join("sipupns.wasm.br"), b"x").unwrap();
        std::fs::write(pkg.join("sipupns.js"), b"js").unwrap();
        let first = Rilis::read(&dir, "pkg", None).unwrap();
        let page_script = format!("/sw/daftar.js?build={}", first.build);
        assert_eq!(first.aset, ["/pkg/sipupns.js", "/pkg/sipupns.wasm", "/favicon.svg", "/favicon.ico", &page_script]);
        assert_eq!(first.build, Rilis::read(&dir, "pkg", None).unwrap().build);
        std::fs::write(pkg.join("sipupns.wasm"), b"two").unwrap();
        assert_ne!(first.build, Rilis::read(&dir, "pkg", None).unwrap().build);
        assert_eq!(Rilis::read(&dir, "pkg", Some("B2")).unwrap().build, "B2");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(Rilis::read(&dir, "pkg", None).unwrap().aset.len(), ICONS.len() + 1);
    }
}
