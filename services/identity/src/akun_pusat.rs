//! BKN's own accounts (#13): admin BKN and the executives hold national grants (no instansi,
//! no office). No admin grants them in the app, so one admin BKN can never lock another out;
//! the operator creates them at the server's console (`sipupns --akun-pusat …`), the first
//! admin BKN of a new installation included. The owner chooses a password through the
//! one-time link (mailed, and printed on the console that asked for it).

use domain::account::parse_email;
use domain::akun_staf::{parse_nama, parse_username};
use domain::{ErrorCode, Role};

use crate::akun_staf::{undangan, AkunBaru, UNDANGAN_SUBJEK};
use crate::error::Result;
use crate::grant::Scope;
use crate::Identity;

impl Identity {
    /// Creates an active account holding `role` (admin BKN or executive) nationally; returns
    /// the link to choose its password (valid 3 days). A duplicate username or email is its
    /// field error, as in the admins' page.
    pub async fn create_national_account(
        &self,
        role: Role,
        username: &str,
        nama: &str,
        email: &str,
        base_url: &str,
    ) -> Result<String> {
        if !matches!(role, Role::AdminBkn | Role::Eksekutif) {
            return Err(ErrorCode::RoleNotGrantable.into());
        }
        let (username, nama, email) = (parse_username(username)?, parse_nama(nama)?, parse_email(email)?);
        let akun = AkunBaru { username: &username, nama: &nama, email: &email };
        let (_, link) = self.insert_staff_account(None, &akun, role, &Scope::default(), base_url, "console").await?;
        // The console exits right after: the mail goes now, not in the background. The link is
        // printed too, so a mail that fails is only a warning.
        if let Err(error) = self.mailer.send(&email, UNDANGAN_SUBJEK, &undangan(&username, &link)).await {
            tracing::warn!(%error, "the new account's mail was not sent; use the printed link");
        }
        Ok(link)
    }
}
