//! Live inbox delivery (issue #12): `--clients` help-desk inboxes stay connected to
//! `GET /api/hds/peristiwa` (spread over the `--urls` instances, all signed in as
//! `hds.kanreg1`), while this process raises tickets and answers them through the helpdesk
//! service at `--rate` events a second, straight into the database as another instance
//! would. Each client notes when each event reaches it; the delivery latency runs from just
//! before the write to the receipt (so it includes the write itself). Prints p50/p95/p99/max
//! latency, events delivered and missed, and the peak RSS of `--pids` (the servers).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use access::{CurrentUser, Grant};
use clap::Parser;
use domain::hds::{Kabar, Kategori, StatusTiket};
use domain::Role;
use futures::StreamExt;
use helpdesk::{Helpdesk, Pemohon, TiketBaru};
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    /// The instances' base URLs, comma-separated; clients are dealt out round-robin.
    #[arg(long, default_value = "http://127.0.0.1:3800")]
    urls: String,
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value_t = 1000)]
    clients: usize,
    /// Events a second (half new tickets, half answers to them).
    #[arg(long, default_value_t = 50)]
    rate: u32,
    #[arg(long, default_value_t = 120)]
    seconds: u64,
    /// Server process ids whose resident memory is sampled, comma-separated.
    #[arg(long, default_value = "")]
    pids: String,
}

/// As in server/src/demo.rs: Kabupaten Sleman (Kanreg I answers its category A).
const SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);

/// When each (ticket, kind) event was written.
type Sent = Arc<Mutex<HashMap<(String, String), Instant>>>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let urls: Vec<String> = args.urls.split(',').map(|u| u.trim_end_matches('/').to_owned()).collect();
    let http = reqwest::Client::builder().pool_max_idle_per_host(args.clients).build()?;
    let cookie = sign_in(&http, &urls[0]).await?;

    // Every client connected (and past its first `siap` event) before the clock starts.
    let sent: Sent = Arc::default();
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(args.clients);
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let mut clients = tokio::task::JoinSet::new();
    for i in 0..args.clients {
        let (http, url, cookie, sent, ready) =
            (http.clone(), urls[i % urls.len()].clone(), cookie.clone(), sent.clone(), ready_tx.clone());
        let stop = stop.clone();
        clients.spawn(async move { listen(http, url, cookie, sent, ready, stop).await });
    }
    drop(ready_tx);
    let connected = async {
        for _ in 0..args.clients {
            ready_rx.recv().await?;
        }
        Some(())
    };
    tokio::time::timeout(Duration::from_secs(120), connected)
        .await
        .ok()
        .flatten()
        .ok_or_else(|| anyhow::anyhow!("not every client connected within two minutes"))?;
    println!("{} clients connected to {}", args.clients, urls.join(", "));

    let pids: Vec<u32> = args.pids.split(',').filter(|p| !p.is_empty()).map(str::parse).collect::<Result<_, _>>()?;
    let peak_rss = Arc::new(Mutex::new(vec![0u64; pids.len()]));
    let sampler = {
        let (pids, peak) = (pids.clone(), peak_rss.clone());
        tokio::spawn(async move {
            loop {
                for (i, pid) in pids.iter().enumerate() {
                    let rss = rss_kib(*pid).unwrap_or(0);
                    let mut peak = peak.lock().unwrap();
                    peak[i] = peak[i].max(rss);
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    };

    let written = generate(&args, sent.clone()).await?;
    // Let the last events arrive, then close the streams.
    tokio::time::sleep(Duration::from_secs(5)).await;
    stop_tx.send(true)?;
    while clients.join_next().await.is_some() {}
    sampler.abort();
    let mut latencies: Vec<u32> = Vec::new();
    let per_client = LATENCIES.lock().unwrap().drain(..).collect::<Vec<_>>();
    for l in &per_client {
        latencies.extend_from_slice(l);
    }
    latencies.sort_unstable();
    let expected = written * per_client.len();
    let pct = |p: f64| latencies.get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)));
    let ms = |v: Option<&u32>| v.map(|us| format!("{:.1} ms", *us as f64 / 1000.0)).unwrap_or_else(|| "-".into());
    println!("events written: {written} in {} s ({} a second)", args.seconds, args.rate);
    println!(
        "deliveries: {} of {expected} expected ({} missing) to {} clients",
        latencies.len(),
        expected.saturating_sub(latencies.len()),
        per_client.len()
    );
    println!(
        "latency: p50 {}  p95 {}  p99 {}  max {}",
        ms(pct(0.50)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(latencies.last())
    );
    for (pid, peak) in pids.iter().zip(peak_rss.lock().unwrap().iter()) {
        println!("server pid {pid}: peak RSS {:.1} MB", *peak as f64 / 1024.0);
    }
    Ok(())
}

/// Each client's latencies in microseconds, handed in when its stream ends.
static LATENCIES: Mutex<Vec<Vec<u32>>> = Mutex::new(Vec::new());

async fn sign_in(http: &reqwest::Client, url: &str) -> anyhow::Result<String> {
    let response = http
        .post(format!("{url}/api/masuk"))
        .form(&[("identifier", "hds.kanreg1"), ("password", "Demo2026pupns")])
        .send()
        .await?;
    anyhow::ensure!(response.status().is_success(), "sign-in: HTTP {}", response.status());
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sipupns_sesi="))
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    Ok(cookie.split(';').next().unwrap_or_default().to_owned())
}

/// One inbox: reads the stream until `stop`, noting each event's latency.
async fn listen(
    http: reqwest::Client,
    url: String,
    cookie: String,
    sent: Sent,
    ready: tokio::sync::mpsc::Sender<()>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut latencies = Vec::new();
    let response = match http.get(format!("{url}/api/hds/peristiwa")).header("cookie", cookie).send().await {
        Ok(r) if r.status().is_success() => r,
        Ok(r) => return eprintln!("stream: HTTP {}", r.status()),
        Err(e) => return eprintln!("stream: {e}"),
    };
    let mut body = response.bytes_stream();
    let mut buffer = String::new();
    let mut ready = Some(ready);
    let mut early = Vec::new();
    loop {
        let chunk = tokio::select! {
            chunk = body.next() => chunk,
            _ = stop.changed() => break,
        };
        let Some(Ok(chunk)) = chunk else { break };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if event.contains("event: siap") {
                if let Some(ready) = ready.take() {
                    let _ = ready.send(()).await;
                }
            }
            let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) else { continue };
            let Ok(kabar) = serde_json::from_str::<Kabar>(data) else { continue };
            let key = (kabar.tiket_id, kabar.jenis);
            match sent.lock().unwrap().get(&key) {
                Some(at) => latencies.push(now.duration_since(*at).as_micros() as u32),
                // Arrived before the writer noted the new ticket's id: settled at the end.
                None => early.push((key, now)),
            }
        }
    }
    // Those that came early, now that every write is noted.
    if !early.is_empty() {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let sent = sent.lock().unwrap();
        for (key, at) in early {
            if let Some(written) = sent.get(&key) {
                latencies.push(at.saturating_duration_since(*written).as_micros() as u32);
            }
        }
    }
    flush(&mut latencies);
}

