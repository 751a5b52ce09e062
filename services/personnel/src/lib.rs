//! Personnel service: the master PNS records and their history. Other services use this
//! crate's API, never its tables.

mod alur;
mod dokumen;
#[cfg(feature = "generator")]
pub mod generator;
mod history;
pub mod http;
mod koreksi;
mod master_form;
mod master_write;
pub mod model;
mod saran;
mod snapshot;
mod store;
mod tanda;
mod unit_count;
pub mod usulan;

pub use alur::{Final, Pelaku};
pub use koreksi::{Koreksi, Pengoreksi};
pub use master_form::master_form;
pub use model::{Anak, Pasangan, PnsMaster, PnsWithHistory};
pub use saran::SaranTiket;
pub use snapshot::FormSnapshot;
pub use store::{today_wib, Personnel};
pub use usulan::{Peristiwa, Terkirim, Tersimpan, Usulan, UsulanError};
