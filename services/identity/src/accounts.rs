//! Creating accounts and grants (demo seeding and, later, the admin pages), and the
//! registration approval list.

use access::{Cakupan, ServiceError};
use domain::account::StatusAkun;
use domain::{ErrorCode, Role};
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::Result;
use crate::grant::{Grant, Scope};
use crate::session::CurrentUser;
use crate::{audit, password, Identity};

pub struct NewAccount<'a> {
    pub nip: Option<&'a str>,
    pub username: Option<&'a str>,
    pub nama: &'a str,
    pub email: Option<&'a str>,
    pub password: &'a str,
    pub instansi_id: Option<Uuid>,
    pub unor_id: Option<Uuid>,
    pub active: bool,
}

/// A registration waiting for a verifier.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingRegistration {
    pub account_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub nomor_pendaftaran: String,
    pub created_at: OffsetDateTime,
}

impl Identity {
    /// The account's email address, if it has one (for notices other services send).
    pub async fn email_of(&self, account_id: Uuid) -> sqlx::Result<Option<String>> {
        let email = sqlx::query_scalar!("SELECT email FROM account WHERE id = $1", account_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(email.flatten())
    }

    /// Creates an account unless one with the same NIP/username exists; returns its id either way.
    /// Insert first, look up on conflict: two callers at once both get the one account.
    pub async fn ensure_account(&self, new: NewAccount<'_>) -> Result<Uuid> {
        let hash = password::hash_async(new.password.to_owned()).await;
        let inserted = sqlx::query_scalar!(
            "INSERT INTO account (id, nip, username, nama, email, password_hash, status, instansi_id, unor_id, approved_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN now() END)
             ON CONFLICT DO NOTHING RETURNING id",
            Uuid::new_v4(),
            new.nip,
            new.username,
            new.nama,
            new.email,
            hash,
            if new.active { StatusAkun::Aktif } else { StatusAkun::MenungguVerifikasi }.code(),
            new.instansi_id,
            new.unor_id,
            new.active
        )
        .fetch_optional(&self.pool)
        .await?;
        if let Some(id) = inserted {
            return Ok(id);
        }
        let existing =
            sqlx::query_scalar!("SELECT id FROM account WHERE nip = $1 OR username = $2", new.nip, new.username)
                .fetch_optional(&self.pool)
                .await?;
        // A conflict on another unique column (the registration number) is not "the same account".
        existing.ok_or_else(|| ServiceError::internal("account insert conflicted, but no account has its NIP/username"))
    }

    /// Adds a grant unless the account already holds this role with this scope.
    pub async fn ensure_grant(&self, account_id: Uuid, role: Role, scope: Scope) -> Result<Uuid> {
        if let Some(id) = sqlx::query_scalar!(
            "SELECT id FROM role_grant WHERE account_id = $1 AND role = $2
               AND instansi_id IS NOT DISTINCT FROM $3 AND unor_id IS NOT DISTINCT FROM $4
               AND kanreg_id IS NOT DISTINCT FROM $5",
            account_id,
            role.code(),
            scope.instansi_id,
            scope.unor_id,
            scope.kanreg_id
        )
        .fetch_optional(&self.pool)
        .await?
        {
            return Ok(id);
        }
        let id = crate::grant::insert(&self.pool, account_id, role, &scope).await?;
        // A signed-in holder of this account sees the new role at once.
        crate::revocation::announce(&self.pool, &self.sessions, crate::revocation::Revoked::Account(account_id))
            .await?;
        Ok(id)
    }

    /// Registrations the verifier may approve: L2 and the instansi admin see the instansi; L1 its
    /// unor subtree.
    pub async fn waiting_registrations(&self, grant: &Grant) -> Result<Vec<WaitingRegistration>> {
        let (instansi, units) = self.approval_scope(grant).await?;
        let rows = sqlx::query_as!(
            WaitingRegistration,
            r#"SELECT a.id AS account_id, a.nip AS "nip!", a.nama, a.nomor_pendaftaran AS "nomor_pendaftaran!", a.created_at
               FROM account a
               WHERE a.status = $3 AND a.instansi_id = $1 AND a.nip IS NOT NULL
                 AND a.nomor_pendaftaran IS NOT NULL
                 AND ($2::uuid[] IS NULL OR a.unor_id = ANY($2))
               ORDER BY a.created_at"#,
            instansi,
            units.as_deref(),
            StatusAkun::MenungguVerifikasi.code()
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    pub async fn approve_registration(&self, approver: &CurrentUser, account_id: Uuid, ip: &str) -> Result<()> {
        let waiting = self.waiting_registrations(&approver.active).await?;
        let Some(reg) = waiting.iter().find(|r| r.account_id == account_id) else {
            // Not waiting, or outside the verifier's scope: the same answer for both.
            return Err(ErrorCode::NotFound.into());
        };
        let approved = sqlx::query!(
            "UPDATE account SET status = $3, approved_at = now(), approved_by = $2
             WHERE id = $1 AND status = $4",
            account_id,
            approver.account_id,
            StatusAkun::Aktif.code(),
            StatusAkun::MenungguVerifikasi.code()
        )
        .execute(&self.pool)
        .await?;
        // A rejection that got there first stands.
        if approved.rows_affected() == 0 {
            return Err(ErrorCode::NotFound.into());
        }
        audit::record(&self.pool, Some(approver.account_id), "registration_approved", Some(&reg.nip), ip, json!({}))
            .await?;
        self.tell_applicant(
            account_id,
            "Pendaftaran SIPUPNS disetujui",
            format!(
                "Pendaftaran SIPUPNS Anda (nomor {nomor}) telah disetujui. Anda dapat masuk dengan NIP dan kata sandi Anda.\n\n\
                 Your SIPUPNS registration (number {nomor}) was approved. You can sign in with your NIP and password.\n",
                nomor = reg.nomor_pendaftaran
            ),
        )
        .await?;
        Ok(())
    }

    /// Rejects a waiting registration with the reason the applicant reads in the mail. The
    /// account goes (grant and sessions with it), so the NIP can register again once what was
    /// wrong is put right; the audit row keeps the number, the approver and the reason.
    pub async fn reject_registration(
        &self,
        approver: &CurrentUser,
        account_id: Uuid,
        alasan: &str,
        ip: &str,
    ) -> Result<()> {
        let alasan = domain::account::parse_alasan_tolak(alasan)?;
        let waiting = self.waiting_registrations(&approver.active).await?;
        let Some(reg) = waiting.iter().find(|r| r.account_id == account_id) else {
            return Err(ErrorCode::NotFound.into());
        };
        let mut tx = self.pool.begin().await?;
        // Only while it still waits: an approval that got there first stands.
        let email: Option<Option<String>> =
            sqlx::query_scalar("DELETE FROM account WHERE id = $1 AND status = $2 RETURNING email")
                .bind(account_id)
                .bind(StatusAkun::MenungguVerifikasi.code())
                .fetch_optional(&mut *tx)
                .await?;
        let Some(email) = email else {
            return Err(ErrorCode::NotFound.into());
        };
        let detail = json!({ "nomor_pendaftaran": reg.nomor_pendaftaran, "nama": reg.nama, "alasan": alasan });
        audit::record(&mut *tx, Some(approver.account_id), "registration_rejected", Some(&reg.nip), ip, detail).await?;
        tx.commit().await?;
        if let Some(email) = email {
            let body = format!(
                "Pendaftaran SIPUPNS Anda (nomor {nomor}) ditolak oleh verifikator instansi Anda.\nAlasan: {alasan}\n\
                 Anda dapat mendaftar kembali setelah hal tersebut diperbaiki, atau menghubungi Help Desk.\n\n\
                 Your SIPUPNS registration (number {nomor}) was rejected by your agency's verifier.\nReason: {alasan}\n\
                 You can register again once this is put right, or contact the Help Desk.\n",
                nomor = reg.nomor_pendaftaran
            );
            self.mailer.send_in_background(email, "Pendaftaran SIPUPNS ditolak", body);
        }
        Ok(())
    }

    /// Mails the account's owner, when they gave an address.
    async fn tell_applicant(&self, account_id: Uuid, subject: &'static str, body: String) -> Result<()> {
        if let Some(email) = self.email_of(account_id).await? {
            self.mailer.send_in_background(email, subject, body);
        }
        Ok(())
    }

    /// The instansi a verifier approves for and, for L1, the units of its subtree (the
    /// reference service owns the tree). Other roles approve nothing.
    async fn approval_scope(&self, grant: &Grant) -> Result<(Uuid, Option<Vec<Uuid>>)> {
        // Registrations are approved within the instansi: by L1, L2 and the instansi's admin.
        match (grant.role, grant.instansi_id) {
            (Role::AdminInstansi, Some(instansi)) => return Ok((instansi, None)),
            (Role::VerifikatorL1 | Role::VerifikatorL2, _) => {}
            _ => return Err(ErrorCode::Forbidden.into()),
        }
        match grant.cakupan_verifikasi() {
            Some(Cakupan::Instansi(instansi)) => Ok((instansi, None)),
            Some(Cakupan::Unor { instansi_id, path }) => {
                Ok((instansi_id, Some(self.reference.unor_subtree_ids(instansi_id, &path).await?)))
            }
            _ => Err(ErrorCode::Forbidden.into()),
        }
    }
}

impl Identity {
    /// A PNS account that registered and waits for approval (demo data and tests).
    pub async fn ensure_waiting_registration(
        &self,
        nip: &str,
        nama: &str,
        instansi_id: Uuid,
        unor_id: Uuid,
        password: &str,
    ) -> Result<Uuid> {
        let id = self
            .ensure_account(NewAccount {
                nip: Some(nip),
                username: None,
                nama,
                email: None,
                password,
                instansi_id: Some(instansi_id),
                unor_id: Some(unor_id),
                active: false,
            })
            .await?;
        let mut tx = self.pool.begin().await?;
        let nomor = crate::registration::new_registration_number(&mut tx).await?;
        sqlx::query!("UPDATE account SET nomor_pendaftaran = COALESCE(nomor_pendaftaran, $2) WHERE id = $1", id, nomor)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.ensure_grant(id, Role::Pns, Scope { instansi_id: Some(instansi_id), ..Scope::default() }).await?;
        Ok(id)
    }
}

impl Identity {
    /// A verified birth-date or gender change gave the PNS `new` as their NIP: their account
    /// follows on the caller's transaction, and every session of it ends (on every instance,
    /// once the transaction commits), so nothing keeps acting under the old NIP.
    pub async fn change_nip(conn: &mut sqlx::PgConnection, old: &str, new: &str) -> sqlx::Result<Option<Uuid>> {
        let account = sqlx::query_scalar!("UPDATE account SET nip = $2 WHERE nip = $1 RETURNING id", old, new)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(id) = account {
            sqlx::query!("DELETE FROM session WHERE account_id = $1", id).execute(&mut *conn).await?;
            crate::revocation::announce_on(conn, crate::revocation::Revoked::Account(id)).await?;
        }
        Ok(account)
    }
}
