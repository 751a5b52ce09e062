//! Personnel service: the master PNS records and their history. Other services use this
//! crate's API, never its tables.

pub mod generator;
mod history;
pub mod model;
mod store;

pub use model::{PnsMaster, PnsWithHistory};
pub use store::Personnel;
