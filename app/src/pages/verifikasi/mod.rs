//! The verifiers' pages: the queue of proposals at their level (`antrian`) and the review of
//! one proposal, field by field (`tinjauan`), and for L2 and up the offline checkouts in
//! their scope (`pinjaman`).

pub mod antrian;
pub mod bawa;
pub mod luring;
pub mod pinjaman;
pub mod tinjauan;
