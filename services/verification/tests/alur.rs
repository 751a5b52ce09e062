//! The verification loop against a real database: routing through the levels (and L4 for a
//! birth-date change), scope, claims, idempotent and racing decisions, returns with reasons
//! and the next round, the final master write, and Turun Status.

mod common;

use access::CurrentUser;
use common::{verifier, World};
use domain::form::{Bagian, JenisPeristiwa, KunciField, StatusUsulan};
use domain::verifikasi::{Hasil, Keputusan, Putusan, StatusItem, Tindakan};
use domain::{ErrorCode, Role};
use uuid::Uuid;
use verification::{Filter, Klaim};

async fn world(pool: &sqlx::PgPool) -> World {
    common::world_of(pool, 9, 4).await
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_proposal_passes_l1_l2_l3_and_becomes_the_master(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Kaliurang Km 5 No. 12, Sleman").await;
    let versi_before = w.personnel.master(&w.nips[0]).await.unwrap().unwrap().versi;

    // Only L1 has it; L2 and L3 see nothing yet.
    assert!(w.verification.queue(&w.l2(), &Filter::default(), None, 50).await.unwrap().items.is_empty());
    let l1 = w.l1();
    let answer = w.accept(&l1, w.only_item(&l1).await).await;
    assert_eq!((answer.status, answer.tingkat_berikut), (StatusItem::Diteruskan, Some(2)));
    assert!(w.verification.queue(&l1, &Filter::default(), None, 50).await.unwrap().items.is_empty());
    let l2 = w.l2();
    assert_eq!(w.accept(&l2, w.only_item(&l2).await).await.tingkat_berikut, Some(3));
    let l3 = w.l3();
    let last = w.accept(&l3, w.only_item(&l3).await).await;
    assert_eq!(last.status, StatusItem::Final);
    // No L4 without a birth-date or gender change.
    assert!(w.verification.queue(&w.l4(), &Filter::default(), None, 50).await.unwrap().items.is_empty());

    let master = w.personnel.master(&w.nips[0]).await.unwrap().unwrap();
    assert_eq!(master.alamat, "Jl. Kaliurang Km 5 No. 12, Sleman");
    assert_eq!(master.versi, versi_before + 1);
    let timeline = w.personnel.timeline(&w.nips[0]).await.unwrap();
    // The PNS sees offices, not people: the routing table's for L1/L2, the verifier's own office at L3.
    let offices: Vec<&str> = timeline.iter().map(|p| p.kantor.as_str()).collect();
    assert_eq!(
        offices,
        ["", "SKPD/UPT", "BKD", "Kantor Regional I BKN Yogyakarta", "Kantor Regional I BKN Yogyakarta"]
    );
    let steps: Vec<_> = timeline.into_iter().map(|p| (p.peristiwa, p.tingkat)).collect();
    assert_eq!(
        steps,
        [
            (JenisPeristiwa::Dikirim, None),
            (JenisPeristiwa::Disetujui, Some(1)),
            (JenisPeristiwa::Disetujui, Some(2)),
            (JenisPeristiwa::Disetujui, Some(3)),
            (JenisPeristiwa::Final, None),
        ]
    );
    // After final the PNS starts a new proposal from the new master.
    let next = w.personnel.open_usulan(&w.nips[0]).await.unwrap().unwrap();
    assert_eq!(
        (next.status, next.id, next.isi.data_utama.alamat.as_str()),
        (StatusUsulan::Draf, None, "Jl. Kaliurang Km 5 No. 12, Sleman")
    );
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_birth_date_change_also_goes_to_l4(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    let nip = w.nips[1].clone();
    let usulan = w
        .personnel
        .fill_for_sending(&nip, |form, _| {
            // One day later, in the NIK too (DDMMYY at digits 7–12, women's day + 40).
            let date = domain::dates::parse_iso_date(&form.data_utama.tanggal_lahir).unwrap();
            let moved = if date.day() < 28 { date.next_day().unwrap() } else { date.previous_day().unwrap() };
            form.data_utama.tanggal_lahir = domain::dates::iso(moved);
            let day = moved.day() + if form.data_utama.jenis_kelamin == "P" { 40 } else { 0 };
            let nik = &form.data_utama.nik;
            form.data_utama.nik = format!("{}{:02}{}", &nik[..6], day, &nik[8..]);
        })
        .await
        .unwrap();
    w.verification.send(&usulan, usulan.versi, "PNS").await.unwrap();
    for (user, next) in [(w.l1(), Some(2)), (w.l2(), Some(3)), (w.l3(), Some(4))] {
        assert_eq!(w.accept(&user, w.only_item(&user).await).await.tingkat_berikut, next);
    }
    let l4 = w.l4();
    assert_eq!(w.accept(&l4, w.only_item(&l4).await).await.status, StatusItem::Final);

    // The NIP follows the birth date: the record, its history and its proposal moved to the
    // new NIP, and the old one is an alias.
    let new_nip = w.personnel.current_nip(&nip).await.unwrap().expect("the old NIP is an alias");
    assert_eq!(
        new_nip,
        domain::form::proposed_nip(&domain::Nip::parse(&nip).unwrap(), &usulan.isi.data_utama).unwrap().as_str()
    );
    assert!(w.personnel.master(&nip).await.unwrap().is_none());
    let record = w.personnel.record(&new_nip).await.unwrap().unwrap();
    assert_eq!(domain::dates::iso(record.pns.tanggal_lahir), usulan.isi.data_utama.tanggal_lahir);
    assert_eq!(record.pns.nip, new_nip);
    assert!(!record.golongan.is_empty(), "the history moved with the NIP");
    assert_eq!(w.personnel.former_nip(&new_nip).await.unwrap().as_deref(), Some(nip.as_str()));
    assert_eq!(w.personnel.timeline(&new_nip).await.unwrap().last().unwrap().peristiwa, JenisPeristiwa::Final);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_nip_change_moves_the_account_and_ends_its_sessions(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    let nip = w.nips[1].clone();
    let account: Uuid = sqlx::query_scalar(
        "INSERT INTO account (id, nip, nama, password_hash, status) VALUES (gen_random_uuid(), $1, 'Uji', 'x', 'aktif') RETURNING id",
    )
    .bind(&nip)
    .fetch_one(&pool)
    .await
    .unwrap();
    let new_nip = "199001022015012001";
    let mut tx = pool.begin().await.unwrap();
    assert_eq!(identity::Identity::change_nip(&mut tx, &nip, new_nip).await.unwrap(), Some(account));
    tx.commit().await.unwrap();
    let moved: String =
        sqlx::query_scalar("SELECT nip FROM account WHERE id = $1").bind(account).fetch_one(&pool).await.unwrap();
    assert_eq!(moved, new_nip);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_returned_proposal_carries_its_reasons_and_starts_again_at_l1(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Salah Ketik").await;
    let l1 = w.l1();
    let item = w.only_item(&l1).await;
    let alamat = KunciField::new(Bagian::DataUtama, None, "alamat");
    let t = w.verification.review(&l1, item, "127.0.0.1").await.unwrap();
    assert!(t.terbuka.contains(&alamat));
    let mut keputusan: Vec<Keputusan> = t
        .terbuka
        .iter()
        .filter(|k| **k != alamat)
        .map(|k| Keputusan { kunci: k.clone(), hasil: Hasil::Terima, alasan: String::new() })
        .collect();
    // A return needs a rejection, and a rejection a reason.
    let mut putusan = Putusan {
        item: item.to_string(),
        kunci: Uuid::new_v4().to_string(),
        keputusan: keputusan.clone(),
        tindakan: Tindakan::Kembalikan,
        catatan: String::new(),
        pinjam: None,
    };
    assert!(w.verification.decide(&l1, &putusan).await.is_err());
    keputusan.push(Keputusan { kunci: alamat.clone(), hasil: Hasil::Tolak, alasan: "  ".into() });
    putusan.keputusan = keputusan.clone();
    assert!(matches!(
        w.verification.decide(&l1, &putusan).await,
        Err(access::ServiceError::Refused(ErrorCode::ReasonRequired))
    ));
    keputusan.last_mut().unwrap().alasan = "Tidak sesuai dengan KTP".into();
    putusan.keputusan = keputusan;
    assert_eq!(w.verification.decide(&l1, &putusan).await.unwrap().status, StatusItem::Dikembalikan);

    let returned = w.personnel.open_usulan(&w.nips[0]).await.unwrap().unwrap();
    assert_eq!(returned.status, StatusUsulan::Dikembalikan);
    assert_eq!(returned.penolakan.len(), 1);
    assert_eq!(
        (returned.penolakan[0].kunci.clone(), returned.penolakan[0].alasan.as_str()),
        (alamat.clone(), "Tidak sesuai dengan KTP")
    );

    // Corrected and sent again: round 2 at L1, the earlier decisions shown.
    w.send(0, "Jl. Kaliurang Km 5").await;
    let item2 = w.only_item(&l1).await;
    assert_ne!(item, item2);
    let t = w.verification.review(&l1, item2, "127.0.0.1").await.unwrap();
    assert_eq!(t.item.putaran, 2);
    assert!(t.keputusan.iter().any(|d| d.kunci == alamat && d.hasil == Hasil::Tolak && d.putaran == 1));
    assert!(t.sebelumnya.iter().any(|c| c.field == "alamat" && c.baru == "Jl. Salah Ketik"));
}

#[sqlx::test(migrations = "../../migrations")]
async fn verifiers_outside_the_scope_or_level_see_and_decide_nothing(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Kaliurang Km 5").await;
    let item = w.only_item(&w.l1()).await;
    let outsiders = [
        verifier(Role::VerifikatorL1, Some(w.instansi), Some(&w.other_path), None),
        verifier(Role::VerifikatorL2, Some(Uuid::new_v4()), None, None),
        verifier(Role::VerifikatorL3, None, None, Some(2)),
        // The right scope but the wrong level: L2 cannot act on an item waiting at L1.
        w.l2(),
    ];
    for user in &outsiders {
        assert!(w.verification.queue(user, &Filter::default(), None, 50).await.unwrap().items.is_empty());
        let err = w.verification.review(user, item, "127.0.0.1").await.unwrap_err();
        assert!(matches!(err, access::ServiceError::Refused(ErrorCode::NotFound)), "{err:?}");
        let putusan = Putusan {
            item: item.to_string(),
            kunci: Uuid::new_v4().to_string(),
            keputusan: vec![],
            tindakan: Tindakan::Teruskan,
            catatan: String::new(),
            pinjam: None,
        };
        let err = w.verification.decide(user, &putusan).await.unwrap_err();
        assert!(matches!(err, access::ServiceError::Refused(ErrorCode::NotFound)), "{err:?}");
    }
    let pns = verifier(Role::Pns, Some(w.instansi), Some(&w.unit_path), Some(1));
    assert!(w.verification.queue(&pns, &Filter::default(), None, 50).await.is_err());
}

#[sqlx::test(migrations = "../../migrations")]
async fn claims_keep_a_second_verifier_out_and_a_retried_decision_applies_once(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Kaliurang Km 5").await;
    let (a, b) = (w.l1(), w.l1());
    let item = w.only_item(&a).await;
    let t = w.verification.review(&a, item, "127.0.0.1").await.unwrap();
    assert!(matches!(t.klaim, Klaim::Milik(_)));
    let seen_by_b = w.verification.review(&b, item, "127.0.0.1").await.unwrap();
    assert!(matches!(seen_by_b.klaim, Klaim::Orang(ref nama, _) if *nama == a.nama));
    let accept_all = |kunci: Uuid| Putusan {
        item: item.to_string(),
        kunci: kunci.to_string(),
        keputusan: t
            .terbuka
            .iter()
            .map(|k| Keputusan { kunci: k.clone(), hasil: Hasil::Terima, alasan: String::new() })
            .collect(),
        tindakan: Tindakan::Teruskan,
        catatan: String::new(),
        pinjam: None,
    };
    let err = w.verification.decide(&b, &accept_all(Uuid::new_v4())).await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::ClaimedByOther)), "{err:?}");

    // The same key sent three times at once: one decision, three equal answers.
    let key = Uuid::new_v4();
    let putusan = accept_all(key);
    let answers = futures::future::join_all((0..3).map(|_| w.verification.decide(&a, &putusan))).await;
    let answers: Vec<_> = answers.into_iter().map(Result::unwrap).collect();
    assert!(answers.iter().all(|x| *x == answers[0]));
    let decided: i64 = sqlx::query_scalar("SELECT count(*) FROM verifikasi_riwayat").fetch_one(&pool).await.unwrap();
    assert_eq!(decided, 1);
    let waiting_l2: i64 =
        sqlx::query_scalar("SELECT count(*) FROM verifikasi_item WHERE tingkat = 2").fetch_one(&pool).await.unwrap();
    assert_eq!(waiting_l2, 1);
    // A new key on a decided item is told so.
    let err = w.verification.decide(&a, &accept_all(Uuid::new_v4())).await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::AlreadyDecided)), "{err:?}");
    // The same key with another body is refused, not answered with the first decision.
    let other = Putusan { catatan: "catatan lain".into(), ..putusan.clone() };
    let err = w.verification.decide(&a, &other).await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::KeyReused)), "{err:?}");
    assert_eq!(w.verification.decide(&a, &putusan).await.unwrap(), answers[0]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn two_verifiers_deciding_at_once_exactly_one_wins(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Kaliurang Km 5").await;
    let l2s: Vec<CurrentUser> = (0..4).map(|_| w.l2()).collect();
    w.accept(&w.l1(), w.only_item(&w.l1()).await).await;
    let item = w.only_item(&l2s[0]).await;
    let t = w.verification.review(&l2s[0], item, "127.0.0.1").await.unwrap();
    // Nobody holds a claim now: the race is on the row lock alone.
    w.verification.release(&l2s[0], item).await.unwrap();
    let verification = &w.verification;
    let results = futures::future::join_all(l2s.iter().map(|user| {
        let putusan = Putusan {
            item: item.to_string(),
            kunci: Uuid::new_v4().to_string(),
            keputusan: t
                .terbuka
                .iter()
                .map(|k| Keputusan { kunci: k.clone(), hasil: Hasil::Terima, alasan: String::new() })
                .collect(),
            tindakan: Tindakan::Teruskan,
            catatan: String::new(),
            pinjam: None,
        };
        async move { verification.decide(user, &putusan).await }
    }))
    .await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    assert!(results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .all(|e| matches!(e, access::ServiceError::Refused(ErrorCode::AlreadyDecided))));
    let at_l3: i64 =
        sqlx::query_scalar("SELECT count(*) FROM verifikasi_item WHERE tingkat = 3").fetch_one(&pool).await.unwrap();
    assert_eq!(at_l3, 1);
}

#[sqlx::test(migrations = "../../migrations")]
async fn turun_status_returns_a_sent_proposal_to_draft(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Kaliurang Km 5").await;
    let nip = &w.nips[0];
    // Only an L3 of the PNS's region (or admin BKN), and only with a reason.
    let err = w.verification.turun_status(&w.l1(), nip, "Salah kirim", "127.0.0.1").await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::Forbidden)), "{err:?}");
    let err = w
        .verification
        .turun_status(&verifier(Role::VerifikatorL3, None, None, Some(2)), nip, "Salah kirim", "127.0.0.1")
        .await
        .unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::NotFound)), "{err:?}");
    let err = w.verification.turun_status(&w.l3(), nip, " ", "127.0.0.1").await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::ReasonRequired)), "{err:?}");
    w.verification.turun_status(&w.l3(), nip, "PNS meminta koreksi data keluarga", "127.0.0.1").await.unwrap();

    let usulan = w.personnel.open_usulan(nip).await.unwrap().unwrap();
    assert_eq!(usulan.status, StatusUsulan::Draf);
    assert!(w.verification.queue(&w.l1(), &Filter::default(), None, 50).await.unwrap().items.is_empty());
    let last = w.personnel.timeline(nip).await.unwrap().pop().unwrap();
    assert_eq!(
        (last.peristiwa, last.catatan.as_str()),
        (JenisPeristiwa::TurunStatus, "PNS meminta koreksi data keluarga")
    );
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'turun_status' AND subject = $1")
            .bind(nip)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
    // Nothing left to reopen.
    let err = w.verification.turun_status(&w.l3(), nip, "Lagi", "127.0.0.1").await.unwrap_err();
    assert!(matches!(err, access::ServiceError::Refused(ErrorCode::NotReturnable)), "{err:?}");
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_queue_filters_searches_and_pages_with_a_cursor(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    for i in 0..4 {
        w.send(i, &format!("Jl. Uji {i}")).await;
    }
    let l1 = w.l1();
    let first = w.verification.queue(&l1, &Filter::default(), None, 3).await.unwrap();
    assert_eq!(first.items.len(), 3);
    let rest = w.verification.queue(&l1, &Filter::default(), first.berikut, 3).await.unwrap();
    assert_eq!((rest.items.len(), rest.berikut), (1, None));
    assert!(!first.items.iter().any(|i| i.id == rest.items[0].id));
    let by_nip = Filter { cari: w.nips[2][..14].to_owned(), ..Filter::default() };
    let found = w.verification.queue(&l1, &by_nip, None, 50).await.unwrap();
    assert!(found.items.iter().any(|i| i.nip == w.nips[2]));
    let name = found.items.iter().find(|i| i.nip == w.nips[2]).unwrap().nama.clone();
    let by_name = Filter { cari: name.to_lowercase(), ..Filter::default() };
    assert!(w.verification.queue(&l1, &by_name, None, 50).await.unwrap().items.iter().any(|i| i.nip == w.nips[2]));
    let nobody = Filter { cari: "%".into(), ..Filter::default() };
    assert!(w.verification.queue(&l1, &nobody, None, 50).await.unwrap().items.is_empty());
    let with_docs = Filter { ada_dokumen: Some(true), ..Filter::default() };
    assert!(w.verification.queue(&l1, &with_docs, None, 50).await.unwrap().items.is_empty());
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_queue_narrows_to_a_unit_in_the_scope_and_refuses_one_outside(pool: sqlx::PgPool) {
    let w = world(&pool).await;
    w.send(0, "Jl. Uji 0").await;
    let l1_item = w.only_item(&w.l1()).await;
    w.accept(&w.l1(), l1_item).await;
    let l2 = w.l2();
    // L2 sees both units of its instansi; L1 sees only what lies below its own unit (nothing);
    // L3's scope is a region, so it has no unit list.
    let units = w.verification.queue_units(&l2).await.unwrap();
    let mut names: Vec<_> = units.iter().map(|u| (u.nama.as_str(), u.kedalaman)).collect();
    names.sort();
    assert_eq!(names, [("Dinas Lain", 1), ("Dinas Uji", 1)]);
    assert!(w.verification.queue_units(&w.l1()).await.unwrap().is_empty());
    assert!(w.verification.queue_units(&w.l3()).await.unwrap().is_empty());

    let dinas_uji = units.iter().find(|u| u.nama == "Dinas Uji").unwrap().id;
    let dinas_lain = units.iter().find(|u| u.nama == "Dinas Lain").unwrap().id;
    let path = w.verification.unit_path(&l2, dinas_uji).await.unwrap();
    let narrowed = Filter { unor_path: Some(path), ..Filter::default() };
    assert_eq!(w.verification.queue(&l2, &narrowed, None, 50).await.unwrap().items.len(), 1);
    let path = w.verification.unit_path(&l2, dinas_lain).await.unwrap();
    let elsewhere = Filter { unor_path: Some(path), ..Filter::default() };
    assert!(w.verification.queue(&l2, &elsewhere, None, 50).await.unwrap().items.is_empty());
    // The L1 verifier of Dinas Uji cannot narrow to Dinas Lain, nor L3 to any unit.
    for user in [w.l1(), w.l3()] {
        let err = w.verification.unit_path(&user, dinas_lain).await.unwrap_err();
        assert!(matches!(err, access::ServiceError::Refused(ErrorCode::NotFound)), "{err:?}");
    }
}
