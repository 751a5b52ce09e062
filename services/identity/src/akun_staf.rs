//! The staff accounts the admins keep (#13), each at a place (`Lingkup`): an instansi's
//! verifiers L1 and L2 and its BKD/Ropeg's help-desk officers; a Kanreg's L3 verifiers and
//! officers; the national offices' staff and (admin BKN) the instansi's and Kanreg's admins.
//! The admin creates them (the owner sets the password from a mailed link; no password is
//! ever shown), gives an existing PNS account one of those roles, takes a role back, corrects
//! an account's name and email, disables and re-enables it, sends a new password link and
//! ends its sessions.
//!
//! Scope is checked on the object, in SQL, on the row that changes: an account is the
//! admin's to manage only when (for an instansi) it belongs to the instansi and every role it
//! holds (besides PNS) is one they could have granted at that place. So an instansi admin
//! never touches another instansi's account, another admin, or a Kanreg officer, and a Kanreg
//! admin never touches another Kanreg's.

use domain::account::parse_email;
use domain::account::StatusAkun;
use domain::akun_staf::{parse_nama, AkunStaf, AkunStafValid, PeranDipegang, PeranStaf};
use domain::{ErrorCode, Nip, Role};
use serde_json::json;
use sqlx::Row;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::error::Result;
use crate::grant::Scope;
use crate::lingkup::{Lingkup, Tempat};
use crate::revocation::{announce, Revoked};
use crate::session::CurrentUser;
use crate::{audit, password, token, Identity};

/// A new staff account's name, login and email, already checked (`domain::akun_staf`).
pub(crate) struct AkunBaru<'a> {
    pub username: &'a str,
    pub nama: &'a str,
    pub email: &'a str,
}

/// The mail that brings a new staff account's owner the link to choose a password.
pub(crate) const UNDANGAN_SUBJEK: &str = "Akun SIPUPNS Anda";

pub(crate) fn undangan(username: &str, link: &str) -> String {
    format!(
        "Akun SIPUPNS Anda telah dibuat oleh admin PUPNS.\nNama pengguna: {username}\n\
         Buat kata sandi Anda melalui tautan ini dalam {UNDANGAN_HARI} hari:\n{link}\n\n\
         Your SIPUPNS account was created by a PUPNS admin.\nUsername: {username}\n\
         Choose your password through this link within {UNDANGAN_HARI} days:\n{link}\n"
    )
}

/// How long the link in a new account's mail works: the owner may read it days later.
const UNDANGAN_HARI: i64 = 3;

/// The account, when it is the admin's to manage at the place: locked until the caller's
/// transaction ends. `$2` instansi, `$3` roles, `$4` office, `$5` national.
fn manageable_sql() -> String {
    let here = Lingkup::grant_here_sql(2, 4, 5);
    format!(
        "SELECT a.id, a.nama, a.username, a.nip, a.email, a.status FROM account a
         WHERE a.id = $1 AND ($2::uuid IS NULL OR a.instansi_id = $2)
           AND EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role = ANY($3) AND {here})
           AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role <> 'pns'
                 AND NOT (g.role = ANY($3) AND {here}))
         FOR UPDATE OF a"
    )
}

struct Managed {
    id: Uuid,
    login: String,
    nama: String,
    email: Option<String>,
    status: String,
}

async fn manageable(conn: &mut sqlx::PgConnection, lingkup: &Lingkup, account_id: Uuid) -> Result<Managed> {
    let sql = manageable_sql();
    let row = lingkup
        .bind(sqlx::query(&sql).bind(account_id))
        .fetch_optional(conn)
        .await?
        // Not there, or not theirs: the same answer.
        .ok_or(ErrorCode::NotFound)?;
    let (username, nip): (Option<String>, Option<String>) = (row.try_get("username")?, row.try_get("nip")?);
    Ok(Managed {
        id: row.try_get("id")?,
        login: username.or(nip).unwrap_or_default(),
        nama: row.try_get("nama")?,
        email: row.try_get("email")?,
        status: row.try_get("status")?,
    })
}

