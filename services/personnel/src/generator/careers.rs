//! Careers: the golongan (rank) history with its promotions and the jabatan (post) history.

use rand::Rng;
use time::{Date, Duration};
use uuid::Uuid;

use super::data::tracks::{Jft, Level, Track};
use super::education::Study;
use super::rng::{date, id, month_number, pick, weighted, SplitMix64};
use super::AS_OF;
use crate::model::{RiwayatGolongan, RiwayatJabatan};

pub(super) const GOLONGAN: [&str; 17] = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b",
    "IV/c", "IV/d", "IV/e",
];
pub(super) const II_A: usize = 4;
pub(super) const II_C: usize = 6;
pub(super) const III_A: usize = 8;
pub(super) const III_B: usize = 9;
pub(super) const III_C: usize = 10;
pub(super) const III_D: usize = 11;
pub(super) const IV_A: usize = 12;
pub(super) const IV_B: usize = 13;
pub(super) const IV_C: usize = 14;
pub(super) const IV_E: usize = 16;

/// The first promotion period (1 April or 1 October) on or after `d`.
fn next_kp_period(d: Date) -> Date {
    let april = date(d.year(), 4, 1);
    let october = date(d.year(), 10, 1);
    if d <= april {
        april
    } else if d <= october {
        october
    } else {
        date(d.year() + 1, 4, 1)
    }
}

fn office(pusat: bool, year: i32) -> &'static str {
    match (pusat, year) {
        (true, _) => "Ropeg",
        (false, ..=2016) => "BKD",
        (false, _) => "BKPSDM",
    }
}

pub(super) fn golongan_history(
    rng: &mut SplitMix64,
    track: &Track,
    studies: &[Study],
    entry: Level,
    tmt_cpns: Date,
    tmt_pns: Date,
    pusat: bool,
) -> Vec<RiwayatGolongan> {
    let start = match entry {
        Level::Slta => II_A,
        Level::D3 => II_C,
        Level::S1 if track.s1.2 == "dr." => III_B,
        Level::S1 => III_A,
        Level::S2 => III_B,
        Level::S3 => III_C,
    };
    let cap = match studies.last().expect("education").level {
        Level::Slta => III_B,
        Level::D3 => III_D,
        Level::S1 => IV_B,
        Level::S2 => IV_C,
        Level::S3 => IV_E,
    };
    let target = rng.gen_range(3..=8usize);
    let mut entries = Vec::with_capacity(target);
    let push = |entries: &mut Vec<RiwayatGolongan>, rng: &mut SplitMix64, rank: usize, tmt: Date, kind: &str| {
        let n = rng.gen_range(100..=9999);
        let nomor_sk = if pusat {
            format!("{n:05}/KEP/{kind}/{}", tmt.year())
        } else {
            let code = match kind {
                "CPNS" => "813.3",
                "PNS" => "821.13",
                _ => "823.3",
            };
            format!("{code}/{n}/{}/{}", office(pusat, tmt.year()), tmt.year())
        };
        entries.push(RiwayatGolongan {
            id: id(rng),
            golongan: GOLONGAN[rank].to_owned(),
            tmt,
            nomor_sk,
            tanggal_sk: tmt - Duration::days(rng.gen_range(5..=50)),
        });
    };
    push(&mut entries, rng, start, tmt_cpns, "CPNS");
    push(&mut entries, rng, start, tmt_pns, "PNS");
    let mut rank = start;
    // Regular promotions after four years in a rank; the first counts from TMT CPNS.
    let mut since = tmt_cpns;
    let mut first = true;
    while entries.len() < target && rank < cap {
        let years = if first { 4 } else { *weighted(rng, &[(4, 65), (2, 12), (5, 13), (6, 10)]) };
        first = false;
        let tmt = next_kp_period(date(since.year() + years, month_number(since), 1));
        if tmt > AS_OF {
            break;
        }
        // A degree earned in service may lift the rank to its entry rank (penyesuaian ijazah).
        let by_degree = studies
            .iter()
            .filter(|s| s.year < tmt.year())
            .map(|s| match s.level {
                Level::Slta => II_A,
                Level::D3 => II_C,
                _ => III_A,
            })
            .max()
            .unwrap_or(II_A);
        rank = if by_degree > rank + 1 && rng.gen_bool(0.6) { by_degree } else { rank + 1 }.min(cap);
        push(&mut entries, rng, rank, tmt, "KP");
        since = tmt;
    }
    assert!(entries.len() >= 3, "appointed five years before AS_OF leaves room for a promotion");
    entries
}

