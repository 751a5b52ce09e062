//! "[?]" flags: a PNS marks a field whose right value cannot be chosen and says why. The flag
//! stays on the field; the help desk takes it up as a ticket (`take_flag`, in the ticket's own
//! transaction) and solving the ticket settles it (`follow_ticket`).

use domain::form::{Bagian, Formulir, Kind, StatusTanda, Tanda};
use domain::hds::{DariTanda, Kategori};
use domain::ErrorCode;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::store::Personnel;
use crate::usulan::{decode, removed_one, UsulanError};

pub(crate) fn refused(code: ErrorCode) -> UsulanError {
    UsulanError::Refused(code)
}

/// A flag as stored.
pub(crate) struct Flag {
    pub nip: String,
    pub bagian: String,
    pub entri: Option<String>,
    pub field: String,
    pub keterangan: String,
    pub status: String,
}

impl Personnel {
    /// Flags a field "[?]": kept against the field until the helpdesk takes it up.
    pub async fn flag_field(
        &self,
        nip: &str,
        bagian: Bagian,
        entri: Option<&str>,
        field: &str,
        keterangan: &str,
    ) -> Result<Tanda, UsulanError> {
        let mut tx = self.pool.begin().await?;
        let id = insert_flag(&mut tx, nip, (bagian, entri, field), keterangan, None).await?;
        tx.commit().await?;
        Ok(Tanda {
            id: id.to_string(),
            bagian,
            entri: entri.map(str::to_owned),
            field: field.to_owned(),
            keterangan: keterangan.trim().to_owned(),
            status: StatusTanda::Terbuka,
            tiket_id: None,
            tiket_nomor: None,
            saran: None,
        })
    }

    /// Withdraws an open flag of the PNS's own (one the helpdesk has not taken yet).
    pub async fn withdraw_flag(&self, nip: &str, id: &str) -> Result<(), UsulanError> {
        let id = Uuid::parse_str(id).map_err(|_| refused(ErrorCode::BadRequest))?;
        let done = sqlx::query!(
            "DELETE FROM usulan_tanda WHERE id = $1 AND nip = $2 AND status = $3",
            id,
            nip,
            StatusTanda::Terbuka.code()
        )
        .execute(&self.pool)
        .await?;
        removed_one(done)
    }

    /// One of the PNS's own open flags, with the field's master value and the value in their
    /// form, to start a ticket from. Another's flag is "not found"; one already taken up is
    /// `FlagNotOpen`.
    pub async fn flag_for_ticket(&self, nip: &str, id: &str) -> Result<DariTanda, UsulanError> {
        let id = Uuid::parse_str(id).map_err(|_| refused(ErrorCode::NotFound))?;
        let flag = self.flag(id).await?.filter(|f| f.nip == nip).ok_or(refused(ErrorCode::NotFound))?;
        if flag.status != StatusTanda::Terbuka.code() {
            return Err(refused(ErrorCode::FlagNotOpen));
        }
        self.describe(id.to_string(), flag, false).await
    }

    /// A field of the PNS's own form as a new ticket about it starts ("[?]" in the form): the
    /// field's master value and the value in their form. A field the section does not have is
    /// `BadRequest`.
    pub async fn field_for_ticket(
        &self,
        nip: &str,
        bagian: Bagian,
        entri: Option<&str>,
        field: &str,
    ) -> Result<DariTanda, UsulanError> {
        if !domain::form::flaggable(bagian, field) || entri.is_some_and(|e| e.len() > 100) {
            return Err(refused(ErrorCode::BadRequest));
        }
        let flag = Flag {
            nip: nip.to_owned(),
            bagian: bagian.slug().to_owned(),
            entri: entri.map(str::to_owned),
            field: field.to_owned(),
            keterangan: String::new(),
            status: StatusTanda::Terbuka.code().to_owned(),
        };
        self.describe(String::new(), flag, false).await
    }

    /// Flags a field together with the ticket raised about it, in the ticket's transaction:
    /// the flag starts out taken up by ticket `nomor`. `keterangan` is the ticket's subject.
    #[allow(clippy::too_many_arguments)]
    pub async fn flag_with_ticket(
        conn: &mut PgConnection,
        nip: &str,
        bagian: Bagian,
        entri: Option<&str>,
        field: &str,
        keterangan: &str,
        tiket_id: Uuid,
        nomor: &str,
    ) -> Result<Uuid, UsulanError> {
        insert_flag(conn, nip, (bagian, entri, field), keterangan, Some((tiket_id, nomor))).await
    }

