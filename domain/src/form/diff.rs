//! The proposal as field-level changes against the master record: what the review page
//! shows and what the verifiers check.

use serde::{Deserialize, Serialize};

use super::spec::{Fields, Kind};
use super::{Bagian, Formulir};

crate::kode::coded! {
    /// What a change does (`usulan_perubahan.aksi`).
    pub enum Aksi {
        /// A field of a record or entry changed.
        Ubah = "ubah",
        /// A new entry.
        Tambah = "tambah",
        /// An entry removed.
        Hapus = "hapus",
    }
}

/// One changed field. For added and removed entries every non-empty field is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perubahan {
    pub bagian: Bagian,
    pub aksi: Aksi,
    /// The entry's id in a list section.
    pub entri: Option<String>,
    pub field: String,
    pub lama: String,
    pub baru: String,
}

/// Every difference between the master form and the draft, section by section.
pub fn diff(master: &Formulir, draft: &Formulir) -> Vec<Perubahan> {
    let mut out = Vec::new();
    record(&mut out, Bagian::DataUtama, &master.data_utama, &draft.data_utama);
    record(&mut out, Bagian::DataPosisi, &master.data_posisi, &draft.data_posisi);
    list(&mut out, Bagian::Golongan, &master.golongan, &draft.golongan, |g| &g.id);
    list(&mut out, Bagian::Pendidikan, &master.pendidikan, &draft.pendidikan, |p| &p.id);
    list(&mut out, Bagian::DiklatStruktural, &master.diklat_struktural, &draft.diklat_struktural, |d| &d.id);
    list(&mut out, Bagian::DiklatFungsional, &master.diklat_fungsional, &draft.diklat_fungsional, |d| &d.id);
    list(&mut out, Bagian::Jabatan, &master.jabatan, &draft.jabatan, |j| &j.id);
    list(&mut out, Bagian::Pasangan, &master.pasangan, &draft.pasangan, |p| &p.id);
    list(&mut out, Bagian::Anak, &master.anak, &draft.anak, |a| &a.id);
    record(&mut out, Bagian::Guru, &master.guru, &draft.guru);
    record(&mut out, Bagian::Dokter, &master.dokter, &draft.dokter);
    record(&mut out, Bagian::Stakeholder, &master.stakeholder, &draft.stakeholder);
    record(&mut out, Bagian::SosialEkonomi, &master.sosial_ekonomi, &draft.sosial_ekonomi);
    record(&mut out, Bagian::SelfAssessment, &master.self_assessment, &draft.self_assessment);
    out
}

fn visible<T: Fields>() -> impl Iterator<Item = &'static str> {
    T::FIELDS.iter().filter(|f| f.kind != Kind::Hidden).map(|f| f.key)
}

fn record<T: Fields>(out: &mut Vec<Perubahan>, bagian: Bagian, old: &T, new: &T) {
    push_fields(out, bagian, Aksi::Ubah, None, old, new);
}

fn push_fields<T: Fields>(out: &mut Vec<Perubahan>, bagian: Bagian, aksi: Aksi, entri: Option<&str>, old: &T, new: &T) {
    for key in visible::<T>() {
        let (lama, baru) = (old.get(key).trim(), new.get(key).trim());
        if lama != baru {
            out.push(Perubahan {
                bagian,
                aksi,
                entri: entri.map(str::to_owned),
                field: key.to_owned(),
                lama: lama.to_owned(),
                baru: baru.to_owned(),
            });
        }
    }
}

fn list<T: Fields>(out: &mut Vec<Perubahan>, bagian: Bagian, old: &[T], new: &[T], id: impl Fn(&T) -> &String) {
    let empty = T::default();
    for entry in new {
        match old.iter().find(|o| id(o) == id(entry)) {
            Some(before) => push_fields(out, bagian, Aksi::Ubah, Some(id(entry)), before, entry),
            None => push_fields(out, bagian, Aksi::Tambah, Some(id(entry)), &empty, entry),
        }
    }
    for before in old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o))) {
        push_fields(out, bagian, Aksi::Hapus, Some(id(before)), before, &empty);
    }
}

#[cfg(test)]
mod tests {
    use super::super::sections::*;
    use super::*;

    #[test]
    fn unchanged_form_has_no_changes() {
        let mut form = Formulir::default();
        form.data_utama.nama = "Siti".into();
        form.golongan.push(EntriGolongan { id: "a".into(), golongan: "III/a".into(), ..Default::default() });
        assert!(diff(&form, &form).is_empty());
    }

    #[test]
    fn changed_added_and_removed_entries_are_listed_by_field() {
        let mut master = Formulir::default();
        master.data_utama.nama = "Siti Aminah".into();
        master.golongan.push(EntriGolongan { id: "a".into(), golongan: "III/a".into(), ..Default::default() });
        master.golongan.push(EntriGolongan { id: "b".into(), golongan: "III/b".into(), ..Default::default() });
        let mut draft = master.clone();
        draft.data_utama.nama = "Siti Aminah Lubis".into();
        draft.golongan.remove(1);
        draft.golongan[0].nomor_sk = "813/2020".into();
        draft.anak.push(EntriAnak { id: "c".into(), nama: "Rizky".into(), ..Default::default() });
        let changes = diff(&master, &draft);
        let find = |b: Bagian, aksi: Aksi, field: &str| {
            changes.iter().find(|c| c.bagian == b && c.aksi == aksi && c.field == field).cloned()
        };
        let nama = find(Bagian::DataUtama, Aksi::Ubah, "nama").unwrap();
        assert_eq!((nama.lama.as_str(), nama.baru.as_str()), ("Siti Aminah", "Siti Aminah Lubis"));
        assert_eq!(find(Bagian::Golongan, Aksi::Ubah, "nomor_sk").unwrap().entri.as_deref(), Some("a"));
        assert_eq!(find(Bagian::Golongan, Aksi::Hapus, "golongan").unwrap().lama, "III/b");
        assert_eq!(find(Bagian::Anak, Aksi::Tambah, "nama").unwrap().baru, "Rizky");
        assert!(changes.iter().all(|c| c.field != "id"));
    }
}
