//! #9 item 4: no account enumeration. Sign-in, the registration data check and the reset
//! request answer alike for existing and unknown NIPs and accounts. (The NIP look-up at
//! registration is the documented exception: it shows the masked name and "registered".)

use domain::ErrorCode;
use server::demo::DEMO_PASSWORD;

use crate::common;
use crate::pendaftaran::{give_email, mails_to, registered, unregistered};
use crate::support::error_of;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn sign_in_answers_alike_for_unknown_accounts_and_wrong_passwords(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let wrong_password = error_of(app.sign_in(&client, "verif2.sleman", "salah-sekali-1").await).await;
    let unknown_nip = error_of(app.sign_in(&client, "199001012015011999", "apa-saja-123").await).await;
    let unknown_user = error_of(app.sign_in(&client, "tidak.ada", "apa-saja-123").await).await;
    assert_eq!(wrong_password, (400, ErrorCode::CredentialsWrong));
    assert_eq!(unknown_nip, wrong_password);
    assert_eq!(unknown_user, wrong_password);
    // An account waiting for approval or disabled says so only after the right password.
    let waiting: String = sqlx::query_scalar("SELECT nip FROM account WHERE status = 'menunggu_verifikasi' LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(error_of(app.sign_in(&client, &waiting, "salah-sekali-1").await).await, wrong_password);
    assert_eq!(
        error_of(app.sign_in(&client, &waiting, DEMO_PASSWORD).await).await,
        (400, ErrorCode::AccountWaitingApproval)
    );
}

/// Unknown NIP, NIP already registered, and wrong data: one answer.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_registration_data_check_answers_alike(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    let check = |form: Vec<(&'static str, String)>| {
        let (client, url) = (client.clone(), app.url("/api/daftar/cek-data"));
        async move { error_of(client.post(url).form(&form).send().await.unwrap()).await }
    };
    let owned = |answers: [(&'static str, &str); 6]| answers.map(|(k, v)| (k, v.to_owned())).to_vec();

    let m = unregistered(&app).await;
    let wrong_data = check(owned(m.answers("1970-01-01", "satu@example.go.id"))).await;
    assert_eq!(wrong_data, (400, ErrorCode::KnowledgeCheckFailed));

    // The demo PNS has an account: right data for that NIP gets the same answer.
    let known = registered(&app, &app.demo.pns_nip).await;
    let already = check(owned(known.answers(&known.birth, "dua@example.go.id"))).await;
    assert_eq!(already, wrong_data);

    // A NIP of valid shape that is not in the master.
    let mut unknown = owned(m.answers(&m.birth, "tiga@example.go.id"));
    unknown[0].1 = "199001012015011999".to_owned();
    assert_eq!(check(unknown).await, wrong_data);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_reset_request_answers_alike_and_mails_in_the_background(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    give_email(&app, "admin.bkn", "admin.bkn@bkn.go.id").await;
    let client = common::client();
    let known = app.call(&client, "/api/sandi/minta", &[("identifier", "admin.bkn")]).await;
    let unknown = app.call(&client, "/api/sandi/minta", &[("identifier", "tidak.ada")]).await;
    assert_eq!(known.status(), 200);
    assert_eq!(unknown.status(), 200);
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    // More requests for one account than the per-account limit: same answer, no more mail.
    for _ in 0..5 {
        assert_eq!(app.call(&client, "/api/sandi/minta", &[("identifier", "admin.bkn")]).await.status(), 200);
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(mails_to(&app, "admin.bkn@bkn.go.id"), 3, "at most 3 links per quarter hour");
}

/// A failed sign-in keeps the typed identifier only when it names an account or looks like
/// a NIP: a password typed into the NIP field is not written to the audit log.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_password_typed_as_identifier_is_not_logged(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = common::client();
    app.sign_in(&client, "RahasiaSaya#2026", "x").await;
    app.sign_in(&client, "199001012015011999", "x").await;
    app.sign_in(&client, "verif2.sleman", "salah-sekali-1").await;
    let logged: Vec<Option<String>> =
        sqlx::query_scalar("SELECT subject FROM audit_log WHERE action = 'signin_failed' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(logged, [None, Some("199001012015011999".to_owned()), Some("verif2.sleman".to_owned())]);
}
