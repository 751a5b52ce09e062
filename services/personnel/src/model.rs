//! The master PNS record as the personnel service keeps it (the imported SAPK baseline).

use time::Date;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct PnsMaster {
    pub nip: String,
    pub nik: String,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub tempat_lahir: String,
    pub tanggal_lahir: Date,
    /// "L" or "P"
    pub jenis_kelamin: String,
    /// kode_referensi codes (jenis agama / status_kawin / jenis_pegawai / kedudukan_hukum)
    pub agama: String,
    pub status_kawin: String,
    pub alamat: String,
    pub telepon: String,
    pub email: String,
    pub instansi_id: Uuid,
    pub unor_id: Uuid,
    pub jenis_pegawai: String,
    pub kedudukan_hukum: String,
    pub tmt_cpns: Date,
    pub tmt_pns: Option<Date>,
    /// golongan.kode, e.g. "III/a"
    pub golongan: String,
    pub tmt_golongan: Date,
    pub versi: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiwayatGolongan {
    pub id: Uuid,
    pub golongan: String,
    pub tmt: Date,
    pub nomor_sk: String,
    pub tanggal_sk: Date,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiwayatPendidikan {
    pub id: Uuid,
    /// kode_referensi tingkat_pendidikan code
    pub tingkat: String,
    pub nama_sekolah: String,
    pub jurusan: String,
    pub tahun_lulus: i16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiwayatJabatan {
    pub id: Uuid,
    /// kode_referensi jenis_jabatan code
    pub jenis_jabatan: String,
    pub nama_jabatan: String,
    /// kode_referensi eselon code, for structural positions
    pub eselon: Option<String>,
    pub unor_id: Uuid,
    pub tmt: Date,
    pub nomor_sk: String,
    pub tanggal_sk: Date,
}

/// A spouse, current or former.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasangan {
    pub id: Uuid,
    pub nama: String,
    pub nik: Option<String>,
    pub tempat_lahir: String,
    pub tanggal_lahir: Date,
    pub tanggal_menikah: Date,
    pub nomor_akta_nikah: String,
    /// The spouse's NIP when the spouse is a PNS too.
    pub nip_pasangan: Option<String>,
    /// `MENIKAH`, `CERAI` or `MENINGGAL`
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Anak {
    pub id: Uuid,
    pub nama: String,
    pub nik: Option<String>,
    pub tempat_lahir: String,
    pub tanggal_lahir: Date,
    /// "L" or "P"
    pub jenis_kelamin: String,
    /// `KANDUNG`, `TIRI` or `ANGKAT`
    pub status_anak: String,
    /// `PNS`, `PASANGAN` or `BERSAMA`
    pub orang_tua: String,
    /// Counted for the child allowance (tunjangan anak).
    pub tunjangan: bool,
}

/// A master record with its history and family, as imported or generated.
#[derive(Debug, Clone, PartialEq)]
pub struct PnsWithHistory {
    pub pns: PnsMaster,
    pub golongan: Vec<RiwayatGolongan>,
    pub pendidikan: Vec<RiwayatPendidikan>,
    pub jabatan: Vec<RiwayatJabatan>,
    pub pasangan: Vec<Pasangan>,
    pub anak: Vec<Anak>,
    /// The form as last verified (`pns.formulir`): the fields the tables above have no column
    /// for are read from it. `None` until a proposal of this PNS is written to the master.
    pub formulir: Option<domain::form::Formulir>,
}
