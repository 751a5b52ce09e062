//! The help desk against a real database: routing of every category, who sees which ticket,
//! the conversation and its statuses, SLA clocks, the rate limit under parallel requests, and
//! the event log's replay when events commit out of order.

mod common;

use common::*;
use domain::hds::{Kategori, StatusTiket};
use domain::{ErrorCode, Role};
use helpdesk::{FilterKotak, Pemohon, Penerima, MAX_TIKET_PER_JAM};
use sqlx::PgPool;

#[sqlx::test(migrations = "../../migrations")]
async fn every_category_is_routed_to_its_office(pool: PgPool) {
    let hds = world(&pool).await;
    use Kategori::*;
    for k in Kategori::ALL.iter().copied().filter(|k| *k != BedaInstansi) {
        let daerah = hds.route(k, SLEMAN, None).await.unwrap();
        let pusat = hds.route(k, BPS, None).await.unwrap();
        let (want_daerah, want_pusat) = match k {
            BedaNama | DataDiberhentikan => (Penerima::Kantor(1), Penerima::Kantor(104)),
            DataPensiun => (Penerima::Kantor(1), Penerima::Kantor(102)),
            TurunStatus => (Penerima::Kantor(1), Penerima::Kantor(101)),
            UnorTidakAda | SekolahTidakAda | UnitKesehatanTidakAda | TambahVerifikatorL1 => {
                (Penerima::AdminInstansi(SLEMAN), Penerima::AdminInstansi(BPS))
            }
            PendaftaranMenunggu => (Penerima::Bkd(SLEMAN), Penerima::Bkd(BPS)),
            _ => (Penerima::Kantor(104), Penerima::Kantor(104)),
        };
        assert_eq!((daerah, pusat), (want_daerah, want_pusat), "category {}", k.code());
    }
    // Beda instansi: the instansi moved to decides.
    assert_eq!(hds.route(BedaInstansi, SLEMAN, Some(BANTUL)).await.unwrap(), Penerima::Bkd(BANTUL));
    assert_eq!(hds.route(BedaInstansi, SLEMAN, Some(SURABAYA)).await.unwrap(), Penerima::Kantor(2));
    assert_eq!(hds.route(BedaInstansi, SLEMAN, Some(BPS)).await.unwrap(), Penerima::Kantor(101));
    let missing = hds.route(BedaInstansi, SLEMAN, None).await.unwrap_err();
    assert_eq!(missing.code(), ErrorCode::TicketDestinationRequired);
}

