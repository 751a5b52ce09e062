//! What the operator does at the server's console instead of serving: create a BKN account
//! (`--akun-pusat PERAN:USERNAME:EMAIL:NAMA`), the way a new installation gets its first
//! admin BKN.

use anyhow::{anyhow, bail};
use app::auth::AppState;
use domain::{Lang, Role};

/// Creates the account `spec` names and returns the link its owner chooses a password with.
/// A refusal (a taken username, a bad email…) comes back as its text.
pub async fn create_national_account(state: &AppState, spec: &str) -> anyhow::Result<String> {
    let [peran, username, email, nama] = spec.splitn(4, ':').collect::<Vec<_>>()[..] else {
        bail!("--akun-pusat: expected PERAN:USERNAME:EMAIL:NAMA");
    };
    let role = Role::from_code(peran.trim())
        .filter(|r| matches!(r, Role::AdminBkn | Role::Eksekutif))
        .ok_or_else(|| anyhow!("--akun-pusat: PERAN is admin_bkn or eksekutif"))?;
    state.identity.create_national_account(role, username, nama, email, &state.public_url).await.map_err(|e| match e {
        access::ServiceError::Refused(code) => anyhow!("{} / {}", code.text(Lang::Id), code.text(Lang::En)),
        other => anyhow!(other),
    })
}
