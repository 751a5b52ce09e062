//! The personnel service against a real database.

use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use personnel::Personnel;
use uuid::Uuid;

#[sqlx::test(migrations = "../../migrations")]
async fn master_records_with_history_are_stored_once(pool: sqlx::PgPool) {
    let personnel = Personnel::new(pool.clone(), reference::Reference::new(pool.clone()));
    let unit = UnitTarget {
        instansi_id: Uuid::new_v4(),
        unor_id: Uuid::new_v4(),
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let records = generate(&GeneratorConfig { seed: 11 }, std::slice::from_ref(&unit), 20);
    for record in &records {
        assert!(personnel.insert_master(record).await.unwrap());
    }
    assert!(!personnel.insert_master(&records[0]).await.unwrap(), "a NIP is inserted once");
    assert_eq!(personnel.count_in_instansi(unit.instansi_id).await.unwrap(), 20);

    let stored = personnel.master(&records[3].pns.nip).await.unwrap().expect("stored");
    assert_eq!(stored, records[3].pns);
    let history: i64 = sqlx::query_scalar("SELECT count(*) FROM riwayat_golongan WHERE nip = $1")
        .bind(&records[3].pns.nip)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(history as usize, records[3].golongan.len());
    assert!(personnel.master("199001012015011999").await.unwrap().is_none());

    // The one-query record load returns exactly what was stored, history and family in date
    // order, and the stored JSON agrees with the tables it was built from.
    for record in &records {
        assert_eq!(personnel.record(&record.pns.nip).await.unwrap().as_ref(), Some(record));
    }
    assert!(records.iter().any(|r| !r.pasangan.is_empty()) && records.iter().any(|r| !r.anak.is_empty()));
    let disagreeing: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pns_rekam r JOIN pns_lengkap v USING (nip) WHERE r.rekam::text <> v.rekam::text",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(disagreeing, 0);
    assert!(personnel.record("199001012015011999").await.unwrap().is_none());
}
