//! Sending the decisions made offline, oldest first, each as the very request stored (same
//! key, same body), so the server applies each exactly once however often it is resent. A
//! landed decision forgets its submission; a conflict is kept for the verifier to resolve; a
//! network failure stops the round (the next one starts when the browser is back online).

use domain::ErrorCode;

use super::simpan::Simpanan;
use super::StatusTertunda;
use crate::api::verifikasi::decide;

/// What one round of sending did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ringkasan {
    pub terkirim: usize,
    pub konflik: usize,
    /// Stopped early: no network, or the session ended.
    pub terhenti: bool,
}

/// Sends `akun`'s waiting decisions. Decisions of another login on this browser wait for it.
pub async fn kirim(akun: &str) -> Result<Ringkasan, ErrorCode> {
    let simpan = Simpanan::buka().await?;
    let result = kirim_dengan(&simpan, akun).await;
    simpan.tutup();
    result
}

async fn kirim_dengan(simpan: &Simpanan, akun: &str) -> Result<Ringkasan, ErrorCode> {
    let mut ringkasan = Ringkasan::default();
    for tertunda in simpan.tertunda().await? {
        let due = matches!(tertunda.status, StatusTertunda::Menunggu | StatusTertunda::PerluMasuk);
        if tertunda.akun != akun || !due {
            continue;
        }
        let answer = decide(tertunda.putusan.clone()).await.map(|_| ()).map_err(|e| e.0);
        match StatusTertunda::after(answer) {
            None => {
                simpan.lupakan(&tertunda.item).await?;
                ringkasan.terkirim += 1;
            }
            Some(StatusTertunda::Menunggu) => {
                ringkasan.terhenti = true;
                break;
            }
            Some(StatusTertunda::PerluMasuk) => {
                simpan.tandai(&tertunda.kunci, StatusTertunda::PerluMasuk).await?;
                ringkasan.terhenti = true;
                break;
            }
            Some(status) => {
                simpan.tandai(&tertunda.kunci, status).await?;
                ringkasan.konflik += 1;
            }
        }
    }
    Ok(ringkasan)
}
