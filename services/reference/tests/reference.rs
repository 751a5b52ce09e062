//! The reference service against a real database.

use domain::DaftarKode;
use reference::{Instansi, Reference};
use uuid::Uuid;

async fn instansi(reference: &Reference) -> Instansi {
    let instansi = Instansi {
        id: Uuid::new_v4(),
        kode: "KAB-UJI".into(),
        nama: "Pemerintah Kabupaten Uji".into(),
        jenis: "daerah".into(),
        kanreg_id: 1,
    };
    assert!(reference.create_instansi(&instansi, Some("34")).await.unwrap());
    instansi
}

#[sqlx::test(migrations = "../../migrations")]
async fn code_lists_and_regions_are_seeded(pool: sqlx::PgPool) {
    let reference = Reference::new(pool.clone());
    let agama = reference.codes(DaftarKode::Agama).await.unwrap();
    assert_eq!(agama.first().map(|(_, nama)| nama.as_str()), Some("Islam"));
    let golongan: i64 = sqlx::query_scalar("SELECT count(*) FROM golongan").fetch_one(&pool).await.unwrap();
    assert_eq!(golongan, 17);
    let provinces: i64 = sqlx::query_scalar("SELECT count(*) FROM provinsi").fetch_one(&pool).await.unwrap();
    assert_eq!(provinces, 38);
    assert_eq!(reference.kanreg(1).await.unwrap().unwrap().kode, "I");
    for jenis in [
        DaftarKode::StatusKawin,
        DaftarKode::JenisKelamin,
        DaftarKode::TingkatPendidikan,
        DaftarKode::JenisJabatan,
        DaftarKode::Eselon,
        DaftarKode::JenisPegawai,
        DaftarKode::KedudukanHukum,
    ] {
        assert!(!reference.codes(jenis).await.unwrap().is_empty(), "{jenis:?} is seeded");
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn unor_paths_nest_and_registration_verification_defaults_on(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);
    let instansi = instansi(&reference).await;
    assert!(!reference.create_instansi(&instansi, Some("34")).await.unwrap(), "a kode exists once");
    let dinas = reference.create_unor(instansi.id, None, "Dinas Pendidikan", "SKPD").await.unwrap();
    let sekolah = reference.create_unor(instansi.id, Some(dinas.id), "SMP Negeri 1", "UPT").await.unwrap();
    assert!(sekolah.path.starts_with(&dinas.path) && sekolah.path != dinas.path);
    let units = reference.unor_of_instansi(instansi.id).await.unwrap();
    assert_eq!(units.len(), 2);
    // The picker's search: within the instansi, case-insensitive, in tree order.
    let found = reference.search_unor(instansi.id, "smp n", 20).await.unwrap();
    assert_eq!(found, vec![(sekolah.id.to_string(), "SMP Negeri 1".to_owned())]);
    assert_eq!(reference.search_unor(instansi.id, "", 20).await.unwrap().len(), 2);
    assert!(reference.search_unor(Uuid::new_v4(), "smp", 20).await.unwrap().is_empty());

    assert!(reference.registration_needs_verification(instansi.id).await.unwrap());
    reference.set_registration_verification(instansi.id, false).await.unwrap();
    assert!(!reference.registration_needs_verification(instansi.id).await.unwrap());
    // An instansi without a settings row still verifies: deny by default.
    assert!(reference.registration_needs_verification(Uuid::new_v4()).await.unwrap());
}

/// A code list the code does not know is an error when the lists load, never dropped.
#[sqlx::test(migrations = "../../migrations")]
async fn an_unknown_code_list_is_an_error(pool: sqlx::PgPool) {
    assert!(Reference::new(pool.clone()).labels().await.is_ok());
    sqlx::query("INSERT INTO kode_referensi (jenis, kode, nama, urutan) VALUES ('tabel_baru', '1', 'Baru', 1)")
        .execute(&pool)
        .await
        .unwrap();
    assert!(matches!(Reference::new(pool).labels().await, Err(sqlx::Error::Decode(_))));
}

/// Teachers' and doctors' positions carry their kind, so the form's Data Guru and Data Dokter
/// follow the position's code.
#[sqlx::test(migrations = "../../migrations")]
async fn teacher_and_doctor_positions_carry_their_kind(pool: sqlx::PgPool) {
    use domain::JenisFungsional;
    let reference = Reference::new(pool);
    let labels = reference.labels().await.unwrap();
    let kind_of = |nama: &str| {
        let kode = labels.code_by_name(DaftarKode::Jft, nama).unwrap();
        labels.jenis_fungsional(DaftarKode::Jft, kode)
    };
    assert_eq!(kind_of("Guru Ahli Pertama"), Some(JenisFungsional::Guru));
    assert_eq!(kind_of("Dokter Gigi Ahli Muda"), Some(JenisFungsional::Dokter));
    assert_eq!(kind_of("Analis Kepegawaian Ahli Muda"), None);
    let jft = reference.codes(DaftarKode::Jft).await.unwrap();
    let guru = jft.iter().filter(|(kode, _)| labels.jenis_fungsional(DaftarKode::Jft, kode).is_some()).count();
    assert_eq!(guru, 16, "4 guru and 12 dokter positions");
}

fn admin_of(instansi_id: Uuid) -> access::CurrentUser {
    let grant = access::Grant {
        id: Uuid::new_v4(),
        role: domain::Role::AdminInstansi,
        instansi_id: Some(instansi_id),
        unor_id: None,
        unor_path: None,
        kanreg_id: None,
        hds_kategori: Vec::new(),
        kantor_id: None,
    };
    access::CurrentUser {
        account_id: Uuid::new_v4(),
        nama: "Admin Uji".into(),
        nip: None,
        username: Some("admin.uji".into()),
        active: grant.clone(),
        grants: vec![grant],
    }
}

/// The admin's settings (#13): saved with the shared rules, read back as the PNS's period,
/// and audited with what they were before and after, in the same transaction.
#[sqlx::test(migrations = "../../migrations")]
async fn instansi_settings_are_checked_saved_and_audited(pool: sqlx::PgPool) {
    use domain::pengaturan::PengaturanInstansi;
    use domain::ErrorCode;

    let reference = Reference::new(pool.clone());
    let instansi = instansi(&reference).await;
    let admin = admin_of(instansi.id);
    let before = reference.settings(instansi.id).await.unwrap();
    assert_eq!(
        before,
        PengaturanInstansi {
            verifikasi_pendaftaran: true,
            pendataan_mulai: String::new(),
            pendataan_selesai: String::new()
        }
    );

    let baru = PengaturanInstansi {
        verifikasi_pendaftaran: false,
        pendataan_mulai: "2026-12-01".into(),
        pendataan_selesai: "2027-01-31".into(),
    };
    assert_eq!(reference.save_settings(&admin, instansi.id, &baru, "10.0.0.1").await.unwrap(), baru);
    assert_eq!(reference.settings(instansi.id).await.unwrap(), baru);
    assert!(!reference.registration_needs_verification(instansi.id).await.unwrap());
    let periode = reference.collection_period(instansi.id).await.unwrap();
    assert!(periode.open_on(domain::dates::parse_iso_date("2027-01-31").unwrap()));
    assert!(!periode.open_on(domain::dates::parse_iso_date("2027-02-01").unwrap()));

    let (account, detail): (Option<Uuid>, serde_json::Value) = sqlx::query_as(
        "SELECT account_id, detail FROM audit_log WHERE action = 'instansi_setting_changed' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(account, Some(admin.account_id));
    assert_eq!(detail["instansi_id"], instansi.id.to_string());
    assert_eq!(detail["sebelum"], serde_json::to_value(&before).unwrap());
    assert_eq!(detail["sesudah"], serde_json::to_value(&baru).unwrap());

    // Bad input is a field error and changes nothing, not even the audit log.
    for (mulai, selesai, code) in [
        ("2027-02-01", "2027-01-01", ErrorCode::PeriodEndBeforeStart),
        ("2027-02-30", "", ErrorCode::InvalidDate),
        ("besok", "", ErrorCode::InvalidDate),
    ] {
        let salah =
            PengaturanInstansi { pendataan_mulai: mulai.into(), pendataan_selesai: selesai.into(), ..baru.clone() };
        let err = reference.save_settings(&admin, instansi.id, &salah, "10.0.0.1").await.unwrap_err();
        assert!(matches!(err, access::ServiceError::Refused(c) if c == code), "{mulai}..{selesai}: {err:?}");
    }
    assert_eq!(reference.settings(instansi.id).await.unwrap(), baru);
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'instansi_setting_changed'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}
