//! The demo world (`--demo`): two instansi with unor trees, ~200 consistent PNS master
//! records, one account per role (and an L1/L2/L3 verifier for each instansi), and about forty
//! proposals at every stage of verification (`demo_usulan.rs`). Seeding is idempotent: a second
//! start changes nothing.

use domain::akun_staf::{KANTOR_DIT_PENGADAAN as KANTOR_PENGADAAN, KANTOR_DIT_STATUS as KANTOR_STATUS};
use std::collections::HashMap;
use std::sync::Arc;

use access::{CurrentUser, Grant};
use app::auth::AppState;
use domain::Role;
use identity::{NewAccount, Scope};
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use personnel::PnsWithHistory;
use reference::{Instansi, Unor};
use uuid::Uuid;

#[path = "demo_hds.rs"]
mod hds;
#[path = "demo_usulan.rs"]
mod usulan;
use usulan::{Rencana, Tahap};

/// Every demo account's password (printed in the README).
pub const DEMO_PASSWORD: &str = "Demo2026pupns";

/// Fixed ids so the demo world is the same on every machine.
const INSTANSI_BPS: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0001);
const INSTANSI_SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);
const GENERATOR_SEED: u64 = 2015;
/// Offices (reference's `kantor`, migration `…_kantor`): Kanreg I, the Direktorat Pengadaan dan
/// Kepangkatan (L3 for central instansi) and the Direktorat Status (L4).
const KANTOR_KANREG_I: i16 = 1;

pub struct DemoWorld {
    pub pns_nip: String,
    pub verifier_nip: String,
}

