//! The real server binary as a child process: on one database, port and data folder, started
//! (and after a SIGKILL started again) by the tests that need whole processes (durability,
//! several instances on one database).

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

/// The server binary on one database, port and data folder, started again after each kill.
pub struct Server {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub port: u16,
    pub child: Option<Child>,
    pub starts: usize,
}

impl Server {
    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn log_path(&self) -> PathBuf {
        self.data_dir.join("server.log")
    }

    /// Starts the binary and waits until `/healthz` answers (the demo seed runs first).
    pub async fn start(&mut self) {
        assert!(self.child.is_none(), "the server is already running");
        let log = std::fs::OpenOptions::new().create(true).append(true).open(self.log_path()).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("--demo")
            .env("DATABASE_URL", &self.database_url)
            .env_remove("DATABASE_OWNER_URL")
            .env("SIPUPNS_DATA_DIR", &self.data_dir)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", self.port))
            .env("SIPUPNS_SIGNIN_PER_MINUTE", "10000")
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .expect("the server binary starts");
        self.child = Some(child);
        self.starts += 1;
        let health = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
        let deadline = Instant::now() + Duration::from_secs(240);
        loop {
            if let Ok(response) = health.get(format!("{}/healthz", self.address())).send().await {
                if response.status() == 200 {
                    return;
                }
            }
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("the server exited before it was healthy ({status}); log:\n{}", self.log_tail());
            }
            assert!(
                Instant::now() < deadline,
                "the server was not healthy within four minutes; log:\n{}",
                self.log_tail()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL (what `Child::kill` sends), then waits for the process to be gone.
    pub async fn kill(&mut self) {
        let mut child = self.child.take().expect("the server is running");
        child.kill().await.expect("SIGKILL the server");
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(self.log_path()).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(60)..].join("\n")
    }
}

/// A port free now, kept for every start of the server (the listener sets SO_REUSEADDR).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The test database's URL: DATABASE_URL (which `#[sqlx::test]` used to create it) with the
/// database name replaced.
pub fn url_of(database: &str) -> String {
    let base = std::env::var("DATABASE_URL").expect("DATABASE_URL is set for #[sqlx::test]");
    let (head, query) = match base.split_once('?') {
        Some((head, query)) => (head.to_owned(), format!("?{query}")),
        None => (base.clone(), String::new()),
    };
    let authority_end = head.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match head[authority_end..].find('/') {
        Some(slash) => &head[..authority_end + slash],
        None => head.as_str(),
    };
    format!("{root}/{database}{query}")
}

/// Removes the data folder however the test ends.
pub struct Cleanup(pub PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Server {
    /// A server (not started) on the test database `database`, with a fresh data folder that
    /// the returned `Cleanup` removes.
    pub fn on(database: &str, label: &str) -> (Server, Cleanup) {
        let data_dir = std::env::temp_dir().join(format!("sipupns-{label}-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&data_dir).unwrap();
        let server = Server {
            database_url: url_of(database),
            data_dir: data_dir.clone(),
            port: free_port(),
            child: None,
            starts: 0,
        };
        (server, Cleanup(data_dir))
    }
}
