//! Tickets from registration, against a real database: a request tied to a NIP and an email
//! becomes a ticket only with the code mailed there, exactly once; the ticket is routed like
//! any other and followed through mailed links; nothing mailed or shown through a link tells
//! more of the master than the masked name; tries and requests are limited, also in parallel.

mod common;

use common::*;
use domain::hds::{Kategori, StatusTiket};
use domain::{ErrorCode, Role};
use helpdesk::{Helpdesk, PermintaanTamu};
use sqlx::PgPool;

const EMAIL: &str = "tamu@example.id";

fn request(nip: &str, email: &str) -> PermintaanTamu {
    PermintaanTamu {
        nip: nip.into(),
        email: email.into(),
        kategori: Kategori::BedaNama,
        subjek: "Nama saya tertulis salah".into(),
        uraian: "Nama pada data master berbeda dengan SK CPNS saya.".into(),
        instansi_tujuan: None,
    }
}

fn mail_folder() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("sipupns-hds-tamu-{}", uuid::Uuid::new_v4()))
}

/// The six-digit code in a code mail.
fn code_in(mail: &str) -> String {
    let at = mail.find("Anda: ").expect("a code mail") + "Anda: ".len();
    mail[at..at + 6].to_owned()
}

/// The token of the link in a mail.
fn link_in(mail: &str) -> String {
    let at = mail.find("/daftar/tiket?tautan=").expect("a link") + "/daftar/tiket?tautan=".len();
    mail[at..].split_whitespace().next().unwrap().to_owned()
}

async fn tickets(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM hds_tiket").fetch_one(pool).await.unwrap()
}

