//! The routing table: which levels a proposal of an instansi kind takes, and which office
//! works each level (`verifikasi_rute`, data an agency can change).

use sqlx::PgConnection;

/// The levels a round takes, in order: the union of the levels of its change kinds.
pub(crate) async fn levels(conn: &mut PgConnection, jenis_instansi: &str, kinds: &[&str]) -> sqlx::Result<Vec<i16>> {
    let kinds: Vec<String> = kinds.iter().map(|k| (*k).to_owned()).collect();
    sqlx::query_scalar!(
        "SELECT DISTINCT tingkat FROM verifikasi_rute
         WHERE jenis_instansi = $1 AND jenis_perubahan = ANY($2) ORDER BY tingkat",
        jenis_instansi,
        &kinds
    )
    .fetch_all(conn)
    .await
}

/// The office that works `tingkat` for an instansi kind, as the PNS's timeline names it.
pub(crate) async fn kantor(conn: &mut PgConnection, jenis_instansi: &str, tingkat: i16) -> sqlx::Result<String> {
    let kantor = sqlx::query_scalar!(
        "SELECT kantor FROM verifikasi_rute WHERE jenis_instansi = $1 AND tingkat = $2 LIMIT 1",
        jenis_instansi,
        tingkat
    )
    .fetch_optional(conn)
    .await?;
    Ok(kantor.unwrap_or_else(|| format!("Verifikator L{tingkat}")))
}
