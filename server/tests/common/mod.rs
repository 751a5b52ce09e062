//! Test harness: the real router on port 0 against the fresh database `#[sqlx::test]` made.

#![allow(dead_code)]

use std::net::SocketAddr;

use app::api::session::SessionState;
use domain::Role;
use server::demo::{DemoWorld, DEMO_PASSWORD};
use server::Config;
use sqlx::PgPool;

pub struct TestApp {
    pub address: String,
    pub pool: PgPool,
    pub demo: DemoWorld,
    pub config: Config,
}

pub async fn spawn(pool: PgPool) -> TestApp {
    spawn_with(pool, |_| {}).await
}

/// The server gets the request pool production uses (`SET ROLE sipupns_app` on every
/// connection) over the test database; `TestApp.pool` stays the owner's, for set-up queries.
pub async fn spawn_with(pool: PgPool, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config::for_tests(std::env::temp_dir().join(format!("sipupns-test-{}", uuid::Uuid::new_v4())));
    tweak(&mut config);
    let app_pool = app_pool(&pool).await;
    let state = server::app_state(&config, app_pool).unwrap();
    let demo = server::demo::seed(&state).await.expect("demo world seeds");
    let router = server::router(&config, state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
    });
    TestApp { address, pool, demo, config }
}

/// The restricted request pool over the test database, closed when `#[sqlx::test]` closes
/// the owner's pool so that the test database can be dropped.
pub async fn app_pool(pool: &PgPool) -> PgPool {
    let app_pool = server::database::app_pool((*pool.connect_options()).clone(), 10).await.expect("app pool connects");
    let closing = pool.close_event();
    let to_close = app_pool.clone();
    tokio::spawn(async move {
        closing.await;
        to_close.close().await;
    });
    app_pool
}

/// Waits, if needed, until a fresh minute has at least 10 seconds to run. Per-minute limits are
/// fixed windows, so a test that counts up to one must not straddle the minute's end.
pub async fn within_one_rate_window() {
    let second = time::OffsetDateTime::now_utc().second();
    if second >= 50 {
        tokio::time::sleep(std::time::Duration::from_secs(u64::from(61 - second))).await;
    }
}

/// A client that keeps cookies and does not follow redirects (tests look at them). A request
/// that gets no answer fails the test after two minutes, naming the URL, rather than holding
/// the whole run until CI's limit.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .unwrap()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// The detail of the newest audit row of `action` about `subject`.
    pub async fn latest_audit(&self, action: &str, subject: &str) -> serde_json::Value {
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = $1 AND subject = $2 ORDER BY id DESC LIMIT 1")
            .bind(action)
            .bind(subject)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    pub async fn call(&self, client: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        client.post(self.url(path)).form(form).send().await.unwrap()
    }

    /// A server function that takes JSON (`input = Json`).
    pub async fn call_json(&self, client: &reqwest::Client, path: &str, body: &str) -> reqwest::Response {
        client
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap()
    }

    /// A client signed in as `login` with `role` active.
    pub async fn client_for(&self, login: &str, role: Role) -> reqwest::Client {
        let client = client();
        assert_eq!(self.sign_in(&client, login, DEMO_PASSWORD).await.status(), 200, "sign in as {login}");
        let SessionState::SignedIn(view) = self.session(&client).await else { panic!("not signed in as {login}") };
        if view.active.role != role {
            let grant = view.grants.iter().find(|g| g.role == role).expect("the account holds the role");
            let response = self.call(&client, "/api/ganti-peran", &[("grant_id", &grant.id.to_string())]).await;
            assert_eq!(response.status(), 200, "switch to {role:?}");
        }
        client
    }

    pub async fn sign_in(&self, client: &reqwest::Client, login: &str, password: &str) -> reqwest::Response {
        self.call(client, "/api/masuk", &[("identifier", login), ("password", password)]).await
    }

    /// The demo login (NIP or username) whose account holds `role`.
    pub fn login_for(&self, role: Role) -> String {
        match role {
            Role::Pns => self.demo.pns_nip.clone(),
            Role::VerifikatorL1 => "verif1.sleman".into(),
            Role::VerifikatorL2 => "verif2.sleman".into(),
            Role::VerifikatorL3 => "verif3.kanreg1".into(),
            Role::VerifikatorL4 => "verif4.bkn".into(),
            Role::PetugasHds => "hds.kanreg1".into(),
            Role::AdminInstansi => "admin.sleman".into(),
            Role::AdminKanreg => "admin.kanreg1".into(),
            Role::AdminBkn => "admin.bkn".into(),
            Role::Eksekutif => "eksekutif.bkn".into(),
        }
    }

    /// A client signed in with `role` active (switching roles where the account has several).
    pub async fn client_as(&self, role: Role) -> reqwest::Client {
        let client = client();
        let response = self.sign_in(&client, &self.login_for(role), DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "demo sign-in as {role:?}");
        let session = self.session(&client).await;
        let SessionState::SignedIn(view) = session else { panic!("not signed in as {role:?}") };
        if view.active.role != role {
            let grant = view.grants.iter().find(|g| g.role == role).expect("demo account holds the role");
            let response = self.call(&client, "/api/ganti-peran", &[("grant_id", &grant.id.to_string())]).await;
            assert_eq!(response.status(), 200, "switch to {role:?}");
        }
        client
    }

    pub async fn session(&self, client: &reqwest::Client) -> SessionState {
        self.call(client, "/api/sesi", &[]).await.json().await.unwrap()
    }
}
