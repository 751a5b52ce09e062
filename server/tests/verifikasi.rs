//! Verification through the real router: a birth-date change approved at L4 gives the PNS a
//! new NIP; their open sessions end at once, and the old NIP still signs in.

mod common;

use app::api::session::SessionState;
use domain::Role;
use identity::{NewAccount, Scope};
use server::demo::DEMO_PASSWORD;

/// The body of `/api/verifikasi/putus` that accepts every change of `item`'s round and passes
/// it on, under the idempotency key `kunci`.
async fn accept_and_pass(app: &common::TestApp, item: uuid::Uuid, kunci: uuid::Uuid) -> String {
    let (usulan_id, putaran): (uuid::Uuid, i32) =
        sqlx::query_as("SELECT usulan_id, putaran FROM verifikasi_item WHERE id = $1")
            .bind(item)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let mut conn = app.pool.acquire().await.unwrap();
    let changes = personnel::Personnel::round_changes(&mut conn, usulan_id, putaran).await.unwrap();
    let keputusan: Vec<_> = changes
        .iter()
        .map(|c| serde_json::json!({ "kunci": verification::key_of(c), "hasil": "terima", "alasan": "" }))
        .collect();
    serde_json::json!({ "putusan": { "item": item, "kunci": kunci, "keputusan": keputusan,
        "tindakan": "teruskan", "catatan": "" } })
    .to_string()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_approved_birth_date_change_moves_the_account_to_the_new_nip(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let services = server::app_state(&app.config, app.pool.clone()).unwrap();
    // The demo's one proposal waiting at L4 is a birth-date change; its PNS gets an account.
    let (item, nip): (uuid::Uuid, String) =
        sqlx::query_as("SELECT id, nip FROM verifikasi_item WHERE tingkat = 4 AND status = 'menunggu'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let master = services.personnel.master(&nip).await.unwrap().unwrap();
    let account = NewAccount {
        nip: Some(&nip),
        username: None,
        nama: &master.nama,
        email: None,
        password: DEMO_PASSWORD,
        instansi_id: Some(master.instansi_id),
        unor_id: Some(master.unor_id),
        active: true,
    };
    let id = services.identity.ensure_account(account).await.unwrap();
    services.identity.ensure_grant(id, Role::Pns, Scope::default()).await.unwrap();
    let pns = common::client();
    assert_eq!(app.sign_in(&pns, &nip, DEMO_PASSWORD).await.status(), 200);

    // L4 accepts every change and approves.
    let body = accept_and_pass(&app, item, uuid::Uuid::new_v4()).await;
    let l4 = app.client_as(Role::VerifikatorL4).await;
    let response = app.call_json(&l4, "/api/verifikasi/putus", &body).await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());

    let new_nip = services.personnel.current_nip(&nip).await.unwrap().expect("the old NIP is an alias");
    // The session opened under the old NIP is over (the cache forgets it within its few seconds).
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    assert!(matches!(app.session(&pns).await, SessionState::Anonymous | SessionState::Expired));
    // The old NIP still signs in, to the account under the new one.
    let again = common::client();
    assert_eq!(app.sign_in(&again, &nip, DEMO_PASSWORD).await.status(), 200);
    let SessionState::SignedIn(view) = app.session(&again).await else { panic!("signed in") };
    assert_eq!(view.login, new_nip);
    let record = app.call(&again, "/api/pns/data-saya", &[]).await;
    assert_eq!(record.status(), 200);
    let record: serde_json::Value = record.json().await.unwrap();
    assert_eq!((record["nip"].as_str(), record["nip_lama"].as_str()), (Some(new_nip.as_str()), Some(nip.as_str())));
}

/// Races over HTTP: one verifier's decision sent from two browsers at once, each retried with
/// its own key, as a flaky network would. Exactly one key is applied; every request with that
/// key gets the same answer, every request with the other is told it was decided meanwhile.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn parallel_decisions_on_one_item_are_applied_once(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let browsers = [app.client_as(Role::VerifikatorL1).await, app.client_as(Role::VerifikatorL1).await];
    let queue = app.call_json(&browsers[0], "/api/verifikasi/antrian", r#"{"filter":{},"setelah":null}"#).await;
    assert_eq!(queue.status(), 200);
    let queue: serde_json::Value = queue.json().await.unwrap();
    let item: uuid::Uuid = queue["items"][0]["id"].as_str().expect("the demo L1 queue has work").parse().unwrap();
    let (usulan_id, putaran): (uuid::Uuid, i32) =
        sqlx::query_as("SELECT usulan_id, putaran FROM verifikasi_item WHERE id = $1")
            .bind(item)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let keys = [uuid::Uuid::new_v4(), uuid::Uuid::new_v4()];
    let bodies = [accept_and_pass(&app, item, keys[0]).await, accept_and_pass(&app, item, keys[1]).await];

    let requests = (0..8).map(|i| {
        let (browser, kunci, body) = (&browsers[i % 2], keys[i / 4], &bodies[i / 4]);
        let app = &app;
        async move {
            let response = app.call_json(browser, "/api/verifikasi/putus", body).await;
            (kunci, response.status().as_u16(), response.text().await.unwrap())
        }
    });
    let answers = futures::future::join_all(requests).await;

    let winner = answers.iter().find(|(_, status, _)| *status == 200).expect("one key applied").0;
    for (kunci, status, text) in &answers {
        if *kunci == winner {
            assert_eq!(*status, 200, "{text}");
        } else {
            assert_eq!(*status, 409, "{text}");
            assert!(text.contains("AlreadyDecided"), "{text}");
        }
    }
    let first = &answers.iter().find(|(k, _, _)| *k == winner).unwrap().2;
    assert!(answers.iter().filter(|(k, _, _)| *k == winner).all(|(_, _, text)| text == first), "{answers:?}");
    let (riwayat, berikut): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM verifikasi_riwayat WHERE item_id = $1),
                (SELECT count(*) FROM verifikasi_item WHERE usulan_id = $2 AND putaran = $3 AND tingkat = 2)",
    )
    .bind(item)
    .bind(usulan_id)
    .bind(putaran)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((riwayat, berikut), (1, 1));

    // The winning key again with another body (a note added): refused, nothing applied.
    let mut other: serde_json::Value =
        serde_json::from_str(&bodies[keys.iter().position(|k| *k == winner).unwrap()]).unwrap();
    other["putusan"]["catatan"] = "catatan lain".into();
    let reused = app.call_json(&browsers[0], "/api/verifikasi/putus", &other.to_string()).await;
    assert_eq!(reused.status(), 422);
    assert!(reused.text().await.unwrap().contains("KeyReused"));
    let riwayat: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_riwayat WHERE item_id = $1")
        .bind(item)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(riwayat, 1);
}

