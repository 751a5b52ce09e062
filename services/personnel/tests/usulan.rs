//! The proposal store against a real database: drafts from the master, concurrency,
//! idempotent saves, review state, sending and the timeline.

use domain::form::*;
use domain::ErrorCode;
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use personnel::{Personnel, UsulanError};
use uuid::Uuid;

fn today() -> time::Date {
    domain::dates::parse_iso_date("2026-11-24").unwrap()
}

/// Three generated PNS of a real instansi and unit (the server checks units against the
/// reference tree), on a fixed "today".
async fn seeded(pool: &sqlx::PgPool) -> (Personnel, String) {
    let (personnel, nip, _) = seeded_with_reference(pool).await;
    (personnel, nip)
}

async fn seeded_with_reference(pool: &sqlx::PgPool) -> (Personnel, String, reference::Reference) {
    let reference = reference::Reference::new(pool.clone());
    let personnel = Personnel::new(pool.clone(), reference.clone()).with_today(today);
    let instansi = reference::Instansi {
        id: Uuid::new_v4(),
        kode: "UJI".into(),
        nama: "Instansi Uji".into(),
        jenis: "daerah".into(),
        kanreg_id: 1,
    };
    assert!(reference.create_instansi(&instansi, Some("34")).await.unwrap());
    let unor = reference.create_unor(instansi.id, None, "Dinas Uji", "SKPD").await.unwrap();
    let unit = UnitTarget {
        instansi_id: instansi.id,
        unor_id: unor.id,
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let records = generate(&GeneratorConfig { seed: 5 }, std::slice::from_ref(&unit), 3);
    for r in &records {
        personnel.insert_master(r).await.unwrap();
    }
    (personnel, records[0].pns.nip.clone(), reference)
}

/// Sends in a transaction of its own (verification sends inside its own one).
async fn submit(
    pool: &sqlx::PgPool,
    personnel: &Personnel,
    usulan: &personnel::Usulan,
) -> Result<personnel::Terkirim, UsulanError> {
    let mut tx = pool.begin().await?;
    let sent = personnel.submit(&mut tx, usulan, usulan.versi, "pns").await?;
    tx.commit().await?;
    Ok(sent)
}

fn save(versi: i32, isi: IsiBagian, periksa: bool) -> Simpan {
    Simpan { versi, isi, periksa, kunci: Uuid::new_v4().to_string() }
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_draft_starts_as_the_master_record(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    assert_eq!(usulan.status, StatusUsulan::Draf);
    assert_eq!(usulan.isi, usulan.master_form);
    assert_eq!(usulan.isi.golongan.len(), usulan.master.golongan.len());
    assert!(diff(&usulan.master_form, &usulan.isi).is_empty());
    assert!(personnel.open_usulan("199001012015011999").await.unwrap().is_none());
    // Opening again returns the draft as saved, not a fresh copy of the master record (a
    // version compared before any save would be the first version either way).
    let stakeholder = DataStakeholder { bapertarum: "Y".into(), ..Default::default() };
    let first = save(usulan.versi, IsiBagian::Stakeholder(stakeholder), false);
    let saved = personnel.save_section(&usulan, first).await.unwrap().hasil;
    assert!(saved.versi > usulan.versi);
    let again = personnel.open_usulan(&nip).await.unwrap().unwrap();
    assert_eq!((again.status, again.versi), (StatusUsulan::Draf, saved.versi));
    assert_eq!(again.isi.stakeholder.bapertarum, "Y");
    assert_ne!(again.isi, again.master_form);
    assert_eq!(again.master_form, usulan.master_form);
}

#[sqlx::test(migrations = "../../migrations")]
async fn saves_are_versioned_and_retries_apply_once(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let mut stakeholder = DataStakeholder { bapertarum: "Y".into(), ..Default::default() };
    let first = save(usulan.versi, IsiBagian::Stakeholder(stakeholder.clone()), false);
    let saved = personnel.save_section(&usulan, first.clone()).await.unwrap().hasil;
    assert_eq!(saved.versi, usulan.versi + 1);

    // The same request again (a lost response retried) gets the same answer.
    let retried = personnel.save_section(&usulan, first).await.unwrap().hasil;
    assert_eq!(retried.versi, saved.versi);

    // A save based on the old version is refused: another window saved in between.
    stakeholder.nomor_kpe = "123".into();
    let stale = save(usulan.versi, IsiBagian::Stakeholder(stakeholder.clone()), false);
    let err = personnel.save_section(&usulan, stale).await.unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::VersionConflict)), "{err:?}");

    let reopened = personnel.open_usulan(&nip).await.unwrap().unwrap();
    assert_eq!(reopened.isi.stakeholder.bapertarum, "Y");
    assert_eq!(reopened.versi, saved.versi);
}

