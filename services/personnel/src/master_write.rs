//! The final step of a verified proposal: its accepted form becomes the master record. The
//! columns the master tables have are written from the form; the whole form is kept beside
//! them (`pns.formulir`) for the fields they have no place for, so `master_form` reads the
//! written form back as it was.

use std::collections::HashSet;

use domain::dates::parse_iso_date;
use domain::form::*;
use domain::{DaftarKode, ErrorCode};
use reference::Labels;
use sqlx::types::Json;
use sqlx::PgConnection;
use time::Date;
use uuid::Uuid;

use crate::master_form::fungsional_list;
use crate::store::Personnel;
use crate::usulan::UsulanError;

fn bad_request() -> UsulanError {
    UsulanError::Refused(ErrorCode::BadRequest)
}

fn date(value: &str) -> Result<Date, UsulanError> {
    parse_iso_date(value).map_err(|_| bad_request())
}

/// An optional date: empty is none.
fn date_opt(value: &str) -> Result<Option<Date>, UsulanError> {
    (!value.trim().is_empty()).then(|| date(value)).transpose()
}

/// An optional text column: empty is NULL.
fn text_opt(value: &str) -> Option<&str> {
    (!value.trim().is_empty()).then_some(value)
}

fn uuid(value: &str) -> Result<Uuid, UsulanError> {
    Uuid::parse_str(value.trim()).map_err(|_| bad_request())
}

/// A value the master keeps by name: the name of its code in `list`; a value that is not a
/// known code is kept as typed.
fn name_of(labels: &Labels, list: Option<DaftarKode>, value: &str) -> String {
    list.and_then(|list| labels.name(list, value)).unwrap_or(value).to_owned()
}

/// A CHECK constraint refusing a value (a NIK of the wrong length, an unknown status) is a bad
/// form, not a server fault.
fn refused_if_check(error: sqlx::Error) -> UsulanError {
    match &error {
        sqlx::Error::Database(e) if e.code().as_deref() == Some("23514") => bad_request(),
        _ => UsulanError::Database(error),
    }
}

/// Gives every entry a UUID id, unique in its list: new entries come with the browser's
/// `baru-…` keys, and the history tables key rows by UUID.
fn uuid_ids<T: Fields>(entries: &mut [T]) {
    let mut seen = HashSet::new();
    for entry in entries {
        match Uuid::parse_str(entry.get("id")) {
            Ok(id) if seen.insert(id) => entry.set("id", id.to_string()),
            _ => {
                let id = Uuid::new_v4();
                seen.insert(id);
                entry.set("id", id.to_string());
            }
        }
    }
}

impl Personnel {
    /// Writes a verified form as the new master record of `nip`, on the caller's connection
    /// (inside the transaction that finalises the proposal): the `pns` row, the history and
    /// family lists replaced by the form's entries, the form itself, the stored JSON, and one
    /// more master version, which it returns. A value that does not parse is `BadRequest`;
    /// an unknown NIP is `NotFound`.
    pub async fn write_master(
        conn: &mut PgConnection,
        nip: &str,
        form: &Formulir,
        labels: &Labels,
    ) -> Result<i32, UsulanError> {
        let mut form = form.clone();
        uuid_ids(&mut form.golongan);
        uuid_ids(&mut form.pendidikan);
        uuid_ids(&mut form.diklat_struktural);
        uuid_ids(&mut form.diklat_fungsional);
        uuid_ids(&mut form.jabatan);
        uuid_ids(&mut form.pasangan);
        uuid_ids(&mut form.anak);

        // Lock the row first: two writes of one record run one after the other.
        let found = sqlx::query_scalar!("SELECT versi FROM pns WHERE nip = $1 FOR UPDATE", nip)
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            return Err(UsulanError::Refused(ErrorCode::NotFound));
        }

        Self::replace_history(conn, nip, &mut form, labels).await?;

