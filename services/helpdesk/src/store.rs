//! The service's handle.

use sqlx::PgPool;

#[derive(Clone)]
pub struct Helpdesk {
    pub(crate) pool: PgPool,
    /// Instansi (kind, region, province) and office names for routing and display.
    pub(crate) reference: reference::Reference,
}

impl Helpdesk {
    pub fn new(pool: PgPool, reference: reference::Reference) -> Self {
        Helpdesk { pool, reference }
    }
}
