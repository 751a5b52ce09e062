//! Durability of keyed decisions under SIGKILL (issue #10): verifiers send their decisions
//! from concurrent tasks, each request retried with the same key until it is answered, while
//! the real server binary (`--demo`, on a fresh database) is killed with SIGKILL at random
//! moments and started again on the same database, port and data folder. Afterwards every
//! acknowledged decision exists exactly once, every decided item has one history row and at
//! most one successor, no proposal has a timeline step twice, and a retried key gets the
//! first answer again.
//!
//! CI runs the short form (3 kills). By hand, for longer:
//! `SIPUPNS_DURABILITY_KILLS=20 cargo test -p server --test durability -- --nocapture`.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::api::session::SessionState;
use domain::Role;
use rand::Rng;
use server::demo::DEMO_PASSWORD;
use sqlx::PgPool;
use tokio::sync::{Mutex, Notify};
use uuid::Uuid;

#[path = "common/proses.rs"]
mod proses;
use proses::{free_port, url_of, Cleanup, Server};

/// Kills in the short form; `SIPUPNS_DURABILITY_KILLS` overrides it.
const DEFAULT_KILLS: usize = 3;

/// The demo verifiers whose waiting items are decided, and the role each acts in.
const VERIFIERS: [(&str, Role); 8] = [
    ("verif1.sleman", Role::VerifikatorL1),
    ("verif1.dinkes", Role::VerifikatorL1),
    ("verif1.bps", Role::VerifikatorL1),
    ("verif2.sleman", Role::VerifikatorL2),
    ("verif2.bps", Role::VerifikatorL2),
    ("verif3.kanreg1", Role::VerifikatorL3),
    ("verif3.pusat", Role::VerifikatorL3),
    ("verif4.bkn", Role::VerifikatorL4),
];

/// How long the server stays up between kills: uniform in 300..=1500 ms, then until a request goes out.
const UP_MIN_MS: u64 = 300;
const UP_MAX_MS: u64 = 1500;
/// About how long a restart takes (debug build, the demo seed finding its world in place).
const RESTART_GUESS_MS: u64 = 1500;

fn between(low: u64, high: u64) -> u64 {
    rand::thread_rng().gen_range(low..=high)
}

// ---------------------------------------------------------------------------------------
// The server process.

// ---------------------------------------------------------------------------------------
// The verifiers' side: requests that survive the server going away.

/// One verifier: a cookie-keeping client, signed in again whenever the answer is 401.
struct Verifier {
    login: &'static str,
    role: Role,
    address: String,
    client: reqwest::Client,
    stats: Arc<Stats>,
    pool: PgPool,
}

#[derive(Default)]
struct Stats {
    /// Requests that got no answer (refused, reset, cut off by a kill).
    transport_errors: AtomicUsize,
    /// 401 answers, after which the verifier signed in again.
    sign_ins_again: AtomicUsize,
    /// Decisions whose first attempt got no answer but a retry did.
    retried_decisions: AtomicUsize,
    /// Decisions stored although the request was cut off: the retry must get the stored answer.
    answers_lost: AtomicUsize,
    /// How long the last uncut decision took to be answered.
    latency_ms: AtomicU64,
}

/// An answer with a status.
struct Answer {
    status: u16,
    body: String,
    /// Attempts that got no answer before this one.
    cut_off: usize,
    /// Whether one of them had been stored all the same (only looked at with a key).
    lost: bool,
}

impl Verifier {
    fn new(login: &'static str, role: Role, address: String, stats: Arc<Stats>, pool: PgPool) -> Verifier {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        Verifier { login, role, address, client, stats, pool }
    }

