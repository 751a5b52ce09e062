//! Offline checkouts against a real database: a 24-hour hold others see, decisions made under
//! it, giving items back, a supervisor's release turning the offline decision into a conflict,
//! and the per-verifier limit under parallel requests.

mod common;

use access::{CurrentUser, ServiceError};
use common::{verifier, World};
use domain::verifikasi::{Hasil, Keputusan, Putusan, StatusItem, Tindakan};
use domain::{ErrorCode, Role};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use verification::{Filter, Klaim, Pinjaman, MAX_PINJAM};

/// `count` PNS in Dinas Uji, each with a sent proposal waiting at L1.
async fn world(pool: &sqlx::PgPool, count: usize) -> World {
    let w = common::world_of(pool, 11, count).await;
    for i in 0..count {
        w.send(i, &format!("Jl. Luring No. {i}")).await;
    }
    w
}

async fn take(w: &World, user: &CurrentUser, n: i64) -> Result<Vec<Pinjaman>, ServiceError> {
    w.verification.checkout(user, &Filter::default(), n, "127.0.0.1").await
}

/// Accepts every open change of a checked-out item, as the offline page would send it.
fn accept(p: &Pinjaman) -> Putusan {
    Putusan {
        item: p.tinjauan.item.id.to_string(),
        kunci: Uuid::new_v4().to_string(),
        keputusan: p
            .tinjauan
            .terbuka
            .iter()
            .map(|k| Keputusan { kunci: k.clone(), hasil: Hasil::Terima, alasan: String::new() })
            .collect(),
        tindakan: Tindakan::Teruskan,
        catatan: String::new(),
        pinjam: Some(p.id.to_string()),
    }
}

fn refused(result: Result<impl std::fmt::Debug, ServiceError>, code: ErrorCode) {
    match result {
        Err(ServiceError::Refused(c)) if c == code => {}
        other => panic!("expected {code:?}, got {other:?}"),
    }
}

