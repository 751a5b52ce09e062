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
