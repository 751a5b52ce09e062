//! The service's handle.

use sqlx::PgPool;

#[derive(Clone)]
pub struct Helpdesk {
    pub(crate) pool: PgPool,
    /// Instansi (kind, region, province) and office names for routing and display.
    pub(crate) reference: reference::Reference,
    /// Mail notices to the PNS (`with_mail`); none in tests that do not ask for them.
    pub(crate) pos: Option<crate::surat::Pos>,
    /// Ticket requests from registration allowed per address in an hour (`with_guest_limit`).
    pub(crate) tamu_per_ip: i64,
    /// Ticket attachments' files (`with_file_dir`).
    pub(crate) berkas: documents::Berkas,
}

impl Helpdesk {
    pub fn new(pool: PgPool, reference: reference::Reference) -> Self {
        let berkas = documents::Berkas::new(std::env::temp_dir().join("sipupns-hds-lampiran"));
        Helpdesk { pool, reference, pos: None, tamu_per_ip: crate::tamu::MAX_PER_IP, berkas }
    }

    /// At most `per_ip` ticket requests from registration per address in an hour (an office
    /// behind one address may need more than the default).
    pub fn with_guest_limit(mut self, per_ip: u32) -> Self {
        self.tamu_per_ip = i64::from(per_ip);
        self
    }
}
