//! The release a page belongs to. The server names it in every answer's `X-Sipupns-Build`
//! header and in the page's `<meta name="sipupns-build">`; on the verifier's pages,
//! `public/sw-daftar.js` (loaded by the shell) registers the service worker of that release
//! (`public/sw.js`), which keeps the release's files and the offline page for work without a
//! network.

pub const BUILD_HEADER: &str = "x-sipupns-build";
pub const BUILD_META: &str = "sipupns-build";

/// The release's id, handed to the page shell by the server (context).
#[derive(Debug, Clone)]
pub struct BuildId(pub String);

/// The page side of the worker, served with the release in its URL (`?build=`).
pub const PAGE_SCRIPT: &str = "/sw/daftar.js";
