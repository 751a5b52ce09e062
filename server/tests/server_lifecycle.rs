//! The real binary with no DATABASE_URL: it creates its own PostgreSQL cluster, stops it on
//! SIGTERM, and recovers after being killed with SIGKILL. Run from a 0700 folder, which the
//! `postgres` user cannot enter when the tests run as root.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

struct Running {
    child: Child,
    address: String,
}

async fn start(data_dir: &Path) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_remove("DATABASE_URL")
        .env("SIPUPNS_DATA_DIR", data_dir)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = tokio::time::timeout(Duration::from_secs(120), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(at) = line.find("listening on ") {
                return line[at + "listening on ".len()..].trim().to_owned();
            }
        }
        panic!("the server exited before listening");
    })
    .await
    .expect("the server listens within two minutes");
    // Keep draining the log so the server never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Running { child, address }
}

async fn healthy(address: &str) -> bool {
    matches!(reqwest::get(format!("{address}/healthz")).await, Ok(r) if r.status() == 200)
}

/// The cluster folder: in the data folder, or where the location file says.
fn cluster_dir(data_dir: &Path) -> PathBuf {
    match std::fs::read_to_string(data_dir.join("postgres-location")) {
        Ok(location) => PathBuf::from(location.trim()),
        Err(_) => data_dir.join("postgres"),
    }
}

fn postmaster_running(data_dir: &Path) -> bool {
    let pid_file = cluster_dir(data_dir).join("postmaster.pid");
    let Ok(text) = std::fs::read_to_string(pid_file) else { return false };
    let pid = text.lines().next().unwrap_or_default().trim();
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes the data folder and its cluster however the test ends (a failed assert included),
/// stopping a postmaster left running first, so no cluster stays behind under the fallback root.
struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let cluster = cluster_dir(&self.0);
        if let Ok(text) = std::fs::read_to_string(cluster.join("postmaster.pid")) {
            let pid = text.lines().next().unwrap_or_default().trim().to_owned();
            // SIGQUIT: the postmaster's immediate shutdown.
            if !pid.is_empty() && std::process::Command::new("kill").args(["-QUIT", &pid]).status().is_ok() {
                let deadline = std::time::Instant::now() + Duration::from_secs(30);
                while Path::new(&format!("/proc/{pid}")).exists() && std::time::Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
        if !cluster.starts_with(&self.0) {
            if let Some(parent) = cluster.parent() {
                let _ = std::fs::remove_dir_all(parent);
            }
        }
    }
}

fn signal(child: &Child, name: &str) {
    let pid = child.id().unwrap().to_string();
    assert!(std::process::Command::new("kill").args([name, &pid]).status().unwrap().success());
}

#[tokio::test]
async fn embedded_database_survives_restarts_sigterm_and_sigkill() {
    let data_dir = std::env::temp_dir().join(format!("sipupns-lifecycle-{}", std::process::id()));
    std::fs::create_dir_all(&data_dir).unwrap();
    std::fs::set_permissions(&data_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let cleanup = Cleanup(data_dir.clone());

    // First start creates the cluster; SIGTERM stops server and cluster.
    let mut server = start(&data_dir).await;
    assert!(healthy(&server.address).await);
    assert!(postmaster_running(&data_dir));
    signal(&server.child, "-TERM");
    let status = tokio::time::timeout(Duration::from_secs(60), server.child.wait()).await.unwrap().unwrap();
    assert!(status.success(), "clean exit on SIGTERM: {status:?}");
    assert!(!postmaster_running(&data_dir), "the cluster stops with the server");

    // Second start reuses it; SIGKILL leaves the postmaster behind...
    let mut server = start(&data_dir).await;
    assert!(healthy(&server.address).await);
    signal(&server.child, "-KILL");
    server.child.wait().await.unwrap();
    assert!(postmaster_running(&data_dir), "a killed server leaves its postmaster");

    // ...which the next start takes over.
    let mut server = start(&data_dir).await;
    assert!(healthy(&server.address).await);
    signal(&server.child, "-TERM");
    tokio::time::timeout(Duration::from_secs(60), server.child.wait()).await.unwrap().unwrap();
    assert!(!postmaster_running(&data_dir));

    let cluster = cluster_dir(&data_dir);
    drop(cleanup);
    assert!(!data_dir.exists() && !cluster.exists(), "the test leaves no cluster behind");
}