#[sqlx::test(migrations = "../../migrations")]
async fn admin_bkn_changes_a_route_and_new_tickets_follow_it(pool: PgPool) {
    use domain::hds::{AturanRute, TujuanRute};

    let hds = world(&pool).await;
    let admin = officer(Role::AdminBkn, None, None, &[]);
    let table = hds.routing_table().await.unwrap();
    let jfu = |jenis: &str, tujuan| AturanRute {
        kategori: Kategori::JfuTidakAda,
        jenis_instansi: jenis.into(),
        antar_provinsi: None,
        tujuan,
    };
    assert!(table.aturan.contains(&jfu("daerah", TujuanRute::Kantor(104))));
    assert!(table.kantor.iter().any(|(id, _)| *id == 104) && table.kantor.iter().all(|(id, _)| *id >= 100));
    let ani = pns("198501012010012001", SLEMAN);
    let before = hds.raise(&ani, &ticket(Kategori::JfuTidakAda)).await.unwrap();

    let to_bkd = jfu("daerah", TujuanRute::Bkd);
    let err = hds.set_route(&officer(Role::AdminKanreg, Some(1), None, &[]), &to_bkd, "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
    let refused = [
        (jfu("daerah", TujuanRute::AdminInstansi), ErrorCode::RouteAdminCategories),
        (jfu("pusat", TujuanRute::Kanreg), ErrorCode::RouteKanregForCentral),
        (jfu("daerah", TujuanRute::Kantor(1)), ErrorCode::BadRequest),
        (AturanRute { antar_provinsi: Some(true), ..to_bkd.clone() }, ErrorCode::NotFound),
    ];
    for (aturan, code) in refused {
        assert_eq!(hds.set_route(&admin, &aturan, "127.0.0.1").await.unwrap_err().code(), code, "{aturan:?}");
    }
    hds.set_route(&admin, &to_bkd, "127.0.0.1").await.unwrap();
    assert!(hds.routing_table().await.unwrap().aturan.contains(&to_bkd));
    assert_eq!(hds.route(Kategori::JfuTidakAda, SLEMAN, None).await.unwrap(), Penerima::Bkd(SLEMAN));
    assert_eq!(hds.route(Kategori::JfuTidakAda, BPS, None).await.unwrap(), Penerima::Kantor(104), "central: unchanged");
    // A ticket raised before stays with its office; the change is audited.
    let bkd = officer(Role::PetugasHds, None, Some(SLEMAN), &["I"]);
    let seen: Vec<String> = hds.inbox(&bkd, &FilterKotak::default()).await.unwrap().into_iter().map(|t| t.id).collect();
    assert!(!seen.contains(&before.id));
    let after = hds.raise(&ani, &ticket(Kategori::JfuTidakAda)).await.unwrap();
    let seen: Vec<String> = hds.inbox(&bkd, &FilterKotak::default()).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(seen, vec![after.id]);
    let detail = audit_detail(&pool, "hds_rute_changed", admin.account_id).await;
    assert_eq!((&detail["before"], &detail["after"]), (&"kantor:104".into(), &"bkd".into()));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_pns_sees_only_their_own_and_an_officer_only_their_office_and_categories(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let budi = pns("198601012010011002", SURABAYA);
    let a_ani = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let c_ani = hds.raise(&ani, &ticket(Kategori::DataPensiun)).await.unwrap();
    let f_ani = hds.raise(&ani, &ticket(Kategori::UnorTidakAda)).await.unwrap();
    let a_budi = hds.raise(&budi, &ticket(Kategori::BedaNama)).await.unwrap();
    assert!(a_ani.nomor.starts_with("HDS-") && a_ani.nomor.len() == 15, "{}", a_ani.nomor);

    let own: Vec<String> = hds.own_tickets(&ani).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(own.len(), 3);
    assert!(!own.contains(&a_budi.id));
    let err = hds.own_ticket(&ani, id_of(&a_budi)).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);

    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A", "B"]);
    let inbox: Vec<String> =
        hds.inbox(&kanreg1, &FilterKotak::default()).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(inbox, std::slice::from_ref(&a_ani.id));
    for other in [&c_ani, &f_ani, &a_budi] {
        let err = hds.open_as_officer(&kanreg1, id_of(other), "127.0.0.1").await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
    }
    let admin = officer(Role::AdminInstansi, None, Some(SLEMAN), &[]);
    let inbox: Vec<String> =
        hds.inbox(&admin, &FilterKotak::default()).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(inbox, std::slice::from_ref(&f_ani.id));
    for role in [Role::Pns, Role::VerifikatorL2, Role::AdminBkn] {
        let err = hds.inbox(&officer(role, Some(1), Some(SLEMAN), &["A"]), &FilterKotak::default()).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::Forbidden);
    }

    // An officer's read of a ticket is audited.
    hds.open_as_officer(&kanreg1, id_of(&a_ani), "127.0.0.1").await.unwrap();
    assert_eq!(audited(&pool, "data_read", &ani.nip, kanreg1.account_id).await, 1);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_conversation_moves_the_status_and_hides_notes_from_the_pns(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let t = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let id = id_of(&t);
    assert_eq!(t.status, StatusTiket::Baru);
    let petugas = officer(Role::PetugasHds, Some(1), None, &["A"]);

    hds.claim(&petugas, id).await.unwrap();
    hds.reply_as_officer(&petugas, id, "Cek dulu SK CPNS-nya.", true, None, None).await.unwrap();
    let q = hds
        .reply_as_officer(&petugas, id, "Mohon unggah SK CPNS.", false, None, Some(StatusTiket::MenungguPns))
        .await
        .unwrap();
    let seen_by_pns = hds.own_ticket(&ani, id).await.unwrap();
    assert_eq!(seen_by_pns.ringkas.status, StatusTiket::MenungguPns);
    assert_eq!(seen_by_pns.ringkas.petugas.as_deref(), Some(petugas.nama.as_str()));
    let texts: Vec<&str> = seen_by_pns.pesan.iter().map(|p| p.isi.as_str()).collect();
    assert_eq!(texts, ["Mohon unggah SK CPNS."], "the internal note stays with the officers");

    // The PNS answers what they saw: the ticket is back with the officer.
    let a = hds.reply_as_pns(&ani, id, "Sudah saya unggah.", Some(q.id)).await.unwrap();
    assert_eq!(hds.own_ticket(&ani, id).await.unwrap().ringkas.status, StatusTiket::Dibuka);
    // An officer reply written before the PNS's answer arrived is refused, then sent once read.
    let stale = hds.reply_as_officer(&petugas, id, "Terima kasih.", false, Some(q.id), None).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::TicketNewerMessage);
    hds.reply_as_officer(&petugas, id, "Nama sudah dibetulkan.", false, Some(a.id), Some(StatusTiket::Selesai))
        .await
        .unwrap();
    let officer_view = hds.open_as_officer(&petugas, id, "127.0.0.1").await.unwrap();
    assert_eq!(officer_view.pesan.len(), 4);
    assert_eq!(officer_view.ringkas.status, StatusTiket::Selesai);

    hds.close_as_pns(&ani, id, Some(5)).await.unwrap();
    let closed = hds.own_ticket(&ani, id).await.unwrap();
    assert_eq!((closed.ringkas.status, closed.nilai), (StatusTiket::Ditutup, Some(5)));
    let err = hds.reply_as_pns(&ani, id, "Satu lagi.", None).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::TicketClosed);
    assert!(hds.inbox(&petugas, &FilterKotak::default()).await.unwrap().is_empty(), "closed tickets leave the inbox");
    let all = FilterKotak { semua: true, ..FilterKotak::default() };
    assert_eq!(hds.inbox(&petugas, &all).await.unwrap().len(), 1);
}

