//! The SIPUPNS server: wires configuration, the database, the services, the server
//! functions and the pages into one Axum router.

pub mod assets;
pub mod client_addr;
pub mod config;
pub mod database;
pub mod demo;
pub mod embedded_pg;
pub mod headers;
pub mod konsol;
pub mod middleware;
pub mod rilis;
mod routes;
mod tracing_layer;

pub use config::Config;
pub use routes::{app_state, router};
