//! Configuration from flags and environment variables (`server --help` lists them all).
//! The LEPTOS_* variables are the ones cargo-leptos sets, so `cargo leptos serve` and a
//! plain start of the binary behave the same.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::builder::BoolishValueParser;
use clap::{CommandFactory, FromArgMatches, Parser};

#[derive(Debug, Clone, Parser)]
#[command(name = "server", about = "SIPUPNS: civil-servant re-registration and data verification")]
pub struct Config {
    /// PostgreSQL to use. Without it the server runs its own cluster in the data folder.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// PostgreSQL login that owns the tables and runs the migrations (default: DATABASE_URL).
    /// The request pool (DATABASE_URL) always runs as the role `sipupns_app`, which cannot
    /// change or remove audit-log rows.
    #[arg(long, env = "DATABASE_OWNER_URL")]
    pub database_owner_url: Option<String>,

    /// Folder for the embedded database, outgoing mail (without SMTP) and uploads.
    #[arg(long, env = "SIPUPNS_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Seed the demo world (two instansi, ~200 PNS, one account per role). Never seeded without it.
    #[arg(long, env = "SIPUPNS_DEMO", value_parser = BoolishValueParser::new())]
    pub demo: bool,

    /// Create a BKN account and exit, instead of serving: `PERAN:USERNAME:EMAIL:NAMA`, PERAN
    /// `admin_bkn` or `eksekutif` (e.g. the first admin BKN of a new installation; no admin
    /// grants these in the app). Prints the one-time link to choose its password (also mailed).
    #[arg(long, value_name = "PERAN:USERNAME:EMAIL:NAMA")]
    pub akun_pusat: Option<String>,

    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub site_addr: SocketAddr,

    /// Folder with the built site (WASM, JS, CSS, public assets).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    #[arg(long, env = "LEPTOS_SITE_PKG_DIR", default_value = "pkg")]
    pub site_pkg_dir: String,

    #[arg(long, env = "LEPTOS_OUTPUT_NAME", default_value = "sipupns")]
    pub output_name: String,

    /// Port of cargo-leptos' live-reload socket (development only).
    #[arg(long, env = "LEPTOS_RELOAD_PORT", default_value_t = 3001)]
    pub reload_port: u32,

    /// DEV or PROD (cargo-leptos sets it).
    #[arg(long, env = "LEPTOS_ENV", default_value = "PROD")]
    pub leptos_env: String,

    /// Whether asset file names carry content hashes (cargo-leptos sets it; also on when the
    /// build left its `hash.txt` beside the server binary).
    #[arg(long, env = "LEPTOS_HASH_FILES", value_parser = BoolishValueParser::new())]
    pub hash_files: bool,

    /// The release's id, as pages, their service worker and `/sw/aset.json` report it
    /// (default: a digest of the built front-end files, so each build has its own).
    #[arg(long, env = "SIPUPNS_BUILD_ID")]
    pub build_id: Option<String>,

    /// Public address of the site, used in emailed links.
    #[arg(long, env = "SIPUPNS_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Mark cookies Secure (set this when the site is served over HTTPS).
    #[arg(long, env = "SIPUPNS_SECURE_COOKIES", value_parser = BoolishValueParser::new())]
    pub secure_cookies: bool,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "SIPUPNS_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: i64,

    /// Hours after sign-in after which a session ends regardless of activity.
    #[arg(long, env = "SIPUPNS_SESSION_ABSOLUTE_HOURS", default_value_t = 12)]
    pub session_absolute_hours: i64,

    /// Seconds a resolved session is reused from memory (0: ask the database every time).
    /// Sign-out and role switches on this server take effect at once regardless.
    #[arg(long, env = "SIPUPNS_SESSION_CACHE_SECONDS", default_value_t = 5)]
    pub session_cache_seconds: u64,

    /// How long one help-desk live stream lasts before the server ends it; the browser then
    /// reconnects at once, resuming from its last event, and the session is checked again.
    #[arg(long, env = "SIPUPNS_HDS_STREAM_SECONDS", default_value_t = 600)]
    pub hds_stream_seconds: u64,

