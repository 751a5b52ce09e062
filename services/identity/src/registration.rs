//! PNS self-registration: NIP look-up showing only the instansi
//! and a masked name; knowledge check of NIK, birth date and TMT CPNS against the master;
//! email confirmed by a one-time code; password; registration slip; approval by a verifier.

use domain::{account, dates, masking, ErrorCode, Nip, Role};
use serde_json::json;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::error::Result;
use crate::{audit, throttle, token, Identity};

/// Knowledge checks (right or wrong) allowed per NIP and per email in 15 minutes; per address
/// the limit is configured (`IdentityConfig::registration_checks_per_ip`).
const CHECKS_PER_NIP: u32 = 5;
const CHECKS_PER_EMAIL: u32 = 5;
const CHECK_WINDOW_SECS: i64 = 900;
const CODE_MINUTES: i64 = 30;
const CODE_ATTEMPTS: i32 = 5;

/// What a stranger who types a NIP may learn.
#[derive(Debug, Clone, PartialEq)]
pub struct NipLookup {
    pub nip: String,
    pub masked_name: String,
    pub instansi: String,
}

/// The answers of the knowledge check, as typed.
pub struct KnowledgeCheck<'a> {
    pub nip: &'a str,
    pub nik: &'a str,
    pub tanggal_lahir: &'a str,
    pub tmt_cpns: &'a str,
    pub sk_cpns: &'a str,
    pub email: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub nomor_pendaftaran: String,
    pub kode_verifikasi: String,
    /// False when the instansi verifies registrations (the default).
    pub active: bool,
}

/// What the slip prints.
#[derive(Debug, Clone, PartialEq)]
pub struct SlipData {
    pub nomor_pendaftaran: String,
    pub nip: String,
    pub nama: String,
    pub instansi: String,
    pub tanggal: String,
    pub kode_verifikasi: String,
}

impl SlipData {
    /// The slip as an A4 PDF: Indonesian, with the instruction also in English.
    pub fn to_pdf(&self) -> Vec<u8> {
        documents::Document::new("SLIP PENDAFTARAN PUPNS")
            .subtitle("Pendataan Ulang PNS - Badan Kepegawaian Negara")
            .row("Nomor pendaftaran", &self.nomor_pendaftaran)
            .row("NIP", &self.nip)
            .row("Nama", &self.nama)
            .row("Instansi", &self.instansi)
            .row("Tanggal daftar", &self.tanggal)
            .row("Kode verifikasi", &self.kode_verifikasi)
            .space()
            .paragraph("Bawa slip ini bersama KTP ke verifikator SKPD/BKD/Ropeg instansi Anda.")
            .paragraph("Bring this slip and your ID card to your agency's SKPD/BKD/Ropeg verifier.")
            .to_pdf()
    }

    /// "slip-PUPNS-2026-12345678.pdf".
    pub fn file_name(&self) -> String {
        format!("slip-{}.pdf", self.nomor_pendaftaran)
    }
}

/// The slip ready to download.
#[derive(Debug, Clone, PartialEq)]
pub struct SlipPdf {
    pub file_name: String,
    pub pdf: Vec<u8>,
}