pub async fn seed(state: &AppState) -> anyhow::Result<DemoWorld> {
    let reference = &state.reference;
    let bps = Instansi {
        id: INSTANSI_BPS,
        kode: "BPS".into(),
        nama: "Badan Pusat Statistik".into(),
        jenis: "pusat".into(),
        kanreg_id: 0,
    };
    let sleman = Instansi {
        id: INSTANSI_SLEMAN,
        kode: "KAB-SLEMAN".into(),
        nama: "Pemerintah Kabupaten Sleman".into(),
        jenis: "daerah".into(),
        kanreg_id: 1,
    };
    let fresh = reference.create_instansi(&bps, None).await? | reference.create_instansi(&sleman, Some("34")).await?;
    if fresh {
        create_unor_trees(state).await?;
    }
    create_facilities(state).await?;
    let bps_units = reference.unor_of_instansi(INSTANSI_BPS).await?;
    let sleman_units = reference.unor_of_instansi(INSTANSI_SLEMAN).await?;
    let unit = |units: &[Unor], nama: &str| -> anyhow::Result<Unor> {
        units.iter().find(|u| u.nama == nama).cloned().ok_or_else(|| anyhow::anyhow!("demo unor {nama} missing"))
    };

    // ~200 PNS: 80 central, 120 regional, spread over the leaf-ish units.
    // Units sorted by name (their ids are random), so every machine gets the same demo PNS.
    let targets = |units: &[Unor], region: &str, jenis_pegawai: &str| -> Vec<UnitTarget> {
        let mut units = units.to_vec();
        units.sort_by(|a, b| a.nama.cmp(&b.nama));
        units
            .iter()
            .filter(|u| u.parent_id.is_some())
            .map(|u| UnitTarget {
                instansi_id: u.instansi_id,
                unor_id: u.id,
                region_code: region.to_owned(),
                jenis_pegawai: jenis_pegawai.to_owned(),
            })
            .collect()
    };
    let central = generate(&GeneratorConfig { seed: GENERATOR_SEED }, &targets(&bps_units, "317101", "1"), 80);
    let regional = generate(&GeneratorConfig { seed: GENERATOR_SEED + 1 }, &targets(&sleman_units, "340401", "2"), 120);
    let mut inserted = 0;
    for record in central.iter().chain(regional.iter()) {
        if state.personnel.insert_master(record).await? {
            inserted += 1;
        }
    }

    let dinas_pendidikan = unit(&sleman_units, "Dinas Pendidikan")?;
    let in_subtree = |u: Uuid| sleman_units.iter().any(|x| x.id == u && x.path.starts_with(&dinas_pendidikan.path));
    let mut education = regional.iter().filter(|r| in_subtree(r.pns.unor_id));
    let pns = education.next().ok_or_else(|| anyhow::anyhow!("no demo PNS in Dinas Pendidikan"))?;
    let verifier = education.next().ok_or_else(|| anyhow::anyhow!("no demo verifier PNS"))?;
    let waiting = education.next().ok_or_else(|| anyhow::anyhow!("no demo waiting PNS"))?;

    let identity = &state.identity;
    let sleman_scope = Scope { instansi_id: Some(INSTANSI_SLEMAN), ..Scope::default() };

    // PNS
    let id =
        demo_account(identity, Some(&pns.pns.nip), None, &pns.pns.nama, Some(INSTANSI_SLEMAN), Some(pns.pns.unor_id))
            .await?;
    identity.ensure_grant(id, Role::Pns, sleman_scope.clone()).await?;
    let pns_account = id;

    // Verifier L1 of Dinas Pendidikan who is also a PNS there (two roles, one person).
    let id = demo_account(
        identity,
        Some(&verifier.pns.nip),
        Some("verif1.sleman"),
        &verifier.pns.nama,
        Some(INSTANSI_SLEMAN),
        Some(verifier.pns.unor_id),
    )
    .await?;
    identity.ensure_grant(id, Role::Pns, sleman_scope.clone()).await?;
    let scope = Scope {
        instansi_id: Some(INSTANSI_SLEMAN),
        unor_id: Some(dinas_pendidikan.id),
        unor_path: Some(dinas_pendidikan.path.clone()),
        ..Scope::default()
    };
    let grant = identity.ensure_grant(id, Role::VerifikatorL1, scope.clone()).await?;
    let mut verifiers: HashMap<&str, CurrentUser> = HashMap::new();
    verifiers
        .insert("verif1.sleman", acting_as(id, grant, "verif1.sleman", &verifier.pns.nama, Role::VerifikatorL1, scope));

    let bkpp = unit(&sleman_units, "Badan Kepegawaian, Pendidikan dan Pelatihan")?;
    let dinkes = unit(&sleman_units, "Dinas Kesehatan")?;
    let bps_diy = unit(&bps_units, "BPS Provinsi D.I. Yogyakarta")?;
    let biro_sdm = unit(&bps_units, "Biro Sumber Daya Manusia")?;
    let bps_scope = Scope { instansi_id: Some(INSTANSI_BPS), ..Scope::default() };
    let subtree = |u: &Unor| Scope {
        instansi_id: Some(u.instansi_id),
        unor_id: Some(u.id),
        unor_path: Some(u.path.clone()),
        ..Scope::default()
    };
    // Kanreg I's help desk answers A–D and P (the other categories go elsewhere).
    let hds_kanreg1 = Scope {
        kanreg_id: Some(1),
        kantor_id: Some(KANTOR_KANREG_I),
        hds_kategori: ["A", "B", "C", "D", "P"].map(String::from).to_vec(),
        ..Scope::default()
    };
    let staff: [(&str, &str, Role, Scope, Option<Uuid>); 13] = [
        ("verif1.dinkes", "Verifikator Dinas Kesehatan Sleman", Role::VerifikatorL1, subtree(&dinkes), Some(dinkes.id)),
        ("verif2.sleman", "Verifikator BKPP Sleman", Role::VerifikatorL2, sleman_scope.clone(), Some(bkpp.id)),
        (
            "verif3.kanreg1",
            "Verifikator Kanreg I Yogyakarta",
            Role::VerifikatorL3,
            Scope { kanreg_id: Some(1), kantor_id: Some(KANTOR_KANREG_I), ..Scope::default() },
            None,
        ),
        (
            "verif1.bps",
            "Verifikator BPS Provinsi D.I. Yogyakarta",
            Role::VerifikatorL1,
            subtree(&bps_diy),
            Some(bps_diy.id),
        ),
        ("verif2.bps", "Verifikator Biro SDM BPS", Role::VerifikatorL2, bps_scope, Some(biro_sdm.id)),
        (
            "verif3.pusat",
            "Verifikator Direktorat Pengadaan dan Kepangkatan BKN",
            Role::VerifikatorL3,
            Scope { kanreg_id: Some(0), kantor_id: Some(KANTOR_PENGADAAN), ..Scope::default() },
            None,
        ),
        (
            "verif4.bkn",
            "Verifikator Direktorat Status",
            Role::VerifikatorL4,
            Scope { kantor_id: Some(KANTOR_STATUS), ..Scope::default() },
            None,
        ),
        ("hds.kanreg1", "Petugas HDS Kanreg I", Role::PetugasHds, hds_kanreg1.clone(), None),
        // A colleague in the same office: two officers on one ticket see each other.
        ("hds2.kanreg1", "Petugas HDS Kanreg I (2)", Role::PetugasHds, hds_kanreg1, None),
        ("admin.sleman", "Admin PUPNS Kabupaten Sleman", Role::AdminInstansi, sleman_scope.clone(), Some(bkpp.id)),
        (
            "admin.kanreg1",
            "Admin Kanreg I Yogyakarta",
            Role::AdminKanreg,
            Scope { kanreg_id: Some(1), kantor_id: Some(KANTOR_KANREG_I), ..Scope::default() },
            None,
        ),
        ("admin.bkn", "Admin BKN", Role::AdminBkn, Scope::default(), None),
        ("eksekutif.bkn", "Eksekutif BKN", Role::Eksekutif, Scope::default(), None),
    ];
    for (username, nama, role, scope, unor) in staff {
        let id = demo_account(identity, None, Some(username), nama, scope.instansi_id, unor).await?;
        let grant = identity.ensure_grant(id, role, scope.clone()).await?;
        verifiers.insert(username, acting_as(id, grant, username, nama, role, scope));
    }

    // One registration waiting for approval, so the verifier's list is not empty.
    identity
        .ensure_waiting_registration(
            &waiting.pns.nip,
            &waiting.pns.nama,
            INSTANSI_SLEMAN,
            waiting.pns.unor_id,
            DEMO_PASSWORD,
        )
        .await?;

    // Proposals at every stage, from PNS of three units: Dinas Pendidikan (verif1.sleman),
    // Dinas Kesehatan (verif1.dinkes) and BPS Kabupaten Sleman under BPS D.I. Yogyakarta
    // (verif1.bps). The demo PNS, the verifier's own record and the waiting registration start
    // from a draft (the end-to-end journeys begin there), and so do the two lowest NIPs of Dinas
    // Pendidikan without an account, which the registration journeys pick.
    let chain = |l1: &str, l2: &str, l3: &str| -> anyhow::Result<usulan::Verifikator> {
        let get = |u: &str| verifiers.get(u).cloned().ok_or_else(|| anyhow::anyhow!("demo verifier {u} missing"));
        Ok(Arc::new([get(l1)?, get(l2)?, get(l3)?, get("verif4.bkn")?]))
    };
    let kept = [&pns.pns.nip, &verifier.pns.nip, &waiting.pns.nip];
    let mut disdik: Vec<&PnsWithHistory> =
        regional.iter().filter(|r| in_subtree(r.pns.unor_id) && !kept.contains(&&r.pns.nip)).collect();
    let mut by_nip: Vec<&String> = disdik.iter().map(|r| &r.pns.nip).collect();
    by_nip.sort();
    let registering: Vec<String> = by_nip.into_iter().take(2).cloned().collect();
    disdik.retain(|r| !registering.contains(&r.pns.nip));
    let within =
        |units: &[Unor], root: &Unor, u: Uuid| units.iter().any(|x| x.id == u && x.path.starts_with(&root.path));
    let dinkes_pns = regional.iter().filter(|r| within(&sleman_units, &dinkes, r.pns.unor_id));
    let bps_pns = central.iter().filter(|r| within(&bps_units, &bps_diy, r.pns.unor_id));
    use Tahap::*;
    let groups = [
        (
            disdik,
            chain("verif1.sleman", "verif2.sleman", "verif3.kanreg1")?,
            vec![L1, L1, L2, L1, L3, L1, Final, L1, Dikembalikan, L2, L1, L4, L1, L3, L2, L1, Final],
        ),
        (
            dinkes_pns.collect(),
            chain("verif1.dinkes", "verif2.sleman", "verif3.kanreg1")?,
            vec![L1, L2, L3, L1, Final, L2, L1],
        ),
        (
            bps_pns.collect(),
            chain("verif1.bps", "verif2.bps", "verif3.pusat")?,
            vec![L1, L2, L3, L1, L2, Final, L1, L3, L2, L1, Final, L3, L2, L1],
        ),
    ];
    let mut rencana = Vec::new();
    for (people, verifikator, stages) in groups {
        anyhow::ensure!(people.len() >= stages.len(), "too few demo PNS for the proposals");
        rencana.extend(people.iter().zip(stages).map(|(r, tahap)| Rencana {
            nip: r.pns.nip.clone(),
            nama: r.pns.nama.clone(),
            tahap,
            verifikator: verifikator.clone(),
        }));
    }
    // Two of these PNS get accounts, so a newcomer (and the end-to-end journeys) can see the
    // PNS side of verification: a returned proposal with its reasons, and one waiting at L3
    // that becomes the new master once verif3.kanreg1 approves it.
    let with_account: Vec<&PnsWithHistory> = rencana
        .iter()
        .filter(|r| {
            r.tahap == Dikembalikan || (r.tahap == L3 && r.verifikator[0].username.as_deref() == Some("verif1.dinkes"))
        })
        .filter_map(|r| regional.iter().find(|p| p.pns.nip == r.nip))
        .collect();
    usulan::seed(state, rencana).await?;
    // verif1.sleman has two submissions offline, so verif2.sleman's "Dibawa luring" tab has
    // work in it (once: a restart with --demo finds them there).
    let sleman = chain("verif1.sleman", "verif2.sleman", "verif3.kanreg1")?;
    if state.verification.checkouts(&sleman[1]).await?.is_empty() {
        state.verification.hold_only(&sleman[0], &verification::Filter::default(), 2).await?;
    }
    for record in with_account {
        let p = &record.pns;
        let id = demo_account(identity, Some(&p.nip), None, &p.nama, Some(p.instansi_id), Some(p.unor_id)).await?;
        identity.ensure_grant(id, Role::Pns, Scope { instansi_id: Some(p.instansi_id), ..Scope::default() }).await?;
    }

    // About sixty help-desk tickets: hds.kanreg1 and admin.sleman open inboxes with work in them.
    let staff = |u: &str| verifiers.get(u).cloned().ok_or_else(|| anyhow::anyhow!("demo account {u} missing"));
    let askers: Vec<&PnsWithHistory> =
        regional.iter().chain(central.iter()).filter(|r| !kept.contains(&&r.pns.nip)).collect();
    hds::seed(state, &askers, (pns, pns_account), &staff("hds.kanreg1")?, &staff("admin.sleman")?).await?;

    tracing::info!(
        inserted,
        pns_nip = %pns.pns.nip,
        verifier_nip = %verifier.pns.nip,
        "demo world ready: sign in with the NIP above or a demo username; password {DEMO_PASSWORD}"
    );
    Ok(DemoWorld { pns_nip: pns.pns.nip.clone(), verifier_nip: verifier.pns.nip.clone() })
}

