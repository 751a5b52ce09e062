//! The BKN admin's changes to the code lists (#13): versioned, never deleted, retired entries
//! readable but not choosable, duplicates refused also between racing requests, and every
//! instance's cached lists cleared at once.

use std::time::Duration;

use domain::referensi::AksiReferensi;
use domain::{DaftarKode, ErrorCode};
use reference::Reference;
use uuid::Uuid;

fn admin_bkn() -> access::CurrentUser {
    let grant = access::Grant {
        id: Uuid::new_v4(),
        role: domain::Role::AdminBkn,
        instansi_id: None,
        unor_id: None,
        unor_path: None,
        kanreg_id: Some(0),
        hds_kategori: Vec::new(),
        kantor_id: None,
    };
    access::CurrentUser {
        account_id: Uuid::new_v4(),
        nama: "Admin BKN Uji".into(),
        nip: None,
        username: Some("admin.bkn".into()),
        active: grant.clone(),
        grants: vec![grant],
    }
}

fn refused<T: std::fmt::Debug>(result: Result<T, access::ServiceError>) -> ErrorCode {
    match result {
        Err(access::ServiceError::Refused(code)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_added_entry_is_offered_and_a_retired_one_only_read(pool: sqlx::PgPool) {
    let reference = Reference::new(pool.clone());
    let admin = admin_bkn();
    // Loaded before the change: the change must not wait for the cache to expire.
    let before = reference.labels().await.unwrap();
    let jfu_count = before.list(DaftarKode::Jfu).len();

    let added = reference.add_entry(&admin, DaftarKode::Jfu, " U9001 ", "  Pengelola   Data Uji ", "10.0.0.1").await;
    let added = added.unwrap();
    assert_eq!((added.kode.as_str(), added.nama.as_str(), added.aktif), ("U9001", "Pengelola Data Uji", true));
    let labels = reference.labels().await.unwrap();
    assert_eq!(labels.list(DaftarKode::Jfu).len(), jfu_count + 1);
    assert_eq!(labels.list(DaftarKode::Jfu).last().unwrap().0, "U9001", "added at the end of the list");
    assert!(labels.choosable(DaftarKode::Jfu, "U9001"));
    let found = reference.search_codes(DaftarKode::Jfu, "data uji", 20).await.unwrap();
    assert_eq!(found, vec![("U9001".to_owned(), "Pengelola Data Uji".to_owned())]);

    let retired = reference.set_entry_active(&admin, DaftarKode::Jfu, "U9001", false, "10.0.0.1").await.unwrap();
    assert!(!retired.aktif);
    let labels = reference.labels().await.unwrap();
    // Out of every picker and new value...
    assert!(!labels.list(DaftarKode::Jfu).iter().any(|(kode, _)| kode == "U9001"));
    assert!(!labels.choosable(DaftarKode::Jfu, "U9001"));
    assert!(reference.search_codes(DaftarKode::Jfu, "data uji", 20).await.unwrap().is_empty());
    assert!(!reference.code_exists(DaftarKode::Jfu, "U9001").await.unwrap());
    assert!(!reference.codes(DaftarKode::Jfu).await.unwrap().iter().any(|(kode, _)| kode == "U9001"));
    // ...but still named where a record has it, by code and (as the master keeps it) by name.
    assert!(labels.contains(DaftarKode::Jfu, "U9001"));
    assert_eq!(labels.name(DaftarKode::Jfu, "U9001"), Some("Pengelola Data Uji"));
    assert_eq!(labels.code_by_name(DaftarKode::Jfu, "pengelola data uji"), Some("U9001"));
    // The admin's list shows it, retired.
    let page = reference.entries(DaftarKode::Jfu, "U9001").await.unwrap();
    assert_eq!(page.jumlah, 1);
    assert!(!page.entri[0].aktif);

    reference.set_entry_active(&admin, DaftarKode::Jfu, "U9001", true, "10.0.0.1").await.unwrap();
    reference
        .rename_entry(&admin, DaftarKode::Jfu, "U9001", "Pengelola Data Kepegawaian Uji", "10.0.0.1")
        .await
        .unwrap();
    assert!(reference.labels().await.unwrap().choosable(DaftarKode::Jfu, "U9001"));

    // Versioned: who, when, before and after, newest first; each change audited too.
    let history = reference.entry_history(DaftarKode::Jfu, "U9001").await.unwrap();
    let actions: Vec<AksiReferensi> = history.iter().map(|h| h.aksi).collect();
    assert_eq!(
        actions,
        [AksiReferensi::UbahNama, AksiReferensi::Aktifkan, AksiReferensi::Nonaktifkan, AksiReferensi::Tambah]
    );
    assert_eq!(history[0].sebelum.as_ref().unwrap().nama, "Pengelola Data Uji");
    assert_eq!(history[0].sesudah.nama, "Pengelola Data Kepegawaian Uji");
    assert!(history[3].sebelum.is_none());
    assert_eq!(history[0].oleh, "admin.bkn (Admin BKN Uji)");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'kode_referensi_changed' AND account_id = $1",
    )
    .bind(admin.account_id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 4);
}

#[sqlx::test(migrations = "../../migrations")]
async fn bad_entries_and_lists_are_refused_with_their_reason(pool: sqlx::PgPool) {
    let reference = Reference::new(pool.clone());
    let admin = admin_bkn();
    let ip = "10.0.0.1";
    assert_eq!(refused(reference.add_entry(&admin, DaftarKode::Jfu, "", "Nama", ip).await), ErrorCode::CodeRequired);
    assert_eq!(refused(reference.add_entry(&admin, DaftarKode::Jfu, "U 1", "Nama", ip).await), ErrorCode::CodeFormat);
    assert_eq!(refused(reference.add_entry(&admin, DaftarKode::Jfu, "U1", "A", ip).await), ErrorCode::EntryNameLength);
    // A code the list has, and a name it has in another case.
    assert_eq!(
        refused(reference.add_entry(&admin, DaftarKode::Jfu, "JFU0001", "Baru Sekali", ip).await),
        ErrorCode::CodeTaken
    );
    assert_eq!(
        refused(reference.add_entry(&admin, DaftarKode::Jfu, "U1", "pengadministrasi umum", ip).await),
        ErrorCode::EntryNameTaken
    );
    let jfu_name = reference.labels().await.unwrap().name(DaftarKode::Jfu, "JFU0002").unwrap().to_owned();
    assert_eq!(
        refused(reference.rename_entry(&admin, DaftarKode::Jfu, "JFU0001", &jfu_name, ip).await),
        ErrorCode::EntryNameTaken
    );
    // Lists whose codes the rules read are not changed in the app; an unknown entry is not found.
    assert_eq!(
        refused(reference.add_entry(&admin, DaftarKode::JenisJabatan, "9", "Jabatan Baru", ip).await),
        ErrorCode::BadRequest
    );
    assert_eq!(
        refused(reference.set_entry_active(&admin, DaftarKode::JenisKelamin, "1", false, ip).await),
        ErrorCode::BadRequest
    );
    assert_eq!(
        refused(reference.set_entry_active(&admin, DaftarKode::Jfu, "NOPE", false, ip).await),
        ErrorCode::NotFound
    );
    let history: i64 =
        sqlx::query_scalar("SELECT count(*) FROM kode_referensi_riwayat").fetch_one(&pool).await.unwrap();
    assert_eq!(history, 0, "nothing refused is recorded");
}

/// Two admins adding at once: the unique keys decide, and each entry gets its own place.
#[sqlx::test(migrations = "../../migrations")]
async fn racing_additions_keep_codes_names_and_order_unique(pool: sqlx::PgPool) {
    let reference = Reference::new(pool.clone());
    let same_name: Vec<_> = (0..5)
        .map(|i| {
            let reference = reference.clone();
            tokio::spawn(async move {
                reference
                    .add_entry(&admin_bkn(), DaftarKode::Negara, &format!("UJIX{i}"), "Negeri Uji", "10.0.0.1")
                    .await
            })
        })
        .collect();
    let mut ok = 0;
    for task in same_name {
        match task.await.unwrap() {
            Ok(_) => ok += 1,
            Err(error) => assert_eq!(refused::<()>(Err(error)), ErrorCode::EntryNameTaken),
        }
    }
    assert_eq!(ok, 1, "one name once");

    let distinct: Vec<_> = (0..5)
        .map(|i| {
            let reference = reference.clone();
            tokio::spawn(async move {
                reference
                    .add_entry(
                        &admin_bkn(),
                        DaftarKode::Negara,
                        &format!("UJIY{i}"),
                        &format!("Negeri {i}"),
                        "10.0.0.1",
                    )
                    .await
            })
        })
        .collect();
    for task in distinct {
        task.await.unwrap().unwrap();
    }
    let places: Vec<i16> = sqlx::query_scalar(
        "SELECT urutan FROM kode_referensi WHERE jenis = 'negara' AND kode LIKE 'UJIY%' ORDER BY urutan",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let unique: std::collections::BTreeSet<i16> = places.iter().copied().collect();
    assert_eq!(unique.len(), 5, "each added entry has its own place: {places:?}");
}

/// Another server instance on the same database drops its cached lists when it hears of the
/// change, long before the cache would expire.
#[sqlx::test(migrations = "../../migrations")]
async fn a_change_reaches_every_instance_at_once(pool: sqlx::PgPool) {
    let here = Reference::new(pool.clone());
    let there = Reference::new(pool.clone());
    there.listen_for_changes();
    assert!(there.labels().await.unwrap().choosable(DaftarKode::Agama, "1"));
    // Its cache says "choosable" until something clears it: seeing the retirement proves the
    // announcement arrived. The listener connects in the background, so an early one may be
    // missed: retire again until it is heard.
    let admin = admin_bkn();
    let mut seen = false;
    for _ in 0..50 {
        here.set_entry_active(&admin, DaftarKode::Agama, "1", true, "10.0.0.1").await.unwrap();
        here.set_entry_active(&admin, DaftarKode::Agama, "1", false, "10.0.0.1").await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        if !there.labels().await.unwrap().choosable(DaftarKode::Agama, "1") {
            seen = true;
            break;
        }
    }
    assert!(seen, "the other instance never saw the change");
}
