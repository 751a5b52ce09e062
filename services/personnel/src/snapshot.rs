//! What the form page shows, in one query: the master record, the stored proposal (if any),
//! its "[?]" flags and its documents.

use domain::form::{Bagian, Dokumen, Formulir, Tanda};
use serde::Deserialize;
use sqlx::types::Json;
use uuid::Uuid;

use crate::history;
use crate::store::Personnel;
use crate::usulan::{Row, Usulan, UsulanError};

/// The proposal with everything attached to its fields.
#[derive(Debug, Clone)]
pub struct FormSnapshot {
    pub usulan: Usulan,
    pub tanda: Vec<Tanda>,
    pub dokumen: Vec<Dokumen>,
}

#[derive(Debug, Deserialize)]
struct TandaJson {
    id: Uuid,
    bagian: String,
    entri: Option<String>,
    field: String,
    keterangan: String,
    status: String,
}

#[derive(Debug, Deserialize)]
struct DokumenJson {
    id: Uuid,
    bagian: String,
    entri: Option<String>,
    nama_file: String,
    jenis: String,
    ukuran: i64,
}

impl Personnel {
    /// The PNS's proposal, flags and documents (`None`: no such master record).
    pub async fn open_form(&self, nip: &str) -> Result<Option<FormSnapshot>, UsulanError> {
        let attached = sqlx::query!(
            r#"SELECT v.rekam AS "rekam?: Json<history::Rekam>",
                      u.master_versi AS "master_versi?", u.versi AS "versi?", u.status AS "status?",
                      u.isi AS "isi?: Json<Formulir>", u.diperiksa AS "diperiksa?", u.dikirim AS "dikirim?",
                 (SELECT coalesce(json_agg(json_build_object('id', t.id, 'bagian', t.bagian, 'entri', t.entri,
                      'field', t.field, 'keterangan', t.keterangan, 'status', t.status) ORDER BY t.dibuat, t.id), '[]')
                  FROM usulan_tanda t WHERE t.nip = k.nip) AS "tanda!: Json<Vec<TandaJson>>",
                 (SELECT coalesce(json_agg(json_build_object('id', d.id, 'bagian', d.bagian, 'entri', d.entri,
                      'nama_file', d.nama_file, 'jenis', d.jenis, 'ukuran', d.ukuran) ORDER BY d.diunggah, d.id), '[]')
                  FROM dokumen d WHERE d.nip = k.nip) AS "dokumen!: Json<Vec<DokumenJson>>"
               FROM (SELECT $1::text AS nip) k
               LEFT JOIN pns_rekam v ON v.nip = k.nip
               LEFT JOIN usulan u ON u.nip = k.nip"#,
            nip
        )
        .fetch_one(&self.pool)
        .await?;
        let Some(rekam) = attached.rekam else {
            return Ok(None);
        };
        let master = rekam.0.decode()?;
        let row = match (attached.master_versi, attached.versi, attached.status, attached.isi, attached.diperiksa) {
            (Some(master_versi), Some(versi), Some(status), Some(isi), Some(diperiksa)) => {
                Some(Row { master_versi, versi, status, isi, diperiksa, dikirim: attached.dikirim })
            }
            _ => None,
        };
        let usulan = self.assemble(nip, master, row).await?;
        let tanda = attached
            .tanda
            .0
            .into_iter()
            .filter_map(|t| {
                Some(Tanda {
                    id: t.id.to_string(),
                    bagian: Bagian::from_slug(&t.bagian)?,
                    entri: t.entri,
                    field: t.field,
                    keterangan: t.keterangan,
                    status: t.status,
                })
            })
            .collect();
        let dokumen = attached
            .dokumen
            .0
            .into_iter()
            .filter_map(|d| {
                Some(Dokumen {
                    id: d.id.to_string(),
                    bagian: Bagian::from_slug(&d.bagian)?,
                    entri: d.entri,
                    nama_file: d.nama_file,
                    jenis: d.jenis,
                    ukuran: d.ukuran,
                })
            })
            .collect();
        Ok(Some(FormSnapshot { usulan, tanda, dokumen }))
    }
}
