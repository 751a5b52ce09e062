//! The re-registration form ("formulir PUPNS"): its sections, the draft the PNS fills, the
//! rules every section must pass, and the diff against the master record. The browser and
//! the server run this same code, so a field shows the very error the server would return.

pub mod diff;
pub mod dokumen;
mod fields_serde;
pub mod merge;
pub mod rules;
pub mod sections;
pub mod spec;

use serde::{Deserialize, Serialize};

pub use diff::{diff, Aksi, Perubahan};
pub use dokumen::Dokumen;
pub use merge::{accepted_form, KunciField};
pub use rules::{check_section, proposed_nip, Context, FieldError};
pub use sections::*;
pub use spec::{FieldSpec, Fields, Kind, Opt};

use crate::i18n::Lang;
use crate::kode::{DaftarKode, JenisFungsional};
use crate::Gender;

/// A section (tab or sub-tab) of the form: the unit that is saved and reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Bagian {
    DataUtama,
    DataPosisi,
    Golongan,
    Pendidikan,
    DiklatStruktural,
    DiklatFungsional,
    Jabatan,
    Pasangan,
    Anak,
    Guru,
    Dokter,
    Stakeholder,
    SosialEkonomi,
    SelfAssessment,
}

impl Bagian {
    pub const ALL: &'static [Bagian] = &[
        Bagian::DataUtama,
        Bagian::DataPosisi,
        Bagian::Golongan,
        Bagian::Pendidikan,
        Bagian::DiklatStruktural,
        Bagian::DiklatFungsional,
        Bagian::Jabatan,
        Bagian::Pasangan,
        Bagian::Anak,
        Bagian::Guru,
        Bagian::Dokter,
        Bagian::Stakeholder,
        Bagian::SosialEkonomi,
        Bagian::SelfAssessment,
    ];

    /// The URL slug (`/pns/formulir/<slug>`) and storage key.
    pub fn slug(self) -> &'static str {
        match self {
            Bagian::DataUtama => "data-utama",
            Bagian::DataPosisi => "data-posisi",
            Bagian::Golongan => "riwayat-golongan",
            Bagian::Pendidikan => "riwayat-pendidikan",
            Bagian::DiklatStruktural => "diklat-struktural",
            Bagian::DiklatFungsional => "diklat-fungsional",
            Bagian::Jabatan => "riwayat-jabatan",
            Bagian::Pasangan => "pasangan",
            Bagian::Anak => "anak",
            Bagian::Guru => "data-guru",
            Bagian::Dokter => "data-dokter",
            Bagian::Stakeholder => "data-stakeholder",
            Bagian::SosialEkonomi => "sosial-ekonomi",
            Bagian::SelfAssessment => "self-assessment",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Bagian> {
        Bagian::ALL.iter().copied().find(|b| b.slug() == slug)
    }

    /// A stored slug, or the error of not knowing it.
    pub fn parse(slug: &str) -> Result<Bagian, crate::UnknownCode> {
        Bagian::from_slug(slug).ok_or_else(|| crate::UnknownCode { kind: "Bagian", code: slug.to_owned() })
    }

    /// A field of the section as people name it: "Data Utama › Nama (tanpa gelar)".
    pub fn field_label(self, key: &str, lang: Lang) -> String {
        let field = self.fields().iter().find(|f| f.key == key).map(|f| f.label(lang)).unwrap_or("");
        format!("{} › {field}", self.label(lang))
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Bagian::DataUtama => ("Data Utama", "Main data"),
            Bagian::DataPosisi => ("Data Posisi", "Current position"),
            Bagian::Golongan => ("Riwayat Golongan", "Rank history"),
            Bagian::Pendidikan => ("Riwayat Pendidikan", "Education history"),
            Bagian::DiklatStruktural => ("Diklat Struktural", "Leadership training"),
            Bagian::DiklatFungsional => ("Diklat Fungsional", "Functional training"),
            Bagian::Jabatan => ("Riwayat Jabatan", "Position history"),
            Bagian::Pasangan => ("Keluarga: Suami/Istri", "Family: spouse"),
            Bagian::Anak => ("Keluarga: Anak", "Family: children"),
            Bagian::Guru => ("Data Guru", "Teacher data"),
            Bagian::Dokter => ("Data Dokter", "Doctor data"),
            Bagian::Stakeholder => ("Data Stakeholder", "Stakeholder data"),
            Bagian::SosialEkonomi => ("Sosial Ekonomi", "Socio-economic data"),
            Bagian::SelfAssessment => ("Self Assessment", "Self assessment"),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// Whether the section is a list of entries (add, edit, remove).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Bagian::Golongan
                | Bagian::Pendidikan
                | Bagian::DiklatStruktural
                | Bagian::DiklatFungsional
                | Bagian::Jabatan
                | Bagian::Pasangan
                | Bagian::Anak
        )
    }

    /// The fields of one record (or one entry) of this section.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Bagian::DataUtama => DataUtama::FIELDS,
            Bagian::DataPosisi => DataPosisi::FIELDS,
            Bagian::Golongan => EntriGolongan::FIELDS,
            Bagian::Pendidikan => EntriPendidikan::FIELDS,
            Bagian::DiklatStruktural | Bagian::DiklatFungsional => EntriDiklat::FIELDS,
            Bagian::Jabatan => EntriJabatan::FIELDS,
            Bagian::Pasangan => EntriPasangan::FIELDS,
            Bagian::Anak => EntriAnak::FIELDS,
            Bagian::Guru => DataGuru::FIELDS,
            Bagian::Dokter => DataDokter::FIELDS,
            Bagian::Stakeholder => DataStakeholder::FIELDS,
            Bagian::SosialEkonomi => SosialEkonomi::FIELDS,
            Bagian::SelfAssessment => SelfAssessment::FIELDS,
        }
    }

    /// The national code list a field's value comes from, if any. `jenis_jabatan` is the
    /// entry's own kind of position (a Jabatan field's list depends on it).
    pub fn code_list(self, field: &FieldSpec, jenis_jabatan: &str) -> Option<DaftarKode> {
        match field.kind {
            Kind::Code(list) => Some(list),
            Kind::Search(DaftarKode::DiklatFungsional) if self == Bagian::DiklatStruktural => {
                Some(DaftarKode::DiklatStruktural)
            }
            Kind::Search(list) => Some(list),
            Kind::Jabatan => match jenis_jabatan {
                JENIS_JABATAN_FUNGSIONAL_TERTENTU => Some(DaftarKode::Jft),
                JENIS_JABATAN_FUNGSIONAL_UMUM => Some(DaftarKode::Jfu),
                _ => None,
            },
            _ => None,
        }
    }
}

