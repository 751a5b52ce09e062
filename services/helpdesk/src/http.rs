//! What the helpdesk serves over plain HTTP (the server merges this router): the live stream.
//!
//! - `GET /api/hds/peristiwa` (server-sent events): the signed-in PNS gets the events of their
//!   own tickets (officers' notes excepted); an officer those of the tickets within reach.
//!   Each event's id is its delivery number: a browser that reconnects sends it back as
//!   `Last-Event-ID` (or `?sejak=`) and first gets every event it missed, in order, then the
//!   live ones, each once. The first event, `siap`, tells the page to load what it shows
//!   (`lanjut` instead on a resumed stream).
//!   A stream ends after `--hds-stream-seconds` (10 minutes): the browser reconnects at once,
//!   so a session that ended meanwhile stops receiving.
//! - `GET /api/hds/tiket/{id}/bukti`: the ticket's printable receipt (PDF), for its PNS and the
//!   officers who reach it.
//! - `POST /api/hds/tiket/{id}/lampiran?nama=<file name>`, body: the file; `GET
//!   /api/hds/lampiran/{id}`: a ticket's attachments, for the same readers (`lampiran.rs`).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use access::{RequestAuth, ServiceError};
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::hds::{Kabar, Lampiran};
use domain::{ErrorCode, Role};
use futures::Stream;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;

use crate::jangkauan::Jangkauan;
use crate::peristiwa::{self, Peristiwa, Siaran};
use crate::store::Helpdesk;

/// At most this many missed events are read per query while catching up.
const BATCH: i64 = 500;

pub fn router<S: Clone + Send + Sync + 'static>(helpdesk: Helpdesk, siaran: Siaran) -> Router<S> {
    Router::new().route("/api/hds/peristiwa", get(stream)).with_state(siaran).merge(
        Router::new()
            .route("/api/hds/tiket/{id}/bukti", get(receipt))
            .route("/api/hds/tiket/{id}/lampiran", post(attach).layer(DefaultBodyLimit::max(BODY_LIMIT)))
            .route("/api/hds/lampiran/{id}", get(attachment))
            .with_state(helpdesk),
    )
}

/// The file is the body: room for the largest attachment and no more.
const BODY_LIMIT: usize = domain::form::dokumen::MAX_BYTES + 1024;

#[derive(serde::Deserialize)]
struct NamaBerkas {
    nama: String,
}

/// Who asks and how much they declare are settled before the body is read.
async fn attach(
    State(helpdesk): State<Helpdesk>,
    auth: RequestAuth,
    Path(id): Path<String>,
    query: Result<Query<NamaBerkas>, QueryRejection>,
    request: Request,
) -> Result<Json<Lampiran>, ServiceError> {
    let user = auth.user()?;
    let id = id.parse().map_err(|_| ErrorCode::NotFound)?;
    let declared: Option<u64> =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse().ok());
    if declared.is_some_and(|length| length > BODY_LIMIT as u64) {
        return Err(ErrorCode::DocumentTooLarge.into());
    }
    let Query(q) = query.map_err(|_| ErrorCode::BadRequest)?;
    // Without a declared length (chunked), the body limit stops the read at the limit.
    let body = Bytes::from_request(request, &()).await.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::DocumentTooLarge,
        _ => ErrorCode::BadRequest,
    })?;
    Ok(Json(helpdesk.attach(user, id, &q.nama, &body, &auth.ip).await?))
}

async fn attachment(
    State(helpdesk): State<Helpdesk>,
    auth: RequestAuth,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ServiceError> {
    let user = auth.user()?;
    let id = id.parse().map_err(|_| ErrorCode::NotFound)?;
    let (lampiran, path) = helpdesk.attachment_for(user, id, &auth.ip).await?;
    let bytes = tokio::fs::read(&path).await.map_err(|e| ServiceError::Internal(format!("{}: {e}", path.display())))?;
    Ok(access::unduhan::download(&lampiran.nama_file, lampiran.jenis, bytes))
}

async fn receipt(
    State(helpdesk): State<Helpdesk>,
    auth: RequestAuth,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ServiceError> {
    let user = auth.user()?;
    let id = id.parse().map_err(|_| ErrorCode::NotFound)?;
    let bukti = helpdesk.receipt(user, id, &auth.ip).await?;
    let disposition = format!("inline; filename=\"{}\"", bukti.file_name);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bukti.pdf))
}

