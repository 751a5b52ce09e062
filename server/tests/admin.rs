//! The admins' functions (#13), through the server functions the pages call. Staff accounts:
//! a created verifier sets their password from the mail and works their unit; duplicates are
//! field errors, also when two requests race; scope is checked on the object; disabling,
//! ending sessions and taking a role back end the sessions; every change is audited.
//! Registrations approved or rejected by the instansi admin. The audit-log reader.

mod common;
#[path = "common/pendaftaran.rs"]
mod pendaftaran;

use app::api::admin::DaftarAkunView;
use app::api::homes::VerifierHomeView;
use app::api::session::SessionState;
use app::error::AppError;
use common::TestApp;
use domain::akun_staf::AkunStaf;
use domain::{ErrorCode, Role};
use pendaftaran::{give_email, reset_token_from_mail};
use serde_json::json;

const SANDI: &str = "SandiVerifikator2026";

async fn refused(response: reqwest::Response) -> ErrorCode {
    response.json::<AppError>().await.expect("an AppError").0
}

async fn unor_id(app: &TestApp, nama: &str, instansi_kode: &str) -> String {
    sqlx::query_scalar::<_, uuid::Uuid>(
        "SELECT u.id FROM unor u JOIN instansi i ON i.id = u.instansi_id WHERE u.nama = $1 AND i.kode = $2",
    )
    .bind(nama)
    .bind(instansi_kode)
    .fetch_one(&app.pool)
    .await
    .unwrap()
    .to_string()
}

fn baru(username: &str, email: &str, peran: serde_json::Value) -> String {
    json!({ "baru": { "username": username, "nama": "Siti Verifikator", "email": email, "peran": peran } }).to_string()
}

fn l2() -> serde_json::Value {
    json!({ "peran": "verifikator_l2", "unor_id": "", "kategori": [] })
}

async fn daftar(app: &TestApp, admin: &reqwest::Client) -> Vec<AkunStaf> {
    let response = app.call_json(admin, "/api/admin/akun", "{}").await;
    assert_eq!(response.status(), 200);
    response.json::<DaftarAkunView>().await.unwrap().akun
}

async fn akun(app: &TestApp, admin: &reqwest::Client, login: &str) -> AkunStaf {
    daftar(app, admin).await.into_iter().find(|a| a.login == login).unwrap_or_else(|| panic!("{login} listed"))
}

