//! Sign-in, sessions, CSRF and the audit log, through HTTP against a real database.
//! Lockout and enumeration are in the security test binary (tests/security/).

mod common;

use app::api::session::SessionState;
use app::error::AppError;
use domain::{ErrorCode, Role};
use server::demo::DEMO_PASSWORD;

async fn error_of(response: reqwest::Response) -> (u16, ErrorCode) {
    let status = response.status().as_u16();
    let error: AppError = response.json().await.expect("error body is an AppError");
    (status, error.0)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn pns_signs_in_with_nip_and_gets_a_safe_session_cookie(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let response = app.sign_in(&client, &app.demo.pns_nip, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("sipupns_sesi="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let home: String = response.json().await.unwrap();
    assert_eq!(home, "/pns");
    let SessionState::SignedIn(view) = app.session(&client).await else { panic!("not signed in") };
    assert_eq!(view.active.role, Role::Pns);
    assert_eq!(view.login, app.demo.pns_nip);

    let audit: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'signin_ok' AND subject = $1")
        .bind(&app.demo.pns_nip)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audit, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_failure_has_its_own_message_without_telling_which_accounts_exist(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    assert_eq!(
        error_of(app.sign_in(&client, "verif2.sleman", "salah-sekali-1").await).await,
        (400, ErrorCode::CredentialsWrong)
    );
    assert_eq!(error_of(app.sign_in(&client, "", "").await).await, (400, ErrorCode::CredentialsRequired));
    // The demo world has one registration waiting for approval.
    let waiting: String = sqlx::query_scalar("SELECT nip FROM account WHERE status = 'menunggu_verifikasi' LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        error_of(app.sign_in(&client, &waiting, DEMO_PASSWORD).await).await,
        (400, ErrorCode::AccountWaitingApproval)
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn sign_in_rate_per_address_is_enforced(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| c.signin_per_minute = 3).await;
    common::within_one_rate_window().await;
    let client = common::client();
    for _ in 0..3 {
        app.sign_in(&client, "nobody", "whatever-123").await;
    }
    assert_eq!(error_of(app.sign_in(&client, "nobody", "whatever-123").await).await, (429, ErrorCode::TooManyRequests));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn session_id_changes_at_sign_in_and_dies_at_sign_out(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let first = app.sign_in(&client, "admin.sleman", DEMO_PASSWORD).await;
    let first = first.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    let second = app.sign_in(&client, "admin.sleman", DEMO_PASSWORD).await;
    let second = second.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert_ne!(first, second);
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM session").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sessions, 1, "the old session is dropped at the new sign-in");
    assert_eq!(app.call(&client, "/api/keluar", &[]).await.status(), 200);
    assert_eq!(app.session(&client).await, SessionState::Anonymous);
    assert_eq!(
        error_of(app.call(&client, "/api/beranda/admin-instansi", &[]).await).await,
        (401, ErrorCode::NotSignedIn)
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn idle_and_absolute_limits_end_the_session_with_a_message(pool: sqlx::PgPool) {
    // The sessions are aged in the database behind the server's back: no in-memory reuse.
    let app = common::spawn_with(pool, |config| config.session_cache_seconds = 0).await;
    let client = app.client_as(Role::AdminBkn).await;
    sqlx::query("UPDATE session SET last_seen_at = now() - interval '31 minutes'").execute(&app.pool).await.unwrap();
    assert_eq!(
        error_of(app.call(&client, "/api/beranda/admin-bkn", &[]).await).await,
        (401, ErrorCode::SessionExpired)
    );
    // The sign-in page the user is sent to says why.
    let page = client.get(app.url("/masuk")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Sesi Anda telah berakhir"), "the sign-in page explains the expiry");

    let client = app.client_as(Role::AdminBkn).await;
    sqlx::query("UPDATE session SET expires_at = now() - interval '1 second'").execute(&app.pool).await.unwrap();
    assert_eq!(app.session(&client).await, SessionState::Expired);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cross_site_calls_are_refused(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let response = client
        .post(app.url("/api/masuk"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("identifier", "admin.bkn"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let response = client
        .post(app.url("/api/masuk"))
        .header("origin", "https://evil.example")
        .form(&[("identifier", "admin.bkn"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn verifier_switches_role_and_approves_a_registration_in_scope(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    // The L1 demo verifier is also a PNS and lands on the PNS role first.
    let client = common::client();
    let home: String = app.sign_in(&client, "verif1.sleman", DEMO_PASSWORD).await.json().await.unwrap();
    assert_eq!(home, "/pns");
    let client = app.client_as(Role::VerifikatorL1).await;
    let home: app::api::homes::VerifierHomeView =
        app.call(&client, "/api/beranda/verifikasi", &[]).await.json().await.unwrap();
    let waiting = home.waiting.expect("L1 approves registrations");
    assert_eq!(waiting.len(), 1);
    let id = waiting[0].account_id.to_string();
    assert_eq!(app.call(&client, "/api/verifikasi/setujui-pendaftaran", &[("account_id", &id)]).await.status(), 200);
    // Approved: the PNS can sign in now, and the list is empty.
    let response = app.sign_in(&common::client(), &waiting[0].nip, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let home: app::api::homes::VerifierHomeView =
        app.call(&client, "/api/beranda/verifikasi", &[]).await.json().await.unwrap();
    assert!(home.waiting.unwrap().is_empty());

    // An L3 verifier cannot approve at all; an approval of an unknown account is "not found".
    let l3 = app.client_as(Role::VerifikatorL3).await;
    assert_eq!(app.call(&l3, "/api/verifikasi/setujui-pendaftaran", &[("account_id", &id)]).await.status(), 403);
    let l2 = app.client_as(Role::VerifikatorL2).await;
    assert_eq!(app.call(&l2, "/api/verifikasi/setujui-pendaftaran", &[("account_id", &id)]).await.status(), 404);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn malformed_requests_get_a_clear_400_not_a_500(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let bad_uuid = [("registration_id", "bukan-uuid"), ("code", "123456"), ("password", "x"), ("confirmation", "x")];
    assert_eq!(error_of(app.call(&client, "/api/daftar/selesai", &bad_uuid).await).await, (400, ErrorCode::BadRequest));
    assert_eq!(
        error_of(app.call(&client, "/api/masuk", &[("identifier", "x")]).await).await,
        (400, ErrorCode::BadRequest)
    );
    let unknown = client.post(app.url("/api/tidak-ada")).send().await.unwrap();
    assert_eq!(unknown.status(), 400);
}

/// The language switch sends back only to a path of this site.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_language_switch_never_redirects_off_site(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    for (kembali, expected) in [
        ("%2Fpns%2Fformulir", "/pns/formulir"),
        ("%2F%2Fevil.example", "/"),
        ("%2F%5Cevil.example", "/"),
        ("%2F%09%2Fevil.example", "/"),
        ("https%3A%2F%2Fevil.example", "/"),
    ] {
        let response = client.get(app.url(&format!("/bahasa/en?kembali={kembali}"))).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 303, "{kembali}");
        assert_eq!(response.headers()["location"], expected, "{kembali}");
    }
}
