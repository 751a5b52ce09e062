//! The PNS's own master record, read-only (the re-registration form builds on it).
//! There is no NIP argument: the record is always the signed-in PNS's own.

pub use domain::form::Hubungan;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GolonganRow {
    pub golongan: String,
    pub pangkat: String,
    pub tmt: String,
    pub nomor_sk: String,
    pub tanggal_sk: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendidikanRow {
    pub tingkat: String,
    pub nama_sekolah: String,
    pub jurusan: String,
    pub tahun_lulus: i16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JabatanRow {
    pub jenis: String,
    pub nama: String,
    pub eselon: String,
    pub unor: String,
    pub tmt: String,
    pub nomor_sk: String,
    pub tanggal_sk: String,
}

/// A spouse or child, as the master record has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeluargaRow {
    pub hubungan: Hubungan,
    pub nama: String,
    pub tanggal_lahir: String,
    /// The form's code: spouse `MENIKAH`/`CERAI`/`MENINGGAL`, child `KANDUNG`/`TIRI`/`ANGKAT`.
    pub keterangan: String,
    pub tanggal_menikah: Option<String>,
    pub tunjangan: bool,
}

/// The instansi's data-collection period as the PNS home shows it (dates ISO, "" open).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MasaPendataan {
    pub mulai: String,
    pub selesai: String,
    /// Sending is possible today.
    pub terbuka: bool,
    /// Days left, today included, while open and with an end.
    pub sisa_hari: Option<i64>,
}

/// Every value already in words (code lists resolved), dates as ISO text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PnsRecordView {
    pub pendataan: MasaPendataan,
    pub nip: String,
    /// The NIP before a verified birth-date or gender correction changed it.
    pub nip_lama: Option<String>,
    pub nik: String,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub tempat_lahir: String,
    pub tanggal_lahir: String,
    pub jenis_kelamin: String,
    pub agama: String,
    pub status_kawin: String,
    pub alamat: String,
    pub telepon: String,
    pub email: String,
    pub instansi: String,
    pub unor: String,
    pub jenis_pegawai: String,
    pub kedudukan_hukum: String,
    pub tmt_cpns: String,
    pub tmt_pns: String,
    pub golongan: String,
    pub tmt_golongan: String,
    pub versi: i32,
    pub riwayat_golongan: Vec<GolonganRow>,
    pub riwayat_pendidikan: Vec<PendidikanRow>,
    pub riwayat_jabatan: Vec<JabatanRow>,
    pub keluarga: Vec<KeluargaRow>,
}

#[server(endpoint = "pns/data-saya")]
pub async fn my_record() -> Result<PnsRecordView, AppError> {
    use crate::auth::{refuse, require, state};
    use domain::dates::iso;
    use domain::{Capability, DaftarKode, ErrorCode};

    let (user, _) = require(Capability::OwnRecord)?;
    let state = state()?;
    let nip = user.nip.clone().ok_or_else(|| refuse(ErrorCode::NotFound))?;
    let Some(record) = state.personnel.record(&nip).await? else {
        return Err(refuse(ErrorCode::NotFound));
    };
    let labels = state.reference.labels().await?;
    let label = |jenis: DaftarKode, kode: &str| labels.name(jenis, kode).unwrap_or(kode).to_owned();
    let mut ids: Vec<uuid::Uuid> = record.jabatan.iter().map(|j| j.unor_id).collect();
    ids.extend([record.pns.unor_id, record.pns.instansi_id]);
    let names = state.reference.names(&ids).await?;
    let name = |id: &uuid::Uuid| names.get(id).cloned().unwrap_or_default();
    let p = &record.pns;
    let gender = domain::Gender::from_code(&p.jenis_kelamin)
        .ok_or_else(|| crate::auth::internal(domain::UnknownCode { kind: "Gender", code: p.jenis_kelamin.clone() }))?;
    let nip_lama = state.personnel.former_nip(&p.nip).await?;
    let (periode, today) = (state.reference.collection_period(p.instansi_id).await?, state.personnel.today());
    let pendataan = MasaPendataan {
        mulai: periode.mulai.map(iso).unwrap_or_default(),
        selesai: periode.selesai.map(iso).unwrap_or_default(),
        terbuka: periode.open_on(today),
        sisa_hari: periode.days_left(today),
    };
    Ok(PnsRecordView {
        pendataan,
        nip_lama,
        nip: p.nip.clone(),
        nik: p.nik.clone(),
        nama: p.nama.clone(),
        gelar_depan: p.gelar_depan.clone(),
        gelar_belakang: p.gelar_belakang.clone(),
        tempat_lahir: p.tempat_lahir.clone(),
        tanggal_lahir: iso(p.tanggal_lahir),
        jenis_kelamin: label(DaftarKode::JenisKelamin, &p.jenis_kelamin),
        agama: label(DaftarKode::Agama, &p.agama),
        status_kawin: label(DaftarKode::StatusKawin, &p.status_kawin),
        alamat: p.alamat.clone(),
        telepon: p.telepon.clone(),
        email: p.email.clone(),
        instansi: name(&record.pns.instansi_id),
        unor: name(&p.unor_id),
        jenis_pegawai: label(DaftarKode::JenisPegawai, &p.jenis_pegawai),
        kedudukan_hukum: label(DaftarKode::KedudukanHukum, &p.kedudukan_hukum),
        tmt_cpns: iso(p.tmt_cpns),
        tmt_pns: p.tmt_pns.map(iso).unwrap_or_default(),
        golongan: format!("{} ({})", p.golongan, label(DaftarKode::Golongan, &p.golongan)),
        tmt_golongan: iso(p.tmt_golongan),
        versi: p.versi,
        riwayat_golongan: record
            .golongan
            .iter()
            .map(|g| GolonganRow {
                golongan: g.golongan.clone(),
                pangkat: label(DaftarKode::Golongan, &g.golongan),
                tmt: iso(g.tmt),
                nomor_sk: g.nomor_sk.clone(),
                tanggal_sk: iso(g.tanggal_sk),
            })
            .collect(),
        riwayat_pendidikan: record
            .pendidikan
            .iter()
            .map(|e| PendidikanRow {
                tingkat: label(DaftarKode::TingkatPendidikan, &e.tingkat),
                nama_sekolah: e.nama_sekolah.clone(),
                jurusan: e.jurusan.clone(),
                tahun_lulus: e.tahun_lulus,
            })
            .collect(),
        riwayat_jabatan: record
            .jabatan
            .iter()
            .map(|j| JabatanRow {
                jenis: label(DaftarKode::JenisJabatan, &j.jenis_jabatan),
                nama: j.nama_jabatan.clone(),
                eselon: j.eselon.clone().unwrap_or_default(),
                unor: name(&j.unor_id),
                tmt: iso(j.tmt),
                nomor_sk: j.nomor_sk.clone(),
                tanggal_sk: iso(j.tanggal_sk),
            })
            .collect(),
        keluarga: record
            .pasangan
            .iter()
            .map(|s| KeluargaRow {
                hubungan: Hubungan::pasangan(gender),
                nama: s.nama.clone(),
                tanggal_lahir: iso(s.tanggal_lahir),
                keterangan: s.status.clone(),
                tanggal_menikah: Some(iso(s.tanggal_menikah)),
                tunjangan: false,
            })
            .chain(record.anak.iter().map(|a| KeluargaRow {
                hubungan: Hubungan::Anak,
                nama: a.nama.clone(),
                tanggal_lahir: iso(a.tanggal_lahir),
                keterangan: a.status_anak.clone(),
                tanggal_menikah: None,
                tunjangan: a.tunjangan,
            }))
            .collect(),
    })
}
