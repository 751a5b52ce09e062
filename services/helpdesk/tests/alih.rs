//! Handing tickets on and canned replies against a real database: a ticket goes only to a
//! colleague who reaches it; a transfer moves it to the other office with its reason, and
//! both offices' streams hear of it; each office keeps its own canned replies.

mod common;

use common::*;
use domain::hds::{Kategori, StatusTiket};
use domain::{ErrorCode, Role};
use helpdesk::{peristiwa, FilterKotak, Jangkauan};
use sqlx::PgPool;

const REASON: &str = "PNS bertugas di wilayah Kanreg II sejak 2024.";

#[sqlx::test(migrations = "../../migrations")]
async fn a_ticket_goes_only_to_a_colleague_who_reaches_it(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let t = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let id = id_of(&t);
    let me = officer(Role::PetugasHds, Some(1), None, &["A", "B"]);
    let colleague = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let other_category = officer(Role::PetugasHds, Some(1), None, &["C"]);
    let other_office = officer(Role::PetugasHds, Some(2), None, &["A", "C"]);
    let staf = [&me, &colleague, &other_category, &other_office].map(rekan);

    let names: Vec<String> = hds.colleagues(&me, id, &staf).await.unwrap().into_iter().map(|o| o.nama).collect();
    assert_eq!(
        names,
        std::slice::from_ref(&colleague.nama),
        "only a colleague of the office and category, not oneself"
    );

    for outsider in [&other_category, &other_office] {
        let err = hds.assign(&me, id, outsider.account_id, &staf).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound, "{}", outsider.nama);
    }
    let err = hds.assign(&other_office, id, colleague.account_id, &staf).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "an officer out of reach assigns nothing");

    hds.assign(&me, id, colleague.account_id, &staf).await.unwrap();
    let theirs = FilterKotak { petugas: Some(colleague.account_id), ..Default::default() };
    let list = hds.inbox(&colleague, &theirs).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, StatusTiket::Dibuka);
    assert_eq!(list[0].petugas.as_deref(), Some(colleague.nama.as_str()));
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_transfer_moves_the_ticket_with_its_reason_and_tells_both_offices(pool: PgPool) {
    let hds = world(&pool).await;
    let ani = pns("198501012010012001", SLEMAN);
    let t = hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap();
    let id = id_of(&t);
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let kanreg2 = officer(Role::PetugasHds, Some(2), None, &["A"]);
    hds.claim(&kanreg1, id).await.unwrap();

    let offices: Vec<String> = hds.destinations(&kanreg1, id).await.unwrap().into_iter().map(|o| o.kode).collect();
    assert!(offices.contains(&"kantor:2".to_owned()) && offices.contains(&format!("bkd:{SLEMAN}")), "{offices:?}");
    assert!(!offices.contains(&"kantor:1".to_owned()), "not where it is: {offices:?}");
    assert!(!offices.contains(&format!("admin:{SLEMAN}")), "the admin answers only F, K, L, R: {offices:?}");

    for (ke, alasan, code) in [
        ("kantor:1", REASON, ErrorCode::TransferSameOffice),
        ("kantor:2", "salah", ErrorCode::TransferReasonShort),
        ("kantor:2", "  ", ErrorCode::FieldRequired),
        (&format!("admin:{SLEMAN}"), REASON, ErrorCode::NotFound),
        ("kantor:x", REASON, ErrorCode::NotFound),
    ] {
        let err = hds.transfer(&kanreg1, id, ke, alasan).await.unwrap_err();
        assert_eq!(err.code(), code, "{ke} {alasan}");
    }
    let err = hds.transfer(&kanreg2, id, "kantor:2", REASON).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "only an officer who reaches it transfers it");

    peristiwa::number(&pool).await.unwrap();
    let before = peristiwa::latest(&pool).await.unwrap();
    hds.transfer(&kanreg1, id, "kantor:2", REASON).await.unwrap();

    assert!(hds.inbox(&kanreg1, &FilterKotak::default()).await.unwrap().is_empty());
    assert_eq!(hds.open_as_officer(&kanreg1, id, "127.0.0.1").await.unwrap_err().code(), ErrorCode::NotFound);
    let arrived = hds.inbox(&kanreg2, &FilterKotak::default()).await.unwrap();
    assert_eq!(arrived.len(), 1);
    assert_eq!((arrived[0].status, arrived[0].petugas.clone()), (StatusTiket::Baru, None), "new and unassigned there");
    let detail = hds.open_as_officer(&kanreg2, id, "127.0.0.1").await.unwrap();
    assert_eq!(detail.pengalihan.len(), 1);
    let p = &detail.pengalihan[0];
    assert_eq!((p.alasan.as_str(), p.oleh.as_str()), (REASON, kanreg1.nama.as_str()));
    assert!(!p.dari.is_empty() && p.ke == detail.penerima && p.dari != p.ke, "{p:?}");

    let own = hds.own_ticket(&ani, id).await.unwrap();
    assert_eq!(own.penerima, detail.penerima, "the PNS sees who answers now");
    assert!(own.pengalihan.is_empty(), "the reason is for officers");

    peristiwa::number(&pool).await.unwrap();
    let events = peristiwa::after(&pool, before, 10).await.unwrap();
    assert_eq!(events.iter().map(|e| e.jenis.as_str()).collect::<Vec<_>>(), ["alih", "alih"]);
    let (j1, j2) = (Jangkauan::of(&kanreg1.active).unwrap(), Jangkauan::of(&kanreg2.active).unwrap());
    assert!(events[0].for_officer(&j1) && !events[0].for_officer(&j2), "the old office drops it");
    assert!(events[1].for_officer(&j2) && !events[1].for_officer(&j1), "the new office gets it");
    assert!(events.iter().all(|e| e.for_pns(&ani.nip)), "the PNS's page follows");
}

