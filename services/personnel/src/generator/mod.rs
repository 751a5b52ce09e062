//! Deterministic generator of realistic master PNS records: the demo world now, and the
//! benchmark's 100,000 PNS and import tests later.
//!
//! Behind the `generator` cargo feature (off by default): the demo seed, the benchmark and the
//! tests enable it; the production API does not include it.
//!
//! What holds for every generated record (`tests.rs` checks it):
//! - NIP = birth date + TMT CPNS year/month + gender digit + sequence, unique in the output
//!   (the sequence counts per birth date, TMT CPNS month and gender, so it is mostly `001`,
//!   as in real data); NIK = unit region + birth date (day + 40 for women) + a sequence
//!   unique per region, birth date and gender.
//! - Born 1965–2000; TMT CPNS at age 19–35 on the 1st of a month, after the entry-level
//!   graduation and no later than five years before [`AS_OF`]; TMT PNS one year later.
//! - Education first (2–5 entries, SLTA then D3/S1/S2/S3, years increasing): the entry-level
//!   education decides the first golongan (SLTA II/a, D3 II/c, S1/D4 III/a, dokter and S2
//!   III/b, S3 III/c) and the highest one the gelar.
//! - Golongan history 3–8 entries: CPNS, PNS (same golongan), then a promotion roughly every
//!   four years on 1 April or 1 October (sometimes a penyesuaian ijazah after a degree earned
//!   in service), TMT strictly increasing, golongan never decreasing; the master's golongan
//!   and TMT golongan are the last entry.
//! - Jabatan history 1–6 entries with increasing TMT, fitting the person's field and rank:
//!   fungsional umum, fungsional tertentu ladders and struktural posts with their eselon.
//! - Family by marital status: the married have one spouse (sometimes two, the first divorced or
//!   deceased), the divorced and widowed one former spouse, the unmarried none (0–2 in all);
//!   married at 22–35, the spouse at least 19; 0–4 children born after the first marriage (and,
//!   when it ended with no new one, within 2–12 years of it),
//!   the first two under 21 counted for the allowance. Spouse and child NIKs agree with their
//!   birth dates and genders; a spouse who is a PNS has a NIP that agrees too.
//! - Nothing (TMT, SK date, graduation, marriage, birth) lies after [`AS_OF`].
//!
//! The random stream is a SplitMix64 defined in `rng.rs` (not `StdRng`, whose stream may change
//! between `rand` releases and which is slow in debug builds), so a seed gives the same world.
//! The family draws from a second stream seeded by the NIP, so adding it left every other
//! field of the worlds generated before it unchanged.
//!
//! Layout: this file draws one person; `names`, `education`, `careers` (golongan and jabatan)
//! and `family` draw their parts; `data/` holds the tables they draw from (names by culture,
//! fields of work, places).

mod careers;
mod data;
mod education;
mod family;
mod names;
mod rng;
#[cfg(test)]
mod tests;
pub mod usulan;

use std::collections::HashMap;

use domain::{Gender, Nik, Nip};
use rand::Rng;
use time::{Date, Month};
use uuid::Uuid;

use careers::{golongan_history, jabatan_history};
use data::names::cultures;
use data::places::{towns, KELURAHAN, NATIONAL_TOWNS, PHONE_PREFIXES, STREETS};
use data::tracks::{ADMIN_TRACK, LEVELS, TRACKS};
use education::{education_entry, gelar, plan_in_service, plan_pre_cpns};
use names::{agama, full_name};
use rng::{date, month_number, pick, weighted, SplitMix64};

use crate::model::{PnsMaster, PnsWithHistory};

/// Where generated PNS work.
#[derive(Debug, Clone)]
pub struct UnitTarget {
    pub instansi_id: Uuid,
    pub unor_id: Uuid,
    /// 6-digit kabupaten/kota code used for NIKs, e.g. "340401". Its first two digits (the
    /// province) also steer names, religion and birth places.
    pub region_code: String,
    /// kode_referensi jenis_pegawai code ("1" PNS Pusat, "2" PNS Daerah, ...).
    pub jenis_pegawai: String,
}

