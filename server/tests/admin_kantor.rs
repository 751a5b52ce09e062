//! Staff accounts kept by the Kanreg and BKN admins (#13), through the server functions the
//! page calls. A Kanreg admin creates an L3 verifier and an HDS officer of its own office
//! (who set their password from the mail and work there) and reaches nobody else's staff;
//! admin BKN names any instansi or office, grants the instansi's and the Kanreg's admins, acts
//! on any staff account by id, but never on another admin BKN; everything is audited. BKN's
//! own accounts (admin BKN, executives) come from the server's console.

mod common;
#[path = "common/pendaftaran.rs"]
mod pendaftaran;

use app::api::admin::DaftarAkunView;
use app::api::session::SessionState;
use app::error::AppError;
use common::TestApp;
use domain::{ErrorCode, Role};
use pendaftaran::reset_token_from_mail;
use serde_json::json;
use uuid::Uuid;

const SANDI: &str = "SandiKantorRegional2026";

async fn refused(response: reqwest::Response) -> (u16, ErrorCode) {
    let status = response.status().as_u16();
    (status, response.json::<AppError>().await.expect("an AppError").0)
}

fn baru(username: &str, peran: serde_json::Value) -> String {
    let email = format!("{username}@bkn.go.id");
    json!({ "baru": { "username": username, "nama": "Pegawai Kanreg", "email": email, "peran": peran } }).to_string()
}

fn peran(role: &str, tempat: &str, kategori: &[&str]) -> serde_json::Value {
    json!({ "peran": role, "unor_id": "", "kategori": kategori, "tempat": tempat })
}

async fn view(app: &TestApp, admin: &reqwest::Client, tempat: &str) -> DaftarAkunView {
    let response = app.call_json(admin, "/api/admin/akun", &json!({ "tempat": tempat }).to_string()).await;
    assert_eq!(response.status(), 200, "list at {tempat:?}");
    response.json().await.unwrap()
}