#[sqlx::test(migrations = "../../migrations")]
async fn each_office_keeps_its_own_canned_replies(pool: PgPool) {
    let hds = world(&pool).await;
    let one = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let colleague = officer(Role::PetugasHds, Some(1), None, &["B"]);
    let elsewhere = officer(Role::PetugasHds, Some(2), None, &["A"]);
    let bkd = officer(Role::PetugasHds, None, Some(SLEMAN), &["Q"]);
    let admin = officer(Role::AdminInstansi, None, Some(SLEMAN), &[]);

    assert_eq!(hds.save_template(&one, None, "ok", "Isi").await.unwrap_err().code(), ErrorCode::TemplateTitleShort);
    let sk = hds.save_template(&one, None, " Minta SK ", "Mohon unggah SK CPNS terbaru.").await.unwrap();
    assert_eq!(sk.judul, "Minta SK");
    assert_eq!(hds.templates(&colleague).await.unwrap(), std::slice::from_ref(&sk), "the whole office shares them");
    for outsider in [&elsewhere, &bkd, &admin] {
        assert!(hds.templates(outsider).await.unwrap().is_empty(), "{}", outsider.nama);
    }
    let taken = hds.save_template(&colleague, None, "Minta SK", "Lain").await.unwrap_err();
    assert_eq!(taken.code(), ErrorCode::TemplateTitleTaken);
    // The same title in another office is that office's own.
    hds.save_template(&elsewhere, None, "Minta SK", "Kanreg II").await.unwrap();
    hds.save_template(&admin, None, "Minta SK", "Admin").await.unwrap();
    assert!(hds.templates(&bkd).await.unwrap().is_empty(), "the BKD and the admin of one instansi are two offices");

    let sk_id = sk.id.parse().unwrap();
    let err = hds.save_template(&elsewhere, Some(sk_id), "Diubah", "Diubah").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(hds.delete_template(&elsewhere, sk_id).await.unwrap_err().code(), ErrorCode::NotFound);
    hds.save_template(&colleague, Some(sk_id), "Minta SK terbaru", "Mohon unggah SK.").await.unwrap();
    assert_eq!(hds.templates(&one).await.unwrap()[0].judul, "Minta SK terbaru");
    hds.delete_template(&one, sk_id).await.unwrap();
    assert!(hds.templates(&one).await.unwrap().is_empty());
}