#[sqlx::test(migrations = "../../migrations")]
async fn overdue_tickets_are_marked_and_come_first(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let fresh = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let old = hds.raise(&ani, &ticket(Kategori::DataPensiun)).await.unwrap();
    // C must be answered within 24 hours: this one waited 30.
    raised_hours_ago(&pool, &old, 30).await;
    let petugas = officer(Role::PetugasHds, Some(1), None, &["A", "C"]);
    let inbox = hds.inbox(&petugas, &FilterKotak::default()).await.unwrap();
    assert_eq!(
        inbox.iter().map(|t| (t.id.clone(), t.terlambat)).collect::<Vec<_>>(),
        [(old.id.clone(), true), (fresh.id.clone(), false)]
    );
    assert!(inbox[0].umur_menit >= 30 * 60);
    let overdue = FilterKotak { terlambat: true, ..FilterKotak::default() };
    assert_eq!(hds.inbox(&petugas, &overdue).await.unwrap().len(), 1);
    // An answer stops the first clock; the resolve clock (240 h for C) is still running.
    hds.reply_as_officer(&petugas, id_of(&old), "Sedang kami periksa.", false, None, None).await.unwrap();
    assert!(!hds.inbox(&petugas, &overdue).await.unwrap().iter().any(|t| t.id == old.id));
}