#[derive(Debug, Clone)]
pub struct GeneratorConfig {
    pub seed: u64,
}

/// The day the generated master data describes: no TMT, SK date or graduation lies after it.
pub const AS_OF: Date = time::macros::date!(2026 - 10 - 01);

/// Generates `count` PNS spread round-robin over `units`; the same seed and units give the
/// same records. NIPs and NIKs are unique within one call.
pub fn generate(config: &GeneratorConfig, units: &[UnitTarget], count: usize) -> Vec<PnsWithHistory> {
    assert!(!units.is_empty(), "the generator needs at least one unit");
    let mut state = State {
        rng: SplitMix64(config.seed),
        nip_sequences: HashMap::new(),
        nik_sequences: HashMap::new(),
        family_nik_sequences: HashMap::new(),
    };
    (0..count).map(|i| state.person(&units[i % units.len()])).collect()
}

struct State {
    rng: SplitMix64,
    /// (birth date, TMT CPNS year*12+month, gender) -> last NIP sequence used
    nip_sequences: HashMap<(i32, i32, bool), u16>,
    /// (region, birth date, gender) -> last NIK sequence used
    nik_sequences: HashMap<(String, i32, bool), u16>,
    /// The same for spouses and children.
    family_nik_sequences: HashMap<(String, i32, bool), u16>,
}

