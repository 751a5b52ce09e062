//! A private PostgreSQL cluster for running the server without `DATABASE_URL`.
//!
//! The cluster lives in `<data_dir>/postgres` (or, when running as root and the
//! `postgres` user cannot enter the data folder, under
//! `/var/lib/sipupns/clusters/<hash>/postgres`, recorded in
//! `<data_dir>/postgres-location`). It listens only on 127.0.0.1, on a fresh
//! free port each start, with SCRAM password authentication.
//!
//! A fallback cluster records its data folder in `<hash>/data-folder`; a start (as root)
//! removes the fallback clusters whose data folder is gone or no longer points at them.

#![allow(dead_code)] // accessors are for callers and tests; not every build uses them

use std::fmt;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// `psql` is needed too: it creates the roles and the database.
const REQUIRED_BINS: [&str; 4] = ["initdb", "pg_ctl", "postgres", "psql"];
/// Where clusters go when the `postgres` user cannot reach the data folder.
pub const FALLBACK_ROOT: &str = "/var/lib/sipupns/clusters";
const PG_USER: &str = "postgres";
/// Owns the database and runs the migrations.
const APP_ROLE: &str = "sipupns";
/// The request pool's login: the role the migrations grant table rights to (no changing
/// or removing audit-log rows). Same password as the owner: both live in the password file.
const REQUEST_ROLE: &str = "sipupns_app";
const PASSWORD_FILE: &str = "postgres-password";
const PORT_FILE: &str = "postgres-port";
const LOCATION_FILE: &str = "postgres-location";
const LOG_FILE: &str = "postgres.log";
/// In a fallback cluster's folder (`<FALLBACK_ROOT>/<hash>`): the data folder it belongs to.
pub const OWNER_FILE: &str = "data-folder";
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// Upper bound for any single helper command; pg_ctl has its own 60 s limit.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(180);
const START_ATTEMPTS: u32 = 3;

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedPgError {
    #[error(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Install them with \
         `apt-get install postgresql` (Debian/Ubuntu), or set DATABASE_URL to use an existing \
         database, or SIPUPNS_PG_BIN to their folder. (Looked in: {searched})"
    )]
    BinariesNotFound { searched: String },

    #[error(
        "running as root, but PostgreSQL refuses to run as root and there is no `postgres` \
         system user to run it as. Install PostgreSQL with `apt-get install postgresql` (which \
         creates that user), or create the user (`useradd --system --user-group --home-dir \
         /var/lib/postgresql postgres`), or set DATABASE_URL to use an existing database"
    )]
    PostgresUserMissing,

    #[error("initdb could not create the PostgreSQL cluster in {}: {stderr_tail}", .dir.display())]
    InitdbFailed { dir: PathBuf, stderr_tail: String },

    #[error(
        "PostgreSQL in {} failed to start: {reason}\nLast lines of {}:\n{log_tail}",
        .dir.display(),
        .log.display()
    )]
    StartFailed { dir: PathBuf, log: PathBuf, reason: String, log_tail: String },

    #[error(
        "could not create the `sipupns` role and database in the PostgreSQL cluster at {}: {detail}",
        .dir.display()
    )]
    SetupFailed { dir: PathBuf, detail: String },

    #[error(
        "the PostgreSQL cluster at {} exists but its password file {} is missing or empty. \
         Restore that file, or delete the cluster folder to create a new empty database, or set \
         DATABASE_URL to use an existing database",
        .cluster.display(),
        .password_file.display()
    )]
    PasswordMissing { cluster: PathBuf, password_file: PathBuf },

    #[error("could not stop PostgreSQL in {}: {detail}", .dir.display())]
    StopFailed { dir: PathBuf, detail: String },

    #[error("`{command}` failed: {detail}")]
    CommandFailed { command: String, detail: String },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
}

type Result<T, E = EmbeddedPgError> = std::result::Result<T, E>;

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedPgError {
    let context = context.into();
    move |source| EmbeddedPgError::Io { context, source }
}