#[sqlx::test(migrations = "../../migrations")]
async fn admin_bkn_sets_the_sla_clocks_and_open_tickets_follow_at_once(pool: PgPool) {
    use domain::hds::Sla;

    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let old = hds.raise(&ani, &ticket(Kategori::DataPensiun)).await.unwrap();
    raised_hours_ago(&pool, &old, 30).await;
    let petugas = officer(Role::PetugasHds, Some(1), None, &["C"]);
    let overdue = FilterKotak { terlambat: true, ..FilterKotak::default() };
    assert_eq!(hds.inbox(&petugas, &overdue).await.unwrap().len(), 1, "C: 24 hours to answer");

    let table = hds.sla_table().await.unwrap();
    assert_eq!(table.len(), 18);
    assert_eq!(table[2], Sla { kategori: Kategori::DataPensiun, jawab_jam: 24, selesai_jam: 240 });
    let admin = officer(Role::AdminBkn, None, None, &[]);
    let longer = Sla { kategori: Kategori::DataPensiun, jawab_jam: 48, selesai_jam: 240 };
    for role in [Role::PetugasHds, Role::AdminInstansi, Role::AdminKanreg] {
        let err = hds.set_sla(&officer(role, Some(1), Some(SLEMAN), &["C"]), longer, "127.0.0.1").await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::Forbidden, "{role:?}");
    }
    for (jawab_jam, selesai_jam, code) in [
        (0, 24, ErrorCode::SlaHoursRange),
        (48, 24, ErrorCode::SlaSolveBeforeAnswer),
        (24, 9999, ErrorCode::SlaHoursRange),
    ] {
        let bad = Sla { jawab_jam, selesai_jam, ..longer };
        assert_eq!(hds.set_sla(&admin, bad, "127.0.0.1").await.unwrap_err().code(), code);
    }
    assert_eq!(hds.sla_table().await.unwrap()[2].jawab_jam, 24, "nothing written by a refusal");

    hds.set_sla(&admin, longer, "127.0.0.1").await.unwrap();
    assert_eq!(hds.sla_table().await.unwrap()[2], longer);
    assert!(hds.inbox(&petugas, &overdue).await.unwrap().is_empty(), "48 hours now: not overdue any more");
    let detail = audit_detail(&pool, "hds_sla_changed", admin.account_id).await;
    assert_eq!((&detail["before"]["jawab_jam"], &detail["after"]["jawab_jam"]), (&24.into(), &48.into()));
}

#[sqlx::test(migrations = "../../migrations")]
async fn tickets_raised_in_parallel_stop_at_the_hourly_limit(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let tries = (0..12).map(|_| {
        let (hds, ani) = (hds.clone(), ani.clone());
        tokio::spawn(async move { hds.raise(&ani, &ticket(Kategori::BedaNama)).await })
    });
    let results: Vec<_> = futures::future::join_all(tries).await.into_iter().map(|r| r.unwrap()).collect();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok as i64, MAX_TIKET_PER_JAM);
    assert!(results.iter().filter_map(|r| r.as_ref().err()).all(|e| e.code() == ErrorCode::TicketTooMany));
}