async fn setup(pool: &PgPool) -> (Helpdesk, personnel::Personnel, String, String, std::path::PathBuf) {
    let folder = mail_folder();
    let hds = world(pool).await.with_mail(mail::Mailer::Folder(folder.clone()), "https://pupns.example".into());
    let (personnel, pemohon, nama) = two_pns(pool).await;
    (hds, personnel, pemohon[0].nip.clone(), nama, folder)
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_mailed_code_raises_one_ticket_that_mailed_links_follow(pool: PgPool) {
    let (hds, personnel, nip, nama, folder) = setup(&pool).await;
    let not_for_guests = PermintaanTamu { kategori: Kategori::JfuTidakAda, ..request(&nip, EMAIL) };
    let err = hds.ask_guest_code(&personnel, &not_for_guests, "10.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::TicketCategoryWrong, "only what registration shows can be reported");
    let bad_mail = hds.ask_guest_code(&personnel, &request(&nip, "bukan-email"), "10.0.0.1").await.unwrap_err();
    assert_eq!(bad_mail.code(), ErrorCode::EmailFormat);

    let id = hds.ask_guest_code(&personnel, &request(&nip, EMAIL), "10.0.0.1").await.unwrap();
    let mails = mails_to(&folder, EMAIL, 1).await;
    let code = code_in(&mails[0]);
    assert_eq!(tickets(&pool).await, 0, "no ticket before the code");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(hds.confirm_guest(&personnel, id, wrong).await.unwrap_err().code(), ErrorCode::OneTimeCodeWrong);
    let tiket = hds.confirm_guest(&personnel, id, &code).await.unwrap();
    assert_eq!(hds.confirm_guest(&personnel, id, &code).await.unwrap(), tiket, "confirming again: the same ticket");
    assert_eq!(tickets(&pool).await, 1);

    let mails = mails_to(&folder, EMAIL, 2).await;
    assert!(mails[1].contains(&tiket.nomor) && mails[1].contains("https://pupns.example/daftar/tiket?tautan="));
    for mail in &mails {
        assert!(!mail.contains(&nama), "no master name in the mail: {mail}");
    }
    let link = link_in(&mails[1]);
    let detail = hds.guest_ticket(&link).await.unwrap();
    assert_eq!(detail.ringkas.nomor, tiket.nomor);
    assert_ne!(detail.ringkas.nama, nama, "the link shows the masked name only");
    assert_eq!(hds.guest_ticket("bukan-tautan").await.unwrap_err().code(), ErrorCode::GuestLinkInvalid);

    // Routed as any A ticket of Sleman: Kanreg I, under the master's name for the officer.
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let inbox = hds.inbox(&kanreg1, &Default::default()).await.unwrap();
    let seen = inbox.iter().find(|t| t.nomor == tiket.nomor).expect("in Kanreg I's inbox");
    assert_eq!((seen.nip.as_str(), seen.nama.as_str()), (nip.as_str(), nama.as_str()));
    let secret = "Mohon kirim scan SK perubahan nama.";
    let id = id_of(seen);
    hds.reply_as_officer(&kanreg1, id, secret, false, None, Some(StatusTiket::MenungguPns)).await.unwrap();

    // The notice carries a new link and not the answer; both links open the ticket.
    let mails = mails_to(&folder, EMAIL, 3).await;
    assert!(!mails[2].contains(secret), "the answer stays behind the link: {}", mails[2]);
    let second = link_in(&mails[2]);
    assert_ne!(second, link);
    let pesan = hds.reply_as_guest(&second, "Sudah saya kirim lewat kantor.", Some(0)).await.unwrap_err();
    assert_eq!(pesan.code(), ErrorCode::TicketNewerMessage, "the officer's answer was not read yet");
    let shown = hds.guest_ticket(&second).await.unwrap();
    let last = shown.pesan.last().map(|p| p.id);
    let pesan = hds.reply_as_guest(&link, "Sudah saya kirim lewat kantor.", last).await.unwrap();
    assert_ne!(pesan.nama, nama, "the guest answers under the masked name");
    let detail = hds.open_as_officer(&kanreg1, id, "10.0.0.2").await.unwrap();
    assert_eq!(detail.ringkas.status, StatusTiket::Dibuka, "the answer reopens it");
    std::fs::remove_dir_all(&folder).ok();
}

#[sqlx::test(migrations = "../../migrations")]
async fn tries_requests_and_confirmations_are_counted_in_parallel(pool: PgPool) {
    let (hds, personnel, nip, _, folder) = setup(&pool).await;

    // Six requests at once for one NIP: three get a code.
    let asks = (0..6).map(|i| {
        let (hds, personnel) = (hds.clone(), personnel.clone());
        let minta = request(&nip, &format!("tamu{i}@example.id"));
        async move { hds.ask_guest_code(&personnel, &minta, &format!("10.0.1.{i}")).await }
    });
    let results = futures::future::join_all(asks).await;
    let refused = results.iter().filter(|r| r.as_ref().is_err_and(|e| e.code() == ErrorCode::GuestTooMany)).count();
    assert_eq!((results.len() - refused, refused), (3, 3), "{results:?}");
    // Which three got through is the race's: each with its email.
    let taken: Vec<(uuid::Uuid, String)> = results
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| r.ok().map(|id| (id, format!("tamu{i}@example.id"))))
        .collect();

    // Six wrong tries at once use the code up: the right one no longer works.
    let ((first, first_email), (second, second_email)) = (&taken[0], &taken[1]);
    let (first, second) = (*first, *second);
    let tries = (0..6).map(|_| {
        let (hds, personnel) = (hds.clone(), personnel.clone());
        async move { hds.confirm_guest(&personnel, first, "999999x").await }
    });
    for r in futures::future::join_all(tries).await {
        assert_eq!(r.unwrap_err().code(), ErrorCode::OneTimeCodeFormat);
    }
    let wrong = (0..6).map(|_| {
        let (hds, personnel) = (hds.clone(), personnel.clone());
        async move { hds.confirm_guest(&personnel, first, "000001").await }
    });
    futures::future::join_all(wrong).await;
    let mails = mails_to(&folder, first_email, 1).await;
    let code = code_in(&mails[0]);
    if code != "000001" {
        let err = hds.confirm_guest(&personnel, first, &code).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::GuestCodeExpired, "five tries, then the code is used up");
    }

    // The right code sent four times at once: one ticket.
    let second_mail = mails_to(&folder, second_email, 1).await;
    let code = code_in(&second_mail[0]);
    let confirms = (0..4).map(|_| {
        let (hds, personnel, code) = (hds.clone(), personnel.clone(), code.clone());
        async move { hds.confirm_guest(&personnel, second, &code).await }
    });
    let numbers: Vec<_> = futures::future::join_all(confirms).await.into_iter().map(|r| r.unwrap().nomor).collect();
    assert!(numbers.iter().all(|n| n == &numbers[0]), "{numbers:?}");
    let made: i64 = sqlx::query_scalar("SELECT count(*) FROM hds_tiket WHERE tamu").fetch_one(&pool).await.unwrap();
    assert_eq!(made, 1);

    // A day later the requests never confirmed are dropped; the confirmed one stays.
    sqlx::query("UPDATE hds_tamu SET dibuat = dibuat - interval '2 days'").execute(&pool).await.unwrap();
    hds.purge_guest_requests().await.unwrap();
    let left: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT id FROM hds_tamu").fetch_all(&pool).await.unwrap();
    assert_eq!(left, [second]);
    std::fs::remove_dir_all(&folder).ok();
}
