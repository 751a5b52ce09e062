//! The master record as form values: what the PNS starts from and what the diff compares
//! against. Names in the master's history become codes where the form picks from a list.

use domain::dates::iso;
use domain::form::*;
use domain::DaftarKode;
use reference::Labels;

use crate::model::PnsWithHistory;

/// Finds the code of a list entry by its name (the master keeps some positions and
/// study fields by name); an unknown name stays as typed so the PNS sees and fixes it.
fn code_by_name(labels: &Labels, jenis: DaftarKode, nama: &str) -> String {
    if nama.is_empty() {
        return String::new();
    }
    labels.code_by_name(jenis, nama).unwrap_or(nama).to_owned()
}

/// The study programme's code. The reference list names programmes with their level
/// ("S1 Ilmu Hukum", "SMK Akuntansi"); the master often keeps the bare name ("Ilmu Hukum").
fn jurusan_value(labels: &Labels, tingkat: &str, sekolah: &str, jurusan: &str) -> String {
    if jurusan.is_empty() {
        return String::new();
    }
    let school_kind = sekolah.split_whitespace().next().unwrap_or("");
    let prefixes: &[&str] = match tingkat {
        "12" => &[school_kind, "SMA", "SMK", "MA"],
        "17" => &["D1"],
        "18" => &["D2"],
        "20" => &["D3"],
        "30" => &["D4", "S1"],
        "40" => &["S1", "D4"],
        "45" => &["S2"],
        "50" => &["S3"],
        _ => &[],
    };
    prefixes
        .iter()
        .find_map(|prefix| labels.code_by_name(DaftarKode::Jurusan, &format!("{prefix} {jurusan}")))
        .map(str::to_owned)
        .unwrap_or_else(|| code_by_name(labels, DaftarKode::Jurusan, jurusan))
}

fn jabatan_value(labels: &Labels, jenis_jabatan: &str, nama: &str) -> String {
    match jenis_jabatan {
        JENIS_JABATAN_FUNGSIONAL_TERTENTU => code_by_name(labels, DaftarKode::Jft, nama),
        JENIS_JABATAN_FUNGSIONAL_UMUM => code_by_name(labels, DaftarKode::Jfu, nama),
        _ => nama.to_owned(),
    }
}

/// Years and months between two dates (masa kerja), counted in whole months.
fn years_months(from: time::Date, to: time::Date) -> (i32, i32) {
    let months =
        (to.year() - from.year()) * 12 + (to.month() as i32 - from.month() as i32) - i32::from(to.day() < from.day());
    let months = months.max(0);
    (months / 12, months % 12)
}