/// A running private PostgreSQL cluster. Dropping it stops the cluster.
pub struct EmbeddedPg {
    bin_dir: PathBuf,
    data_dir: PathBuf,
    cluster_dir: PathBuf,
    runner: Runner,
    port: u16,
    url: String,
    app_url: String,
    running: bool,
}

impl fmt::Debug for EmbeddedPg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // No database_url: it holds the password.
        f.debug_struct("EmbeddedPg")
            .field("cluster_dir", &self.cluster_dir)
            .field("port", &self.port)
            .field("running", &self.running)
            .finish_non_exhaustive()
    }
}

impl EmbeddedPg {
    /// Creates the cluster on first use (initdb), or reuses it; starts it; waits until it accepts connections.
    pub async fn start(data_dir: &Path) -> Result<EmbeddedPg, EmbeddedPgError> {
        let bin_dir = find_bin_dir()?;
        Self::start_with_bin_dir(data_dir, bin_dir).await
    }

    /// Like [`EmbeddedPg::start`] with an explicit PostgreSQL `bin` folder.
    pub async fn start_with_bin_dir(data_dir: &Path, bin_dir: PathBuf) -> Result<EmbeddedPg, EmbeddedPgError> {
        fs::create_dir_all(data_dir).map_err(io_err(format!("cannot create data folder {}", data_dir.display())))?;
        let data_dir = data_dir.canonicalize().map_err(io_err(format!("cannot resolve {}", data_dir.display())))?;

        let runner = if running_as_root() {
            let uid = postgres_uid().await.ok_or(EmbeddedPgError::PostgresUserMissing)?;
            Runner { pg_uid: Some(uid) }
        } else {
            Runner { pg_uid: None }
        };

        if runner.is_root() {
            remove_orphan_clusters(Path::new(FALLBACK_ROOT));
        }
        let cluster_dir = resolve_cluster_dir(&data_dir, &runner).await?;
        let parent = cluster_dir.parent().expect("cluster dir has a parent").to_path_buf();
        tracing::info!(cluster = %cluster_dir.display(), "embedded PostgreSQL cluster location");

        let password = ensure_cluster(&data_dir, &cluster_dir, &bin_dir, &runner).await?;
        let log = parent.join(LOG_FILE);
        prepare_log(&log, &runner).await?;
        if let Some(uid) = runner.pg_uid {
            let owner =
                fs::metadata(&cluster_dir).map_err(io_err(format!("cannot read {}", cluster_dir.display())))?.uid();
            if owner != uid {
                runner.chown_recursive(&cluster_dir).await?;
            }
        }

        stop_leftover(&cluster_dir, &bin_dir, &runner).await?;

        let port = start_postmaster(&data_dir, &cluster_dir, &log, &bin_dir, &runner).await?;
        // From here on, Drop stops the postmaster if anything below fails.
        let pg = EmbeddedPg {
            url: format!("postgres://{APP_ROLE}:{password}@127.0.0.1:{port}/{APP_ROLE}"),
            app_url: format!("postgres://{REQUEST_ROLE}:{password}@127.0.0.1:{port}/{APP_ROLE}"),
            bin_dir,
            data_dir,
            cluster_dir,
            runner,
            port,
            running: true,
        };

        if !wait_for_tcp(port, READY_TIMEOUT).await {
            return Err(EmbeddedPgError::StartFailed {
                dir: pg.cluster_dir.clone(),
                reason: format!("no TCP connection to 127.0.0.1:{port} within {} s", READY_TIMEOUT.as_secs()),
                log_tail: log_tail(&log, 0, 20),
                log,
            });
        }
        setup_app_role(&pg.bin_dir, &pg.cluster_dir, port, &password).await?;

        tracing::info!(
            cluster = %pg.cluster_dir.display(),
            port,
            "embedded PostgreSQL is running on 127.0.0.1"
        );
        Ok(pg)
    }

    /// postgres://sipupns:<password>@127.0.0.1:<port>/sipupns  (the database `sipupns` exists after start):
    /// the owner, for the migrations.
    pub fn database_url(&self) -> &str {
        &self.url
    }

