//! The yardstick: a bare axum + sqlx handler returning one PNS row by NIP as JSON, measured
//! with the same load tool in the same run as the real server function.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use clap::Parser;
use sqlx::PgPool;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value = "127.0.0.1:3900")]
    addr: String,
    /// sqlx's default pings each connection before use; the server turns that off.
    /// `--no-ping` measures the baseline that way too (docs/PERFORMANCE.md reports both).
    #[arg(long)]
    no_ping: bool,
}

async fn pns(State(pool): State<PgPool>, Path(nip): Path<String>) -> impl IntoResponse {
    let row: Result<Option<String>, _> = sqlx::query_scalar("SELECT row_to_json(p)::text FROM pns p WHERE nip = $1")
        .bind(nip)
        .fetch_optional(&pool)
        .await;
    match row {
        Ok(Some(json)) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(20)
        .test_before_acquire(!args.no_ping)
        .connect(&args.database_url)
        .await?;
    let app = Router::new().route("/pns/{nip}", get(pns)).with_state(pool);
    let listener = tokio::net::TcpListener::bind(&args.addr).await?;
    println!("baseline listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