pub fn master_form(record: &PnsWithHistory, labels: &Labels) -> Formulir {
    let p = &record.pns;
    let mut form = Formulir {
        data_utama: DataUtama {
            nama: p.nama.clone(),
            gelar_depan: p.gelar_depan.clone(),
            gelar_belakang: p.gelar_belakang.clone(),
            tempat_lahir: p.tempat_lahir.clone(),
            tanggal_lahir: iso(p.tanggal_lahir),
            jenis_kelamin: p.jenis_kelamin.clone(),
            agama: p.agama.clone(),
            status_kawin: p.status_kawin.clone(),
            nik: p.nik.clone(),
            npwp: String::new(),
            nomor_karpeg: String::new(),
            alamat: p.alamat.clone(),
            telepon: p.telepon.clone(),
            email: p.email.clone(),
            jenis_pegawai: p.jenis_pegawai.clone(),
            tmt_cpns: iso(p.tmt_cpns),
            tmt_pns: p.tmt_pns.map(iso).unwrap_or_default(),
        },
        ..Formulir::default()
    };
    let latest = record.jabatan.last();
    form.data_posisi = DataPosisi {
        unor: p.unor_id.to_string(),
        lokasi_kerja: String::new(),
        jenis_jabatan: latest.map(|j| j.jenis_jabatan.clone()).unwrap_or_default(),
        jabatan: latest.map(|j| jabatan_value(labels, &j.jenis_jabatan, &j.nama_jabatan)).unwrap_or_default(),
        eselon: latest.and_then(|j| j.eselon.clone()).unwrap_or_default(),
        tmt_jabatan: latest.map(|j| iso(j.tmt)).unwrap_or_default(),
        kedudukan_hukum: p.kedudukan_hukum.clone(),
    };
    form.golongan = record
        .golongan
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let (years, months) = years_months(p.tmt_cpns, g.tmt);
            let jenis = match i {
                0 => "CPNS",
                _ if record.golongan[i - 1].golongan == g.golongan => "PNS",
                _ => "REGULER",
            };
            EntriGolongan {
                id: g.id.to_string(),
                golongan: g.golongan.clone(),
                jenis_kenaikan: jenis.to_owned(),
                masa_kerja_tahun: years.to_string(),
                masa_kerja_bulan: months.to_string(),
                nomor_sk: g.nomor_sk.clone(),
                tanggal_sk: iso(g.tanggal_sk),
                tmt: iso(g.tmt),
                nomor_bkn: String::new(),
                tanggal_bkn: String::new(),
            }
        })
        .collect();
    form.pendidikan = record
        .pendidikan
        .iter()
        .map(|e| EntriPendidikan {
            id: e.id.to_string(),
            tingkat: e.tingkat.clone(),
            jurusan: jurusan_value(labels, &e.tingkat, &e.nama_sekolah, &e.jurusan),
            nama_sekolah: e.nama_sekolah.clone(),
            tahun_lulus: e.tahun_lulus.to_string(),
            ..EntriPendidikan::default()
        })
        .collect();
    form.jabatan = record
        .jabatan
        .iter()
        .map(|j| EntriJabatan {
            id: j.id.to_string(),
            jenis_jabatan: j.jenis_jabatan.clone(),
            unor: j.unor_id.to_string(),
            jabatan: jabatan_value(labels, &j.jenis_jabatan, &j.nama_jabatan),
            eselon: j.eselon.clone().unwrap_or_default(),
            tmt: iso(j.tmt),
            nomor_sk: j.nomor_sk.clone(),
            tanggal_sk: iso(j.tanggal_sk),
            ..EntriJabatan::default()
        })
        .collect();
    let yes_no = |b: bool| if b { "Y" } else { "T" }.to_owned(); // Ya / Tidak
    form.pasangan = record
        .pasangan
        .iter()
        .map(|s| EntriPasangan {
            id: s.id.to_string(),
            nama: s.nama.clone(),
            nik: s.nik.clone().unwrap_or_default(),
            tempat_lahir: s.tempat_lahir.clone(),
            tanggal_lahir: iso(s.tanggal_lahir),
            tanggal_menikah: iso(s.tanggal_menikah),
            nomor_akta_nikah: s.nomor_akta_nikah.clone(),
            pns: yes_no(s.nip_pasangan.is_some()),
            nip: s.nip_pasangan.clone().unwrap_or_default(),
            status: s.status.clone(),
        })
        .collect();
    form.anak = record
        .anak
        .iter()
        .map(|a| EntriAnak {
            id: a.id.to_string(),
            nama: a.nama.clone(),
            nik: a.nik.clone().unwrap_or_default(),
            tempat_lahir: a.tempat_lahir.clone(),
            tanggal_lahir: iso(a.tanggal_lahir),
            jenis_kelamin: a.jenis_kelamin.clone(),
            status_anak: a.status_anak.clone(),
            orang_tua: a.orang_tua.clone(),
            tunjangan: yes_no(a.tunjangan),
            ..EntriAnak::default()
        })
        .collect();
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::dates::parse_iso_date;

    #[test]
    fn masa_kerja_counts_whole_months() {
        let d = |s| parse_iso_date(s).unwrap();
        assert_eq!(years_months(d("2020-01-01"), d("2024-04-01")), (4, 3));
        assert_eq!(years_months(d("2020-01-15"), d("2020-02-14")), (0, 0));
        assert_eq!(years_months(d("2020-01-01"), d("2019-01-01")), (0, 0));
    }
}