fn flush(latencies: &mut Vec<u32>) {
    LATENCIES.lock().unwrap().push(std::mem::take(latencies));
}

/// Writes `rate` events a second for `seconds`: a new ticket, then an answer to it.
async fn generate(args: &Args, sent: Sent) -> anyhow::Result<usize> {
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(8).connect(&args.database_url).await?;
    let hds = Helpdesk::new(pool.clone(), reference::Reference::new(pool));
    let grant = Grant {
        id: Uuid::new_v4(),
        role: Role::PetugasHds,
        instansi_id: None,
        unor_id: None,
        unor_path: None,
        kanreg_id: None,
        hds_kategori: vec!["A".into()],
        kantor_id: Some(1),
    };
    let officer = CurrentUser {
        account_id: Uuid::new_v4(),
        nama: "Petugas Beban".into(),
        nip: None,
        username: Some("beban".into()),
        active: grant.clone(),
        grants: vec![grant],
    };
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / args.rate as f64));
    let end = Instant::now() + Duration::from_secs(args.seconds);
    let mut written = 0usize;
    let mut open: Option<Uuid> = None;
    let mut n = 0u64;
    while Instant::now() < end {
        tick.tick().await;
        let before = Instant::now();
        match open.take() {
            None => {
                n += 1;
                // A NIP of its own per ticket: the hourly limit is per PNS.
                let pemohon = Pemohon {
                    akun_id: Uuid::new_v4(),
                    nip: format!("1990010120200{:05}", n % 100_000),
                    nama: format!("PNS Beban {n}"),
                    instansi_id: SLEMAN,
                };
                let baru = TiketBaru {
                    kategori: Kategori::BedaNama,
                    subjek: "Nama berbeda (beban)".into(),
                    uraian: "Tiket uji beban kotak masuk langsung.".into(),
                    instansi_tujuan: None,
                    tanda_id: None,
                    isian: None,
                    email: None,
                };
                // The id is known only after the write: note the time against it at once.
                let t = hds.raise(&pemohon, &baru).await?;
                sent.lock().unwrap().insert((t.id.clone(), "baru".into()), before);
                open = Some(t.id.parse()?);
            }
            Some(id) => {
                sent.lock().unwrap().insert((id.to_string(), "pesan".into()), before);
                let answer = "Sedang kami periksa.";
                hds.reply_as_officer(&officer, id, answer, false, None, Some(StatusTiket::MenungguPns)).await?;
            }
        }
        written += 1;
    }
    Ok(written)
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
}
