//! Importing units into an instansi's tree from CSV (#13): every line is checked against the
//! tree and the lines before it, and the preview lists each line's place or reason. Writing
//! checks again in the same transaction that writes: all the units, or none.

use std::collections::HashMap;

use access::{audit, CurrentUser, ServiceError};
use domain::unor_impor::{baca_csv, kunci, BarisPratinjau, PratinjauImpor};
use domain::ErrorCode;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::Reference;

/// A unit of the plan: the line's new unit with its parent (an existing or earlier one).
struct Baru {
    id: Uuid,
    parent: Option<Uuid>,
    path: String,
    nama: String,
    jenis: String,
}

/// The instansi's open units by their path of names (lower case), held (`FOR SHARE`) so no
/// move, rename or close changes a parent while the import reads and writes.
async fn tree(conn: &mut PgConnection, instansi_id: Uuid) -> sqlx::Result<HashMap<Vec<String>, (Uuid, String)>> {
    let rows: Vec<(Uuid, Option<Uuid>, String, String)> = sqlx::query_as(
        "SELECT id, parent_id, nama, path FROM unor WHERE instansi_id = $1 AND ditutup_pada IS NULL
         ORDER BY path FOR SHARE",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?;
    // In path order a parent comes before its children: each unit's names extend its parent's.
    let mut names: HashMap<Uuid, Vec<String>> = HashMap::new();
    let mut by_names = HashMap::new();
    for (id, parent, nama, path) in rows {
        let mut jalur = parent.and_then(|p| names.get(&p).cloned()).unwrap_or_default();
        jalur.push(nama.to_lowercase());
        names.insert(id, jalur.clone());
        by_names.entry(jalur).or_insert((id, path));
    }
    Ok(by_names)
}

impl Reference {
    /// Checks the CSV `text` against the instansi's tree and, when `tulis` and every line is
    /// right, adds all its units in one transaction (one audit row lists them). Otherwise
    /// nothing is written and the preview says why, line by line.
    pub async fn import_units(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        text: &str,
        tulis: bool,
        ip: &str,
    ) -> Result<PratinjauImpor, ServiceError> {
        let rows = baca_csv(text)?;
        let mut tx = self.pool.begin().await?;
        // One import of an instansi at a time: two of the same file would both find its
        // units missing and write them twice.
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('unor_impor:' || $1::text, 0))")
            .bind(instansi_id)
            .execute(&mut *tx)
            .await?;
        let mut known = tree(&mut tx, instansi_id).await?;
        let (mut preview, mut plan) = (Vec::with_capacity(rows.len()), Vec::new());
        for row in rows {
            let row = match row {
                Ok(row) => row,
                Err(bad) => {
                    preview.push(bad);
                    continue;
                }
            };
            let key = kunci(&row.jalur());
            let parent = if row.induk.is_empty() { Some(None) } else { known.get(&kunci(&row.induk)).map(Some) };
            let galat = match parent {
                _ if known.contains_key(&key) => Some(ErrorCode::UnitImportExists),
                None => Some(ErrorCode::UnitImportParentMissing),
                Some(parent) => {
                    let (parent, parent_path) =
                        parent.map_or((None, String::new()), |(id, path)| (Some(*id), path.clone()));
                    let id = Uuid::new_v4();
                    let path = format!("{parent_path}{}/", id.simple());
                    known.insert(key, (id, path.clone()));
                    plan.push(Baru { id, parent, path, nama: row.nama.clone(), jenis: row.jenis.clone() });
                    None
                }
            };
            preview.push(BarisPratinjau { baris: row.baris, jalur: row.jalur().join(" / "), jenis: row.jenis, galat });
        }
        let mut result = PratinjauImpor { baris: preview, ditulis: false };
        if !tulis || result.galat() > 0 {
            return Ok(result);
        }
        for unit in &plan {
            sqlx::query(
                "INSERT INTO unor (id, instansi_id, parent_id, nama, jenis, path) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(unit.id)
            .bind(instansi_id)
            .bind(unit.parent)
            .bind(&unit.nama)
            .bind(&unit.jenis)
            .bind(&unit.path)
            .execute(&mut *tx)
            .await?;
        }
        let added: Vec<_> =
            plan.iter().map(|u| serde_json::json!({ "id": u.id, "nama": u.nama, "induk": u.parent })).collect();
        let detail =
            serde_json::json!({ "instansi_id": instansi_id, "jumlah": plan.len(), "sebelum": null, "sesudah": added });
        audit::record(&mut *tx, Some(by.account_id), "unor_imported", None, ip, detail).await?;
        tx.commit().await?;
        result.ditulis = true;
        Ok(result)
    }
}