    /// postgres://sipupns_app:<password>@127.0.0.1:<port>/sipupns: the request pool's login.
    pub fn app_database_url(&self) -> &str {
        &self.app_url
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The PostgreSQL data directory (PGDATA) in use.
    pub fn cluster_dir(&self) -> &Path {
        &self.cluster_dir
    }

    /// The server data folder passed to `start` (canonicalised).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn bin_dir(&self) -> &Path {
        &self.bin_dir
    }

    /// pg_ctl stop -m fast; idempotent.
    pub async fn stop(&mut self) -> Result<(), EmbeddedPgError> {
        if !self.running {
            return Ok(());
        }
        let out = run(
            self.runner
                .command(&self.bin_dir.join("pg_ctl"))
                .arg("stop")
                .arg("-D")
                .arg(&self.cluster_dir)
                .args(["-m", "fast", "-w", "-t", "60"]),
            "pg_ctl stop",
        )
        .await?;
        // A missing pid file means it is already down (e.g. stopped by hand).
        if out.status.success() || !self.cluster_dir.join("postmaster.pid").exists() {
            self.running = false;
            tracing::info!(cluster = %self.cluster_dir.display(), "embedded PostgreSQL stopped");
            return Ok(());
        }
        Err(EmbeddedPgError::StopFailed { dir: self.cluster_dir.clone(), detail: output_text(&out) })
    }
}

impl Drop for EmbeddedPg {
    fn drop(&mut self) {
        if !self.running {
            return;
        }
        // Best effort, synchronous: Drop cannot await.
        let _ = self
            .runner
            .std_command(&self.bin_dir.join("pg_ctl"))
            .arg("stop")
            .arg("-D")
            .arg(&self.cluster_dir)
            .args(["-m", "fast", "-w", "-t", "30"])
            .status();
    }
}

/// Finds the folder holding initdb, pg_ctl, postgres and psql (see [`find_bin_dir_in`]).
pub fn find_bin_dir() -> Result<PathBuf, EmbeddedPgError> {
    find_bin_dir_in(std::env::var("SIPUPNS_PG_BIN").ok().as_deref())
}

/// `env_value` is the value of `SIPUPNS_PG_BIN`; taken as a parameter so tests
/// need not mutate the process environment.
pub fn find_bin_dir_in(env_value: Option<&str>) -> Result<PathBuf, EmbeddedPgError> {
    if let Some(v) = env_value.map(str::trim).filter(|v| !v.is_empty()) {
        // An explicit setting wins; silently using another install would surprise.
        let dir = PathBuf::from(v);
        if has_server_bins(&dir) {
            return Ok(dir);
        }
        return Err(EmbeddedPgError::BinariesNotFound { searched: format!("SIPUPNS_PG_BIN={v}") });
    }
    let mut searched = vec!["/usr/lib/postgresql/<version>/bin".to_string()];
    if let Some(dir) = highest_versioned_bin(Path::new("/usr/lib/postgresql")) {
        return Ok(dir);
    }
    searched.push("`pg_config --bindir`".into());
    if let Ok(out) =
        std::process::Command::new("pg_config").arg("--bindir").stdin(Stdio::null()).stderr(Stdio::null()).output()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_server_bins(&dir) {
            return Ok(dir);
        }
    }
    // Fedora/Arch put the server binaries straight on PATH.
    searched.push("PATH".into());
    if let Some(path) = std::env::var_os("PATH") {
        if let Some(dir) = std::env::split_paths(&path).find(|d| has_server_bins(d)) {
            return Ok(dir);
        }
    }
    Err(EmbeddedPgError::BinariesNotFound { searched: searched.join(", ") })
}

fn has_server_bins(dir: &Path) -> bool {
    REQUIRED_BINS
        .iter()
        .all(|b| fs::metadata(dir.join(b)).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// Highest `/usr/lib/postgresql/<version>/bin` that has the server binaries
/// (a newer client-only install has just psql and friends).
fn highest_versioned_bin(root: &Path) -> Option<PathBuf> {
    let mut versions: Vec<(Vec<u32>, PathBuf)> = fs::read_dir(root)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let key: Option<Vec<u32>> = name.split('.').map(|p| p.parse().ok()).collect();
            Some((key?, e.path().join("bin")))
        })
        .collect();
    versions.sort_by(|a, b| b.0.cmp(&a.0));
    versions.into_iter().map(|(_, dir)| dir).find(|d| has_server_bins(d))
}

