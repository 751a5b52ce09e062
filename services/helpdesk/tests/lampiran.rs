//! Ticket attachments: who may add and read them, what is accepted, the limit under parallel
//! uploads, and where the bytes go (the help desk's own folder).

mod common;

use access::{CurrentUser, Grant};
use common::*;
use domain::hds::{Dari, Kategori, LAMPIRAN_PER_TIKET};
use domain::{ErrorCode, Role};
use helpdesk::Pemohon;
use sqlx::PgPool;
use uuid::Uuid;

const PDF: &[u8] = b"%PDF-1.4\n% SK CPNS\n";
const IP: &str = "10.0.0.9";

/// The PNS behind a `Pemohon`, signed in as a PNS.
fn as_user(p: &Pemohon) -> CurrentUser {
    let grant = Grant {
        id: Uuid::new_v4(),
        role: Role::Pns,
        instansi_id: Some(p.instansi_id),
        unor_id: None,
        unor_path: None,
        kanreg_id: None,
        hds_kategori: Vec::new(),
        kantor_id: None,
    };
    CurrentUser {
        account_id: p.akun_id,
        nama: p.nama.clone(),
        nip: Some(p.nip.clone()),
        username: None,
        active: grant.clone(),
        grants: vec![grant],
    }
}

fn folder() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("sipupns-hds-lampiran-{}", Uuid::new_v4()))
}

#[sqlx::test(migrations = "../../migrations")]
async fn the_ticket_s_pns_and_its_officers_attach_and_read_files(pool: PgPool) {
    let dir = folder();
    let hds = world(&pool).await.with_file_dir(dir.clone());
    let ani = pns("198501012010012001", SLEMAN);
    let budi = pns("198602022010011002", SLEMAN);
    let id = id_of(&hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap());
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let other_categories = officer(Role::PetugasHds, Some(1), None, &["C"]);

    let sk = hds.attach(&as_user(&ani), id, "C:\\Dokumen\\SK CPNS.pdf", PDF, IP).await.unwrap();
    assert_eq!(
        (sk.nama_file.as_str(), sk.jenis.as_str(), sk.ukuran, sk.dari),
        ("SK CPNS.pdf", "application/pdf", 19, Dari::Pns)
    );
    let jawaban = hds.attach(&kanreg1, id, "surat.png", b"\x89PNG\r\n\x1a\n....", IP).await.unwrap();
    assert_eq!(jawaban.dari, Dari::Petugas);
    // Both in the ticket, for its PNS and for the officer, oldest first.
    let shown: Vec<String> =
        hds.own_ticket(&ani, id).await.unwrap().lampiran.into_iter().map(|l| l.nama_file).collect();
    assert_eq!(shown, ["SK CPNS.pdf", "surat.png"]);
    assert_eq!(hds.open_as_officer(&kanreg1, id, IP).await.unwrap().lampiran.len(), 2);

    // Read back: the bytes from the help desk's own folder; an officer's read is audited.
    let (_, path) = hds.attachment_for(&as_user(&ani), sk.id.parse().unwrap(), IP).await.unwrap();
    assert!(path.starts_with(&dir), "{}", path.display());
    assert_eq!(std::fs::read(&path).unwrap(), PDF);
    let before = audited(&pool, "data_read", &ani.nip, kanreg1.account_id).await;
    hds.attachment_for(&kanreg1, sk.id.parse().unwrap(), IP).await.unwrap();
    assert_eq!(audited(&pool, "data_read", &ani.nip, kanreg1.account_id).await, before + 1);
    assert_eq!(audited(&pool, "document_uploaded", &ani.nip, ani.akun_id).await, 1);

    // Anyone else learns nothing: another PNS, an officer of other categories.
    for outsider in [as_user(&budi), other_categories] {
        let err = hds.attach(&outsider, id, "x.pdf", PDF, IP).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound, "{:?}", outsider.active.role);
        let err = hds.attachment_for(&outsider, sk.id.parse().unwrap(), IP).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
    }
    // Checked by content and name, like the form's documents.
    for (name, bytes, code) in [
        ("catatan.pdf", &b"bukan pdf"[..], ErrorCode::DocumentType),
        ("kosong.pdf", &b""[..], ErrorCode::DocumentEmpty),
    ] {
        let err = hds.attach(&as_user(&ani), id, name, bytes, IP).await.unwrap_err();
        assert_eq!(err.code(), code, "{name}");
    }
    // A closed ticket takes no more.
    hds.close_as_pns(&ani, id, Some(5)).await.unwrap();
    let err = hds.attach(&as_user(&ani), id, "lagi.pdf", PDF, IP).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::TicketClosed);
    std::fs::remove_dir_all(dir).unwrap();
}

#[sqlx::test(migrations = "../../migrations")]
async fn parallel_uploads_stop_at_the_limit(pool: PgPool) {
    let dir = folder();
    let hds = world(&pool).await.with_file_dir(dir.clone());
    let ani = pns("198501012010012001", SLEMAN);
    let id = id_of(&hds.raise(&ani, &ticket(Kategori::BedaNama)).await.unwrap());
    let user = as_user(&ani);
    for i in 0..LAMPIRAN_PER_TIKET - 2 {
        hds.attach(&user, id, &format!("bukti-{i}.pdf"), PDF, IP).await.unwrap();
    }
    let uploads = (0..6).map(|i| {
        let (hds, user) = (hds.clone(), user.clone());
        tokio::spawn(async move { hds.attach(&user, id, &format!("paralel-{i}.pdf"), PDF, IP).await })
    });
    let results: Vec<_> = futures::future::join_all(uploads).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2, "{results:?}");
    assert!(results.iter().filter_map(|r| r.as_ref().err()).all(|e| e.code() == ErrorCode::TicketTooManyAttachments));
    assert_eq!(hds.own_ticket(&ani, id).await.unwrap().lampiran.len(), LAMPIRAN_PER_TIKET);
    std::fs::remove_dir_all(dir).unwrap();
}
