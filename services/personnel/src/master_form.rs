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
    match fungsional_list(jenis_jabatan) {
        Some(list) => code_by_name(labels, list, nama),
        None => nama.to_owned(),
    }
}

/// The code list of a JFT/JFU position (a structural post is named, not coded).
pub(crate) fn fungsional_list(jenis_jabatan: &str) -> Option<DaftarKode> {
    match jenis_jabatan {
        JENIS_JABATAN_FUNGSIONAL_TERTENTU => Some(DaftarKode::Jft),
        JENIS_JABATAN_FUNGSIONAL_UMUM => Some(DaftarKode::Jfu),
        _ => None,
    }
}

/// Years and months between two dates (masa kerja), counted in whole months.
fn years_months(from: time::Date, to: time::Date) -> (i32, i32) {
    let months =
        (to.year() - from.year()) * 12 + (to.month() as i32 - from.month() as i32) - i32::from(to.day() < from.day());
    let months = months.max(0);
    (months / 12, months % 12)
}

/// The master record as form values. A record written from a verified form (`formulir`)
/// starts from that form, so the fields without a master column read back as verified; the
/// columns still win where they exist (an import may have changed them since).
pub fn master_form(record: &PnsWithHistory, labels: &Labels) -> Formulir {
    let columns = from_columns(record, labels);
    match &record.formulir {
        Some(verified) => overlay(verified, columns, record, labels),
        None => columns,
    }
}