    /// Sends until the server answers at all; a request cut off by a kill is sent again.
    /// With `kunci`, a cut-off attempt looks whether the decision was stored all the same
    /// (its answer lost with the server).
    async fn answered(&self, path: &str, body: Body<'_>, in_flight: Option<&Notify>, kunci: Option<Uuid>) -> Answer {
        let mut cut_off = 0;
        let mut lost = false;
        let deadline = Instant::now() + Duration::from_secs(600);
        loop {
            let request = self.client.post(format!("{}{path}", self.address));
            let request = match &body {
                Body::Form(fields) => request.form(fields),
                Body::Json(text) => request.header("content-type", "application/json").body(text.to_string()),
            };
            if let Some(notify) = in_flight {
                notify.notify_waiters();
            }
            match request.send().await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    match response.text().await {
                        Ok(body) => return Answer { status, body, cut_off, lost },
                        Err(_) => cut_off += 1,
                    }
                }
                Err(_) => cut_off += 1,
            }
            self.stats.transport_errors.fetch_add(1, Ordering::Relaxed);
            if let Some(kunci) = kunci {
                let stored: bool =
                    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM verifikasi_riwayat WHERE kunci = $1)")
                        .bind(kunci)
                        .fetch_one(&self.pool)
                        .await
                        .unwrap();
                lost |= stored;
            }
            assert!(Instant::now() < deadline, "{} got no answer from {path} for ten minutes", self.login);
            tokio::time::sleep(Duration::from_millis(between(50, 250))).await;
        }
    }

    /// Signs in and makes `self.role` the active role.
    async fn sign_in(&self) {
        let answer = self
            .answered(
                "/api/masuk",
                Body::Form(vec![("identifier", self.login), ("password", DEMO_PASSWORD)]),
                None,
                None,
            )
            .await;
        assert_eq!(answer.status, 200, "sign in as {}: {}", self.login, answer.body);
        let answer = self.answered("/api/sesi", Body::Form(Vec::new()), None, None).await;
        assert_eq!(answer.status, 200, "session of {}: {}", self.login, answer.body);
        let SessionState::SignedIn(view) = serde_json::from_str(&answer.body).unwrap() else {
            panic!("{} is not signed in after signing in", self.login)
        };
        if view.active.role != self.role {
            let grant = view.grants.iter().find(|g| g.role == self.role).expect("the demo account holds the role");
            let id = grant.id.to_string();
            let answer = self.answered("/api/ganti-peran", Body::Form(vec![("grant_id", &id)]), None, None).await;
            assert_eq!(answer.status, 200, "{} switches to {:?}: {}", self.login, self.role, answer.body);
        }
    }

    /// A JSON server function, signed in again on 401 and sent again until answered 2xx.
    /// Also says whether an attempt was cut off before the answer.
    async fn call_json(
        &self,
        path: &str,
        body: &str,
        in_flight: Option<&Notify>,
        kunci: Option<Uuid>,
    ) -> (String, bool) {
        let mut first = true;
        let mut cut_off = false;
        loop {
            let answer = self.answered(path, Body::Json(body), in_flight, kunci).await;
            cut_off |= answer.cut_off > 0;
            if answer.lost {
                self.stats.answers_lost.fetch_add(1, Ordering::Relaxed);
            }
            match answer.status {
                200..=299 => return (answer.body, cut_off),
                401 => {
                    self.stats.sign_ins_again.fetch_add(1, Ordering::Relaxed);
                    self.sign_in().await;
                }
                status => panic!(
                    "{} (as {:?}): POST {path} {body}\n answered {status} {}{}",
                    self.login,
                    self.role,
                    answer.body,
                    if first { "" } else { " (on a retry with the same body)" }
                ),
            }
            first = false;
        }
    }

    /// The ids of the items waiting in this verifier's queue.
    async fn queue(&self) -> Vec<Uuid> {
        let mut ids = Vec::new();
        let mut setelah = serde_json::Value::Null;
        loop {
            let body = serde_json::json!({ "filter": {}, "setelah": setelah }).to_string();
            let page: serde_json::Value =
                serde_json::from_str(&self.call_json("/api/verifikasi/antrian", &body, None, None).await.0).unwrap();
            for item in page["items"].as_array().unwrap() {
                ids.push(item["id"].as_str().unwrap().parse().unwrap());
            }
            if page["berikut"].is_null() {
                return ids;
            }
            setelah = page["berikut"].clone();
        }
    }
}

enum Body<'a> {
    Form(Vec<(&'a str, &'a str)>),
    Json(&'a str),
}

/// One decision to send: its item, key and request body.
#[derive(Clone)]
struct Decision {
    verifier: usize,
    item: Uuid,
    kunci: Uuid,
    tindakan: &'static str,
    body: String,
}