#[derive(serde::Deserialize)]
struct Sejak {
    sejak: Option<i64>,
}

/// Whose events a stream carries.
enum Pembaca {
    Pns(String),
    Petugas(Jangkauan),
}

impl Pembaca {
    fn sees(&self, p: &Peristiwa) -> bool {
        match self {
            Pembaca::Pns(nip) => p.for_pns(nip),
            Pembaca::Petugas(j) => p.for_officer(j),
        }
    }
}

struct Aliran {
    siaran: Siaran,
    rx: Receiver<Arc<Peristiwa>>,
    pembaca: Pembaca,
    /// The last number delivered (or skipped as not this reader's).
    last: i64,
    backlog: VecDeque<Peristiwa>,
    /// Read from the table rather than the broadcast (start, or the broadcast overran us).
    catching_up: bool,
    siap: bool,
}

async fn stream(
    State(siaran): State<Siaran>,
    auth: RequestAuth,
    headers: HeaderMap,
    Query(query): Query<Sejak>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ServiceError> {
    let user = auth.user()?;
    let pembaca = match user.active.role {
        Role::Pns => Pembaca::Pns(user.own_nip()?.to_owned()),
        _ => Pembaca::Petugas(Jangkauan::of(&user.active)?),
    };
    // Subscribed before the table is read: nothing can fall between the two.
    let rx = siaran.subscribe();
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(query.sejak)
        .filter(|n| *n >= 0);
    let last = match resume {
        Some(n) => n,
        None => peristiwa::latest(&siaran.pool).await?,
    };
    let aliran =
        Aliran { siaran, rx, pembaca, last, backlog: VecDeque::new(), catching_up: resume.is_some(), siap: false };
    let ends = tokio::time::Instant::now() + aliran.siaran.lifetime;
    let events = futures::stream::unfold(aliran, move |mut a| async move {
        // At the end of its lifetime the stream ends; the browser reconnects and resumes.
        let event = tokio::time::timeout_at(ends, a.next()).await.ok()?;
        Some((Ok(event), a))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

impl Aliran {
    async fn next(&mut self) -> Event {
        if !self.siap {
            self.siap = true;
            // `siap` on a fresh stream (the page loads what it shows), `lanjut` on a resumed one
            // (the missed events follow). Reconnect a second after a drop, not the browser's
            // default three. (An event with empty data is never dispatched: it carries the number.)
            let kind = if self.catching_up { "lanjut" } else { "siap" };
            let nomor = self.last.to_string();
            return Event::default().event(kind).id(nomor.clone()).retry(Duration::from_secs(1)).data(nomor);
        }
        loop {
            if let Some(p) = self.backlog.pop_front() {
                if let Some(event) = self.deliver(&p) {
                    return event;
                }
                continue;
            }
            if self.catching_up {
                match self.read_table().await {
                    Ok(true) => continue,
                    Ok(false) => self.catching_up = false,
                    Err(e) => {
                        tracing::warn!(error = %e, "hds stream: catching up failed");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                }
            }
            match self.rx.recv().await {
                Ok(p) => {
                    if let Some(event) = self.deliver(&p) {
                        return event;
                    }
                }
                Err(RecvError::Lagged(_)) => self.catching_up = true,
                // The instance is shutting down: end quietly after a pause (the browser reconnects).
                Err(RecvError::Closed) => {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                }
            }
        }
    }

    /// Next batch after `last` from the table; false when there was none.
    async fn read_table(&mut self) -> sqlx::Result<bool> {
        peristiwa::number(&self.siaran.pool).await?;
        let batch = peristiwa::after(&self.siaran.pool, self.last, BATCH).await?;
        let any = !batch.is_empty();
        self.backlog.extend(batch);
        Ok(any)
    }

    /// The event for this reader, once: numbers at or below `last` were already handled.
    fn deliver(&mut self, p: &Peristiwa) -> Option<Event> {
        if p.nomor <= self.last {
            return None;
        }
        self.last = p.nomor;
        if !self.pembaca.sees(p) {
            return None;
        }
        let kabar = Kabar { nomor: p.nomor, tiket_id: p.tiket_id.to_string(), jenis: p.jenis.clone() };
        let data = serde_json::to_string(&kabar).unwrap_or_default();
        Some(Event::default().event("hds").id(p.nomor.to_string()).data(data))
    }
}
