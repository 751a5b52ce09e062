//! The form a final approval writes: the master with the draft's changes, except the fields
//! a verifier rejected. Rejecting one field of an added entry drops the entry; rejecting one
//! field of a removed entry keeps it.

use super::spec::{Fields, Kind};
use super::{Bagian, Formulir};

/// A changed field as decisions name it: section, entry id (list sections), field key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct KunciField {
    pub bagian: Bagian,
    pub entri: Option<String>,
    pub field: String,
}

impl KunciField {
    pub fn new(bagian: Bagian, entri: Option<&str>, field: &str) -> KunciField {
        KunciField { bagian, entri: entri.map(str::to_owned), field: field.to_owned() }
    }
}

/// `draft` over `master`, leaving out every change in `rejected`.
pub fn accepted_form(master: &Formulir, draft: &Formulir, rejected: &[KunciField]) -> Formulir {
    let r = Rejected { keys: rejected };
    Formulir {
        data_utama: r.record(Bagian::DataUtama, &master.data_utama, &draft.data_utama),
        sesuai: draft.sesuai.clone(),
        data_posisi: r.record(Bagian::DataPosisi, &master.data_posisi, &draft.data_posisi),
        golongan: r.list(Bagian::Golongan, &master.golongan, &draft.golongan),
        pendidikan: r.list(Bagian::Pendidikan, &master.pendidikan, &draft.pendidikan),
        diklat_struktural: r.list(Bagian::DiklatStruktural, &master.diklat_struktural, &draft.diklat_struktural),
        diklat_fungsional: r.list(Bagian::DiklatFungsional, &master.diklat_fungsional, &draft.diklat_fungsional),
        jabatan: r.list(Bagian::Jabatan, &master.jabatan, &draft.jabatan),
        pasangan: r.list(Bagian::Pasangan, &master.pasangan, &draft.pasangan),
        anak: r.list(Bagian::Anak, &master.anak, &draft.anak),
        guru: r.record(Bagian::Guru, &master.guru, &draft.guru),
        dokter: r.record(Bagian::Dokter, &master.dokter, &draft.dokter),
        stakeholder: r.record(Bagian::Stakeholder, &master.stakeholder, &draft.stakeholder),
        sosial_ekonomi: r.record(Bagian::SosialEkonomi, &master.sosial_ekonomi, &draft.sosial_ekonomi),
        self_assessment: r.record(Bagian::SelfAssessment, &master.self_assessment, &draft.self_assessment),
    }
}

struct Rejected<'a> {
    keys: &'a [KunciField],
}

impl Rejected<'_> {
    fn field(&self, bagian: Bagian, entri: Option<&str>, field: &str) -> bool {
        self.keys.iter().any(|k| k.bagian == bagian && k.entri.as_deref() == entri && k.field == field)
    }

    fn entry(&self, bagian: Bagian, entri: &str) -> bool {
        self.keys.iter().any(|k| k.bagian == bagian && k.entri.as_deref() == Some(entri))
    }

    /// The master entry or record with every accepted field taken from the draft.
    fn merged<T: Fields + Clone>(&self, bagian: Bagian, entri: Option<&str>, old: &T, new: &T) -> T {
        let mut out = old.clone();
        for spec in T::FIELDS.iter().filter(|f| f.kind != Kind::Hidden) {
            if !self.field(bagian, entri, spec.key) {
                out.set(spec.key, new.get(spec.key).to_owned());
            }
        }
        out
    }

    fn record<T: Fields + Clone>(&self, bagian: Bagian, old: &T, new: &T) -> T {
        self.merged(bagian, None, old, new)
    }

    fn list<T: Fields + Clone>(&self, bagian: Bagian, old: &[T], new: &[T]) -> Vec<T> {
        let id = |x: &T| x.get("id").to_owned();
        let mut out = Vec::new();
        for entry in new {
            let entri = id(entry);
            match old.iter().find(|o| id(o) == entri) {
                Some(before) => out.push(self.merged(bagian, Some(&entri), before, entry)),
                None if !self.entry(bagian, &entri) => out.push(entry.clone()),
                None => {}
            }
        }
        // Removals whose removal was rejected stay.
        out.extend(old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o)) && self.entry(bagian, &id(o))).cloned());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::sections::*;
    use super::*;

    fn forms() -> (Formulir, Formulir) {
        let mut master = Formulir::default();
        master.data_utama.nama = "Siti".into();
        master.data_utama.alamat = "Jl. Lama".into();
        master.golongan.push(EntriGolongan { id: "a".into(), golongan: "III/a".into(), ..Default::default() });
        master.golongan.push(EntriGolongan { id: "b".into(), golongan: "III/b".into(), ..Default::default() });
        let mut draft = master.clone();
        draft.data_utama.nama = "Siti Aminah".into();
        draft.data_utama.alamat = "Jl. Baru".into();
        draft.golongan.remove(1);
        draft.golongan[0].nomor_sk = "813/2020".into();
        draft.anak.push(EntriAnak { id: "c".into(), nama: "Rizky".into(), ..Default::default() });
        (master, draft)
    }

    #[test]
    fn nothing_rejected_is_the_draft() {
        let (master, draft) = forms();
        assert_eq!(accepted_form(&master, &draft, &[]), draft);
    }

    #[test]
    fn rejected_fields_keep_the_master_value() {
        let (master, draft) = forms();
        let rejected = [
            KunciField::new(Bagian::DataUtama, None, "alamat"),
            KunciField::new(Bagian::Golongan, Some("b"), "golongan"),
            KunciField::new(Bagian::Anak, Some("c"), "nama"),
        ];
        let form = accepted_form(&master, &draft, &rejected);
        assert_eq!(form.data_utama.nama, "Siti Aminah");
        assert_eq!(form.data_utama.alamat, "Jl. Lama");
        assert_eq!(form.golongan.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(form.golongan[0].nomor_sk, "813/2020");
        assert!(form.anak.is_empty());
    }
}
