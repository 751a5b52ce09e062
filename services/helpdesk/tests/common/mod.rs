//! The world the help desk's tests share: four instansi (two in one province, one in another,
//! one central), PNS, officers with a grant, and a ticket to raise.

#![allow(dead_code)]

use access::{CurrentUser, Grant};
use domain::hds::Kategori;
use domain::Role;
use helpdesk::{Helpdesk, Pemohon, TiketBaru};
use reference::{Instansi, Reference};
use sqlx::PgPool;
use uuid::Uuid;

pub const SLEMAN: Uuid = Uuid::from_u128(1);
pub const BANTUL: Uuid = Uuid::from_u128(2);
pub const SURABAYA: Uuid = Uuid::from_u128(3);
pub const BPS: Uuid = Uuid::from_u128(4);

pub async fn world(pool: &PgPool) -> Helpdesk {
    let reference = Reference::new(pool.clone());
    for (id, kode, jenis, provinsi, kanreg) in [
        (SLEMAN, "SLEMAN", "daerah", Some("34"), 1),
        (BANTUL, "BANTUL", "daerah", Some("34"), 1),
        (SURABAYA, "SURABAYA", "daerah", Some("35"), 2),
        (BPS, "BPS", "pusat", None, 0),
    ] {
        let instansi = Instansi {
            id,
            kode: kode.into(),
            nama: format!("Instansi {kode}"),
            jenis: jenis.into(),
            kanreg_id: kanreg,
        };
        reference.create_instansi(&instansi, provinsi).await.unwrap();
    }
    Helpdesk::new(pool.clone(), reference)
}

pub fn pns(nip: &str, instansi_id: Uuid) -> Pemohon {
    Pemohon { akun_id: Uuid::new_v4(), nip: nip.into(), nama: format!("PNS {nip}"), instansi_id }
}

pub fn officer(role: Role, kantor_id: Option<i16>, instansi_id: Option<Uuid>, kategori: &[&str]) -> CurrentUser {
    let grant = Grant {
        id: Uuid::new_v4(),
        role,
        instansi_id,
        unor_id: None,
        unor_path: None,
        kanreg_id: None,
        hds_kategori: kategori.iter().map(|k| k.to_string()).collect(),
        kantor_id,
    };
    CurrentUser {
        account_id: Uuid::new_v4(),
        nama: format!("Petugas {role:?} {}", kategori.join("")),
        nip: None,
        username: Some("petugas".into()),
        active: grant.clone(),
        grants: vec![grant],
    }
}

pub fn ticket(kategori: Kategori) -> TiketBaru {
    TiketBaru {
        kategori,
        subjek: "Nama saya berbeda".into(),
        uraian: "Nama di SK CPNS berbeda dengan data master.".into(),
        instansi_tujuan: None,
        tanda_id: None,
        isian: None,
        email: None,
    }
}

pub fn id_of(t: &domain::hds::TiketRingkas) -> Uuid {
    t.id.parse().unwrap()
}

/// An officer as identity lists them among their office's staff.
pub fn rekan(user: &CurrentUser) -> helpdesk::Rekan {
    helpdesk::Rekan { akun_id: user.account_id, nama: user.nama.clone(), grant: user.active.clone() }
}

/// Audit rows of `action` about the PNS `nip` by `account`.
pub async fn audited(pool: &sqlx::PgPool, action: &str, nip: &str, account: Uuid) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1 AND subject = $2 AND account_id = $3")
        .bind(action)
        .bind(nip)
        .bind(account)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The one audit row of `action` by `account`: its detail.
pub async fn audit_detail(pool: &PgPool, action: &str, account: Uuid) -> serde_json::Value {
    sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = $1 AND account_id = $2")
        .bind(action)
        .bind(account)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Moves a ticket's raising `hours` into the past (its SLA clocks with it).
pub async fn raised_hours_ago(pool: &PgPool, t: &domain::hds::TiketRingkas, hours: i32) {
    sqlx::query("UPDATE hds_tiket SET dibuat = now() - make_interval(hours => $2) WHERE id = $1")
        .bind(id_of(t))
        .bind(hours)
        .execute(pool)
        .await
        .unwrap();
}

/// Two PNS of Sleman with master records, and the first one's master name.
pub async fn two_pns(pool: &PgPool) -> (personnel::Personnel, Vec<Pemohon>, String) {
    use personnel::generator::{generate, GeneratorConfig, UnitTarget};
    let reference = Reference::new(pool.clone());
    let unor = reference.create_unor(SLEMAN, None, "Dinas Uji", "SKPD").await.unwrap();
    // The facilities a generated doctor or teacher picks in Data Dokter / Data Guru.
    use domain::fasilitas::BidangFasilitas::{Kesehatan, Pendidikan};
    reference.ensure_facility(SLEMAN, Kesehatan, "Puskesmas Uji", "FK01").await.unwrap();
    reference.ensure_facility(SLEMAN, Pendidikan, "SD Negeri Uji", "FP06").await.unwrap();
    let unit =
        UnitTarget { instansi_id: SLEMAN, unor_id: unor.id, region_code: "340401".into(), jenis_pegawai: "2".into() };
    let personnel = personnel::Personnel::new(pool.clone(), reference);
    let records = generate(&GeneratorConfig { seed: 5 }, std::slice::from_ref(&unit), 2);
    for r in &records {
        personnel.insert_master(r).await.unwrap();
    }
    let pemohon = records.iter().map(|r| pns(&r.pns.nip, SLEMAN)).collect();
    (personnel, pemohon, records[0].pns.nama.clone())
}

/// The mails written to `folder` for `to`, once there are at least `n` (sent in the background).
pub async fn mails_to(folder: &std::path::Path, to: &str, n: usize) -> Vec<String> {
    let read = || -> Vec<String> {
        let mut files: Vec<_> =
            std::fs::read_dir(folder).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .filter(|text| text.starts_with(&format!("To: {to}\n")))
            .collect()
    };
    for _ in 0..50 {
        if read().len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    read()
}
