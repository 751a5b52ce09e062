//! PNS self-registration and password reset over HTTP, against a real database.

mod common;
#[path = "common/pendaftaran.rs"]
mod pendaftaran;

use app::api::registration::{NipLookupView, RegisteredView};
use app::error::AppError;
use domain::ErrorCode;
use pendaftaran::{code_from_mail, give_email, reset_token_from_mail, unregistered};

async fn refused(response: reqwest::Response) -> ErrorCode {
    response.json::<AppError>().await.expect("an AppError").0
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_pns_registers_and_waits_for_the_verifier(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let m = unregistered(&app).await;
    let client = common::client();

    // Step 1: only the masked name and the instansi are shown.
    let found: NipLookupView =
        app.call(&client, "/api/daftar/cari-nip", &[("nip", &m.nip)]).await.json().await.unwrap();
    assert_eq!(found.instansi, "Pemerintah Kabupaten Sleman");
    assert_ne!(found.masked_name, m.nama);
    assert_eq!(found.masked_name.chars().next(), m.nama.chars().next());
    assert!(found.masked_name.contains('*'));

    // Step 2: wrong answers are refused; right ones send a code.
    let email = format!("{}@example.go.id", m.nip);
    let wrong = m.answers("1970-01-01", &email);
    assert_eq!(refused(app.call(&client, "/api/daftar/cek-data", &wrong).await).await, ErrorCode::KnowledgeCheckFailed);
    let bad_date = m.answers("2015-02-30", &email);
    assert_eq!(refused(app.call(&client, "/api/daftar/cek-data", &bad_date).await).await, ErrorCode::InvalidDate);
    let right = m.answers(&m.birth, &email);
    let response = app.call(&client, "/api/daftar/cek-data", &right).await;
    assert_eq!(response.status(), 200);
    let registration_id: uuid::Uuid = response.json().await.unwrap();
    let code = code_from_mail(&app, &email).await;

    // Step 3: a wrong code, a weak password, then success.
    let id = registration_id.to_string();
    let wrong_code = if code == "000000" { "111111" } else { "000000" };
    let attempt = |code: &'static str| {
        [
            ("registration_id", id.clone()),
            ("code", code.to_owned()),
            ("password", "SandiBaru2026".to_owned()),
            ("confirmation", "SandiBaru2026".to_owned()),
        ]
    };
    let response = client.post(app.url("/api/daftar/selesai")).form(&attempt(wrong_code)).send().await.unwrap();
    assert_eq!(refused(response).await, ErrorCode::OneTimeCodeWrong);
    let weak =
        [("registration_id", id.as_str()), ("code", code.as_str()), ("password", "pendek"), ("confirmation", "pendek")];
    assert_eq!(refused(app.call(&client, "/api/daftar/selesai", &weak).await).await, ErrorCode::PasswordTooShort);
    let good = [
        ("registration_id", id.as_str()),
        ("code", code.as_str()),
        ("password", "SandiBaru2026"),
        ("confirmation", "SandiBaru2026"),
    ];
    let done: RegisteredView = app.call(&client, "/api/daftar/selesai", &good).await.json().await.unwrap();
    assert!(!done.active, "registration verification is on by default");
    assert!(done.nomor_pendaftaran.starts_with("PUPNS-"));

    // The slip is a PDF for whoever holds number and code; a guessed code gets nothing.
    let slip = client.get(app.url(&done.slip_url)).send().await.unwrap();
    assert_eq!(slip.headers()["content-type"], "application/pdf");
    assert_eq!(
        slip.headers()["content-disposition"],
        format!("inline; filename=\"slip-{}.pdf\"", done.nomor_pendaftaran).as_str()
    );
    let pdf = slip.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let shown = format!("({}) Tj", done.nomor_pendaftaran);
    assert!(pdf.windows(shown.len()).any(|w| w == shown.as_bytes()), "the slip shows its number");
    let guessed = client
        .get(app.url(&format!("/daftar/slip?nomor={}&kode=00000000", done.nomor_pendaftaran)))
        .send()
        .await
        .unwrap();
    assert_eq!(guessed.status(), 404);

    // A second registration of the same NIP is refused; the account waits for approval.
    assert_eq!(
        refused(app.call(&client, "/api/daftar/cari-nip", &[("nip", &m.nip)]).await).await,
        ErrorCode::NipAlreadyRegistered
    );
    assert_eq!(refused(app.sign_in(&client, &m.nip, "SandiBaru2026").await).await, ErrorCode::AccountWaitingApproval);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_instansi_without_registration_verification_activates_at_once(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let m = unregistered(&app).await;
    reference::Reference::new(app.pool.clone()).set_registration_verification(m.instansi_id, false).await.unwrap();
    let client = common::client();
    let email = "langsung.aktif@example.go.id";
    let right = m.answers(&m.birth, email);
    let id: uuid::Uuid = app.call(&client, "/api/daftar/cek-data", &right).await.json().await.unwrap();
    let code = code_from_mail(&app, email).await;
    let id = id.to_string();
    let good = [
        ("registration_id", id.as_str()),
        ("code", code.as_str()),
        ("password", "SandiBaru2026"),
        ("confirmation", "SandiBaru2026"),
    ];
    let done: RegisteredView = app.call(&client, "/api/daftar/selesai", &good).await.json().await.unwrap();
    assert!(done.active);
    assert_eq!(app.sign_in(&client, &m.nip, "SandiBaru2026").await.status(), 200);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn lookups_explain_every_failure_and_knowledge_checks_lock(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    assert_eq!(
        refused(app.call(&client, "/api/daftar/cari-nip", &[("nip", "1234")]).await).await,
        ErrorCode::NipFormat
    );
    assert_eq!(
        refused(app.call(&client, "/api/daftar/cari-nip", &[("nip", "199002302015011001")]).await).await,
        ErrorCode::NipBirthDate
    );
    assert_eq!(
        refused(app.call(&client, "/api/daftar/cari-nip", &[("nip", "199001012015011999")]).await).await,
        ErrorCode::NipNotFound
    );
    assert_eq!(
        refused(app.call(&client, "/api/daftar/cari-nip", &[("nip", &app.demo.pns_nip)]).await).await,
        ErrorCode::NipAlreadyRegistered
    );

    let m = unregistered(&app).await;
    let wrong = m.answers("1970-01-01", "a@b.id");
    for _ in 0..5 {
        assert_eq!(
            refused(app.call(&client, "/api/daftar/cek-data", &wrong).await).await,
            ErrorCode::KnowledgeCheckFailed
        );
    }
    let right = m.answers(&m.birth, "a@b.id");
    assert_eq!(refused(app.call(&client, "/api/daftar/cek-data", &right).await).await, ErrorCode::KnowledgeCheckLocked);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn nip_lookups_are_rate_limited_per_address(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| c.lookup_per_minute = 2).await;
    common::within_one_rate_window().await;
    let client = common::client();
    for _ in 0..2 {
        app.call(&client, "/api/daftar/cari-nip", &[("nip", "199001012015011999")]).await;
    }
    let response = app.call(&client, "/api/daftar/cari-nip", &[("nip", "199001012015011999")]).await;
    assert_eq!(response.status(), 429);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn password_reset_by_emailed_link(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    give_email(&app, "admin.bkn", "admin.bkn@bkn.go.id").await;
    let client = common::client();
    // Unknown accounts get the same answer.
    assert_eq!(app.call(&client, "/api/sandi/minta", &[("identifier", "tidak.ada")]).await.status(), 200);
    assert_eq!(app.call(&client, "/api/sandi/minta", &[("identifier", "admin.bkn")]).await.status(), 200);
    let token = reset_token_from_mail(&app, "admin.bkn@bkn.go.id").await;
    assert_eq!(
        refused(
            app.call(
                &client,
                "/api/sandi/atur",
                &[("token", "salah"), ("password", "SandiBaru2026"), ("confirmation", "SandiBaru2026")]
            )
            .await
        )
        .await,
        ErrorCode::ResetLinkInvalid
    );
    assert_eq!(
        app.call(
            &client,
            "/api/sandi/atur",
            &[("token", &token), ("password", "SandiBaru2026"), ("confirmation", "SandiBaru2026")]
        )
        .await
        .status(),
        200
    );
    // The link works once.
    assert_eq!(
        refused(
            app.call(
                &client,
                "/api/sandi/atur",
                &[("token", &token), ("password", "SandiLagi2026"), ("confirmation", "SandiLagi2026")]
            )
            .await
        )
        .await,
        ErrorCode::ResetLinkInvalid
    );
    assert_eq!(app.sign_in(&client, "admin.bkn", "SandiBaru2026").await.status(), 200);
}

/// Two registrations of one NIP finished at the same moment: one account, and the other
/// registrant is told the NIP is registered (a unique violation is a field's code, not a 500).
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn racing_registrations_of_one_nip_make_one_account(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let m = unregistered(&app).await;
    let mut finishes = Vec::new();
    for n in 0..2 {
        let email = format!("{}-{n}@example.go.id", m.nip);
        let response = app.call(&common::client(), "/api/daftar/cek-data", &m.answers(&m.birth, &email)).await;
        assert_eq!(response.status(), 200);
        let id: uuid::Uuid = response.json().await.unwrap();
        finishes.push([
            ("registration_id", id.to_string()),
            ("code", code_from_mail(&app, &email).await),
            ("password", "SandiBaru2026".to_owned()),
            ("confirmation", "SandiBaru2026".to_owned()),
        ]);
    }
    let send = |form: &[(&'static str, String); 4]| {
        let (client, url, form) = (common::client(), app.url("/api/daftar/selesai"), form.clone());
        async move { client.post(url).form(&form).send().await.unwrap() }
    };
    let (a, b) = tokio::join!(send(&finishes[0]), send(&finishes[1]));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 400], "one registration wins");
    let loser = if a.status() == 200 { b } else { a };
    assert_eq!(refused(loser).await, ErrorCode::NipAlreadyRegistered);
    let (accounts, grants): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM account WHERE nip = $1),
                (SELECT count(*) FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.nip = $1)",
    )
    .bind(&m.nip)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((accounts, grants), (1, 1));
}