/// Admin BKN changes verification's routing table (#13): one row at a time, sorted, each level
/// with its office; a row that would leave proposals unverified is refused; audited.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn admin_bkn_changes_which_levels_a_proposal_takes(pool: sqlx::PgPool) {
    use domain::rute_verifikasi::RuteVerifikasi;
    let app = common::spawn(pool).await;
    let bkn = app.client_as(Role::AdminBkn).await;
    let table: Vec<RuteVerifikasi> = app.call_json(&bkn, "/api/verifikasi/rute", "{}").await.json().await.unwrap();
    let levels = |t: &[RuteVerifikasi], i: &str, p: &str| {
        t.iter().find(|r| r.jenis_instansi == i && r.jenis_perubahan == p).unwrap().tingkat.clone()
    };
    assert_eq!(table.len(), 4);
    assert_eq!(levels(&table, "daerah", "semua"), [1, 2, 3]);
    assert_eq!(levels(&table, "pusat", "nip"), [4]);

    // Central instansi: every proposal also through the Direktorat Status (levels sent unsorted).
    let body = serde_json::json!({ "rute": { "jenis_instansi": "pusat", "jenis_perubahan": "semua", "tingkat": [4, 1, 2, 3] } });
    let response = app.call_json(&bkn, "/api/verifikasi/rute/simpan", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let table: Vec<RuteVerifikasi> = app.call_json(&bkn, "/api/verifikasi/rute", "{}").await.json().await.unwrap();
    assert_eq!(levels(&table, "pusat", "semua"), [1, 2, 3, 4]);
    let stored: (String, Option<i16>) = sqlx::query_as(
        "SELECT kantor, kantor_id FROM verifikasi_rute WHERE jenis_instansi = 'pusat' AND jenis_perubahan = 'semua' AND tingkat = 4",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, ("Direktorat Status BKN".to_owned(), Some(100)));
    let audit: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'verifikasi_rute_changed'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        (audit["sebelum"].clone(), audit["sesudah"].clone()),
        (serde_json::json!([1, 2, 3]), serde_json::json!([1, 2, 3, 4]))
    );

    // No level for every proposal, a level 5, an unknown kind: refused, nothing changes.
    for (rute, code) in [
        (
            serde_json::json!({ "jenis_instansi": "daerah", "jenis_perubahan": "semua", "tingkat": [] }),
            "RouteLevelsRequired",
        ),
        (serde_json::json!({ "jenis_instansi": "daerah", "jenis_perubahan": "nip", "tingkat": [5] }), "BadRequest"),
        (serde_json::json!({ "jenis_instansi": "desa", "jenis_perubahan": "semua", "tingkat": [1] }), "BadRequest"),
    ] {
        let response =
            app.call_json(&bkn, "/api/verifikasi/rute/simpan", &serde_json::json!({ "rute": rute }).to_string()).await;
        assert_eq!(response.status(), 400);
        assert!(response.text().await.unwrap().contains(code), "{code}");
    }
    let after: Vec<RuteVerifikasi> = app.call_json(&bkn, "/api/verifikasi/rute", "{}").await.json().await.unwrap();
    assert_eq!(after, table);
}
