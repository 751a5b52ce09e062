//! A ticket raised from a "[?]" flag of the form, against a real database: the flag gives the
//! ticket its field, master value and category; the ticket takes the flag up in its own
//! transaction (only the PNS's own, open flag); solving the ticket settles the flag and a
//! reopened ticket makes it wait again.

mod common;

use common::*;
use domain::form::{Bagian, StatusTanda};
use domain::hds::{Kategori, StatusTiket};
use domain::{ErrorCode, Role};
use personnel::Personnel;
use sqlx::PgPool;
use uuid::Uuid;

async fn flag_status(personnel: &Personnel, nip: &str) -> (StatusTanda, Option<(String, String)>) {
    let form = personnel.open_form(nip).await.unwrap().unwrap();
    let tanda = &form.tanda[0];
    (tanda.status, tanda.tiket_id.clone().zip(tanda.tiket_nomor.clone()))
}

async fn ticket_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM hds_tiket").fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_flag_fills_the_ticket_and_follows_it_until_solved(pool: PgPool) {
    let hds = world(&pool).await;
    let (personnel, pemohon, nama) = two_pns(&pool).await;
    let (ani, budi) = (&pemohon[0], &pemohon[1]);
    let reason = "Nama di SK CPNS memakai ejaan lama.";
    let tanda = personnel.flag_field(&ani.nip, Bagian::DataUtama, None, "nama", reason).await.unwrap();

    let err = personnel.flag_for_ticket(&budi.nip, &tanda.id).await.unwrap_err();
    assert_eq!(access::ServiceError::from(err).code(), ErrorCode::NotFound, "another PNS's flag");
    let dari = personnel.flag_for_ticket(&ani.nip, &tanda.id).await.unwrap();
    assert_eq!((dari.nilai_master.as_str(), dari.keterangan.as_str()), (nama.as_str(), reason));
    assert_eq!(dari.kategori, Some(Kategori::BedaNama));

    let tanda_id: Uuid = tanda.id.parse().unwrap();
    let from_flag = helpdesk::TiketBaru { tanda_id: Some(tanda_id), ..ticket(Kategori::BedaNama) };
    let err = hds.raise(budi, &from_flag).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "a ticket cannot take another PNS's flag");
    assert_eq!(ticket_count(&pool).await, 0, "nothing written when the flag is refused");

    let t = hds.raise(ani, &from_flag).await.unwrap();
    assert_eq!(flag_status(&personnel, &ani.nip).await, (StatusTanda::Tiket, Some((t.id.clone(), t.nomor.clone()))));
    let err = hds.raise(ani, &from_flag).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::FlagNotOpen, "one ticket per flag");
    let err = personnel.flag_for_ticket(&ani.nip, &tanda.id).await.unwrap_err();
    assert_eq!(access::ServiceError::from(err).code(), ErrorCode::FlagNotOpen);
    let err = personnel.withdraw_flag(&ani.nip, &tanda.id).await.unwrap_err();
    assert_eq!(access::ServiceError::from(err).code(), ErrorCode::NotFound, "a flag with a ticket stays");

    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let id = id_of(&t);
    hds.reply_as_officer(&kanreg1, id, "Nama sudah kami betulkan sesuai SK.", false, None, Some(StatusTiket::Selesai))
        .await
        .unwrap();
    assert_eq!(flag_status(&personnel, &ani.nip).await.0, StatusTanda::Selesai, "solved with its ticket");
    hds.reply_as_pns(ani, id, "Gelar belakang masih salah.", None).await.unwrap();
    assert_eq!(flag_status(&personnel, &ani.nip).await.0, StatusTanda::Tiket, "waits again when it reopens");
    hds.close_as_pns(ani, id, Some(5)).await.unwrap();
    assert_eq!(flag_status(&personnel, &ani.nip).await.0, StatusTanda::Selesai);
}

/// Raises an A ticket from a "[?]" on `field` of Data Utama.
async fn ticket_from_flag(
    hds: &helpdesk::Helpdesk,
    personnel: &Personnel,
    pemohon: &helpdesk::Pemohon,
    field: &str,
) -> Uuid {
    flagged_ticket(hds, personnel, pemohon, (Bagian::DataUtama, field), Kategori::BedaNama).await
}

