//! #9 item 2: lockout per account and per address, not raceable, and nobody can lock a PNS out.

use domain::ErrorCode;
use server::demo::DEMO_PASSWORD;

use crate::common;
use crate::support::{error_of, sign_in_from, spawn_behind_proxy};

const ATTACKER: &str = "203.0.113.66";
const OWNER: &str = "198.51.100.7";

/// 30 wrong passwords at once: each is counted (one SQL update each), so the account locks
/// after 5 whatever the interleaving; the attacker's address is then refused even with the
/// right password.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn parallel_wrong_passwords_lock_the_account_after_five(pool: sqlx::PgPool) {
    let app = spawn_behind_proxy(pool).await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let (client, url) = (common::client(), app.url("/api/masuk"));
        attempts.spawn(async move {
            let response = client
                .post(url)
                .header("x-forwarded-for", ATTACKER)
                .form(&[("identifier", "admin.bkn"), ("password", "bukan-sandinya-1")])
                .send()
                .await;
            error_of(response.unwrap()).await
        });
    }
    let answers = attempts.join_all().await;
    // "Locked" is never said to someone who gave a wrong password.
    assert!(answers.iter().all(|a| *a == (400, ErrorCode::CredentialsWrong)), "{answers:?}");
    let (failures, locked): (i32, bool) =
        sqlx::query_as("SELECT failed_signins, locked_until > now() FROM account WHERE username = 'admin.bkn'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(locked, "locked after 30 failures");
    // 30 failures = 6 locks of 5 each: the counter is back at 0, so every failure was counted.
    assert_eq!(failures, 0);
    let recorded: i32 = sqlx::query_scalar(
        "SELECT failures FROM signin_failure f JOIN account a ON a.id = f.account_id
         WHERE a.username = 'admin.bkn' AND f.ip = $1",
    )
    .bind(ATTACKER)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(recorded, 30);
    let client = common::client();
    let answer = error_of(sign_in_from(&app, &client, ATTACKER, "admin.bkn", DEMO_PASSWORD).await).await;
    assert_eq!(answer, (400, ErrorCode::AccountLocked));
}

/// The owner on an address that has not failed gets in while an attacker keeps the account
/// locked; the attacker's address stays refused until the lock runs out.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_owner_on_a_clean_address_still_gets_in(pool: sqlx::PgPool) {
    let app = spawn_behind_proxy(pool).await;
    let attacker = common::client();
    for _ in 0..5 {
        let answer = error_of(sign_in_from(&app, &attacker, ATTACKER, "verif2.sleman", "tebak-tebakan-1").await).await;
        assert_eq!(answer, (400, ErrorCode::CredentialsWrong));
    }
    let owner = common::client();
    assert_eq!(sign_in_from(&app, &owner, OWNER, "verif2.sleman", DEMO_PASSWORD).await.status(), 200);
    // The lock still holds for the attacker, right password or not.
    let answer = error_of(sign_in_from(&app, &attacker, ATTACKER, "verif2.sleman", DEMO_PASSWORD).await).await;
    assert_eq!(answer, (400, ErrorCode::AccountLocked));
    // While locked, a new address gets one guess: after it fails, that address is refused too.
    let other = "192.0.2.9";
    let answer = error_of(sign_in_from(&app, &attacker, other, "verif2.sleman", "tebak-lagi-12").await).await;
    assert_eq!(answer, (400, ErrorCode::CredentialsWrong));
    let answer = error_of(sign_in_from(&app, &attacker, other, "verif2.sleman", DEMO_PASSWORD).await).await;
    assert_eq!(answer, (400, ErrorCode::AccountLocked));
    let minutes: f64 = sqlx::query_scalar(
        "SELECT extract(epoch FROM locked_until - now())::float8 / 60 FROM account WHERE username = 'verif2.sleman'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!((14.0..=15.0).contains(&minutes), "locked for {minutes} minutes");
    // When the lock has passed, the attacker's address may try again, like anyone.
    sqlx::query("UPDATE account SET locked_until = now() - interval '1 second' WHERE username = 'verif2.sleman'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(sign_in_from(&app, &attacker, ATTACKER, "verif2.sleman", DEMO_PASSWORD).await.status(), 200);
}
