//! #9 item 12: a signed-out or revoked session stops working at once on every instance, even
//! one that holds it in its session cache (PostgreSQL NOTIFY, `identity::revocation`).

use app::api::session::SessionState;
use app::auth::SESSION_COOKIE;
use domain::Role;
use server::demo::DEMO_PASSWORD;

use crate::common::{self, TestApp};
use crate::pendaftaran::{give_email, reset_token_from_mail};

/// Two server instances over one database, each caching sessions for a minute.
async fn two_instances(pool: sqlx::PgPool) -> (TestApp, TestApp) {
    let long_cache = |c: &mut server::Config| c.session_cache_seconds = 60;
    let a = common::spawn_with(pool.clone(), long_cache).await;
    let b = common::spawn_with(pool, long_cache).await;
    (a, b)
}

/// The session cookie a sign-in on `app` hands out.
async fn sign_in(app: &TestApp, login: &str) -> String {
    let response = app.sign_in(&common::client(), login, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    let value = cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned();
    format!("{SESSION_COOKIE}={value}")
}

async fn session_on(app: &TestApp, cookie: &str) -> SessionState {
    let client = reqwest::Client::new();
    client.post(app.url("/api/sesi")).header("cookie", cookie).send().await.unwrap().json().await.unwrap()
}

/// Asks `app` until the session is gone; fails if it is still served after two seconds
/// (the cache would have kept it for a minute).
async fn gone_on(app: &TestApp, cookie: &str) -> bool {
    for _ in 0..40 {
        if !matches!(session_on(app, cookie).await, SessionState::SignedIn(_)) {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn signing_out_on_one_instance_ends_the_session_on_the_other(pool: sqlx::PgPool) {
    let (a, b) = two_instances(pool).await;
    let cookie = sign_in(&a, "admin.bkn").await;
    // B resolves the session and keeps it in its cache.
    assert!(matches!(session_on(&b, &cookie).await, SessionState::SignedIn(_)));
    let client = reqwest::Client::new();
    assert_eq!(client.post(a.url("/api/keluar")).header("cookie", &cookie).send().await.unwrap().status(), 200);
    assert!(gone_on(&b, &cookie).await, "B still serves the signed-out session");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_role_switch_and_a_password_reset_reach_the_other_instance(pool: sqlx::PgPool) {
    let (a, b) = two_instances(pool).await;
    // verif1.sleman holds two roles; B caches the session with the first one active.
    let cookie = sign_in(&a, "verif1.sleman").await;
    let SessionState::SignedIn(before) = session_on(&b, &cookie).await else { panic!("signed in") };
    let other = before.grants.iter().find(|g| g.role != before.active.role).expect("a second role").clone();
    let client = reqwest::Client::new();
    let switched = client
        .post(a.url("/api/ganti-peran"))
        .header("cookie", &cookie)
        .form(&[("grant_id", other.id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(switched.status(), 200);
    let mut seen = None;
    for _ in 0..40 {
        if let SessionState::SignedIn(now) = session_on(&b, &cookie).await {
            if now.active.role == other.role {
                seen = Some(now.active.role);
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(seen, Some(other.role), "B shows the new role");
    assert!(matches!(other.role, Role::Pns | Role::VerifikatorL1));

    // A password reset signs every session of the account out, on every instance.
    give_email(&a, "verif1.sleman", "verif1@sleman.go.id").await;
    assert_eq!(a.call(&common::client(), "/api/sandi/minta", &[("identifier", "verif1.sleman")]).await.status(), 200);
    let token = reset_token_from_mail(&a, "verif1@sleman.go.id").await;
    let form = [("token", token.as_str()), ("password", "SandiBaru-2026"), ("confirmation", "SandiBaru-2026")];
    assert_eq!(a.call(&common::client(), "/api/sandi/atur", &form).await.status(), 200);
    assert!(gone_on(&b, &cookie).await, "B still serves a session of the reset account");
}