/// Every change of the item's round accepted and the item passed on, or, for every fourth
/// item, the first change rejected with a reason and the proposal returned.
async fn decision(pool: &PgPool, verifier: usize, item: Uuid, index: usize) -> Decision {
    let (usulan_id, putaran): (Uuid, i32) =
        sqlx::query_as("SELECT usulan_id, putaran FROM verifikasi_item WHERE id = $1")
            .bind(item)
            .fetch_one(pool)
            .await
            .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let changes = personnel::Personnel::round_changes(&mut conn, usulan_id, putaran).await.unwrap();
    assert!(!changes.is_empty(), "item {item} has changes to decide");
    let kembalikan = index % 4 == 3;
    let keputusan: Vec<_> = changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (hasil, alasan) = if kembalikan && i == 0 { ("tolak", "Uji ketahanan") } else { ("terima", "") };
            serde_json::json!({ "kunci": verification::key_of(c), "hasil": hasil, "alasan": alasan })
        })
        .collect();
    let kunci = Uuid::new_v4();
    let tindakan = if kembalikan { "kembalikan" } else { "teruskan" };
    let body = serde_json::json!({ "putusan": { "item": item, "kunci": kunci, "keputusan": keputusan,
        "tindakan": tindakan, "catatan": "" } })
    .to_string();
    Decision { verifier, item, kunci, tindakan, body }
}

