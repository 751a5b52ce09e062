//! Reading and writing master records.

use sqlx::types::Json;
use sqlx::PgPool;
use time::Date;
use uuid::Uuid;

use crate::history;
use crate::model::{PnsMaster, PnsWithHistory};

#[derive(Clone)]
pub struct Personnel {
    pub(crate) pool: PgPool,
    /// The reference service's API: code lists for the form, collection periods.
    pub(crate) reference: reference::Reference,
    /// Where supporting documents are stored, by content hash.
    pub(crate) dokumen_dir: std::path::PathBuf,
    /// Today's date, as the form's rules and the collection period see it.
    pub(crate) today: fn() -> Date,
}

/// Today's date in WIB (UTC+7), where most instansi are.
pub fn today_wib() -> Date {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(7)).date()
}

impl Personnel {
    pub fn new(pool: PgPool, reference: reference::Reference) -> Self {
        Personnel { pool, reference, dokumen_dir: std::env::temp_dir().join("sipupns-dokumen"), today: today_wib }
    }

    /// Takes "today" from `today` instead of the WIB clock (tests keep fixed dates).
    pub fn with_today(mut self, today: fn() -> Date) -> Self {
        self.today = today;
        self
    }

    /// Today's date, as the rules see it.
    pub fn today(&self) -> Date {
        (self.today)()
    }

    /// Stores documents under `dir` (the server's data folder) instead of a temporary folder.
    pub fn with_document_dir(mut self, dir: std::path::PathBuf) -> Self {
        self.dokumen_dir = dir;
        self
    }

    /// Where the PNS sits (instansi, unit path, Kanreg): what a verifier's scope is measured
    /// against. The units and instansi belong to the reference service.
    pub async fn lokasi(&self, nip: &str) -> sqlx::Result<Option<access::Lokasi>> {
        let Some(pns) = self.master(nip).await? else { return Ok(None) };
        let (unit, instansi) =
            tokio::try_join!(self.reference.unor(pns.unor_id), self.reference.instansi(pns.instansi_id))?;
        Ok(unit.zip(instansi).map(|(unit, instansi)| access::Lokasi {
            instansi_id: pns.instansi_id,
            unor_path: unit.path,
            kanreg_id: instansi.kanreg_id,
        }))
    }

