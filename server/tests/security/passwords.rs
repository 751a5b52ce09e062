//! #9 item 11: at least 10 characters, not one of the 10,000 most common passwords, no
//! composition rule (ASVS 5.0 §6.2). Checked where passwords are chosen: registration and reset.

use domain::ErrorCode;

use crate::common;
use crate::pendaftaran::{give_email, reset_token_from_mail};
use crate::support::error_of;

async fn reset_link(app: &common::TestApp) -> String {
    give_email(app, "admin.bkn", "admin.bkn@bkn.go.id").await;
    let client = common::client();
    assert_eq!(app.call(&client, "/api/sandi/minta", &[("identifier", "admin.bkn")]).await.status(), 200);
    reset_token_from_mail(app, "admin.bkn@bkn.go.id").await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn common_and_short_passwords_are_refused_and_passphrases_accepted(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let token = reset_link(&app).await;
    let client = common::client();
    let set = |password: &'static str| {
        let (client, url, token) = (client.clone(), app.url("/api/sandi/atur"), token.clone());
        async move {
            client
                .post(url)
                .form(&[("token", token.as_str()), ("password", password), ("confirmation", password)])
                .send()
                .await
                .unwrap()
        }
    };
    for common_one in ["1234567890", "qwertyuiop", "Password123"] {
        assert_eq!(error_of(set(common_one).await).await, (400, ErrorCode::PasswordCommon), "{common_one}");
    }
    assert_eq!(error_of(set("sembilan9").await).await, (400, ErrorCode::PasswordTooShort));
    // A refused password does not use up the link; letters only are fine when long enough.
    assert_eq!(set("kuda lari kencang di sawah").await.status(), 200);
    assert_eq!(app.sign_in(&client, "admin.bkn", "kuda lari kencang di sawah").await.status(), 200);
}
