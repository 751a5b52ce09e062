//! Every server function and every page, tried by every role (and by nobody).
//! A new server function or route without a row here fails the test: deny by default
//! has to be decided, not forgotten.

mod common;

use std::collections::BTreeSet;

use domain::{Capability, Role};

/// Who may call a server function or open a page.
#[derive(Debug, Clone, Copy)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// The active role must have the capability.
    Needs(Capability),
}

/// Server functions: path, who may call it, and a well-formed body (so the guard, not
/// argument parsing, is what answers).
/// A form body: field name and value.
type Body = &'static [(&'static str, &'static str)];

const SERVER_FUNCTIONS: &[(&str, Access, Body)] = &[
    ("/api/sesi", Access::Public, &[]),
    ("/api/masuk", Access::Public, &[("identifier", "nobody"), ("password", "wrong-password-1")]),
    ("/api/keluar", Access::SignedIn, &[]),
    ("/api/ganti-peran", Access::SignedIn, &[("grant_id", "00000000-0000-0000-0000-000000000000")]),
    ("/api/daftar/cari-nip", Access::Public, &[("nip", "199001012015011999")]),
    (
        "/api/daftar/cek-data",
        Access::Public,
        &[
            ("nip", "199001012015011999"),
            ("nik", "3404010101900001"),
            ("tanggal_lahir", "1990-01-01"),
            ("tmt_cpns", "2015-01-01"),
            ("email", "x@example.org"),
        ],
    ),
    (
        "/api/daftar/selesai",
        Access::Public,
        &[
            ("registration_id", "00000000-0000-0000-0000-000000000000"),
            ("code", "123456"),
            ("password", "Rahasia12345"),
            ("confirmation", "Rahasia12345"),
        ],
    ),
    ("/api/sandi/minta", Access::Public, &[("identifier", "nobody")]),
    (
        "/api/sandi/atur",
        Access::Public,
        &[("token", "x"), ("password", "Rahasia12345"), ("confirmation", "Rahasia12345")],
    ),
    ("/api/pns/data-saya", Access::Needs(Capability::OwnRecord), &[]),
    ("/api/pns/formulir", Access::Needs(Capability::OwnRecord), &[]),
    ("/api/pns/simpan-bagian", Access::Needs(Capability::OwnRecord), &[]), // JSON: see JSON_BODIES
    ("/api/pns/kirim", Access::Needs(Capability::OwnRecord), &[("versi", "1")]),
    ("/api/pns/progres", Access::Needs(Capability::OwnRecord), &[]),
    (
        "/api/pns/tandai",
        Access::Needs(Capability::OwnRecord),
        &[("bagian", "DataUtama"), ("field", "nama"), ("keterangan", "Nama di SK berbeda")],
    ),
    ("/api/pns/tarik-tanda", Access::Needs(Capability::OwnRecord), &[("id", "00000000-0000-0000-0000-000000000000")]),
    ("/api/referensi/cari", Access::Needs(Capability::OwnRecord), &[("jenis", "jurusan"), ("q", "hukum")]),
    ("/api/referensi/opsi", Access::Needs(Capability::OwnRecord), &[]),
    ("/api/beranda/verifikasi", Access::Needs(Capability::Verifikasi), &[]),
    (
        "/api/verifikasi/setujui-pendaftaran",
        Access::Needs(Capability::ApproveRegistration),
        &[("account_id", "00000000-0000-0000-0000-000000000000")],
    ),
    ("/api/beranda/hds", Access::Needs(Capability::HdsInbox), &[]),
    ("/api/beranda/admin-instansi", Access::Needs(Capability::AdminInstansi), &[]),
    ("/api/beranda/admin-kanreg", Access::Needs(Capability::AdminKanreg), &[]),
    ("/api/beranda/admin-bkn", Access::Needs(Capability::AdminBkn), &[]),
    ("/api/beranda/eksekutif", Access::Needs(Capability::ExecutiveDashboard), &[]),
];

/// Server functions that take JSON, with a well-formed body.
const JSON_BODIES: &[(&str, &str)] = &[(
    "/api/pns/simpan-bagian",
    r#"{"simpan":{"versi":1,"isi":{"Stakeholder":{"bapertarum":"Y"}},"periksa":false,"kunci":"3f1c1d2e-8c1b-4f4e-9a55-1f7b1c2d3e4f"}}"#,
)];

