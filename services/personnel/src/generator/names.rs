//! Names and religion: a name culture (drawn by province) shapes both.

use domain::Gender;
use rand::Rng;

use super::data::names::names;
use super::rng::{pick, weighted, SplitMix64};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Culture {
    Jawa,
    Sunda,
    Batak,
    Minang,
    Bugis,
    Bali,
    Manado,
    Timur,
    Muslim,
    Modern,
}

pub(super) fn full_name(rng: &mut SplitMix64, culture: Culture, gender: Gender) -> String {
    let pool = names(culture);
    let male = gender == Gender::Male;
    let given = *pick(rng, if male { pool.male } else { pool.female });
    let mut second = *pick(rng, if male { pool.second_male } else { pool.second_female });
    // No "Rahayu Rahayu": draw the second name again when it repeats the first.
    for _ in 0..3 {
        if second != given {
            break;
        }
        second = *pick(rng, if male { pool.second_male } else { pool.second_female });
    }
    let other_given = *pick(rng, if male { pool.male } else { pool.female });
    let roll = rng.gen_range(0..100);
    let name = match culture {
        Culture::Jawa | Culture::Minang | Culture::Sunda => match roll {
            0..=29 => given.to_owned(), // one-word names are common
            30..=79 => format!("{given} {second}"),
            _ if other_given != given => format!("{given} {other_given}"),
            _ => format!("{given} {second}"),
        },
        Culture::Batak | Culture::Manado | Culture::Timur => match roll {
            0..=84 => format!("{given} {second}"),
            _ if other_given != given => format!("{given} {other_given} {second}"),
            _ => format!("{given} {second}"),
        },
        Culture::Bugis => {
            let prefix = if roll < 15 { "Andi " } else { "" };
            if rng.gen_bool(0.3) {
                format!("{prefix}{given}")
            } else {
                format!("{prefix}{given} {second}")
            }
        }
        Culture::Bali => {
            let order = if male {
                *pick(
                    rng,
                    &[
                        "I Wayan",
                        "I Putu",
                        "I Gede",
                        "I Made",
                        "I Kadek",
                        "I Nyoman",
                        "I Komang",
                        "I Ketut",
                        "I Gusti Ngurah",
                    ],
                )
            } else {
                *pick(
                    rng,
                    &[
                        "Ni Luh",
                        "Ni Putu",
                        "Ni Made",
                        "Ni Kadek",
                        "Ni Nyoman",
                        "Ni Komang",
                        "Ni Ketut",
                        "Ni Luh Putu",
                        "Ni Luh Made",
                    ],
                )
            };
            if roll < 25 {
                format!("{order} {given} {second}")
            } else {
                format!("{order} {given}")
            }
        }
        Culture::Muslim => {
            let prefix = match (male, roll) {
                (true, 0..=29) => "Muhammad ",
                (true, 30..=44) => "Ahmad ",
                (false, 0..=19) => "Siti ",
                (false, 20..=29) => "Nur ",
                _ => "",
            };
            if rng.gen_bool(0.5) {
                format!("{prefix}{given}")
            } else if second != given {
                format!("{prefix}{given} {second}")
            } else {
                format!("{prefix}{given}")
            }
        }
        Culture::Modern => {
            if second == given {
                given.to_owned()
            } else {
                format!("{given} {second}")
            }
        }
    };
    name
}

/// Religion (kode_referensi agama) by name culture: mostly Islam, Hindu in Bali, Christian in
/// the Batak, Minahasa and eastern cultures.
pub(super) fn agama(rng: &mut SplitMix64, culture: Culture) -> &'static str {
    let weights: &[(&str, u32)] = match culture {
        Culture::Bali => &[("4", 92), ("1", 4), ("2", 2), ("3", 2)],
        Culture::Batak => &[("2", 62), ("1", 28), ("3", 10)],
        Culture::Manado => &[("2", 78), ("3", 12), ("1", 10)],
        Culture::Timur => &[("2", 55), ("3", 35), ("1", 10)],
        Culture::Muslim | Culture::Minang | Culture::Bugis => &[("1", 100)],
        Culture::Modern => &[("1", 82), ("2", 8), ("3", 5), ("5", 4), ("6", 1)],
        Culture::Jawa | Culture::Sunda => &[("1", 95), ("2", 3), ("3", 2)],
    };
    let code = *weighted(rng, weights);
    code
}
