//! Small helpers the security modules share.

#![allow(dead_code)]

use app::error::AppError;
use domain::ErrorCode;

use crate::common::TestApp;

/// Status and code of a refused call.
pub async fn error_of(response: reqwest::Response) -> (u16, ErrorCode) {
    let status = response.status().as_u16();
    let error: AppError = response.json().await.expect("error body is an AppError");
    (status, error.0)
}

/// A test server that believes `X-Forwarded-For` from 127.0.0.1, so one test can act from
/// several client addresses.
pub async fn spawn_behind_proxy(pool: sqlx::PgPool) -> TestApp {
    crate::common::spawn_with(pool, |c| c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]).await
}

/// A sign-in from client address `from` (through the trusted proxy).
pub async fn sign_in_from(
    app: &TestApp,
    client: &reqwest::Client,
    from: &str,
    login: &str,
    password: &str,
) -> reqwest::Response {
    client
        .post(app.url("/api/masuk"))
        .header("x-forwarded-for", from)
        .form(&[("identifier", login), ("password", password)])
        .send()
        .await
        .unwrap()
}
