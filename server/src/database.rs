//! Connecting to PostgreSQL: the configured one, or the embedded cluster in the data folder.

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::config::Config;
use crate::embedded_pg::EmbeddedPg;

/// The pool, and the embedded cluster when the server started one (stop it on shutdown).
pub struct Database {
    pub pool: PgPool,
    pub embedded: Option<EmbeddedPg>,
}

pub async fn connect(config: &Config) -> anyhow::Result<Database> {
    let (url, embedded) = match &config.database_url {
        Some(url) => (url.clone(), None),
        None => {
            tracing::info!(data_dir = %config.data_dir.display(), "no DATABASE_URL: starting the embedded PostgreSQL");
            let pg = EmbeddedPg::start(&config.data_dir).await?;
            (pg.database_url().to_owned(), Some(pg))
        }
    };
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(std::time::Duration::from_secs(10))
        // No ping before each use: it doubled the round trips of a one-query request and
        // cost a fifth of the server's CPU under load (docs/PERFORMANCE.md). A connection
        // the database dropped fails its query instead and is replaced; connections are
        // recycled after half an hour anyway.
        .test_before_acquire(false)
        .max_lifetime(std::time::Duration::from_secs(30 * 60))
        .connect(&url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to the database: {e}"))?;
    MIGRATOR.run(&pool).await?;
    Ok(Database { pool, embedded })
}

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");
