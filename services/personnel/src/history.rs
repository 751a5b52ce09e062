//! A master record as the `pns_lengkap` view returns it (JSON, dates as ISO text), turned
//! into the model types. One query then carries a whole record.

use domain::dates::parse_iso_date;
use domain::form::Formulir;
use domain::ErrorCode;
use serde::Deserialize;
use uuid::Uuid;

use crate::model::{Anak, Pasangan, PnsMaster, PnsWithHistory, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan};

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

#[derive(Debug, Deserialize)]
pub(crate) struct PasanganJson {
    id: Uuid,
    nama: String,
    nik: Option<String>,
    tempat_lahir: String,
    tanggal_lahir: String,
    tanggal_menikah: String,
    nomor_akta_nikah: String,
    nip_pasangan: Option<String>,
    status: String,
}

impl PasanganJson {
    fn into_model(self) -> Result<Pasangan, ErrorCode> {
        Ok(Pasangan {
            id: self.id,
            nama: self.nama,
            nik: self.nik,
            tempat_lahir: self.tempat_lahir,
            tanggal_lahir: parse_iso_date(&self.tanggal_lahir)?,
            tanggal_menikah: parse_iso_date(&self.tanggal_menikah)?,
            nomor_akta_nikah: self.nomor_akta_nikah,
            nip_pasangan: self.nip_pasangan,
            status: self.status,
        })
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct AnakJson {
    id: Uuid,
    nama: String,
    nik: Option<String>,
    tempat_lahir: String,
    tanggal_lahir: String,
    jenis_kelamin: String,
    status_anak: String,
    orang_tua: String,
    tunjangan: bool,
}

impl AnakJson {
    fn into_model(self) -> Result<Anak, ErrorCode> {
        Ok(Anak {
            id: self.id,
            nama: self.nama,
            nik: self.nik,
            tempat_lahir: self.tempat_lahir,
            tanggal_lahir: parse_iso_date(&self.tanggal_lahir)?,
            jenis_kelamin: self.jenis_kelamin,
            status_anak: self.status_anak,
            orang_tua: self.orang_tua,
            tunjangan: self.tunjangan,
        })
    }
}

/// `pns_lengkap.rekam`.
#[derive(Debug, Deserialize)]
pub(crate) struct Rekam {
    nip: String,
    nik: String,
    nama: String,
    gelar_depan: String,
    gelar_belakang: String,
    tempat_lahir: String,
    tanggal_lahir: String,
    jenis_kelamin: String,
    agama: String,
    status_kawin: String,
    alamat: String,
    telepon: String,
    email: String,
    instansi_id: Uuid,
    unor_id: Uuid,
    jenis_pegawai: String,
    kedudukan_hukum: String,
    tmt_cpns: String,
    tmt_pns: Option<String>,
    golongan: String,
    tmt_golongan: String,
    versi: i32,
    riwayat_golongan: Vec<Golongan>,
    riwayat_pendidikan: Vec<Pendidikan>,
    riwayat_jabatan: Vec<Jabatan>,
    pasangan: Vec<PasanganJson>,
    anak: Vec<AnakJson>,
    /// Absent from records stored before the column existed.
    #[serde(default)]
    formulir: Option<Formulir>,
}

impl Rekam {
    pub(crate) fn into_model(self) -> Result<PnsWithHistory, ErrorCode> {
        let pns = PnsMaster {
            nip: self.nip,
            nik: self.nik,
            nama: self.nama,
            gelar_depan: self.gelar_depan,
            gelar_belakang: self.gelar_belakang,
            tempat_lahir: self.tempat_lahir,
            tanggal_lahir: parse_iso_date(&self.tanggal_lahir)?,
            jenis_kelamin: self.jenis_kelamin,
            agama: self.agama,
            status_kawin: self.status_kawin,
            alamat: self.alamat,
            telepon: self.telepon,
            email: self.email,
            instansi_id: self.instansi_id,
            unor_id: self.unor_id,
            jenis_pegawai: self.jenis_pegawai,
            kedudukan_hukum: self.kedudukan_hukum,
            tmt_cpns: parse_iso_date(&self.tmt_cpns)?,
            tmt_pns: self.tmt_pns.as_deref().map(parse_iso_date).transpose()?,
            golongan: self.golongan,
            tmt_golongan: parse_iso_date(&self.tmt_golongan)?,
            versi: self.versi,
        };
        Ok(PnsWithHistory {
            pns,
            golongan: self.riwayat_golongan.into_iter().map(Golongan::into_model).collect::<Result<_, _>>()?,
            pendidikan: self.riwayat_pendidikan.into_iter().map(Pendidikan::into_model).collect(),
            jabatan: self.riwayat_jabatan.into_iter().map(Jabatan::into_model).collect::<Result<_, _>>()?,
            pasangan: self.pasangan.into_iter().map(PasanganJson::into_model).collect::<Result<_, _>>()?,
            anak: self.anak.into_iter().map(AnakJson::into_model).collect::<Result<_, _>>()?,
            formulir: self.formulir,
        })
    }

    /// As `into_model`, a bad stored date surfacing as a decode error.
    pub(crate) fn decode(self) -> sqlx::Result<PnsWithHistory> {
        self.into_model().map_err(|e| sqlx::Error::Decode(Box::new(e)))
    }
}
