//! Writing a verified form as the master record: every field of every section reads back
//! as written, the master version goes up by one, and the stored JSON agrees with the tables.

use domain::form::*;
use domain::ErrorCode;
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use personnel::{master_form, Personnel, PnsWithHistory, UsulanError};
use uuid::Uuid;

struct World {
    personnel: Personnel,
    reference: reference::Reference,
    records: Vec<PnsWithHistory>,
    /// A second unit of the same instansi, to move the PNS to.
    other_unor: Uuid,
}

async fn seeded(pool: &sqlx::PgPool) -> World {
    let reference = reference::Reference::new(pool.clone());
    let personnel = Personnel::new(pool.clone(), reference.clone());
    let instansi = reference::Instansi {
        id: Uuid::new_v4(),
        kode: "UJI".into(),
        nama: "Instansi Uji".into(),
        jenis: "daerah".into(),
        kanreg_id: 1,
    };
    assert!(reference.create_instansi(&instansi, Some("34")).await.unwrap());
    let unor = reference.create_unor(instansi.id, None, "Dinas Uji", "SKPD").await.unwrap();
    let other = reference.create_unor(instansi.id, Some(unor.id), "Bidang Uji", "BIDANG").await.unwrap();
    let unit = UnitTarget {
        instansi_id: instansi.id,
        unor_id: unor.id,
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let records = generate(&GeneratorConfig { seed: 11 }, std::slice::from_ref(&unit), 2);
    for r in &records {
        personnel.insert_master(r).await.unwrap();
    }
    World { personnel, reference, records, other_unor: other.id }
}

async fn write(
    pool: &sqlx::PgPool,
    nip: &str,
    form: &Formulir,
    labels: &reference::Labels,
) -> Result<i32, UsulanError> {
    let mut tx = pool.begin().await.unwrap();
    let versi = Personnel::write_master(&mut tx, nip, form, labels).await?;
    tx.commit().await.unwrap();
    Ok(versi)
}

/// Every field of a one-record section differs between the two.
fn all_changed<T: Fields + std::fmt::Debug>(before: &T, after: &T) {
    for spec in T::FIELDS {
        assert_ne!(before.get(spec.key), after.get(spec.key), "{} unchanged in {after:?}", spec.key);
    }
}

/// Every field of the entry but its id differs.
fn entry_changed<T: Fields + std::fmt::Debug>(before: &T, after: &T) {
    assert_eq!(before.get("id"), after.get("id"));
    for spec in T::FIELDS.iter().filter(|f| f.key != "id") {
        assert_ne!(before.get(spec.key), after.get(spec.key), "{} unchanged in {after:?}", spec.key);
    }
}

/// A new entry as the form page adds it: a `baru-…` key, then its fields.
fn new_entry<T: Fields>(n: u32, fields: &[(&str, &str)]) -> T {
    let mut entry = T::default();
    entry.set("id", format!("baru-{n}"));
    for (key, value) in fields {
        entry.set(key, (*value).to_owned());
    }
    entry
}

/// Round one: the generated master, every single-record field changed and every list given
/// at least two entries (diklat, spouse and children may be empty in a generated record).
fn first_form(before: &Formulir, other_unor: Uuid) -> Formulir {
    let mut f = before.clone();
    let d = &before.data_utama;
    f.data_utama = DataUtama {
        nama: format!("{} Baru", d.nama),
        gelar_depan: "Dr.".into(),
        gelar_belakang: "M.Si.".into(),
        tempat_lahir: "Kota Uji".into(),
        tanggal_lahir: "1979-02-28".into(),
        jenis_kelamin: if d.jenis_kelamin == "L" { "P" } else { "L" }.into(),
        agama: if d.agama == "3" { "4" } else { "3" }.into(),
        status_kawin: if d.status_kawin == "2" { "3" } else { "2" }.into(),
        nik: "3404016802790001".into(),
        npwp: "12.345.678.9-012.345".into(),
        nomor_karpeg: "K 123456".into(),
        alamat: "Jalan Uji 1, Sleman".into(),
        telepon: "081234567890".into(),
        email: "uji@example.test".into(),
        jenis_pegawai: if d.jenis_pegawai == "1" { "2" } else { "1" }.into(),
        tmt_cpns: "2001-03-01".into(),
        tmt_pns: "2002-04-01".into(),
    };
    f.sesuai = vec!["alamat".into()];
    let p = &before.data_posisi;
    f.data_posisi = DataPosisi {
        unor: other_unor.to_string(),
        lokasi_kerja: "3402".into(),
        jenis_jabatan: if p.jenis_jabatan == "2" { "4" } else { "2" }.into(),
        jabatan: if p.jabatan == "JFT0002" { "JFT0003" } else { "JFT0002" }.into(),
        eselon: if p.eselon == "IV.a" { "IV.b" } else { "IV.a" }.into(),
        tmt_jabatan: "2019-01-01".into(),
        kedudukan_hukum: if p.kedudukan_hukum == "01" { "03" } else { "01" }.into(),
    };
    let diklat = |n, kode: &str| {
        new_entry::<EntriDiklat>(
            n,
            &[
                ("diklat", kode),
                ("penyelenggara", "BPSDM Uji"),
                ("tanggal_mulai", "2015-03-01"),
                ("tanggal_selesai", "2015-03-20"),
                ("jumlah_jam", "120"),
            ],
        )
    };
    f.diklat_struktural = vec![diklat(1, "DS04"), diklat(2, "DS03")];
    f.diklat_fungsional = vec![diklat(3, "DF0001"), diklat(4, "DF0002")];
    let pasangan = |n, nama: &str| {
        new_entry::<EntriPasangan>(
            n,
            &[
                ("nama", nama),
                ("tempat_lahir", "Bantul"),
                ("tanggal_lahir", "1980-01-01"),
                ("tanggal_menikah", "2005-06-01"),
                ("nomor_akta_nikah", "AN-1"),
                ("pns", "T"),
                ("status", "CERAI"),
            ],
        )
    };
    while f.pasangan.len() < 2 {
        f.pasangan.push(pasangan(5 + f.pasangan.len() as u32, "Sari Pasangan"));
    }
    let anak = |n| {
        new_entry::<EntriAnak>(
            n,
            &[
                ("nama", "Budi Anak"),
                ("tempat_lahir", "Sleman"),
                ("tanggal_lahir", "2008-08-08"),
                ("jenis_kelamin", "L"),
                ("status_anak", "KANDUNG"),
                ("orang_tua", "BERSAMA"),
                ("tunjangan", "Y"),
            ],
        )
    };
    while f.anak.len() < 2 {
        f.anak.push(anak(7 + f.anak.len() as u32));
    }
    if f.pendidikan.len() < 2 {
        f.pendidikan.push(new_entry(
            9,
            &[("tingkat", "10"), ("nama_sekolah", "SMP Negeri 1 Uji"), ("tahun_lulus", "1994"), ("pertama_cpns", "T")],
        ));
    }
    if f.jabatan.len() < 2 {
        f.jabatan.push(new_entry(
            10,
            &[
                ("jenis_jabatan", "4"),
                ("unor", before.data_posisi.unor.as_str()),
                ("jabatan", "JFU0001"),
                ("tmt", "2016-01-01"),
                ("nomor_sk", "SK-JAB-2"),
                ("tanggal_sk", "2015-12-20"),
            ],
        ));
    }
    f.guru = DataGuru {
        nuptk: "1234567890123456".into(),
        mata_pelajaran: "MP001".into(),
        tahun_sertifikasi: "2012".into(),
        nomor_sertifikat: "SP-1".into(),
        jam_mengajar: "24".into(),
        sekolah: "SD Negeri Uji".into(),
    };
    f.dokter = DataDokter {
        bidang_spesialis: "SP001".into(),
        nomor_str: "STR-1".into(),
        str_berlaku_sampai: "2030-01-01".into(),
        unit_kesehatan: "Puskesmas Uji".into(),
        jenis_fasilitas: "FK01".into(),
    };
    f.stakeholder =
        DataStakeholder { bapertarum: "Y".into(), nomor_bpjs: "0001234567890".into(), nomor_kpe: "KPE-1".into() };
    f.sosial_ekonomi = SosialEkonomi {
        status_rumah: "MILIK".into(),
        tipe_rumah: "T36".into(),
        jarak_km: "7".into(),
        jumlah_tanggungan: "3".into(),
        pengeluaran: "B".into(),
    };
    f.self_assessment = SelfAssessment::default();
    for spec in SelfAssessment::FIELDS {
        f.self_assessment.set(spec.key, if spec.kind == Kind::Score { "4" } else { "Catatan pertama" }.into());
    }
    f
}

/// Round two: every field of every section changed again, and in every list one entry
/// changed in every field, one removed and one added. `unor`: the PNS's first unit.
fn second_form(before: &Formulir, unor: &str) -> Formulir {
    let mut f = before.clone();
    let d = &before.data_utama;
    f.data_utama = DataUtama {
        nama: "Rina Wulandari".into(),
        gelar_depan: "Prof.".into(),
        gelar_belakang: "Ph.D.".into(),
        tempat_lahir: "Kota Kedua Uji".into(),
        tanggal_lahir: "1980-07-15".into(),
        jenis_kelamin: if d.jenis_kelamin == "L" { "P" } else { "L" }.into(),
        agama: "5".into(),
        status_kawin: "4".into(),
        nik: "3404015507800002".into(),
        npwp: "98.765.432.1-098.765".into(),
        nomor_karpeg: "K 654321".into(),
        alamat: "Jalan Kedua 2, Bantul".into(),
        telepon: "082200000000".into(),
        email: "kedua@example.test".into(),
        jenis_pegawai: "5".into(),
        tmt_cpns: "2003-01-01".into(),
        tmt_pns: "2004-01-01".into(),
    };
    f.sesuai = vec!["nama".into(), "agama".into()];
    f.data_posisi = DataPosisi {
        unor: unor.into(),
        lokasi_kerja: "3403".into(),
        jenis_jabatan: "1".into(),
        jabatan: "Kepala Bidang Uji".into(),
        eselon: "III.a".into(),
        tmt_jabatan: "2021-05-05".into(),
        kedudukan_hukum: "02".into(),
    };

    // Riwayat Golongan: the first entry changed, the second removed, a new latest rank.
    let g = &mut f.golongan[0];
    *g = EntriGolongan {
        id: g.id.clone(),
        golongan: if g.golongan == "II/a" { "II/b" } else { "II/a" }.into(),
        jenis_kenaikan: if g.jenis_kenaikan == "PI" { "ISTIMEWA" } else { "PI" }.into(),
        masa_kerja_tahun: "17".into(),
        masa_kerja_bulan: "11".into(),
        nomor_sk: "SK-GOL-UBAH".into(),
        tanggal_sk: "1999-12-01".into(),
        tmt: "1999-12-31".into(),
        nomor_bkn: "BKN-UBAH".into(),
        tanggal_bkn: "1999-12-15".into(),
    };
    f.golongan.remove(1);
    f.golongan.push(new_entry(
        21,
        &[
            ("golongan", "IV/e"),
            ("jenis_kenaikan", "PILIHAN"),
            ("masa_kerja_tahun", "30"),
            ("masa_kerja_bulan", "2"),
            ("nomor_sk", "SK-GOL-BARU"),
            ("tanggal_sk", "2029-03-01"),
            ("tmt", "2029-04-01"),
        ],
    ));

    // Riwayat Pendidikan: a study programme by code (the master keeps its name), and a new
    // entry with a programme typed outside the list (kept as typed).
    let e = &mut f.pendidikan[0];
    *e = EntriPendidikan {
        id: e.id.clone(),
        tingkat: if e.tingkat == "12" { "40" } else { "12" }.into(),
        jurusan: if e.jurusan == "J0002" { "J0003" } else { "J0002" }.into(),
        nama_sekolah: "SMA Negeri Uji".into(),
        tahun_lulus: "1996".into(),
        nomor_ijazah: "IJ-1".into(),
        tanggal_ijazah: "1996-06-20".into(),
        gelar: "S.Pd.".into(),
        pertama_cpns: if e.pertama_cpns == "Y" { "T" } else { "Y" }.into(),
    };
    f.pendidikan.remove(1);
    f.pendidikan.push(new_entry(
        22,
        &[
            ("tingkat", "45"),
            ("jurusan", "Kajian Antariksa Terapan"),
            ("nama_sekolah", "Universitas Uji"),
            ("tahun_lulus", "2012"),
            ("pertama_cpns", "T"),
        ],
    ));

    for (list, kode, n) in [(&mut f.diklat_struktural, "DS02", 23), (&mut f.diklat_fungsional, "DF0003", 24)] {
        let x = &mut list[0];
        *x = EntriDiklat {
            id: x.id.clone(),
            diklat: kode.into(),
            penyelenggara: "LAN".into(),
            tanggal_mulai: "2018-01-02".into(),
            tanggal_selesai: "2018-02-03".into(),
            jumlah_jam: "300".into(),
            nomor_sertifikat: "SERT-1".into(),
            tanggal_sertifikat: "2018-02-10".into(),
        };
        list.remove(1);
        list.push(new_entry(
            n,
            &[
                ("diklat", kode),
                ("penyelenggara", "BPSDM"),
                ("tanggal_mulai", "2020-01-01"),
                ("tanggal_selesai", "2020-01-10"),
                ("jumlah_jam", "40"),
            ],
        ));
    }

    // Riwayat Jabatan: a JFT/JFU position by code (the master keeps its name), a removed
    // entry, a new JFT position.
    let j = &mut f.jabatan[0];
    *j = EntriJabatan {
        id: j.id.clone(),
        jenis_jabatan: if j.jenis_jabatan == "4" { "2" } else { "4" }.into(),
        unor: if j.unor == unor { before.data_posisi.unor.clone() } else { unor.to_owned() },
        jabatan: if j.jenis_jabatan == "4" { "JFT0010" } else { "JFU0003" }.into(),
        eselon: if j.eselon == "V.a" { "IV.b" } else { "V.a" }.into(),
        tmt: "2000-02-02".into(),
        tmt_selesai: "2004-02-02".into(),
        nomor_sk: "SK-JAB-UBAH".into(),
        tanggal_sk: "2000-01-15".into(),
        tmt_pelantikan: "2000-02-10".into(),
    };
    assert_ne!(f.jabatan[0].unor, before.jabatan[0].unor);
    f.jabatan.remove(1);
    f.jabatan.push(new_entry(
        25,
        &[
            ("jenis_jabatan", "2"),
            ("unor", unor),
            ("jabatan", "JFT0044"),
            ("tmt", "2024-01-01"),
            ("nomor_sk", "SK-JAB-BARU"),
            ("tanggal_sk", "2023-12-20"),
        ],
    ));

    let s = &mut f.pasangan[0];
    *s = EntriPasangan {
        id: s.id.clone(),
        nama: "Andi Pasangan".into(),
        nik: "3404011203790003".into(),
        tempat_lahir: "Kota Pasangan Uji".into(),
        tanggal_lahir: "1979-03-12".into(),
        tanggal_menikah: "2006-07-07".into(),
        nomor_akta_nikah: "AN-UBAH".into(),
        pns: if s.pns == "Y" { "T" } else { "Y" }.into(),
        nip: "197903122005011003".into(),
        status: if s.status == "MENIKAH" { "MENINGGAL" } else { "MENIKAH" }.into(),
    };
    f.pasangan.remove(1);
    f.pasangan.push(new_entry(
        26,
        &[
            ("nama", "Dewi Baru"),
            ("tempat_lahir", "Solo"),
            ("tanggal_lahir", "1985-05-05"),
            ("tanggal_menikah", "2015-05-05"),
            ("nomor_akta_nikah", "AN-BARU"),
            ("pns", "T"),
            ("status", "MENIKAH"),
        ],
    ));

    let a = &mut f.anak[0];
    *a = EntriAnak {
        id: a.id.clone(),
        nama: "Citra Anak".into(),
        nik: "3404014101100004".into(),
        tempat_lahir: "Kota Anak Uji".into(),
        tanggal_lahir: "2010-01-01".into(),
        jenis_kelamin: if a.jenis_kelamin == "L" { "P" } else { "L" }.into(),
        status_anak: if a.status_anak == "ANGKAT" { "TIRI" } else { "ANGKAT" }.into(),
        orang_tua: if a.orang_tua == "PNS" { "PASANGAN" } else { "PNS" }.into(),
        tunjangan: if a.tunjangan == "Y" { "T" } else { "Y" }.into(),
        sekolah: if a.sekolah == "SLTP" { "SD" } else { "SLTP" }.into(),
        nama_sekolah: "SMP Negeri Uji".into(),
    };
    f.anak.remove(1);
    f.anak.push(new_entry(
        27,
        &[
            ("nama", "Dimas Anak"),
            ("tempat_lahir", "Sleman"),
            ("tanggal_lahir", "2016-06-06"),
            ("jenis_kelamin", "L"),
            ("status_anak", "KANDUNG"),
            ("orang_tua", "BERSAMA"),
            ("tunjangan", "Y"),
            ("sekolah", "SD"),
            ("nama_sekolah", "SD Negeri Uji"),
        ],
    ));

    f.guru = DataGuru {
        nuptk: "6543210987654321".into(),
        mata_pelajaran: "MP002".into(),
        tahun_sertifikasi: "2016".into(),
        nomor_sertifikat: "SP-2".into(),
        jam_mengajar: "18".into(),
        sekolah: "SMP Negeri Uji".into(),
    };
    f.dokter = DataDokter {
        bidang_spesialis: "SP002".into(),
        nomor_str: "STR-2".into(),
        str_berlaku_sampai: "2031-02-02".into(),
        unit_kesehatan: "RSUD Uji".into(),
        jenis_fasilitas: "FK02".into(),
    };
    f.stakeholder =
        DataStakeholder { bapertarum: "T".into(), nomor_bpjs: "0009876543210".into(), nomor_kpe: "KPE-2".into() };
    f.sosial_ekonomi = SosialEkonomi {
        status_rumah: "SEWA".into(),
        tipe_rumah: "T45".into(),
        jarak_km: "12".into(),
        jumlah_tanggungan: "4".into(),
        pengeluaran: "C".into(),
    };
    for spec in SelfAssessment::FIELDS {
        f.self_assessment.set(spec.key, if spec.kind == Kind::Score { "2" } else { "Catatan kedua" }.into());
    }

    all_changed(&before.data_utama, &f.data_utama);
    all_changed(&before.data_posisi, &f.data_posisi);
    entry_changed(&before.golongan[0], &f.golongan[0]);
    entry_changed(&before.pendidikan[0], &f.pendidikan[0]);
    entry_changed(&before.diklat_struktural[0], &f.diklat_struktural[0]);
    entry_changed(&before.diklat_fungsional[0], &f.diklat_fungsional[0]);
    entry_changed(&before.jabatan[0], &f.jabatan[0]);
    entry_changed(&before.pasangan[0], &f.pasangan[0]);
    entry_changed(&before.anak[0], &f.anak[0]);
    all_changed(&before.guru, &f.guru);
    all_changed(&before.dokter, &f.dokter);
    all_changed(&before.stakeholder, &f.stakeholder);
    all_changed(&before.sosial_ekonomi, &f.sosial_ekonomi);
    all_changed(&before.self_assessment, &f.self_assessment);
    f
}

/// The written form with the ids the write gave its new entries (`baru-…` keys become UUIDs,
/// found at the same place in the read-back form).
fn with_given_ids(mut written: Formulir, read: &Formulir) -> Formulir {
    fn take<T: Fields>(written: &mut [T], read: &[T]) {
        assert_eq!(written.len(), read.len());
        for (w, r) in written.iter_mut().zip(read) {
            if w.get("id").starts_with("baru-") {
                Uuid::parse_str(r.get("id")).expect("a new entry gets a UUID");
                w.set("id", r.get("id").to_owned());
            }
        }
    }
    take(&mut written.golongan, &read.golongan);
    take(&mut written.pendidikan, &read.pendidikan);
    take(&mut written.diklat_struktural, &read.diklat_struktural);
    take(&mut written.diklat_fungsional, &read.diklat_fungsional);
    take(&mut written.jabatan, &read.jabatan);
    take(&mut written.pasangan, &read.pasangan);
    take(&mut written.anak, &read.anak);
    written
}

/// The stored JSON is exactly what the view builds from the tables now.
async fn rekam_agrees(pool: &sqlx::PgPool, nip: &str) {
    let agrees: bool = sqlx::query_scalar(
        "SELECT r.rekam::jsonb = l.rekam::jsonb AND r.rekam->'formulir' IS NOT NULL
         FROM pns_rekam r JOIN pns_lengkap l USING (nip) WHERE nip = $1",
    )
    .bind(nip)
    .fetch_one(pool)
    .await
    .unwrap();
    assert!(agrees, "pns_rekam differs from pns_lengkap");
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_written_form_reads_back_unchanged(pool: sqlx::PgPool) {
    let world = seeded(&pool).await;
    let nip = world.records[0].pns.nip.clone();
    let labels = world.reference.labels().await.unwrap();
    let record = world.personnel.record(&nip).await.unwrap().unwrap();
    assert_eq!(record.formulir, None);
    let start = master_form(&record, &labels);

    // Round one: from a record that was never written from a form.
    let first = first_form(&start, world.other_unor);
    let versi = write(&pool, &nip, &first, &labels).await.unwrap();
    assert_eq!(versi, record.pns.versi + 1);
    let after_first = world.personnel.record(&nip).await.unwrap().unwrap();
    assert_eq!(after_first.pns.versi, versi);
    let read = master_form(&after_first, &labels);
    assert_eq!(read, with_given_ids(first, &read));
    rekam_agrees(&pool, &nip).await;

    // Round two: every field changed again, each list with an entry changed, one removed
    // and one added.
    let second = second_form(&read, &record.pns.unor_id.to_string());
    let versi2 = write(&pool, &nip, &second, &labels).await.unwrap();
    assert_eq!(versi2, versi + 1);
    let after = world.personnel.record(&nip).await.unwrap().unwrap();
    let read = master_form(&after, &labels);
    let expected = with_given_ids(second, &read);
    assert_eq!(read, expected);
    assert_eq!(after.formulir.as_ref(), Some(&expected));
    rekam_agrees(&pool, &nip).await;

    // The columns hold the form's values: names for coded positions and programmes, the
    // latest rank as the current one.
    let p = &after.pns;
    assert_eq!((p.nama.as_str(), p.nik.as_str(), p.versi), ("Rina Wulandari", "3404015507800002", versi2));
    assert_eq!((p.golongan.as_str(), domain::dates::iso(p.tmt_golongan).as_str()), ("IV/e", "2029-04-01"));
    assert_eq!(p.unor_id, record.pns.unor_id);
    let names: Vec<&str> = after.jabatan.iter().map(|j| j.nama_jabatan.as_str()).collect();
    assert!(names.contains(&labels.name(domain::DaftarKode::Jft, "JFT0044").unwrap()), "{names:?}");
    let jurusan: Vec<&str> = after.pendidikan.iter().map(|e| e.jurusan.as_str()).collect();
    assert!(jurusan.contains(&"Kajian Antariksa Terapan"), "{jurusan:?}");
    assert!(jurusan.contains(&labels.name(domain::DaftarKode::Jurusan, &expected.pendidikan[0].jurusan).unwrap()));
    assert_eq!(after.golongan.len(), expected.golongan.len());

    // The other PNS is untouched.
    let other = world.personnel.record(&world.records[1].pns.nip).await.unwrap().unwrap();
    assert_eq!(other.formulir, None);
    assert_eq!(other.pns.versi, world.records[1].pns.versi);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_bad_value_or_an_unknown_nip_is_refused(pool: sqlx::PgPool) {
    let world = seeded(&pool).await;
    let nip = world.records[0].pns.nip.clone();
    let labels = world.reference.labels().await.unwrap();
    let record = world.personnel.record(&nip).await.unwrap().unwrap();
    let form = master_form(&record, &labels);

    let mut bad_date = form.clone();
    bad_date.jabatan[0].tmt = "2015-02-30".into();
    let mut bad_year = form.clone();
    bad_year.pendidikan[0].tahun_lulus = "dua ribu".into();
    let mut bad_unor = form.clone();
    bad_unor.data_posisi.unor = "bukan-unit".into();
    let mut bad_nik = form.clone();
    bad_nik.data_utama.nik = "123".into();
    for bad in [bad_date, bad_year, bad_unor, bad_nik] {
        let err = write(&pool, &nip, &bad, &labels).await.unwrap_err();
        assert!(matches!(err, UsulanError::Refused(ErrorCode::BadRequest)), "{err:?}");
    }
    let err = write(&pool, "199001012015011999", &form, &labels).await.unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::NotFound)), "{err:?}");
    // Nothing was written: each failed write's transaction rolled back.
    assert_eq!(world.personnel.record(&nip).await.unwrap().unwrap(), record);
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_id_another_pns_holds_gets_a_fresh_one(pool: sqlx::PgPool) {
    let world = seeded(&pool).await;
    let nip = world.records[0].pns.nip.clone();
    let labels = world.reference.labels().await.unwrap();
    let record = world.personnel.record(&nip).await.unwrap().unwrap();
    let mut form = master_form(&record, &labels);
    let taken = world.records[1].golongan[0].id.to_string();
    form.golongan[0].id = taken.clone();
    write(&pool, &nip, &form, &labels).await.unwrap();

    let read = master_form(&world.personnel.record(&nip).await.unwrap().unwrap(), &labels);
    assert_ne!(read.golongan[0].id, taken);
    form.golongan[0].id = read.golongan[0].id.clone();
    assert_eq!(read, form);
    let other = world.personnel.record(&world.records[1].pns.nip).await.unwrap().unwrap();
    assert_eq!(other.golongan[0].id.to_string(), taken);
}

#[sqlx::test(migrations = "../../migrations")]
async fn columns_changed_since_the_write_win_over_the_stored_form(pool: sqlx::PgPool) {
    let world = seeded(&pool).await;
    let nip = world.records[0].pns.nip.clone();
    let labels = world.reference.labels().await.unwrap();
    let record = world.personnel.record(&nip).await.unwrap().unwrap();
    let mut form = master_form(&record, &labels);
    form.data_utama.npwp = "12.345.678.9-012.345".into();
    form.jabatan[0].jenis_jabatan = "2".into();
    form.jabatan[0].jabatan = "JFT0010".into();
    write(&pool, &nip, &form, &labels).await.unwrap();

    // An import changes the tables behind the form's back (and rewrites the stored JSON).
    let jabatan_id = Uuid::parse_str(&form.jabatan[0].id).unwrap();
    let anak_id = form.anak.first().map(|a| Uuid::parse_str(&a.id).unwrap());
    let run = |sql: &'static str, id: Option<Uuid>| {
        let pool = pool.clone();
        let nip = nip.clone();
        async move { sqlx::query(sql).bind(nip).bind(id).execute(&pool).await.unwrap() }
    };
    run("UPDATE pns SET nama = 'Nama Impor' WHERE nip = $1 AND $2::uuid IS NULL", None).await;
    run("UPDATE riwayat_jabatan SET nama_jabatan = 'Dokter Ahli Madya' WHERE nip = $1 AND id = $2", Some(jabatan_id))
        .await;
    run("DELETE FROM keluarga_anak WHERE nip = $1 AND id = $2", anak_id).await;
    sqlx::query("UPDATE pns_rekam r SET rekam = l.rekam FROM pns_lengkap l WHERE l.nip = r.nip AND r.nip = $1")
        .bind(&nip)
        .execute(&pool)
        .await
        .unwrap();
    let read = master_form(&world.personnel.record(&nip).await.unwrap().unwrap(), &labels);
    assert_eq!(read.data_utama.nama, "Nama Impor");
    assert_eq!(read.data_utama.npwp, form.data_utama.npwp, "no column: read from the stored form");
    assert_eq!(read.jabatan[0].jabatan, "JFT0044", "the new name's code");
    assert_eq!(read.anak.len(), form.anak.len().saturating_sub(1));
}