    /// Sign-in attempts per minute allowed from one IP address.
    #[arg(long, env = "SIPUPNS_SIGNIN_PER_MINUTE", default_value_t = 30)]
    pub signin_per_minute: u32,

    /// NIP look-ups (registration) per minute allowed from one IP address.
    #[arg(long, env = "SIPUPNS_LOOKUP_PER_MINUTE", default_value_t = 20)]
    pub lookup_per_minute: u32,

    /// Registration data checks (right or wrong) per 15 minutes allowed from one IP address.
    /// Per NIP and per email the limit is fixed at 5. Also the help-desk requests from
    /// registration allowed per address in an hour (per NIP and per email: 3).
    #[arg(long, env = "SIPUPNS_REGISTRATION_CHECKS_PER_15_MINUTES", default_value_t = 20)]
    pub registration_checks_per_15_minutes: u32,

    /// Reverse proxies whose X-Forwarded-For is believed, as comma-separated CIDRs
    /// (`10.0.0.0/8,127.0.0.1/32`; a bare address is one host). Requests from them count
    /// against the address they forwarded for; without it, the socket address is the client.
    #[arg(long, env = "SIPUPNS_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_network)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// SMTP server for outgoing mail. Without it, mail is written to <data-dir>/mail and logged.
    #[arg(long, env = "SMTP_HOST")]
    pub smtp_host: Option<String>,

    #[arg(long, env = "SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,

    #[arg(long, env = "SMTP_USERNAME")]
    pub smtp_username: Option<String>,

    #[arg(long, env = "SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,

    /// Sender address of outgoing mail.
    #[arg(long, env = "SMTP_FROM", default_value = "SIPUPNS <noreply@sipupns.local>")]
    pub smtp_from: String,
}

/// A CIDR, or a bare address as the network of that one host.
fn parse_network(value: &str) -> Result<ipnet::IpNet, String> {
    let value = value.trim();
    value
        .parse::<ipnet::IpNet>()
        .or_else(|_| value.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("not a network in CIDR notation (10.0.0.0/8): {value:?}"))
}

impl Config {
    pub fn leptos_options(&self) -> leptos::config::LeptosOptions {
        leptos::config::LeptosOptions::builder()
            .output_name(self.output_name.as_str())
            .site_root(self.site_root.as_str())
            .site_pkg_dir(self.site_pkg_dir.as_str())
            .site_addr(self.site_addr)
            .reload_port(self.reload_port)
            .env(if self.leptos_env.eq_ignore_ascii_case("DEV") {
                leptos::config::Env::DEV
            } else {
                leptos::config::Env::PROD
            })
            .hash_files(self.hash_files || crate::assets::built_with_hashes("hash.txt"))
            .build()
    }

    pub fn identity_config(&self) -> identity::IdentityConfig {
        identity::IdentityConfig {
            session: identity::SessionLimits {
                idle: time::Duration::minutes(self.session_idle_minutes),
                absolute: time::Duration::hours(self.session_absolute_hours),
            },
            signin_per_minute_per_ip: self.signin_per_minute,
            lookup_per_minute_per_ip: self.lookup_per_minute,
            registration_checks_per_ip: self.registration_checks_per_15_minutes,
            session_cache: std::time::Duration::from_secs(self.session_cache_seconds),
        }
    }

    /// Parses `args` as if the environment held only `env`: the process's own variables
    /// (DATABASE_URL, SIPUPNS_*, LEPTOS_*, SMTP_*) are not read. Tests use it, so the shell
    /// they run in cannot change what they test.
    pub fn parse_with_env<I, T>(args: I, env: &[(&'static str, &'static str)]) -> Result<Config, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        // An environment value takes the place of the default: below the flag, above the default,
        // as clap ranks them.
        let command = Config::command().mut_args(|arg| {
            let given =
                arg.get_env().and_then(|name| env.iter().find(|(n, _)| name.to_str() == Some(*n))).map(|(_, v)| *v);
            let arg = arg.env(None::<&'static str>);
            match given {
                Some(value) => arg.default_value(value),
                None => arg,
            }
        });
        Config::from_arg_matches(&command.try_get_matches_from(args)?)
    }

