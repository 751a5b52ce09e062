//! Mail to the PNS when their ticket needs them again: an officer answered, or solved it.
//! The mail says only that, with the ticket's number and link: the conversation stays behind
//! sign-in (or, for a ticket from registration, behind a new link mailed with the notice), so
//! nothing of it travels by mail.

use mail::Mailer;
use uuid::Uuid;

use crate::store::Helpdesk;

/// Where the notices go out, and the site's address for their links.
#[derive(Clone)]
pub(crate) struct Pos {
    pub mailer: Mailer,
    pub public_url: String,
}

/// What happened to the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Surat {
    Dijawab,
    Diselesaikan,
}

impl Helpdesk {
    /// Notices go out through `mailer`, linking to `public_url`.
    pub fn with_mail(mut self, mailer: Mailer, public_url: String) -> Self {
        self.pos = Some(Pos { mailer, public_url: public_url.trim_end_matches('/').to_owned() });
        self
    }

    /// Tells the ticket's PNS, after the change committed, at the address given when it was
    /// raised (none: nothing is sent). Sent in the background; a failure is only logged.
    pub(crate) async fn tell_pns(&self, id: Uuid, surat: Surat) {
        let Some(pos) = &self.pos else { return };
        let row =
            sqlx::query!("SELECT nomor, email, tamu FROM hds_tiket WHERE id = $1", id).fetch_optional(&self.pool).await;
        let (nomor, email, tamu) = match row {
            Ok(Some(r)) => match r.email {
                Some(email) => (r.nomor, email, r.tamu),
                None => return,
            },
            Ok(None) => return,
            Err(error) => {
                tracing::error!(%error, %id, "reading a ticket's address for its notice failed");
                return;
            }
        };
        let (subject, what) = match surat {
            Surat::Dijawab => ("SIPUPNS: tiket Help Desk Anda dijawab", "mendapat jawaban dari Help Desk"),
            Surat::Diselesaikan => ("SIPUPNS: tiket Help Desk Anda diselesaikan", "sudah diselesaikan oleh Help Desk"),
        };
        let body = if tamu {
            match crate::tamu::new_link(&self.pool, id).await {
                Ok(link) => format!(
                    "Tiket {nomor} {what}.\nBaca dan tanggapi di {}\n\nPesan ini dikirim otomatis. Jangan bagikan tautan ini.",
                    self.link_url(&link)
                ),
                Err(error) => {
                    tracing::error!(%error, %id, "making a guest ticket's link failed");
                    return;
                }
            }
        } else {
            format!(
                "Tiket {nomor} {what}.\nBaca dan tanggapi di {}/pns/bantuan/{id}\n\n\
                 Pesan ini dikirim otomatis. Isi percakapan hanya dapat dibaca setelah masuk ke SIPUPNS.",
                pos.public_url
            )
        };
        pos.mailer.send_in_background(email, subject, body);
    }

    /// Sends `body` to `to` in the background when mail is set up.
    pub(crate) fn mail(&self, to: String, subject: &'static str, body: String) {
        if let Some(pos) = &self.pos {
            pos.mailer.send_in_background(to, subject, body);
        }
    }
}
