//! Help-desk tickets from registration (`daftar/bantuan/*`): public, for someone whose
//! masked name or instansi is wrong and who therefore has no account. The request is tied to
//! the NIP and an email confirmed by a mailed code; the ticket is then opened through links
//! mailed to that address (`tautan`). Rate-limited in identity (the look-up) and helpdesk.

use domain::hds::{Pesan, TiketDetail};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api::hds::InstansiView;
use crate::error::AppError;

/// Checks the request and mails the one-time code. Returns the request's id.
#[server(endpoint = "daftar/bantuan/kode")]
pub async fn ask_guest_code(
    nip: String,
    email: String,
    kategori: String,
    subjek: String,
    uraian: String,
    #[server(default)] instansi_tujuan: Option<String>,
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
pub async fn guest_ticket(tautan: String) -> Result<TiketDetail, AppError> {
    use crate::auth::state;

    Ok(state()?.helpdesk.guest_ticket(&tautan).await?)
}

#[server(endpoint = "daftar/bantuan/balas")]
pub async fn reply_as_guest(tautan: String, isi: String, terakhir: Option<i64>) -> Result<Pesan, AppError> {
    use crate::auth::state;

    Ok(state()?.helpdesk.reply_as_guest(&tautan, &isi, terakhir).await?)
}

/// Every instansi by name, for "the instansi I moved to" (B). Public: agency names only.
#[server(endpoint = "daftar/bantuan/instansi")]
pub async fn guest_instansi_choices() -> Result<Vec<InstansiView>, AppError> {
    use crate::auth::state;

    let all = state()?.reference.all_instansi().await.map_err(crate::auth::internal)?;
    Ok(all.into_iter().map(|i| InstansiView { id: i.id.to_string(), nama: i.nama }).collect())
}
