//! Verification service: a sent proposal's work item at each level (L1 unit, L2 instansi,
//! L3 region, L4 Direktorat Status), the queues verifiers work, claims and 24-hour offline
//! checkouts, per-field decisions,
//! the decision history and the routing table that says which levels a proposal needs.
//! Proposals themselves are personnel's: every move goes through `personnel::Personnel`'s
//! API on the same transaction.

mod antrian;
mod item;
mod kirim;
mod klaim;
mod pinjam;
mod putusan;
mod rute;
mod rute_kelola;
mod store;
mod tinjauan;
mod turun;
mod unit_filter;
mod unit_move;

pub use antrian::{Antrian, Filter, ItemAntrian, Kursor};
pub use item::Item;
pub use klaim::Klaim;
pub use pinjam::{PinjamAktif, Pinjaman, MAX_PINJAM, PINJAM_JAM};
pub use store::Verification;
pub use tinjauan::{key_of, KeputusanLalu, Tinjauan};
pub use turun::Pembuka;
pub use unit_filter::UnitFilter;