/// Runs PostgreSQL tools directly, or as the `postgres` user when we are root.
#[derive(Clone, Copy, Debug)]
struct Runner {
    pg_uid: Option<u32>,
}

impl Runner {
    fn is_root(&self) -> bool {
        self.pg_uid.is_some()
    }

    fn command(&self, program: &Path) -> tokio::process::Command {
        let mut cmd = if self.is_root() {
            let mut c = tokio::process::Command::new("runuser");
            c.args(["-u", PG_USER, "--"]).arg(program);
            c
        } else {
            tokio::process::Command::new(program)
        };
        // cwd "/" so tools run as postgres do not trip over an unreadable cwd (e.g. /root).
        cmd.current_dir("/").stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).kill_on_drop(true);
        cmd
    }

    fn std_command(&self, program: &Path) -> std::process::Command {
        let mut cmd = if self.is_root() {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", PG_USER, "--"]).arg(program);
            c
        } else {
            std::process::Command::new(program)
        };
        cmd.current_dir("/").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        cmd
    }

    /// Hands a path we created as root over to the postgres user.
    async fn chown(&self, path: &Path) -> Result<()> {
        self.chown_args(path, false).await
    }

    async fn chown_recursive(&self, path: &Path) -> Result<()> {
        self.chown_args(path, true).await
    }

    async fn chown_args(&self, path: &Path, recursive: bool) -> Result<()> {
        if !self.is_root() {
            return Ok(());
        }
        let mut cmd = tokio::process::Command::new("chown");
        if recursive {
            cmd.arg("-R");
        }
        // "postgres:" = the user's login group, which need not be called postgres.
        cmd.arg(format!("{PG_USER}:")).arg(path).stdin(Stdio::null()).kill_on_drop(true);
        let out = run(&mut cmd, "chown").await?;
        if out.status.success() {
            Ok(())
        } else {
            Err(EmbeddedPgError::CommandFailed {
                command: format!("chown {PG_USER}: {}", path.display()),
                detail: output_text(&out),
            })
        }
    }
}

