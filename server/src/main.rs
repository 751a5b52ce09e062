use std::net::SocketAddr;

use clap::Parser;
use server::{database, demo, router, Config};
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    let config = Config::parse();
    if let Err(error) = run(config).await {
        eprintln!("SIPUPNS could not start: {error:#}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> anyhow::Result<()> {
    let mut database = database::connect(&config).await?;
    let result = serve(&config, &database).await;
    // Stop the embedded cluster whatever happened, so no postmaster is left behind.
    if let Some(pg) = database.embedded.as_mut() {
        tracing::info!("stopping the embedded PostgreSQL");
        pg.stop().await?;
    }
    result
}

async fn serve(config: &Config, database: &database::Database) -> anyhow::Result<()> {
    let state = server::app_state(config, database.pool.clone())?;
    if let Some(akun) = &config.akun_pusat {
        let link = server::konsol::create_national_account(&state, akun).await?;
        println!("{link}");
        return Ok(());
    }
    if config.demo {
        demo::seed(&state).await?;
    }
    spawn_housekeeping(state.identity.clone(), state.personnel.clone(), state.helpdesk.clone());
    let app = router(config, state);
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    tracing::info!("SIPUPNS listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Hourly removal of ended sessions, old rate-limit counters, day-old save keys, and help-desk
/// requests from registration never confirmed.
fn spawn_housekeeping(identity: identity::Identity, personnel: personnel::Personnel, helpdesk: helpdesk::Helpdesk) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = identity.purge().await {
                tracing::warn!(%error, "housekeeping failed");
            }
            if let Err(error) = personnel.purge_save_keys().await {
                tracing::warn!(%error, "housekeeping failed");
            }
            if let Err(error) = helpdesk.purge_guest_requests().await {
                tracing::warn!(%error, "housekeeping failed");
            }
        }
    });
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
