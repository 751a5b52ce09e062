//! A proposal filled as a careful PNS would fill it: every master value confirmed, what the
//! master lacks added, then the caller's own changes, each applicable section saved with
//! "Simpan". The demo seed and the tests use it to get proposals that can be sent.

use domain::form::*;
use domain::DaftarKode;
use reference::Labels;
use uuid::Uuid;

use crate::store::Personnel;
use crate::usulan::{Usulan, UsulanError};

/// The first code of a list (a valid value for a required pick).
fn first_code(labels: &Labels, list: DaftarKode) -> String {
    labels.list(list).first().map(|(kode, _)| kode.clone()).unwrap_or_default()
}

/// Fills the sections the master leaves empty with plausible values.
pub fn complete(form: &mut Formulir, labels: &Labels, today: time::Date) {
    form.sesuai = Bagian::DataUtama.fields().iter().map(|f| f.key.to_owned()).collect();
    if form.data_posisi.lokasi_kerja.is_empty() {
        form.data_posisi.lokasi_kerja = "3404".into();
    }
    form.stakeholder =
        DataStakeholder { bapertarum: "Y".into(), nomor_bpjs: "0001234567890".into(), ..Default::default() };
    form.sosial_ekonomi = SosialEkonomi {
        status_rumah: "MILIK".into(),
        tipe_rumah: "T36".into(),
        jarak_km: "7".into(),
        jumlah_tanggungan: "2".into(),
        pengeluaran: "B".into(),
    };
    for field in Bagian::SelfAssessment.fields() {
        form.set_field(Bagian::SelfAssessment, None, field.key, "4".into());
    }
    form.guru = DataGuru {
        nuptk: "1234567890123456".into(),
        mata_pelajaran: first_code(labels, DaftarKode::MataPelajaran),
        jam_mengajar: "24".into(),
        ..Default::default()
    };
    form.dokter = DataDokter {
        bidang_spesialis: first_code(labels, DaftarKode::BidangSpesialis),
        nomor_str: "3404123456789012".into(),
        str_berlaku_sampai: domain::dates::iso(today.replace_year(today.year() + 2).unwrap_or(today)),
        jenis_fasilitas: first_code(labels, DaftarKode::FasilitasKesehatanJenis),
        ..Default::default()
    };
}

impl Personnel {
    async fn first_facility(&self, instansi_id: Uuid, list: DaftarKode) -> sqlx::Result<String> {
        let found = self.reference.search_instansi_list(list, instansi_id, "", 1).await?;
        Ok(found.into_iter().next().map(|(id, _)| id).unwrap_or_default())
    }

    /// Fills the PNS's proposal (`complete`, then `edit`) and saves every applicable section
    /// with "Simpan". Returns the proposal, ready to send; a section failing its rules is
    /// `Incomplete`.
    pub async fn fill_for_sending(
        &self,
        nip: &str,
        edit: impl FnOnce(&mut Formulir, &Labels),
    ) -> Result<Usulan, UsulanError> {
        let mut usulan = self.open_usulan(nip).await?.ok_or(UsulanError::Refused(domain::ErrorCode::NotFound))?;
        let labels = self.reference.labels().await?;
        let mut form = usulan.isi.clone();
        complete(&mut form, &labels, self.today());
        // The instansi's first open facility where the form names none.
        let instansi = usulan.master.pns.instansi_id;
        if form.dokter.unit_kesehatan.is_empty() {
            form.dokter.unit_kesehatan = self.first_facility(instansi, DaftarKode::FasilitasKesehatan).await?;
        }
        if form.guru.sekolah.is_empty() {
            form.guru.sekolah = self.first_facility(instansi, DaftarKode::FasilitasPendidikan).await?;
        }
        edit(&mut form, &labels);
        for bagian in Self::applicable(&form, &labels) {
            let simpan = Simpan {
                versi: usulan.versi,
                isi: form.section(bagian),
                periksa: true,
                kunci: Uuid::new_v4().to_string(),
            };
            let saved = self.save_section(&usulan, simpan).await?;
            if !saved.hasil.kesalahan.is_empty() {
                return Err(UsulanError::Incomplete {
                    belum_diperiksa: vec![bagian],
                    kesalahan: saved.hasil.kesalahan,
                });
            }
            usulan = self.open_usulan(nip).await?.ok_or(UsulanError::Refused(domain::ErrorCode::NotFound))?;
        }
        Ok(usulan)
    }
}
