//! Help-desk tickets from registration (`daftar/bantuan/*`): public, for someone whose
//! masked name or instansi is wrong and who therefore has no account. The request is tied to
//! the NIP and an email confirmed by a mailed code; the ticket is then opened through links
//! mailed to that address (`tautan`). Rate-limited in identity (the look-up) and helpdesk.
//!
//! Their answers are types of their own, with texts already in the page's language, so the
//! pages calling them (`pages::tamu`) share no decoding code with the signed-in pages (#14).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

/// One choice of the guest's form: its code and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PilihanTamu {
    pub kode: String,
    pub nama: String,
}

/// What the guest's form offers: the categories registration can report, and (for B) every
/// instansi by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PilihanFormTamu {
    pub kategori: Vec<PilihanTamu>,
    pub instansi: Vec<PilihanTamu>,
}

/// A guest's ticket as the page a mailed link opens shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TiketTamuView {
    pub nomor: String,
    pub kategori: String,
    pub status_kode: String,
    pub status: String,
    pub penerima: String,
    pub dibuat: String,
    pub subjek: String,
    pub uraian: String,
    /// The newest message's id (0: none): a reply is checked against it.
    pub terakhir: i64,
    /// Not closed: the guest may still answer.
    pub terbuka: bool,
    pub pesan: Vec<PesanTamuView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PesanTamuView {
    pub dari_pns: bool,
    pub nama: String,
    pub waktu: String,
    pub isi: String,
}

#[server(endpoint = "daftar/bantuan/pilihan")]
pub async fn guest_choices() -> Result<PilihanFormTamu, AppError> {
    use crate::auth::state;

    let lang = crate::i18n::request_lang();
    let kategori = domain::hds::Kategori::FROM_REGISTRATION
        .iter()
        .map(|k| PilihanTamu { kode: k.code().into(), nama: format!("{} — {}", k.code(), k.nama(lang)) })
        .collect();
    // Agency names only: public.
    let all = state()?.reference.all_instansi().await.map_err(crate::auth::internal)?;
    let instansi = all.into_iter().map(|i| PilihanTamu { kode: i.id.to_string(), nama: i.nama }).collect();
    Ok(PilihanFormTamu { kategori, instansi })
}

/// Checks the request and mails the one-time code. Returns the request's id.
#[server(endpoint = "daftar/bantuan/kode")]
pub async fn ask_guest_code(
    nip: String,
    email: String,
    kategori: String,
    subjek: String,
    uraian: String,
    instansi_tujuan: Option<String>,
) -> Result<Uuid, AppError> {
    use crate::auth::{refuse, request_auth, state};
    use domain::ErrorCode;

    let (state, ip) = (state()?, request_auth().ip);
    // As registration's look-up: a known NIP without an account, under the same limit.
    state.identity.lookup_nip(&nip, &ip).await?;
    let kategori = domain::hds::Kategori::from_code(&kategori).ok_or_else(|| refuse(ErrorCode::TicketCategoryWrong))?;
    let instansi_tujuan = match instansi_tujuan.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(text.parse().map_err(|_| refuse(ErrorCode::TicketDestinationRequired))?),
        None => None,
    };
    let minta = helpdesk::PermintaanTamu { nip, email, kategori, subjek, uraian, instansi_tujuan };
    Ok(state.helpdesk.ask_guest_code(&state.personnel, &minta, &ip).await?)
}

/// The mailed code: the request becomes a ticket. Returns its number.
#[server(endpoint = "daftar/bantuan/kirim")]
pub async fn confirm_guest(permintaan: Uuid, kode: String) -> Result<String, AppError> {
    use crate::auth::state;

    let state = state()?;
    Ok(state.helpdesk.confirm_guest(&state.personnel, permintaan, &kode).await?.nomor)
}

/// The ticket a mailed link opens.
#[server(endpoint = "daftar/bantuan/tiket")]
pub async fn guest_ticket(tautan: String) -> Result<TiketTamuView, AppError> {
    use crate::auth::state;
    use domain::hds::{Dari, StatusTiket};

    let lang = crate::i18n::request_lang();
    let d = state()?.helpdesk.guest_ticket(&tautan).await?;
    let r = d.ringkas;
    Ok(TiketTamuView {
        nomor: r.nomor,
        kategori: format!("{} — {}", r.kategori.code(), r.kategori.nama(lang)),
        status_kode: r.status.code().into(),
        status: r.status.nama(lang).into(),
        penerima: d.penerima,
        dibuat: r.dibuat,
        subjek: r.subjek,
        uraian: d.uraian,
        terakhir: d.pesan.last().map_or(0, |p| p.id),
        terbuka: r.status != StatusTiket::Ditutup,
        pesan: d
            .pesan
            .into_iter()
            .map(|p| PesanTamuView { dari_pns: p.dari == Dari::Pns, nama: p.nama, waktu: p.waktu, isi: p.isi })
            .collect(),
    })
}

/// The guest answers; returns the ticket as it now is.
#[server(endpoint = "daftar/bantuan/balas")]
pub async fn reply_as_guest(tautan: String, isi: String, terakhir: Option<i64>) -> Result<TiketTamuView, AppError> {
    use crate::auth::state;

    state()?.helpdesk.reply_as_guest(&tautan, &isi, terakhir).await?;
    guest_ticket(tautan).await
}
