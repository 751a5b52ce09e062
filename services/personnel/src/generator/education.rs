//! Education: the degrees before and after the appointment, the schools and the gelar.

use rand::Rng;

use super::data::tracks::{Level, Track, POSTGRADUATE_CAMPUS};
use super::rng::{id, pick, weighted, SplitMix64};
use super::AS_OF;
use crate::model::RiwayatPendidikan;

/// One planned education entry.
pub(super) struct Study {
    pub(super) level: Level,
    pub(super) year: i32,
}

/// SLTA and the degrees up to `entry`, with graduation years.
pub(super) fn plan_pre_cpns(rng: &mut SplitMix64, track: &Track, entry: Level, slta_year: i32) -> Vec<Study> {
    let mut plan = vec![Study { level: Level::Slta, year: slta_year }];
    let mut year = slta_year;
    // Some S1 graduates went SLTA -> D3 -> S1 (ekstensi).
    let via_d3 = entry == Level::D3 || (entry >= Level::S1 && track.d3.is_some() && rng.gen_bool(0.15));
    if via_d3 && track.d3.is_some() {
        year += 3;
        plan.push(Study { level: Level::D3, year });
    }
    if entry >= Level::S1 {
        year = if via_d3 && track.d3.is_some() { year + 2 } else { year + track.s1_years + rng.gen_range(0..=1) };
        plan.push(Study { level: Level::S1, year });
    }
    if entry >= Level::S2 {
        year += rng.gen_range(2..=3);
        plan.push(Study { level: Level::S2, year });
    }
    if entry >= Level::S3 {
        year += rng.gen_range(3..=5);
        plan.push(Study { level: Level::S3, year });
    }
    plan
}

/// Adds degrees earned after the appointment: everyone ends with 2–5 entries, SLTA-only
/// entrants earn a D3 or S1 in service.
pub(super) fn plan_in_service(rng: &mut SplitMix64, track: &Track, mut plan: Vec<Study>, cpns_year: i32) -> Vec<Study> {
    let last_possible = AS_OF.year() - 1;
    let entry = plan.last().expect("SLTA at least").level;
    let target = match entry {
        Level::Slta => {
            *weighted(rng, &[(Level::D3, if track.d3.is_some() { 35 } else { 0 }), (Level::S1, 60), (Level::S2, 5)])
        }
        Level::D3 => *weighted(rng, &[(Level::D3, 45), (Level::S1, 48), (Level::S2, 7)]),
        Level::S1 => *weighted(rng, &[(Level::S1, 62), (Level::S2, 32), (Level::S3, 6)]),
        Level::S2 => *weighted(rng, &[(Level::S2, 80), (Level::S3, 20)]),
        Level::S3 => Level::S3,
    };
    let mut year = plan.last().expect("SLTA at least").year.max(cpns_year);
    for level in [Level::D3, Level::S1, Level::S2, Level::S3] {
        if level <= entry || level > target || (level == Level::D3 && track.d3.is_none()) {
            continue;
        }
        // Half of those heading for an S1 go straight there.
        if level == Level::D3 && target > Level::D3 && rng.gen_bool(0.5) {
            continue;
        }
        let duration = match level {
            Level::D3 => 3,
            Level::S1 if plan.last().map(|s| s.level) == Some(Level::D3) => 2,
            Level::S1 => 4,
            Level::S2 => 2,
            _ => 4,
        };
        let graduated = year + duration + rng.gen_range(0..=3);
        if graduated > last_possible {
            if plan.len() >= 2 {
                break;
            }
            // Appointed at least five years before AS_OF: a short programme still fits.
            plan.push(Study { level, year: last_possible.min(year + 2).max(year + 1) });
            break;
        }
        year = graduated;
        plan.push(Study { level, year });
    }
    plan
}