    /// A configuration for tests: in-process, fast, limits raised, the environment not read.
    pub fn for_tests(data_dir: PathBuf) -> Config {
        let mut config = Config::parse_with_env(["server"], &[]).expect("defaults parse");
        config.data_dir = data_dir;
        config.database_url = None;
        config.site_addr = "127.0.0.1:0".parse().expect("valid address");
        config.signin_per_minute = 10_000;
        config.lookup_per_minute = 10_000;
        config.registration_checks_per_15_minutes = 10_000;
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_read_their_environment_variables_and_defaults_hold() {
        // Whatever the shell running the tests exports (DATABASE_URL, SIPUPNS_*, LEPTOS_*).
        let config = Config::parse_with_env(["server"], &[]).unwrap();
        assert_eq!(config.database_url, None);
        assert_eq!(config.data_dir, PathBuf::from("./data"));
        assert!(!config.demo);
        assert_eq!(config.site_addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(config.session_idle_minutes, 30);
        assert_eq!(config.session_absolute_hours, 12);
        assert_eq!(config.smtp_host, None);
        let config = Config::parse_with_env(["server", "--demo", "--site-addr", "0.0.0.0:8080"], &[]).unwrap();
        assert!(config.demo);
        assert_eq!(config.site_addr.port(), 8080);

        let env = [
            ("DATABASE_URL", "postgres://db.example/sipupns"),
            ("DATABASE_OWNER_URL", "postgres://owner@db.example/sipupns"),
            ("SIPUPNS_DEMO", "1"),
            ("SIPUPNS_SESSION_IDLE_MINUTES", "45"),
            ("LEPTOS_SITE_ADDR", "0.0.0.0:9000"),
        ];
        let config = Config::parse_with_env(["server"], &env).unwrap();
        assert_eq!(config.database_url.as_deref(), Some("postgres://db.example/sipupns"));
        assert_eq!(config.database_owner_url.as_deref(), Some("postgres://owner@db.example/sipupns"));
        assert!(config.demo);
        assert_eq!(config.session_idle_minutes, 45);
        assert_eq!(config.site_addr.port(), 9000);
        // A flag wins over its variable.
        let config = Config::parse_with_env(["server", "--session-idle-minutes", "10"], &env).unwrap();
        assert_eq!(config.session_idle_minutes, 10);
        assert!(Config::parse_with_env(["server"], &[("SIPUPNS_SESSION_IDLE_MINUTES", "lama")]).is_err());
    }

    #[test]
    fn trusted_proxies_are_a_list_of_networks_and_none_by_default() {
        assert!(Config::parse_with_env(["server"], &[]).unwrap().trusted_proxies.is_empty());
        assert!(Config::for_tests(PathBuf::from("t")).trusted_proxies.is_empty());
        let env = [("SIPUPNS_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1/32,::1")];
        let config = Config::parse_with_env(["server"], &env).unwrap();
        let expected: Vec<ipnet::IpNet> =
            ["10.0.0.0/8", "127.0.0.1/32", "::1/128"].iter().map(|n| n.parse().unwrap()).collect();
        assert_eq!(config.trusted_proxies, expected);
        let config = Config::parse_with_env(["server", "--trusted-proxies", "192.168.0.0/16"], &env).unwrap();
        assert_eq!(config.trusted_proxies, vec!["192.168.0.0/16".parse::<ipnet::IpNet>().unwrap()]);
        assert!(Config::parse_with_env(["server", "--trusted-proxies", "10.0.0.0/33"], &[]).is_err());
        assert!(Config::parse_with_env(["server", "--trusted-proxies", "proxy.local"], &[]).is_err());
    }
}
