//! Client addresses behind a reverse proxy (#9 item 3): with `--trusted-proxies` the sign-in
//! limit counts per address the proxy forwarded for; without it, or from a peer outside the
//! list, `X-Forwarded-For` is whatever the client wrote and is ignored.

use server::demo::DEMO_PASSWORD;

use crate::common::{self, TestApp};

/// The status of a sign-in as forwarded by a proxy for `client_address` (the tests' socket peer
/// is 127.0.0.1).
async fn sign_in_from(app: &TestApp, client_address: &str, login: &str, password: &str) -> u16 {
    let client = common::client();
    crate::support::sign_in_from(app, &client, client_address, login, password).await.status().as_u16()
}

async fn audited_addresses(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT DISTINCT ip FROM audit_log ORDER BY ip").fetch_all(&app.pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn behind_a_trusted_proxy_the_sign_in_limit_counts_per_forwarded_address(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |config| {
        config.signin_per_minute = 3;
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    common::within_one_rate_window().await;
    for _ in 0..3 {
        assert_ne!(sign_in_from(&app, "203.0.113.7", "nobody", "whatever-123").await, 429);
    }
    assert_eq!(sign_in_from(&app, "203.0.113.7", "nobody", "whatever-123").await, 429);
    // Another client behind the same proxy has its own count.
    assert_ne!(sign_in_from(&app, "203.0.113.8", "nobody", "whatever-123").await, 429);
    // The client's own spoofed entry, left of what the proxy appended, changes nothing.
    assert_eq!(sign_in_from(&app, "198.51.100.1, 203.0.113.7", "nobody", "whatever-123").await, 429);
    // The audit log records the client, not the proxy.
    assert_eq!(sign_in_from(&app, "203.0.113.9", "admin.bkn", DEMO_PASSWORD).await, 200);
    let signed_in_from: Vec<String> =
        sqlx::query_scalar("SELECT ip FROM audit_log WHERE account_id IS NOT NULL AND ip <> ''")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(signed_in_from.contains(&"203.0.113.9".to_owned()), "{signed_in_from:?}");
    assert!(!audited_addresses(&app).await.contains(&"127.0.0.1".to_owned()));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn without_trusted_proxies_a_forwarded_address_does_not_get_round_the_limit(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |config| config.signin_per_minute = 3).await;
    common::within_one_rate_window().await;
    assert!(app.config.trusted_proxies.is_empty(), "off unless configured");
    for client in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        assert_ne!(sign_in_from(&app, client, "nobody", "whatever-123").await, 429);
    }
    assert_eq!(sign_in_from(&app, "203.0.113.4", "nobody", "whatever-123").await, 429);
    assert_eq!(audited_addresses(&app).await, ["127.0.0.1"]);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_peer_outside_the_trusted_networks_cannot_forward(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |config| {
        config.signin_per_minute = 3;
        config.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
    })
    .await;
    common::within_one_rate_window().await;
    for client in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        assert_ne!(sign_in_from(&app, client, "nobody", "whatever-123").await, 429);
    }
    assert_eq!(sign_in_from(&app, "203.0.113.4", "nobody", "whatever-123").await, 429);
    assert_eq!(audited_addresses(&app).await, ["127.0.0.1"]);
}
