//! Files sent from the browser as the body of a plain POST (gloo-net's `fetch`): the form's
//! supporting documents and the help desk's attachments. The server checks each again (size
//! before reading, type by content); this side only saves a pointless upload. The server
//! build gets stand-ins: these run after user input, which the server never sees.

use domain::ErrorCode;

#[cfg(feature = "hydrate")]
pub type BrowserFile = web_sys::File;
#[cfg(not(feature = "hydrate"))]
pub type BrowserFile = ();

/// The file chosen in the event's `<input type=file>`; the input is cleared so the same file
/// can be chosen again after a failure.
pub fn first_file(ev: &leptos::ev::Event) -> Option<BrowserFile> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
        let file = input.files()?.get(0);
        input.set_value("");
        file
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The chosen file's size, refused here when over `max` bytes.
pub fn check_size(file: &BrowserFile, max: usize) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    let size = file.size();
    #[cfg(not(feature = "hydrate"))]
    let size = {
        let _ = file;
        0.0
    };
    if size > max as f64 {
        Err(ErrorCode::DocumentTooLarge)
    } else {
        Ok(())
    }
}

/// Whole KB, rounded up.
pub fn kilobytes(bytes: i64) -> i64 {
    (bytes + 1023) / 1024
}

/// `POST url?nama=<file name>&…` with the file as the body (the browser sets its type); the
/// answer decoded, or the error code to show.
pub async fn post_file<T: serde::de::DeserializeOwned>(
    url: &str,
    mut query: Vec<(&'static str, String)>,
    file: BrowserFile,
) -> Result<T, ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        query.push(("nama", file.name()));
        let text = fetch(gloo_net::http::Request::post(url).query(query).body(file)).await?;
        serde_json::from_str(&text).map_err(|_| ErrorCode::Internal)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (url, &mut query, file);
        Err(ErrorCode::Internal)
    }
}

/// `DELETE url`.
pub async fn delete(url: &str) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    return fetch(gloo_net::http::Request::delete(url).build()).await.map(|_| ());
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = url;
        Err(ErrorCode::Internal)
    }
}

/// Sends the request: a success's body, or the error code to show. A request that gets no
/// answer at all is `Internal`.
#[cfg(feature = "hydrate")]
async fn fetch(request: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<String, ErrorCode> {
    let response = request.map_err(|_| ErrorCode::Internal)?.send().await.map_err(|_| ErrorCode::Internal)?;
    let text = response.text().await.unwrap_or_default();
    if (200..300).contains(&response.status()) {
        Ok(text)
    } else {
        // The server's error code, or one made from the status.
        Err(serde_json::from_str::<ErrorCode>(&text).unwrap_or(match response.status() {
            413 => ErrorCode::DocumentTooLarge,
            401 => ErrorCode::SessionExpired,
            _ => ErrorCode::Internal,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::kilobytes;

    #[test]
    fn sizes_round_up_to_whole_kilobytes() {
        assert_eq!(kilobytes(0), 0);
        assert_eq!(kilobytes(1), 1);
        assert_eq!(kilobytes(1024), 1);
        assert_eq!(kilobytes(1025), 2);
        assert_eq!(kilobytes(2 * 1024 * 1024), 2048);
    }
}