/// A demo verifier acting in one grant, as a session would carry them.
fn acting_as(account_id: Uuid, grant_id: Uuid, username: &str, nama: &str, role: Role, scope: Scope) -> CurrentUser {
    let grant = Grant {
        id: grant_id,
        role,
        instansi_id: scope.instansi_id,
        unor_id: scope.unor_id,
        unor_path: scope.unor_path,
        kanreg_id: scope.kanreg_id,
        hds_kategori: scope.hds_kategori,
        kantor_id: scope.kantor_id,
    };
    CurrentUser {
        account_id,
        nama: nama.to_owned(),
        nip: None,
        username: Some(username.to_owned()),
        active: grant.clone(),
        grants: vec![grant],
    }
}

async fn create_unor_trees(state: &AppState) -> anyhow::Result<()> {
    let r = &state.reference;
    // Central: BPS
    let settama = r.create_unor(INSTANSI_BPS, None, "Sekretariat Utama", "Eselon I").await?;
    r.create_unor(INSTANSI_BPS, Some(settama.id), "Biro Sumber Daya Manusia", "Biro").await?;
    r.create_unor(INSTANSI_BPS, Some(settama.id), "Biro Umum", "Biro").await?;
    let deputi = r.create_unor(INSTANSI_BPS, None, "Deputi Bidang Statistik Sosial", "Eselon I").await?;
    r.create_unor(INSTANSI_BPS, Some(deputi.id), "Direktorat Statistik Kependudukan dan Ketenagakerjaan", "Direktorat")
        .await?;
    let bps_diy = r.create_unor(INSTANSI_BPS, None, "BPS Provinsi D.I. Yogyakarta", "Satker").await?;
    r.create_unor(INSTANSI_BPS, Some(bps_diy.id), "BPS Kabupaten Sleman", "Satker").await?;
    // Regional: Kabupaten Sleman
    let s = INSTANSI_SLEMAN;
    let setda = r.create_unor(s, None, "Sekretariat Daerah", "SKPD").await?;
    r.create_unor(s, Some(setda.id), "Bagian Organisasi", "Bagian").await?;
    let bkpp = r.create_unor(s, None, "Badan Kepegawaian, Pendidikan dan Pelatihan", "SKPD").await?;
    r.create_unor(s, Some(bkpp.id), "Bidang Pengadaan dan Informasi Kepegawaian", "Bidang").await?;
    let disdik = r.create_unor(s, None, "Dinas Pendidikan", "SKPD").await?;
    r.create_unor(s, Some(disdik.id), "Bidang Pembinaan SMP", "Bidang").await?;
    r.create_unor(s, Some(disdik.id), "SMP Negeri 1 Sleman", "UPT").await?;
    r.create_unor(s, Some(disdik.id), "SD Negeri Sleman 2", "UPT").await?;
    let dinkes = r.create_unor(s, None, "Dinas Kesehatan", "SKPD").await?;
    r.create_unor(s, Some(dinkes.id), "Puskesmas Depok I", "UPT").await?;
    r.create_unor(s, Some(dinkes.id), "Puskesmas Mlati II", "UPT").await?;
    Ok(())
}