fn running_as_root() -> bool {
    // /proc/self belongs to the effective uid; fall back to `id -u` without /proc.
    if let Ok(m) = fs::metadata("/proc/self") {
        return m.uid() == 0;
    }
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

async fn postgres_uid() -> Option<u32> {
    let out = tokio::process::Command::new("id").args(["-u", PG_USER]).stdin(Stdio::null()).output().await.ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// True if the postgres user can enter `dir` (and hence every ancestor).
async fn postgres_can_enter(dir: &Path, runner: &Runner) -> bool {
    let Ok(out) = run(runner.command(Path::new("test")).arg("-x").arg(dir), "test").await else {
        return false;
    };
    out.status.success()
}

/// FNV-1a: stable across Rust versions, unlike DefaultHasher.
fn path_hash(path: &Path) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in path.as_os_str().as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Path of the fallback cluster for a data folder the postgres user cannot reach.
pub fn fallback_cluster_dir(data_dir: &Path) -> PathBuf {
    Path::new(FALLBACK_ROOT).join(path_hash(data_dir)).join("postgres")
}

async fn resolve_cluster_dir(data_dir: &Path, runner: &Runner) -> Result<PathBuf> {
    let location_file = data_dir.join(LOCATION_FILE);
    let cluster = match fs::read_to_string(&location_file) {
        Ok(s) if !s.trim().is_empty() => PathBuf::from(s.trim()),
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(io_err(format!("cannot read {}", location_file.display()))(e));
        }
        _ => {
            let local = data_dir.join("postgres");
            if !runner.is_root() || postgres_can_enter(data_dir, runner).await {
                return Ok(local);
            }
            let cluster = fallback_cluster_dir(data_dir);
            if local.join("PG_VERSION").exists() {
                tracing::warn!(
                    unused = %local.display(),
                    "the postgres user cannot enter the data folder; ignoring the cluster there"
                );
            }
            tracing::info!(
                data_dir = %data_dir.display(),
                cluster = %cluster.display(),
                "the postgres user cannot enter the data folder; keeping the cluster elsewhere"
            );
            write_private(&location_file, &format!("{}\n", cluster.display()))?;
            cluster
        }
    };
    prepare_outside_parent(&cluster, data_dir, runner).await?;
    // Recorded (again) on every start, so clusters made before the record existed get one.
    if let Some(parent) = cluster.parent().filter(|p| *p != data_dir && p.starts_with(FALLBACK_ROOT)) {
        write_private(&parent.join(OWNER_FILE), &format!("{}\n", data_dir.display()))?;
    }
    Ok(cluster)
}

/// Removes the clusters under `root` (one folder per data folder, see [`fallback_cluster_dir`])
/// whose recorded data folder no longer exists or no longer points at them; returns the
/// folders removed. Best effort: a folder without a record (made before records existed),
/// with a postmaster still running, or that cannot be removed stays.
pub fn remove_orphan_clusters(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        let Ok(owner) = fs::read_to_string(dir.join(OWNER_FILE)) else {
            continue;
        };
        let cluster = dir.join("postgres");
        // The location file is written before the record, so a cluster being created is in use.
        let in_use = fs::read_to_string(Path::new(owner.trim()).join(LOCATION_FILE))
            .is_ok_and(|location| Path::new(location.trim()) == cluster);
        if in_use || postmaster_alive(&cluster) {
            continue;
        }
        match fs::remove_dir_all(&dir) {
            Ok(()) => {
                tracing::info!(
                    cluster = %dir.display(),
                    data_dir = owner.trim(),
                    "removed an embedded PostgreSQL cluster whose data folder is gone"
                );
                removed.push(dir);
            }
            // Another start removed it first.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(cluster = %dir.display(), error = %e, "cannot remove an orphaned cluster"),
        }
    }
    removed
}

/// Whether the cluster's pid file names a live process.
fn postmaster_alive(cluster: &Path) -> bool {
    let Ok(text) = fs::read_to_string(cluster.join("postmaster.pid")) else {
        return false;
    };
    let pid = text.lines().next().unwrap_or_default().trim();
    !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && Path::new("/proc").join(pid).exists()
}

/// A cluster outside the data folder gets its own 0700 postgres-owned parent.
async fn prepare_outside_parent(cluster: &Path, data_dir: &Path, runner: &Runner) -> Result<()> {
    let Some(parent) = cluster.parent() else {
        return Ok(());
    };
    if parent == data_dir {
        return Ok(());
    }
    if let Some(grand) = parent.parent() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o755)
            .create(grand)
            .map_err(io_err(format!("cannot create {}", grand.display())))?;
        // Under a restrictive umask these would be 0700 and unusable by postgres.
        if runner.is_root() && grand.starts_with(FALLBACK_ROOT) {
            for dir in [Path::new(FALLBACK_ROOT), Path::new("/var/lib/sipupns")] {
                let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o755));
            }
        }
    }
    if !parent.exists() {
        fs::DirBuilder::new()
            .mode(0o700)
            .create(parent)
            .map_err(io_err(format!("cannot create {}", parent.display())))?;
    }
    fs::set_permissions(parent, fs::Permissions::from_mode(0o700))
        .map_err(io_err(format!("cannot set permissions on {}", parent.display())))?;
    runner.chown(parent).await
}

