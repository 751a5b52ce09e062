//! The help desk's live stream across server instances: two real server processes on one
//! database. An officer's stream on one instance gets the ticket a PNS raised through the
//! other (PostgreSQL NOTIFY wakes it, the event table is the truth); after that instance is
//! killed and started again, the officer resumes from the last event id and gets what was
//! missed meanwhile, once.

#[path = "common/proses.rs"]
mod proses;

use std::time::Duration;

use proses::Server;
use server::demo::DEMO_PASSWORD;
use sqlx::PgPool;

/// One server-sent event.
#[derive(Debug, Clone, Default)]
struct Sse {
    id: Option<String>,
    event: String,
    data: String,
}

/// Reads events from a streaming answer.
struct Reader {
    response: reqwest::Response,
    buffer: String,
}

impl Reader {
    async fn open(client: &reqwest::Client, address: &str, last_event_id: Option<&str>) -> Reader {
        let mut request = client.get(format!("{address}/api/hds/peristiwa"));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        let kind = response.headers().get("content-type").unwrap().to_str().unwrap().to_owned();
        assert!(kind.starts_with("text/event-stream"), "{kind}");
        Reader { response, buffer: String::new() }
    }

    /// The next event (keep-alive comments skipped), within `wait`.
    async fn next(&mut self, wait: Duration) -> Option<Sse> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut event = Sse::default();
                for line in block.lines() {
                    match line.split_once(':').map(|(k, v)| (k, v.trim_start())) {
                        Some(("id", v)) => event.id = Some(v.to_owned()),
                        Some(("event", v)) => event.event = v.to_owned(),
                        Some(("data", v)) => event.data.push_str(v),
                        _ => {}
                    }
                }
                if !event.event.is_empty() {
                    return Some(event);
                }
                continue;
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.ok()?.ok()??;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// Events until one about `ticket` of kind `jenis` arrives; panics after ten seconds.
    async fn until(&mut self, ticket: &str, jenis: &str) -> Vec<Sse> {
        let mut seen = Vec::new();
        loop {
            let event = self
                .next(Duration::from_secs(10))
                .await
                .unwrap_or_else(|| panic!("no {jenis} event for {ticket} within ten seconds; got {seen:?}"));
            seen.push(event.clone());
            if event.event == "hds" && event.data.contains(ticket) && event.data.contains(&format!("\"{jenis}\"")) {
                return seen;
            }
        }
    }
}

async fn signed_in(address: &str, login: &str) -> reqwest::Client {
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let answer = client
        .post(format!("{address}/api/masuk"))
        .form(&[("identifier", login), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200, "{login} signs in");
    client
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn events_reach_every_instance_and_a_restarted_one_replays_what_was_missed(pool: PgPool) {
    let database = pool.connect_options().get_database().expect("the test database has a name").to_owned();
    let (mut a, _a) = Server::on(&database, "hds-a");
    let (mut b, _b) = Server::on(&database, "hds-b");
    a.start().await;
    b.start().await;
    let (a_url, b_url) = (a.address(), b.address());
    // A PNS-only demo account.
    let nip: String = sqlx::query_scalar(
        "SELECT a.nip FROM account a WHERE a.nip IS NOT NULL AND a.status = 'aktif'
           AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role <> 'pns') ORDER BY a.nip LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let pns = signed_in(&a_url, &nip).await;
    let officer = signed_in(&b_url, "hds.kanreg1").await;

    // The officer follows on B; the PNS raises an A ticket on A.
    let mut stream = Reader::open(&officer, &b_url, None).await;
    let ready = stream.next(Duration::from_secs(10)).await.expect("the stream says it is ready");
    assert_eq!(ready.event, "siap");
    let body = r#"{"tiket":{"kategori":"A","subjek":"Nama berbeda","uraian":"Nama saya berbeda dengan SK CPNS."}}"#;
    let raised = pns
        .post(format!("{a_url}/api/hds/saya/buat"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(raised.status(), 200);
    let ticket: serde_json::Value = raised.json().await.unwrap();
    let ticket = ticket["id"].as_str().unwrap().to_owned();
    let events = stream.until(&ticket, "baru").await;
    let last_id = events.last().unwrap().id.clone().expect("events carry their id");

    // B goes away; meanwhile the PNS writes twice on A; B comes back and the officer resumes.
    drop(stream);
    b.kill().await;
    for text in ["Mohon dibantu.", "Ini SK CPNS saya."] {
        let form = [("id", ticket.as_str()), ("isi", text)];
        let answer = pns.post(format!("{a_url}/api/hds/saya/balas")).form(&form).send().await.unwrap();
        assert_eq!(answer.status(), 200, "the PNS replies on A");
    }
    b.start().await;
    let mut stream = Reader::open(&officer, &b_url, Some(&last_id)).await;
    let events = stream.until(&ticket, "pesan").await;
    let mut replayed: Vec<&Sse> = events.iter().filter(|e| e.event == "hds" && e.data.contains(&ticket)).collect();
    let more = stream.until(&ticket, "pesan").await;
    replayed.extend(more.iter().filter(|e| e.event == "hds" && e.data.contains(&ticket)));
    let ids: Vec<i64> = replayed.iter().map(|e| e.id.as_deref().unwrap().parse().unwrap()).collect();
    assert_eq!(ids.len(), 2, "both replies, once each: {replayed:?}");
    assert!(ids[0] < ids[1] && ids[0] > last_id.parse::<i64>().unwrap(), "in order, after the last seen: {ids:?}");
}