#[sqlx::test(migrations = "../../migrations")]
async fn review_marks_a_section_only_when_it_passes(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let bad = DataStakeholder { bapertarum: "".into(), nomor_bpjs: "12".into(), ..Default::default() };
    let result = personnel.save_section(&usulan, save(usulan.versi, IsiBagian::Stakeholder(bad), true)).await;
    let result = result.unwrap().hasil;
    assert!(result.kesalahan.iter().any(|e| e.field == "bapertarum" && e.code == ErrorCode::FieldRequired));
    assert!(result.kesalahan.iter().any(|e| e.field == "nomor_bpjs" && e.code == ErrorCode::BpjsFormat));
    assert!(result.diperiksa.is_empty());

    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let good = DataStakeholder { bapertarum: "T".into(), ..Default::default() };
    let result = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::Stakeholder(good.clone()), true))
        .await
        .unwrap()
        .hasil;
    assert_eq!((result.kesalahan.as_slice(), result.diperiksa.as_slice()), (&[][..], &[Bagian::Stakeholder][..]));

    // Codes and units are checked against the reference lists on the server.
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let posisi = DataPosisi { lokasi_kerja: "3404".into(), ..usulan.isi.data_posisi.clone() };
    let result = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::DataPosisi(posisi.clone()), true))
        .await
        .unwrap()
        .hasil;
    assert!(result.kesalahan.is_empty(), "{:?}", result.kesalahan);
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let unknown = DataPosisi { kedudukan_hukum: "ZZ".into(), unor: Uuid::new_v4().to_string(), ..posisi };
    let result =
        personnel.save_section(&usulan, save(usulan.versi, IsiBagian::DataPosisi(unknown), true)).await.unwrap().hasil;
    assert!(result.kesalahan.iter().any(|e| e.field == "kedudukan_hukum" && e.code == ErrorCode::CodeUnknown));
    assert!(result.kesalahan.iter().any(|e| e.field == "unor" && e.code == ErrorCode::CodeUnknown));

    // An autosave that changes a reviewed section un-marks it.
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let changed = DataStakeholder { nomor_kpe: "99".into(), ..good };
    let result = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::Stakeholder(changed), false))
        .await
        .unwrap()
        .hasil;
    assert!(result.diperiksa.is_empty());
}

#[sqlx::test(migrations = "../../migrations")]
async fn sending_needs_every_section_then_locks_the_draft(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let labels = reference::Reference::new(pool.clone()).labels().await.unwrap();
    let berlaku = Personnel::applicable(&usulan.isi, &labels);
    let err = submit(&pool, &personnel, &usulan).await.unwrap_err();
    match err {
        UsulanError::Incomplete { belum_diperiksa, .. } => assert_eq!(belum_diperiksa, berlaku),
        other => panic!("{other:?}"),
    }
    let mut usulan = usulan;
    for bagian in berlaku {
        let isi = match bagian {
            Bagian::Stakeholder => IsiBagian::Stakeholder(DataStakeholder {
                bapertarum: "Y".into(),
                nomor_bpjs: "0001234567890".into(),
                ..Default::default()
            }),
            Bagian::SosialEkonomi => IsiBagian::SosialEkonomi(SosialEkonomi {
                status_rumah: "MILIK".into(),
                tipe_rumah: "T36".into(),
                jarak_km: "7".into(),
                jumlah_tanggungan: "2".into(),
                pengeluaran: "B".into(),
            }),
            Bagian::SelfAssessment => {
                let mut form = usulan.isi.clone();
                for field in bagian.fields() {
                    form.set_field(bagian, None, field.key, "4".into());
                }
                form.section(bagian)
            }
            // Every master value confirmed as it stands.
            Bagian::DataUtama => IsiBagian::DataUtama {
                data: usulan.isi.data_utama.clone(),
                sesuai: bagian.fields().iter().map(|f| f.key.to_owned()).collect(),
            },
            // The master keeps no place of work.
            Bagian::DataPosisi => {
                IsiBagian::DataPosisi(DataPosisi { lokasi_kerja: "3404".into(), ..usulan.isi.data_posisi.clone() })
            }
            // The master record as it stands passes its own rules.
            _ => usulan.isi.section(bagian),
        };
        let result = personnel.save_section(&usulan, save(usulan.versi, isi, true)).await.unwrap().hasil;
        assert!(result.kesalahan.is_empty(), "{bagian:?}: {:?}", result.kesalahan);
        usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    }
    let versi = submit(&pool, &personnel, &usulan).await.unwrap().versi;
    let sent = personnel.open_usulan(&nip).await.unwrap().unwrap();
    assert_eq!((sent.status, sent.versi), (StatusUsulan::Dikirim, versi));
    let changes = personnel.sent_changes(&sent).await.unwrap();
    assert!(changes
        .iter()
        .any(|c| c.bagian == Bagian::Stakeholder && c.field == "nomor_bpjs" && c.baru == "0001234567890"));
    let timeline = personnel.timeline(&nip).await.unwrap();
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0].peristiwa, JenisPeristiwa::Dikirim);

    // Locked: no more saves, no second send.
    let err = personnel
        .save_section(&sent, save(sent.versi, IsiBagian::Stakeholder(DataStakeholder::default()), false))
        .await
        .unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::ProposalLocked)), "{err:?}");
    let err = submit(&pool, &personnel, &sent).await.unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::ProposalLocked)), "{err:?}");
}

