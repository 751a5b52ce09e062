//! The verifier's offline work: submissions taken offline (with their review data) and the
//! decisions made on them while offline, waiting to be sent. Everything personal lives only
//! in IndexedDB (`simpan`), never in the HTTP cache. Each waiting decision keeps the exact
//! request it will send, key included, so a resend is the same request and the server applies
//! it once.

use domain::verifikasi::Putusan;
use domain::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::api::verifikasi::TinjauanView;

#[cfg(feature = "hydrate")]
pub mod simpan;
#[cfg(feature = "hydrate")]
mod sinkron;

/// Queues a decision made offline.
pub async fn antrekan(akun: &str, putusan: Putusan) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let s = simpan::Simpanan::buka().await?;
        let result = s.antrekan(akun, putusan).await.map(|_| ());
        s.tutup();
        result
    }
    #[cfg(not(feature = "hydrate"))]
    server_build((akun, putusan))
}

/// Keeps a submission taken offline.
pub async fn simpan_usulan(usulan: UsulanLuring) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let s = simpan::Simpanan::buka().await?;
        let result = s.simpan_usulan(&usulan).await;
        s.tutup();
        result
    }
    #[cfg(not(feature = "hydrate"))]
    server_build(usulan)
}

/// `akun`'s submissions offline and waiting decisions (oldest first).
pub async fn isi(akun: &str) -> Result<(Vec<UsulanLuring>, Vec<PutusanTertunda>), ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let s = simpan::Simpanan::buka().await?;
        let usulan = s.daftar_usulan(akun).await;
        let putusan = s.tertunda().await;
        s.tutup();
        let mut putusan = putusan?;
        putusan.retain(|p| p.akun == akun);
        Ok((usulan?, putusan))
    }
    #[cfg(not(feature = "hydrate"))]
    server_build(akun)
}

/// Forgets a submission and its waiting decision (landed, or discarded by the verifier).
pub async fn lupakan(item: &str) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let s = simpan::Simpanan::buka().await?;
        let result = s.lupakan(item).await;
        s.tutup();
        result
    }
    #[cfg(not(feature = "hydrate"))]
    server_build(item)
}

/// Downloads a document of a submission taken offline and keeps it in the browser. A
/// document removed meanwhile is skipped (its link then asks the server).
pub async fn bawa_dokumen(item: &str, dokumen: &domain::form::Dokumen) -> Result<(), ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let Some(berkas) = unduh(&dokumen.id).await? else { return Ok(()) };
        let s = simpan::Simpanan::buka().await?;
        let result = s.simpan_dokumen(item, &dokumen.id, &berkas).await;
        s.tutup();
        result
    }
    #[cfg(not(feature = "hydrate"))]
    server_build((item, dokumen))
}

/// The documents kept for `item`, as (document id, a `blob:` URL for the page's links),
/// freed with `lepas_berkas`.
pub async fn berkas(item: &str) -> Result<Vec<(String, String)>, ErrorCode> {
    #[cfg(feature = "hydrate")]
    {
        let s = simpan::Simpanan::buka().await?;
        let result = s.berkas(item).await;
        s.tutup();
        Ok(result?
            .into_iter()
            .filter_map(|(id, blob)| web_sys::Url::create_object_url_with_blob(&blob).ok().map(|url| (id, url)))
            .collect())
    }
    #[cfg(not(feature = "hydrate"))]
    server_build(item)
}

/// Frees the `blob:` URLs of `berkas` once the review is closed.
pub fn lepas_berkas(urls: impl IntoIterator<Item = String>) {
    #[cfg(feature = "hydrate")]
    for url in urls {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(feature = "hydrate"))]
    drop(urls);
}

/// Sends `akun`'s waiting decisions; answers how many landed.
pub async fn kirim(akun: &str) -> Result<usize, ErrorCode> {
    #[cfg(feature = "hydrate")]
    return sinkron::kirim(akun).await.map(|r| r.terkirim);
    #[cfg(not(feature = "hydrate"))]
    server_build(akun)
}

