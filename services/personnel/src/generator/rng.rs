//! The random stream and the small draws and calendar helpers built on it.

use rand::{Rng, RngCore};
use time::{Date, Month};
use uuid::Uuid;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast unoptimised, and stable across releases.
pub(super) struct SplitMix64(pub(super) u64);

impl RngCore for SplitMix64 {
    fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

pub(super) fn pick<'a, T>(rng: &mut SplitMix64, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

pub(super) fn weighted<'a, T>(rng: &mut SplitMix64, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &items[items.len() - 1].0
}

/// A random (version 4) UUID drawn from the stream, so ids are deterministic too.
pub(super) fn id(rng: &mut SplitMix64) -> Uuid {
    uuid::Builder::from_random_bytes(rng.gen::<u128>().to_le_bytes()).into_uuid()
}

pub(super) fn date(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).expect("month 1-12"), day).expect("valid generated date")
}

pub(super) fn month_number(d: Date) -> u8 {
    u8::from(d.month())
}

/// A random day of `year`.
pub(super) fn random_day(rng: &mut SplitMix64, year: i32) -> Date {
    let month = Month::try_from(rng.gen_range(1..=12u8)).expect("month 1-12");
    Date::from_calendar_date(year, month, rng.gen_range(1..=month.length(year))).expect("valid date")
}
