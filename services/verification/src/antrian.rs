//! A verifier's queue: the work items in their scope waiting at their level, oldest first,
//! filtered and searched, a page at a time. Pages continue from a keyset cursor (sent at,
//! id), never an offset, so the thousandth page costs what the first does; each scope kind
//! has its own partial index (migration `…_verifikasi`).

use access::{Cakupan, CurrentUser, ServiceError};
use domain::ErrorCode;
use sqlx::{Postgres, QueryBuilder};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::store::Verification;

/// Most rows a page holds.
pub const MAX_HALAMAN: i64 = 100;

/// What the verifier narrowed the queue to. Empty means everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Part of the name, or the start of the NIP.
    pub cari: String,
    /// A unit within the scope: its materialised path.
    pub unor_path: Option<String>,
    /// Age in whole years, inclusive.
    pub usia_min: Option<i32>,
    pub usia_max: Option<i32>,
    pub ada_dokumen: Option<bool>,
    pub ada_tanda: Option<bool>,
}

/// Where a page continues: after this (sent at, id).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kursor {
    pub dikirim: OffsetDateTime,
    pub id: Uuid,
}

impl Kursor {
    /// As text for a URL: `<unix nanoseconds>.<id>`.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.dikirim.unix_timestamp_nanos(), self.id)
    }

    pub fn decode(text: &str) -> Result<Kursor, ErrorCode> {
        let (nanos, id) = text.split_once('.').ok_or(ErrorCode::BadRequest)?;
        let nanos: i128 = nanos.parse().map_err(|_| ErrorCode::BadRequest)?;
        Ok(Kursor {
            dikirim: OffsetDateTime::from_unix_timestamp_nanos(nanos).map_err(|_| ErrorCode::BadRequest)?,
            id: Uuid::parse_str(id).map_err(|_| ErrorCode::BadRequest)?,
        })
    }
}

/// One row of the queue.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ItemAntrian {
    pub id: Uuid,
    pub nip: String,
    pub nama: String,
    pub putaran: i32,
    pub dikirim: OffsetDateTime,
    pub jumlah_perubahan: i32,
    pub ada_dokumen: bool,
    pub ada_tanda: bool,
    /// Who has it open (or took it offline), and until when, while their claim lasts.
    pub klaim_nama: Option<String>,
    pub klaim_sampai: Option<OffsetDateTime>,
}

/// A page of the queue and where the next one starts (none: this is the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Antrian {
    pub items: Vec<ItemAntrian>,
    pub berikut: Option<Kursor>,
}