fn jft_title(jft: &Jft, level: Level, rank: usize) -> Option<String> {
    if level < jft.min_level {
        return None;
    }
    if level < Level::S1 {
        // Terampil ladder for diploma holders.
        if !jft.terampil {
            return None;
        }
        let grade = match rank {
            ..III_A => "Terampil",
            III_A..III_C => "Mahir",
            _ => "Penyelia",
        };
        return Some(format!("{} {grade}", jft.name));
    }
    let grade = match rank {
        ..III_C => "Ahli Pertama",
        III_C..IV_A => "Ahli Muda",
        _ => "Ahli Madya",
    };
    Some(format!("{} {grade}", jft.name))
}

pub(super) fn jabatan_history(
    rng: &mut SplitMix64,
    track: &Track,
    studies: &[Study],
    golongan: &[RiwayatGolongan],
    tmt_cpns: Date,
    unor_id: Uuid,
    pusat: bool,
) -> Vec<RiwayatJabatan> {
    let target = rng.gen_range(1..=6usize);
    let structural_person = rng.gen_bool(0.25);
    let mut jabatan: Vec<RiwayatJabatan> = Vec::with_capacity(target);
    let mut tmt = tmt_cpns;
    while jabatan.len() < target {
        if !jabatan.is_empty() {
            tmt = date(tmt.year() + rng.gen_range(2..=5), rng.gen_range(1..=12), 1);
            if tmt > AS_OF {
                break;
            }
        }
        let rank = golongan
            .iter()
            .rev()
            .find(|g| g.tmt <= tmt)
            .and_then(|g| GOLONGAN.iter().position(|k| *k == g.golongan))
            .expect("a golongan from TMT CPNS on");
        let level = studies.iter().filter(|s| s.year < tmt.year()).map(|s| s.level).max().unwrap_or(Level::Slta);
        let previous = jabatan.last().map(|j| (j.jenis_jabatan.as_str(), j.eselon.as_deref()));
        let (jenis, nama, eselon) = if structural_person && level >= Level::S1 && rank >= III_B && !jabatan.is_empty() {
            // Eselon IV first; III.b from III/d, III.a from IV/a.
            let eselon = match previous {
                Some((_, Some("IV.a"))) if rank >= III_D => "III.b",
                Some((_, Some("III.b"))) if rank >= IV_A => "III.a",
                Some((_, Some(e))) => e,
                _ => "IV.a",
            }
            .to_owned();
            let pool = if eselon.starts_with("IV") { track.eselon4 } else { track.eselon3 };
            ("1", (*pick(rng, pool)).to_owned(), Some(eselon))
        } else if let Some(title) = track
            .jft
            .as_ref()
            .and_then(|j| jft_title(j, level, rank))
            // Once in a fungsional tertentu ladder, a PNS stays on it.
            .filter(|_| matches!(previous, Some(("2", _))) || rng.gen_bool(0.9))
        {
            ("2", title, None)
        } else {
            // A fungsional umum post not held before (no back-and-forth between two).
            let unused: Vec<&str> =
                track.jfu.iter().copied().filter(|n| jabatan.iter().all(|j| j.nama_jabatan != *n)).collect();
            if unused.is_empty() {
                continue;
            }
            ("4", (*pick(rng, &unused)).to_owned(), None)
        };
        // The same post again is no new entry, unless it is the first.
        if jabatan.last().is_some_and(|j| j.nama_jabatan == nama) {
            continue;
        }
        let n = rng.gen_range(100..=9999);
        let nomor_sk = match (pusat, jenis) {
            (true, _) => format!("{n:05}/KEP/JAB/{}", tmt.year()),
            (false, "1") => format!("821.2/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
            (false, "2") => format!("821.3/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
            (false, _) => format!("800/{n}/{}/{}", office(false, tmt.year()), tmt.year()),
        };
        jabatan.push(RiwayatJabatan {
            id: id(rng),
            jenis_jabatan: jenis.to_owned(),
            nama_jabatan: nama,
            eselon,
            unor_id,
            tmt,
            nomor_sk,
            tanggal_sk: tmt - Duration::days(rng.gen_range(3..=45)),
        });
    }
    jabatan
}
