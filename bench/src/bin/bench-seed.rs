//! Fills a database for the load benchmark: the demo world, then `--pns` generated PNS with
//! history, then `--sessions` signed-in PNS accounts whose cookies go to `--out`
//! (one per line) for the load tool.

use std::sync::Arc;

use clap::Parser;
use identity::{NewAccount, Scope};
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use server::Config;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value_t = 100_000)]
    pns: usize,
    #[arg(long, default_value_t = 500)]
    sessions: usize,
    #[arg(long, default_value = "bench/out/sessions.txt")]
    out: std::path::PathBuf,
    /// Where the NIPs of all generated PNS go (the baseline picks from them).
    #[arg(long, default_value = "bench/out/nips.txt")]
    nips_out: std::path::PathBuf,
}

const PASSWORD: &str = "Bench2026pupns";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(16).connect(&args.database_url).await?;
    server::database::MIGRATOR.run(&pool).await?;
    let mut config = Config::for_tests(std::env::temp_dir().join("sipupns-bench"));
    config.database_url = Some(args.database_url.clone());
    let state = server::app_state(&config, pool.clone())?;
    server::demo::seed(&state).await?;

    // Spread the generated PNS over the demo units of the regional instansi.
    let sleman = uuid::Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);
    let units: Vec<UnitTarget> = state
        .reference
        .unor_of_instansi(sleman)
        .await?
        .into_iter()
        .map(|u| UnitTarget {
            instansi_id: u.instansi_id,
            unor_id: u.id,
            region_code: "340401".into(),
            jenis_pegawai: "2".into(),
        })
        .collect();
    let started = std::time::Instant::now();
    let records = Arc::new(generate(&GeneratorConfig { seed: 100_000 }, &units, args.pns));
    println!("generated {} PNS in {:.1} s", records.len(), started.elapsed().as_secs_f64());

    let started = std::time::Instant::now();
    let workers = 8;
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..workers {
        let records = records.clone();
        let personnel = state.personnel.clone();
        tasks.spawn(async move {
            let mut inserted = 0usize;
            for record in records.iter().skip(worker).step_by(workers) {
                if personnel.insert_master(record).await? {
                    inserted += 1;
                }
            }
            anyhow::Ok(inserted)
        });
    }
    let mut inserted = 0;
    while let Some(done) = tasks.join_next().await {
        inserted += done??;
    }
    println!("inserted {inserted} new PNS in {:.1} s", started.elapsed().as_secs_f64());
    // Fresh statistics, so the planner sees the tables' real size during the run.
    sqlx::query("ANALYZE").execute(&pool).await?;

    // Accounts and sessions for a spread of the generated PNS.
    std::fs::create_dir_all(args.out.parent().unwrap_or(std::path::Path::new(".")))?;
    let step = (records.len() / args.sessions.max(1)).max(1);
    let mut cookies = Vec::new();
    for record in records.iter().step_by(step).take(args.sessions) {
        let p = &record.pns;
        let id = state
            .identity
            .ensure_account(NewAccount {
                nip: Some(&p.nip),
                username: None,
                nama: &p.nama,
                email: None,
                password: PASSWORD,
                instansi_id: Some(p.instansi_id),
                unor_id: Some(p.unor_id),
                active: true,
            })
            .await?;
        state
            .identity
            .ensure_grant(id, domain::Role::Pns, Scope { instansi_id: Some(p.instansi_id), ..Scope::default() })
            .await?;
        let signed_in = state.identity.sign_in(&p.nip, PASSWORD, "bench", "bench").await?;
        cookies.push(format!("sipupns_sesi={}", signed_in.token));
    }
    std::fs::write(&args.out, cookies.join("\n") + "\n")?;
    let nips: Vec<&str> = records.iter().map(|r| r.pns.nip.as_str()).collect();
    std::fs::write(&args.nips_out, nips.join("\n") + "\n")?;
    println!(
        "{} sessions in {}, {} NIPs in {}",
        cookies.len(),
        args.out.display(),
        nips.len(),
        args.nips_out.display()
    );
    Ok(())
}