// ---------------------------------------------------------------------------------------

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn acknowledged_decisions_exist_exactly_once_after_sigkills(pool: PgPool) {
    let kills: usize =
        std::env::var("SIPUPNS_DURABILITY_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(DEFAULT_KILLS);
    let started = Instant::now();
    let database = pool.connect_options().get_database().expect("the test database has a name").to_owned();
    let data_dir = std::env::temp_dir().join(format!("sipupns-durability-{}", Uuid::new_v4()));
    std::fs::create_dir_all(&data_dir).unwrap();
    let _cleanup = Cleanup(data_dir.clone());
    let mut server = Server { database_url: url_of(&database), data_dir, port: free_port(), child: None, starts: 0 };
    server.start().await;
    let address = server.address();
    println!("server up with the demo world after {:?}", started.elapsed());

    // The verifiers and what waits in their queues.
    let stats = Arc::new(Stats::default());
    let verifiers: Vec<Arc<Verifier>> = VERIFIERS
        .iter()
        .map(|(login, role)| Arc::new(Verifier::new(login, *role, address.clone(), stats.clone(), pool.clone())))
        .collect();
    let mut decisions = Vec::new();
    for (v, verifier) in verifiers.iter().enumerate() {
        verifier.sign_in().await;
        for item in verifier.queue().await {
            decisions.push(decision(&pool, v, item, decisions.len()).await);
        }
    }
    let per_verifier: BTreeMap<&str, usize> = verifiers
        .iter()
        .enumerate()
        .map(|(v, verifier)| (verifier.login, decisions.iter().filter(|d| d.verifier == v).count()))
        .collect();
    println!("{} decisions to send: {per_verifier:?}", decisions.len());
    assert!(decisions.len() >= 20, "the demo world leaves work in the queues: {per_verifier:?}");
    assert!(per_verifier.values().filter(|n| **n > 0).count() >= 4, "several verifiers have work: {per_verifier:?}");

    // Pacing: spread each verifier's decisions over about as long as the kills take.
    let most = per_verifier.values().copied().max().unwrap_or(1).max(1) as u64;
    // The pauses run on while the server is down, so a cycle counts its restart too.
    let cycle = (UP_MIN_MS + UP_MAX_MS) / 2 + RESTART_GUESS_MS;
    let pause_max = 2 * (kills.max(1) as u64) * cycle / most;

    let in_flight = Arc::new(Notify::new());
    let acknowledged: Arc<Mutex<HashMap<Uuid, (Decision, String)>>> = Arc::default();
    let senders_done = Arc::new(AtomicBool::new(false));
    let mut senders = tokio::task::JoinSet::new();
    for (v, verifier) in verifiers.iter().enumerate() {
        let mine: Vec<Decision> = decisions.iter().filter(|d| d.verifier == v).cloned().collect();
        let (verifier, in_flight, acknowledged) = (verifier.clone(), in_flight.clone(), acknowledged.clone());
        senders.spawn(async move {
            for d in mine {
                tokio::time::sleep(Duration::from_millis(between(0, pause_max))).await;
                let sent = Instant::now();
                let (answer, cut_off) =
                    verifier.call_json("/api/verifikasi/putus", &d.body, Some(&in_flight), Some(d.kunci)).await;
                if cut_off {
                    verifier.stats.retried_decisions.fetch_add(1, Ordering::Relaxed);
                } else {
                    verifier.stats.latency_ms.store(sent.elapsed().as_millis() as u64, Ordering::Relaxed);
                }
                acknowledged.lock().await.insert(d.kunci, (d, answer));
            }
        });
    }

    // The killer: after a random time up, waits for a request to go out (so that most kills
    // land inside one), kills the server within a decision's time and starts it again.
    let killer = {
        let (in_flight, senders_done, stats) = (in_flight.clone(), senders_done.clone(), stats.clone());
        tokio::spawn(async move {
            let mut mid_request = 0;
            let mut restarts = Vec::new();
            for _ in 0..kills {
                tokio::time::sleep(Duration::from_millis(between(UP_MIN_MS, UP_MAX_MS))).await;
                if !senders_done.load(Ordering::Relaxed)
                    && tokio::time::timeout(Duration::from_secs(2), in_flight.notified()).await.is_ok()
                {
                    // Anywhere in a decision's time, its commit and answer included.
                    mid_request += 1;
                    let latency = stats.latency_ms.load(Ordering::Relaxed).max(10);
                    tokio::time::sleep(Duration::from_millis(between(0, latency))).await;
                }
                server.kill().await;
                let down = Instant::now();
                server.start().await;
                restarts.push(down.elapsed().as_millis());
            }
            (server, mid_request, restarts)
        })
    };
    // Waits for both; a killer that fails (the server did not come back) ends the test at once.
    let mut killer = killer;
    let mut senders = tokio::spawn(async move {
        while let Some(sender) = senders.join_next().await {
            sender.expect("a sender task panicked");
        }
    });
    let (mut server, mid_request, restarts) = tokio::select! {
        sent = &mut senders => {
            sent.expect("a sender task panicked");
            senders_done.store(true, Ordering::Relaxed);
            killer.await.expect("the killer task panicked")
        }
        done = &mut killer => {
            let done = done.expect("the killer task panicked");
            senders.await.expect("a sender task panicked");
            done
        }
    };
    let sending = started.elapsed();

    // Every decision was acknowledged (the senders retry until 2xx).
    let acknowledged = std::mem::take(&mut *acknowledged.lock().await);
    assert_eq!(acknowledged.len(), decisions.len(), "every decision was acknowledged");

    // Each acknowledged key: exactly one history row, on its item, holding the answer given.
    for (kunci, (d, answer)) in &acknowledged {
        let rows: Vec<(Uuid, String, serde_json::Value)> =
            sqlx::query_as("SELECT item_id, tindakan, jawaban::jsonb FROM verifikasi_riwayat WHERE kunci = $1")
                .bind(kunci)
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(rows.len(), 1, "acknowledged key {kunci} (item {}) has one history row: {rows:?}", d.item);
        let (item_id, tindakan, jawaban) = &rows[0];
        assert_eq!(*item_id, d.item, "key {kunci} is on its item");
        assert_eq!(tindakan, d.tindakan, "key {kunci} recorded its action");
        let answered: serde_json::Value = serde_json::from_str(answer).unwrap();
        assert_eq!(&answered, jawaban, "key {kunci}: the stored answer is the one given");
        let item_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_riwayat WHERE item_id = $1")
            .bind(d.item)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(item_rows, 1, "item {} was decided once", d.item);
        let status: String = sqlx::query_scalar("SELECT status FROM verifikasi_item WHERE id = $1")
            .bind(d.item)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(Some(status.as_str()), answered["status"].as_str(), "item {} has the status answered", d.item);
        // A passed-on item has exactly one successor at the level answered.
        if let Some(next) = answered["tingkat_berikut"].as_i64() {
            let successors: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM verifikasi_item n JOIN verifikasi_item i
                   ON n.usulan_id = i.usulan_id AND n.putaran = i.putaran
                 WHERE i.id = $1 AND n.tingkat = $2",
            )
            .bind(d.item)
            .bind(next as i16)
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(successors, 1, "item {} has one successor at L{next}", d.item);
        }
    }

    // Every decided item (the demo's own decisions too) has exactly one history row.
    let unrecorded: Vec<(Uuid, String, i64)> = sqlx::query_as(
        "SELECT i.id, i.status, count(r.kunci) FROM verifikasi_item i
         LEFT JOIN verifikasi_riwayat r ON r.item_id = i.id
         WHERE i.status <> 'menunggu' GROUP BY i.id, i.status HAVING count(r.kunci) <> 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(unrecorded.is_empty(), "decided items without exactly one history row: {unrecorded:?}");
    let waiting_recorded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM verifikasi_item i JOIN verifikasi_riwayat r ON r.item_id = i.id
         WHERE i.status = 'menunggu'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(waiting_recorded, 0, "no waiting item has a history row");

    // No item has two successors: one item per proposal, round and level.
    let twice: Vec<(Uuid, i32, i16, i64)> = sqlx::query_as(
        "SELECT usulan_id, putaran, tingkat, count(*) FROM verifikasi_item GROUP BY 1, 2, 3 HAVING count(*) > 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(twice.is_empty(), "items created twice: {twice:?}");

    // No field decided twice at one item.
    let decided_twice: Vec<(Uuid, String, String, String, i64)> = sqlx::query_as(
        "SELECT item_id, bagian, entri, field, count(*) FROM verifikasi_keputusan
         GROUP BY 1, 2, 3, 4 HAVING count(*) > 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(decided_twice.is_empty(), "fields decided twice: {decided_twice:?}");

    // No timeline step twice: per proposal (one round each in the demo world), at most one
    // approval per level and at most one return or final per sending.
    let steps_twice: Vec<(String, String, Option<i16>, i64)> = sqlx::query_as(
        "SELECT r.nip, r.peristiwa, r.tingkat, count(*) FROM usulan_riwayat r
         WHERE r.peristiwa IN ('disetujui', 'dikembalikan', 'final')
         GROUP BY 1, 2, 3
         HAVING count(*) > (SELECT count(*) FROM usulan_riwayat s WHERE s.nip = r.nip AND s.peristiwa = 'dikirim')",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(steps_twice.is_empty(), "timeline steps recorded twice: {steps_twice:?}");
    // A decision passes a level ('disetujui', also before 'final') or returns the proposal.
    let approvals = sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM usulan_riwayat WHERE peristiwa IN ('disetujui', 'dikembalikan')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let history =
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM verifikasi_riwayat").fetch_one(&pool).await.unwrap();
    assert_eq!(approvals, history, "one timeline step per decision");

    // A retried key gets the first answer and changes nothing.
    for (kunci, (d, answer)) in &acknowledged {
        let (again, _) = verifiers[d.verifier].call_json("/api/verifikasi/putus", &d.body, None, None).await;
        let (first, again): (serde_json::Value, serde_json::Value) =
            (serde_json::from_str(answer).unwrap(), serde_json::from_str(&again).unwrap());
        assert_eq!(first, again, "key {kunci} answers as the first time");
    }
    let history_after =
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM verifikasi_riwayat").fetch_one(&pool).await.unwrap();
    assert_eq!(history_after, history, "replayed keys add no history");

    println!(
        "{} decisions acknowledged through {kills} SIGKILLs ({mid_request} while a request was out, {} starts, \
         back up after {restarts:?} ms); \
         {} requests cut off, {} decisions answered only on a retry ({} stored before their answer was lost), \
         {} sign-ins again; a decision took {} ms; sending took {sending:?}, \
         all {:?}",
        acknowledged.len(),
        server.starts,
        stats.transport_errors.load(Ordering::Relaxed),
        stats.retried_decisions.load(Ordering::Relaxed),
        stats.answers_lost.load(Ordering::Relaxed),
        stats.sign_ins_again.load(Ordering::Relaxed),
        stats.latency_ms.load(Ordering::Relaxed),
        started.elapsed()
    );

    // The server's connections end before #[sqlx::test] drops the database.
    server.kill().await;
}