    pub async fn master(&self, nip: &str) -> sqlx::Result<Option<PnsMaster>> {
        sqlx::query_as!(
            PnsMaster,
            r#"SELECT nip AS "nip!", nik AS "nik!", nama, gelar_depan, gelar_belakang, tempat_lahir,
                      tanggal_lahir, jenis_kelamin AS "jenis_kelamin!", agama, status_kawin, alamat,
                      telepon, email, instansi_id, unor_id, jenis_pegawai, kedudukan_hukum, tmt_cpns,
                      tmt_pns, golongan, tmt_golongan, versi
               FROM pns WHERE nip = $1"#,
            nip
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// The nomor SK CPNS: the decree number of the first golongan entry, asked at registration
    /// because neither the NIP nor the NIK reveals it.
    pub async fn sk_cpns(&self, nip: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar!(
            "SELECT nomor_sk FROM riwayat_golongan WHERE nip = $1 ORDER BY tmt, tanggal_sk, id LIMIT 1",
            nip
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// Rewrites the stored JSON of a master record from its tables. Every write to the master
    /// tables calls it inside its transaction, so readers never see the two disagree.
    pub(crate) async fn refresh_rekam(tx: &mut sqlx::PgConnection, nip: &str) -> sqlx::Result<()> {
        sqlx::query!(
            "INSERT INTO pns_rekam (nip, rekam) SELECT nip, rekam FROM pns_lengkap WHERE nip = $1
             ON CONFLICT (nip) DO UPDATE SET rekam = EXCLUDED.rekam",
            nip
        )
        .execute(tx)
        .await?;
        Ok(())
    }

    /// The whole master record with its history and family, each list in date order, in one
    /// query (the "Data Saya" page loads it on every visit).
    pub async fn record(&self, nip: &str) -> sqlx::Result<Option<PnsWithHistory>> {
        let rekam =
            sqlx::query_scalar!(r#"SELECT rekam AS "rekam: Json<history::Rekam>" FROM pns_rekam WHERE nip = $1"#, nip)
                .fetch_optional(&self.pool)
                .await?;
        rekam.map(|r| r.0.decode()).transpose()
    }

    pub async fn count_in_instansi(&self, instansi_id: Uuid) -> sqlx::Result<i64> {
        let n = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM pns WHERE instansi_id = $1"#, instansi_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Inserts a master record and its history in one transaction; an existing NIP is
    /// left untouched (returns false), so seeding twice is harmless.
    pub async fn insert_master(&self, record: &PnsWithHistory) -> sqlx::Result<bool> {
        let p = &record.pns;
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query!(
            "INSERT INTO pns (nip, nik, nama, gelar_depan, gelar_belakang, tempat_lahir, tanggal_lahir,
                 jenis_kelamin, agama, status_kawin, alamat, telepon, email, instansi_id, unor_id,
                 jenis_pegawai, kedudukan_hukum, tmt_cpns, tmt_pns, golongan, tmt_golongan, versi)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
             ON CONFLICT (nip) DO NOTHING",
            p.nip,
            p.nik,
            p.nama,
            p.gelar_depan,
            p.gelar_belakang,
            p.tempat_lahir,
            p.tanggal_lahir,
            p.jenis_kelamin,
            p.agama,
            p.status_kawin,
            p.alamat,
            p.telepon,
            p.email,
            p.instansi_id,
            p.unor_id,
            p.jenis_pegawai,
            p.kedudukan_hukum,
            p.tmt_cpns,
            p.tmt_pns,
            p.golongan,
            p.tmt_golongan,
            p.versi
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !inserted {
            return Ok(false);
        }
        for g in &record.golongan {
            sqlx::query!(
                "INSERT INTO riwayat_golongan (id, nip, golongan, tmt, nomor_sk, tanggal_sk) VALUES ($1,$2,$3,$4,$5,$6)",
                g.id,
                p.nip,
                g.golongan,
                g.tmt,
                g.nomor_sk,
                g.tanggal_sk
            )
            .execute(&mut *tx)
            .await?;
        }
        for e in &record.pendidikan {
            sqlx::query!(
                "INSERT INTO riwayat_pendidikan (id, nip, tingkat, nama_sekolah, jurusan, tahun_lulus) VALUES ($1,$2,$3,$4,$5,$6)",
                e.id,
                p.nip,
                e.tingkat,
                e.nama_sekolah,
                e.jurusan,
                e.tahun_lulus
            )
            .execute(&mut *tx)
            .await?;
        }
        for j in &record.jabatan {
            sqlx::query!(
                "INSERT INTO riwayat_jabatan (id, nip, jenis_jabatan, nama_jabatan, eselon, unor_id, tmt, nomor_sk, tanggal_sk)
                 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                j.id,
                p.nip,
                j.jenis_jabatan,
                j.nama_jabatan,
                j.eselon,
                j.unor_id,
                j.tmt,
                j.nomor_sk,
                j.tanggal_sk
            )
            .execute(&mut *tx)
            .await?;
        }
        for s in &record.pasangan {
            sqlx::query!(
                "INSERT INTO keluarga_pasangan (id, nip, nama, nik, tempat_lahir, tanggal_lahir, tanggal_menikah,
                     nomor_akta_nikah, nip_pasangan, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
                s.id,
                p.nip,
                s.nama,
                s.nik,
                s.tempat_lahir,
                s.tanggal_lahir,
                s.tanggal_menikah,
                s.nomor_akta_nikah,
                s.nip_pasangan,
                s.status
            )
            .execute(&mut *tx)
            .await?;
        }
        for a in &record.anak {
            sqlx::query!(
                "INSERT INTO keluarga_anak (id, nip, nama, nik, tempat_lahir, tanggal_lahir, jenis_kelamin,
                     status_anak, orang_tua, tunjangan) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
                a.id,
                p.nip,
                a.nama,
                a.nik,
                a.tempat_lahir,
                a.tanggal_lahir,
                a.jenis_kelamin,
                a.status_anak,
                a.orang_tua,
                a.tunjangan
            )
            .execute(&mut *tx)
            .await?;
        }
        Self::refresh_rekam(&mut tx, &p.nip).await?;
        tx.commit().await?;
        Ok(true)
    }
}