/// The form as the master tables alone give it.
fn from_columns(record: &PnsWithHistory, labels: &Labels) -> Formulir {
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

/// The stored value when the column holds just what writing it stored: the value itself, or
/// the name of its code in `list` (JFT/JFU positions and study programmes are kept by name).
/// Otherwise the column's own form value.
fn kept_or_column(
    labels: &Labels,
    list: Option<DaftarKode>,
    stored: String,
    column: &str,
    from_column: String,
) -> String {
    let same = stored == column || list.and_then(|list| labels.name(list, &stored)) == Some(column);
    if same {
        stored
    } else {
        from_column
    }
}

/// A list section: the master's entries in the verified form's order (matched by id), each
/// merged with its verified entry; entries only the master has follow in the master's order,
/// as the columns give them. Verified entries the master no longer has are dropped.
fn by_id<T: Fields, M>(
    verified: &[T],
    master: Vec<(String, M)>,
    merge: impl Fn(T, M) -> T,
    fresh: impl Fn(M) -> T,
) -> Vec<T> {
    let mut master: Vec<Option<(String, M)>> = master.into_iter().map(Some).collect();
    let mut merged = Vec::with_capacity(master.len());
    for entry in verified {
        let found = master.iter_mut().find(|m| m.as_ref().is_some_and(|(id, _)| id == entry.get("id")));
        if let Some((_, m)) = found.and_then(Option::take) {
            merged.push(merge(entry.clone(), m));
        }
    }
    merged.extend(master.into_iter().flatten().map(|(_, m)| fresh(m)));
    merged
}

/// The verified form with the master columns laid over it.
fn overlay(verified: &Formulir, columns: Formulir, record: &PnsWithHistory, labels: &Labels) -> Formulir {
    let mut form = verified.clone();
    // Data Utama: every field has a column but NPWP and Karpeg.
    form.data_utama = DataUtama {
        npwp: verified.data_utama.npwp.clone(),
        nomor_karpeg: verified.data_utama.nomor_karpeg.clone(),
        ..columns.data_utama
    };
    // Data Posisi: unit and kedudukan hukum are columns; the position itself is the verified
    // one (the master only implies it through the latest Riwayat Jabatan entry).
    form.data_posisi.unor = columns.data_posisi.unor;
    form.data_posisi.kedudukan_hukum = columns.data_posisi.kedudukan_hukum;
    form.golongan = by_id(
        &verified.golongan,
        columns.golongan.into_iter().map(|g| (g.id.clone(), g)).collect(),
        |kept, g| EntriGolongan {
            golongan: g.golongan,
            nomor_sk: g.nomor_sk,
            tanggal_sk: g.tanggal_sk,
            tmt: g.tmt,
            ..kept
        },
        |g| g,
    );
    form.pendidikan = by_id(
        &verified.pendidikan,
        record.pendidikan.iter().zip(columns.pendidikan).map(|(raw, e)| (e.id.clone(), (raw, e))).collect(),
        |kept, (raw, e)| EntriPendidikan {
            jurusan: kept_or_column(labels, Some(DaftarKode::Jurusan), kept.jurusan.clone(), &raw.jurusan, e.jurusan),
            tingkat: e.tingkat,
            nama_sekolah: e.nama_sekolah,
            tahun_lulus: e.tahun_lulus,
            ..kept
        },
        |(_, e)| e,
    );
    form.jabatan = by_id(
        &verified.jabatan,
        record.jabatan.iter().zip(columns.jabatan).map(|(raw, j)| (j.id.clone(), (raw, j))).collect(),
        |kept, (raw, j)| EntriJabatan {
            jabatan: kept_or_column(
                labels,
                fungsional_list(&raw.jenis_jabatan),
                kept.jabatan.clone(),
                &raw.nama_jabatan,
                j.jabatan,
            ),
            jenis_jabatan: j.jenis_jabatan,
            unor: j.unor,
            eselon: j.eselon,
            tmt: j.tmt,
            nomor_sk: j.nomor_sk,
            tanggal_sk: j.tanggal_sk,
            ..kept
        },
        |(_, j)| j,
    );
    // Whether the spouse is a PNS is the verified answer; the master only keeps the NIP.
    form.pasangan = by_id(
        &verified.pasangan,
        columns.pasangan.into_iter().map(|s| (s.id.clone(), s)).collect(),
        |kept, s| EntriPasangan { pns: kept.pns, ..s },
        |s| s,
    );
    form.anak = by_id(
        &verified.anak,
        columns.anak.into_iter().map(|a| (a.id.clone(), a)).collect(),
        |kept, a| EntriAnak { sekolah: kept.sekolah, nama_sekolah: kept.nama_sekolah, ..a },
        |a| a,
    );
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

    #[test]
    fn list_entries_follow_the_verified_order_and_the_master_decides_which_exist() {
        let entry =
            |id: &str, nomor_sk: &str| EntriGolongan { id: id.into(), nomor_sk: nomor_sk.into(), ..Default::default() };
        let verified = [entry("b", "verified b"), entry("gone", "verified gone"), entry("a", "verified a")];
        let master = ["a", "b", "new"].map(|id| (id.to_owned(), entry(id, &format!("master {id}"))));
        let merged = by_id(
            &verified,
            master.into(),
            |kept, m| EntriGolongan { nomor_sk: format!("{} + {}", kept.nomor_sk, m.nomor_sk), ..kept },
            |m| m,
        );
        let seen: Vec<(&str, &str)> = merged.iter().map(|e| (e.id.as_str(), e.nomor_sk.as_str())).collect();
        assert_eq!(seen, [("b", "verified b + master b"), ("a", "verified a + master a"), ("new", "master new")]);
    }

    #[test]
    fn a_stored_value_stays_while_the_column_holds_it() {
        let labels = Labels::default();
        let keep = |stored: &str, column: &str| {
            kept_or_column(&labels, Some(DaftarKode::Jurusan), stored.into(), column, format!("from {column}"))
        };
        assert_eq!(keep("Teknik Sipil", "Teknik Sipil"), "Teknik Sipil");
        // A code whose name is not the column's value (here: no such code) gives way.
        assert_eq!(keep("J0001", "Teknik Sipil"), "from Teknik Sipil");
        assert_eq!(keep("", ""), "");
    }
}
