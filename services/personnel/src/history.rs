//! History rows as PostgreSQL's `json_agg` returns them (dates as ISO text), turned into the
//! model types. One query then carries a whole record.

use domain::dates::parse_iso_date;
use domain::ErrorCode;
use serde::Deserialize;
use uuid::Uuid;

use crate::model::{RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan};

#[derive(Debug, Deserialize)]
pub(crate) struct Golongan {
    id: Uuid,
    golongan: String,
    tmt: String,
    nomor_sk: String,
    tanggal_sk: String,
}

impl Golongan {
    pub(crate) fn into_model(self) -> Result<RiwayatGolongan, ErrorCode> {
        Ok(RiwayatGolongan {
            id: self.id,
            golongan: self.golongan,
            tmt: parse_iso_date(&self.tmt)?,
            nomor_sk: self.nomor_sk,
            tanggal_sk: parse_iso_date(&self.tanggal_sk)?,
        })
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Pendidikan {
    id: Uuid,
    tingkat: String,
    nama_sekolah: String,
    jurusan: String,
    tahun_lulus: i16,
}

impl Pendidikan {
    pub(crate) fn into_model(self) -> RiwayatPendidikan {
        RiwayatPendidikan {
            id: self.id,
            tingkat: self.tingkat,
            nama_sekolah: self.nama_sekolah,
            jurusan: self.jurusan,
            tahun_lulus: self.tahun_lulus,
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Jabatan {
    id: Uuid,
    jenis_jabatan: String,
    nama_jabatan: String,
    eselon: Option<String>,
    unor_id: Uuid,
    tmt: String,
    nomor_sk: String,
    tanggal_sk: String,
}

impl Jabatan {
    pub(crate) fn into_model(self) -> Result<RiwayatJabatan, ErrorCode> {
        Ok(RiwayatJabatan {
            id: self.id,
            jenis_jabatan: self.jenis_jabatan,
            nama_jabatan: self.nama_jabatan,
            eselon: self.eselon,
            unor_id: self.unor_id,
            tmt: parse_iso_date(&self.tmt)?,
            nomor_sk: self.nomor_sk,
            tanggal_sk: parse_iso_date(&self.tanggal_sk)?,
        })
    }
}