/// "PUPNS-2026-100000123": printed on the slip and shown to the verifier. From a sequence, so
/// two registrations finishing together never get the same number.
pub(crate) async fn new_registration_number(tx: &mut sqlx::PgConnection) -> sqlx::Result<String> {
    let next = sqlx::query_scalar!(r#"SELECT nextval('nomor_pendaftaran_seq') AS "n!""#).fetch_one(tx).await?;
    Ok(format!("PUPNS-{}-{next:09}", OffsetDateTime::now_utc().year()))
}

impl Identity {
    pub async fn lookup_nip(&self, input: &str, ip: &str) -> Result<NipLookup> {
        if !throttle::hit(&self.pool, &format!("ip:lookup:{ip}"), self.config.lookup_per_minute_per_ip, 60).await? {
            return Err(ErrorCode::TooManyRequests.into());
        }
        let nip = Nip::parse(input)?;
        let Some(master) = self.personnel.master(nip.as_str()).await? else {
            return Err(ErrorCode::NipNotFound.into());
        };
        if self.account_exists(nip.as_str()).await? {
            return Err(ErrorCode::NipAlreadyRegistered.into());
        }
        let instansi = self.reference.instansi(master.instansi_id).await?.map(|i| i.nama).unwrap_or_default();
        Ok(NipLookup { nip: nip.as_str().to_owned(), masked_name: masking::mask_name(&master.nama), instansi })
    }

    /// Checks the answers against the master and emails a one-time code. Returns the id of
    /// the registration in progress.
    ///
    /// Every attempt counts before anything is compared (per NIP, per address, per email,
    /// successes included: a success mails a code to an address the caller chose), each in one
    /// SQL upsert, so parallel attempts cannot get past the limits. Unknown NIP, registered NIP
    /// and wrong data get one answer after the same queries, and the mail goes out in the
    /// background, so neither the answer nor its timing tells them apart.
    pub async fn start_registration(&self, answers: KnowledgeCheck<'_>, ip: &str) -> Result<Uuid> {
        let nip = Nip::parse(answers.nip)?;
        let nik = domain::Nik::parse(answers.nik)?;
        let birth = dates::parse_iso_date(answers.tanggal_lahir)?;
        let tmt_cpns = dates::parse_iso_date(answers.tmt_cpns)?;
        let sk_cpns = account::parse_sk_cpns(answers.sk_cpns)?;
        let email = account::parse_email(answers.email)?;
        // The address first: requests it refuses do not use up a NIP's or an email's budget.
        let limits = [
            (format!("ip:check:{ip}"), self.config.registration_checks_per_ip),
            (format!("nip:check:{}", nip.as_str()), CHECKS_PER_NIP),
            (format!("email:check:{email}"), CHECKS_PER_EMAIL),
        ];
        for (key, limit) in &limits {
            if !throttle::hit(&self.pool, key, *limit, CHECK_WINDOW_SECS).await? {
                return Err(ErrorCode::KnowledgeCheckLocked.into());
            }
        }
        let master = self.personnel.master(nip.as_str()).await?;
        let master_sk = self.personnel.sk_cpns(nip.as_str()).await?;
        let registered = self.account_exists(nip.as_str()).await?;
        let matches = master
            .is_some_and(|m| m.nik == nik.as_str() && m.tanggal_lahir == birth && m.tmt_cpns == tmt_cpns)
            && master_sk.is_some_and(|sk| account::normalise_sk(&sk) == sk_cpns);
        if !matches || registered {
            audit::record(&self.pool, None, "registration_check_failed", Some(nip.as_str()), ip, json!({})).await?;
            return Err(ErrorCode::KnowledgeCheckFailed.into());
        }
        let code = token::new_numeric_code();
        let id = Uuid::new_v4();
        sqlx::query!(
            "INSERT INTO pendaftaran (id, nip, email, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5)",
            id,
            nip.as_str(),
            email,
            token::digest(&code),
            OffsetDateTime::now_utc() + Duration::minutes(CODE_MINUTES)
        )
        .execute(&self.pool)
        .await?;
        let body = format!(
            "Kode verifikasi pendaftaran SIPUPNS Anda: {code}\nBerlaku {CODE_MINUTES} menit. Abaikan email ini jika Anda tidak mendaftar.\n\n\
             Your SIPUPNS registration code: {code}\nValid for {CODE_MINUTES} minutes."
        );
        self.mailer.send_in_background(email, "Kode verifikasi SIPUPNS", body);
        Ok(id)
    }

    /// Confirms the emailed code and sets the password: the account exists from here on.
    pub async fn finish_registration(
        &self,
        registration_id: Uuid,
        code: &str,
        password: &str,
        confirmation: &str,
        ip: &str,
    ) -> Result<Registered> {
        let code = account::parse_one_time_code(code)?;
        crate::password::check_new(password, confirmation)?;
        let Some(row) = sqlx::query!(
            "UPDATE pendaftaran SET attempts = attempts + 1 WHERE id = $1 AND confirmed_at IS NULL
             RETURNING nip, email, code_hash, attempts, expires_at",
            registration_id
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Err(ErrorCode::RegistrationExpired.into());
        };
        if row.expires_at <= OffsetDateTime::now_utc() || row.attempts > CODE_ATTEMPTS {
            return Err(ErrorCode::RegistrationExpired.into());
        }
        if row.code_hash != token::digest(&code) {
            return Err(ErrorCode::OneTimeCodeWrong.into());
        }
        let Some(master) = self.personnel.master(&row.nip).await? else {
            return Err(ErrorCode::NipNotFound.into());
        };
        if self.account_exists(&row.nip).await? {
            return Err(ErrorCode::NipAlreadyRegistered.into());
        }
        let active = !self.reference.registration_needs_verification(master.instansi_id).await?;
        let hash = crate::password::hash_async(password.to_owned()).await;
        let (account_id, kode) = (Uuid::new_v4(), format!("{:08X}", rand::random::<u32>()));
        // The account, its PNS grant, the confirmation and the audit row land together or not
        // at all. Two registrations of one NIP racing here: the unique NIP refuses the second
        // (NipAlreadyRegistered), never a half-made account.
        let mut tx = self.pool.begin().await?;
        let nomor = new_registration_number(&mut tx).await?;
        sqlx::query!(
            "INSERT INTO account (id, nip, nama, email, password_hash, status, instansi_id, unor_id, approved_at,
                                  nomor_pendaftaran, kode_verifikasi)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $11 THEN now() END, $9, $10)",
            account_id,
            row.nip,
            master.nama,
            row.email,
            hash,
            if active { account::StatusAkun::Aktif } else { account::StatusAkun::MenungguVerifikasi }.code(),
            master.instansi_id,
            master.unor_id,
            nomor,
            kode,
            active
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO role_grant (id, account_id, role, instansi_id) VALUES ($1, $2, $3, $4)",
            Uuid::new_v4(),
            account_id,
            Role::Pns.code(),
            master.instansi_id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!("UPDATE pendaftaran SET confirmed_at = now() WHERE id = $1", registration_id)
            .execute(&mut *tx)
            .await?;
        audit::record(&mut *tx, Some(account_id), "registration", Some(&row.nip), ip, json!({"active": active}))
            .await?;
        tx.commit().await?;
        Ok(Registered { nomor_pendaftaran: nomor, kode_verifikasi: kode, active })
    }

    /// The slip, for whoever holds the registration number and its verification code.
    pub async fn registration_slip(&self, nomor: &str, kode: &str) -> Result<SlipData> {
        let Some(row) = sqlx::query!(
            r#"SELECT nip AS "nip!", nama, instansi_id, created_at FROM account
               WHERE nomor_pendaftaran = $1 AND kode_verifikasi = $2 AND nip IS NOT NULL"#,
            nomor,
            kode
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Err(ErrorCode::NotFound.into());
        };
        let instansi = match row.instansi_id {
            Some(id) => self.reference.instansi(id).await?.map(|i| i.nama).unwrap_or_default(),
            None => String::new(),
        };
        Ok(SlipData {
            nomor_pendaftaran: nomor.to_owned(),
            nip: row.nip,
            nama: row.nama,
            instansi,
            tanggal: dates::iso(row.created_at.date()),
            kode_verifikasi: kode.to_owned(),
        })
    }

    /// [`Identity::registration_slip`] as a PDF file.
    pub async fn registration_slip_pdf(&self, nomor: &str, kode: &str) -> Result<SlipPdf> {
        let slip = self.registration_slip(nomor, kode).await?;
        Ok(SlipPdf { file_name: slip.file_name(), pdf: slip.to_pdf() })
    }

    async fn account_exists(&self, nip: &str) -> Result<bool> {
        Ok(sqlx::query_scalar!("SELECT id FROM account WHERE nip = $1", nip)
            .fetch_optional(&self.pool)
            .await?
            .is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slip_prints_the_registration_data() {
        let slip = SlipData {
            nomor_pendaftaran: "PUPNS-2026-00000001".into(),
            nip: "198503152010011002".into(),
            nama: "Ma'ruf (Amin".into(),
            instansi: "Pemerintah Kabupaten Sleman".into(),
            tanggal: "2026-11-23".into(),
            kode_verifikasi: "ABCD1234".into(),
        };
        assert_eq!(slip.file_name(), "slip-PUPNS-2026-00000001.pdf");
        let pdf = slip.to_pdf();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        for shown in [
            "(SLIP PENDAFTARAN PUPNS) Tj",
            "(PUPNS-2026-00000001) Tj",
            "(198503152010011002) Tj",
            "(Ma'ruf \\(Amin) Tj",
            "(Pemerintah Kabupaten Sleman) Tj",
            "(ABCD1234) Tj",
            "(Bring this slip and your ID card to your agency's SKPD/BKD/Ropeg verifier.) Tj",
        ] {
            assert!(text.contains(shown), "{shown}");
        }
    }
}
