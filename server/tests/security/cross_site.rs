//! The cross-site request check (#9 item 10): a state-changing request is refused when
//! `Sec-Fetch-Site` says another site, or when `Origin` is not this site's scheme, host and
//! port; a request with neither header is not a browser's and passes.

use domain::ErrorCode;

use crate::common::{self, TestApp};

/// A POST of an anonymous-friendly server function (the session) with `headers`.
async fn post(app: &TestApp, headers: &[(&str, &str)]) -> (u16, Option<ErrorCode>) {
    let mut request = common::client().post(app.url("/api/sesi"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let code = if status == 403 { response.json::<ErrorCode>().await.ok() } else { None };
    (status, code)
}

const REFUSED: (u16, Option<ErrorCode>) = (403, Some(ErrorCode::CsrfRejected));

fn allowed((status, _): (u16, Option<ErrorCode>)) -> bool {
    (200..300).contains(&status)
}

/// The test server's port; its origin is `http://127.0.0.1:<port>`.
fn port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn origins_other_than_ours_are_refused(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let port = port(&app);
    for origin in [
        format!("https://127.0.0.1:{port}"),      // another scheme
        format!("http://evil.example:{port}"),    // another host
        format!("http://localhost:{port}"),       // another name for the same machine is another site
        format!("http://127.0.0.1:{}", port + 1), // another port
        "null".to_owned(),                        // sandboxed frames, cross-site redirects
    ] {
        assert_eq!(post(&app, &[("origin", &origin)]).await, REFUSED, "{origin}");
        // Sec-Fetch-Site cannot speak for a foreign Origin.
        assert_eq!(post(&app, &[("sec-fetch-site", "same-origin"), ("origin", &origin)]).await, REFUSED, "{origin}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cross_site_and_same_site_fetches_are_refused_even_with_our_origin(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let ours = app.address.clone();
    // same-site: another subdomain of the same registrable domain is not this site.
    for fetch_site in ["cross-site", "same-site"] {
        assert_eq!(post(&app, &[("sec-fetch-site", fetch_site), ("origin", &ours)]).await, REFUSED, "{fetch_site}");
        assert_eq!(post(&app, &[("sec-fetch-site", fetch_site)]).await, REFUSED, "{fetch_site}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn our_own_origin_and_requests_without_browser_headers_are_allowed(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let ours = app.address.clone();
    assert!(allowed(post(&app, &[("sec-fetch-site", "same-origin"), ("origin", &ours)]).await));
    assert!(allowed(post(&app, &[("origin", &ours)]).await));
    assert!(allowed(post(&app, &[("sec-fetch-site", "none")]).await));
    // Not a browser (curl, monitoring): nothing to go on, and no victim's cookies by accident.
    assert!(allowed(post(&app, &[]).await));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn over_https_our_origin_is_https(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |config| config.secure_cookies = true).await;
    let port = port(&app);
    let https = format!("https://127.0.0.1:{port}");
    assert!(allowed(post(&app, &[("sec-fetch-site", "same-origin"), ("origin", &https)]).await));
    assert_eq!(post(&app, &[("origin", &app.address)]).await, REFUSED);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_public_url_names_our_origin(pool: sqlx::PgPool) {
    let app = common::spawn_with(pool, |config| config.public_url = Some("https://sipupns.example/".into())).await;
    assert!(allowed(post(&app, &[("sec-fetch-site", "same-origin"), ("origin", "https://sipupns.example")]).await));
    // Behind the proxy, the Host the server sees is not what the browser calls the site.
    assert_eq!(post(&app, &[("origin", &app.address)]).await, REFUSED);
    assert_eq!(post(&app, &[("origin", "http://sipupns.example")]).await, REFUSED);
}
