//! Integration tests for the embedded PostgreSQL cluster. They need the
//! PostgreSQL server binaries (see `find_bin_dir`).

#[path = "../src/embedded_pg.rs"]
mod embedded_pg;

use std::fs;
use std::net::{Ipv4Addr, TcpStream};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

use embedded_pg::{
    find_bin_dir, find_bin_dir_in, remove_orphan_clusters, EmbeddedPg, EmbeddedPgError, FALLBACK_ROOT, OWNER_FILE,
};

fn is_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// The cluster tests take turns: a start as root sweeps the machine-wide FALLBACK_ROOT for
/// orphans, and one such start racing another test's restart was once seen to lose the
/// restarted cluster (not understood yet; see the closing note of issue #9).
static FALLBACK_ROOT_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A fresh folder under /tmp; on drop it stops any cluster left running in it,
/// and removes it plus its fallback cluster folder.
struct TestDir(PathBuf);

impl TestDir {
    fn new(mode: u32) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let path = PathBuf::from(format!(
            "/tmp/sipupns-embpg-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            rand::random::<u32>()
        ));
        fs::create_dir(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        TestDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn cluster_dir(&self) -> PathBuf {
        match fs::read_to_string(self.0.join("postgres-location")) {
            Ok(s) => PathBuf::from(s.trim()),
            Err(_) => self.0.join("postgres"),
        }
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let cluster = self.cluster_dir();
        if cluster.join("postmaster.pid").exists() {
            if let Ok(bin) = find_bin_dir() {
                let pg_ctl = bin.join("pg_ctl");
                let mut cmd = if is_root() {
                    let mut c = Command::new("runuser");
                    c.args(["-u", "postgres", "--"]).arg(pg_ctl);
                    c
                } else {
                    Command::new(pg_ctl)
                };
                let _ =
                    cmd.current_dir("/").arg("stop").arg("-D").arg(&cluster).args(["-m", "immediate", "-w"]).output();
            }
        }
        if cluster.starts_with(FALLBACK_ROOT) {
            if let Some(hash_dir) = cluster.parent() {
                let _ = fs::remove_dir_all(hash_dir);
            }
        }
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn password(dir: &Path) -> String {
    fs::read_to_string(dir.join("postgres-password")).unwrap().trim().to_string()
}

/// Runs SQL as `sipupns` via the bin dir's psql over TCP; returns trimmed output.
fn psql(pg: &EmbeddedPg, sql: &str) -> String {
    psql_as(pg, "sipupns", sql)
}

/// Runs SQL as `user` (all the cluster's logins share the password) in the `sipupns` database.
fn psql_as(pg: &EmbeddedPg, user: &str, sql: &str) -> String {
    let out = Command::new(pg.bin_dir().join("psql"))
        .args(["-X", "-A", "-t", "-q", "-w", "-v", "ON_ERROR_STOP=1"])
        .args(["-h", "127.0.0.1", "-p", &pg.port().to_string()])
        .args(["-U", user, "-d", "sipupns", "-c", sql])
        .env("PGPASSWORD", password(pg.data_dir()))
        .output()
        .unwrap();
    assert!(out.status.success(), "psql failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn accepts_tcp(port: u16) -> bool {
    TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok()
}

#[tokio::test]
async fn fresh_private_dir_starts_answers_and_stops() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o700);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    let port = pg.port();
    let pw = password(dir.path());

    assert_eq!(pg.database_url(), format!("postgres://sipupns:{pw}@127.0.0.1:{port}/sipupns"));
    assert_ne!(port, 5432);
    assert!(accepts_tcp(port));
    assert_eq!(psql(&pg, "SELECT 1"), "1");
    assert_eq!(psql(&pg, "SELECT current_database()"), "sipupns");

    let pw_meta = fs::metadata(dir.path().join("postgres-password")).unwrap();
    assert_eq!(pw_meta.permissions().mode() & 0o777, 0o600);
    let port_file = fs::read_to_string(dir.path().join("postgres-port")).unwrap();
    assert_eq!(port_file.trim(), port.to_string());

    if is_root() {
        // postgres cannot enter a 0700 root folder: the cluster goes to the fallback place.
        assert!(pg.cluster_dir().starts_with(FALLBACK_ROOT), "{pg:?}");
        let location = fs::read_to_string(dir.path().join("postgres-location")).unwrap();
        assert_eq!(Path::new(location.trim()), pg.cluster_dir());
        let hash_dir = pg.cluster_dir().parent().unwrap();
        assert_eq!(fs::metadata(hash_dir).unwrap().permissions().mode() & 0o777, 0o700);
    } else {
        assert_eq!(pg.cluster_dir(), dir.path().join("postgres"));
    }

    pg.stop().await.unwrap();
    pg.stop().await.unwrap(); // idempotent
    assert!(!accepts_tcp(port));
}

/// A fallback cluster records its data folder; once that folder is gone (or points elsewhere),
/// the next start removes the cluster. Clusters in use, running, or without a record stay.
#[test]
fn orphaned_fallback_clusters_are_removed() {
    let root = TestDir::new(0o755);
    let live_data = TestDir::new(0o755);
    let other_data = TestDir::new(0o755);
    let cluster = |name: &str, owner: Option<&Path>| {
        let dir = root.path().join(name);
        fs::create_dir_all(dir.join("postgres")).unwrap();
        fs::write(dir.join("postgres").join("PG_VERSION"), "15\n").unwrap();
        if let Some(owner) = owner {
            fs::write(dir.join(OWNER_FILE), format!("{}\n", owner.display())).unwrap();
        }
        dir
    };
    let gone = cluster("gone", Some(&root.path().join("no-such-data-folder")));
    let in_use = cluster("in-use", Some(live_data.path()));
    fs::write(live_data.path().join("postgres-location"), format!("{}\n", in_use.join("postgres").display())).unwrap();
    let moved_on = cluster("moved-on", Some(other_data.path()));
    fs::write(other_data.path().join("postgres-location"), "/elsewhere/postgres\n").unwrap();
    let unrecorded = cluster("unrecorded", None);
    let running = cluster("running", Some(&root.path().join("also-gone")));
    fs::write(running.join("postgres").join("postmaster.pid"), format!("{}\n", std::process::id())).unwrap();

    let mut removed = remove_orphan_clusters(root.path());
    removed.sort();
    assert_eq!(removed, vec![gone.clone(), moved_on.clone()]);
    assert!(!gone.exists() && !moved_on.exists());
    assert!(in_use.exists() && unrecorded.exists() && running.exists());
    assert!(remove_orphan_clusters(root.path()).is_empty(), "nothing left to remove");
    assert!(remove_orphan_clusters(&root.path().join("missing-root")).is_empty());
}

/// As root, a real fallback cluster carries its record and goes once its data folder is removed.
#[tokio::test]
async fn a_fallback_cluster_goes_with_its_data_folder() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    if !is_root() {
        return; // only root puts clusters under FALLBACK_ROOT
    }
    let dir = TestDir::new(0o700);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    let hash_dir = pg.cluster_dir().parent().unwrap().to_path_buf();
    assert!(hash_dir.starts_with(FALLBACK_ROOT), "{pg:?}");
    let owner = fs::read_to_string(hash_dir.join(OWNER_FILE)).unwrap();
    assert_eq!(Path::new(owner.trim()), pg.data_dir());
    // In use (even stopped) while its data folder points at it.
    pg.stop().await.unwrap();
    drop(pg);
    assert!(!remove_orphan_clusters(Path::new(FALLBACK_ROOT)).contains(&hash_dir));
    assert!(hash_dir.exists());
    fs::remove_dir_all(dir.path()).unwrap();
    assert!(remove_orphan_clusters(Path::new(FALLBACK_ROOT)).contains(&hash_dir));
    assert!(!hash_dir.exists());
}

/// The server's request pool logs in as `sipupns_app`, which only adds to the audit log; a
/// cluster made before that login existed (an older data folder) starts, migrates and gets it.
#[tokio::test]
async fn an_older_cluster_gets_the_request_login_that_cannot_change_the_audit_log() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o700);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    assert_eq!(
        pg.app_database_url(),
        format!("postgres://sipupns_app:{}@127.0.0.1:{}/sipupns", password(dir.path()), pg.port())
    );
    // As the older server left it: no sipupns_app, the migrations of its time applied.
    psql_as(&pg, "postgres", "REVOKE sipupns_app FROM sipupns; DROP ROLE sipupns_app");
    let older = TestDir::new(0o755);
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    for entry in fs::read_dir(&migrations).unwrap().flatten() {
        if entry.file_name().to_string_lossy().as_ref() < "20261202000014" {
            fs::copy(entry.path(), older.path().join(entry.file_name())).unwrap();
        }
    }
    let owner = sqlx::PgPool::connect(pg.database_url()).await.unwrap();
    sqlx::migrate::Migrator::new(older.path()).await.unwrap().run(&owner).await.unwrap();
    owner.close().await;
    assert_eq!(psql(&pg, "SELECT count(*) FROM pg_roles WHERE rolname = 'sipupns_app'"), "0");
    pg.stop().await.unwrap();
    drop(pg);

    // The server's own start: the cluster, the rest of the migrations, the request pool.
    let mut database = server::database::connect(&server::Config::for_tests(dir.path().to_path_buf())).await.unwrap();
    let app = &database.pool;
    let login: (String, String) =
        sqlx::query_as("SELECT session_user::text, current_user::text").fetch_one(app).await.unwrap();
    assert_eq!(login, ("sipupns_app".to_owned(), "sipupns_app".to_owned()));
    sqlx::query("INSERT INTO audit_log (action) VALUES ('uji')").execute(app).await.unwrap();
    let pns: i64 = sqlx::query_scalar("SELECT count(*) FROM pns").fetch_one(app).await.unwrap();
    assert_eq!(pns, 0);
    for statement in
        ["UPDATE audit_log SET action = 'lain'", "DELETE FROM audit_log", "RESET ROLE; DELETE FROM audit_log"]
    {
        let error = sqlx::raw_sql(statement).execute(app).await.unwrap_err();
        let code = error.as_database_error().and_then(|e| e.code()).map(|c| c.into_owned());
        assert_eq!(code.as_deref(), Some("42501"), "{statement}: {error}");
    }
    app.close().await;
    database.embedded.as_mut().unwrap().stop().await.unwrap();
}

