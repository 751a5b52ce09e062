//! Resources whose data travels from the server's HTML to the browser as JSON decoded from
//! bytes, the way server functions' answers are decoded. Leptos' default codec decodes from a
//! `&str`, so serde_json's decoder for every type a page loads was compiled into the WASM twice
//! (10 KB for the form's record alone; #14). Every resource in the app is made here.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub struct JsonCodec;

impl<T: Serialize> Encoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        from_json(text)
    }
}

/// JSON text decoded as bytes: what the app uses wherever it reads JSON it holds as text
/// (resources, the local draft), so each type's decoder is compiled once.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_slice(text.as_bytes())
}

pub type AppResource<T> = Resource<T, JsonCodec>;

/// `Resource::new` with the codec above.
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> AppResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::JsonCodec;
    use leptos::server::codee::{Decoder, Encoder};

    #[test]
    fn values_survive_the_trip_through_the_page() {
        let value: Result<Vec<String>, u8> = Ok(vec!["Siti".into(), "ñ €".into()]);
        let text = <JsonCodec as Encoder<_>>::encode(&value).unwrap();
        let back: Result<Vec<String>, u8> = <JsonCodec as Decoder<_>>::decode(&text).unwrap();
        assert_eq!(back, value);
    }
}
