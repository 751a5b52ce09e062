//! The printable receipt (PDF) of a ticket: its number, when and by whom it was raised, the
//! category, who answers it, and the description. For the PNS who raised it and the officers
//! who reach it (an officer's read is audited like opening the ticket).

use access::{CurrentUser, ServiceError};
use domain::hds::TiketDetail;
use domain::{Lang, Role};
use uuid::Uuid;

use crate::store::Helpdesk;
use crate::tiket::Pemohon;

/// A receipt ready to download.
pub struct BuktiPdf {
    pub file_name: String,
    pub pdf: Vec<u8>,
}

impl Helpdesk {
    /// The receipt of ticket `id` for `user`: their own ticket (a PNS), or one within reach
    /// (an officer); "not found" otherwise.
    pub async fn receipt(&self, user: &CurrentUser, id: Uuid, ip: &str) -> Result<BuktiPdf, ServiceError> {
        let detail = if user.active.role == Role::Pns {
            self.own_ticket(&Pemohon::of(user)?, id).await?
        } else {
            self.open_as_officer(user, id, ip).await?
        };
        Ok(BuktiPdf { file_name: format!("tiket-{}.pdf", detail.ringkas.nomor), pdf: render(&detail) })
    }
}

fn render(d: &TiketDetail) -> Vec<u8> {
    let r = &d.ringkas;
    documents::Document::new("TANDA TERIMA TIKET HELP DESK")
        .subtitle("Pendataan Ulang PNS - Badan Kepegawaian Negara")
        .row("Nomor tiket", &r.nomor)
        .row("Tanggal", format!("{} WIB", r.dibuat))
        .row("NIP", &r.nip)
        .row("Nama", &r.nama)
        .row("Kategori", format!("{} - {}", r.kategori.code(), r.kategori.nama(Lang::Id)))
        .row("Subjek", &r.subjek)
        .row("Dijawab oleh", &d.penerima)
        .row("Status", r.status.nama(Lang::Id))
        .space()
        .heading("Uraian")
        .paragraph(&d.uraian)
        .footer("Sebutkan nomor tiket ini bila menghubungi Help Desk. Quote this ticket number when contacting the help desk.")
        .to_pdf()
}
