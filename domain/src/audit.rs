//! Reading the audit log (#13): a Kanreg or BKN admin filters it by instansi, actor and
//! action, newest first, a page at a time.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// Entries per page.
pub const PER_HALAMAN: usize = 50;

/// The filter as the page sends it; empty fields do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FilterAudit {
    /// An instansi's id: entries by people of that instansi.
    pub instansi_id: String,
    /// A username or NIP.
    pub pelaku: String,
    /// An action's code, e.g. `signin_ok`, `staff_account_created`.
    pub aksi: String,
    /// Entries older than this one (the last entry of the page before); empty: the newest.
    pub sebelum: String,
}

impl FilterAudit {
    /// Trimmed, the action in lower case; an action is a code of letters and underscores.
    pub fn parse(&self) -> Result<FilterAudit, ErrorCode> {
        let aksi = self.aksi.trim().to_lowercase();
        if !aksi.chars().all(|c| c.is_ascii_lowercase() || c == '_') || aksi.len() > 60 {
            return Err(ErrorCode::AuditActionFormat);
        }
        let sebelum = self.sebelum.trim().to_owned();
        if !sebelum.is_empty() && sebelum.parse::<i64>().is_err() {
            return Err(ErrorCode::BadRequest);
        }
        Ok(FilterAudit {
            instansi_id: self.instansi_id.trim().to_owned(),
            pelaku: self.pelaku.trim().to_lowercase(),
            aksi,
            sebelum,
        })
    }
}

/// One entry as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntriAudit {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM:SS` (UTC).
    pub waktu: String,
    /// Username or NIP, and name; empty for an anonymous request.
    pub pelaku: String,
    pub nama: String,
    pub aksi: String,
    pub subjek: String,
    pub ip: String,
    /// The detail (before and after, reasons) as JSON text.
    pub rincian: String,
}

/// A page of entries, and whether older ones follow.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HalamanAudit {
    pub entri: Vec<EntriAudit>,
    pub ada_lagi: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_is_trimmed_and_an_action_is_a_code() {
        let filter =
            FilterAudit { pelaku: " Admin.Sleman ".into(), aksi: " SIGNIN_OK".into(), ..FilterAudit::default() };
        let parsed = filter.parse().unwrap();
        assert_eq!((parsed.pelaku.as_str(), parsed.aksi.as_str()), ("admin.sleman", "signin_ok"));
        let bad = FilterAudit { aksi: "signin' OR 1=1".into(), ..FilterAudit::default() };
        assert_eq!(bad.parse(), Err(ErrorCode::AuditActionFormat));
        let bad = FilterAudit { sebelum: "x".into(), ..FilterAudit::default() };
        assert_eq!(bad.parse(), Err(ErrorCode::BadRequest));
    }
}
