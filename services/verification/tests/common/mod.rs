//! What the verification tests share: an instansi ("Pemerintah Kabupaten Uji", Kanreg I) with
//! two units, generated PNS in the first ("Dinas Uji"), and verifiers of each level.

#![allow(dead_code)] // each test file uses its own part

use access::{CurrentUser, Grant};
use domain::verifikasi::{Hasil, Keputusan, Putusan, Tindakan};
use domain::Role;
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use personnel::Personnel;
use uuid::Uuid;
use verification::{Filter, Verification};

pub struct World {
    pub verification: Verification,
    pub personnel: Personnel,
    pub nips: Vec<String>,
    pub instansi: Uuid,
    pub unit_path: String,
    pub other_path: String,
}

/// The world with `count` PNS (seed `seed`) in Dinas Uji.
pub async fn world_of(pool: &sqlx::PgPool, seed: u64, count: usize) -> World {
    let reference = reference::Reference::new(pool.clone());
    let personnel = Personnel::new(pool.clone(), reference.clone());
    let instansi = reference::Instansi {
        id: Uuid::new_v4(),
        kode: "UJI".into(),
        nama: "Pemerintah Kabupaten Uji".into(),
        jenis: "daerah".into(),
        kanreg_id: 1,
    };
    assert!(reference.create_instansi(&instansi, Some("34")).await.unwrap());
    let unit = reference.create_unor(instansi.id, None, "Dinas Uji", "SKPD").await.unwrap();
    let other = reference.create_unor(instansi.id, None, "Dinas Lain", "SKPD").await.unwrap();
    // The facilities a generated doctor or teacher picks in Data Dokter / Data Guru.
    use domain::fasilitas::BidangFasilitas::{Kesehatan, Pendidikan};
    reference.ensure_facility(instansi.id, Kesehatan, "Puskesmas Uji", "FK01").await.unwrap();
    reference.ensure_facility(instansi.id, Pendidikan, "SD Negeri Uji", "FP06").await.unwrap();
    let target = UnitTarget {
        instansi_id: instansi.id,
        unor_id: unit.id,
        region_code: "340401".into(),
        jenis_pegawai: "2".into(),
    };
    let records = generate(&GeneratorConfig { seed }, std::slice::from_ref(&target), count);
    for r in &records {
        personnel.insert_master(r).await.unwrap();
    }
    World {
        verification: Verification::new(pool.clone(), personnel.clone(), reference),
        personnel,
        nips: records.iter().map(|r| r.pns.nip.clone()).collect(),
        instansi: instansi.id,
        unit_path: unit.path,
        other_path: other.path,
    }
}

pub fn verifier(role: Role, instansi: Option<Uuid>, path: Option<&str>, kanreg: Option<i16>) -> CurrentUser {
    let grant = Grant {
        id: Uuid::new_v4(),
        role,
        instansi_id: instansi,
        unor_id: None,
        unor_path: path.map(str::to_owned),
        kanreg_id: kanreg,
        hds_kategori: vec![],
        kantor_id: None,
    };
    CurrentUser {
        account_id: Uuid::new_v4(),
        nama: format!("Verifikator {role:?} {}", &Uuid::new_v4().simple().to_string()[..6]),
        nip: None,
        username: None,
        active: grant.clone(),
        grants: vec![grant],
    }
}

impl World {
    pub fn l1(&self) -> CurrentUser {
        verifier(Role::VerifikatorL1, Some(self.instansi), Some(&self.unit_path), None)
    }
    pub fn l2(&self) -> CurrentUser {
        verifier(Role::VerifikatorL2, Some(self.instansi), None, None)
    }
    /// Of the Kanreg I office.
    pub fn l3(&self) -> CurrentUser {
        let mut user = verifier(Role::VerifikatorL3, None, None, Some(1));
        user.active.kantor_id = Some(1);
        user.grants = vec![user.active.clone()];
        user
    }
    pub fn l4(&self) -> CurrentUser {
        verifier(Role::VerifikatorL4, None, None, None)
    }

    /// Sends the proposal of PNS `i` with a new address (and whatever `edit` adds).
    pub async fn send(&self, i: usize, alamat: &str) {
        let nip = &self.nips[i];
        let alamat = alamat.to_owned();
        let usulan =
            self.personnel.fill_for_sending(nip, move |form, _| form.data_utama.alamat = alamat).await.unwrap();
        self.verification.send(&usulan, usulan.versi, "PNS").await.unwrap();
    }

    /// The only item in `user`'s queue.
    pub async fn only_item(&self, user: &CurrentUser) -> Uuid {
        let page = self.verification.queue(user, &Filter::default(), None, 50).await.unwrap();
        assert_eq!(page.items.len(), 1, "{:?}", page.items);
        page.items[0].id
    }

    /// Accepts every open change of `item` and passes it on.
    pub async fn accept(&self, user: &CurrentUser, item: Uuid) -> domain::verifikasi::HasilPutusan {
        let t = self.verification.review(user, item, "127.0.0.1").await.unwrap();
        let putusan = Putusan {
            item: item.to_string(),
            kunci: Uuid::new_v4().to_string(),
            keputusan: t
                .terbuka
                .into_iter()
                .map(|kunci| Keputusan { kunci, hasil: Hasil::Terima, alasan: String::new() })
                .collect(),
            tindakan: Tindakan::Teruskan,
            catatan: String::new(),
            pinjam: None,
        };
        self.verification.decide(user, &putusan).await.unwrap()
    }
}