/// Raises a `kategori` ticket from a "[?]" on a field of a single section.
async fn flagged_ticket(
    hds: &helpdesk::Helpdesk,
    personnel: &Personnel,
    pemohon: &helpdesk::Pemohon,
    (bagian, field): (Bagian, &str),
    kategori: Kategori,
) -> Uuid {
    let reason = "Data master berbeda atau pilihan yang benar tidak ada.";
    let tanda = personnel.flag_field(&pemohon.nip, bagian, None, field, reason).await.unwrap();
    let baru = helpdesk::TiketBaru { tanda_id: Some(tanda.id.parse().unwrap()), ..ticket(kategori) };
    id_of(&hds.raise(pemohon, &baru).await.unwrap())
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_officer_corrects_the_master_and_the_pns_draft_follows(pool: PgPool) {
    use domain::form::{IsiBagian, Simpan};

    let hds = world(&pool).await;
    let (personnel, pemohon, nama) = two_pns(&pool).await;
    let ani = &pemohon[0];
    // Ani's draft keeps the master's name and has a change elsewhere.
    let usulan = personnel.open_usulan(&ani.nip).await.unwrap().unwrap();
    let mut data = usulan.isi.data_utama.clone();
    data.telepon = "081234567890".into();
    let simpan = Simpan {
        versi: usulan.versi,
        isi: IsiBagian::DataUtama { data, sesuai: Vec::new() },
        periksa: false,
        kunci: Uuid::new_v4().to_string(),
    };
    personnel.save_section(&usulan, simpan).await.unwrap();
    let id = ticket_from_flag(&hds, &personnel, ani, "nama").await;

    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let kanreg2 = officer(Role::PetugasHds, Some(2), None, &["A"]);
    let err = hds.correct_master(&personnel, &kanreg2, id, "SITI AMINAH", "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "an officer out of reach corrects nothing");
    for (bad, code) in [(nama.as_str(), ErrorCode::CorrectionSameValue), ("", ErrorCode::FieldRequired)] {
        let err = hds.correct_master(&personnel, &kanreg1, id, bad, "127.0.0.1").await.unwrap_err();
        assert_eq!(err.code(), code, "{bad:?}");
    }
    let before = personnel.master(&ani.nip).await.unwrap().unwrap();

    let pesan = hds.correct_master(&personnel, &kanreg1, id, "SITI AMINAH", "127.0.0.1").await.unwrap();
    assert!(pesan.isi.contains(&format!("\"{nama}\" menjadi \"SITI AMINAH\"")), "{}", pesan.isi);
    let after = personnel.master(&ani.nip).await.unwrap().unwrap();
    assert_eq!((after.nama.as_str(), after.versi), ("SITI AMINAH", before.versi + 1), "one new master version");
    let detail = hds.own_ticket(ani, id).await.unwrap();
    assert_eq!(detail.ringkas.status, StatusTiket::Selesai);
    assert_eq!(flag_status(&personnel, &ani.nip).await.0, StatusTanda::Selesai);
    // The draft follows the master where Ani had kept it, keeps her own change, and can be sent
    // against the new version.
    let draft = personnel.open_usulan(&ani.nip).await.unwrap().unwrap();
    assert_eq!(draft.isi.data_utama.nama, "SITI AMINAH");
    assert_eq!(draft.isi.data_utama.telepon, "081234567890");
    assert_eq!(draft.master_versi, after.versi);
    assert_eq!(audited(&pool, "master_corrected", &ani.nip, kanreg1.account_id).await, 1);

    // The fields that make the NIP need a proposal; a ticket without a flag has nothing to correct.
    let birth = ticket_from_flag(&hds, &personnel, ani, "tanggal_lahir").await;
    let err = hds.correct_master(&personnel, &kanreg1, birth, "1990-01-01", "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::CorrectionNeedsProposal);
    let plain = id_of(&hds.raise(ani, &ticket(Kategori::BedaNama)).await.unwrap());
    let err = hds.correct_master(&personnel, &kanreg1, plain, "SITI", "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::CorrectionNotAllowed);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_turun_status_ticket_reopens_the_sent_proposal(pool: PgPool) {
    let hds = world(&pool).await;
    let (personnel, pemohon, _) = two_pns(&pool).await;
    let ani = &pemohon[0];
    let verification =
        verification::Verification::new(pool.clone(), personnel.clone(), reference::Reference::new(pool.clone()));
    let usulan =
        personnel.fill_for_sending(&ani.nip, |form, _| form.data_utama.telepon = "081234567890".into()).await.unwrap();
    verification.send(&usulan, usulan.versi, "PNS").await.unwrap();
    let t = hds.raise(ani, &ticket(Kategori::TurunStatus)).await.unwrap();
    let id = id_of(&t);
    let catatan = "PNS salah memilih jabatan";

    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["P"]);
    let a_only = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let err = hds.turun_status(&a_only, id, catatan, "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "an officer without category P");
    let err = hds.turun_status(&kanreg1, id, " ", "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReasonRequired);

    let pesan = hds.turun_status(&kanreg1, id, catatan, "127.0.0.1").await.unwrap();
    assert!(pesan.isi.contains(catatan));
    let draft = personnel.open_usulan(&ani.nip).await.unwrap().unwrap();
    assert!(draft.status.editable(), "the proposal is a draft again: {:?}", draft.status);
    assert_eq!(hds.own_ticket(ani, id).await.unwrap().ringkas.status, StatusTiket::Selesai);
    // Nothing waits any more: a second try says so, and changes nothing.
    let err = hds.turun_status(&kanreg1, id, catatan, "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotReturnable);
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_ticket_about_a_field_flags_it_in_the_same_transaction(pool: PgPool) {
    let hds = world(&pool).await;
    let (personnel, pemohon, nama) = two_pns(&pool).await;
    let ani = &pemohon[0];
    let dari = personnel.field_for_ticket(&ani.nip, Bagian::DataUtama, None, "nama").await.unwrap();
    assert_eq!((dari.nilai_master.as_str(), dari.kategori), (nama.as_str(), Some(Kategori::BedaNama)));
    let err = personnel.field_for_ticket(&ani.nip, Bagian::DataUtama, None, "tidak_ada").await.unwrap_err();
    assert_eq!(access::ServiceError::from(err).code(), ErrorCode::BadRequest);

    let isian = |field: &str| domain::hds::Isian { bagian: Bagian::DataUtama, entri: None, field: field.into() };
    let bad = helpdesk::TiketBaru { isian: Some(isian("tidak_ada")), ..ticket(Kategori::BedaNama) };
    assert_eq!(hds.raise(ani, &bad).await.unwrap_err().code(), ErrorCode::BadRequest);
    assert_eq!(ticket_count(&pool).await, 0, "a bad field writes neither flag nor ticket");

    let baru = helpdesk::TiketBaru { isian: Some(isian("nama")), ..ticket(Kategori::BedaNama) };
    let t = hds.raise(ani, &baru).await.unwrap();
    let form = personnel.open_form(&ani.nip).await.unwrap().unwrap();
    let tanda = &form.tanda[0];
    assert_eq!((tanda.field.as_str(), tanda.status), ("nama", StatusTanda::Tiket));
    assert_eq!(
        (tanda.tiket_id.as_deref(), tanda.tiket_nomor.as_deref()),
        (Some(t.id.as_str()), Some(t.nomor.as_str()))
    );
    assert_eq!(tanda.keterangan, baru.subjek, "the flag says what the ticket's subject says");
    // The officer sees the flagged field on the ticket.
    assert_eq!(hds.flag_of(id_of(&t)).await.unwrap(), Some(tanda.id.parse().unwrap()));
}

#[sqlx::test(migrations = "../../migrations")]
async fn an_added_unit_is_named_for_the_flagged_field_and_the_form_offers_it(pool: PgPool) {
    let hds = world(&pool).await;
    let (personnel, pemohon, _) = two_pns(&pool).await;
    let ani = &pemohon[0];
    let reference = reference::Reference::new(pool.clone());
    let id = flagged_ticket(&hds, &personnel, ani, (Bagian::DataPosisi, "unor"), Kategori::UnorTidakAda).await;
    let admin = officer(Role::AdminInstansi, None, Some(SLEMAN), &[]);
    let tanda: Uuid = hds.flag_of(id).await.unwrap().unwrap();
    let choices = |v: &domain::hds::DariTanda| v.pilihan.iter().map(|(_, nama)| nama.clone()).collect::<Vec<_>>();
    let before = personnel.flag_view(tanda).await.unwrap().unwrap();
    assert!(!choices(&before).contains(&"Bidang Arsip Digital".to_owned()), "not there before the admin adds it");

    let unit = reference.create_unor(SLEMAN, None, "Bidang Arsip Digital", "Bidang").await.unwrap();
    let elsewhere = reference.create_unor(BANTUL, None, "Bidang Arsip Digital", "Bidang").await.unwrap();
    let after = personnel.flag_view(tanda).await.unwrap().unwrap();
    assert!(after.pilihan.contains(&(unit.id.to_string(), unit.nama.clone())), "offered once added");
    assert!(after.pilihan.iter().all(|(id, _)| *id != elsewhere.id.to_string()), "only the PNS's instansi's units");

    let other_admin = officer(Role::AdminInstansi, None, Some(BANTUL), &[]);
    let err = hds.suggest_entry(&personnel, &other_admin, id, &unit.id.to_string()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "another instansi's admin");
    for bad in ["bukan-uuid".to_owned(), elsewhere.id.to_string(), Uuid::new_v4().to_string()] {
        let err = hds.suggest_entry(&personnel, &admin, id, &bad).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::CodeUnknown, "{bad}");
    }
    assert_eq!(flag_status(&personnel, &ani.nip).await.0, StatusTanda::Tiket, "nothing settled by a refusal");

    let pesan = hds.suggest_entry(&personnel, &admin, id, &unit.id.to_string()).await.unwrap();
    assert!(pesan.isi.contains("\"Bidang Arsip Digital\""), "{}", pesan.isi);
    assert_eq!(hds.own_ticket(ani, id).await.unwrap().ringkas.status, StatusTiket::Selesai);
    let form = personnel.open_form(&ani.nip).await.unwrap().unwrap();
    let tanda = &form.tanda[0];
    assert_eq!(tanda.status, StatusTanda::Selesai);
    let saran = tanda.saran.clone().expect("the flag keeps the named unit");
    assert_eq!((saran.nilai, saran.nama), (unit.id.to_string(), unit.nama.clone()));
    assert_ne!(form.usulan.isi.data_posisi.unor, unit.id.to_string(), "the PNS chooses it; nothing is set for them");
}

#[sqlx::test(migrations = "../../migrations")]
async fn a_school_the_admin_added_is_named_for_a_teachers_flag(pool: PgPool) {
    use domain::fasilitas::BidangFasilitas::Pendidikan;
    let hds = world(&pool).await;
    let (personnel, pemohon, _) = two_pns(&pool).await;
    let ani = &pemohon[0];
    let reference = reference::Reference::new(pool.clone());
    let id = flagged_ticket(&hds, &personnel, ani, (Bagian::Guru, "sekolah"), Kategori::SekolahTidakAda).await;
    let tanda: Uuid = hds.flag_of(id).await.unwrap().unwrap();
    reference.ensure_facility(SLEMAN, Pendidikan, "SD Negeri Uji Baru", "FP06").await.unwrap();
    reference.ensure_facility(BANTUL, Pendidikan, "SD Negeri Uji Bantul", "FP06").await.unwrap();
    let list = domain::DaftarKode::FasilitasPendidikan;
    let found = reference.search_instansi_list(list, SLEMAN, "baru", 5).await.unwrap();
    let [(sekolah, nama)] = <[_; 1]>::try_from(found).expect("Sleman's one school, not Bantul's");
    let view = personnel.flag_view(tanda).await.unwrap().unwrap();
    assert_eq!(view.kategori, Some(Kategori::SekolahTidakAda), "the field's category");
    assert!(view.pilihan.contains(&(sekolah.clone(), nama.clone())), "offered once added");
    assert!(view.pilihan.iter().all(|(_, n)| n != "SD Negeri Uji Bantul"), "only the PNS's instansi's schools");
    let bantul: String = sqlx::query_scalar("SELECT id::text FROM fasilitas WHERE nama = 'SD Negeri Uji Bantul'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let admin = officer(Role::AdminInstansi, None, Some(SLEMAN), &[]);
    let err = hds.suggest_entry(&personnel, &admin, id, &bantul).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::CodeUnknown, "another instansi's school");
    hds.suggest_entry(&personnel, &admin, id, &sekolah).await.unwrap();
    let form = personnel.open_form(&ani.nip).await.unwrap().unwrap();
    let saran = form.tanda[0].saran.clone().expect("the flag keeps the named school");
    assert_eq!((saran.nilai, saran.nama), (sekolah, nama));
}

#[sqlx::test(migrations = "../../migrations")]
async fn only_f_to_o_tickets_from_a_list_field_name_an_entry(pool: PgPool) {
    let hds = world(&pool).await;
    let (personnel, pemohon, _) = two_pns(&pool).await;
    let ani = &pemohon[0];
    let sinka = officer(Role::PetugasHds, Some(104), None, &["J"]);
    let lokasi =
        flagged_ticket(&hds, &personnel, ani, (Bagian::DataPosisi, "lokasi_kerja"), Kategori::LokasiTidakAda).await;
    let view = personnel.flag_view(hds.flag_of(lokasi).await.unwrap().unwrap()).await.unwrap().unwrap();
    assert!(view.pilihan.contains(&("3404".to_owned(), "Kabupaten Sleman".to_owned())), "the field's list");
    let err = hds.suggest_entry(&personnel, &sinka, lokasi, "9999").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::CodeUnknown);
    hds.suggest_entry(&personnel, &sinka, lokasi, "3404").await.unwrap();
    let form = personnel.open_form(&ani.nip).await.unwrap().unwrap();
    assert_eq!(form.tanda[0].saran.as_ref().map(|s| s.nama.as_str()), Some("Kabupaten Sleman"));

    // A master-data ticket corrects, it does not name; a ticket needs the flag it names the
    // entry for.
    let nama = ticket_from_flag(&hds, &personnel, ani, "nama").await;
    let kanreg1 = officer(Role::PetugasHds, Some(1), None, &["A"]);
    let err = hds.suggest_entry(&personnel, &kanreg1, nama, "x").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::SuggestionNotAllowed);
    let plain = id_of(&hds.raise(ani, &ticket(Kategori::LokasiTidakAda)).await.unwrap());
    let err = hds.suggest_entry(&personnel, &sinka, plain, "3404").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::SuggestionNotAllowed);
}
