//! Server functions: thin. Each one authorises (through `auth::require`), calls a service,
//! and maps errors. Their paths are fixed (`endpoint`) so the authorisation test can name them.

pub mod admin;
pub mod audit;
pub mod fasilitas;
pub mod formulir;
pub mod hds;
pub mod homes;
pub mod record;
pub mod referensi;
pub mod registration;
pub mod session;
pub mod tamu;
pub mod unor;
pub mod verifikasi;
