//! The shared domain crate: compiled natively for the server and to WASM for the browser,
//! so a form shows exactly the errors the server enforces.

pub mod account;
pub mod akun_staf;
pub mod audit;
pub mod csv;
pub mod dates;
pub mod error;
pub mod fasilitas;
pub mod form;
pub mod hds;
pub mod i18n;
pub mod kode;
pub mod masking;
pub mod nama;
pub mod nik;
pub mod nip;
pub mod pengaturan;
pub mod referensi;
pub mod role;
pub mod rute_verifikasi;
pub mod unor;
pub mod unor_impor;
pub mod verifikasi;

pub use error::ErrorCode;
pub use i18n::{Lang, Msg};
pub use kode::{DaftarKode, JenisFungsional, UnknownCode};
pub use nik::Nik;
pub use nip::{Gender, Nip};
pub use role::{Capability, Role};
