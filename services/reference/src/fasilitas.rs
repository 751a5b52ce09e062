//! The instansi's health facilities and schools (#13): the admin adds, renames and closes
//! them, one by one or from CSV; Data Dokter and Data Guru pick an open one by id. A closed
//! facility stays readable wherever a proposal named it and is offered in no picker. Every
//! change is audited with before and after.

use std::collections::HashSet;

use access::{audit, CurrentUser, ServiceError};
use domain::fasilitas::{baca_csv, parse_nama_fasilitas, BidangFasilitas};
use domain::unor_impor::{BarisPratinjau, PratinjauImpor};
use domain::ErrorCode;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{Labels, Reference};

/// One facility of an instansi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fasilitas {
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub bidang: BidangFasilitas,
    pub nama: String,
    /// A code of `bidang.daftar_jenis()`.
    pub jenis: String,
    pub ditutup: bool,
}

type Row = (Uuid, Uuid, String, String, String, bool);

fn fasilitas((id, instansi_id, bidang, nama, jenis, ditutup): Row) -> sqlx::Result<Fasilitas> {
    let bidang = BidangFasilitas::parse(&bidang).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Fasilitas { id, instansi_id, bidang, nama, jenis, ditutup })
}

const COLUMNS: &str = "id, instansi_id, bidang, nama, jenis, ditutup_pada IS NOT NULL";

fn snapshot(f: &Fasilitas) -> serde_json::Value {
    serde_json::json!({ "bidang": f.bidang.code(), "nama": f.nama, "jenis": f.jenis, "ditutup": f.ditutup })
}

/// The kind as the admin wrote it, as a code of the field's list of kinds: its code, its name
/// or the short name in its brackets ("SD" for "Sekolah Dasar (SD)"), case aside; an entry no
/// longer in use is not offered.
fn jenis(labels: &Labels, bidang: BidangFasilitas, ditulis: &str) -> Result<String, ErrorCode> {
    let list = bidang.daftar_jenis();
    let ditulis = ditulis.trim().to_lowercase();
    let in_brackets = format!("({ditulis})");
    let kode = labels
        .list(list)
        .iter()
        .find(|(kode, nama)| {
            let nama = nama.to_lowercase();
            kode.to_lowercase() == ditulis || nama == ditulis || nama.ends_with(&in_brackets)
        })
        .map(|(kode, _)| kode.clone());
    kode.filter(|k| labels.choosable(list, k)).ok_or(ErrorCode::FacilityKindUnknown)
}

/// The facility, locked, if it belongs to the instansi; anything else is "not found".
async fn locked(conn: &mut PgConnection, instansi_id: Uuid, id: Uuid) -> Result<Fasilitas, ServiceError> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM fasilitas WHERE id = $1 AND instansi_id = $2 FOR UPDATE"))
            .bind(id)
            .bind(instansi_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(fasilitas(row.ok_or(ErrorCode::NotFound)?)?)
}

