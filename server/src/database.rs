//! Connecting to PostgreSQL: the configured one, or the embedded cluster in the data folder.
//! Two logins: the owner runs the migrations; the request pool runs as `sipupns_app`, which
//! may add to the audit log but never change or remove its rows (migration `…_app_role`).

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Executor, PgPool};

use crate::config::Config;
use crate::embedded_pg::EmbeddedPg;

/// The pool, and the embedded cluster when the server started one (stop it on shutdown).
pub struct Database {
    pub pool: PgPool,
    pub embedded: Option<EmbeddedPg>,
}

pub async fn connect(config: &Config) -> anyhow::Result<Database> {
    let (owner_url, app_url, embedded) = match &config.database_url {
        Some(url) => (config.database_owner_url.clone().unwrap_or_else(|| url.clone()), url.clone(), None),
        None => {
            tracing::info!(data_dir = %config.data_dir.display(), "no DATABASE_URL: starting the embedded PostgreSQL");
            let pg = EmbeddedPg::start(&config.data_dir).await?;
            (pg.database_url().to_owned(), pg.app_database_url().to_owned(), Some(pg))
        }
    };
    migrate(&owner_url).await?;
    let options: PgConnectOptions =
        app_url.parse().map_err(|e| anyhow::anyhow!("DATABASE_URL is not a PostgreSQL address: {e}"))?;
    let pool = app_pool(options, 20).await.map_err(|e| anyhow::anyhow!("cannot connect to the database: {e}"))?;
    Ok(Database { pool, embedded })
}

/// Runs the migrations over one owner connection, closed afterwards: requests never use it.
async fn migrate(owner_url: &str) -> anyhow::Result<()> {
    let owner = PgPoolOptions::new()
        .max_connections(1)
        .connect(owner_url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to the database as its owner: {e}"))?;
    MIGRATOR.run(&owner).await?;
    owner.close().await;
    Ok(())
}

/// The request pool: each connection runs `SET ROLE sipupns_app` first, so even a superuser
/// login (or the owner's) cannot UPDATE, DELETE or TRUNCATE the audit log through it.
pub async fn app_pool(options: PgConnectOptions, max_connections: u32) -> sqlx::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(std::time::Duration::from_secs(10))
        // No ping before each use: it doubled the round trips of a one-query request and
        // cost a fifth of the server's CPU under load (docs/PERFORMANCE.md). A connection
        // the database dropped fails its query instead and is replaced; connections are
        // recycled after half an hour anyway.
        .test_before_acquire(false)
        .max_lifetime(std::time::Duration::from_secs(30 * 60))
        .after_connect(|connection, _| {
            Box::pin(async move {
                connection.execute("SET ROLE sipupns_app").await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await
}

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");