        let d = &form.data_utama;
        let p = &form.data_posisi;
        // The current rank is the entry with the latest TMT (the last of equals).
        let mut ranks = Vec::with_capacity(form.golongan.len());
        for g in &form.golongan {
            ranks.push((date(&g.tmt)?, g.golongan.as_str()));
        }
        let latest = ranks.into_iter().enumerate().max_by_key(|(i, (tmt, _))| (*tmt, *i)).map(|(_, rank)| rank);
        let versi = sqlx::query_scalar!(
            "UPDATE pns SET nik = $2, nama = $3, gelar_depan = $4, gelar_belakang = $5, tempat_lahir = $6,
                 tanggal_lahir = $7, jenis_kelamin = $8, agama = $9, status_kawin = $10, alamat = $11,
                 telepon = $12, email = $13, unor_id = $14, jenis_pegawai = $15, kedudukan_hukum = $16,
                 tmt_cpns = $17, tmt_pns = $18, golongan = coalesce($19, golongan),
                 tmt_golongan = coalesce($20, tmt_golongan), formulir = $21, versi = versi + 1
             WHERE nip = $1 RETURNING versi",
            nip,
            d.nik,
            d.nama,
            d.gelar_depan,
            d.gelar_belakang,
            d.tempat_lahir,
            date(&d.tanggal_lahir)?,
            d.jenis_kelamin,
            d.agama,
            d.status_kawin,
            d.alamat,
            d.telepon,
            d.email,
            uuid(&p.unor)?,
            d.jenis_pegawai,
            p.kedudukan_hukum,
            date(&d.tmt_cpns)?,
            date_opt(&d.tmt_pns)?,
            latest.map(|(_, golongan)| golongan),
            latest.map(|(tmt, _)| tmt),
            Json(&form) as _,
        )
        .fetch_one(&mut *conn)
        .await
        .map_err(refused_if_check)?;
        Self::refresh_rekam(conn, nip).await?;
        Ok(versi)
    }

    /// Replaces the history and family rows of `nip` with the form's entries. Ids a row of
    /// another PNS holds are replaced in `form` too.
    async fn replace_history(
        conn: &mut PgConnection,
        nip: &str,
        form: &mut Formulir,
        labels: &Labels,
    ) -> Result<(), UsulanError> {
        sqlx::query!("DELETE FROM riwayat_golongan WHERE nip = $1", nip).execute(&mut *conn).await?;
        sqlx::query!("DELETE FROM riwayat_pendidikan WHERE nip = $1", nip).execute(&mut *conn).await?;
        sqlx::query!("DELETE FROM riwayat_jabatan WHERE nip = $1", nip).execute(&mut *conn).await?;
        sqlx::query!("DELETE FROM keluarga_pasangan WHERE nip = $1", nip).execute(&mut *conn).await?;
        sqlx::query!("DELETE FROM keluarga_anak WHERE nip = $1", nip).execute(&mut *conn).await?;

        // Each insert skips an id a row of another PNS already holds (only a crafted form
        // can carry one); the entry then gets a fresh id, and the stored form keeps it.
        for g in &mut form.golongan {
            let (tmt, tanggal_sk) = (date(&g.tmt)?, date(&g.tanggal_sk)?);
            let mut id = uuid(&g.id)?;
            while sqlx::query!(
                "INSERT INTO riwayat_golongan (id, nip, golongan, tmt, nomor_sk, tanggal_sk) VALUES ($1,$2,$3,$4,$5,$6)
                 ON CONFLICT (id) DO NOTHING",
                id,
                nip,
                g.golongan,
                tmt,
                g.nomor_sk,
                tanggal_sk
            )
            .execute(&mut *conn)
            .await
            .map_err(refused_if_check)?
            .rows_affected()
                == 0
            {
                id = Uuid::new_v4();
            }
            g.id = id.to_string();
        }
        for e in &mut form.pendidikan {
            let tahun_lulus = e.tahun_lulus.trim().parse::<i16>().map_err(|_| bad_request())?;
            let jurusan = name_of(labels, Some(DaftarKode::Jurusan), &e.jurusan);
            let mut id = uuid(&e.id)?;
            while sqlx::query!(
                "INSERT INTO riwayat_pendidikan (id, nip, tingkat, nama_sekolah, jurusan, tahun_lulus) VALUES ($1,$2,$3,$4,$5,$6)
                 ON CONFLICT (id) DO NOTHING",
                id,
                nip,
                e.tingkat,
                e.nama_sekolah,
                jurusan,
                tahun_lulus
            )
            .execute(&mut *conn)
            .await
            .map_err(refused_if_check)?
            .rows_affected()
                == 0
            {
                id = Uuid::new_v4();
            }
            e.id = id.to_string();
        }
        for j in &mut form.jabatan {
            let (unor_id, tmt, tanggal_sk) = (uuid(&j.unor)?, date(&j.tmt)?, date(&j.tanggal_sk)?);
            let nama_jabatan = name_of(labels, fungsional_list(&j.jenis_jabatan), &j.jabatan);
            let mut id = uuid(&j.id)?;
            while sqlx::query!(
                "INSERT INTO riwayat_jabatan (id, nip, jenis_jabatan, nama_jabatan, eselon, unor_id, tmt, nomor_sk, tanggal_sk)
                 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (id) DO NOTHING",
                id,
                nip,
                j.jenis_jabatan,
                nama_jabatan,
                text_opt(&j.eselon),
                unor_id,
                tmt,
                j.nomor_sk,
                tanggal_sk
            )
            .execute(&mut *conn)
            .await
            .map_err(refused_if_check)?
            .rows_affected()
                == 0
            {
                id = Uuid::new_v4();
            }
            j.id = id.to_string();
        }
        for s in &mut form.pasangan {
            let (tanggal_lahir, tanggal_menikah) = (date(&s.tanggal_lahir)?, date(&s.tanggal_menikah)?);
            let mut id = uuid(&s.id)?;
            while sqlx::query!(
                "INSERT INTO keluarga_pasangan (id, nip, nama, nik, tempat_lahir, tanggal_lahir, tanggal_menikah,
                     nomor_akta_nikah, nip_pasangan, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
                 ON CONFLICT (id) DO NOTHING",
                id,
                nip,
                s.nama,
                text_opt(&s.nik),
                s.tempat_lahir,
                tanggal_lahir,
                tanggal_menikah,
                s.nomor_akta_nikah,
                text_opt(&s.nip),
                s.status
            )
            .execute(&mut *conn)
            .await
            .map_err(refused_if_check)?
            .rows_affected()
                == 0
            {
                id = Uuid::new_v4();
            }
            s.id = id.to_string();
        }
        for a in &mut form.anak {
            let tanggal_lahir = date(&a.tanggal_lahir)?;
            let mut id = uuid(&a.id)?;
            while sqlx::query!(
                "INSERT INTO keluarga_anak (id, nip, nama, nik, tempat_lahir, tanggal_lahir, jenis_kelamin,
                     status_anak, orang_tua, tunjangan) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
                 ON CONFLICT (id) DO NOTHING",
                id,
                nip,
                a.nama,
                text_opt(&a.nik),
                a.tempat_lahir,
                tanggal_lahir,
                a.jenis_kelamin,
                a.status_anak,
                a.orang_tua,
                a.tunjangan == "Y"
            )
            .execute(&mut *conn)
            .await
            .map_err(refused_if_check)?
            .rows_affected()
                == 0
            {
                id = Uuid::new_v4();
            }
            a.id = id.to_string();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_and_repeated_ids_become_fresh_uuids() {
        let kept = Uuid::new_v4().to_string();
        let entry = |id: &str| EntriAnak { id: id.into(), ..Default::default() };
        let mut anak = vec![entry(&kept), entry("baru-1"), entry(&kept), entry("")];
        uuid_ids(&mut anak);
        assert_eq!(anak[0].id, kept);
        let ids: HashSet<&str> = anak.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 4);
        assert!(anak.iter().all(|a| Uuid::parse_str(&a.id).is_ok()));
    }

    #[test]
    fn empty_optional_values_are_none_and_bad_dates_refused() {
        assert_eq!(date_opt(" ").unwrap(), None);
        assert!(matches!(date_opt("2015-02-30"), Err(UsulanError::Refused(ErrorCode::BadRequest))));
        assert_eq!(text_opt(""), None);
        assert_eq!(name_of(&Labels::default(), Some(DaftarKode::Jft), "Analis Uji"), "Analis Uji");
    }
}