async fn audit_count(app: &TestApp, action: &str, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1 AND subject = $2")
        .bind(action)
        .bind(subject)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_created_verifier_sets_a_password_from_the_mail_and_works_their_unit(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let dinkes = unor_id(&app, "Dinas Kesehatan", "KAB-SLEMAN").await;
    let peran = json!({ "peran": "verifikator_l1", "unor_id": dinkes, "kategori": [] });
    let response =
        app.call_json(&admin, "/api/admin/akun/buat", &baru("Verif1.Baru", "siti@slemankab.go.id", peran)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<String>().await.unwrap(), "siti@slemankab.go.id");

    // Listed, with its unit, never signed in.
    let listed = akun(&app, &admin, "verif1.baru").await;
    assert!(listed.aktif && listed.dapat_dikelola && listed.terakhir_masuk.is_empty());
    assert_eq!(listed.peran.len(), 1);
    assert_eq!((listed.peran[0].peran, listed.peran[0].cakupan.as_str()), (Role::VerifikatorL1, "Dinas Kesehatan"));
    assert_eq!(audit_count(&app, "staff_account_created", "verif1.baru").await, 1);

    // No password works until the owner sets one from the mail.
    let owner = common::client();
    assert_eq!(app.sign_in(&owner, "verif1.baru", "TebakanSaja2026").await.status(), 400);
    let token = reset_token_from_mail(&app, "siti@slemankab.go.id").await;
    let set = [("token", token.as_str()), ("password", SANDI), ("confirmation", SANDI)];
    assert_eq!(app.call(&owner, "/api/sandi/atur", &set).await.status(), 200);
    assert_eq!(app.sign_in(&owner, "verif1.baru", SANDI).await.status(), 200);
    let SessionState::SignedIn(view) = app.session(&owner).await else { panic!("signed in") };
    assert_eq!(view.active.role, Role::VerifikatorL1);
    // Their home is their unit's: the registrations waiting there, in the unit's words.
    let home = app.call(&owner, "/api/beranda/verifikasi", &[]).await;
    assert_eq!(home.status(), 200);
    assert!(home.json::<VerifierHomeView>().await.unwrap().scope.contains("Dinas Kesehatan"));

    let listed = akun(&app, &admin, "verif1.baru").await;
    assert!(!listed.terakhir_masuk.is_empty());
    assert_eq!(listed.sesi_aktif, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn duplicate_usernames_and_emails_are_field_errors_even_when_racing(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let create = |body: String| {
        let (app, admin) = (&app, &admin);
        async move { app.call_json(admin, "/api/admin/akun/buat", &body).await }
    };
    assert_eq!(
        refused(create(baru("verif2.sleman", "baru@slemankab.go.id", l2())).await).await,
        ErrorCode::UsernameTaken
    );
    give_email(&app, "verif2.sleman", "verif2@slemankab.go.id").await;
    assert_eq!(refused(create(baru("verif2.lain", "VERIF2@slemankab.go.id", l2())).await).await, ErrorCode::EmailTaken);
    // Bad fields are named by their code, before anything is written.
    assert_eq!(refused(create(baru("2x", "a@b.go.id", l2())).await).await, ErrorCode::UsernameFormat);
    assert_eq!(refused(create(baru("verif.x", "a@b", l2())).await).await, ErrorCode::EmailFormat);
    let no_unit = json!({ "peran": "verifikator_l1", "unor_id": "", "kategori": [] });
    assert_eq!(refused(create(baru("verif.x", "a@b.go.id", no_unit)).await).await, ErrorCode::UnorRequired);
    let no_category = json!({ "peran": "petugas_hds", "unor_id": "", "kategori": [] });
    assert_eq!(refused(create(baru("hds.x", "a@b.go.id", no_category)).await).await, ErrorCode::HdsCategoryRequired);

    // Five at once with one username (and five addresses), then five with one address: one
    // account each time, the others the field's error.
    let same_name = (0..5).map(|i| create(baru("verif2.kembar", &format!("kembar{i}@slemankab.go.id"), l2())));
    let answers = futures::future::join_all(same_name).await;
    let mut codes = Vec::new();
    for response in answers {
        if response.status() == 200 {
            codes.push(None);
        } else {
            codes.push(Some(refused(response).await));
        }
    }
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{codes:?}");
    assert!(codes.iter().flatten().all(|c| *c == ErrorCode::UsernameTaken), "{codes:?}");
    let same_mail = (0..5).map(|i| create(baru(&format!("verif2.surel{i}"), "satu@slemankab.go.id", l2())));
    let mut created = 0;
    for response in futures::future::join_all(same_mail).await {
        if response.status() == 200 {
            created += 1;
        } else {
            assert_eq!(refused(response).await, ErrorCode::EmailTaken);
        }
    }
    assert_eq!(created, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_instansi_admin_reaches_only_their_own_accounts_and_roles(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let id_of = |login: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM account WHERE username = $1 OR nip = $1")
                .bind(login)
                .fetch_one(&pool)
                .await
                .unwrap()
                .to_string()
        }
    };
    // Another instansi's verifier, a Kanreg officer, the admin themselves: not theirs.
    for login in ["verif2.bps", "hds.kanreg1", "admin.sleman", "admin.bkn"] {
        let id = id_of(login).await;
        for (path, body) in [
            ("/api/admin/akun/status", json!({ "account_id": id, "aktif": false })),
            ("/api/admin/akun/tautan", json!({ "account_id": id })),
            ("/api/admin/akun/sesi", json!({ "account_id": id })),
            ("/api/admin/akun/ubah", json!({ "account_id": id, "nama": "Ganti", "email": "ganti@x.go.id" })),
        ] {
            let response = app.call_json(&admin, path, &body.to_string()).await;
            assert_eq!(response.status(), 404, "{path} on {login}");
        }
    }
    let bps_grant: uuid::Uuid = sqlx::query_scalar(
        "SELECT g.id FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.username = 'verif2.bps'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let response =
        app.call_json(&admin, "/api/admin/akun/cabut-peran", &json!({ "grant_id": bps_grant }).to_string()).await;
    assert_eq!(response.status(), 404);
    // Only BPS's accounts are listed by BPS; Sleman's list holds none of them.
    assert!(daftar(&app, &admin).await.iter().all(|a| a.login != "verif2.bps"));

    // A unit of another instansi, a role above the admin's, a PNS of another instansi.
    let bps_unit = unor_id(&app, "Biro Sumber Daya Manusia", "BPS").await;
    let l1_bps = json!({ "peran": "verifikator_l1", "unor_id": bps_unit, "kategori": [] });
    let response =
        app.call_json(&admin, "/api/admin/akun/buat", &baru("verif1.curang", "c@slemankab.go.id", l1_bps)).await;
    assert_eq!(refused(response).await, ErrorCode::UnorRequired);
    for role in ["verifikator_l3", "admin_instansi", "admin_bkn"] {
        let peran = json!({ "peran": role, "unor_id": "", "kategori": [] });
        let response =
            app.call_json(&admin, "/api/admin/akun/buat", &baru("verif.naik", "n@slemankab.go.id", peran)).await;
        assert_eq!(response.status(), 403, "{role}");
    }
    // A BPS PNS with an account.
    let bps_pns: String = sqlx::query_scalar(
        "INSERT INTO account (id, nip, nama, password_hash, status, instansi_id)
         SELECT gen_random_uuid(), p.nip, p.nama, 'x', 'aktif', p.instansi_id
         FROM pns p JOIN instansi i ON i.id = p.instansi_id
         WHERE i.kode = 'BPS' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip) LIMIT 1
         RETURNING nip",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let response = app
        .call_json(&admin, "/api/admin/akun/beri-peran", &json!({ "nip": bps_pns, "peran": l2() }).to_string())
        .await;
    assert_eq!(refused(response).await, ErrorCode::PnsNotInInstansi);
    assert_eq!(
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM account WHERE username LIKE 'verif%.curang' OR username = 'verif.naik'"
        )
        .fetch_one(&app.pool)
        .await
        .unwrap(),
        0
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn disabling_ending_sessions_and_revoking_end_what_the_account_could_do(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let verifier = app.client_for("verif1.dinkes", Role::VerifikatorL1).await;
    let id = akun(&app, &admin, "verif1.dinkes").await.account_id;
    let call = |path: &'static str, body: serde_json::Value| {
        let (app, admin) = (&app, &admin);
        async move { app.call_json(admin, path, &body.to_string()).await.status() }
    };

    assert_eq!(call("/api/admin/akun/sesi", json!({ "account_id": id })).await, 200);
    assert!(matches!(app.session(&verifier).await, SessionState::Anonymous | SessionState::Expired));
    assert_eq!(audit_count(&app, "sessions_ended", "verif1.dinkes").await, 1);

    let verifier = app.client_for("verif1.dinkes", Role::VerifikatorL1).await;
    assert_eq!(call("/api/admin/akun/status", json!({ "account_id": id, "aktif": false })).await, 200);
    assert!(!matches!(app.session(&verifier).await, SessionState::SignedIn(_)));
    let again = common::client();
    let response = app.sign_in(&again, "verif1.dinkes", server::demo::DEMO_PASSWORD).await;
    assert_eq!(refused(response).await, ErrorCode::AccountDisabled);
    assert!(!akun(&app, &admin, "verif1.dinkes").await.aktif);
    let detail: serde_json::Value = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE action = 'account_disabled' AND subject = 'verif1.dinkes'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (detail["sebelum"]["status"].as_str(), detail["sesudah"]["status"].as_str()),
        (Some("aktif"), Some("nonaktif"))
    );
    assert_eq!(call("/api/admin/akun/status", json!({ "account_id": id, "aktif": true })).await, 200);
    assert_eq!(app.sign_in(&again, "verif1.dinkes", server::demo::DEMO_PASSWORD).await.status(), 200);

    // Name and email corrected; an address another account uses is the field's error.
    let ubah = |nama: &str, email: &str| json!({ "account_id": id, "nama": nama, "email": email });
    let response =
        app.call_json(&admin, "/api/admin/akun/ubah", &ubah("Dewi", "admin.sleman@x.go.id").to_string()).await;
    assert_eq!(response.status(), 200);
    give_email(&app, "verif2.sleman", "verif2@slemankab.go.id").await;
    let response =
        app.call_json(&admin, "/api/admin/akun/ubah", &ubah("Dewi", "Verif2@slemankab.go.id").to_string()).await;
    assert_eq!(refused(response).await, ErrorCode::EmailTaken);
    let response = app.call_json(&admin, "/api/admin/akun/ubah", &ubah(" ", "a@b.go.id").to_string()).await;
    assert_eq!(refused(response).await, ErrorCode::NamaRequired);
    let listed = akun(&app, &admin, "verif1.dinkes").await;
    assert_eq!((listed.nama.as_str(), listed.email.as_str()), ("Dewi", "admin.sleman@x.go.id"));
    assert_eq!(audit_count(&app, "staff_account_edited", "verif1.dinkes").await, 1);
    sqlx::query("UPDATE account SET email = NULL WHERE username = 'verif1.dinkes'").execute(&app.pool).await.unwrap();

    // A password link goes to the account's address; without one the admin is told.
    assert_eq!(call("/api/admin/akun/tautan", json!({ "account_id": id })).await, 400);
    give_email(&app, "verif1.dinkes", "dinkes@slemankab.go.id").await;
    assert_eq!(call("/api/admin/akun/tautan", json!({ "account_id": id })).await, 200);
    assert!(!reset_token_from_mail(&app, "dinkes@slemankab.go.id").await.is_empty());

    // The L1 role of a PNS who verifies (verif1.sleman) is taken back: the PNS role stays.
    let listed = akun(&app, &admin, "verif1.sleman").await;
    let l1 = listed.peran.iter().find(|p| p.peran == Role::VerifikatorL1).unwrap().grant_id.clone();
    let verifier = app.client_for("verif1.sleman", Role::VerifikatorL1).await;
    assert_eq!(call("/api/admin/akun/cabut-peran", json!({ "grant_id": l1 })).await, 200);
    assert!(!matches!(app.session(&verifier).await, SessionState::SignedIn(_)));
    let roles: Vec<String> = sqlx::query_scalar(
        "SELECT g.role FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.username = 'verif1.sleman'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(roles, ["pns"]);

    // And given again, to the same PNS by NIP; twice is refused.
    let dikpora = unor_id(&app, "Dinas Pendidikan", "KAB-SLEMAN").await;
    let peran = json!({ "peran": "verifikator_l1", "unor_id": dikpora, "kategori": [] });
    let grant = json!({ "nip": app.demo.verifier_nip, "peran": peran });
    assert_eq!(call("/api/admin/akun/beri-peran", grant.clone()).await, 200);
    let response = app.call_json(&admin, "/api/admin/akun/beri-peran", &grant.to_string()).await;
    assert_eq!(refused(response).await, ErrorCode::RoleAlreadyHeld);
    // They can act as L1 again (client_for switches to the role and checks it).
    app.client_for("verif1.sleman", Role::VerifikatorL1).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_l1_verifiers_unit_changes_in_place_within_the_instansi_only(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let listed = akun(&app, &admin, "verif1.dinkes").await;
    let grant = listed.peran.iter().find(|p| p.peran == Role::VerifikatorL1).unwrap().grant_id.clone();
    let verifier = app.client_for("verif1.dinkes", Role::VerifikatorL1).await;
    let ganti = |unor: &str| json!({ "grant_id": grant, "unor_id": unor }).to_string();

    // Another instansi's unit, a closed unit, junk: the field's error, nothing changes.
    let bps = unor_id(&app, "Biro Sumber Daya Manusia", "BPS").await;
    let closed = unor_id(&app, "Dinas Pendidikan", "KAB-SLEMAN").await;
    sqlx::query("UPDATE unor SET ditutup_pada = now() WHERE id = $1::uuid")
        .bind(&closed)
        .execute(&app.pool)
        .await
        .unwrap();
    for unor in [bps.as_str(), closed.as_str(), "bukan-unit"] {
        let response = app.call_json(&admin, "/api/admin/akun/ganti-unit", &ganti(unor)).await;
        assert_eq!(refused(response).await, ErrorCode::UnorRequired, "{unor}");
    }
    sqlx::query("UPDATE unor SET ditutup_pada = NULL WHERE id = $1::uuid")
        .bind(&closed)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(akun(&app, &admin, "verif1.dinkes").await.peran[0].cakupan, "Dinas Kesehatan");

    // Dinas Pendidikan: the grant follows with its path, the signed-in verifier's home says so.
    let dikpora = unor_id(&app, "Dinas Pendidikan", "KAB-SLEMAN").await;
    let response = app.call_json(&admin, "/api/admin/akun/ganti-unit", &ganti(&dikpora)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(akun(&app, &admin, "verif1.dinkes").await.peran[0].cakupan, "Dinas Pendidikan");
    // The grant's copy of the path is the new unit's.
    let unit: uuid::Uuid = sqlx::query_scalar(
        "SELECT u.id FROM role_grant g JOIN unor u ON u.id = g.unor_id WHERE g.id = $1::uuid AND g.unor_path = u.path",
    )
    .bind(&grant)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(unit.to_string(), dikpora);
    let home = app.call(&verifier, "/api/beranda/verifikasi", &[]).await;
    assert_eq!(home.status(), 200);
    assert!(home.json::<VerifierHomeView>().await.unwrap().scope.contains("Dinas Pendidikan"));
    let audit = app.latest_audit("l1_unit_changed", "verif1.dinkes").await;
    assert_eq!(audit["sesudah"]["unor_id"], json!(dikpora));
    assert!(audit["sebelum"]["unor_id"].is_string());

    // Another instansi's L1 grant is not this admin's.
    let bps_l1: uuid::Uuid = sqlx::query_scalar(
        "SELECT g.id FROM role_grant g JOIN account a ON a.id = g.account_id
         WHERE a.username = 'verif1.bps' AND g.role = 'verifikator_l1'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let body = json!({ "grant_id": bps_l1, "unor_id": dikpora }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/akun/ganti-unit", &body).await.status(), 404);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_instansi_admin_approves_and_rejects_registrations_with_a_mailed_reason(pool: sqlx::PgPool) {
    use app::api::homes::WaitingView;
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    // A second registration waiting in Sleman, beside the demo's.
    sqlx::query(
        "WITH p AS (SELECT p.nip, p.nama, p.instansi_id, p.unor_id FROM pns p JOIN instansi i ON i.id = p.instansi_id
                    WHERE i.kode = 'KAB-SLEMAN' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
                    ORDER BY p.nip LIMIT 1),
              a AS (INSERT INTO account (id, nip, nama, email, password_hash, status, instansi_id, unor_id, nomor_pendaftaran)
                    SELECT gen_random_uuid(), nip, nama, 'kedua@contoh.id', 'x', 'menunggu_verifikasi', instansi_id, unor_id, '900000001'
                    FROM p RETURNING id, instansi_id)
         INSERT INTO role_grant (id, account_id, role, instansi_id) SELECT gen_random_uuid(), id, 'pns', instansi_id FROM a",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE account SET email = 'pertama@contoh.id' WHERE status = 'menunggu_verifikasi' AND email IS NULL",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let response = app.call(&admin, "/api/pendaftaran/menunggu", &[]).await;
    assert_eq!(response.status(), 200);
    let waiting: Vec<WaitingView> = response.json().await.unwrap();
    assert_eq!(waiting.len(), 2);
    let (first, second) = (waiting[0].account_id.to_string(), waiting[1].account_id.to_string());
    let nip_of_first = waiting[0].nip.clone();

    let reject = |id: String, alasan: &'static str| {
        let (app, admin) = (&app, &admin);
        async move { app.call(admin, "/api/verifikasi/tolak-pendaftaran", &[("account_id", &id), ("alasan", alasan)]).await }
    };
    assert_eq!(refused(reject(first.clone(), "salah").await).await, ErrorCode::RejectReasonLength);
    assert_eq!(reject(first.clone(), "Unit kerja yang dipilih bukan unit Anda.").await.status(), 200);
    // Gone: listed no more, the NIP free to register again, the reason audited and mailed.
    let gone: i64 = sqlx::query_scalar("SELECT count(*) FROM account WHERE nip = $1")
        .bind(&nip_of_first)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(gone, 0);
    let detail: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'registration_rejected' AND subject = $1")
            .bind(&nip_of_first)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(detail["alasan"], "Unit kerja yang dipilih bukan unit Anda.");
    let mail = pendaftaran::mail_to(&app, "pertama@contoh.id", "ditolak").await;
    assert!(mail.contains("Unit kerja yang dipilih bukan unit Anda."));
    // Twice: nothing is waiting any more.
    assert_eq!(reject(first, "Unit kerja yang dipilih bukan unit Anda.").await.status(), 404);

    let approve = app.call(&admin, "/api/verifikasi/setujui-pendaftaran", &[("account_id", &second)]).await;
    assert_eq!(approve.status(), 200);
    let status: String = sqlx::query_scalar("SELECT status FROM account WHERE id = $1::uuid")
        .bind(&second)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "aktif");
    assert!(pendaftaran::mail_to(&app, "kedua@contoh.id", "disetujui").await.contains("900000001"));
    // Other roles that approve nothing are refused the list.
    let hds = app.client_as(Role::PetugasHds).await;
    assert_eq!(app.call(&hds, "/api/pendaftaran/menunggu", &[]).await.status(), 403);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn kanreg_and_bkn_admins_read_the_audit_log_filtered_and_paged(pool: sqlx::PgPool) {
    use app::api::audit::AuditView;
    let app = common::spawn(pool).await;
    // Sixty sign-ins by admin.sleman (Kanreg I) and one by verif2.bps (Kanreg 0, national).
    sqlx::query(
        "INSERT INTO audit_log (account_id, action, subject, ip, detail)
         SELECT a.id, 'signin_ok', a.username, '10.0.0.1', '{}' FROM account a, generate_series(1, 60)
         WHERE a.username = 'admin.sleman'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.client_for("verif2.bps", Role::VerifikatorL2).await;
    let read = |client: reqwest::Client, filter: serde_json::Value| {
        let app = &app;
        async move {
            let response = app.call_json(&client, "/api/admin/audit", &json!({ "filter": filter }).to_string()).await;
            assert_eq!(response.status(), 200);
            response.json::<AuditView>().await.unwrap()
        }
    };
    let bkn = app.client_as(Role::AdminBkn).await;
    let filter = json!({ "instansi_id": "", "pelaku": "ADMIN.SLEMAN", "aksi": "signin_ok", "sebelum": "" });
    let first = read(bkn.clone(), filter.clone()).await;
    assert_eq!(first.halaman.entri.len(), 50);
    assert!(first.halaman.ada_lagi);
    assert!(first.halaman.entri.iter().all(|e| e.pelaku == "admin.sleman" && e.aksi == "signin_ok"));
    let mut older = filter.clone();
    older["sebelum"] = json!(first.halaman.entri.last().unwrap().id.to_string());
    let second = read(bkn.clone(), older).await;
    // Sixty in all (admin.sleman has not signed in yet), none on both pages.
    assert!(!second.halaman.ada_lagi);
    assert_eq!(first.halaman.entri.len() + second.halaman.entri.len(), 60);
    assert!(second.halaman.entri.iter().all(|e| e.id < first.halaman.entri.last().unwrap().id));

    // The Kanreg I admin sees Sleman's people, not BPS's (a national instansi), and only
    // its region's instansi to filter by.
    let kanreg = app.client_as(Role::AdminKanreg).await;
    let all = json!({ "instansi_id": "", "pelaku": "", "aksi": "signin_ok", "sebelum": "" });
    let seen = read(kanreg.clone(), all.clone()).await;
    assert!(seen.halaman.entri.iter().any(|e| e.pelaku == "admin.sleman"));
    assert!(seen.halaman.entri.iter().all(|e| e.pelaku != "verif2.bps"));
    assert!(seen.instansi.iter().all(|(_, nama)| nama != "Badan Pusat Statistik"));
    let bps_id: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM instansi WHERE kode = 'BPS'").fetch_one(&app.pool).await.unwrap();
    let mut bps_only = all.clone();
    bps_only["instansi_id"] = json!(bps_id.to_string());
    assert!(read(kanreg.clone(), bps_only.clone()).await.halaman.entri.is_empty());
    // BKN sees BPS's sign-in.
    assert!(read(bkn.clone(), bps_only).await.halaman.entri.iter().any(|e| e.pelaku == "verif2.bps"));

    // A malformed action is a field error; each read is itself logged; others are refused.
    let bad = json!({ "instansi_id": "", "pelaku": "", "aksi": "x' OR 1=1", "sebelum": "" });
    let response = app.call_json(&bkn, "/api/admin/audit", &json!({ "filter": bad }).to_string()).await;
    assert_eq!(refused(response).await, ErrorCode::AuditActionFormat);
    assert!(audit_count_any(&app, "audit_log_read").await >= 5);
    let admin = app.client_as(Role::AdminInstansi).await;
    let response = app.call_json(&admin, "/api/admin/audit", &json!({ "filter": all }).to_string()).await;
    assert_eq!(response.status(), 403);
}

async fn audit_count_any(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The admins above the instansi read their settings (#13): Kanreg I's admin those of its
/// region's instansi only, BKN's every instansi's; nobody else.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn kanreg_and_bkn_admins_read_the_settings_of_the_instansi_they_oversee(pool: sqlx::PgPool) {
    use domain::pengaturan::PengaturanInstansi;
    let app = common::spawn(pool).await;
    sqlx::query(
        "UPDATE instansi_setting SET verifikasi_pendaftaran = FALSE, pendataan_mulai = '2026-12-01', pendataan_selesai = '2027-01-31'
         WHERE instansi_id = (SELECT id FROM instansi WHERE kode = 'KAB-SLEMAN')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let read = |role: Role| {
        let app = &app;
        async move {
            let client = app.client_as(role).await;
            let response = app.call_json(&client, "/api/admin/pengaturan-wilayah", "{}").await;
            assert_eq!(response.status(), 200, "{role:?}");
            response.json::<Vec<(String, PengaturanInstansi)>>().await.unwrap()
        }
    };
    let sleman = (
        "Pemerintah Kabupaten Sleman".to_owned(),
        PengaturanInstansi {
            verifikasi_pendaftaran: false,
            pendataan_mulai: "2026-12-01".into(),
            pendataan_selesai: "2027-01-31".into(),
        },
    );
    // BPS is a central instansi (BKN Pusat's region), Sleman is Kanreg I's.
    assert_eq!(read(Role::AdminKanreg).await, vec![sleman.clone()]);
    let all = read(Role::AdminBkn).await;
    assert_eq!(all.len(), 2);
    assert!(all.contains(&sleman));
    let admin = app.client_as(Role::AdminInstansi).await;
    assert_eq!(app.call_json(&admin, "/api/admin/pengaturan-wilayah", "{}").await.status(), 403);
}
