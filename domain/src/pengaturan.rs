//! An instansi's settings its PUPNS admin keeps (#13): whether new PNS accounts wait for a
//! verifier, and the data-collection period outside which a PNS can read but not send. The
//! admin's page checks them with these rules before sending; the server applies the same.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::{iso, parse_iso_date};
use crate::ErrorCode;

/// The data-collection period; an unset end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Periode {
    pub mulai: Option<Date>,
    pub selesai: Option<Date>,
}

impl Periode {
    /// From the form's two dates (`YYYY-MM-DD`, empty: open). The end may not come before
    /// the start.
    pub fn parse(mulai: &str, selesai: &str) -> Result<Periode, ErrorCode> {
        let date = |text: &str| (!text.trim().is_empty()).then(|| parse_iso_date(text)).transpose();
        let periode = Periode { mulai: date(mulai)?, selesai: date(selesai)? };
        match (periode.mulai, periode.selesai) {
            (Some(m), Some(s)) if s < m => Err(ErrorCode::PeriodEndBeforeStart),
            _ => Ok(periode),
        }
    }

    /// Whether a PNS may send on `today`.
    pub fn open_on(&self, today: Date) -> bool {
        self.mulai.is_none_or(|m| today >= m) && self.selesai.is_none_or(|s| today <= s)
    }

    /// Days left to send, today included, while the period is open and has an end.
    pub fn days_left(&self, today: Date) -> Option<i64> {
        let selesai = self.selesai.filter(|_| self.open_on(today))?;
        Some((selesai - today).whole_days() + 1)
    }
}

/// The settings as the admin's page shows and sends them (dates as `YYYY-MM-DD`, "" open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PengaturanInstansi {
    pub verifikasi_pendaftaran: bool,
    pub pendataan_mulai: String,
    pub pendataan_selesai: String,
}

impl PengaturanInstansi {
    pub fn new(verifikasi_pendaftaran: bool, periode: Periode) -> PengaturanInstansi {
        let text = |d: Option<Date>| d.map(iso).unwrap_or_default();
        PengaturanInstansi {
            verifikasi_pendaftaran,
            pendataan_mulai: text(periode.mulai),
            pendataan_selesai: text(periode.selesai),
        }
    }

    pub fn periode(&self) -> Result<Periode, ErrorCode> {
        Periode::parse(&self.pendataan_mulai, &self.pendataan_selesai)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::ymd;

    #[test]
    fn a_period_is_open_between_its_dates_inclusive() {
        let p = Periode::parse("2026-12-01", "2026-12-31").unwrap();
        assert!(!p.open_on(ymd(2026, 11, 30).unwrap()));
        assert!(p.open_on(ymd(2026, 12, 1).unwrap()));
        assert!(p.open_on(ymd(2026, 12, 31).unwrap()));
        assert!(!p.open_on(ymd(2027, 1, 1).unwrap()));
        assert_eq!(p.days_left(ymd(2026, 12, 31).unwrap()), Some(1));
        assert_eq!(p.days_left(ymd(2026, 12, 6).unwrap()), Some(26));
        assert_eq!(p.days_left(ymd(2027, 1, 1).unwrap()), None);
    }

    #[test]
    fn open_ends_and_bad_input() {
        let open = Periode::parse("", " ").unwrap();
        assert_eq!(open, Periode::default());
        assert!(open.open_on(ymd(2026, 12, 6).unwrap()));
        assert_eq!(open.days_left(ymd(2026, 12, 6).unwrap()), None);
        assert_eq!(Periode::parse("2026-12-31", "2026-12-01"), Err(ErrorCode::PeriodEndBeforeStart));
        assert_eq!(Periode::parse("2026-02-30", ""), Err(ErrorCode::InvalidDate));
        let same = Periode::parse("2026-12-06", "2026-12-06").unwrap();
        assert_eq!(same.days_left(ymd(2026, 12, 6).unwrap()), Some(1));
        let shown = PengaturanInstansi::new(true, same);
        assert_eq!(shown.pendataan_mulai, "2026-12-06");
        assert_eq!(shown.periode(), Ok(same));
    }
}
