//! An instansi admin's changes to the unit tree (#13): add, rename, move and close a unit,
//! each audited with before and after. Paths are materialised (`<id>/<id>/…/`), so a move
//! rewrites the path of the unit and everything below it; the copies other services keep
//! (an L1 grant's path, a work item's path) are rewritten by them in the same transaction
//! (`identity::Identity::follow_unit_move`, `verification::Verification::follow_unit_move`).
//! What keeps a unit from closing beyond its own open children (PNS, open work, verifiers)
//! belongs to other services and is checked by the caller before `close_unit`.

use access::{audit, CurrentUser, ServiceError};
use domain::unor::{parse_jenis_unit, parse_nama_unit};
use domain::ErrorCode;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{Reference, Unor};

/// A unit moved: its path before and after (every path below changed the same way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pindah {
    pub lama: String,
    pub baru: String,
}

type UnitRow = (Uuid, Uuid, Option<Uuid>, String, String, String, bool);

fn unit((id, instansi_id, parent_id, nama, jenis, path, _): UnitRow) -> Unor {
    Unor { id, instansi_id, parent_id, nama, jenis, path }
}

/// The unit, locked, if it belongs to the instansi; anything else is "not found".
async fn locked(conn: &mut PgConnection, instansi_id: Uuid, id: Uuid) -> Result<(Unor, bool), ServiceError> {
    let row: Option<UnitRow> = sqlx::query_as(
        "SELECT id, instansi_id, parent_id, nama, jenis, path, ditutup_pada IS NOT NULL FROM unor
         WHERE id = $1 AND instansi_id = $2 FOR UPDATE",
    )
    .bind(id)
    .bind(instansi_id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = row.ok_or(ErrorCode::NotFound)?;
    let ditutup = row.6;
    Ok((unit(row), ditutup))
}

/// An open parent of the instansi, locked, or refused.
async fn open_parent(conn: &mut PgConnection, instansi_id: Uuid, id: Uuid) -> Result<Unor, ServiceError> {
    match locked(conn, instansi_id, id).await? {
        (_, true) => Err(ErrorCode::UnitClosed.into()),
        (parent, false) => Ok(parent),
    }
}

fn snapshot(u: &Unor) -> serde_json::Value {
    serde_json::json!({ "nama": u.nama, "jenis": u.jenis, "induk": u.parent_id, "path": u.path })
}

impl Reference {
    /// An open unit of the instansi, held (`FOR SHARE`) until the caller's transaction ends:
    /// no move or close changes its path meanwhile, so a grant that copies the path (an L1
    /// verifier's) stays right. Closed, another instansi's or none: `None`.
    pub async fn hold_open_unit(
        &self,
        conn: &mut PgConnection,
        instansi_id: Uuid,
        id: Uuid,
    ) -> sqlx::Result<Option<Unor>> {
        let row: Option<UnitRow> = sqlx::query_as(
            "SELECT id, instansi_id, parent_id, nama, jenis, path, false FROM unor
             WHERE id = $1 AND instansi_id = $2 AND ditutup_pada IS NULL FOR SHARE",
        )
        .bind(id)
        .bind(instansi_id)
        .fetch_optional(conn)
        .await?;
        Ok(row.map(unit))
    }

    /// Every unit of the instansi in tree order with whether it is closed.
    pub async fn units_for_admin(&self, instansi_id: Uuid) -> sqlx::Result<Vec<(Unor, bool)>> {
        let rows: Vec<UnitRow> = sqlx::query_as(
            "SELECT id, instansi_id, parent_id, nama, jenis, path, ditutup_pada IS NOT NULL FROM unor
             WHERE instansi_id = $1 ORDER BY path",
        )
        .bind(instansi_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let ditutup = r.6;
                (unit(r), ditutup)
            })
            .collect())
    }

    /// Adds a unit under an open `parent` of the instansi (or as a root).
    pub async fn add_unit(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        parent: Option<Uuid>,
        nama: &str,
        jenis: &str,
        ip: &str,
    ) -> Result<Unor, ServiceError> {
        let (nama, jenis) = (parse_nama_unit(nama)?, parse_jenis_unit(jenis)?);
        let mut tx = self.pool.begin().await?;
        let parent_path = match parent {
            Some(id) => open_parent(&mut tx, instansi_id, id).await?.path,
            None => String::new(),
        };
        let id = Uuid::new_v4();
        let baru =
            Unor { id, instansi_id, parent_id: parent, nama, jenis, path: format!("{parent_path}{}/", id.simple()) };
        sqlx::query("INSERT INTO unor (id, instansi_id, parent_id, nama, jenis, path) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(baru.id)
            .bind(instansi_id)
            .bind(parent)
            .bind(&baru.nama)
            .bind(&baru.jenis)
            .bind(&baru.path)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({ "instansi_id": instansi_id, "unor_id": id, "sebelum": null, "sesudah": snapshot(&baru) });
        audit::record(&mut *tx, Some(by.account_id), "unor_added", None, ip, detail).await?;
        tx.commit().await?;
        Ok(baru)
    }

    /// Renames a unit (and sets its kind); records name it by id, so they show the new name.
    pub async fn rename_unit(
        &self,
        by: &CurrentUser,
        instansi_id: Uuid,
        id: Uuid,
        nama: &str,
        jenis: &str,
        ip: &str,
    ) -> Result<Unor, ServiceError> {
        let (nama, jenis) = (parse_nama_unit(nama)?, parse_jenis_unit(jenis)?);
        let mut tx = self.pool.begin().await?;
        let (sebelum, _) = locked(&mut tx, instansi_id, id).await?;
        sqlx::query("UPDATE unor SET nama = $2, jenis = $3 WHERE id = $1")
            .bind(id)
            .bind(&nama)
            .bind(&jenis)
            .execute(&mut *tx)
            .await?;
        let sesudah = Unor { nama, jenis, ..sebelum.clone() };
        let detail = serde_json::json!({ "instansi_id": instansi_id, "unor_id": id, "sebelum": snapshot(&sebelum), "sesudah": snapshot(&sesudah) });
        audit::record(&mut *tx, Some(by.account_id), "unor_renamed", None, ip, detail).await?;
        tx.commit().await?;
        self.names.write().expect("names lock").remove(&id);
        Ok(sesudah)
    }

    /// Moves an open unit, with everything below it, under another open unit of the instansi
    /// (or to the root), on `conn`, the caller's transaction: the caller has the other
    /// services follow the returned paths before it commits.
    pub async fn move_unit(
        &self,
        conn: &mut PgConnection,
        by: &CurrentUser,
        instansi_id: Uuid,
        id: Uuid,
        parent: Option<Uuid>,
        ip: &str,
    ) -> Result<Pindah, ServiceError> {
        let (sebelum, ditutup) = locked(conn, instansi_id, id).await?;
        if ditutup {
            return Err(ErrorCode::UnitClosed.into());
        }
        let parent_path = match parent {
            Some(p) => open_parent(conn, instansi_id, p).await?.path,
            None => String::new(),
        };
        if parent_path.starts_with(&sebelum.path) {
            return Err(ErrorCode::UnitMoveIntoItself.into());
        }
        let pindah = Pindah { lama: sebelum.path.clone(), baru: format!("{parent_path}{}/", id.simple()) };
        sqlx::query("UPDATE unor SET parent_id = $2 WHERE id = $1").bind(id).bind(parent).execute(&mut *conn).await?;
        sqlx::query(
            "UPDATE unor SET path = $3 || substr(path, length($2) + 1)
             WHERE instansi_id = $1 AND starts_with(path, $2)",
        )
        .bind(instansi_id)
        .bind(&pindah.lama)
        .bind(&pindah.baru)
        .execute(&mut *conn)
        .await?;
        let sesudah = Unor { parent_id: parent, path: pindah.baru.clone(), ..sebelum.clone() };
        let detail = serde_json::json!({ "instansi_id": instansi_id, "unor_id": id, "sebelum": snapshot(&sebelum), "sesudah": snapshot(&sesudah) });
        audit::record(&mut *conn, Some(by.account_id), "unor_moved", None, ip, detail).await?;
        Ok(pindah)
    }

    /// Locks an open unit of the instansi on `conn` and returns it: the caller checks what
    /// other services hold in its subtree, then calls `close_unit` in the same transaction.
    pub async fn unit_to_close(
        &self,
        conn: &mut PgConnection,
        instansi_id: Uuid,
        id: Uuid,
    ) -> Result<Unor, ServiceError> {
        let (u, ditutup) = locked(conn, instansi_id, id).await?;
        if ditutup {
            return Err(ErrorCode::UnitClosed.into());
        }
        let open_children: i64 =
            sqlx::query_scalar("SELECT count(*) FROM unor WHERE parent_id = $1 AND ditutup_pada IS NULL")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        if open_children > 0 {
            return Err(ErrorCode::UnitHasChildren.into());
        }
        Ok(u)
    }

    /// Closes the unit `unit_to_close` returned.
    pub async fn close_unit(
        &self,
        conn: &mut PgConnection,
        by: &CurrentUser,
        u: &Unor,
        ip: &str,
    ) -> Result<(), ServiceError> {
        sqlx::query("UPDATE unor SET ditutup_pada = now() WHERE id = $1").bind(u.id).execute(&mut *conn).await?;
        let detail = serde_json::json!({ "instansi_id": u.instansi_id, "unor_id": u.id, "sebelum": snapshot(u), "sesudah": "ditutup" });
        audit::record(&mut *conn, Some(by.account_id), "unor_closed", None, ip, detail).await?;
        Ok(())
    }
}
