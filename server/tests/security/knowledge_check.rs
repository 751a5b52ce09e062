//! #9 item 1: nobody takes over a PNS who has not registered. The knowledge check asks for the
//! nomor SK CPNS, and every attempt counts (per NIP, per address, per email, successes
//! included) before anything is compared, atomically.

use app::api::registration::RegisteredView;
use domain::ErrorCode;

use crate::common;
use crate::pendaftaran::{code_from_mail, unregistered, unregistered_nth, Master};
use crate::support::error_of;

type Form = Vec<(&'static str, String)>;

fn form(m: &Master, email: &str) -> Form {
    m.answers(&m.birth, email).map(|(k, v)| (k, v.to_owned())).to_vec()
}

fn with(mut form: Form, key: &str, value: &str) -> Form {
    form.iter_mut().filter(|(k, _)| *k == key).for_each(|(_, v)| *v = value.to_owned());
    form
}

async fn check(app: &common::TestApp, form: &Form, from: &str) -> reqwest::Response {
    common::client()
        .post(app.url("/api/daftar/cek-data"))
        .header("x-forwarded-for", from)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// NIK, birth date and TMT CPNS follow from the NIP plus a small search; the SK number does not.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_sk_cpns_number_is_asked_and_compared_normalised(pool: sqlx::PgPool) {
    let app = crate::support::spawn_behind_proxy(pool).await;
    let m = unregistered(&app).await;
    let right = form(&m, "sk@example.go.id");
    let answer = error_of(check(&app, &with(right.clone(), "sk_cpns", "800/SALAH/2000"), "192.0.2.1").await).await;
    assert_eq!(answer, (400, ErrorCode::KnowledgeCheckFailed));
    let answer = error_of(check(&app, &with(right.clone(), "sk_cpns", " "), "192.0.2.1").await).await;
    assert_eq!(answer, (400, ErrorCode::SkCpnsRequired));
    // Case, spaces and punctuation do not matter.
    let typed: String = m.sk.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let spaced = typed.chars().flat_map(|c| [c, ' ']).collect::<String>();
    let response = check(&app, &with(right, "sk_cpns", &spaced), "192.0.2.1").await;
    assert_eq!(response.status(), 200, "SK typed as {spaced:?}");
    // The registration still waits for the verifier (the instansi keeps verification on).
    let id: uuid::Uuid = response.json().await.unwrap();
    let code = code_from_mail(&app, "sk@example.go.id").await;
    let id = id.to_string();
    let finish = [
        ("registration_id", id.as_str()),
        ("code", &code),
        ("password", "SandiBaru2026"),
        ("confirmation", "SandiBaru2026"),
    ];
    let done: RegisteredView = app.call(&common::client(), "/api/daftar/selesai", &finish).await.json().await.unwrap();
    assert!(!done.active);
}

/// 20 guesses at once for one NIP: only 5 are compared, whatever the interleaving.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn parallel_guesses_for_one_nip_stop_at_five(pool: sqlx::PgPool) {
    let app = crate::support::spawn_behind_proxy(pool).await;
    let m = unregistered(&app).await;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..20 {
        let guess = with(form(&m, &format!("tebak{n}@example.go.id")), "tanggal_lahir", "1970-01-01");
        let (client, url) = (common::client(), app.url("/api/daftar/cek-data"));
        guesses.spawn(async move {
            let response =
                client.post(url).header("x-forwarded-for", format!("198.51.100.{n}")).form(&guess).send().await;
            error_of(response.unwrap()).await.1
        });
    }
    let answers = guesses.join_all().await;
    let compared = answers.iter().filter(|a| **a == ErrorCode::KnowledgeCheckFailed).count();
    let locked = answers.iter().filter(|a| **a == ErrorCode::KnowledgeCheckLocked).count();
    assert_eq!((compared, locked), (5, 15), "{answers:?}");
    // Even the right answers now wait out the quarter hour.
    let answer = error_of(check(&app, &form(&m, "pemilik@example.go.id"), "192.0.2.50").await).await;
    assert_eq!(answer, (400, ErrorCode::KnowledgeCheckLocked));
}

/// A success mails a code to an address the caller chose, so successes count too: right
/// answers repeated for one NIP stop after 5, and one email cannot be sent codes for many NIPs.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn successes_count_per_nip_and_per_email(pool: sqlx::PgPool) {
    let app = crate::support::spawn_behind_proxy(pool).await;
    let m = unregistered(&app).await;
    for n in 0..5 {
        let response = check(&app, &form(&m, &format!("ulang{n}@example.go.id")), &format!("192.0.2.{n}")).await;
        assert_eq!(response.status(), 200);
    }
    let answer = error_of(check(&app, &form(&m, "ulang9@example.go.id"), "192.0.2.9").await).await;
    assert_eq!(answer, (400, ErrorCode::KnowledgeCheckLocked));

    for n in 1..=5 {
        let other = unregistered_nth(&app, n).await;
        let response = check(&app, &form(&other, "satu.alamat@example.go.id"), &format!("203.0.113.{n}")).await;
        assert_eq!(response.status(), 200, "NIP number {n}");
    }
    let sixth = unregistered_nth(&app, 6).await;
    let answer = error_of(check(&app, &form(&sixth, "satu.alamat@example.go.id"), "203.0.113.6").await).await;
    assert_eq!(answer, (400, ErrorCode::KnowledgeCheckLocked));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn checks_are_limited_per_address(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |c| {
        c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        c.registration_checks_per_15_minutes = 3;
    })
    .await;
    for n in 0..3 {
        let m = unregistered_nth(&app, n).await;
        let wrong = with(form(&m, &format!("a{n}@example.go.id")), "tanggal_lahir", "1970-01-01");
        assert_eq!(error_of(check(&app, &wrong, "192.0.2.77").await).await.1, ErrorCode::KnowledgeCheckFailed);
    }
    let m = unregistered_nth(&app, 3).await;
    let answer = error_of(check(&app, &form(&m, "b@example.go.id"), "192.0.2.77").await).await;
    assert_eq!(answer, (400, ErrorCode::KnowledgeCheckLocked));
    // Another address is not affected.
    assert_eq!(check(&app, &form(&m, "b@example.go.id"), "192.0.2.78").await.status(), 200);
}