#[tokio::test]
async fn restart_reuses_data_and_password() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o700);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    let first_pw = password(dir.path());
    psql(&pg, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')");
    pg.stop().await.unwrap();
    drop(pg);

    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    assert_eq!(password(dir.path()), first_pw);
    assert_eq!(psql(&pg, "SELECT v FROM kept"), "hello");
    pg.stop().await.unwrap();
}

#[tokio::test]
async fn killed_server_leftover_postmaster_is_replaced() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o700);
    let pg = EmbeddedPg::start(dir.path()).await.unwrap();
    psql(&pg, "CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)");
    let old_port = pg.port();
    // Like a SIGKILL of the server: no stop, the postmaster keeps running.
    std::mem::forget(pg);
    assert!(accepts_tcp(old_port));

    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    assert_eq!(psql(&pg, "SELECT v FROM survived"), "42");
    if pg.port() != old_port {
        assert!(!accepts_tcp(old_port), "old postmaster still listening");
    }
    pg.stop().await.unwrap();
}

#[tokio::test]
async fn stale_pid_file_pointing_at_another_process_is_ignored() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o755);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    let pid_file = pg.cluster_dir().join("postmaster.pid");
    let contents = fs::read_to_string(&pid_file).unwrap();
    pg.stop().await.unwrap();
    drop(pg);

    // A pid file whose pid is alive but not a postmaster (this test process),
    // as after a reboot: postgres itself would refuse to start.
    let rest: Vec<&str> = contents.lines().skip(1).collect();
    fs::write(&pid_file, format!("{}\n{}\n", std::process::id(), rest.join("\n"))).unwrap();

    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    assert_eq!(psql(&pg, "SELECT 1"), "1");
    pg.stop().await.unwrap();
}

