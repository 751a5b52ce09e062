//! Type-ahead search over the seeded national code lists and kabupaten/kota.

use domain::DaftarKode;
use reference::Reference;

#[sqlx::test(migrations = "../../migrations")]
async fn long_lists_are_seeded_with_at_least_the_promised_counts(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);
    for (jenis, at_least) in [
        (DaftarKode::Jurusan, 300),
        (DaftarKode::Jft, 150),
        (DaftarKode::Jfu, 150),
        (DaftarKode::DiklatStruktural, 15),
        (DaftarKode::DiklatFungsional, 100),
        (DaftarKode::MataPelajaran, 60),
        (DaftarKode::BidangSpesialis, 60),
        (DaftarKode::Negara, 100),
        (DaftarKode::FasilitasKesehatanJenis, 10),
        (DaftarKode::FasilitasPendidikanJenis, 10),
    ] {
        let count = reference.codes(jenis).await.unwrap().len();
        assert!(count >= at_least, "{jenis:?}: {count} entries, expected at least {at_least}");
    }
}

#[sqlx::test(migrations = "../../migrations")]
async fn kabupaten_kota_carry_kemendagri_codes(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);
    let diy = reference.kabupaten_kota("34").await.unwrap();
    let expected = [
        ("3401", "Kabupaten Kulon Progo"),
        ("3402", "Kabupaten Bantul"),
        ("3403", "Kabupaten Gunungkidul"),
        ("3404", "Kabupaten Sleman"),
        ("3471", "Kota Yogyakarta"),
    ];
    let diy: Vec<(&str, &str)> = diy.iter().map(|(kode, nama)| (kode.as_str(), nama.as_str())).collect();
    assert_eq!(diy, expected);
    for (provinsi, count) in [("11", 23), ("31", 6), ("32", 27), ("33", 35), ("35", 38), ("36", 8), ("51", 9)] {
        let all = reference.kabupaten_kota(provinsi).await.unwrap();
        assert_eq!(all.len(), count, "provinsi {provinsi}");
        assert!(all
            .iter()
            .all(|(kode, nama)| kode.starts_with(provinsi)
                && (nama.starts_with("Kabupaten ") || nama.starts_with("Kota "))));
    }
    assert!(reference.kabupaten_kota("99").await.unwrap().is_empty());

    let found = reference.search_codes(DaftarKode::KabupatenKota, "sLeMaN", 10).await.unwrap();
    assert_eq!(found, vec![("3404".to_owned(), "Kabupaten Sleman".to_owned())]);
    // "Kota Bandung" starts with "kota", so a word-start match ranks it before an infix one.
    let bandung = reference.search_codes(DaftarKode::KabupatenKota, "bandung", 10).await.unwrap();
    let names: Vec<&str> = bandung.iter().map(|(_, nama)| nama.as_str()).collect();
    assert_eq!(names, ["Kabupaten Bandung", "Kabupaten Bandung Barat", "Kota Bandung"]);
    assert!(reference.code_exists(DaftarKode::KabupatenKota, "3471").await.unwrap());
    assert!(!reference.code_exists(DaftarKode::KabupatenKota, "3499").await.unwrap());
}

#[sqlx::test(migrations = "../../migrations")]
async fn search_is_case_insensitive_and_puts_prefix_matches_first(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);

    let guru = reference.search_codes(DaftarKode::Jft, "GURU", 10).await.unwrap();
    assert!(!guru.is_empty());
    assert!(guru[0].1.starts_with("Guru "), "{guru:?}");
    assert!(guru.iter().all(|(_, nama)| nama.to_lowercase().contains("guru")));
    // Every prefix match comes before any other match.
    let all = reference.search_codes(DaftarKode::Jft, "ahli", 1000).await.unwrap();
    assert!(all.len() > 100);
    let pranata = reference.search_codes(DaftarKode::Jft, "pranata", 100).await.unwrap();
    let first_other = pranata.iter().position(|(_, nama)| !nama.starts_with("Pranata"));
    if let Some(first_other) = first_other {
        assert!(pranata[first_other..].iter().all(|(_, nama)| !nama.starts_with("Pranata")), "{pranata:?}");
    }
    let perawat = reference.search_codes(DaftarKode::Jft, "perawat", 20).await.unwrap();
    assert_eq!(perawat.first().map(|(_, nama)| nama.as_str()), Some("Perawat Terampil"));

    let matematika = reference.search_codes(DaftarKode::Jurusan, "Pendidikan matematika", 5).await.unwrap();
    assert!(matematika.iter().any(|(_, nama)| nama == "S1 Pendidikan Matematika"), "{matematika:?}");
    let spesialis = reference.search_codes(DaftarKode::BidangSpesialis, "sp.pd", 50).await.unwrap();
    assert!(spesialis.iter().any(|(_, nama)| nama == "Spesialis Penyakit Dalam (Sp.PD)"));
    let arab = reference.search_codes(DaftarKode::Negara, "arab", 10).await.unwrap();
    assert_eq!(arab.first().map(|(kode, nama)| (kode.as_str(), nama.as_str())), Some(("SA", "Arab Saudi")));

    // The limit holds, and LIKE wildcards typed by the user match literally.
    assert_eq!(reference.search_codes(DaftarKode::Jurusan, "s1", 7).await.unwrap().len(), 7);
    assert!(reference.search_codes(DaftarKode::Jft, "%", 10).await.unwrap().is_empty());
    assert!(reference.search_codes(DaftarKode::Jft, "_", 10).await.unwrap().is_empty());
    assert!(reference.search_codes(DaftarKode::Jft, "tidak ada jabatan seperti ini", 10).await.unwrap().is_empty());
}

#[sqlx::test(migrations = "../../migrations")]
async fn blank_query_returns_the_first_entries_in_list_order(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);
    for jenis in [DaftarKode::Jurusan, DaftarKode::Jft, DaftarKode::Jfu, DaftarKode::Negara] {
        let first = reference.search_codes(jenis, "", 25).await.unwrap();
        assert_eq!(first.len(), 25, "{jenis:?}");
        let listed = reference.codes(jenis).await.unwrap();
        assert_eq!(first, listed[..25], "{jenis:?}");
        assert_eq!(reference.search_codes(jenis, "   ", 25).await.unwrap(), first);
    }
    assert_eq!(reference.search_codes(DaftarKode::KabupatenKota, "", 10).await.unwrap().len(), 10);
    assert!(reference.search_codes(DaftarKode::Jft, "", 0).await.unwrap().is_empty());
    assert!(reference.search_codes(DaftarKode::Jft, "", -5).await.unwrap().is_empty());
}

#[sqlx::test(migrations = "../../migrations")]
async fn code_exists_only_for_entries_of_that_list(pool: sqlx::PgPool) {
    let reference = Reference::new(pool);
    let (kode, _) = reference.search_codes(DaftarKode::Jft, "Analis Kepegawaian Ahli Muda", 1).await.unwrap().remove(0);
    assert!(reference.code_exists(DaftarKode::Jft, &kode).await.unwrap());
    assert!(!reference.code_exists(DaftarKode::Jfu, &kode).await.unwrap());
    assert!(reference.code_exists(DaftarKode::Negara, "MY").await.unwrap());
    assert!(!reference.code_exists(DaftarKode::Negara, "XX").await.unwrap());
    assert!(reference.code_exists(DaftarKode::Agama, "1").await.unwrap());
    assert!(!reference.code_exists(DaftarKode::Jurusan, "").await.unwrap());
}