pub const JENIS_JABATAN_STRUKTURAL: &str = "1";
pub const JENIS_JABATAN_FUNGSIONAL_TERTENTU: &str = "2";
pub const JENIS_JABATAN_FUNGSIONAL_UMUM: &str = "4";

/// The whole form: the master record turned into form values, or the PNS's draft of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Formulir {
    pub data_utama: DataUtama,
    /// Data Utama fields the PNS ticked "sesuai" (the master value is right).
    pub sesuai: Vec<String>,
    pub data_posisi: DataPosisi,
    pub golongan: Vec<EntriGolongan>,
    pub pendidikan: Vec<EntriPendidikan>,
    pub diklat_struktural: Vec<EntriDiklat>,
    pub diklat_fungsional: Vec<EntriDiklat>,
    pub jabatan: Vec<EntriJabatan>,
    pub pasangan: Vec<EntriPasangan>,
    pub anak: Vec<EntriAnak>,
    pub guru: DataGuru,
    pub dokter: DataDokter,
    pub stakeholder: DataStakeholder,
    pub sosial_ekonomi: SosialEkonomi,
    pub self_assessment: SelfAssessment,
}

/// The content of one section, as the UI saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IsiBagian {
    DataUtama { data: DataUtama, sesuai: Vec<String> },
    DataPosisi(DataPosisi),
    Golongan(Vec<EntriGolongan>),
    Pendidikan(Vec<EntriPendidikan>),
    DiklatStruktural(Vec<EntriDiklat>),
    DiklatFungsional(Vec<EntriDiklat>),
    Jabatan(Vec<EntriJabatan>),
    Pasangan(Vec<EntriPasangan>),
    Anak(Vec<EntriAnak>),
    Guru(DataGuru),
    Dokter(DataDokter),
    Stakeholder(DataStakeholder),
    SosialEkonomi(SosialEkonomi),
    SelfAssessment(SelfAssessment),
}

/// Longest list a section may hold (a career has far fewer entries; this bounds a payload).
pub const MAX_ENTRIES: usize = 60;

