//! Registration helpers shared by the registration and security tests: a PNS without an
//! account, the knowledge-check answers from the master, and the emailed code.

#![allow(dead_code)]

use crate::common::TestApp;

pub struct Master {
    pub nip: String,
    pub nik: String,
    pub birth: String,
    pub tmt: String,
    /// The first golongan entry's decree number, as stored.
    pub sk: String,
    pub nama: String,
    pub instansi_id: uuid::Uuid,
}

const MASTER: &str = "SELECT nip, nik, tanggal_lahir::text, tmt_cpns::text,
        (SELECT nomor_sk FROM riwayat_golongan g WHERE g.nip = p.nip ORDER BY tmt, tanggal_sk, id LIMIT 1),
        nama, instansi_id FROM pns p";

type Row = (String, String, String, String, String, String, uuid::Uuid);

fn master(row: Row) -> Master {
    Master { nip: row.0, nik: row.1, birth: row.2, tmt: row.3, sk: row.4, nama: row.5, instansi_id: row.6 }
}

/// The `n`-th PNS (from the end of the NIP order) of the demo world without an account.
pub async fn unregistered_nth(app: &TestApp, n: i64) -> Master {
    let sql = format!(
        "{MASTER} WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
           AND EXISTS (SELECT 1 FROM riwayat_golongan g WHERE g.nip = p.nip)
         ORDER BY nip DESC OFFSET $1 LIMIT 1"
    );
    master(sqlx::query_as(&sql).bind(n).fetch_one(&app.pool).await.unwrap())
}

pub async fn unregistered(app: &TestApp) -> Master {
    unregistered_nth(app, 0).await
}

/// The master data of a PNS who already has an account.
pub async fn registered(app: &TestApp, nip: &str) -> Master {
    let sql = format!("{MASTER} WHERE nip = $1");
    master(sqlx::query_as(&sql).bind(nip).fetch_one(&app.pool).await.unwrap())
}

impl Master {
    /// The knowledge-check form: the master's answers, with the given birth date and email.
    pub fn answers<'a>(&'a self, birth: &'a str, email: &'a str) -> [(&'static str, &'a str); 6] {
        [
            ("nip", &self.nip),
            ("nik", &self.nik),
            ("tanggal_lahir", birth),
            ("tmt_cpns", &self.tmt),
            ("sk_cpns", &self.sk),
            ("email", email),
        ]
    }
}

/// The first mail to `to` holding `marker`. Mail goes out in the background, so it may take
/// a moment.
pub async fn mail_to(app: &TestApp, to: &str, marker: &str) -> String {
    let dir = app.config.data_dir.join("mail");
    for _ in 0..100 {
        let text = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .find(|t| t.starts_with(&format!("To: {to}\n")) && t.contains(marker));
        if let Some(text) = text {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no mail to {to}");
}

/// The one-time code mailed to `to`.
pub async fn code_from_mail(app: &TestApp, to: &str) -> String {
    let text = mail_to(app, to, "Kode verifikasi pendaftaran").await;
    // "Kode verifikasi pendaftaran SIPUPNS Anda: 123456"
    let line = text.lines().find(|l| l.starts_with("Kode verifikasi")).unwrap();
    line.rsplit(' ').next().unwrap().to_owned()
}

/// The token of the password-reset link mailed to `to`.
pub async fn reset_token_from_mail(app: &TestApp, to: &str) -> String {
    let text = mail_to(app, to, "token=").await;
    text.split("token=").nth(1).unwrap().lines().next().unwrap().to_owned()
}

/// Gives the account of `username` an email address, so a reset link has somewhere to go.
pub async fn give_email(app: &TestApp, username: &str, email: &str) {
    sqlx::query("UPDATE account SET email = $2 WHERE username = $1")
        .bind(username)
        .bind(email)
        .execute(&app.pool)
        .await
        .unwrap();
}

/// How many mails went to `to` so far.
pub fn mails_to(app: &TestApp, to: &str) -> usize {
    std::fs::read_dir(app.config.data_dir.join("mail"))
        .into_iter()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .filter(|t| t.starts_with(&format!("To: {to}\n")))
        .count()
}