/// Makes sure a complete cluster exists; returns the password.
async fn ensure_cluster(data_dir: &Path, cluster: &Path, bin_dir: &Path, runner: &Runner) -> Result<String> {
    let password_file = data_dir.join(PASSWORD_FILE);
    // initdb works in a temporary folder renamed on success, so PG_VERSION here means complete.
    if cluster.join("PG_VERSION").is_file() {
        return read_password(&password_file)?.ok_or_else(|| EmbeddedPgError::PasswordMissing {
            cluster: cluster.to_path_buf(),
            password_file: password_file.clone(),
        });
    }
    if cluster.exists() {
        tracing::warn!(cluster = %cluster.display(), "incomplete PostgreSQL cluster found; recreating it");
        fs::remove_dir_all(cluster).map_err(io_err(format!("cannot remove {}", cluster.display())))?;
    }

    // Written before initdb so an interrupted first run keeps a usable password.
    let password = match read_password(&password_file)? {
        Some(p) => p,
        None => {
            let p = random_password();
            write_private(&password_file, &p)?;
            p
        }
    };

    let parent = cluster.parent().expect("cluster dir has a parent");
    let name = cluster.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "postgres".into());
    let tmp = parent.join(format!("{name}.initdb-tmp"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(io_err(format!("cannot remove {}", tmp.display())))?;
    }
    fs::DirBuilder::new().mode(0o700).create(&tmp).map_err(io_err(format!("cannot create {}", tmp.display())))?;
    runner.chown(&tmp).await?;

    let pwfile = parent.join(format!("{name}.initdb-pwfile"));
    write_private(&pwfile, &password)?;
    runner.chown(&pwfile).await?;

    tracing::info!(cluster = %cluster.display(), "creating PostgreSQL cluster (initdb)");
    let result = run(
        runner
            .command(&bin_dir.join("initdb"))
            .arg("-D")
            .arg(&tmp)
            .args(["-U", PG_USER, "--auth=scram-sha-256", "--encoding=UTF8"])
            // C locale: always available, unlike whatever LANG names.
            .arg("--locale=C")
            .arg(format!("--pwfile={}", pwfile.display())),
        "initdb",
    )
    .await;
    let _ = fs::remove_file(&pwfile);
    let out = result?;
    if !out.status.success() {
        let _ = fs::remove_dir_all(&tmp);
        return Err(EmbeddedPgError::InitdbFailed {
            dir: cluster.to_path_buf(),
            stderr_tail: tail_lines(&output_text(&out), 20),
        });
    }
    fs::rename(&tmp, cluster).map_err(io_err(format!("cannot rename {} to {}", tmp.display(), cluster.display())))?;
    Ok(password)
}

fn random_password() -> String {
    use rand::Rng;
    // Alphanumeric only: safe inside a URL and an SQL literal.
    rand::thread_rng().sample_iter(&rand::distributions::Alphanumeric).take(32).map(char::from).collect()
}

fn read_password(path: &Path) -> Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(s) => {
            // Tighten permissions in case someone loosened them.
            let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
            let p = s.trim().to_string();
            Ok((!p.is_empty()).then_some(p))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(format!("cannot read {}", path.display()))(e)),
    }
}

/// Writes a 0600 file owned by the current user.
fn write_private(path: &Path, contents: &str) -> Result<()> {
    let ctx = || format!("cannot write {}", path.display());
    let mut f =
        fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path).map_err(io_err(ctx()))?;
    f.set_permissions(fs::Permissions::from_mode(0o600)).map_err(io_err(ctx()))?;
    f.write_all(contents.as_bytes()).map_err(io_err(ctx()))?;
    f.sync_all().map_err(io_err(ctx()))
}

/// pg_ctl appends to the log as the postgres user, which may not be able to create it.
async fn prepare_log(log: &Path, runner: &Runner) -> Result<()> {
    fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(log)
        .map_err(io_err(format!("cannot create {}", log.display())))?;
    runner.chown(log).await
}

