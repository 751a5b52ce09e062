//! Decision throughput (issue #10): `--connections` L1 verifiers, each signed in with its own
//! session (`verif-l1-sessions.txt` from `bench-verifikasi-seed`), decide the proposals
//! waiting at L1 in their unit through `POST /api/verifikasi/putus`: every change of the
//! item's round accepted, then passed on to L2. The items are dealt out before the clock
//! starts, each to one verifier only, so no two verifiers contend for one item. Prints
//! decisions per second and p50/p95/p99 latency.

use std::time::{Duration, Instant};

use clap::Parser;
use domain::form::{Bagian, KunciField};
use domain::verifikasi::{Hasil, Keputusan, Putusan, Tindakan};
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:3800")]
    url: String,
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value = "bench/out/verif-l1-sessions.txt")]
    sessions: std::path::PathBuf,
    #[arg(long, default_value_t = 50)]
    connections: usize,
    /// Stop after this long even if items are left.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
}

const SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let cookies: Vec<String> = std::fs::read_to_string(&args.sessions)?.lines().map(str::to_owned).collect();
    anyhow::ensure!(cookies.len() >= args.connections, "need one session per connection");

    // The waiting L1 items of Sleman and their round's changes, as the verifier's page
    // would have shown them (read before the clock starts).
    let pool = sqlx::PgPool::connect(&args.database_url).await?;
    let rows: Vec<(Uuid, String, Option<String>, String)> = sqlx::query_as(
        "SELECT i.id, c.bagian, c.entri, c.field
         FROM verifikasi_item i
         JOIN usulan_perubahan c ON c.usulan_id = i.usulan_id AND c.putaran = i.putaran
         WHERE i.status = 'menunggu' AND i.tingkat = 1 AND i.instansi_id = $1 AND i.putaran = 1
           AND starts_with(i.unor_path, (SELECT path FROM unor WHERE instansi_id = $1 AND nama = 'Dinas Pendidikan'))
         ORDER BY i.dikirim, i.id, c.urutan",
    )
    .bind(SLEMAN)
    .fetch_all(&pool)
    .await?;
    pool.close().await;
    let mut items: Vec<(Uuid, Vec<Keputusan>)> = Vec::new();
    for (item, bagian, entri, field) in rows {
        let kunci = KunciField { bagian: Bagian::parse(&bagian)?, entri, field };
        let keputusan = Keputusan { kunci, hasil: Hasil::Terima, alasan: String::new() };
        match items.last_mut() {
            Some((id, k)) if *id == item => k.push(keputusan),
            _ => items.push((item, vec![keputusan])),
        }
    }
    let changes: usize = items.iter().map(|(_, k)| k.len()).sum();
    println!("{} items waiting at L1 ({changes} changes), {} verifiers", items.len(), args.connections);
    anyhow::ensure!(!items.is_empty(), "no items waiting at L1: run bench-verifikasi-seed first");

    let mut shares: Vec<Vec<(Uuid, Vec<Keputusan>)>> = (0..args.connections).map(|_| Vec::new()).collect();
    for (n, item) in items.into_iter().enumerate() {
        shares[n % args.connections].push(item);
    }
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.connections).build()?;
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (share, cookie) in shares.into_iter().zip(cookies) {
        let (client, url) = (client.clone(), args.url.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::with_capacity(share.len());
            let mut failures = Vec::new();
            let mut decided = 0usize;
            for (item, keputusan) in share {
                if Instant::now() >= deadline {
                    break;
                }
                decided += keputusan.len();
                let putusan = Putusan {
                    item: item.to_string(),
                    kunci: Uuid::new_v4().to_string(),
                    keputusan,
                    tindakan: Tindakan::Teruskan,
                    catatan: String::new(),
                    pinjam: None,
                };
                let body = serde_json::json!({ "putusan": putusan }).to_string();
                let sent = Instant::now();
                let response = client
                    .post(format!("{url}/api/verifikasi/putus"))
                    .header("cookie", &cookie)
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await?;
                let status = response.status();
                let answer = response.text().await.unwrap_or_default();
                latencies.push(sent.elapsed());
                if !status.is_success() || !answer.to_lowercase().contains("diteruskan") {
                    failures.push(format!("{status} {answer}"));
                }
            }
            anyhow::Ok((latencies, failures, decided))
        });
    }
    let mut all = Vec::new();
    let mut failures = Vec::new();
    let mut decided = 0;
    while let Some(done) = tasks.join_next().await {
        let (latencies, failed, fields) = done??;
        all.extend(latencies);
        failures.extend(failed);
        decided += fields;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let at = |q: f64| all.get(((all.len() as f64 * q) as usize).min(all.len().saturating_sub(1))).copied();
    let ms = |d: Option<Duration>| d.map(|d| format!("{:.1} ms", d.as_secs_f64() * 1000.0)).unwrap_or_default();
    println!(
        "decisions: {} in {:.1} s ({:.0}/s, {:.0} field decisions/s), failures: {}, p50 {}, p95 {}, p99 {}, max {}",
        all.len(),
        elapsed,
        all.len() as f64 / elapsed,
        decided as f64 / elapsed,
        failures.len(),
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(0.99)),
        ms(all.last().copied())
    );
    if let Some(first) = failures.first() {
        println!("first failure: {first}");
    }
    Ok(())
}