async fn akhir(pool: &sqlx::PgPool, id: Uuid) -> Option<String> {
    sqlx::query_scalar("SELECT akhir FROM verifikasi_pinjam WHERE id = $1").bind(id).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_checkout_holds_items_for_24_hours_and_others_see_who_has_them(pool: sqlx::PgPool) {
    let w = world(&pool, 3).await;
    let (a, b) = (w.l1(), w.l1());
    let taken = take(&w, &a, 2).await.unwrap();
    assert_eq!(taken.len(), 2);
    let day = OffsetDateTime::now_utc() + Duration::hours(23);
    for p in &taken {
        assert!(p.sampai > day);
        assert!(matches!(p.tinjauan.klaim, Klaim::Milik(t) if t == p.sampai));
        assert!(!p.tinjauan.terbuka.is_empty());
    }
    // Each item taken is an audited read of personal data.
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'data_read' AND detail->>'fields' = 'usulan-luring'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);

    // Another verifier sees who holds them and until when, and takes only the third.
    let queue = w.verification.queue(&b, &Filter::default(), None, 50).await.unwrap();
    let held: Vec<_> = queue.items.iter().filter(|i| i.klaim_nama.as_deref() == Some(a.nama.as_str())).collect();
    assert_eq!(held.len(), 2);
    assert!(held.iter().all(|i| i.klaim_sampai.is_some_and(|t| t > day)));
    let third = take(&w, &b, 5).await.unwrap();
    assert_eq!(third.len(), 1);
    refused(take(&w, &b, 5).await, ErrorCode::NothingToCheckout);
    let seen = w.verification.review(&b, taken[0].tinjauan.item.id, "127.0.0.1").await.unwrap();
    assert!(matches!(seen.klaim, Klaim::Orang(ref nama, t) if *nama == a.nama && t > day));

    // Opening it online renews nothing shorter, and closing the page keeps the checkout.
    let own = w.verification.review(&a, taken[0].tinjauan.item.id, "127.0.0.1").await.unwrap();
    assert!(matches!(own.klaim, Klaim::Milik(t) if t > day));
    w.verification.release(&a, taken[0].tinjauan.item.id).await.unwrap();
    // Someone else's checkout id is not a pass.
    refused(w.verification.decide(&b, &accept(&taken[0])).await, ErrorCode::BadRequest);

    // Decided under the checkout: it lands, and the checkout ends as decided.
    let answer = w.verification.decide(&a, &accept(&taken[0])).await.unwrap();
    assert_eq!(answer.status, StatusItem::Diteruskan);
    assert_eq!(akhir(&pool, taken[0].id).await.as_deref(), Some("diputus"));

    // Given back: free for others at once.
    assert_eq!(w.verification.return_checkouts(&a, &[taken[1].tinjauan.item.id]).await.unwrap(), 1);
    assert_eq!(akhir(&pool, taken[1].id).await.as_deref(), Some("dikembalikan"));
    assert!(matches!(w.verification.claim(&b, taken[1].tinjauan.item.id).await.unwrap(), Klaim::Milik(_)));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_supervisor_release_turns_the_offline_decision_into_a_conflict(pool: sqlx::PgPool) {
    let w = world(&pool, 1).await;
    let a = w.l1();
    let taken = take(&w, &a, 1).await.unwrap();
    let item = taken[0].tinjauan.item.id;

    // L2 of the instansi sees the checkout; an L1 colleague and another instansi's L2 cannot act.
    let l2 = w.l2();
    let list = w.verification.checkouts(&l2).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].item_id, list[0].oleh_nama.as_str()), (item, a.nama.as_str()));
    refused(w.verification.checkouts(&w.l1()).await, ErrorCode::Forbidden);
    refused(
        w.verification.release_checkout(&w.l1(), item, "Tidak bisa dihubungi", "127.0.0.1").await,
        ErrorCode::Forbidden,
    );
    let stranger = verifier(Role::VerifikatorL2, Some(Uuid::new_v4()), None, None);
    refused(
        w.verification.release_checkout(&stranger, item, "Tidak bisa dihubungi", "127.0.0.1").await,
        ErrorCode::NotFound,
    );
    assert!(w.verification.checkouts(&stranger).await.unwrap().is_empty());
    refused(w.verification.release_checkout(&l2, item, "  ", "127.0.0.1").await, ErrorCode::ReasonRequired);

    w.verification.release_checkout(&l2, item, "Verifikator cuti, pekerjaan dialihkan", "127.0.0.1").await.unwrap();
    assert_eq!(akhir(&pool, taken[0].id).await.as_deref(), Some("dilepas"));
    let why: String = sqlx::query_scalar("SELECT detail->>'alasan' FROM audit_log WHERE action = 'checkout_released'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(why, "Verifikator cuti, pekerjaan dialihkan");
    assert!(w.verification.checkouts(&l2).await.unwrap().is_empty());
    refused(w.verification.release_checkout(&l2, item, "lagi", "127.0.0.1").await, ErrorCode::NotFound);

    // The offline decision arrives: a conflict, every time, and nothing is written.
    let putusan = accept(&taken[0]);
    refused(w.verification.decide(&a, &putusan).await, ErrorCode::CheckoutReleased);
    refused(w.verification.decide(&a, &putusan).await, ErrorCode::CheckoutReleased);
    let decided: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_riwayat").fetch_one(&pool).await.unwrap();
    assert_eq!(decided, 0);
    // Resolved by opening it online and deciding again without the checkout.
    let b = w.l1();
    let t = w.verification.review(&b, item, "127.0.0.1").await.unwrap();
    assert!(matches!(t.klaim, Klaim::Milik(_)));
    let online = Putusan { kunci: Uuid::new_v4().to_string(), pinjam: None, ..putusan };
    assert_eq!(w.verification.decide(&b, &online).await.unwrap().status, StatusItem::Diteruskan);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_decision_on_an_expired_checkout_lands_unless_someone_took_the_item(pool: sqlx::PgPool) {
    let w = world(&pool, 2).await;
    let a = w.l1();
    let taken = take(&w, &a, 2).await.unwrap();
    sqlx::query("UPDATE verifikasi_pinjam SET sampai = now() - interval '1 minute'").execute(&pool).await.unwrap();
    sqlx::query("UPDATE verifikasi_item SET klaim_sampai = now() - interval '1 minute'").execute(&pool).await.unwrap();
    // Nobody touched the first: the decision lands.
    assert_eq!(w.verification.decide(&a, &accept(&taken[0])).await.unwrap().status, StatusItem::Diteruskan);
    // Another verifier opened the second meanwhile: it is theirs now.
    let b = w.l1();
    assert!(matches!(w.verification.claim(&b, taken[1].tinjauan.item.id).await.unwrap(), Klaim::Milik(_)));
    refused(w.verification.decide(&a, &accept(&taken[1])).await, ErrorCode::ClaimedByOther);
    // And an expired checkout no longer blocks a new one.
    w.verification.release(&b, taken[1].tinjauan.item.id).await.unwrap();
    assert_eq!(take(&w, &b, 1).await.unwrap().len(), 1);
    assert_eq!(akhir(&pool, taken[1].id).await.as_deref(), Some("kedaluwarsa"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn parallel_checkouts_never_pass_the_limit_or_share_an_item(pool: sqlx::PgPool) {
    let w = world(&pool, 4).await;
    let a = w.l1();
    // The verifier already holds MAX_PINJAM - 2 items (decided-looking rows outside the queue).
    sqlx::query(
        "WITH src AS (SELECT * FROM verifikasi_item LIMIT 1),
              baru AS (INSERT INTO verifikasi_item (id, usulan_id, putaran, tingkat, tingkat_rute, status, nip, nama,
                           instansi_id, jenis_instansi, unor_path, kanreg_id, tanggal_lahir, ada_dokumen, ada_tanda,
                           jumlah_perubahan, dikirim)
                       SELECT gen_random_uuid(), gen_random_uuid(), 1, 1, '{1,2}', 'diteruskan', nip, nama, instansi_id,
                              jenis_instansi, unor_path, kanreg_id, tanggal_lahir, false, false, 1, now()
                       FROM src, generate_series(1, $2)
                       RETURNING id)
         INSERT INTO verifikasi_pinjam (id, item_id, oleh, oleh_nama, sampai)
         SELECT gen_random_uuid(), id, $1, 'A', now() + interval '1 day' FROM baru",
    )
    .bind(a.account_id)
    .bind((MAX_PINJAM - 2) as i32)
    .execute(&pool)
    .await
    .unwrap();
    let tries = futures::future::join_all((0..4).map(|_| take(&w, &a, 1))).await;
    let ok = tries.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 2, "{tries:?}");
    for r in tries.into_iter().filter(|r| r.is_err()) {
        refused(r, ErrorCode::TooManyCheckouts);
    }
    let active: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_pinjam WHERE oleh = $1 AND selesai IS NULL")
        .bind(a.account_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(active, MAX_PINJAM);

    // Two other verifiers racing for the remaining two: each item goes to exactly one.
    let (b, c) = (w.l1(), w.l1());
    let (rb, rc) = tokio::join!(take(&w, &b, 2), take(&w, &c, 2));
    let got = rb.map(|v| v.len()).unwrap_or(0) + rc.map(|v| v.len()).unwrap_or(0);
    assert_eq!(got, 2);
    let shared: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT item_id FROM verifikasi_pinjam WHERE selesai IS NULL GROUP BY item_id HAVING count(*) > 1) d",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(shared, 0);
    refused(take(&w, &b, 0).await, ErrorCode::BadRequest);
    refused(take(&w, &b, MAX_PINJAM + 1).await, ErrorCode::BadRequest);
}
