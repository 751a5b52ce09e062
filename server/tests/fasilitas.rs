//! The instansi's health facilities and schools (#13): the admin adds, renames, closes and
//! imports them within its own instansi; the form's Data Dokter / Data Guru pick only an open
//! facility of the PNS's own instansi, and a closed one is refused where the master lacks it.

mod common;

use app::api::fasilitas::FasilitasAdminView;
use app::api::formulir::{FormulirView, SimpanView};
use app::error::AppError;
use common::TestApp;
use domain::form::Bagian;
use domain::unor_impor::PratinjauImpor;
use domain::{ErrorCode, Role};
use serde_json::json;

async fn refused(response: reqwest::Response) -> ErrorCode {
    response.json::<AppError>().await.expect("an AppError").0
}

async fn add(app: &TestApp, admin: &reqwest::Client, bidang: &str, nama: &str, jenis: &str) -> reqwest::Response {
    let body = json!({ "bidang": bidang, "nama": nama, "jenis": jenis }).to_string();
    app.call_json(admin, "/api/admin/fasilitas/tambah", &body).await
}

async fn list(app: &TestApp, admin: &reqwest::Client, bidang: &str) -> FasilitasAdminView {
    let response = app.call_json(admin, "/api/admin/fasilitas", &json!({ "bidang": bidang }).to_string()).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The facility's id by name, of any instansi.
async fn id_of(app: &TestApp, nama: &str) -> String {
    let id: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM fasilitas WHERE nama = $1").bind(nama).fetch_one(&app.pool).await.unwrap();
    id.to_string()
}

/// The detail of the newest audit row of `action` (facility rows name no subject).
async fn audit(app: &TestApp, action: &str) -> serde_json::Value {
    sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Saves one field of a section with "Simpan" and returns that field's error, if any.
async fn field_error(
    app: &TestApp,
    pns: &reqwest::Client,
    versi: &mut i32,
    at: (&str, &str),
    value: &str,
) -> Option<ErrorCode> {
    let (section, field) = at;
    let body = json!({ "simpan": { "versi": *versi, "isi": { section: { field: value } }, "periksa": true,
        "kunci": uuid::Uuid::new_v4().to_string() } });
    let response = app.call_json(pns, "/api/pns/simpan-bagian", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let saved: SimpanView = response.json().await.unwrap();
    *versi = saved.hasil.versi;
    saved.hasil.kesalahan.into_iter().find(|e| e.field == field).map(|e| e.code)
}

async fn import(app: &TestApp, admin: &reqwest::Client, csv: &str, tulis: bool) -> reqwest::Response {
    let body = json!({ "bidang": "kesehatan", "csv": csv, "tulis": tulis }).to_string();
    app.call_json(admin, "/api/admin/fasilitas/impor", &body).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_admin_keeps_its_own_facilities(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    assert_eq!(refused(add(&app, &admin, "pendidikan", "X", "SD").await).await, ErrorCode::FacilityNameLength);
    let unknown = add(&app, &admin, "pendidikan", "SD Negeri Uji 1", "Kebun").await;
    assert_eq!(refused(unknown).await, ErrorCode::FacilityKindUnknown);
    assert_eq!(add(&app, &admin, "pendidikan", "SD  Negeri Uji 1", "SD").await.status(), 200);
    let twice = add(&app, &admin, "pendidikan", "sd negeri uji 1", "FP06").await;
    assert_eq!(refused(twice).await, ErrorCode::FacilityExists);
    let view = list(&app, &admin, "pendidikan").await;
    let added = view.fasilitas.iter().find(|f| f.nama == "SD Negeri Uji 1").expect("listed");
    assert_eq!((added.jenis.as_str(), added.jenis_nama.as_str()), ("FP06", "Sekolah Dasar (SD)"));
    assert!(!list(&app, &admin, "kesehatan").await.fasilitas.iter().any(|f| f.nama == "SD Negeri Uji 1"));
    let added_row = audit(&app, "fasilitas_added").await;
    assert_eq!(added_row["sesudah"]["nama"], "SD Negeri Uji 1");

    let id = added.id.clone();
    let body = json!({ "fasilitas_id": id, "nama": "SD Negeri Uji Satu", "jenis": "FP07" }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/fasilitas/ubah", &body).await.status(), 200);
    let changed = audit(&app, "fasilitas_changed").await;
    assert_eq!(
        (&changed["sebelum"]["nama"], &changed["sesudah"]["jenis"]),
        (&json!("SD Negeri Uji 1"), &json!("FP07"))
    );
    let close = json!({ "fasilitas_id": id }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/fasilitas/tutup", &close).await.status(), 200);
    let closed = app.call_json(&admin, "/api/admin/fasilitas/tutup", &close).await;
    assert_eq!(refused(closed).await, ErrorCode::FacilityClosed);
    assert!(list(&app, &admin, "pendidikan").await.fasilitas.iter().any(|f| f.id == id && f.ditutup));

    // Another instansi's facility is not there for this admin.
    sqlx::query(
        "INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis)
         SELECT gen_random_uuid(), id, 'kesehatan', 'Klinik BPS', 'FK17' FROM instansi WHERE kode = 'BPS'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let bps = id_of(&app, "Klinik BPS").await;
    let body = json!({ "fasilitas_id": bps, "nama": "Diambil Alih", "jenis": "FK01" }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/fasilitas/ubah", &body).await.status(), 404);
    let body = json!({ "fasilitas_id": bps }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/fasilitas/tutup", &body).await.status(), 404);
    assert!(!list(&app, &admin, "kesehatan").await.fasilitas.iter().any(|f| f.nama == "Klinik BPS"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_csv_import_previews_each_line_then_writes_all_or_none(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let admin = app.client_as(Role::AdminInstansi).await;
    let count =
        || async { sqlx::query_scalar::<_, i64>("SELECT count(*) FROM fasilitas").fetch_one(&app.pool).await.unwrap() };
    let before = count().await;
    let bad = "nama;jenis\nPuskesmas Uji A;Puskesmas\nRSUD Sleman;RSUD\nKlinik Uji;Kebun\n";
    let response = import(&app, &admin, bad, true).await;
    assert_eq!(response.status(), 200);
    let preview: PratinjauImpor = response.json().await.unwrap();
    let galat: Vec<_> = preview.baris.iter().map(|b| (b.baris, b.galat)).collect();
    assert_eq!(galat, [(2, None), (3, Some(ErrorCode::FacilityExists)), (4, Some(ErrorCode::FacilityKindUnknown))]);
    assert!(!preview.ditulis);
    assert_eq!(count().await, before, "nothing written while a line is wrong");
    assert_eq!(
        refused(import(&app, &admin, "nama,jenis,induk\nA,B,C", false).await).await,
        ErrorCode::FacilityImportHeader
    );

    // The same right file three times at once: written once.
    let good = "nama;jenis\nPuskesmas Uji A;Puskesmas\nRSUD Uji B;FK08\n";
    let (a, b, c) = tokio::join!(
        import(&app, &admin, good, true),
        import(&app, &admin, good, true),
        import(&app, &admin, good, true)
    );
    let mut written = 0;
    for response in [a, b, c] {
        assert_eq!(response.status(), 200);
        written += usize::from(response.json::<PratinjauImpor>().await.unwrap().ditulis);
    }
    assert_eq!(written, 1);
    assert_eq!(count().await, before + 2);
    assert_eq!(audit(&app, "fasilitas_imported").await["jumlah"], 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_form_picks_an_open_facility_of_the_pns_own_instansi(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let pns = app.client_as(Role::Pns).await;
    let form: FormulirView = app.call(&pns, "/api/pns/formulir", &[]).await.json().await.unwrap();
    // The demo PNS teaches or heals: whichever section applies names a facility.
    let (at, list, bidang, jenis) = if form.berlaku.contains(&Bagian::Guru) {
        (("Guru", "sekolah"), "fasilitas_pendidikan", "pendidikan", "SD")
    } else {
        assert!(form.berlaku.contains(&Bagian::Dokter), "the demo PNS fills Data Guru or Data Dokter");
        (("Dokter", "unit_kesehatan"), "fasilitas_kesehatan", "kesehatan", "Puskesmas")
    };
    let admin = app.client_as(Role::AdminInstansi).await;
    assert_eq!(add(&app, &admin, bidang, "Fasilitas Uji Terbuka", jenis).await.status(), 200);
    let open = id_of(&app, "Fasilitas Uji Terbuka").await;
    sqlx::query(
        "INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis)
         SELECT gen_random_uuid(), id, $1, 'Fasilitas Uji BPS', 'FK01' FROM instansi WHERE kode = 'BPS'",
    )
    .bind(bidang)
    .execute(&app.pool)
    .await
    .unwrap();
    let other = id_of(&app, "Fasilitas Uji BPS").await;

    // The picker offers the PNS's own open facilities only.
    let found: Vec<(String, String)> =
        app.call(&pns, "/api/referensi/cari", &[("jenis", list), ("q", "uji")]).await.json().await.unwrap();
    assert_eq!(found, [(open.clone(), "Fasilitas Uji Terbuka".to_owned())]);

    let mut versi = form.versi;
    assert_eq!(
        field_error(&app, &pns, &mut versi, at, &other).await,
        Some(ErrorCode::CodeUnknown),
        "another instansi's"
    );
    assert_eq!(
        field_error(&app, &pns, &mut versi, at, "Puskesmas Ketikan").await,
        Some(ErrorCode::CodeUnknown),
        "typed text"
    );
    assert_eq!(field_error(&app, &pns, &mut versi, at, &open).await, None);
    let close = json!({ "fasilitas_id": open }).to_string();
    assert_eq!(app.call_json(&admin, "/api/admin/fasilitas/tutup", &close).await.status(), 200);
    assert_eq!(field_error(&app, &pns, &mut versi, at, &open).await, Some(ErrorCode::CodeRetired), "closed");
    let found: Vec<(String, String)> =
        app.call(&pns, "/api/referensi/cari", &[("jenis", list), ("q", "uji")]).await.json().await.unwrap();
    assert!(found.is_empty(), "a closed facility is offered no more");
}