#[sqlx::test(migrations = "../../migrations")]
async fn sending_outside_the_collection_period_is_refused(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    sqlx::query(
        "UPDATE instansi_setting SET pendataan_mulai = '2026-01-01', pendataan_selesai = '2026-03-31'
         WHERE instansi_id = $1",
    )
    .bind(usulan.master.pns.instansi_id)
    .execute(&pool)
    .await
    .unwrap();
    let err = submit(&pool, &personnel, &usulan).await.unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::PeriodClosed)), "{err:?}");
    // The service's own clock decides: on a day inside the period, sending goes on to the
    // section checks.
    let in_period = personnel.clone().with_today(|| domain::dates::parse_iso_date("2026-02-01").unwrap());
    assert_eq!(in_period.today(), domain::dates::parse_iso_date("2026-02-01").unwrap());
    let err = submit(&pool, &in_period, &usulan).await.unwrap_err();
    assert!(matches!(err, UsulanError::Incomplete { .. }), "{err:?}");
}

/// The generator and the reference lists agree: a generated master record's coded values
/// are all entries of their lists, so a generated PNS can pass the form as it stands.
#[sqlx::test(migrations = "../../migrations")]
async fn generated_records_use_only_reference_values(pool: sqlx::PgPool) {
    let reference = reference::Reference::new(pool.clone());
    let labels = reference.labels().await.unwrap();
    let unit = UnitTarget {
        instansi_id: Uuid::new_v4(),
        unor_id: Uuid::new_v4(),
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let mut unknown = std::collections::BTreeSet::new();
    for record in generate(&GeneratorConfig { seed: 77 }, std::slice::from_ref(&unit), 2000) {
        let form = personnel::master_form(&record, &labels);
        for bagian in [
            Bagian::DataUtama,
            Bagian::DataPosisi,
            Bagian::Golongan,
            Bagian::Pendidikan,
            Bagian::Jabatan,
            Bagian::Pasangan,
            Bagian::Anak,
        ] {
            form.visit_fields(bagian, |_, spec, value, jenis_jabatan| {
                if let Some(list) = bagian.code_list(spec, jenis_jabatan) {
                    if !value.is_empty() && !labels.contains(list, value) {
                        unknown.insert(format!("{list:?}: {value}"));
                    }
                }
            });
        }
    }
    assert!(unknown.is_empty(), "generated values missing from the reference lists: {unknown:?}");
}

/// A generated family passes the form's own rules as it stands (NIKs agree with birth dates
/// and genders, marriages and births in a possible order), so a PNS can confirm it unchanged.
#[sqlx::test(migrations = "../../migrations")]
async fn generated_families_pass_the_form_rules(pool: sqlx::PgPool) {
    let labels = reference::Reference::new(pool.clone()).labels().await.unwrap();
    let unit = UnitTarget {
        instansi_id: Uuid::new_v4(),
        unor_id: Uuid::new_v4(),
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let (mut spouses, mut children) = (0, 0);
    for record in generate(&GeneratorConfig { seed: 78 }, std::slice::from_ref(&unit), 2000) {
        let form = personnel::master_form(&record, &labels);
        let nip = domain::Nip::parse(&record.pns.nip).unwrap();
        let cx = Context { nip: &nip, master: &form, today: today() };
        for bagian in [Bagian::Pasangan, Bagian::Anak] {
            let errors = check_section(&form, bagian, &cx);
            assert!(errors.is_empty(), "{bagian:?} of {}: {errors:?}", record.pns.nip);
        }
        spouses += form.pasangan.len();
        children += form.anak.len();
    }
    assert!(spouses > 1000 && children > 2000, "{spouses} spouses, {children} children");
}

/// A stored state or event this code does not know is an error, never shown as another one.
/// A retired reference entry (#13) stays where the master has it, and cannot be chosen anew.
#[sqlx::test(migrations = "../../migrations")]
async fn a_retired_code_is_kept_only_where_the_master_has_it(pool: sqlx::PgPool) {
    let (personnel, nip, reference) = seeded_with_reference(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let held = usulan.master_form.data_utama.agama.clone();
    let other = if held == "2" { "3" } else { "2" };
    // Both retired (as the reference service's change does, with its cache dropped).
    sqlx::query("UPDATE kode_referensi SET aktif = FALSE WHERE jenis = 'agama' AND kode = ANY($1)")
        .bind(vec![held.clone(), other.to_owned()])
        .execute(&pool)
        .await
        .unwrap();
    reference.forget_labels();
    let agama_errors = |hasil: &HasilSimpan| -> Vec<ErrorCode> {
        hasil.kesalahan.iter().filter(|e| e.field == "agama").map(|e| e.code).collect()
    };

    // The master's own value is accepted...
    let kept = usulan.isi.data_utama.clone();
    let result = personnel
        .save_section(
            &usulan,
            save(usulan.versi, IsiBagian::DataUtama { data: kept.clone(), sesuai: vec!["agama".into()] }, true),
        )
        .await;
    assert_eq!(agama_errors(&result.unwrap().hasil), []);
    // ...another retired one is not, and says why.
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let chosen = DataUtama { agama: other.to_owned(), ..kept };
    let result = personnel
        .save_section(
            &usulan,
            save(usulan.versi, IsiBagian::DataUtama { data: chosen, sesuai: vec!["agama".into()] }, true),
        )
        .await;
    assert_eq!(agama_errors(&result.unwrap().hasil), [ErrorCode::CodeRetired]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn unknown_stored_codes_are_errors(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let stakeholder = DataStakeholder { bapertarum: "Y".into(), ..Default::default() };
    personnel.save_section(&usulan, save(usulan.versi, IsiBagian::Stakeholder(stakeholder), false)).await.unwrap();
    sqlx::query("ALTER TABLE usulan_riwayat DROP CONSTRAINT usulan_riwayat_peristiwa_check")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO usulan_riwayat (usulan_id, nip, peristiwa, oleh) SELECT id, nip, 'dibatalkan', 'x' FROM usulan WHERE nip = $1")
        .bind(&nip)
        .execute(&pool)
        .await
        .unwrap();
    assert!(matches!(personnel.timeline(&nip).await, Err(sqlx::Error::Decode(_))));

    sqlx::query("ALTER TABLE usulan DROP CONSTRAINT usulan_status_check").execute(&pool).await.unwrap();
    sqlx::query("UPDATE usulan SET status = 'diarsipkan' WHERE nip = $1").bind(&nip).execute(&pool).await.unwrap();
    let err = personnel.open_usulan(&nip).await.unwrap_err();
    assert!(matches!(err, UsulanError::Database(sqlx::Error::Decode(_))), "{err:?}");
}

/// Data Guru and Data Dokter follow the kind of the position's reference entry: a PNS whose
/// position is not a teacher's cannot save Data Guru, and becomes a teacher by the code.
#[sqlx::test(migrations = "../../migrations")]
async fn the_position_kind_decides_which_sections_apply(pool: sqlx::PgPool) {
    let (personnel, nip) = seeded(&pool).await;
    let labels = reference::Reference::new(pool.clone()).labels().await.unwrap();
    let guru = labels.code_by_name(domain::DaftarKode::Jft, "Guru Ahli Muda").unwrap().to_owned();
    let analis = labels.code_by_name(domain::DaftarKode::Jft, "Analis Kepegawaian Ahli Muda").unwrap().to_owned();
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let as_position = |kode: &str| DataPosisi {
        jenis_jabatan: JENIS_JABATAN_FUNGSIONAL_TERTENTU.into(),
        jabatan: kode.into(),
        eselon: String::new(),
        ..usulan.isi.data_posisi.clone()
    };
    let saved = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::DataPosisi(as_position(&analis)), false))
        .await
        .unwrap();
    assert!(!saved.berlaku.contains(&Bagian::Guru) && !saved.berlaku.contains(&Bagian::Dokter));
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    let err = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::Guru(DataGuru::default()), false))
        .await
        .unwrap_err();
    assert!(matches!(err, UsulanError::Refused(ErrorCode::SectionNotApplicable)), "{err:?}");

    let saved = personnel
        .save_section(&usulan, save(usulan.versi, IsiBagian::DataPosisi(as_position(&guru)), false))
        .await
        .unwrap();
    assert!(saved.berlaku.contains(&Bagian::Guru) && !saved.berlaku.contains(&Bagian::Dokter));
    let usulan = personnel.open_usulan(&nip).await.unwrap().unwrap();
    personnel.save_section(&usulan, save(usulan.versi, IsiBagian::Guru(DataGuru::default()), false)).await.unwrap();
}
