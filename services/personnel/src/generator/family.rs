//! Spouses and children, drawn from a second stream seeded by the PNS's NIP.

use domain::{Gender, Nik, Nip};
use rand::Rng;
use time::{Date, Duration};

use super::data::places::NATIONAL_TOWNS;
use super::names::{full_name, Culture};
use super::rng::{id, month_number, pick, random_day, weighted, SplitMix64};
use super::{State, UnitTarget, AS_OF};
use crate::model::{Anak, Pasangan};

impl State {
    /// Spouses and children fitting the marital status (see the module notes).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn family(
        &mut self,
        rng: &mut SplitMix64,
        unit: &UnitTarget,
        culture: Culture,
        gender: Gender,
        birth: Date,
        status_kawin: &str,
        home: &[&str],
    ) -> (Vec<Pasangan>, Vec<Anak>) {
        let spouse_gender = if gender == Gender::Male { Gender::Female } else { Gender::Male };
        let latest = AS_OF.year() - 1;
        let age_married = rng.gen_range(22..=35);
        let first = random_day(rng, (birth.year() + age_married).min(latest));
        // A remarriage 3–10 years after a first marriage that ended, where time allows.
        let remarried = (first.year() + 3 <= latest && rng.gen_bool(0.08)).then(|| {
            let after = rng.gen_range(3..=10);
            random_day(rng, (first.year() + after).min(latest))
        });
        let ended = if rng.gen_bool(0.7) { "CERAI" } else { "MENINGGAL" };
        let marriages: Vec<(&str, Date)> = match (status_kawin, remarried) {
            ("2", Some(second)) => vec![(ended, first), ("MENIKAH", second)],
            ("2", None) => vec![("MENIKAH", first)],
            ("3", _) => vec![("CERAI", first)],
            ("4", _) => vec![("MENINGGAL", first)],
            _ => vec![],
        };
        let mut pasangan = Vec::new();
        for (status, married) in marriages {
            // Wives mostly a little younger, husbands a little older; 19 at least when married.
            let gap = rng.gen_range(0..=6);
            let year = if gender == Gender::Male { birth.year() + gap } else { birth.year() - gap };
            let spouse_birth = random_day(rng, year.min(married.year() - 20));
            let nik = rng.gen_bool(0.85).then(|| self.nik(unit, spouse_birth, spouse_gender));
            let nip_pasangan = rng.gen_bool(0.2).then(|| {
                let tmt_year = (spouse_birth.year() + rng.gen_range(22..=30)).min(latest);
                let nip =
                    Nip::compose(spouse_birth, tmt_year, rng.gen_range(1..=12), spouse_gender, rng.gen_range(1..=40));
                nip.expect("composed NIP is valid").as_str().to_owned()
            });
            let towns = if rng.gen_bool(0.8) { home } else { NATIONAL_TOWNS };
            pasangan.push(Pasangan {
                id: id(rng),
                nama: full_name(rng, culture, spouse_gender),
                nik,
                tempat_lahir: (*pick(rng, towns)).to_owned(),
                tanggal_lahir: spouse_birth,
                tanggal_menikah: married,
                nomor_akta_nikah: format!(
                    "{}/{:02}/{}/{}",
                    rng.gen_range(100..=999),
                    rng.gen_range(1..=60),
                    ROMAN_MONTHS[usize::from(month_number(married)) - 1],
                    married.year()
                ),
                nip_pasangan,
                status: status.to_owned(),
            });
        }
        let Some(first) = pasangan.first().map(|p| p.tanggal_menikah) else {
            return (pasangan, Vec::new());
        };
        let count = *weighted(rng, &[(0, 12), (1, 22), (2, 36), (3, 20), (4, 10)]);
        // A marriage that ended with no new one: children only while it lasted (2–12 years).
        let last_birth = match pasangan.last() {
            Some(p) if p.status != "MENIKAH" => (first + Duration::days(365 * rng.gen_range(2..=12))).min(AS_OF),
            _ => AS_OF,
        };
        let mut anak = Vec::new();
        let mut born = first + Duration::days(rng.gen_range(300..=1100));
        while anak.len() < count && born <= last_birth {
            let child_gender = if rng.gen_bool(0.5) { Gender::Male } else { Gender::Female };
            let nik = rng.gen_bool(0.9).then(|| self.nik(unit, born, child_gender));
            anak.push(Anak {
                id: id(rng),
                nama: full_name(rng, culture, child_gender),
                nik,
                tempat_lahir: (*pick(rng, home)).to_owned(),
                tanggal_lahir: born,
                jenis_kelamin: child_gender.code().to_owned(),
                status_anak: "KANDUNG".into(),
                orang_tua: "BERSAMA".into(),
                tunjangan: anak.len() < 2 && AS_OF.year() - born.year() < 21,
            });
            born += Duration::days(rng.gen_range(540..=1800));
        }
        (pasangan, anak)
    }

    /// A family member's NIK in the unit's region. Their sequences count from 5001 (PNS use
    /// 1–5000) in a map of their own, so PNS NIKs are what they were before families.
    pub(super) fn nik(&mut self, unit: &UnitTarget, birth: Date, gender: Gender) -> String {
        let key = (unit.region_code.clone(), birth.to_julian_day(), gender == Gender::Male);
        let used = self.family_nik_sequences.entry(key).or_insert(5000);
        *used = (*used + 1).min(9999);
        Nik::compose(&unit.region_code, birth, gender, *used).expect("composed NIK is valid").as_str().to_owned()
    }
}

const ROMAN_MONTHS: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