impl IsiBagian {
    pub fn bagian(&self) -> Bagian {
        match self {
            IsiBagian::DataUtama { .. } => Bagian::DataUtama,
            IsiBagian::DataPosisi(_) => Bagian::DataPosisi,
            IsiBagian::Golongan(_) => Bagian::Golongan,
            IsiBagian::Pendidikan(_) => Bagian::Pendidikan,
            IsiBagian::DiklatStruktural(_) => Bagian::DiklatStruktural,
            IsiBagian::DiklatFungsional(_) => Bagian::DiklatFungsional,
            IsiBagian::Jabatan(_) => Bagian::Jabatan,
            IsiBagian::Pasangan(_) => Bagian::Pasangan,
            IsiBagian::Anak(_) => Bagian::Anak,
            IsiBagian::Guru(_) => Bagian::Guru,
            IsiBagian::Dokter(_) => Bagian::Dokter,
            IsiBagian::Stakeholder(_) => Bagian::Stakeholder,
            IsiBagian::SosialEkonomi(_) => Bagian::SosialEkonomi,
            IsiBagian::SelfAssessment(_) => Bagian::SelfAssessment,
        }
    }

    pub fn entry_count(&self) -> usize {
        match self {
            IsiBagian::Golongan(v) => v.len(),
            IsiBagian::Pendidikan(v) => v.len(),
            IsiBagian::DiklatStruktural(v) | IsiBagian::DiklatFungsional(v) => v.len(),
            IsiBagian::Jabatan(v) => v.len(),
            IsiBagian::Pasangan(v) => v.len(),
            IsiBagian::Anak(v) => v.len(),
            // The "sesuai" ticks are bounded like entries: one per field at most is meaningful.
            IsiBagian::DataUtama { sesuai, .. } => sesuai.len().max(1),
            _ => 1,
        }
    }
}

impl Formulir {
    /// The section's current content.
    pub fn section(&self, bagian: Bagian) -> IsiBagian {
        match bagian {
            Bagian::DataUtama => IsiBagian::DataUtama { data: self.data_utama.clone(), sesuai: self.sesuai.clone() },
            Bagian::DataPosisi => IsiBagian::DataPosisi(self.data_posisi.clone()),
            Bagian::Golongan => IsiBagian::Golongan(self.golongan.clone()),
            Bagian::Pendidikan => IsiBagian::Pendidikan(self.pendidikan.clone()),
            Bagian::DiklatStruktural => IsiBagian::DiklatStruktural(self.diklat_struktural.clone()),
            Bagian::DiklatFungsional => IsiBagian::DiklatFungsional(self.diklat_fungsional.clone()),
            Bagian::Jabatan => IsiBagian::Jabatan(self.jabatan.clone()),
            Bagian::Pasangan => IsiBagian::Pasangan(self.pasangan.clone()),
            Bagian::Anak => IsiBagian::Anak(self.anak.clone()),
            Bagian::Guru => IsiBagian::Guru(self.guru.clone()),
            Bagian::Dokter => IsiBagian::Dokter(self.dokter.clone()),
            Bagian::Stakeholder => IsiBagian::Stakeholder(self.stakeholder.clone()),
            Bagian::SosialEkonomi => IsiBagian::SosialEkonomi(self.sosial_ekonomi.clone()),
            Bagian::SelfAssessment => IsiBagian::SelfAssessment(self.self_assessment.clone()),
        }
    }

    /// Replaces one section.
    pub fn apply(&mut self, isi: IsiBagian) {
        match isi {
            IsiBagian::DataUtama { data, sesuai } => {
                self.data_utama = data;
                self.sesuai = sesuai;
            }
            IsiBagian::DataPosisi(v) => self.data_posisi = v,
            IsiBagian::Golongan(v) => self.golongan = v,
            IsiBagian::Pendidikan(v) => self.pendidikan = v,
            IsiBagian::DiklatStruktural(v) => self.diklat_struktural = v,
            IsiBagian::DiklatFungsional(v) => self.diklat_fungsional = v,
            IsiBagian::Jabatan(v) => self.jabatan = v,
            IsiBagian::Pasangan(v) => self.pasangan = v,
            IsiBagian::Anak(v) => self.anak = v,
            IsiBagian::Guru(v) => self.guru = v,
            IsiBagian::Dokter(v) => self.dokter = v,
            IsiBagian::Stakeholder(v) => self.stakeholder = v,
            IsiBagian::SosialEkonomi(v) => self.sosial_ekonomi = v,
            IsiBagian::SelfAssessment(v) => self.self_assessment = v,
        }
    }