#[sqlx::test(migrations = "../../migrations")]
async fn events_committed_out_of_order_are_both_delivered(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let t = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    helpdesk::peristiwa::number(&pool).await.unwrap();
    let start = helpdesk::peristiwa::latest(&pool).await.unwrap();

    // Two writers: the first takes the lower id and commits last.
    let insert = "INSERT INTO hds_peristiwa (tiket_id, jenis, nip, kategori, kantor_id, penerima)
                  VALUES ($1, $2, $3, 'A', 1, 'kantor') RETURNING id";
    let mut slow = pool.begin().await.unwrap();
    let slow_id: i64 =
        sqlx::query_scalar(insert).bind(id_of(&t)).bind("pesan").bind(&ani.nip).fetch_one(&mut *slow).await.unwrap();
    let mut fast = pool.begin().await.unwrap();
    let fast_id: i64 =
        sqlx::query_scalar(insert).bind(id_of(&t)).bind("status").bind(&ani.nip).fetch_one(&mut *fast).await.unwrap();
    assert!(slow_id < fast_id);
    fast.commit().await.unwrap();

    // A reader now sees only the committed one, and moves past it.
    helpdesk::peristiwa::number(&pool).await.unwrap();
    let first = helpdesk::peristiwa::after(&pool, start, 100).await.unwrap();
    assert_eq!(first.iter().map(|p| p.jenis.as_str()).collect::<Vec<_>>(), ["status"]);
    let seen = first[0].nomor;

    // The late one still arrives after the number the reader resumes from.
    slow.commit().await.unwrap();
    helpdesk::peristiwa::number(&pool).await.unwrap();
    let second = helpdesk::peristiwa::after(&pool, seen, 100).await.unwrap();
    assert_eq!(second.iter().map(|p| p.jenis.as_str()).collect::<Vec<_>>(), ["pesan"]);
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_receipt_is_a_pdf_for_its_pns_and_the_officers_who_reach_it(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let t = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let as_user = |p: &Pemohon| {
        let mut u = officer(Role::Pns, None, Some(p.instansi_id), &[]);
        u.nip = Some(p.nip.clone());
        u.account_id = p.akun_id;
        u
    };
    let bukti = hds.receipt(&as_user(&ani), id_of(&t), "127.0.0.1").await.unwrap();
    assert!(bukti.pdf.starts_with(b"%PDF-"));
    assert_eq!(bukti.file_name, format!("tiket-{}.pdf", t.nomor));
    let budi = pns("198601012010011002", SLEMAN);
    let err = hds.receipt(&as_user(&budi), id_of(&t), "127.0.0.1").await.err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    assert!(hds.receipt(&kanreg1, id_of(&t), "127.0.0.1").await.unwrap().pdf.starts_with(b"%PDF-"));
    let kanreg2 = officer(Role::PetugasHds, Some(2), None, &["A"]);
    assert_eq!(hds.receipt(&kanreg2, id_of(&t), "127.0.0.1").await.err().unwrap().code(), ErrorCode::NotFound);
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_answer_and_a_solution_are_mailed_without_the_conversation(pool: PgPool) {
    let folder = std::env::temp_dir().join(format!("sipupns-hds-mail-{}", uuid::Uuid::new_v4()));
    let hds = world(&pool).await.with_mail(mail::Mailer::Folder(folder.clone()), "https://pupns.example/".into());
    let ani = pns("198501012010012001", SLEMAN);
    let baru = helpdesk::TiketBaru { email: Some("ani@example.id".into()), ..ticket(Kategori::BedaNama) };
    let t = hds.raise(&ani, &baru).await.unwrap();
    let silent = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let secret = "Isi percakapan yang rahasia.";
    hds.reply_as_officer(&kanreg1, id_of(&t), "Catatan internal saja.", true, None, None).await.unwrap();
    hds.reply_as_officer(&kanreg1, id_of(&t), secret, false, None, Some(StatusTiket::MenungguPns)).await.unwrap();
    hds.set_status(&kanreg1, id_of(&t), StatusTiket::Selesai).await.unwrap();
    hds.reply_as_officer(&kanreg1, id_of(&silent), secret, false, None, None).await.unwrap();

    // Sent in the background: wait for both files.
    let count = || std::fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0);
    for _ in 0..50 {
        if count() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // A third (which must not come) would have had time to arrive.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut texts: Vec<String> =
        std::fs::read_dir(&folder).unwrap().flatten().map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
    texts.sort();
    assert_eq!(
        texts.len(),
        2,
        "one per answer and solution, none for a note or a ticket without an address: {texts:?}"
    );
    let link = format!("https://pupns.example/pns/bantuan/{}", t.id);
    assert!(texts.iter().any(|m| m.contains("Subject: SIPUPNS: tiket Help Desk Anda dijawab")));
    assert!(texts.iter().any(|m| m.contains("Subject: SIPUPNS: tiket Help Desk Anda diselesaikan")));
    for text in &texts {
        assert!(text.starts_with("To: ani@example.id") && text.contains(&t.nomor) && text.contains(&link), "{text}");
        assert!(!text.contains(secret), "the conversation stays behind sign-in: {text}");
    }
    std::fs::remove_dir_all(&folder).unwrap();
}
