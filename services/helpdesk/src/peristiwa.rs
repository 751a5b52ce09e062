//! The event log behind the live inbox.
//!
//! Every change to a ticket writes an event in the same transaction and notifies the channel
//! `sipupns_hds` (delivered at commit). Events get their delivery number (`nomor`, the SSE id a
//! browser resumes from) only after they committed, from one numberer at a time under an
//! advisory lock: a sequence value taken at insert could commit after a higher one and be
//! skipped by a reader that already moved past it; numbered after commit, a number is never
//! visible before a lower one. The table is the truth; NOTIFY only wakes the instances, and a
//! timer covers a lost notification.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use sqlx::{PgPool, Postgres, Transaction};
use tokio::sync::broadcast;
use uuid::Uuid;

use crate::jangkauan::Jangkauan;
use crate::rute::Penerima;

/// The PostgreSQL channel that wakes every instance.
pub const CHANNEL: &str = "sipupns_hds";
/// Any constant the other advisory locks of the schema do not use.
const NUMBERER_LOCK: i64 = 0x4844_5331;
/// A lost notification is covered this often.
const TICK: Duration = Duration::from_secs(2);

/// One event as the stream filters it: the ticket's routing travels with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Peristiwa {
    pub nomor: i64,
    pub tiket_id: Uuid,
    /// baru, pesan, catatan and hadir (officers only), status, petugas
    pub jenis: String,
    pub nip: String,
    pub kategori: String,
    pub penerima: Penerima,
}

impl Peristiwa {
    /// The PNS of the ticket sees all but officers' notes and who has it open.
    pub fn for_pns(&self, nip: &str) -> bool {
        self.nip == nip && !matches!(self.jenis.as_str(), "catatan" | "hadir")
    }

    pub fn for_officer(&self, jangkauan: &Jangkauan) -> bool {
        jangkauan.covers(self.penerima, &self.kategori)
    }
}

/// Writes an event of `tiket_id` (copying its routing) inside the caller's transaction.
pub(crate) async fn record(tx: &mut Transaction<'_, Postgres>, tiket_id: Uuid, jenis: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO hds_peristiwa (tiket_id, jenis, nip, kategori, kantor_id, penerima, penerima_instansi_id)
         SELECT id, $2, nip, kategori, kantor_id, penerima, penerima_instansi_id FROM hds_tiket WHERE id = $1",
        tiket_id,
        jenis
    )
    .execute(&mut **tx)
    .await?;
    // Both return void, which the checked macros cannot describe.
    sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(&mut **tx).await?;
    Ok(())
}

/// Numbers every committed event that has no number yet; one numberer at a time.
pub async fn number(pool: &PgPool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(NUMBERER_LOCK).execute(&mut *tx).await?;
    // A new statement, a new snapshot: it sees what the previous numberer committed.
    let done = sqlx::query!(
        "UPDATE hds_peristiwa p SET nomor = nextval('hds_peristiwa_nomor_seq')
         FROM (SELECT id FROM hds_peristiwa WHERE nomor IS NULL ORDER BY id FOR UPDATE) b
         WHERE p.id = b.id"
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(done)
}

/// Numbered events after `nomor`, oldest first, at most `limit`.
pub async fn after(pool: &PgPool, nomor: i64, limit: i64) -> sqlx::Result<Vec<Peristiwa>> {
    let rows = sqlx::query!(
        r#"SELECT nomor AS "nomor!", tiket_id, jenis, nip, kategori, penerima, kantor_id, penerima_instansi_id
           FROM hds_peristiwa WHERE nomor > $1 ORDER BY nomor LIMIT $2"#,
        nomor,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let penerima = Penerima::from_columns(&r.penerima, r.kantor_id, r.penerima_instansi_id)?;
            Some(Peristiwa {
                nomor: r.nomor,
                tiket_id: r.tiket_id,
                jenis: r.jenis,
                nip: r.nip,
                kategori: r.kategori,
                penerima,
            })
        })
        .collect())
}

/// The newest delivery number (0 with none).
pub async fn latest(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT coalesce(max(nomor), 0) AS "n!" FROM hds_peristiwa"#).fetch_one(pool).await
}

/// This instance's fan-out: one listener numbers and reads new events and broadcasts them to
/// every open stream of this instance.
#[derive(Clone)]
pub struct Siaran {
    pub(crate) pool: PgPool,
    sender: broadcast::Sender<Arc<Peristiwa>>,
    /// How long one stream lasts: the browser reconnects (the session checked again) and
    /// resumes from its last event.
    pub(crate) lifetime: Duration,
}

impl Siaran {
    /// Starts the listener task; it runs as long as the process.
    pub fn start(pool: PgPool, lifetime: Duration) -> Siaran {
        let (sender, _) = broadcast::channel(1024);
        let siaran = Siaran { pool, sender, lifetime };
        let task = siaran.clone();
        tokio::spawn(async move { task.run().await });
        siaran
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Peristiwa>> {
        self.sender.subscribe()
    }

    async fn run(self) {
        let mut last = loop {
            match latest(&self.pool).await {
                Ok(n) => break n,
                Err(e) => {
                    tracing::warn!(error = %e, "hds events: reading the latest number failed");
                    tokio::time::sleep(TICK).await;
                }
            }
        };
        let mut listener = None;
        loop {
            if listener.is_none() {
                listener = match PgListener::connect_with(&self.pool).await {
                    Ok(mut l) => match l.listen(CHANNEL).await {
                        Ok(()) => Some(l),
                        Err(e) => {
                            tracing::warn!(error = %e, "hds events: LISTEN failed");
                            None
                        }
                    },
                    Err(e) => {
                        tracing::warn!(error = %e, "hds events: listener connection failed");
                        None
                    }
                };
            }
            // Wait for a notification or the tick, whichever comes first.
            if let Some(l) = listener.as_mut() {
                if let Ok(Err(e)) = tokio::time::timeout(TICK, l.recv()).await {
                    tracing::warn!(error = %e, "hds events: listener lost");
                    listener = None;
                }
            } else {
                tokio::time::sleep(TICK).await;
            }
            match self.publish_after(last).await {
                Ok(n) => last = n,
                Err(e) => tracing::warn!(error = %e, "hds events: publishing failed"),
            }
        }
    }

    /// Numbers what committed and broadcasts everything after `last`; returns the new last.
    async fn publish_after(&self, mut last: i64) -> sqlx::Result<i64> {
        number(&self.pool).await?;
        loop {
            let batch = after(&self.pool, last, 500).await?;
            let Some(end) = batch.last().map(|p| p.nomor) else { return Ok(last) };
            for p in batch {
                // No open stream is not an error.
                let _ = self.sender.send(Arc::new(p));
            }
            last = end;
        }
    }
}