    /// The sections this PNS must fill: Data Guru only for teachers, Data Dokter only for
    /// doctors (decided by the kind of the current position's JFT/JFU reference entry).
    pub fn applicable(jenis: Option<JenisFungsional>) -> Vec<Bagian> {
        Bagian::ALL
            .iter()
            .copied()
            .filter(|b| match b {
                Bagian::Guru => jenis == Some(JenisFungsional::Guru),
                Bagian::Dokter => jenis == Some(JenisFungsional::Dokter),
                _ => true,
            })
            .collect()
    }

    /// The current position as (list, code), when it is a JFT/JFU entry (a structural post
    /// is named, not coded).
    pub fn current_jabatan(&self) -> Option<(DaftarKode, &str)> {
        let posisi = &self.data_posisi;
        let field = Bagian::DataPosisi.fields().iter().find(|f| f.kind == Kind::Jabatan)?;
        let list = Bagian::DataPosisi.code_list(field, &posisi.jenis_jabatan)?;
        Some((list, posisi.jabatan.trim()))
    }
}

crate::kode::coded! {
    /// How a family member is related to the PNS (the master keeps spouses and children apart).
    pub enum Hubungan {
        Istri = "istri",
        Suami = "suami",
        Anak = "anak",
    }
}

impl Hubungan {
    /// A spouse of a PNS of this gender: a man's wife, a woman's husband.
    pub fn pasangan(gender: Gender) -> Hubungan {
        match gender {
            Gender::Male => Hubungan::Istri,
            Gender::Female => Hubungan::Suami,
        }
    }

    pub fn label(self) -> crate::Msg {
        match self {
            Hubungan::Istri => crate::Msg::Istri,
            Hubungan::Suami => crate::Msg::Suami,
            Hubungan::Anak => crate::Msg::Anak,
        }
    }
}

/// The order of a golongan code (I/a = 11 … IV/e = 45), as the reference table numbers it.
pub fn golongan_order(kode: &str) -> Option<u8> {
    let (roman, letter) = kode.split_once('/')?;
    let ruang = match roman {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        _ => return None,
    };
    let sub = match letter {
        "a" => 1,
        "b" => 2,
        "c" => 3,
        "d" => 4,
        "e" => 5,
        _ => return None,
    };
    Some(ruang * 10 + sub)
}

crate::kode::coded! {
    /// Where a proposal stands (docs/ARCHITECTURE.md, glossary).
    pub enum StatusUsulan {
        /// Being filled by the PNS.
        Draf = "draf",
        /// Sent; with the verifiers. Read-only for the PNS.
        Dikirim = "dikirim",
        /// Returned for correction: editable again.
        Dikembalikan = "dikembalikan",
        /// Verified at every level: the new master record.
        Final = "final",
    }
}

crate::kode::coded! {
    /// One step of a proposal's timeline (`usulan_riwayat.peristiwa`).
    pub enum JenisPeristiwa {
        /// The PNS sent it.
        Dikirim = "dikirim",
        /// A verifier approved it at their level.
        Disetujui = "disetujui",
        /// A verifier returned it for correction.
        Dikembalikan = "dikembalikan",
        /// Verified at every level.
        Final = "final",
        /// Reopened for editing.
        TurunStatus = "turun_status",
    }
}

impl JenisPeristiwa {
    pub fn label(self) -> crate::Msg {
        use crate::Msg;
        match self {
            JenisPeristiwa::Dikirim => Msg::EventDikirim,
            JenisPeristiwa::Disetujui => Msg::EventDisetujui,
            JenisPeristiwa::Dikembalikan => Msg::EventDikembalikan,
            JenisPeristiwa::Final => Msg::EventFinal,
            JenisPeristiwa::TurunStatus => Msg::EventTurunStatus,
        }
    }
}

crate::kode::coded! {
    /// Where a "[?]" flag stands (`usulan_tanda.status`).
    pub enum StatusTanda {
        /// Kept on the field; the PNS may still withdraw it.
        Terbuka = "terbuka",
        /// The helpdesk took it up as a ticket.
        Tiket = "tiket",
        /// Solved.
        Selesai = "selesai",
    }
}

impl StatusUsulan {
    /// The states in which the PNS may still change the proposal.
    pub const EDITABLE: &'static [StatusUsulan] = &[StatusUsulan::Draf, StatusUsulan::Dikembalikan];