    /// A flag as the officer answering its ticket sees it, with the values the field may take
    /// (`None`: no such flag).
    pub async fn flag_view(&self, id: Uuid) -> Result<Option<DariTanda>, UsulanError> {
        match self.flag(id).await? {
            Some(flag) => Ok(Some(self.describe(id.to_string(), flag, true).await?)),
            None => Ok(None),
        }
    }

    async fn flag(&self, id: Uuid) -> sqlx::Result<Option<Flag>> {
        sqlx::query_as!(
            Flag,
            "SELECT nip, bagian, entri, field, keterangan, status FROM usulan_tanda WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// The flag (`tanda_id`: empty for a field not flagged yet) with the field's values in the
    /// master and in the PNS's form, and (`with_choices`, for the officer) what it may take.
    async fn describe(&self, tanda_id: String, flag: Flag, with_choices: bool) -> Result<DariTanda, UsulanError> {
        let bagian = decode(Bagian::parse(&flag.bagian))?;
        let usulan = self.open_usulan(&flag.nip).await?.ok_or(refused(ErrorCode::NotFound))?;
        let entri = flag.entri.as_deref();
        let nilai_master = self.shown_value(&usulan.master_form, bagian, entri, &flag.field).await?;
        let nilai_usulan = self.shown_value(&usulan.isi, bagian, entri, &flag.field).await?;
        let spec = bagian.fields().iter().find(|f| f.key == flag.field);
        let jenis_jabatan = entry_index(&usulan.isi, bagian, entri)
            .map(|i| usulan.isi.get_field(bagian, i, "jenis_jabatan"))
            .unwrap_or_default();
        let list = spec.and_then(|spec| bagian.code_list(spec, &jenis_jabatan));
        let own_list = spec.and_then(|s| s.kind.instansi_list());
        let pilihan = match (spec.map(|s| s.kind), own_list, list) {
            _ if !with_choices => Vec::new(),
            (Some(Kind::Choice(opts)), _, _) => opts.iter().map(|o| (o.value.to_owned(), o.id.to_owned())).collect(),
            // The PNS's instansi's open units (in tree order) or facilities.
            (_, Some(own), _) => {
                let instansi = self.master(&flag.nip).await?.ok_or(refused(ErrorCode::NotFound))?.instansi_id;
                self.reference.search_instansi_list(own, instansi, "", 5000).await?
            }
            // Every active entry of the list the field picks from (the longest has a few hundred).
            (_, _, Some(list)) => self.reference.labels().await?.list(list).to_vec(),
            _ => Vec::new(),
        };
        Ok(DariTanda {
            tanda_id,
            bagian,
            kategori: Kategori::for_field(bagian, &flag.field, list),
            field: flag.field,
            keterangan: flag.keterangan,
            nilai_master,
            nilai_usulan,
            pilihan,
        })
    }

    /// A field's value as a person reads it: a code by its name, a unit or facility by its
    /// name; empty when the form has no such entry.
    pub(crate) async fn shown_value(
        &self,
        form: &Formulir,
        bagian: Bagian,
        entri: Option<&str>,
        key: &str,
    ) -> Result<String, UsulanError> {
        let Some(index) = entry_index(form, bagian, entri) else { return Ok(String::new()) };
        let value = form.get_field(bagian, index, key);
        let Some(spec) = bagian.fields().iter().find(|f| f.key == key) else { return Ok(value) };
        if spec.kind.instansi_list().is_some() {
            return Ok(match Uuid::parse_str(value.trim()) {
                Ok(id) => self.reference.names(&[id]).await?.remove(&id).unwrap_or(value),
                Err(_) => value,
            });
        }
        let jenis_jabatan = form.get_field(bagian, index, "jenis_jabatan");
        let labels = self.reference.labels().await?;
        Ok(match bagian.code_list(spec, &jenis_jabatan) {
            Some(list) => labels.name(list, &value).map(str::to_owned).unwrap_or(value),
            None => value,
        })
    }

    /// The help desk took the flag up as ticket `nomor`, in the ticket's own transaction.
    /// Refused unless it is the PNS's own flag and still open.
    pub async fn take_flag(
        conn: &mut PgConnection,
        nip: &str,
        id: Uuid,
        tiket_id: Uuid,
        nomor: &str,
    ) -> Result<(), UsulanError> {
        let taken = sqlx::query!(
            "UPDATE usulan_tanda SET status = $4, tiket_id = $5, tiket_nomor = $6
             WHERE id = $1 AND nip = $2 AND status = $3",
            id,
            nip,
            StatusTanda::Terbuka.code(),
            StatusTanda::Tiket.code(),
            tiket_id,
            nomor
        )
        .execute(&mut *conn)
        .await?;
        if taken.rows_affected() == 1 {
            return Ok(());
        }
        let exists = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM usulan_tanda WHERE id = $1 AND nip = $2) AS "ada!""#,
            id,
            nip
        )
        .fetch_one(&mut *conn)
        .await?;
        Err(refused(if exists { ErrorCode::FlagNotOpen } else { ErrorCode::NotFound }))
    }

