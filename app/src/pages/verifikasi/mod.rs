//! The verifiers' pages: the queue of proposals at their level (`antrian`) and the review of
//! one proposal, field by field (`tinjauan`).

pub mod antrian;
pub mod tinjauan;