#[tokio::test]
async fn accessible_dir_keeps_cluster_inside_and_redoes_interrupted_initdb() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o755);
    // An interrupted initdb: the folder exists but has no PG_VERSION.
    fs::create_dir(dir.path().join("postgres")).unwrap();
    fs::write(dir.path().join("postgres/half-written"), "x").unwrap();

    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    assert_eq!(pg.cluster_dir(), dir.path().join("postgres"));
    assert!(pg.cluster_dir().join("PG_VERSION").is_file());
    assert!(!pg.cluster_dir().join("half-written").exists());
    assert!(!dir.path().join("postgres-location").exists());
    assert!(dir.path().join("postgres.log").is_file());
    assert_eq!(psql(&pg, "SELECT 1"), "1");
    pg.stop().await.unwrap();
}

#[test]
fn missing_binaries_error_says_what_to_install() {
    let dir = TestDir::new(0o755);
    let err = find_bin_dir_in(Some(dir.path().to_str().unwrap())).unwrap_err();
    assert!(matches!(err, EmbeddedPgError::BinariesNotFound { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("apt-get install postgresql"), "{msg}");
    assert!(msg.contains("DATABASE_URL"), "{msg}");
    assert!(msg.contains("SIPUPNS_PG_BIN"), "{msg}");
}

#[test]
fn start_future_is_send() {
    // The server spawns startup on a multi-threaded runtime.
    fn assert_send<T: Send>(_: T) {}
    assert_send(EmbeddedPg::start(Path::new("/nonexistent")));
}

#[tokio::test]
async fn start_failure_reports_log_tail() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let dir = TestDir::new(0o755);
    let mut pg = EmbeddedPg::start(dir.path()).await.unwrap();
    let conf = pg.cluster_dir().join("postgresql.conf");
    pg.stop().await.unwrap();
    drop(pg);
    let mut text = fs::read_to_string(&conf).unwrap();
    text.push_str("\nshared_buffers = 'not a size'\n");
    fs::write(&conf, text).unwrap();

    let err = EmbeddedPg::start(dir.path()).await.unwrap_err();
    assert!(matches!(err, EmbeddedPgError::StartFailed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("shared_buffers"), "{msg}");
    assert!(msg.contains("postgres.log"), "{msg}");
}

#[tokio::test]
async fn initdb_failure_reports_stderr() {
    let _turn = FALLBACK_ROOT_TURN.lock().await;
    let real = find_bin_dir().unwrap();
    let bin = TestDir::new(0o755);
    for name in ["pg_ctl", "postgres", "psql"] {
        std::os::unix::fs::symlink(real.join(name), bin.path().join(name)).unwrap();
    }
    let fake = bin.path().join("initdb");
    fs::write(&fake, "#!/bin/sh\necho 'initdb: boom' >&2\nexit 1\n").unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();

    let dir = TestDir::new(0o755);
    let err = EmbeddedPg::start_with_bin_dir(dir.path(), bin.path().to_path_buf()).await.unwrap_err();
    assert!(matches!(err, EmbeddedPgError::InitdbFailed { .. }), "{err:?}");
    assert!(err.to_string().contains("initdb: boom"), "{err}");
    // Nothing half-made is left; the password is kept for the retry.
    assert!(!dir.path().join("postgres").exists());
    assert!(!dir.path().join("postgres.initdb-tmp").exists());
    assert!(!dir.path().join("postgres.initdb-pwfile").exists());
    assert!(dir.path().join("postgres-password").is_file());
}
