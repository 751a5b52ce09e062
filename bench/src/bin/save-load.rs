//! Save-section load: each of `--connections` workers owns one signed-in PNS session, loads
//! its form once (for the version), then saves the Data Stakeholder section again and again
//! with the version each answer returns — the autosave path the form takes. Prints
//! p50/p99 latency and saves per second. (wrk cannot carry a version from one response
//! into the next request of the same session, so this driver does.)

use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::json;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:3800")]
    url: String,
    #[arg(long, default_value = "bench/out/sessions.txt")]
    sessions: std::path::PathBuf,
    #[arg(long, default_value_t = 100)]
    connections: usize,
    #[arg(long, default_value_t = 30)]
    seconds: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let cookies: Vec<String> = std::fs::read_to_string(&args.sessions)?.lines().map(str::to_owned).collect();
    anyhow::ensure!(cookies.len() >= args.connections, "need one session per connection");
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.connections).build()?;
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let mut tasks = tokio::task::JoinSet::new();
    for cookie in cookies.into_iter().take(args.connections) {
        let (client, url) = (client.clone(), args.url.clone());
        tasks.spawn(async move {
            let form: serde_json::Value =
                client.post(format!("{url}/api/pns/formulir")).header("cookie", &cookie).send().await?.json().await?;
            let mut versi = form["versi"].as_i64().ok_or_else(|| anyhow::anyhow!("no version: {form}"))?;
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let body = json!({ "simpan": {
                    "versi": versi,
                    "isi": { "Stakeholder": { "bapertarum": "Y", "nomor_kpe": format!("KPE-{n}") } },
                    "periksa": false,
                    "kunci": uuid::Uuid::new_v4().to_string(),
                }});
                let started = Instant::now();
                let response = client
                    .post(format!("{url}/api/pns/simpan-bagian"))
                    .header("cookie", &cookie)
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await?;
                let ok = response.status().is_success();
                let answer: serde_json::Value = response.json().await.unwrap_or_default();
                latencies.push(started.elapsed());
                match answer["hasil"]["versi"].as_i64() {
                    Some(v) if ok => versi = v,
                    _ => failures += 1,
                }
            }
            anyhow::Ok((latencies, failures))
        });
    }
    let started = Instant::now();
    let mut all = Vec::new();
    let mut failures = 0;
    while let Some(done) = tasks.join_next().await {
        let (latencies, failed) = done??;
        all.extend(latencies);
        failures += failed;
    }
    let elapsed = started.elapsed().as_secs_f64().max(args.seconds as f64);
    all.sort();
    let at = |q: f64| all.get(((all.len() as f64 * q) as usize).min(all.len().saturating_sub(1))).copied();
    let ms = |d: Option<Duration>| d.map(|d| format!("{:.2} ms", d.as_secs_f64() * 1000.0)).unwrap_or_default();
    println!(
        "saves: {} in {:.0} s ({:.0}/s), failures: {failures}, p50 {}, p99 {}, max {}",
        all.len(),
        elapsed,
        all.len() as f64 / elapsed,
        ms(at(0.50)),
        ms(at(0.99)),
        ms(all.last().copied())
    );
    Ok(())
}
