//! The demo world (`--demo`): two instansi with unor trees, ~200 consistent PNS master
//! records, and one account per role. Seeding is idempotent: a second start changes nothing.

use app::auth::AppState;
use domain::Role;
use identity::{NewAccount, Scope};
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use reference::{Instansi, Unor};
use uuid::Uuid;

/// Every demo account's password (printed in the README).
pub const DEMO_PASSWORD: &str = "Demo2026pupns";

/// Fixed ids so the demo world is the same on every machine.
const INSTANSI_BPS: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0001);
const INSTANSI_SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);
const GENERATOR_SEED: u64 = 2015;

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
    identity
        .ensure_grant(
            id,
            Role::VerifikatorL1,
            Scope {
                instansi_id: Some(INSTANSI_SLEMAN),
                unor_id: Some(dinas_pendidikan.id),
                unor_path: Some(dinas_pendidikan.path.clone()),
                ..Scope::default()
            },
        )
        .await?;

    let bkpp = unit(&sleman_units, "Badan Kepegawaian, Pendidikan dan Pelatihan")?;
    let staff: [(&str, &str, Role, Scope, Option<Uuid>); 8] = [
        ("verif2.sleman", "Verifikator BKPP Sleman", Role::VerifikatorL2, sleman_scope.clone(), Some(bkpp.id)),
        (
            "verif3.kanreg1",
            "Verifikator Kanreg I Yogyakarta",
            Role::VerifikatorL3,
            Scope { kanreg_id: Some(1), ..Scope::default() },
            None,
        ),
        ("verif4.bkn", "Verifikator Direktorat Status", Role::VerifikatorL4, Scope::default(), None),
        (
            "hds.kanreg1",
            "Petugas HDS Kanreg I",
            Role::PetugasHds,
            Scope {
                kanreg_id: Some(1),
                hds_kategori: ["A", "B", "C", "D", "P"].map(String::from).to_vec(),
                ..Scope::default()
            },
            None,
        ),
        ("admin.sleman", "Admin PUPNS Kabupaten Sleman", Role::AdminInstansi, sleman_scope.clone(), Some(bkpp.id)),
        (
            "admin.kanreg1",
            "Admin Kanreg I Yogyakarta",
            Role::AdminKanreg,
            Scope { kanreg_id: Some(1), ..Scope::default() },
            None,
        ),
        ("admin.bkn", "Admin BKN", Role::AdminBkn, Scope::default(), None),
        ("eksekutif.bkn", "Eksekutif BKN", Role::Eksekutif, Scope::default(), None),
    ];
    for (username, nama, role, scope, unor) in staff {
        let id = demo_account(identity, None, Some(username), nama, scope.instansi_id, unor).await?;
        identity.ensure_grant(id, role, scope).await?;
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

    tracing::info!(
        inserted,
        pns_nip = %pns.pns.nip,
        verifier_nip = %verifier.pns.nip,
        "demo world ready: sign in with the NIP above or a demo username; password {DEMO_PASSWORD}"
    );
    Ok(DemoWorld { pns_nip: pns.pns.nip.clone(), verifier_nip: verifier.pns.nip.clone() })
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
