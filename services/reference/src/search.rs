//! Type-ahead search over the national code lists (jurusan, JFT, JFU, diklat, mata pelajaran,
//! bidang spesialis, negara, ...) and the kabupaten/kota of a province.
//!
//! Matching is a case-insensitive substring match on the name. Names starting with the typed text
//! come first ("guru" → "Guru Ahli Pertama"), then names with a word starting with it
//! ("matematika" → "S1 Pendidikan Matematika"), then any other match ("rawat" → "D3 Keperawatan");
//! within each tier the list's own order (urutan), then the name. `%`, `_` and `\` in the typed text match literally.
//!
//! The list `DaftarKode::KabupatenKota` searches and checks the kabupaten/kota table, so a picker
//! for a work location can use the same two calls as every other list. Units (unor) and
//! facilities are searched within one instansi (`search_instansi_list`).

use domain::fasilitas::BidangFasilitas;
use domain::DaftarKode;
use uuid::Uuid;

/// The typed text as a LIKE-safe, lower-cased fragment: `%`, `_` and `\` match themselves.
pub(crate) fn like_fragment(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for c in query.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl crate::Reference {
    /// Up to `limit` entries of the list `jenis` whose name contains `query` (case-insensitive),
    /// as (kode, nama). A blank query returns the first `limit` entries in list order.
    pub async fn search_codes(
        &self,
        jenis: DaftarKode,
        query: &str,
        limit: i64,
    ) -> sqlx::Result<Vec<(String, String)>> {
        let fragment = like_fragment(query);
        let limit = limit.max(0);
        if jenis == DaftarKode::KabupatenKota {
            let rows = sqlx::query!(
                r#"SELECT kode, nama FROM kabupaten_kota
                   WHERE lower(nama) LIKE '%' || $1 || '%'
                   ORDER BY CASE WHEN lower(nama) LIKE $1 || '%' THEN 0
                                 WHEN lower(nama) LIKE '% ' || $1 || '%' THEN 1
                                 ELSE 2 END,
                            kode
                   LIMIT $2"#,
                fragment,
                limit
            )
            .fetch_all(&self.pool)
            .await?;
            return Ok(rows.into_iter().map(|r| (r.kode, r.nama)).collect());
        }
        // Retired entries are never offered.
        sqlx::query_as(
            r#"SELECT kode, nama FROM kode_referensi
               WHERE jenis = $1 AND aktif AND lower(nama) LIKE '%' || $2 || '%'
               ORDER BY CASE WHEN lower(nama) LIKE $2 || '%' THEN 0
                             WHEN lower(nama) LIKE '% ' || $2 || '%' OR lower(nama) LIKE '%(' || $2 || '%' THEN 1
                             ELSE 2 END,
                        urutan, nama
               LIMIT $3"#,
        )
        .bind(jenis.code())
        .bind(fragment)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// Up to `limit` units of one instansi whose name contains `query`, as (id, nama), in
    /// tree order (a large instansi has thousands; the picker asks on every keystroke).
    pub async fn search_unor(&self, instansi_id: Uuid, query: &str, limit: i64) -> sqlx::Result<Vec<(String, String)>> {
        // A closed unit is offered no more.
        let rows: Vec<(Uuid, String)> = sqlx::query_as(
            r#"SELECT id, nama FROM unor
               WHERE instansi_id = $1 AND ditutup_pada IS NULL AND lower(nama) LIKE '%' || $2 || '%'
               ORDER BY path
               LIMIT $3"#,
        )
        .bind(instansi_id)
        .bind(like_fragment(query))
        .bind(limit.max(0))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, nama)| (id.to_string(), nama)).collect())
    }

    /// Up to `limit` open entries of one of the instansi's own lists (its units, its
    /// facilities: `DaftarKode::Unor`, `FasilitasKesehatan`, `FasilitasPendidikan`) whose
    /// names contain `query`, as (id, nama); no other list is the instansi's.
    pub async fn search_instansi_list(
        &self,
        list: DaftarKode,
        instansi_id: Uuid,
        query: &str,
        limit: i64,
    ) -> sqlx::Result<Vec<(String, String)>> {
        match BidangFasilitas::of_daftar(list) {
            Some(bidang) => self.search_facilities(instansi_id, bidang, query, limit).await,
            None if list == DaftarKode::Unor => self.search_unor(instansi_id, query, limit).await,
            None => Ok(Vec::new()),
        }
    }

    /// The name of an open entry `id` of one of the instansi's own lists, if it is one.
    pub async fn open_instansi_entry(
        &self,
        list: DaftarKode,
        instansi_id: Uuid,
        id: Uuid,
    ) -> sqlx::Result<Option<String>> {
        match BidangFasilitas::of_daftar(list) {
            Some(bidang) => Ok(self
                .facilities_by_id(instansi_id, &[id])
                .await?
                .into_iter()
                .find(|f| f.bidang == bidang && !f.ditutup)
                .map(|f| f.nama)),
            None if list == DaftarKode::Unor => Ok(self.open_unor(instansi_id, id).await?.map(|u| u.nama)),
            None => Ok(None),
        }
    }

    /// Whether `kode` is an entry of the list `jenis` that may be chosen (for validating a
    /// picked value): retired entries are not.
    pub async fn code_exists(&self, jenis: DaftarKode, kode: &str) -> sqlx::Result<bool> {
        if jenis == DaftarKode::KabupatenKota {
            return sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM kabupaten_kota WHERE kode = $1) AS "exists!""#,
                kode
            )
            .fetch_one(&self.pool)
            .await;
        }
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM kode_referensi WHERE jenis = $1 AND kode = $2 AND aktif)")
            .bind(jenis.code())
            .bind(kode)
            .fetch_one(&self.pool)
            .await
    }

    /// Every kabupaten/kota of a province as (kode, nama), kabupaten first, in code order.
    pub async fn kabupaten_kota(&self, provinsi_kode: &str) -> sqlx::Result<Vec<(String, String)>> {
        let rows = sqlx::query!(
            r#"SELECT kode, nama FROM kabupaten_kota WHERE provinsi_kode = $1 ORDER BY kode"#,
            provinsi_kode
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.kode, r.nama)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::like_fragment;

    #[test]
    fn typed_text_is_trimmed_lowered_and_escaped() {
        assert_eq!(like_fragment("  Guru "), "guru");
        assert_eq!(like_fragment("50%_a\\b"), "50\\%\\_a\\\\b");
        assert_eq!(like_fragment(""), "");
    }
}