impl State {
    fn person(&mut self, unit: &UnitTarget) -> PnsWithHistory {
        let province = unit.region_code.get(0..2).unwrap_or("");
        let rng = &mut self.rng;
        let gender = if rng.gen_bool(0.5) { Gender::Male } else { Gender::Female };
        let male = gender == Gender::Male;

        // Birth date, retried in the (never seen) case that its NIK sequences are used up.
        let (birth, nik_sequence) = loop {
            let year = rng.gen_range(1965..=2000);
            let month = Month::try_from(rng.gen_range(1..=12u8)).expect("month 1-12");
            let birth =
                Date::from_calendar_date(year, month, rng.gen_range(1..=month.length(year))).expect("valid date");
            let used = self.nik_sequences.entry((unit.region_code.clone(), birth.to_julian_day(), male)).or_insert(0);
            if *used < 5000 {
                *used += 1;
                break (birth, *used);
            }
        };
        let nik = Nik::compose(&unit.region_code, birth, gender, nik_sequence).expect("composed NIK is valid");

        // Education before the appointment decides the entry golongan.
        let mut track_index =
            *weighted(rng, &TRACKS.iter().enumerate().map(|(i, t)| (i, t.weight)).collect::<Vec<_>>());
        let slta_year = birth.year() + *weighted(rng, &[(17, 15), (18, 65), (19, 20)]);
        let latest_cpns = (birth.year() + 35).min(AS_OF.year() - 5);
        let mut entry = *weighted(rng, &LEVELS.iter().copied().zip(TRACKS[track_index].entry).collect::<Vec<_>>());
        let (studies, cpns_lo) = loop {
            let track = &TRACKS[track_index];
            let plan = plan_pre_cpns(rng, track, entry, slta_year);
            let lo = (birth.year() + 19).max(plan.last().expect("SLTA at least").year + 1);
            if lo <= latest_cpns {
                break (plan, lo);
            }
            // Too young for that degree before the latest appointment year: one level lower.
            entry = LEVELS[LEVELS.iter().position(|l| *l == entry).expect("known level") - 1];
            let min_entry = TRACKS[track_index].entry.iter().position(|w| *w > 0).expect("some entry level");
            if LEVELS.iter().position(|l| *l == entry).expect("known level") < min_entry {
                track_index = ADMIN_TRACK;
            }
        };
        let track = &TRACKS[track_index];
        let span = latest_cpns - cpns_lo;
        let offset = if rng.gen_bool(0.6) { rng.gen_range(0..=span.min(4)) } else { rng.gen_range(0..=span) };

        // TMT CPNS and the NIP sequence (another month if its 999 sequences were used up).
        let first_year = cpns_lo + offset;
        let first_month = rng.gen_range(1..=12);
        let (tmt_cpns, nip_sequence) = (0..(span + 1) * 12)
            .find_map(|step| {
                let months = (first_year - cpns_lo) * 12 + (first_month - 1) + step;
                let months = months % ((span + 1) * 12);
                let (year, month) = (cpns_lo + months / 12, (months % 12 + 1) as u8);
                let used =
                    self.nip_sequences.entry((birth.to_julian_day(), year * 12 + i32::from(month), male)).or_insert(0);
                (*used < 999).then(|| {
                    *used += 1;
                    (date(year, month, 1), *used)
                })
            })
            .expect("NIP sequences exhausted for a birth date");
        let rng = &mut self.rng;
        let nip = Nip::compose(birth, tmt_cpns.year(), month_number(tmt_cpns), gender, nip_sequence)
            .expect("composed NIP is valid");
        let tmt_pns = date(tmt_cpns.year() + 1, month_number(tmt_cpns), 1);

        // Degrees earned in service.
        let studies = plan_in_service(rng, track, studies, tmt_cpns.year());
        let entry_study = studies.iter().rev().find(|s| s.year < tmt_cpns.year()).expect("entry education");

        let pusat = matches!(unit.jenis_pegawai.as_str(), "1" | "3" | "4" | "11");
        let home = towns(province);
        let tempat_lahir = if rng.gen_bool(0.8) { *pick(rng, home) } else { *pick(rng, NATIONAL_TOWNS) };
        let pendidikan =
            studies.iter().map(|s| education_entry(rng, track, s, tmt_cpns.year(), tempat_lahir)).collect::<Vec<_>>();

        let golongan = golongan_history(rng, track, &studies, entry_study.level, tmt_cpns, tmt_pns, pusat);
        let current = golongan.last().expect("three entries at least").clone();
        let jabatan = jabatan_history(rng, track, &studies, &golongan, tmt_cpns, unit.unor_id, pusat);

        let culture = *weighted(rng, cultures(province));
        let nama = full_name(rng, culture, gender);
        let (gelar_depan, gelar_belakang) = gelar(track, &studies, male);
        let age = AS_OF.year() - birth.year();
        let status_kawin = if age < 28 {
            *weighted(rng, &[("1", 60), ("2", 40)])
        } else {
            *weighted(rng, &[("2", 86), ("1", 5), ("3", 5), ("4", 4)])
        };
        let pns = PnsMaster {
            nip: nip.as_str().to_owned(),
            nik: nik.as_str().to_owned(),
            nama,
            gelar_depan,
            gelar_belakang,
            tempat_lahir: tempat_lahir.to_owned(),
            tanggal_lahir: birth,
            jenis_kelamin: gender.code().to_owned(),
            agama: agama(rng, culture).to_owned(),
            status_kawin: status_kawin.to_owned(),
            alamat: format!("{} No. {}, Kel. {}", pick(rng, STREETS), rng.gen_range(1..=250), pick(rng, KELURAHAN)),
            telepon: format!("{}{}", pick(rng, PHONE_PREFIXES), rng.gen_range(10_000_000u32..=99_999_999)),
            email: String::new(),
            instansi_id: unit.instansi_id,
            unor_id: unit.unor_id,
            jenis_pegawai: unit.jenis_pegawai.clone(),
            kedudukan_hukum: "01".into(),
            tmt_cpns,
            tmt_pns: Some(tmt_pns),
            golongan: current.golongan.clone(),
            tmt_golongan: current.tmt,
            versi: 1,
        };
        let mut family_rng = SplitMix64(nip.as_str().bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3) // FNV-1a
        }));
        let (pasangan, anak) = self.family(&mut family_rng, unit, culture, gender, birth, status_kawin, home);
        PnsWithHistory { pns, golongan, pendidikan, jabatan, pasangan, anak, formulir: None }
    }
}
