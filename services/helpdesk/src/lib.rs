//! Helpdesk service (HDS): tickets a PNS raises, routed by category to the office that answers
//! (`rute.rs`), their conversation and statuses (`tiket.rs` for the PNS, `kotak.rs` for the
//! officers' inbox, `jangkauan.rs` for which tickets an officer may see), handing a ticket to a
//! colleague or another office (`alih.rs`), correcting the master or naming a missing entry from a ticket (`koreksi.rs`), the SLA clocks and the routing table admin BKN keeps (`sla.rs`, `rute_kelola.rs`), mail notices to the PNS (`surat.rs`), tickets
//! from registration by someone without an account, confirmed by a mailed code (`tamu.rs`), each office's canned replies (`templat.rs`), and
//! the event log the live inbox follows (`peristiwa.rs`), served as server-sent events by its
//! own router (`http.rs`). PNS, instansi, offices and accounts are other services' rows,
//! referred to by value.

mod alih;
mod bukti;
mod demo;
mod jangkauan;
mod koreksi;
mod kotak;
mod lampiran;
pub mod peristiwa;
mod rute;
mod rute_kelola;
mod sla;
mod store;
mod surat;
mod tamu;
mod templat;
mod tiket;

pub mod http;

pub use alih::Rekan;
pub use bukti::BuktiPdf;
pub use jangkauan::Jangkauan;
pub use kotak::FilterKotak;
pub use peristiwa::{Peristiwa, Siaran, CHANNEL};
pub use rute::Penerima;
pub use store::Helpdesk;
pub use tamu::{PermintaanTamu, TiketTamu};
pub use tiket::{Pemohon, TiketBaru, MAX_TIKET_PER_JAM};