/// A document's file as the server sends it (`None`: removed meanwhile). The bytes stay a
/// JavaScript `Blob`, never copied into the WASM's memory.
#[cfg(feature = "hydrate")]
async fn unduh(id: &str) -> Result<Option<web_sys::Blob>, ErrorCode> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let answer = JsFuture::from(leptos::prelude::window().fetch_with_str(&format!("/api/pns/dokumen/{id}")))
        .await
        .map_err(|_| ErrorCode::Offline)?;
    let answer: web_sys::Response = answer.dyn_into().map_err(|_| ErrorCode::Internal)?;
    match answer.status() {
        200 => {}
        404 => return Ok(None),
        401 => return Err(ErrorCode::SessionExpired),
        _ => return Err(ErrorCode::Internal),
    }
    let blob = answer.blob().map_err(|_| ErrorCode::Internal)?;
    let blob = JsFuture::from(blob).await.map_err(|_| ErrorCode::Offline)?;
    blob.dyn_into().map(Some).map_err(|_| ErrorCode::Internal)
}

/// The server renders the offline pages empty; their work happens in the browser only.
#[cfg(not(feature = "hydrate"))]
fn server_build<T, A>(_: A) -> Result<T, ErrorCode> {
    Err(ErrorCode::Internal)
}

/// A submission taken offline: the checkout and what its review page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsulanLuring {
    pub item: String,
    pub pinjam: String,
    /// When the checkout ends (WIB, as the server wrote it).
    pub sampai: String,
    /// The login of the verifier who took it: another account signing in on this browser
    /// neither sees nor sends it.
    pub akun: String,
    /// The review data as the server wrote it (`TinjauanView` as JSON), kept as text.
    pub tinjauan: String,
}

impl UsulanLuring {
    pub fn tinjauan(&self) -> Option<TinjauanView> {
        crate::resource::from_json(&self.tinjauan).ok()
    }
}

/// Where a waiting decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "jenis", content = "kode")]
pub enum StatusTertunda {
    /// Not sent yet, or sending failed for want of a network: it goes again.
    Menunggu,
    /// The server refused it because the submission changed meanwhile (decided by someone
    /// else, released, held by another): the verifier resolves it.
    Konflik(ErrorCode),
    /// Refused for another reason; shown, kept until the verifier discards it.
    Galat(ErrorCode),
    /// The session ended: it waits for the same verifier to sign in again.
    PerluMasuk,
}

/// A decision made offline, waiting to be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutusanTertunda {
    /// The decision's idempotency key (`putusan.kunci`), also the record's key.
    pub kunci: String,
    /// Order of making: decisions are sent oldest first.
    pub urutan: f64,
    pub akun: String,
    pub item: String,
    pub putusan: Putusan,
    pub status: StatusTertunda,
    /// When it was made (milliseconds since the epoch).
    pub dibuat: f64,
}

impl StatusTertunda {
    /// What an answer to sending a decision makes of it; `None` means it landed.
    pub fn after(answer: Result<(), ErrorCode>) -> Option<StatusTertunda> {
        match answer {
            Ok(()) => None,
            Err(code @ (ErrorCode::AlreadyDecided | ErrorCode::ClaimedByOther | ErrorCode::CheckoutReleased)) => {
                Some(StatusTertunda::Konflik(code))
            }
            Err(ErrorCode::NotSignedIn | ErrorCode::SessionExpired) => Some(StatusTertunda::PerluMasuk),
            Err(ErrorCode::Offline | ErrorCode::Internal | ErrorCode::TooManyRequests) => {
                Some(StatusTertunda::Menunggu)
            }
            Err(code) => Some(StatusTertunda::Galat(code)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_sort_into_landed_conflict_retry_sign_in_and_error() {
        assert_eq!(StatusTertunda::after(Ok(())), None);
        for code in [ErrorCode::AlreadyDecided, ErrorCode::ClaimedByOther, ErrorCode::CheckoutReleased] {
            assert_eq!(StatusTertunda::after(Err(code)), Some(StatusTertunda::Konflik(code)));
        }
        assert_eq!(StatusTertunda::after(Err(ErrorCode::SessionExpired)), Some(StatusTertunda::PerluMasuk));
        assert_eq!(StatusTertunda::after(Err(ErrorCode::Offline)), Some(StatusTertunda::Menunggu));
        assert_eq!(StatusTertunda::after(Err(ErrorCode::KeyReused)), Some(StatusTertunda::Galat(ErrorCode::KeyReused)));
    }
}
