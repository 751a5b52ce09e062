//! What the form page shows, in one query: the master record, the stored proposal (if any),
//! its "[?]" flags and its documents.

use domain::form::{Bagian, Dokumen, Formulir, Saran, StatusTanda, StatusUsulan, Tanda};
use serde::Deserialize;
use sqlx::types::Json;
use uuid::Uuid;

use crate::dokumen::DokumenRow;
use crate::history;
use crate::master_form::master_form;
use crate::model::PnsWithHistory;
use crate::store::Personnel;
use crate::usulan::{decode, parse_bagian_list, Row, Usulan, UsulanError};

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
    tiket_id: Option<Uuid>,
    tiket_nomor: Option<String>,
    saran: Option<String>,
    saran_nama: Option<String>,
}

impl Personnel {
    /// The PNS's proposal, flags and documents (`None`: no such master record).
    pub async fn open_form(&self, nip: &str) -> Result<Option<FormSnapshot>, UsulanError> {
        self.open(nip, true).await
    }

    /// The one query behind `open_form` and `open_usulan`; the flags and documents only
    /// `with_attachments` (the form page shows them, saving and sending do not need them).
    pub(crate) async fn open(&self, nip: &str, with_attachments: bool) -> Result<Option<FormSnapshot>, UsulanError> {
        let attached = sqlx::query!(
            r#"SELECT v.rekam AS "rekam?: Json<history::Rekam>", u.id AS "id?", u.putaran AS "putaran?",
                      u.penolakan AS "penolakan?: Json<Vec<domain::verifikasi::Penolakan>>",
                      u.master_versi AS "master_versi?", u.versi AS "versi?", u.status AS "status?",
                      u.isi AS "isi?: Json<Formulir>", u.diperiksa AS "diperiksa?", u.dikirim AS "dikirim?",
                 CASE WHEN $2 THEN (SELECT coalesce(json_agg(json_build_object('id', t.id, 'bagian', t.bagian, 'entri', t.entri,
                      'field', t.field, 'keterangan', t.keterangan, 'status', t.status, 'tiket_id', t.tiket_id,
                      'tiket_nomor', t.tiket_nomor, 'saran', t.saran, 'saran_nama', t.saran_nama) ORDER BY t.dibuat, t.id), '[]')
                  FROM usulan_tanda t WHERE t.nip = k.nip) ELSE '[]' END AS "tanda!: Json<Vec<TandaJson>>",
                 CASE WHEN $2 THEN (SELECT coalesce(json_agg(json_build_object('id', d.id, 'bagian', d.bagian,
                      'entri', d.entri, 'nama_file', d.nama_file, 'jenis', d.jenis, 'ukuran', d.ukuran)
                      ORDER BY d.diunggah, d.id), '[]')
                  FROM dokumen d WHERE d.nip = k.nip) ELSE '[]' END AS "dokumen!: Json<Vec<DokumenRow>>"
               FROM (SELECT $1::text AS nip) k
               LEFT JOIN pns_rekam v ON v.nip = k.nip
               LEFT JOIN usulan u ON u.nip = k.nip AND u.status <> 'final'"#,
            nip,
            with_attachments
        )
        .fetch_one(&self.pool)
        .await?;
        let Some(rekam) = attached.rekam else {
            return Ok(None);
        };
        let master = rekam.0.decode()?;
        let row = match (attached.id, attached.putaran, attached.penolakan, attached.versi, attached.isi) {
            (Some(id), Some(putaran), Some(penolakan), Some(versi), Some(isi)) => Some(Row {
                id,
                putaran,
                penolakan,
                master_versi: attached.master_versi.unwrap_or_default(),
                versi,
                status: attached.status.unwrap_or_default(),
                isi,
                diperiksa: attached.diperiksa.unwrap_or_default(),
                dikirim: attached.dikirim,
            }),
            _ => None,
        };
        let usulan = self.assemble(nip, master, row).await?;
        let tanda = attached
            .tanda
            .0
            .into_iter()
            .map(|t| {
                Ok(Tanda {
                    id: t.id.to_string(),
                    bagian: decode(Bagian::parse(&t.bagian))?,
                    entri: t.entri,
                    field: t.field,
                    keterangan: t.keterangan,
                    status: decode(StatusTanda::parse(&t.status))?,
                    tiket_id: t.tiket_id.map(|id| id.to_string()),
                    tiket_nomor: t.tiket_nomor,
                    saran: t.saran.zip(t.saran_nama).map(|(nilai, nama)| Saran { nilai, nama }),
                })
            })
            .collect::<sqlx::Result<_>>()?;
        let dokumen = attached.dokumen.0.into_iter().map(DokumenRow::into_dokumen).collect::<sqlx::Result<_>>()?;
        Ok(Some(FormSnapshot { usulan, tanda, dokumen }))
    }

    /// The proposal from the master record and the stored row, if there is one yet.
    async fn assemble(&self, nip: &str, master: PnsWithHistory, row: Option<Row>) -> sqlx::Result<Usulan> {
        let labels = self.reference.labels().await?;
        let master_form = master_form(&master, &labels);
        Ok(match row {
            Some(row) => Usulan {
                id: Some(row.id),
                putaran: row.putaran,
                penolakan: row.penolakan.0,
                nip: nip.to_owned(),
                master_versi: row.master_versi,
                versi: row.versi,
                status: decode(StatusUsulan::parse(&row.status))?,
                isi: row.isi.0,
                diperiksa: parse_bagian_list(&row.diperiksa)?,
                dikirim: row.dikirim,
                master_form,
                master,
            },
            None => Usulan {
                id: None,
                putaran: 0,
                penolakan: Vec::new(),
                nip: nip.to_owned(),
                master_versi: master.pns.versi,
                versi: 0,
                status: StatusUsulan::Draf,
                isi: master_form.clone(),
                diperiksa: Vec::new(),
                dikirim: None,
                master_form,
                master,
            },
        })
    }
}
