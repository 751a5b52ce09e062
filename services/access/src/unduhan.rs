//! How an uploaded file goes back to a reader the service has authorised (personnel's
//! documents, the help desk's attachments): always as a download of the type found in its
//! content, never sniffed by the browser, never kept by a cache.

use axum::http::header;
use axum::response::{IntoResponse, Response};

pub fn download(nama_file: &str, jenis: String, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", nama_file.replace(|c: char| !c.is_ascii(), "_"));
    (
        [
            (header::CONTENT_TYPE, jenis),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
