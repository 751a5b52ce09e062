//! HDS tickets, messages, assignments and SLA data (filled by the helpdesk issue).
//! Wired into the server now so later issues only add behaviour, not plumbing.

use sqlx::PgPool;

/// The service handle the server keeps in its state.
#[derive(Clone)]
pub struct Service {
    #[allow(dead_code)] // used once the service owns tables
    pool: PgPool,
}

impl Service {
    pub fn new(pool: PgPool) -> Self {
        Service { pool }
    }
}