    /// The flag follows its ticket: solved with it, and back to waiting if it reopens.
    pub async fn follow_ticket(conn: &mut PgConnection, tiket_id: Uuid, solved: bool) -> sqlx::Result<()> {
        let status = if solved { StatusTanda::Selesai } else { StatusTanda::Tiket };
        sqlx::query!("UPDATE usulan_tanda SET status = $2 WHERE tiket_id = $1", tiket_id, status.code())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

/// Writes a flag: open, or (`tiket`) already taken up by that ticket. The field must be one of
/// the section's, the explanation of sensible length, and the PNS under `MAX_TANDA` open flags.
async fn insert_flag(
    conn: &mut PgConnection,
    nip: &str,
    (bagian, entri, field): (Bagian, Option<&str>, &str),
    keterangan: &str,
    tiket: Option<(Uuid, &str)>,
) -> Result<Uuid, UsulanError> {
    domain::form::check_tanda(bagian, field, keterangan).map_err(refused)?;
    if entri.is_some_and(|e| e.is_empty() || e.len() > 100) {
        return Err(refused(ErrorCode::BadRequest));
    }
    let open = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM usulan_tanda WHERE nip = $1 AND status <> $2"#,
        nip,
        StatusTanda::Selesai.code()
    )
    .fetch_one(&mut *conn)
    .await?;
    if open as usize >= domain::form::MAX_TANDA {
        return Err(refused(ErrorCode::TooManyFlags));
    }
    let id = Uuid::new_v4();
    let status = if tiket.is_some() { StatusTanda::Tiket } else { StatusTanda::Terbuka };
    sqlx::query!(
        "INSERT INTO usulan_tanda (id, nip, bagian, entri, field, keterangan, status, tiket_id, tiket_nomor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        id,
        nip,
        bagian.slug(),
        entri,
        field,
        keterangan.trim(),
        status.code(),
        tiket.map(|(t, _)| t),
        tiket.map(|(_, n)| n)
    )
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Where a flag's entry is in `form`: `Some(None)` for a single section, the entry's index in
/// a list section, `None` when the form has no entry with that id.
pub(crate) fn entry_index(form: &Formulir, bagian: Bagian, entri: Option<&str>) -> Option<Option<usize>> {
    match entri {
        None => Some(None),
        Some(id) => (0..form.entry_count(bagian)).find(|&i| form.get_field(bagian, Some(i), "id") == id).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::form::EntriGolongan;

    #[test]
    fn a_flag_finds_its_entry_by_id() {
        let mut form = Formulir::default();
        form.golongan.push(EntriGolongan { id: "a".into(), ..Default::default() });
        form.golongan.push(EntriGolongan { id: "b".into(), ..Default::default() });
        assert_eq!(entry_index(&form, Bagian::DataUtama, None), Some(None));
        assert_eq!(entry_index(&form, Bagian::Golongan, Some("b")), Some(Some(1)));
        assert_eq!(entry_index(&form, Bagian::Golongan, Some("baru-1")), None);
    }
}