const PAGES: &[(&str, Access)] = &[
    ("/", Access::Public),
    ("/masuk", Access::Public),
    ("/daftar", Access::Public),
    ("/lupa-sandi", Access::Public),
    ("/reset-sandi", Access::Public),
    ("/pns", Access::Needs(Capability::OwnRecord)),
    ("/pns/formulir", Access::Needs(Capability::OwnRecord)),
    ("/pns/progres", Access::Needs(Capability::OwnRecord)),
    ("/verifikasi", Access::Needs(Capability::Verifikasi)),
    ("/hds", Access::Needs(Capability::HdsInbox)),
    ("/admin/instansi", Access::Needs(Capability::AdminInstansi)),
    ("/admin/kanreg", Access::Needs(Capability::AdminKanreg)),
    ("/admin/bkn", Access::Needs(Capability::AdminBkn)),
    ("/eksekutif", Access::Needs(Capability::ExecutiveDashboard)),
];

fn allowed(access: Access, role: Option<Role>) -> bool {
    match (access, role) {
        (Access::Public, _) => true,
        (Access::SignedIn, role) => role.is_some(),
        (Access::Needs(capability), Some(role)) => role.can(capability),
        (Access::Needs(_), None) => false,
    }
}

#[tokio::test]
async fn every_server_function_and_page_has_an_expectation() {
    let registered: BTreeSet<String> = server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    let listed: BTreeSet<String> = SERVER_FUNCTIONS.iter().map(|(path, _, _)| (*path).to_owned()).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    assert!(missing.is_empty(), "server functions without an authorisation row: {missing:?}");
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(stale.is_empty(), "rows for server functions that no longer exist: {stale:?}");

    let routes: BTreeSet<String> =
        leptos_axum::generate_route_list(app::App).iter().map(|r| r.path().to_owned()).collect();
    let pages: BTreeSet<String> = PAGES.iter().map(|(path, _)| (*path).to_owned()).collect();
    assert_eq!(routes, pages, "every page route needs exactly one row in PAGES");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_role_gets_exactly_what_it_may(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let mut clients = vec![(None, common::client())];
    for role in Role::ALL {
        clients.push((Some(role), app.client_as(role).await));
    }
    let mut failures = Vec::new();
    for (role, client) in &clients {
        for (path, access, body) in SERVER_FUNCTIONS {
            if *path == "/api/keluar" {
                continue; // signing out would end the session the other rows use; checked below
            }
            let status = match JSON_BODIES.iter().find(|(p, _)| p == path) {
                Some((_, json)) => app.call_json(client, path, json).await.status().as_u16(),
                None => app.call(client, path, body).await.status().as_u16(),
            };
            let refused = status == 401 || status == 403;
            if allowed(*access, *role) == refused {
                failures.push(format!("{role:?} {path}: HTTP {status}"));
            }
            if !allowed(*access, *role) && role.is_none() && status != 401 {
                failures.push(format!("anonymous {path}: expected 401, got {status}"));
            }
        }
        for (path, access) in PAGES {
            let response = client.get(app.url(path)).header("accept", "text/html").send().await.unwrap();
            let status = response.status().as_u16();
            let expected_ok = allowed(*access, *role);
            let ok = match (role, status) {
                // Anonymous visitors of a protected page are sent to the sign-in page.
                (None, 302 | 303) => !expected_ok || *path == "/",
                (Some(_), 302 | 303) => expected_ok && *path == "/", // "/" sends users home
                (_, 200) => expected_ok,
                (_, 403) => !expected_ok,
                _ => false,
            };
            if !ok {
                failures.push(format!("{role:?} GET {path}: HTTP {status}"));
            }
        }
    }
    for (role, client) in clients {
        let status = app.call(&client, "/api/keluar", &[]).await.status().as_u16();
        if allowed(Access::SignedIn, role) != (status == 200) {
            failures.push(format!("{role:?} /api/keluar: HTTP {status}"));
        }
    }
    assert!(failures.is_empty(), "authorisation mismatches:\n{}", failures.join("\n"));
}
