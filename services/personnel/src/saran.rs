//! Naming the entry a PNS could not find (help-desk tickets F–O raised from a "[?]" flag):
//! once the entry exists, the officer names it and the flag keeps it as a suggestion the
//! form offers beside the field. Neither the master nor the PNS's form changes: the PNS
//! chooses it, and their proposal is verified as usual.

use domain::form::{Bagian, Saran};
use domain::{DaftarKode, ErrorCode};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::store::Personnel;
use crate::tanda::{entry_index, refused, Flag};
use crate::usulan::{decode, UsulanError};

/// Where a flagged field's value comes from: a code list, or one of the lists of the PNS's
/// instansi (its units, its facilities).
enum Daftar {
    Kode(DaftarKode),
    Instansi(DaftarKode, Uuid),
}

/// What the officer named, and the field's label for the message to the PNS.
pub struct SaranTiket {
    pub saran: Saran,
    pub field_label: String,
}

impl Personnel {
    /// Keeps `nilai` as the suggestion for the field flagged by ticket `tiket_id`, on the
    /// caller's connection (the ticket's transaction). The value must be choosable now: an
    /// active entry of the field's list, or an open unit or facility of the PNS's instansi.
    pub async fn suggest_entry(
        &self,
        conn: &mut PgConnection,
        tiket_id: Uuid,
        nilai: &str,
    ) -> Result<SaranTiket, UsulanError> {
        let flag = flag_of_ticket(conn, tiket_id).await?;
        let nilai = nilai.trim();
        let nama = match self.daftar(&flag).await? {
            Daftar::Kode(list) => {
                let labels = self.reference.labels().await?;
                if !labels.choosable(list, nilai) {
                    let code =
                        if labels.contains(list, nilai) { ErrorCode::CodeRetired } else { ErrorCode::CodeUnknown };
                    return Err(refused(code));
                }
                labels.name(list, nilai).unwrap_or(nilai).to_owned()
            }
            Daftar::Instansi(list, instansi) => {
                let id = Uuid::parse_str(nilai).map_err(|_| refused(ErrorCode::CodeUnknown))?;
                self.reference.open_instansi_entry(list, instansi, id).await?.ok_or(refused(ErrorCode::CodeUnknown))?
            }
        };
        sqlx::query("UPDATE usulan_tanda SET saran = $2, saran_nama = $3 WHERE tiket_id = $1")
            .bind(tiket_id)
            .bind(nilai)
            .bind(&nama)
            .execute(&mut *conn)
            .await?;
        let bagian = decode(Bagian::parse(&flag.bagian))?;
        Ok(SaranTiket {
            field_label: bagian.field_label(&flag.field, domain::Lang::Id),
            saran: Saran { nilai: nilai.to_owned(), nama },
        })
    }

    /// The list the flagged field picks from; a typed field (a structural post, the school
    /// a PNS studied at) has none, so nothing can be suggested for it.
    async fn daftar(&self, flag: &Flag) -> Result<Daftar, UsulanError> {
        let bagian = decode(Bagian::parse(&flag.bagian))?;
        let spec = bagian.fields().iter().find(|f| f.key == flag.field).ok_or(refused(ErrorCode::BadRequest))?;
        if let Some(list) = spec.kind.instansi_list() {
            let master = self.master(&flag.nip).await?.ok_or(refused(ErrorCode::NotFound))?;
            return Ok(Daftar::Instansi(list, master.instansi_id));
        }
        // A position's list follows the kind of position the PNS chose in their form.
        let usulan = self.open_usulan(&flag.nip).await?.ok_or(refused(ErrorCode::NotFound))?;
        let jenis_jabatan = entry_index(&usulan.isi, bagian, flag.entri.as_deref())
            .map(|i| usulan.isi.get_field(bagian, i, "jenis_jabatan"))
            .unwrap_or_default();
        bagian.code_list(spec, &jenis_jabatan).map(Daftar::Kode).ok_or(refused(ErrorCode::SuggestionNotAllowed))
    }
}

/// The flag ticket `tiket_id` was raised from, locked; a ticket without one cannot name an
/// entry.
async fn flag_of_ticket(conn: &mut PgConnection, tiket_id: Uuid) -> Result<Flag, UsulanError> {
    let sql = "SELECT nip, bagian, entri, field, keterangan, status FROM usulan_tanda WHERE tiket_id = $1 FOR UPDATE";
    let row: Option<(String, String, Option<String>, String, String, String)> =
        sqlx::query_as(sql).bind(tiket_id).fetch_optional(&mut *conn).await?;
    let (nip, bagian, entri, field, keterangan, status) = row.ok_or(refused(ErrorCode::SuggestionNotAllowed))?;
    Ok(Flag { nip, bagian, entri, field, keterangan, status })
}