async fn account_id(app: &TestApp, login: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM account WHERE username = $1 OR nip = $1")
        .bind(login)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn grant_of(app: &TestApp, login: &str) -> (String, Option<i16>, Option<i16>, Option<Uuid>) {
    sqlx::query_as(
        "SELECT g.role, g.kantor_id, g.kanreg_id, g.instansi_id FROM role_grant g JOIN account a ON a.id = g.account_id
         WHERE a.username = $1 AND g.role <> 'pns'",
    )
    .bind(login)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_kanreg_admin_keeps_the_l3_and_hds_accounts_of_its_own_office(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminKanreg).await;
    let page = view(&app, &admin, "").await;
    assert_eq!(page.tempat, "Kantor Regional I BKN Yogyakarta");
    assert_eq!(page.peran, vec![Role::VerifikatorL3, Role::PetugasHds]);
    assert!(page.pilihan.is_empty() && page.unor.is_empty());
    let logins: Vec<&str> = page.akun.iter().map(|a| a.login.as_str()).collect();
    for own in ["verif3.kanreg1", "hds.kanreg1", "hds2.kanreg1"] {
        assert!(logins.contains(&own), "{own} in {logins:?}");
    }
    assert!(!logins.contains(&"verif2.sleman"));
    // Its own admin grant is listed with the office but is not its to manage.
    let own = page.akun.iter().find(|a| a.login == "admin.kanreg1").expect("the admin is listed");
    assert!(!own.dapat_dikelola);

    // A new L3 of Kanreg I: the grant carries the office and its region.
    let response =
        app.call_json(&admin, "/api/admin/akun/buat", &baru("verif3.baru", peran("verifikator_l3", "", &[]))).await;
    assert_eq!(response.status(), 200);
    assert_eq!(grant_of(&app, "verif3.baru").await, ("verifikator_l3".into(), Some(1), Some(1), None));
    let detail = app.latest_audit("staff_account_created", "verif3.baru").await;
    assert_eq!((detail["kantor_id"].as_i64(), detail["sebelum"].is_null()), (Some(1), true));
    // An HDS officer of the office with categories.
    let hds = peran("petugas_hds", "", &["A", "B"]);
    assert_eq!(app.call_json(&admin, "/api/admin/akun/buat", &baru("hds3.kanreg1", hds)).await.status(), 200);

    // The L3 sets a password from the mail and works Kanreg I's level 3.
    let owner = common::client();
    let token = reset_token_from_mail(&app, "verif3.baru@bkn.go.id").await;
    let set = [("token", token.as_str()), ("password", SANDI), ("confirmation", SANDI)];
    assert_eq!(app.call(&owner, "/api/sandi/atur", &set).await.status(), 200);
    assert_eq!(app.sign_in(&owner, "verif3.baru", SANDI).await.status(), 200);
    let SessionState::SignedIn(session) = app.session(&owner).await else { panic!("signed in") };
    assert_eq!(session.active.role, Role::VerifikatorL3);
    let queue =
        app.call_json(&owner, "/api/verifikasi/antrian", &json!({ "filter": {}, "setelah": null }).to_string()).await;
    assert_eq!(queue.status(), 200);

    // The admin manages them; a role of an instansi or above its own is refused.
    let id = account_id(&app, "verif3.baru").await;
    let disable = json!({ "account_id": id, "aktif": false }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/akun/status", &disable).await.status(), 200);
    for role in ["verifikator_l2", "verifikator_l4", "admin_kanreg"] {
        let response = app.call_json(&admin, "/api/admin/akun/buat", &baru("naik.kanreg", peran(role, "", &[]))).await;
        assert_eq!(refused(response).await, (403, ErrorCode::RoleNotGrantable), "{role}");
    }
    // Naming another place changes nothing: a Kanreg admin's place is its own.
    let elsewhere = peran("verifikator_l3", "k-2", &[]);
    assert_eq!(app.call_json(&admin, "/api/admin/akun/buat", &baru("verif3.lain", elsewhere)).await.status(), 200);
    assert_eq!(grant_of(&app, "verif3.lain").await.1, Some(1));

    // Nobody else's staff: Sleman's verifier, the admin BKN, Kanreg II's officer.
    sqlx::query(
        "WITH a AS (INSERT INTO account (id, username, nama, email, password_hash, status)
                    VALUES (gen_random_uuid(), 'hds.kanreg2', 'HDS Kanreg II', 'hds@kanreg2.go.id', 'x', 'aktif')
                    RETURNING id)
         INSERT INTO role_grant (id, account_id, role, kanreg_id, kantor_id, hds_kategori)
         SELECT gen_random_uuid(), id, 'petugas_hds', 2, 2, '{A}' FROM a",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    for login in ["verif2.sleman", "admin.bkn", "hds.kanreg2", "admin.kanreg1"] {
        let body = json!({ "account_id": account_id(&app, login).await, "aktif": false }).to_string();
        assert_eq!(app.call_json(&admin, "/api/admin/akun/status", &body).await.status(), 404, "{login}");
    }
    let kanreg2_grant: Uuid =
        sqlx::query_scalar("SELECT id FROM role_grant WHERE kantor_id = 2").fetch_one(&app.pool).await.unwrap();
    let revoke = json!({ "grant_id": kanreg2_grant }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/akun/cabut-peran", &revoke).await.status(), 404);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn admin_bkn_names_any_place_grants_the_admins_and_never_touches_another_admin_bkn(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let bkn = app.client_as(Role::AdminBkn).await;
    // Before a place is named: the places to choose, no list, nothing to grant.
    let start = view(&app, &bkn, "").await;
    assert!(start.akun.is_empty() && start.peran.is_empty());
    assert!(start.pilihan.iter().any(|(kode, _)| kode == "k-100"));
    let sleman: Uuid =
        sqlx::query_scalar("SELECT id FROM instansi WHERE kode = 'KAB-SLEMAN'").fetch_one(&app.pool).await.unwrap();
    let sleman_kode = format!("i-{sleman}");
    assert!(start.pilihan.iter().any(|(kode, _)| *kode == sleman_kode));

    // Sleman, as its own admin sees it, plus the instansi admin role.
    let page = view(&app, &bkn, &sleman_kode).await;
    assert_eq!(page.tempat, "Pemerintah Kabupaten Sleman");
    assert!(page.peran.contains(&Role::AdminInstansi) && page.peran.contains(&Role::VerifikatorL1));
    assert!(page.akun.iter().any(|a| a.login == "verif1.sleman" && a.dapat_dikelola));
    assert!(!page.unor.is_empty());
    let admin = peran("admin_instansi", &sleman_kode, &[]);
    assert_eq!(app.call_json(&bkn, "/api/admin/akun/buat", &baru("admin2.sleman", admin)).await.status(), 200);
    assert_eq!(grant_of(&app, "admin2.sleman").await, ("admin_instansi".into(), None, None, Some(sleman)));

    // The Direktorat Status: L4. Kanreg I: its admin is BKN's to manage.
    let l4 = peran("verifikator_l4", "k-100", &[]);
    assert_eq!(app.call_json(&bkn, "/api/admin/akun/buat", &baru("verif4.baru", l4)).await.status(), 200);
    assert_eq!(grant_of(&app, "verif4.baru").await, ("verifikator_l4".into(), Some(100), None, None));
    let l3_at_status = peran("verifikator_l3", "k-100", &[]);
    let response = app.call_json(&bkn, "/api/admin/akun/buat", &baru("verif3.salah", l3_at_status)).await;
    assert_eq!(refused(response).await, (403, ErrorCode::RoleNotGrantable));
    let kanreg1 = view(&app, &bkn, "k-1").await;
    assert!(kanreg1.akun.iter().any(|a| a.login == "admin.kanreg1" && a.dapat_dikelola));
    let admin_kanreg = account_id(&app, "admin.kanreg1").await;
    let link = json!({ "account_id": admin_kanreg }).to_string();
    assert_eq!(app.call_json(&bkn, "/api/admin/akun/sesi", &link).await.status(), 200);
    let detail = app.latest_audit("sessions_ended", "admin.kanreg1").await;
    assert_eq!(detail["account_id"], json!(admin_kanreg));

    // Granting needs a place; an unknown place is not found; admin BKN is nobody's to grant.
    let response =
        app.call_json(&bkn, "/api/admin/akun/buat", &baru("tanpa.tempat", peran("verifikator_l2", "", &[]))).await;
    assert_eq!(refused(response).await, (403, ErrorCode::RoleNotGrantable));
    for tempat in ["k-999", "i-bukan-uuid", "x-1", &format!("i-{}", Uuid::new_v4())] {
        let response = app.call_json(&bkn, "/api/admin/akun", &json!({ "tempat": tempat }).to_string()).await;
        assert_eq!(response.status(), 404, "{tempat}");
    }
    let response =
        app.call_json(&bkn, "/api/admin/akun/buat", &baru("bkn.baru", peran("admin_bkn", "k-103", &[]))).await;
    assert_eq!(refused(response).await, (403, ErrorCode::RoleNotGrantable));

    // Another admin BKN (and the caller itself) stay out of reach.
    sqlx::query(
        "WITH a AS (INSERT INTO account (id, username, nama, email, password_hash, status)
                    VALUES (gen_random_uuid(), 'admin2.bkn', 'Admin BKN 2', 'admin2@bkn.go.id', 'x', 'aktif')
                    RETURNING id)
         INSERT INTO role_grant (id, account_id, role) SELECT gen_random_uuid(), id, 'admin_bkn' FROM a",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    for login in ["admin2.bkn", "admin.bkn", "eksekutif.bkn"] {
        let body = json!({ "account_id": account_id(&app, login).await, "aktif": false }).to_string();
        assert_eq!(app.call_json(&bkn, "/api/admin/akun/status", &body).await.status(), 404, "{login}");
    }
}

/// A new installation's first admin BKN (and an executive) come from the server's console:
/// the printed link sets the password, the account works, and nobody can manage it in the app.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_console_creates_bkn_accounts_that_set_a_password_and_work(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let state = server::app_state(&app.config, app.pool.clone()).unwrap();
    let create = |spec: &'static str| {
        let state = state.clone();
        async move { server::konsol::create_national_account(&state, spec).await }
    };
    let link = create("admin_bkn:admin.kedua:kedua@bkn.go.id:Admin BKN Kedua").await.unwrap();
    let token = link.split_once("token=").expect("a password link").1.to_owned();
    assert_eq!(token, reset_token_from_mail(&app, "kedua@bkn.go.id").await, "the same link is mailed");
    let owner = common::client();
    let set = [("token", token.as_str()), ("password", SANDI), ("confirmation", SANDI)];
    assert_eq!(app.call(&owner, "/api/sandi/atur", &set).await.status(), 200);
    assert_eq!(app.sign_in(&owner, "admin.kedua", SANDI).await.status(), 200);
    let SessionState::SignedIn(session) = app.session(&owner).await else { panic!("signed in") };
    assert_eq!(session.active.role, Role::AdminBkn);
    let kanreg1 = json!({ "tempat": "k-1" }).to_string();
    assert_eq!(app.call_json(&owner, "/api/admin/akun", &kanreg1).await.status(), 200);
    let detail = app.latest_audit("staff_account_created", "admin.kedua").await;
    assert_eq!(detail["sesudah"]["peran"], "admin_bkn");

    // An executive too; anything else, a taken username or a bad line is refused with its reason.
    create("eksekutif:eksekutif.dua:eks2@bkn.go.id:Eksekutif Dua").await.unwrap();
    assert_eq!(grant_of(&app, "eksekutif.dua").await, ("eksekutif".into(), None, None, None));
    for (spec, says) in [
        ("verifikator_l1:v1.konsol:v1@bkn.go.id:V", "PERAN"),
        ("admin_bkn:admin.kedua:lain@bkn.go.id:Lagi", "Nama pengguna"),
        ("admin_bkn:admin.ketiga:kedua@bkn.go.id:Lagi", "email"),
        ("admin_bkn:admin.ketiga", "PERAN:USERNAME:EMAIL:NAMA"),
    ] {
        let error = create(spec).await.unwrap_err().to_string();
        assert!(error.contains(says), "{spec}: {error}");
    }

    // Admin BKN's page still cannot reach it.
    let admin = app.client_as(Role::AdminBkn).await;
    let id = account_id(&app, "admin.kedua").await;
    let disable = json!({ "account_id": id, "aktif": false }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/akun/status", &disable).await.status(), 404);
}