    pub fn editable(self) -> bool {
        StatusUsulan::EDITABLE.contains(&self)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (StatusUsulan::Draf, Lang::Id) => "Draf (belum dikirim)",
            (StatusUsulan::Draf, Lang::En) => "Draft (not sent)",
            (StatusUsulan::Dikirim, Lang::Id) => "Dikirim, dalam verifikasi",
            (StatusUsulan::Dikirim, Lang::En) => "Sent, being verified",
            (StatusUsulan::Dikembalikan, Lang::Id) => "Dikembalikan untuk diperbaiki",
            (StatusUsulan::Dikembalikan, Lang::En) => "Returned for correction",
            (StatusUsulan::Final, Lang::Id) => "Final (menjadi data master)",
            (StatusUsulan::Final, Lang::En) => "Final (now the master record)",
        }
    }
}

/// A section save as the browser sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Simpan {
    /// The version the browser edited.
    pub versi: i32,
    pub isi: IsiBagian,
    /// "Simpan" pressed: check the section and mark it reviewed if it passes. Otherwise an
    /// autosave, stored as typed.
    pub periksa: bool,
    /// Idempotency key (a UUID): a retried save with the same key is answered, not applied again.
    pub kunci: String,
}

/// The answer to a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HasilSimpan {
    pub versi: i32,
    pub diperiksa: Vec<Bagian>,
    /// Problems found when `periksa` was asked; the content is saved as a draft regardless.
    pub kesalahan: Vec<FieldError>,
}

/// What `visit_fields` calls: (entry index, field, value, the entry's jenis_jabatan).
type Visitor<'a> = dyn FnMut(Option<usize>, &'static FieldSpec, &str, &str) + 'a;

impl Formulir {
    /// Calls `visit(entry index, field, value, entry's jenis_jabatan)` for every field of a section.
    pub fn visit_fields(&self, bagian: Bagian, mut visit: impl FnMut(Option<usize>, &'static FieldSpec, &str, &str)) {
        fn one<T: Fields>(item: &T, entri: Option<usize>, visit: &mut Visitor<'_>) {
            let jenis = item.get("jenis_jabatan");
            for spec in T::FIELDS {
                visit(entri, spec, item.get(spec.key), jenis);
            }
        }
        fn list<T: Fields>(items: &[T], visit: &mut Visitor<'_>) {
            for (i, item) in items.iter().enumerate() {
                one(item, Some(i), visit);
            }
        }
        let visit = &mut visit;
        match bagian {
            Bagian::DataUtama => one(&self.data_utama, None, visit),
            Bagian::DataPosisi => one(&self.data_posisi, None, visit),
            Bagian::Golongan => list(&self.golongan, visit),
            Bagian::Pendidikan => list(&self.pendidikan, visit),
            Bagian::DiklatStruktural => list(&self.diklat_struktural, visit),
            Bagian::DiklatFungsional => list(&self.diklat_fungsional, visit),
            Bagian::Jabatan => list(&self.jabatan, visit),
            Bagian::Pasangan => list(&self.pasangan, visit),
            Bagian::Anak => list(&self.anak, visit),
            Bagian::Guru => one(&self.guru, None, visit),
            Bagian::Dokter => one(&self.dokter, None, visit),
            Bagian::Stakeholder => one(&self.stakeholder, None, visit),
            Bagian::SosialEkonomi => one(&self.sosial_ekonomi, None, visit),
            Bagian::SelfAssessment => one(&self.self_assessment, None, visit),
        }
    }
}

/// Runs `$one` with `$x` bound to a single-record section, or `$list` with `$x` bound to a
/// list section's entries: one body, expanded for each section's own type.
macro_rules! dispatch {
    ($($m:ident)? @ $form:ident, $bagian:expr, |$x:ident| $one:expr, |$l:ident| $list:expr) => {
        match $bagian {
            Bagian::DataUtama => {
                let $x = &$($m)? $form.data_utama;
                $one
            }
            Bagian::DataPosisi => {
                let $x = &$($m)? $form.data_posisi;
                $one
            }
            Bagian::Guru => {
                let $x = &$($m)? $form.guru;
                $one
            }
            Bagian::Dokter => {
                let $x = &$($m)? $form.dokter;
                $one
            }
            Bagian::Stakeholder => {
                let $x = &$($m)? $form.stakeholder;
                $one
            }
            Bagian::SosialEkonomi => {
                let $x = &$($m)? $form.sosial_ekonomi;
                $one
            }
            Bagian::SelfAssessment => {
                let $x = &$($m)? $form.self_assessment;
                $one
            }
            Bagian::Golongan => {
                let $l = &$($m)? $form.golongan;
                $list
            }
            Bagian::Pendidikan => {
                let $l = &$($m)? $form.pendidikan;
                $list
            }
            Bagian::DiklatStruktural => {
                let $l = &$($m)? $form.diklat_struktural;
                $list
            }
            Bagian::DiklatFungsional => {
                let $l = &$($m)? $form.diklat_fungsional;
                $list
            }
            Bagian::Jabatan => {
                let $l = &$($m)? $form.jabatan;
                $list
            }
            Bagian::Pasangan => {
                let $l = &$($m)? $form.pasangan;
                $list
            }
            Bagian::Anak => {
                let $l = &$($m)? $form.anak;
                $list
            }
        }
    };
}

/// Reads and writes fields by (section, entry, key): the UI binds its inputs through these.
impl Formulir {
    pub fn get_field(&self, bagian: Bagian, entri: Option<usize>, key: &str) -> String {
        dispatch!(@ self, bagian, |x| x.get(key).to_owned(), |l| entri
            .and_then(|i| l.get(i))
            .map(|x| x.get(key).to_owned())
            .unwrap_or_default())
    }