/// Stops a postmaster left behind by a killed server, or removes a stale pid file.
async fn stop_leftover(cluster: &Path, bin_dir: &Path, runner: &Runner) -> Result<()> {
    let pid_file = cluster.join("postmaster.pid");
    let Ok(contents) = fs::read_to_string(&pid_file) else {
        return Ok(());
    };
    let pid: Option<u32> = contents.lines().next().and_then(|l| l.trim().parse().ok());
    let alive = match pid {
        Some(pid) => is_our_postmaster(pid, cluster, bin_dir, runner).await,
        None => false,
    };
    if !alive {
        // The pid may now belong to an unrelated process, which makes postgres refuse to start.
        tracing::info!(pid_file = %pid_file.display(), "removing stale postmaster.pid");
        return fs::remove_file(&pid_file)
            .or_else(|e| if e.kind() == io::ErrorKind::NotFound { Ok(()) } else { Err(e) })
            .map_err(io_err(format!("cannot remove {}", pid_file.display())));
    }

    tracing::info!(
        cluster = %cluster.display(),
        "stopping PostgreSQL left running by a previous server process"
    );
    let mut detail = String::new();
    for mode in ["fast", "immediate"] {
        let out = run(
            runner
                .command(&bin_dir.join("pg_ctl"))
                .arg("stop")
                .arg("-D")
                .arg(cluster)
                .args(["-m", mode, "-w", "-t", "60"]),
            "pg_ctl stop",
        )
        .await?;
        if out.status.success() || !pid_file.exists() {
            return Ok(());
        }
        detail = output_text(&out);
    }
    Err(EmbeddedPgError::StopFailed {
        dir: cluster.to_path_buf(),
        detail: format!("a PostgreSQL left running by an earlier run did not stop: {detail}"),
    })
}

/// Only signal a process that really is the postmaster of this cluster: after a
/// reboot the pid may belong to anything, even another PostgreSQL.
async fn is_our_postmaster(pid: u32, cluster: &Path, bin_dir: &Path, runner: &Runner) -> bool {
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    if Path::new("/proc/self").exists() {
        let comm = fs::read_to_string(proc_dir.join("comm")).unwrap_or_default();
        if !matches!(comm.trim(), "postgres" | "postmaster") {
            return false;
        }
        // The postmaster chdirs into its data directory.
        let cwd = fs::read_link(proc_dir.join("cwd")).ok();
        let cluster = cluster.canonicalize().unwrap_or_else(|_| cluster.to_path_buf());
        return cwd.as_deref() == Some(cluster.as_path());
    }
    // No /proc: trust pg_ctl status (exit 0 = running).
    run(runner.command(&bin_dir.join("pg_ctl")).arg("status").arg("-D").arg(cluster), "pg_ctl status")
        .await
        .is_ok_and(|o| o.status.success())
}

fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io_err("cannot find a free TCP port on 127.0.0.1"))?;
    listener.local_addr().map(|a| a.port()).map_err(io_err("cannot find a free TCP port on 127.0.0.1"))
}

/// Starts the postmaster on a fresh free port; retries if another process grabbed the port.
async fn start_postmaster(data_dir: &Path, cluster: &Path, log: &Path, bin_dir: &Path, runner: &Runner) -> Result<u16> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let port = free_port()?;
        fs::write(data_dir.join(PORT_FILE), format!("{port}\n"))
            .map_err(io_err(format!("cannot write {}", data_dir.join(PORT_FILE).display())))?;
        let log_start = fs::metadata(log).map(|m| m.len()).unwrap_or(0);
        let options = format!("-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        let out = run(
            runner
                .command(&bin_dir.join("pg_ctl"))
                .arg("start")
                .args(["-w", "-t", "60", "-D"])
                .arg(cluster)
                .arg("-l")
                .arg(log)
                .arg("-o")
                .arg(&options),
            "pg_ctl start",
        )
        .await?;
        if out.status.success() {
            return Ok(port);
        }

        let new_log = log_tail(log, log_start, 200);
        let port_taken = new_log.contains("could not bind") || new_log.contains("Address already in use");
        if port_taken && attempt < START_ATTEMPTS {
            tracing::warn!(port, "port was taken before PostgreSQL could bind it; retrying");
            continue;
        }
        // pg_ctl may give up waiting while the postmaster keeps going; don't leave it behind.
        if cluster.join("postmaster.pid").exists() {
            let _ = run(
                runner.command(&bin_dir.join("pg_ctl")).arg("stop").arg("-D").arg(cluster).args([
                    "-m",
                    "immediate",
                    "-w",
                ]),
                "pg_ctl stop",
            )
            .await;
        }
        return Err(EmbeddedPgError::StartFailed {
            dir: cluster.to_path_buf(),
            log: log.to_path_buf(),
            reason: output_text(&out),
            log_tail: log_tail(log, 0, 20),
        });
    }
}