impl Identity {
    /// The scope of a role granted at the admin's place: a role the place's list holds, and
    /// an L1's unit one of the instansi's own.
    async fn staff_scope(&self, lingkup: &Lingkup, peran: &PeranStaf) -> Result<Scope> {
        if !lingkup.peran.contains(&peran.role()) {
            return Err(ErrorCode::RoleNotGrantable.into());
        }
        let mut scope = match lingkup.tempat {
            Tempat::Instansi(id) => Scope { instansi_id: Some(id), ..Scope::default() },
            Tempat::Kantor { id, kanreg_id } => Scope { kantor_id: Some(id), kanreg_id, ..Scope::default() },
            // A national action names an account, never a place to grant at.
            Tempat::Nasional => return Err(ErrorCode::RoleNotGrantable.into()),
        };
        match peran {
            PeranStaf::VerifikatorL1 { unor_id } => {
                let instansi_id = scope.instansi_id.ok_or(ErrorCode::UnorRequired)?;
                let id: Uuid = unor_id.parse().map_err(|_| ErrorCode::UnorRequired)?;
                let unor = self.reference.open_unor(instansi_id, id).await?.ok_or(ErrorCode::UnorRequired)?;
                scope.unor_id = Some(unor.id);
                scope.unor_path = Some(unor.path);
            }
            PeranStaf::PetugasHds { kategori } => {
                scope.hds_kategori = kategori.iter().map(|k| k.code().to_owned()).collect();
            }
            PeranStaf::DiTempat(_) => {}
        }
        Ok(scope)
    }

