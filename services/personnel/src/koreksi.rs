//! Correcting one field of the master record on a help-desk officer's word (tickets A–E
//! raised from a "[?]" flag): the officer has checked the evidence, so no proposal is needed.
//! One new master version, audited with before and after, in the ticket's own transaction;
//! the PNS's open proposal follows the new master where they had kept the old value.

use domain::form::{check_section, Bagian, Context, Formulir};
use domain::hds::KOREKSI_LEWAT_USULAN;
use domain::{ErrorCode, Nip};
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::master_form::master_form;
use crate::store::Personnel;
use crate::tanda::{entry_index, refused, Flag};
use crate::usulan::{decode, UsulanError};

/// What a correction changed, as the ticket tells the PNS.
#[derive(Debug, Clone, PartialEq)]
pub struct Koreksi {
    pub nip: String,
    pub bagian: Bagian,
    pub field: String,
    /// The values as a person reads them (codes by name).
    pub sebelum: String,
    pub sesudah: String,
    /// The new master version.
    pub versi: i32,
}

/// Who corrects, for the audit log.
pub struct Pengoreksi<'a> {
    pub akun_id: Uuid,
    pub ip: &'a str,
}

impl Personnel {
    /// Sets the field flagged by ticket `tiket_id`'s "[?]" to `nilai` in the master, on the
    /// caller's connection. The value passes the form's own rule for the field (and a code
    /// must be a known one); the fields that make the NIP are refused.
    pub async fn correct_master(
        &self,
        conn: &mut PgConnection,
        tiket_id: Uuid,
        nilai: &str,
        by: Pengoreksi<'_>,
    ) -> Result<Koreksi, UsulanError> {
        let flag = sqlx::query_as!(
            Flag,
            "SELECT nip, bagian, entri, field, keterangan, status FROM usulan_tanda WHERE tiket_id = $1 FOR UPDATE",
            tiket_id
        )
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(refused(ErrorCode::CorrectionNotAllowed))?;
        if KOREKSI_LEWAT_USULAN.contains(&flag.field.as_str()) {
            return Err(refused(ErrorCode::CorrectionNeedsProposal));
        }
        let bagian = decode(Bagian::parse(&flag.bagian))?;
        let spec = bagian.fields().iter().find(|f| f.key == flag.field).ok_or(refused(ErrorCode::BadRequest))?;
        let entri = flag.entri.as_deref();
        let nip = Nip::parse(&flag.nip).map_err(refused)?;

        // The master row is locked before it is read: no other write lands in between.
        sqlx::query_scalar!("SELECT versi FROM pns WHERE nip = $1 FOR UPDATE", flag.nip)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(refused(ErrorCode::NotFound))?;
        let record = self.record(&flag.nip).await?.ok_or(refused(ErrorCode::NotFound))?;
        let labels = self.reference.labels().await?;
        let before_form = master_form(&record, &labels);
        let index = entry_index(&before_form, bagian, entri).ok_or(refused(ErrorCode::NotFound))?;
        let nilai = nilai.trim();
        let before = before_form.get_field(bagian, index, &flag.field);
        if before == nilai {
            return Err(refused(ErrorCode::CorrectionSameValue));
        }
        let mut form = before_form.clone();
        form.set_field(bagian, index, &flag.field, nilai.to_owned());
        let cx = Context { nip: &nip, master: &before_form, today: self.today() };
        let rule = check_section(&form, bagian, &cx).into_iter().find(|e| e.entri == index && e.field == flag.field);
        if let Some(error) = rule {
            return Err(refused(error.code));
        }
        let jenis_jabatan = form.get_field(bagian, index, "jenis_jabatan");
        if let Some(list) = bagian.code_list(spec, &jenis_jabatan) {
            if !nilai.is_empty() && !labels.contains(list, nilai) {
                return Err(refused(ErrorCode::BadRequest));
            }
            // A correction is a new value: a retired entry is not chosen again.
            if !nilai.is_empty() && !labels.choosable(list, nilai) {
                return Err(refused(ErrorCode::CodeRetired));
            }
        }

        let versi = Self::write_master(conn, &flag.nip, &form, &labels).await?;
        Self::follow_master(conn, &flag.nip, (bagian, entri, &flag.field), (&before, nilai), versi).await?;
        let detail = serde_json::json!({
            "bagian": bagian.slug(), "entri": entri, "field": flag.field,
            "before": before, "after": nilai, "versi": versi, "tiket_id": tiket_id,
        });
        access::audit::record(&mut *conn, Some(by.akun_id), "master_corrected", Some(&flag.nip), by.ip, detail).await?;
        Ok(Koreksi {
            sebelum: self.shown_value(&before_form, bagian, entri, &flag.field).await?,
            sesudah: self.shown_value(&form, bagian, entri, &flag.field).await?,
            nip: flag.nip,
            bagian,
            field: flag.field,
            versi,
        })
    }

    /// The PNS's open proposal follows a corrected master: the field takes the new value
    /// where the PNS had kept the old one, and the proposal is measured against the new
    /// version (its own version moves on too, so a page open on the old one reloads). A
    /// proposal already behind an earlier version is left to `MasterChanged`.
    async fn follow_master(
        conn: &mut PgConnection,
        nip: &str,
        (bagian, entri, field): (Bagian, Option<&str>, &str),
        (before, after): (&str, &str),
        versi: i32,
    ) -> Result<(), UsulanError> {
        let row = sqlx::query!(
            r#"SELECT id, isi AS "isi: Json<Formulir>", master_versi FROM usulan
               WHERE nip = $1 AND status <> 'final' FOR UPDATE"#,
            nip
        )
        .fetch_optional(&mut *conn)
        .await?;
        let Some(row) = row.filter(|r| r.master_versi == versi - 1) else { return Ok(()) };
        let mut isi = row.isi.0;
        if let Some(index) = entry_index(&isi, bagian, entri) {
            if isi.get_field(bagian, index, field) == before {
                isi.set_field(bagian, index, field, after.to_owned());
            }
        }
        sqlx::query!(
            "UPDATE usulan SET isi = $2, master_versi = $3, versi = versi + 1, diubah = now() WHERE id = $1",
            row.id,
            Json(&isi) as _,
            versi
        )
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
