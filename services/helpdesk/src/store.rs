//! The service's handle.

use sqlx::PgPool;

#[derive(Clone)]
pub struct Helpdesk {
    pub(crate) pool: PgPool,
    /// Instansi (kind, region, province) and office names for routing and display.
    pub(crate) reference: reference::Reference,
    /// Mail notices to the PNS (`with_mail`); none in tests that do not ask for them.
    pub(crate) pos: Option<crate::surat::Pos>,
}

impl Helpdesk {
    pub fn new(pool: PgPool, reference: reference::Reference) -> Self {
        Helpdesk { pool, reference, pos: None }
    }
}