async fn wait_for_tcp(port: u16, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        let attempt =
            tokio::time::timeout(Duration::from_secs(1), tokio::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port)))
                .await;
        if let Ok(Ok(_)) = attempt {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Creates the `sipupns` owner role and database and the `sipupns_app` request login if
/// missing; idempotent, so it also completes a first run that was interrupted after initdb
/// and brings a cluster made before `sipupns_app` existed up to date.
async fn setup_app_role(bin_dir: &Path, cluster: &Path, port: u16, password: &str) -> Result<()> {
    let literal = password.replace('\'', "''");
    let script = format!(
        "DO $$BEGIN\n\
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN\n\
         CREATE ROLE {APP_ROLE} LOGIN CREATEDB PASSWORD '{literal}';\n\
         END IF;\n\
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{REQUEST_ROLE}') THEN\n\
         CREATE ROLE {REQUEST_ROLE};\n\
         END IF;\n\
         END$$;\n\
         ALTER ROLE {REQUEST_ROLE} LOGIN PASSWORD '{literal}';\n\
         GRANT {REQUEST_ROLE} TO {APP_ROLE};\n\
         SELECT 'CREATE DATABASE {APP_ROLE} OWNER {APP_ROLE}'\n\
         WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{APP_ROLE}')\\gexec\n"
    );
    let psql = bin_dir.join("psql");
    let password = password.to_string();
    let port_s = port.to_string();
    // The script carries the password, so it goes through stdin, not argv.
    let task = tokio::task::spawn_blocking(move || -> io::Result<Output> {
        let mut child = std::process::Command::new(psql)
            .args(["-X", "-q", "-w", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1"])
            .args(["-p", &port_s, "-U", PG_USER, "-d", "postgres", "-f", "-"])
            .env("PGPASSWORD", &password)
            .env("PGCONNECT_TIMEOUT", "10")
            .env_remove("PGOPTIONS")
            .env_remove("PGSERVICE")
            .current_dir("/")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(script.as_bytes())?;
        }
        child.wait_with_output()
    });
    let setup_err = |detail: String| EmbeddedPgError::SetupFailed { dir: cluster.to_path_buf(), detail };
    let out = match tokio::time::timeout(COMMAND_TIMEOUT, task).await {
        Err(_) => return Err(setup_err("psql timed out".into())),
        Ok(Err(e)) => return Err(setup_err(format!("psql task failed: {e}"))),
        Ok(Ok(Err(e))) => return Err(setup_err(format!("cannot run psql: {e}"))),
        Ok(Ok(Ok(out))) => out,
    };
    if out.status.success() {
        Ok(())
    } else {
        Err(setup_err(output_text(&out)))
    }
}

async fn run(cmd: &mut tokio::process::Command, what: &str) -> Result<Output> {
    match tokio::time::timeout(COMMAND_TIMEOUT, cmd.output()).await {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(e)) => Err(io_err(format!("cannot run {what}"))(e)),
        Err(_) => Err(EmbeddedPgError::CommandFailed {
            command: what.to_string(),
            detail: format!("timed out after {} s", COMMAND_TIMEOUT.as_secs()),
        }),
    }
}

fn output_text(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let text = if stderr.trim().is_empty() { stdout.trim().to_string() } else { stderr.trim().to_string() };
    if text.is_empty() {
        format!("exited with {}", out.status)
    } else {
        text
    }
}

fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Last `n` lines of the log written after byte offset `from`.
fn log_tail(log: &Path, from: u64, n: usize) -> String {
    let mut buf = Vec::new();
    let read = fs::File::open(log).and_then(|mut f| {
        f.seek(SeekFrom::Start(from))?;
        f.read_to_end(&mut buf)
    });
    match read {
        Ok(_) => tail_lines(&String::from_utf8_lossy(&buf), n),
        Err(e) => format!("(cannot read {}: {e})", log.display()),
    }
}