impl Reference {
    /// Every facility of the instansi in the field, open ones first, by name.
    pub async fn facilities(&self, instansi_id: Uuid, bidang: BidangFasilitas) -> sqlx::Result<Vec<Fasilitas>> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM fasilitas WHERE instansi_id = $1 AND bidang = $2
             ORDER BY ditutup_pada IS NOT NULL, lower(nama)"
        ))
        .bind(instansi_id)
        .bind(bidang.code())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(fasilitas).collect()
    }

    /// The facilities among `ids` that belong to the instansi (open or closed): what a
    /// form's save check and the names of a record need.
    pub async fn facilities_by_id(&self, instansi_id: Uuid, ids: &[Uuid]) -> sqlx::Result<Vec<Fasilitas>> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM fasilitas WHERE instansi_id = $1 AND id = ANY($2)"))
                .bind(instansi_id)
                .bind(ids)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(fasilitas).collect()
    }

    /// Up to `limit` open facilities of the instansi in the field whose names contain
    /// `query`, as (id, nama), names starting with it first.
    pub async fn search_facilities(
        &self,
        instansi_id: Uuid,
        bidang: BidangFasilitas,
        query: &str,
        limit: i64,
    ) -> sqlx::Result<Vec<(String, String)>> {
        let rows: Vec<(Uuid, String)> = sqlx::query_as(
            "SELECT id, nama FROM fasilitas
             WHERE instansi_id = $1 AND bidang = $2 AND ditutup_pada IS NULL AND lower(nama) LIKE '%' || $3 || '%'
             ORDER BY CASE WHEN lower(nama) LIKE $3 || '%' THEN 0 ELSE 1 END, lower(nama) LIMIT $4",
        )
        .bind(instansi_id)
        .bind(bidang.code())
        .bind(crate::search::like_fragment(query))
        .bind(limit.max(0))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, nama)| (id.to_string(), nama)).collect())
    }

    /// Adds a facility unless the instansi has one of that name: for the demo seed, which runs
    /// on every start (an admin's addition goes through `add_facility`, audited).
    pub async fn ensure_facility(
        &self,
        instansi_id: Uuid,
        bidang: BidangFasilitas,
        nama: &str,
        jenis: &str,
    ) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (instansi_id, bidang, lower(nama)) DO NOTHING",
        )
        .bind(Uuid::new_v4())
        .bind(instansi_id)
        .bind(bidang.code())
        .bind(nama)
        .bind(jenis)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Adds a facility to the instansi's list.
    pub async fn add_facility(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        bidang: BidangFasilitas,
        nama: &str,
        jenis_ditulis: &str,
        ip: &str,
    ) -> Result<Fasilitas, ServiceError> {
        let nama = parse_nama_fasilitas(nama)?;
        let jenis = jenis(&*self.labels().await?, bidang, jenis_ditulis)?;
        let baru = Fasilitas { id: Uuid::new_v4(), instansi_id, bidang, nama, jenis, ditutup: false };
        let mut tx = self.pool.begin().await?;
        insert(&mut tx, &baru).await?;
        let detail = serde_json::json!({ "instansi_id": instansi_id, "fasilitas_id": baru.id, "sebelum": null, "sesudah": snapshot(&baru) });
        audit::record(&mut *tx, Some(by.account_id), "fasilitas_added", None, ip, detail).await?;
        tx.commit().await?;
        Ok(baru)
    }

    /// Renames a facility (and sets its kind); proposals name it by id, so they show the new name.
    pub async fn change_facility(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        id: Uuid,
        nama: &str,
        jenis_ditulis: &str,
        ip: &str,
    ) -> Result<Fasilitas, ServiceError> {
        let nama = parse_nama_fasilitas(nama)?;
        let labels = self.labels().await?;
        let mut tx = self.pool.begin().await?;
        let sebelum = locked(&mut tx, instansi_id, id).await?;
        let jenis = jenis(&labels, sebelum.bidang, jenis_ditulis)?;
        sqlx::query("UPDATE fasilitas SET nama = $2, jenis = $3 WHERE id = $1")
            .bind(id)
            .bind(&nama)
            .bind(&jenis)
            .execute(&mut *tx)
            .await?;
        let sesudah = Fasilitas { nama, jenis, ..sebelum.clone() };
        let detail = serde_json::json!({ "instansi_id": instansi_id, "fasilitas_id": id, "sebelum": snapshot(&sebelum), "sesudah": snapshot(&sesudah) });
        audit::record(&mut *tx, Some(by.account_id), "fasilitas_changed", None, ip, detail).await?;
        tx.commit().await?;
        self.names.write().expect("names lock").remove(&id);
        Ok(sesudah)
    }

    /// Closes a facility: no picker offers it from now on, and a form that still names it is
    /// asked to choose another before it is sent; what was already sent keeps reading it.
    pub async fn close_facility(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        id: Uuid,
        ip: &str,
    ) -> Result<(), ServiceError> {
        let mut tx = self.pool.begin().await?;
        let sebelum = locked(&mut tx, instansi_id, id).await?;
        if sebelum.ditutup {
            return Err(ErrorCode::FacilityClosed.into());
        }
        sqlx::query("UPDATE fasilitas SET ditutup_pada = now() WHERE id = $1").bind(id).execute(&mut *tx).await?;
        let sesudah = Fasilitas { ditutup: true, ..sebelum.clone() };
        let detail = serde_json::json!({ "instansi_id": instansi_id, "fasilitas_id": id, "sebelum": snapshot(&sebelum), "sesudah": snapshot(&sesudah) });
        audit::record(&mut *tx, Some(by.account_id), "fasilitas_closed", None, ip, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks the CSV `text` (`nama;jenis`) against the instansi's list and, when `tulis` and
    /// every line is right, adds all its facilities in one transaction with one audit row.
    /// Otherwise nothing is written and the preview says why, line by line.
    pub async fn import_facilities(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        bidang: BidangFasilitas,
        text: &str,
        tulis: bool,
        ip: &str,
    ) -> Result<PratinjauImpor, ServiceError> {
        let rows = baca_csv(text)?;
        let labels = self.labels().await?;
        let mut tx = self.pool.begin().await?;
        // One import of an instansi's list at a time: two of the same file would both find
        // its names free and the second would fail on the unique index half-way.
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('fasilitas_impor:' || $1::text || $2, 0))")
            .bind(instansi_id)
            .bind(bidang.code())
            .execute(&mut *tx)
            .await?;
        let names: Vec<String> =
            sqlx::query_scalar("SELECT lower(nama) FROM fasilitas WHERE instansi_id = $1 AND bidang = $2")
                .bind(instansi_id)
                .bind(bidang.code())
                .fetch_all(&mut *tx)
                .await?;
        let mut known: HashSet<String> = names.into_iter().collect();
        let (mut preview, mut plan) = (Vec::with_capacity(rows.len()), Vec::new());
        for row in rows {
            let row = match row {
                Ok(row) => row,
                Err(bad) => {
                    preview.push(bad);
                    continue;
                }
            };
            let kode = jenis(&labels, bidang, &row.jenis);
            let galat = match &kode {
                _ if known.contains(&row.nama.to_lowercase()) => Some(ErrorCode::FacilityExists),
                Err(galat) => Some(*galat),
                Ok(kode) => {
                    known.insert(row.nama.to_lowercase());
                    plan.push(Fasilitas {
                        id: Uuid::new_v4(),
                        instansi_id,
                        bidang,
                        nama: row.nama.clone(),
                        jenis: kode.clone(),
                        ditutup: false,
                    });
                    None
                }
            };
            let jenis_nama =
                kode.ok().and_then(|k| labels.name(bidang.daftar_jenis(), &k).map(str::to_owned)).unwrap_or(row.jenis);
            preview.push(BarisPratinjau { baris: row.baris, jalur: row.nama, jenis: jenis_nama, galat });
        }
        let mut result = PratinjauImpor { baris: preview, ditulis: false };
        if !tulis || result.galat() > 0 {
            return Ok(result);
        }
        for f in &plan {
            insert(&mut tx, f).await?;
        }
        let added: Vec<_> =
            plan.iter().map(|f| serde_json::json!({ "id": f.id, "nama": f.nama, "jenis": f.jenis })).collect();
        let detail = serde_json::json!({ "instansi_id": instansi_id, "bidang": bidang.code(), "jumlah": plan.len(), "sebelum": null, "sesudah": added });
        audit::record(&mut *tx, Some(by.account_id), "fasilitas_imported", None, ip, detail).await?;
        tx.commit().await?;
        result.ditulis = true;
        Ok(result)
    }
}

async fn insert(conn: &mut PgConnection, f: &Fasilitas) -> Result<(), ServiceError> {
    sqlx::query("INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis) VALUES ($1, $2, $3, $4, $5)")
        .bind(f.id)
        .bind(f.instansi_id)
        .bind(f.bidang.code())
        .bind(&f.nama)
        .bind(&f.jenis)
        .execute(conn)
        .await?;
    Ok(())
}