/// The demo instansi's health facilities and schools (the lists Data Dokter and Data Guru
/// pick from); added where missing, so an older demo database gains them too.
async fn create_facilities(state: &AppState) -> anyhow::Result<()> {
    use domain::fasilitas::BidangFasilitas::{Kesehatan, Pendidikan};
    let s = INSTANSI_SLEMAN;
    let facilities = [
        (INSTANSI_BPS, Kesehatan, "Klinik Pratama BPS", "FK17"),
        (INSTANSI_BPS, Pendidikan, "Politeknik Statistika STIS", "FP23"),
        (s, Kesehatan, "Puskesmas Depok I", "FK01"),
        (s, Kesehatan, "Puskesmas Mlati II", "FK01"),
        (s, Kesehatan, "Puskesmas Gamping I", "FK02"),
        (s, Kesehatan, "RSUD Sleman", "FK08"),
        (s, Pendidikan, "SD Negeri Sleman 2", "FP06"),
        (s, Pendidikan, "SMP Negeri 1 Sleman", "FP08"),
        (s, Pendidikan, "SMA Negeri 1 Depok", "FP10"),
    ];
    for (instansi, bidang, nama, jenis) in facilities {
        state.reference.ensure_facility(instansi, bidang, nama, jenis).await?;
    }
    Ok(())
}

async fn demo_account(
    identity: &identity::Identity,
    nip: Option<&str>,
    username: Option<&str>,
    nama: &str,
    instansi_id: Option<Uuid>,
    unor_id: Option<Uuid>,
) -> identity::Result<Uuid> {
    identity
        .ensure_account(NewAccount {
            nip,
            username,
            nama,
            email: None,
            password: DEMO_PASSWORD,
            instansi_id,
            unor_id,
            active: true,
        })
        .await
}