impl Verification {
    /// A page of `user`'s queue. Refused for roles that verify nothing.
    pub async fn queue(
        &self,
        user: &CurrentUser,
        filter: &Filter,
        setelah: Option<Kursor>,
        limit: i64,
    ) -> Result<Antrian, ServiceError> {
        let tingkat = user.active.role.tingkat().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        let cakupan = user.active.cakupan_verifikasi().ok_or(ServiceError::Refused(ErrorCode::Forbidden))?;
        let limit = limit.clamp(1, MAX_HALAMAN);
        let mut q = QueryBuilder::<Postgres>::new(
            "SELECT id, nip, nama, putaran, dikirim, jumlah_perubahan, ada_dokumen, ada_tanda,
                    CASE WHEN klaim_sampai > now() THEN klaim_nama END AS klaim_nama,
                    CASE WHEN klaim_sampai > now() THEN klaim_sampai END AS klaim_sampai
             FROM verifikasi_item WHERE status = 'menunggu' AND tingkat = ",
        );
        q.push_bind(tingkat);
        push_scope(&mut q, "", &cakupan);
        if let Some(own) = &user.nip {
            q.push(" AND nip <> ").push_bind(own.clone());
        }
        if let Some(path) = &filter.unor_path {
            q.push(" AND starts_with(unor_path, ").push_bind(path.clone()).push(")");
        }
        let cari = filter.cari.trim();
        if !cari.is_empty() {
            if cari.chars().all(|c| c.is_ascii_digit()) {
                q.push(" AND starts_with(nip, ").push_bind(cari.to_owned()).push(")");
            } else {
                q.push(" AND nama ILIKE ").push_bind(format!("%{}%", escape_like(cari)));
            }
        }
        let today = personnel::today_wib();
        // Age in whole years on `today`: born on or before today minus `min` years, after
        // today minus `max + 1` years.
        if let Some(min) = filter.usia_min {
            q.push(" AND tanggal_lahir <= ").push_bind(years_before(today, min)?);
        }
        if let Some(max) = filter.usia_max {
            q.push(" AND tanggal_lahir > ").push_bind(years_before(today, max.saturating_add(1))?);
        }
        if let Some(ada) = filter.ada_dokumen {
            q.push(" AND ada_dokumen = ").push_bind(ada);
        }
        if let Some(ada) = filter.ada_tanda {
            q.push(" AND ada_tanda = ").push_bind(ada);
        }
        if let Some(k) = setelah {
            q.push(" AND (dikirim, id) > (").push_bind(k.dikirim).push(", ").push_bind(k.id).push(")");
        }
        q.push(" ORDER BY dikirim, id LIMIT ").push_bind(limit + 1);
        let mut items: Vec<ItemAntrian> = q.build_query_as().fetch_all(&self.pool).await?;
        let berikut = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(|i| Kursor { dikirim: i.dikirim, id: i.id })
        } else {
            None
        };
        Ok(Antrian { items, berikut })
    }
}

/// Narrows a query over `verifikasi_item` (aliased `alias`, or unaliased with "") to a scope.
pub(crate) fn push_scope(q: &mut QueryBuilder<'_, Postgres>, alias: &str, cakupan: &Cakupan) {
    match cakupan {
        Cakupan::Nasional => {}
        Cakupan::Kanreg(kanreg) => {
            q.push(format!(" AND {alias}kanreg_id = ")).push_bind(*kanreg);
        }
        Cakupan::Instansi(instansi) => {
            q.push(format!(" AND {alias}instansi_id = ")).push_bind(*instansi);
        }
        Cakupan::Unor { instansi_id, path } => {
            q.push(format!(" AND {alias}instansi_id = ")).push_bind(*instansi_id);
            q.push(format!(" AND starts_with({alias}unor_path, ")).push_bind(path.clone()).push(")");
        }
    }
}

/// `text` matched literally inside an ILIKE pattern.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The date `years` years before `today` (29 February falls back to the 28th).
fn years_before(today: time::Date, years: i32) -> Result<time::Date, ServiceError> {
    if !(0..=150).contains(&years) {
        return Err(ServiceError::Refused(ErrorCode::BadRequest));
    }
    let year = today.year() - years;
    time::Date::from_calendar_date(year, today.month(), today.day())
        .or_else(|_| time::Date::from_calendar_date(year, today.month(), 28))
        .map_err(|_| ServiceError::Refused(ErrorCode::BadRequest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        let k = Kursor {
            dikirim: OffsetDateTime::from_unix_timestamp_nanos(1_700_000_000_123_456_789).unwrap(),
            id: Uuid::from_u128(7),
        };
        assert_eq!(Kursor::decode(&k.encode()), Ok(k));
        assert_eq!(Kursor::decode("x.y"), Err(ErrorCode::BadRequest));
        assert_eq!(Kursor::decode("12"), Err(ErrorCode::BadRequest));
    }

    #[test]
    fn like_patterns_match_literally() {
        assert_eq!(escape_like("50%_a\\"), "50\\%\\_a\\\\");
    }

    #[test]
    fn ages_count_whole_years() {
        let d = |y, m, day| time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), day).unwrap();
        assert_eq!(years_before(d(2026, 12, 2), 30).unwrap(), d(1996, 12, 2));
        assert_eq!(years_before(d(2024, 2, 29), 1).unwrap(), d(2023, 2, 28));
        assert!(years_before(d(2026, 1, 1), -1).is_err());
    }
}