pub(super) fn education_entry(
    rng: &mut SplitMix64,
    track: &Track,
    study: &Study,
    cpns_year: i32,
    town: &str,
) -> RiwayatPendidikan {
    let in_service = study.year >= cpns_year;
    let (tingkat, nama_sekolah, jurusan) = match study.level {
        Level::Slta => {
            let (kind, jurusan) = *pick(rng, track.slta);
            // The SPG (teacher-training school) closed around 1991.
            let (kind, jurusan) =
                if kind.starts_with("SPG") && study.year > 1991 { ("SMA Negeri", "IPS") } else { (kind, jurusan) };
            let school = if kind.starts_with("SMA") || kind.starts_with("SMK Negeri") {
                format!("{kind} {} {town}", rng.gen_range(1..=8))
            } else {
                format!("{kind} {town}")
            };
            ("12".to_owned(), school, jurusan.to_owned())
        }
        Level::D3 => {
            let (jurusan, _) = track.d3.expect("track with D3");
            let campus = if in_service && rng.gen_bool(0.3) { "Universitas Terbuka" } else { *pick(rng, track.campus) };
            ("20".to_owned(), campus.to_owned(), jurusan.to_owned())
        }
        Level::S1 => {
            let campus = if in_service && rng.gen_bool(0.35) && track.s1.2.is_empty() {
                "Universitas Terbuka"
            } else {
                *pick(rng, track.campus)
            };
            // Before 1999 the teacher-training universities were IKIPs.
            let campus = match campus {
                "Universitas Negeri Yogyakarta" if study.year < 1999 => "IKIP Yogyakarta",
                "Universitas Negeri Malang" if study.year < 1999 => "IKIP Malang",
                "Universitas Pendidikan Indonesia" if study.year < 1999 => "IKIP Bandung",
                other => other,
            };
            let jurusan = match track.s1.0 {
                "Pendidikan Matematika" => *pick(
                    rng,
                    &[
                        "Pendidikan Matematika",
                        "Pendidikan Bahasa Indonesia",
                        "Pendidikan Guru Sekolah Dasar",
                        "Pendidikan Biologi",
                        "Pendidikan Bahasa Inggris",
                    ],
                ),
                "Ilmu Administrasi Negara" => {
                    *pick(rng, &["Ilmu Administrasi Negara", "Ilmu Pemerintahan", "Ilmu Administrasi Negara"])
                }
                "Akuntansi" => *pick(rng, &["Akuntansi", "Manajemen", "Ilmu Ekonomi Pembangunan"]),
                other => other,
            };
            (track.s1.3.to_owned(), campus.to_owned(), jurusan.to_owned())
        }
        Level::S2 => ("45".to_owned(), postgraduate_campus(rng, track, true), track.s2.0.to_owned()),
        Level::S3 => ("50".to_owned(), postgraduate_campus(rng, track, false), track.s3.to_owned()),
    };
    RiwayatPendidikan { id: id(rng), tingkat, nama_sekolah, jurusan, tahun_lulus: study.year as i16 }
}

/// A university of the field with a graduate school (Universitas Terbuka only for an S2).
fn postgraduate_campus(rng: &mut SplitMix64, track: &Track, s2: bool) -> String {
    let field: Vec<&str> = track
        .campus
        .iter()
        .copied()
        .filter(|c| c.starts_with("Universitas") || c.starts_with("Institut Te") || c.starts_with("Institut Pe"))
        .filter(|c| s2 || *c != "Universitas Terbuka")
        .collect();
    if field.is_empty() || rng.gen_bool(0.2) {
        (*pick(rng, &POSTGRADUATE_CAMPUS[..8])).to_owned()
    } else {
        (*pick(rng, &field)).to_owned()
    }
}

/// Gelar depan and belakang from the highest education (S1 one title, S2 plus an M title;
/// dokter "dr.", Ners "Ns.", pre-1994 graduates "Drs."/"Dra."/"Ir.", doctorate "Dr.").
pub(super) fn gelar(track: &Track, studies: &[Study], male: bool) -> (String, String) {
    let mut depan: Vec<&str> = Vec::new();
    let mut belakang: Vec<&str> = Vec::new();
    let has = |level: Level| studies.iter().find(|s| s.level == level);
    if has(Level::S3).is_some() {
        depan.push("Dr.");
    }
    match has(Level::S1) {
        Some(s1) => {
            let (_, back, front, _) = track.s1;
            match track.old_title {
                Some((m, f)) if s1.year <= 1993 => depan.push(if male { m } else { f }),
                _ => {
                    if !front.is_empty() {
                        depan.push(front);
                    }
                    if !back.is_empty() {
                        belakang.push(back);
                    }
                }
            }
        }
        None => {
            if let (Some(_), Some((_, back))) = (has(Level::D3), track.d3) {
                belakang.push(back);
            }
        }
    }
    if has(Level::S2).is_some() {
        belakang.push(track.s2.1);
    }
    (depan.join(" "), belakang.join(", "))
}
