//! The re-registration form through its server functions: load, save, review, send,
//! progress; one PNS never reaches another's proposal; bad input is a 400, never a 500.

mod common;

use app::api::formulir::{FormulirView, KirimView, ProgresView, SimpanView};
use domain::form::{Bagian, StatusUsulan};
use domain::{ErrorCode, Role};
use serde_json::json;

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn load(app: &common::TestApp, client: &reqwest::Client) -> FormulirView {
    let response = app.call(client, "/api/pns/formulir", &[]).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn save(
    app: &common::TestApp,
    client: &reqwest::Client,
    versi: i32,
    isi: serde_json::Value,
    periksa: bool,
) -> reqwest::Response {
    let body = json!({ "simpan": { "versi": versi, "isi": isi, "periksa": periksa, "kunci": key() } });
    app.call_json(client, "/api/pns/simpan-bagian", &body.to_string()).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_pns_loads_the_form_built_from_the_master(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let form = load(&app, &client).await;
    assert_eq!(form.nip, app.demo.pns_nip);
    assert_eq!(form.status, StatusUsulan::Draf);
    assert!(form.draf.is_none(), "an untouched draft is the master, sent once");
    assert!(!form.draft().golongan.is_empty() && !form.draft().pendidikan.is_empty());
    let response = app.call(&client, "/api/referensi/opsi", &[]).await;
    let opsi: app::api::formulir::Opsi = response.json().await.unwrap();
    assert!(opsi[&domain::DaftarKode::Agama].iter().any(|(_, name)| name == "Islam"));
    assert!(opsi[&domain::DaftarKode::Golongan].first().is_some_and(|(code, _)| code == "I/a"));
    let unor = &form.draft().data_posisi.unor;
    assert!(form.label.contains_key(&format!("unor:{unor}")), "the unit's name comes along");
    assert!(form.berlaku.contains(&Bagian::DataUtama) && form.berlaku.contains(&Bagian::SelfAssessment));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn saving_checks_on_request_and_versions_every_save(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let form = load(&app, &client).await;

    // An autosave of half-typed input is kept as typed.
    let response = save(&app, &client, form.versi, json!({ "Stakeholder": { "nomor_bpjs": "12" } }), false).await;
    assert_eq!(response.status(), 200);
    let saved: SimpanView = response.json().await.unwrap();
    assert!(saved.hasil.kesalahan.is_empty());

    // "Simpan" checks it: field errors come back, the draft is kept.
    let response = save(&app, &client, saved.hasil.versi, json!({ "Stakeholder": { "nomor_bpjs": "12" } }), true).await;
    let checked: SimpanView = response.json().await.unwrap();
    let codes: Vec<_> = checked.hasil.kesalahan.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert!(codes.contains(&("bapertarum", ErrorCode::FieldRequired)), "{codes:?}");
    assert!(codes.contains(&("nomor_bpjs", ErrorCode::BpjsFormat)), "{codes:?}");
    assert!(!checked.hasil.diperiksa.contains(&Bagian::Stakeholder));

    // Unknown reference codes and impossible dates are field errors too.
    let mut posisi = serde_json::to_value(&form.draft().data_posisi).unwrap();
    posisi["kedudukan_hukum"] = json!("ZZ");
    posisi["tmt_jabatan"] = json!("2015-02-30");
    posisi["lokasi_kerja"] = json!("3404");
    let response = save(&app, &client, checked.hasil.versi, json!({ "DataPosisi": posisi }), true).await;
    let checked: SimpanView = response.json().await.unwrap();
    let codes: Vec<_> = checked.hasil.kesalahan.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert!(codes.contains(&("kedudukan_hukum", ErrorCode::CodeUnknown)), "{codes:?}");
    assert!(codes.contains(&("tmt_jabatan", ErrorCode::InvalidDate)), "{codes:?}");

    // A stale version is refused with a clear code.
    let response = save(&app, &client, form.versi, json!({ "Stakeholder": { "bapertarum": "Y" } }), false).await;
    assert_eq!(response.status(), 400);
    assert_eq!(response.json::<ErrorCode>().await.unwrap(), ErrorCode::VersionConflict);

    // A valid section is marked reviewed.
    let response = save(
        &app,
        &client,
        checked.hasil.versi,
        json!({ "Stakeholder": { "bapertarum": "Y", "nomor_bpjs": "0001234567890" } }),
        true,
    )
    .await;
    let ok: SimpanView = response.json().await.unwrap();
    assert_eq!(ok.hasil.kesalahan, vec![]);
    assert!(ok.hasil.diperiksa.contains(&Bagian::Stakeholder));
    let form = load(&app, &client).await;
    assert_eq!(form.draft().stakeholder.nomor_bpjs, "0001234567890");
    assert_eq!(form.versi, ok.hasil.versi);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn sending_lists_what_is_missing_and_then_locks(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let form = load(&app, &client).await;
    let response = app.call(&client, "/api/pns/kirim", &[("versi", &form.versi.to_string())]).await;
    assert_eq!(response.status(), 200);
    let KirimView::Belum { belum_diperiksa, .. } = response.json().await.unwrap() else { panic!("sent unchecked") };
    assert_eq!(belum_diperiksa, form.berlaku);

    let progres: ProgresView = app.call(&client, "/api/pns/progres", &[]).await.json().await.unwrap();
    assert_eq!((progres.status, progres.peristiwa.len()), (StatusUsulan::Draf, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn one_pns_never_reaches_another_pns_proposal(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let first = app.client_as(Role::Pns).await;
    let form = load(&app, &first).await;
    save(&app, &first, form.versi, json!({ "Stakeholder": { "nomor_kpe": "KPE-RAHASIA" } }), false).await;

    // The other PNS (the verifier's own PNS role) sends the first one's NIP along: ignored.
    let other = app.client_for("verif1.sleman", Role::Pns).await;
    let response = app.call(&other, "/api/pns/formulir", &[("nip", &app.demo.pns_nip)]).await;
    let theirs: FormulirView = response.json().await.unwrap();
    assert_eq!(theirs.nip, app.demo.verifier_nip);
    assert_eq!(theirs.draft().stakeholder.nomor_kpe, "");
    let body = json!({ "simpan": { "versi": theirs.versi, "isi": { "Stakeholder": { "nomor_kpe": "X" } },
        "periksa": false, "kunci": key() }, "nip": app.demo.pns_nip });
    let response = app.call_json(&other, "/api/pns/simpan-bagian", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let mine = load(&app, &first).await;
    assert_eq!(mine.draft().stakeholder.nomor_kpe, "KPE-RAHASIA", "the first PNS's draft is untouched");

    // Staff roles have no access to the PNS functions at all.
    let verifier = app.client_as(Role::VerifikatorL1).await;
    assert_eq!(app.call(&verifier, "/api/pns/formulir", &[]).await.status(), 403);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_input_is_a_clear_400_never_a_500(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let form = load(&app, &client).await;
    let path = "/api/pns/simpan-bagian";
    let not_applicable = if form.berlaku.contains(&Bagian::Guru) { "Dokter" } else { "Guru" };
    let many: Vec<_> = (0..61).map(|i| json!({ "id": format!("x{i}") })).collect();
    let cases = [
        "not json".to_owned(),
        "{}".to_owned(),
        json!({ "simpan": { "versi": form.versi, "isi": { "Nonsense": {} }, "periksa": false, "kunci": key() } }).to_string(),
        json!({ "simpan": { "versi": "x", "isi": { "Stakeholder": {} }, "periksa": false, "kunci": key() } }).to_string(),
        json!({ "simpan": { "versi": form.versi, "isi": { "Stakeholder": {} }, "periksa": false, "kunci": "not-a-uuid" } })
            .to_string(),
        json!({ "simpan": { "versi": form.versi, "isi": { "Anak": many }, "periksa": false, "kunci": key() } }).to_string(),
        // A section that does not apply to this PNS's position.
        json!({ "simpan": { "versi": form.versi, "isi": { not_applicable: {} }, "periksa": false, "kunci": key() } })
            .to_string(),
    ];
    for body in cases {
        let response = app.call_json(&client, path, &body).await;
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{body}: HTTP {status}");
    }
    for (jenis, q) in [("tabel_rahasia", "a"), ("jurusan", &"x".repeat(101)[..])] {
        let status = app.call(&client, "/api/referensi/cari", &[("jenis", jenis), ("q", q)]).await.status();
        assert_eq!(status, 400, "{jenis}");
    }
    let found: Vec<(String, String)> =
        app.call(&client, "/api/referensi/cari", &[("jenis", "jurusan"), ("q", "hukum")]).await.json().await.unwrap();
    assert!(found.iter().any(|(_, name)| name.contains("Hukum")));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_flag_stays_on_its_field_and_only_its_owner_withdraws_it(pool: sqlx::PgPool) {
    use domain::form::Tanda;
    let app = common::spawn(pool).await;
    let client = app.client_as(Role::Pns).await;
    let form = load(&app, &client).await;
    let entry = form.draft().pendidikan[0].id.clone();
    let response = app
        .call(
            &client,
            "/api/pns/tandai",
            &[
                ("bagian", "Pendidikan"),
                ("entri", &entry),
                ("field", "jurusan"),
                ("keterangan", "Jurusan Tadris Matematika tidak ada di daftar"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let tanda: Tanda = response.json().await.unwrap();
    let form = load(&app, &client).await;
    assert_eq!(form.tanda, vec![tanda.clone()]);
    assert_eq!(form.tanda[0].entri.as_deref(), Some(entry.as_str()));

    for bad in [
        [("bagian", "Pendidikan"), ("field", "tidak_ada"), ("keterangan", "x")],
        [("bagian", "Pendidikan"), ("field", "jurusan"), ("keterangan", "   ")],
        [("bagian", "Entah"), ("field", "jurusan"), ("keterangan", "x")],
    ] {
        let status = app.call(&client, "/api/pns/tandai", &bad).await.status();
        assert_eq!(status, 400, "{bad:?}");
    }

    let other = app.client_for("verif1.sleman", Role::Pns).await;
    let status = app.call(&other, "/api/pns/tarik-tanda", &[("id", &tanda.id)]).await.status();
    assert_eq!(status, 404, "another PNS cannot touch the flag");
    let status = app.call(&client, "/api/pns/tarik-tanda", &[("id", &tanda.id)]).await.status();
    assert_eq!(status, 200);
    assert!(load(&app, &client).await.tanda.is_empty());
}
