//! The service's handle.

use sqlx::PgPool;

#[derive(Clone)]
pub struct Verification {
    pub(crate) pool: PgPool,
    /// Proposals are personnel's: sending, passing, returning and finalising go through it.
    pub(crate) personnel: personnel::Personnel,
    pub(crate) reference: reference::Reference,
}

impl Verification {
    pub fn new(pool: PgPool, personnel: personnel::Personnel, reference: reference::Reference) -> Self {
        Verification { pool, personnel, reference }
    }
}

/// How long opening a submission holds it for one verifier (renewed while the page is open).
pub const KLAIM_MENIT: i64 = 15;