    /// The place's accounts that hold a role besides PNS, by name, with their roles: an
    /// instansi's own accounts, or the accounts with a grant at the office.
    pub async fn staff_of(&self, lingkup: &Lingkup) -> Result<Vec<AkunStaf>> {
        if lingkup.tempat == Tempat::Nasional {
            return Ok(Vec::new());
        }
        let idle_since = OffsetDateTime::now_utc() - self.config.session.idle;
        let accounts = sqlx::query(
            "SELECT a.id, a.username, a.nip, a.nama, a.email, a.status, a.last_signin_at,
                    (SELECT count(*) FROM session s
                      WHERE s.account_id = a.id AND s.expires_at > now() AND s.last_seen_at > $2) AS sesi
             FROM account a
             WHERE ($1::uuid IS NOT NULL AND a.instansi_id = $1
                    AND EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role <> 'pns'))
                OR EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.kantor_id = $3)
             ORDER BY a.nama, a.id",
        )
        .bind(lingkup.instansi_id())
        .bind(idle_since)
        .bind(lingkup.kantor_id())
        .fetch_all(&self.pool)
        .await?;
        let ids: Vec<Uuid> = accounts.iter().map(|r| r.try_get("id")).collect::<sqlx::Result<_>>()?;
        let grants = sqlx::query(
            "SELECT id, account_id, role, instansi_id, unor_id, hds_kategori, kantor_id FROM role_grant
             WHERE account_id = ANY($1) AND role <> 'pns' ORDER BY created_at, id",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let units: Vec<Uuid> = grants.iter().filter_map(|g| g.try_get("unor_id").ok().flatten()).collect();
        let names = self.reference.names(&units).await?;
        let mut list = Vec::with_capacity(accounts.len());
        for a in accounts {
            let id: Uuid = a.try_get("id")?;
            let mut peran = Vec::new();
            for g in grants.iter().filter(|g| g.try_get::<Uuid, _>("account_id").is_ok_and(|x| x == id)) {
                let Some(role) = Role::from_code(g.try_get("role")?) else { continue };
                let unor: Option<Uuid> = g.try_get("unor_id")?;
                let kategori: Vec<String> = g.try_get("hds_kategori")?;
                let own =
                    lingkup.peran.contains(&role) && lingkup.holds(g.try_get("instansi_id")?, g.try_get("kantor_id")?);
                let cakupan = match role {
                    Role::VerifikatorL1 => unor.and_then(|u| names.get(&u).cloned()).unwrap_or_default(),
                    Role::PetugasHds => kategori.join(", "),
                    _ => String::new(),
                };
                let grant_id: Uuid = g.try_get("id")?;
                peran.push(PeranDipegang { grant_id: grant_id.to_string(), peran: role, cakupan, dapat_dicabut: own });
            }
            let (username, nip): (Option<String>, Option<String>) = (a.try_get("username")?, a.try_get("nip")?);
            let last: Option<OffsetDateTime> = a.try_get("last_signin_at")?;
            list.push(AkunStaf {
                account_id: id.to_string(),
                login: username.or(nip).unwrap_or_default(),
                nama: a.try_get("nama")?,
                email: a.try_get::<Option<String>, _>("email")?.unwrap_or_default(),
                aktif: a.try_get::<String, _>("status")? == StatusAkun::Aktif.code(),
                terakhir_masuk: last.map(|at| domain::dates::waktu_utc(at)[..16].to_owned()).unwrap_or_default(),
                sesi_aktif: a.try_get("sesi")?,
                dapat_dikelola: !peran.is_empty() && peran.iter().all(|p| p.dapat_dicabut),
                peran,
            });
        }
        Ok(list)
    }

    /// Creates a staff account at the place with one role and mails its owner a link to
    /// choose a password. One transaction: account, grant, link and audit row, or nothing.
    pub async fn create_staff_account(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        baru: &AkunStafValid,
        base_url: &str,
        ip: &str,
    ) -> Result<Uuid> {
        let scope = self.staff_scope(lingkup, &baru.peran).await?;
        let akun = AkunBaru { username: &baru.username, nama: &baru.nama, email: &baru.email };
        let (id, link) =
            self.insert_staff_account(Some(by.account_id), &akun, baru.peran.role(), &scope, base_url, ip).await?;
        self.mailer.send_in_background(baru.email.clone(), UNDANGAN_SUBJEK, undangan(&baru.username, &link));
        Ok(id)
    }

    /// One transaction: the account (active, with a password nobody knows), its grant, the
    /// one-time link to choose a password and the audit row. Returns the account and the link,
    /// for the caller to mail (`undangan`).
    pub(crate) async fn insert_staff_account(
        &self,
        by: Option<Uuid>,
        akun: &AkunBaru<'_>,
        role: Role,
        scope: &Scope,
        base_url: &str,
        ip: &str,
    ) -> Result<(Uuid, String)> {
        // The password nobody knows until the owner sets their own through the link.
        let unknown = password::hash_async(token::new_token()).await;
        let mut tx = self.pool.begin().await?;
        let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM account WHERE lower(email) = $1)")
            .bind(akun.email)
            .fetch_one(&mut *tx)
            .await?;
        if taken {
            return Err(ErrorCode::EmailTaken.into());
        }
        let id = Uuid::new_v4();
        // Unique username and staff email are constraints too: a request racing this one gets
        // the same field error.
        sqlx::query(
            "INSERT INTO account (id, username, nama, email, password_hash, status, instansi_id, unor_id,
                                  approved_at, approved_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)",
        )
        .bind(id)
        .bind(akun.username)
        .bind(akun.nama)
        .bind(akun.email)
        .bind(unknown)
        .bind(StatusAkun::Aktif.code())
        .bind(scope.instansi_id)
        .bind(scope.unor_id)
        .bind(by)
        .execute(&mut *tx)
        .await?;
        crate::grant::insert(&mut *tx, id, role, scope).await?;
        let link = crate::reset::password_link(&mut *tx, id, Duration::days(UNDANGAN_HARI), base_url).await?;
        let sesudah =
            json!({ "nama": akun.nama, "email": akun.email, "peran": role.code(), "cakupan": cakupan_json(scope) });
        let detail = json!({ "instansi_id": scope.instansi_id, "kantor_id": scope.kantor_id, "account_id": id,
                             "sebelum": null, "sesudah": sesudah });
        audit::record(&mut *tx, by, "staff_account_created", Some(akun.username), ip, detail).await?;
        tx.commit().await?;
        Ok((id, link))
    }

    /// Gives the active PNS account `nip` a staff role besides its own at the place: of the
    /// instansi itself, or (an office) of any instansi, since an office's staff are BKN's.
    pub async fn grant_role_to_pns(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        nip: &str,
        peran: &PeranStaf,
        ip: &str,
    ) -> Result<Uuid> {
        let nip = Nip::parse(nip)?;
        let scope = self.staff_scope(lingkup, peran).await?;
        let role = peran.role();
        let mut tx = self.pool.begin().await?;
        let account: Option<Uuid> = sqlx::query_scalar(
            "SELECT id FROM account WHERE nip = $1 AND ($2::uuid IS NULL OR instansi_id = $2) AND status = $3
             FOR UPDATE",
        )
        .bind(nip.as_str())
        .bind(lingkup.instansi_id())
        .bind(StatusAkun::Aktif.code())
        .fetch_optional(&mut *tx)
        .await?;
        let account = account.ok_or(ErrorCode::PnsNotInInstansi)?;
        let held: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM role_grant WHERE account_id = $1 AND role = $2
                 AND instansi_id IS NOT DISTINCT FROM $3 AND unor_id IS NOT DISTINCT FROM $4
                 AND kantor_id IS NOT DISTINCT FROM $5)",
        )
        .bind(account)
        .bind(role.code())
        .bind(scope.instansi_id)
        .bind(scope.unor_id)
        .bind(scope.kantor_id)
        .fetch_one(&mut *tx)
        .await?;
        if held {
            return Err(ErrorCode::RoleAlreadyHeld.into());
        }
        let grant = crate::grant::insert(&mut *tx, account, role, &scope).await?;
        let sesudah = json!({ "peran": role.code(), "cakupan": cakupan_json(&scope) });
        let detail = json!({ "instansi_id": scope.instansi_id, "kantor_id": scope.kantor_id, "account_id": account,
                             "grant_id": grant, "sebelum": null, "sesudah": sesudah });
        audit::record(&mut *tx, Some(by.account_id), "role_granted", Some(nip.as_str()), ip, detail).await?;
        tx.commit().await?;
        // A signed-in holder sees the new role at once.
        announce(&self.pool, &self.sessions, Revoked::Account(account)).await?;
        Ok(grant)
    }

    /// Takes back a role the admin could have granted at the place; the sessions acting
    /// under it end with it.
    pub async fn revoke_staff_role(&self, by: &CurrentUser, lingkup: &Lingkup, grant_id: Uuid, ip: &str) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let here = Lingkup::grant_here_sql(2, 4, 5);
        let sql = format!(
            "DELETE FROM role_grant g USING account a
             WHERE g.id = $1 AND a.id = g.account_id AND ($2::uuid IS NULL OR a.instansi_id = $2)
               AND g.role = ANY($3) AND {here}
             RETURNING g.account_id, g.role, g.unor_id, g.hds_kategori, g.instansi_id, g.kantor_id,
                       coalesce(a.username, a.nip) AS login"
        );
        let row = lingkup
            .bind(sqlx::query(&sql).bind(grant_id))
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(ErrorCode::NotFound)?;
        let account: Uuid = row.try_get("account_id")?;
        let login: Option<String> = row.try_get("login")?;
        let sebelum = json!({
            "peran": row.try_get::<String, _>("role")?,
            "unor_id": row.try_get::<Option<Uuid>, _>("unor_id")?,
            "kategori": row.try_get::<Vec<String>, _>("hds_kategori")?,
        });
        let detail = json!({ "instansi_id": row.try_get::<Option<Uuid>, _>("instansi_id")?,
                             "kantor_id": row.try_get::<Option<i16>, _>("kantor_id")?,
                             "account_id": account, "grant_id": grant_id, "sebelum": sebelum, "sesudah": null });
        audit::record(&mut *tx, Some(by.account_id), "role_revoked", login.as_deref(), ip, detail).await?;
        tx.commit().await?;
        announce(&self.pool, &self.sessions, Revoked::Account(account)).await?;
        Ok(())
    }

    /// Gives an L1 verifier's grant at the place another open unit of its instansi: the
    /// verifier keeps their account, and their sessions see the new subtree on their next
    /// request. The unit is held while the grant copies its path (no move slips between).
    pub async fn change_l1_unit(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        grant_id: Uuid,
        unor_id: &str,
        ip: &str,
    ) -> Result<()> {
        let unor_id: Uuid = unor_id.parse().map_err(|_| ErrorCode::UnorRequired)?;
        let mut tx = self.pool.begin().await?;
        let here = Lingkup::grant_here_sql(2, 4, 5);
        let sql = format!(
            "SELECT g.account_id, g.instansi_id, g.unor_id, coalesce(a.username, a.nip) AS login
             FROM role_grant g JOIN account a ON a.id = g.account_id
             WHERE g.id = $1 AND g.role = 'verifikator_l1' AND ($2::uuid IS NULL OR a.instansi_id = $2)
               AND g.role = ANY($3) AND {here}
             FOR UPDATE OF g"
        );
        let row = lingkup
            .bind(sqlx::query(&sql).bind(grant_id))
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(ErrorCode::NotFound)?;
        let (account, lama): (Uuid, Option<Uuid>) = (row.try_get("account_id")?, row.try_get("unor_id")?);
        let instansi_id: Uuid = row.try_get::<Option<Uuid>, _>("instansi_id")?.ok_or(ErrorCode::NotFound)?;
        let login: Option<String> = row.try_get("login")?;
        let unit =
            self.reference.hold_open_unit(&mut tx, instansi_id, unor_id).await?.ok_or(ErrorCode::UnorRequired)?;
        if lama == Some(unit.id) {
            return Ok(());
        }
        let held: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM role_grant WHERE account_id = $1 AND role = 'verifikator_l1' AND unor_id = $2)",
        )
        .bind(account)
        .bind(unit.id)
        .fetch_one(&mut *tx)
        .await?;
        if held {
            return Err(ErrorCode::RoleAlreadyHeld.into());
        }
        sqlx::query("UPDATE role_grant SET unor_id = $2, unor_path = $3 WHERE id = $1")
            .bind(grant_id)
            .bind(unit.id)
            .bind(&unit.path)
            .execute(&mut *tx)
            .await?;
        // A staff-only account's unit is its L1 unit; a PNS's own unit is their record's.
        sqlx::query(
            "UPDATE account SET unor_id = $2 WHERE id = $1 AND nip IS NULL AND unor_id IS NOT DISTINCT FROM $3",
        )
        .bind(account)
        .bind(unit.id)
        .bind(lama)
        .execute(&mut *tx)
        .await?;
        let detail = json!({ "instansi_id": instansi_id, "account_id": account, "grant_id": grant_id,
                             "sebelum": { "unor_id": lama }, "sesudah": { "unor_id": unit.id } });
        audit::record(&mut *tx, Some(by.account_id), "l1_unit_changed", login.as_deref(), ip, detail).await?;
        tx.commit().await?;
        announce(&self.pool, &self.sessions, Revoked::Account(account)).await?;
        Ok(())
    }

    /// Corrects a staff account's name and email; the email stays unused by any other account.
    pub async fn edit_staff_account(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        account_id: Uuid,
        nama: &str,
        email: &str,
        ip: &str,
    ) -> Result<()> {
        let (nama, email) = (parse_nama(nama)?, parse_email(email)?);
        let mut tx = self.pool.begin().await?;
        let akun = manageable(&mut tx, lingkup, account_id).await?;
        let taken: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM account WHERE lower(email) = $1 AND id <> $2)")
                .bind(&email)
                .bind(akun.id)
                .fetch_one(&mut *tx)
                .await?;
        if taken {
            return Err(ErrorCode::EmailTaken.into());
        }
        sqlx::query("UPDATE account SET nama = $2, email = $3 WHERE id = $1")
            .bind(akun.id)
            .bind(&nama)
            .bind(&email)
            .execute(&mut *tx)
            .await?;
        let detail = json!({ "instansi_id": lingkup.instansi_id(), "kantor_id": lingkup.kantor_id(), "account_id": akun.id,
                             "sebelum": { "nama": akun.nama, "email": akun.email },
                             "sesudah": { "nama": nama, "email": email } });
        audit::record(&mut *tx, Some(by.account_id), "staff_account_edited", Some(&akun.login), ip, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables (every session ends) or re-enables a staff account at the place.
    pub async fn set_staff_active(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        account_id: Uuid,
        aktif: bool,
        ip: &str,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let akun = manageable(&mut tx, lingkup, account_id).await?;
        let status = if aktif { StatusAkun::Aktif } else { StatusAkun::Nonaktif };
        if akun.status == status.code() {
            return Ok(());
        }
        sqlx::query("UPDATE account SET status = $2 WHERE id = $1")
            .bind(akun.id)
            .bind(status.code())
            .execute(&mut *tx)
            .await?;
        if !aktif {
            sqlx::query("DELETE FROM session WHERE account_id = $1").bind(akun.id).execute(&mut *tx).await?;
        }
        let detail = json!({ "instansi_id": lingkup.instansi_id(), "kantor_id": lingkup.kantor_id(), "account_id": akun.id,
                             "sebelum": { "status": akun.status }, "sesudah": { "status": status.code() } });
        let action = if aktif { "account_enabled" } else { "account_disabled" };
        audit::record(&mut *tx, Some(by.account_id), action, Some(&akun.login), ip, detail).await?;
        tx.commit().await?;
        announce(&self.pool, &self.sessions, Revoked::Account(akun.id)).await?;
        Ok(())
    }

    /// Mails the account's owner a new link to set their password (never a password).
    pub async fn send_staff_password_link(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        account_id: Uuid,
        base_url: &str,
        ip: &str,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let akun = manageable(&mut tx, lingkup, account_id).await?;
        let email = akun.email.clone().filter(|e| !e.is_empty()).ok_or(ErrorCode::AccountNoEmail)?;
        if !self.reset_mail_allowed(akun.id).await? {
            return Err(ErrorCode::TooManyRequests.into());
        }
        let link = crate::reset::password_link(&mut *tx, akun.id, Duration::days(UNDANGAN_HARI), base_url).await?;
        let detail =
            json!({ "instansi_id": lingkup.instansi_id(), "kantor_id": lingkup.kantor_id(), "account_id": akun.id });
        audit::record(&mut *tx, Some(by.account_id), "password_link_sent", Some(&akun.login), ip, detail).await?;
        tx.commit().await?;
        let body = format!(
            "Admin PUPNS mengirim tautan untuk mengatur kata sandi SIPUPNS {nama} ({login}).\n\
             Buka dalam {UNDANGAN_HARI} hari:\n{link}\n\n\
             A PUPNS admin sent a link to set the SIPUPNS password of {nama} ({login}).\n\
             Open it within {UNDANGAN_HARI} days:\n{link}\n",
            nama = akun.nama,
            login = akun.login
        );
        self.mailer.send_in_background(email, "Atur kata sandi SIPUPNS", body);
        Ok(())
    }

    /// Ends every session of a staff account at the place (on every server instance).
    pub async fn end_staff_sessions(
        &self,
        by: &CurrentUser,
        lingkup: &Lingkup,
        account_id: Uuid,
        ip: &str,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let akun = manageable(&mut tx, lingkup, account_id).await?;
        let ended = sqlx::query("DELETE FROM session WHERE account_id = $1").bind(akun.id).execute(&mut *tx).await?;
        let detail = json!({ "instansi_id": lingkup.instansi_id(), "kantor_id": lingkup.kantor_id(), "account_id": akun.id, "sesi": ended.rows_affected() });
        audit::record(&mut *tx, Some(by.account_id), "sessions_ended", Some(&akun.login), ip, detail).await?;
        tx.commit().await?;
        announce(&self.pool, &self.sessions, Revoked::Account(akun.id)).await?;
        Ok(())
    }
}

fn cakupan_json(scope: &Scope) -> serde_json::Value {
    json!({ "instansi_id": scope.instansi_id, "kantor_id": scope.kantor_id, "unor_id": scope.unor_id,
            "kategori": scope.hds_kategori })
}