    pub fn set_field(&mut self, bagian: Bagian, entri: Option<usize>, key: &str, value: String) {
        dispatch!(mut @ self, bagian, |x| x.set(key, value), |l| {
            if let Some(x) = entri.and_then(|i| l.get_mut(i)) {
                x.set(key, value)
            }
        })
    }

    pub fn entry_count(&self, bagian: Bagian) -> usize {
        dispatch!(@ self,
            bagian,
            |x| {
                let _ = x;
                1
            },
            |l| l.len()
        )
    }

    /// Appends an empty entry with the given id (a list section; no effect otherwise).
    pub fn add_entry(&mut self, bagian: Bagian, id: String) {
        dispatch!(mut @ self,
            bagian,
            |x| {
                let _ = x;
            },
            |l| {
                let mut entry = Default::default();
                Fields::set(&mut entry, "id", id);
                l.push(entry);
            }
        )
    }

    pub fn remove_entry(&mut self, bagian: Bagian, index: usize) {
        dispatch!(mut @ self,
            bagian,
            |x| {
                let _ = x;
            },
            |l| {
                if index < l.len() {
                    l.remove(index);
                }
            }
        )
    }
}

/// A "[?]" flag on a field: the PNS cannot pick the right value and says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tanda {
    pub id: String,
    pub bagian: Bagian,
    /// The entry's id, in a list section.
    pub entri: Option<String>,
    pub field: String,
    pub keterangan: String,
    pub status: StatusTanda,
    /// The help-desk ticket that took it up (id and number), once there is one.
    #[serde(default)]
    pub tiket_id: Option<String>,
    #[serde(default)]
    pub tiket_nomor: Option<String>,
    /// The entry the help desk named when it solved the ticket (F–O: the missing entry now
    /// exists): the form offers it for the field.
    #[serde(default)]
    pub saran: Option<Saran>,
}

/// A value the help desk suggests for a flagged field: the code (or unit id) and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saran {
    pub nilai: String,
    pub nama: String,
}

/// Longest explanation a flag may carry, and most open flags per PNS.
pub const MAX_KETERANGAN: usize = 1000;
pub const MAX_TANDA: usize = 50;

/// A field a "[?]" may be put on: a real, visible field of the section.
pub fn flaggable(bagian: Bagian, field: &str) -> bool {
    bagian.fields().iter().any(|f| f.key == field && f.kind != Kind::Hidden)
}

/// Checks a new flag: a real field of the section, and an explanation of sensible length.
pub fn check_tanda(bagian: Bagian, field: &str, keterangan: &str) -> Result<(), crate::ErrorCode> {
    if !flaggable(bagian, field) {
        return Err(crate::ErrorCode::BadRequest);
    }
    let length = keterangan.trim().chars().count();
    if length == 0 {
        return Err(crate::ErrorCode::FlagReasonRequired);
    }
    if length > MAX_KETERANGAN {
        return Err(crate::ErrorCode::TextTooLong);
    }
    Ok(())
}
