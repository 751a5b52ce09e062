//! The rules a section must pass before it counts as reviewed (and before submission).
//! Generic checks come from each field's `Kind`; the cross-field rules follow the 2015
//! verification guide: dates real and in order, ranks never going down, positions not
//! overlapping, education years consistent with the levels, NIK and NIP agreeing with the
//! birth date and gender.

use serde::{Deserialize, Serialize};
use time::Date;

use super::sections::*;
use super::spec::{Fields, Kind, MAX_LONG_TEXT, MAX_TEXT};
use super::{golongan_order, Bagian, Formulir, JENIS_JABATAN_STRUKTURAL};
use crate::dates::{parse_iso_date, years_after};
use crate::{ErrorCode, Gender, Nik, Nip};

/// One problem, placed on a field (of one entry, for list sections).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub bagian: Bagian,
    /// Index of the entry in a list section.
    pub entri: Option<usize>,
    pub field: String,
    pub code: ErrorCode,
}

/// What the rules need besides the section: the record's NIP, its master values, and today.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub nip: &'a Nip,
    pub master: &'a Formulir,
    pub today: Date,
}

struct Errors {
    bagian: Bagian,
    entri: Option<usize>,
    list: Vec<FieldError>,
}

impl Errors {
    fn add(&mut self, field: &str, code: ErrorCode) {
        // One message per field is enough: the first problem found.
        if !self.list.iter().any(|e| e.entri == self.entri && e.field == field) {
            self.list.push(FieldError { bagian: self.bagian, entri: self.entri, field: field.to_owned(), code });
        }
    }
}

/// Checks one section of `form`; empty when it may be saved as reviewed.
pub fn check_section(form: &Formulir, bagian: Bagian, cx: &Context) -> Vec<FieldError> {
    let mut e = Errors { bagian, entri: None, list: Vec::new() };
    let birth = parse_iso_date(&form.data_utama.tanggal_lahir).ok().unwrap_or(cx.nip.birth_date());
    match bagian {
        Bagian::DataUtama => data_utama(form, cx, &mut e),
        Bagian::DataPosisi => {
            generic(&form.data_posisi, cx, &mut e);
            eselon(&form.data_posisi.jenis_jabatan, &form.data_posisi.eselon, &mut e);
            not_before_birth(&mut e, "tmt_jabatan", &form.data_posisi.tmt_jabatan, birth);
        }
        Bagian::Golongan => golongan(&form.golongan, birth, cx, &mut e),
        Bagian::Pendidikan => pendidikan(&form.pendidikan, birth, cx, &mut e),
        Bagian::DiklatStruktural => diklat(&form.diklat_struktural, birth, cx, &mut e),
        Bagian::DiklatFungsional => diklat(&form.diklat_fungsional, birth, cx, &mut e),
        Bagian::Jabatan => jabatan(&form.jabatan, birth, cx, &mut e),
        Bagian::Pasangan => pasangan(&form.pasangan, cx, &mut e),
        Bagian::Anak => anak(form, birth, cx, &mut e),
        Bagian::Guru => {
            generic(&form.guru, cx, &mut e);
            at_most(&mut e, "jam_mengajar", &form.guru.jam_mengajar, 60);
        }
        Bagian::Dokter => generic(&form.dokter, cx, &mut e),
        Bagian::Stakeholder => {
            generic(&form.stakeholder, cx, &mut e);
            digits_only(&mut e, "nomor_bpjs", &form.stakeholder.nomor_bpjs, 13..=13, ErrorCode::BpjsFormat);
        }
        Bagian::SosialEkonomi => {
            generic(&form.sosial_ekonomi, cx, &mut e);
            at_most(&mut e, "jarak_km", &form.sosial_ekonomi.jarak_km, 1000);
            at_most(&mut e, "jumlah_tanggungan", &form.sosial_ekonomi.jumlah_tanggungan, 30);
        }
        Bagian::SelfAssessment => generic(&form.self_assessment, cx, &mut e),
    }
    e.list
}

/// The NIP the record would get when the birth date or gender changes: new birth date, same
/// TMT CPNS month, new gender digit, same sequence (L4 confirms the sequence).
pub fn proposed_nip(nip: &Nip, data: &DataUtama) -> Option<Nip> {
    let birth = parse_iso_date(&data.tanggal_lahir).ok()?;
    let gender = Gender::from_code(&data.jenis_kelamin)?;
    if birth == nip.birth_date() && gender == nip.gender() {
        return None;
    }
    let sequence: u16 = nip.as_str()[15..18].parse().ok()?;
    Nip::compose(birth, nip.tmt_cpns_year(), nip.tmt_cpns_month() as u8, gender, sequence).ok()
}

/// Checks every field by its kind: required, length, real dates, numbers, option values.
fn generic<T: Fields>(data: &T, cx: &Context, e: &mut Errors) {
    for spec in T::FIELDS {
        let value = data.get(spec.key).trim();
        if value.is_empty() {
            if spec.required {
                e.add(spec.key, ErrorCode::FieldRequired);
            }
            continue;
        }
        if let Some(code) = kind_error(spec.kind, value, cx.today) {
            e.add(spec.key, code);
        }
    }
}

fn kind_error(kind: Kind, value: &str, today: Date) -> Option<ErrorCode> {
    let too_long = |max: usize| value.chars().count() > max;
    match kind {
        Kind::Text
        | Kind::Unor
        | Kind::Fasilitas(_)
        | Kind::Jabatan
        | Kind::Code(_)
        | Kind::Search(_)
        | Kind::Hidden => {
            if too_long(MAX_TEXT) {
                return Some(ErrorCode::TextTooLong);
            }
            value.chars().any(char::is_control).then_some(ErrorCode::TextCharacters)
        }
        Kind::LongText => too_long(MAX_LONG_TEXT).then_some(ErrorCode::TextTooLong),
        Kind::Date => match parse_iso_date(value) {
            Err(code) => Some(code),
            Ok(date) if date.year() < 1900 => Some(ErrorCode::InvalidDate),
            Ok(date) if date > today && date.year() > today.year() + 10 => Some(ErrorCode::InvalidDate),
            Ok(_) => None,
        },
        Kind::Year => match value.parse::<i32>() {
            Ok(year) if value.len() == 4 && (1900..=today.year()).contains(&year) => None,
            _ => Some(ErrorCode::YearInvalid),
        },
        Kind::Number => match value.parse::<u32>() {
            Ok(n) if value.bytes().all(|b| b.is_ascii_digit()) && n <= 100_000 => None,
            _ => Some(ErrorCode::NumberInvalid),
        },
        Kind::Choice(options) => (!options.iter().any(|o| o.value == value)).then_some(ErrorCode::ChoiceInvalid),
        Kind::YesNo => (!matches!(value, "Y" | "T")).then_some(ErrorCode::ChoiceInvalid),
        Kind::Score => (!matches!(value, "1" | "2" | "3" | "4" | "5")).then_some(ErrorCode::ScoreInvalid),
        Kind::Nik => Nik::parse(value).err(),
        Kind::Nip => Nip::parse(value).err(),
    }
}

fn date(value: &str) -> Option<Date> {
    parse_iso_date(value).ok()
}

fn not_before_birth(e: &mut Errors, field: &str, value: &str, birth: Date) {
    if date(value).is_some_and(|d| d < birth) {
        e.add(field, ErrorCode::DateBeforeBirth);
    }
}

fn not_in_future(e: &mut Errors, field: &str, value: &str, today: Date) {
    if date(value).is_some_and(|d| d > today) {
        e.add(field, ErrorCode::DateInFuture);
    }
}

fn not_before(e: &mut Errors, field: &str, value: &str, earlier: &str) {
    if let (Some(later), Some(earlier)) = (date(value), date(earlier)) {
        if later < earlier {
            e.add(field, ErrorCode::EndBeforeStart);
        }
    }
}

fn at_most(e: &mut Errors, field: &str, value: &str, max: u32) {
    if value.trim().parse::<u32>().is_ok_and(|n| n > max) {
        e.add(field, ErrorCode::NumberTooLarge);
    }
}

/// Digits with optional separators (dots, dashes, spaces) whose digit count is in `len`.
fn digits_only(e: &mut Errors, field: &str, value: &str, len: std::ops::RangeInclusive<usize>, code: ErrorCode) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let ok_chars = value.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | ' '));
    let count = value.chars().filter(char::is_ascii_digit).count();
    if !ok_chars || !len.contains(&count) {
        e.add(field, code);
    }
}

/// A person's name without titles: letters (any script), spaces, apostrophes (Ma'ruf),
/// hyphens and abbreviation dots (Moh. Yamin). One word is a whole name in Indonesia.
pub fn check_name(name: &str) -> Result<(), ErrorCode> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ErrorCode::FieldRequired);
    }
    if name.contains(',') || starts_with_title(name) {
        return Err(ErrorCode::NameHasTitle);
    }
    let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.');
    if !name.chars().all(allowed) || !name.chars().any(char::is_alphabetic) {
        return Err(ErrorCode::NameCharacters);
    }
    Ok(())
}

fn starts_with_title(name: &str) -> bool {
    const TITLES: &[&str] = &["dr.", "drs.", "dra.", "ir.", "prof.", "h.", "hj.", "dr ", "drs ", "ir ", "prof "];
    // The titles are ASCII: comparing bytes keeps Unicode case tables out of the WASM (#14).
    TITLES.iter().any(|t| name.get(..t.len()).is_some_and(|start| start.eq_ignore_ascii_case(t)))
}

/// Academic and religious titles: letters, dots, commas, spaces, parentheses, hyphens
/// ("S.H., M.Hum.", "Dr. Ir.", "S.Kom", "A.Md.Kep.").
pub fn check_title(title: &str) -> Result<(), ErrorCode> {
    let allowed = |c: char| c.is_alphabetic() || matches!(c, '.' | ',' | ' ' | '(' | ')' | '-' | '\'');
    if title.trim().chars().all(allowed) {
        Ok(())
    } else {
        Err(ErrorCode::TitleCharacters)
    }
}

fn data_utama(form: &Formulir, cx: &Context, e: &mut Errors) {
    let d = &form.data_utama;
    generic(d, cx, e);
    if !d.nama.trim().is_empty() {
        if let Err(code) = check_name(&d.nama) {
            e.add("nama", code);
        }
    }
    for key in ["gelar_depan", "gelar_belakang"] {
        if let Err(code) = check_title(d.get(key)) {
            e.add(key, code);
        }
    }
    if d.tempat_lahir.chars().any(|c| c.is_ascii_digit()) {
        e.add("tempat_lahir", ErrorCode::TextCharacters);
    }
    not_in_future(e, "tanggal_lahir", &d.tanggal_lahir, cx.today);
    let birth = date(&d.tanggal_lahir);
    let gender = Gender::from_code(&d.jenis_kelamin);
    if let (Ok(nik), Some(birth), Some(gender)) = (Nik::parse(&d.nik), birth, gender) {
        if let Err(code) = nik.check_against(birth, gender) {
            e.add("nik", code);
        }
    }
    if let Some(tmt) = date(&d.tmt_cpns) {
        if cx.nip.check_tmt_cpns(tmt).is_err() {
            e.add("tmt_cpns", ErrorCode::NipTmtCpnsMismatch);
        }
        if birth.is_some_and(|b| tmt < years_after(b, 15)) {
            e.add("tmt_cpns", ErrorCode::TmtCpnsTooEarly);
        }
        not_in_future(e, "tmt_cpns", &d.tmt_cpns, cx.today);
    }
    not_before(e, "tmt_pns", &d.tmt_pns, &d.tmt_cpns);
    if !d.email.trim().is_empty() {
        if let Err(code) = crate::account::parse_email(&d.email) {
            e.add("email", code);
        }
    }
    digits_only(e, "telepon", &d.telepon, 8..=15, ErrorCode::PhoneFormat);
    digits_only(e, "npwp", &d.npwp, 15..=16, ErrorCode::NpwpFormat);
    // Each field the master holds is either confirmed ("sesuai") or changed.
    for spec in DataUtama::FIELDS {
        let master = cx.master.data_utama.get(spec.key);
        let unchanged = d.get(spec.key).trim() == master.trim();
        if !master.is_empty() && unchanged && !form.sesuai.iter().any(|k| k == spec.key) {
            e.add(spec.key, ErrorCode::ConfirmOrEdit);
        }
    }
}

fn eselon(jenis_jabatan: &str, eselon: &str, e: &mut Errors) {
    let struktural = jenis_jabatan == JENIS_JABATAN_STRUKTURAL;
    if struktural && eselon.trim().is_empty() {
        e.add("eselon", ErrorCode::EselonRequired);
    } else if !struktural && !jenis_jabatan.is_empty() && !eselon.trim().is_empty() {
        e.add("eselon", ErrorCode::EselonNotAllowed);
    }
}

/// Runs `check` on every entry with `e.entri` set, so errors land on that entry.
fn each<T>(list: &[T], e: &mut Errors, mut check: impl FnMut(&T, &mut Errors)) {
    for (i, item) in list.iter().enumerate() {
        e.entri = Some(i);
        check(item, e);
    }
    e.entri = None;
}

fn need_entries<T>(list: &[T], e: &mut Errors) {
    if list.is_empty() {
        e.add("", ErrorCode::ListEmpty);
    }
}

fn golongan(list: &[EntriGolongan], birth: Date, cx: &Context, e: &mut Errors) {
    need_entries(list, e);
    each(list, e, |g, e| {
        generic(g, cx, e);
        if !g.golongan.is_empty() && golongan_order(&g.golongan).is_none() {
            e.add("golongan", ErrorCode::CodeUnknown);
        }
        if g.masa_kerja_bulan.trim().parse::<u32>().is_ok_and(|m| m > 11) {
            e.add("masa_kerja_bulan", ErrorCode::MonthsOutOfRange);
        }
        not_before_birth(e, "tmt", &g.tmt, birth);
        not_before_birth(e, "tanggal_sk", &g.tanggal_sk, birth);
        not_in_future(e, "tanggal_sk", &g.tanggal_sk, cx.today);
        not_before(e, "tanggal_bkn", &g.tanggal_bkn, &g.tanggal_sk);
    });
    // In TMT order, each TMT strictly later than the one before and the rank never lower.
    let mut dated: Vec<(usize, Date, Option<u8>)> =
        list.iter().enumerate().filter_map(|(i, g)| Some((i, date(&g.tmt)?, golongan_order(&g.golongan)))).collect();
    dated.sort_by_key(|(i, d, _)| (*d, *i));
    for pair in dated.windows(2) {
        let ((_, d0, g0), (i1, d1, g1)) = (pair[0], pair[1]);
        e.entri = Some(i1);
        if d1 == d0 {
            e.add("tmt", ErrorCode::GolonganTmtOrder);
        } else if let (Some(g0), Some(g1)) = (g0, g1) {
            if g1 < g0 {
                e.add("golongan", ErrorCode::GolonganDecreasing);
            }
        }
    }
    e.entri = None;
}

/// Typical age at graduation from each level, as a lower bound (a pupil finishes SD at 11 at
/// the earliest).
fn minimum_age(tingkat: &str) -> i32 {
    match tingkat {
        "05" => 10,
        "10" => 13,
        "12" => 16,
        "17" | "18" => 17,
        "20" => 18,
        "30" | "40" => 19,
        "45" => 21,
        "50" => 23,
        _ => 10,
    }
}

fn pendidikan(list: &[EntriPendidikan], birth: Date, cx: &Context, e: &mut Errors) {
    need_entries(list, e);
    each(list, e, |p, e| {
        generic(p, cx, e);
        if let Ok(year) = p.tahun_lulus.trim().parse::<i32>() {
            if year < birth.year() + minimum_age(&p.tingkat) {
                e.add("tahun_lulus", ErrorCode::GraduatedTooYoung);
            }
        }
        if let (Some(ijazah), Ok(year)) = (date(&p.tanggal_ijazah), p.tahun_lulus.trim().parse::<i32>()) {
            if ijazah.year() < year {
                e.add("tanggal_ijazah", ErrorCode::IjazahBeforeGraduation);
            }
        }
        if !p.gelar.is_empty() {
            if let Err(code) = check_title(&p.gelar) {
                e.add("gelar", code);
            }
        }
    });
    // A higher level is not finished before a lower one.
    for (i, a) in list.iter().enumerate() {
        for b in list {
            let (Ok(ya), Ok(yb)) = (a.tahun_lulus.trim().parse::<i32>(), b.tahun_lulus.trim().parse::<i32>()) else {
                continue;
            };
            let (la, lb) = (a.tingkat.parse::<u32>().unwrap_or(0), b.tingkat.parse::<u32>().unwrap_or(0));
            if la > lb && ya < yb {
                e.entri = Some(i);
                e.add("tahun_lulus", ErrorCode::PendidikanYearOrder);
            }
        }
    }
    if list.iter().filter(|p| p.pertama_cpns == "Y").count() > 1 {
        for (i, p) in list.iter().enumerate().filter(|(_, p)| p.pertama_cpns == "Y") {
            e.entri = Some(i);
            let _ = p;
            e.add("pertama_cpns", ErrorCode::PertamaCpnsOnce);
        }
    }
    e.entri = None;
}

fn diklat(list: &[EntriDiklat], birth: Date, cx: &Context, e: &mut Errors) {
    each(list, e, |d, e| {
        generic(d, cx, e);
        not_before_birth(e, "tanggal_mulai", &d.tanggal_mulai, birth);
        not_in_future(e, "tanggal_selesai", &d.tanggal_selesai, cx.today);
        not_before(e, "tanggal_selesai", &d.tanggal_selesai, &d.tanggal_mulai);
        not_before(e, "tanggal_sertifikat", &d.tanggal_sertifikat, &d.tanggal_selesai);
        if d.jumlah_jam.trim() == "0" {
            e.add("jumlah_jam", ErrorCode::NumberInvalid);
        }
        at_most(e, "jumlah_jam", &d.jumlah_jam, 2000);
    });
}

fn jabatan(list: &[EntriJabatan], birth: Date, cx: &Context, e: &mut Errors) {
    need_entries(list, e);
    each(list, e, |j, e| {
        generic(j, cx, e);
        eselon(&j.jenis_jabatan, &j.eselon, e);
        not_before_birth(e, "tmt", &j.tmt, birth);
        not_before(e, "tmt_selesai", &j.tmt_selesai, &j.tmt);
        not_before(e, "tmt_pelantikan", &j.tmt_pelantikan, &j.tmt);
    });
    // Structural posts do not overlap: one ends (explicitly, or when the next begins) before
    // the next starts.
    let mut posts: Vec<(usize, Date, Option<Date>)> = list
        .iter()
        .enumerate()
        .filter(|(_, j)| j.jenis_jabatan == JENIS_JABATAN_STRUKTURAL)
        .filter_map(|(i, j)| Some((i, date(&j.tmt)?, date(&j.tmt_selesai))))
        .collect();
    posts.sort_by_key(|(i, start, _)| (*start, *i));
    for pair in posts.windows(2) {
        let ((_, start0, end0), (i1, start1, _)) = (pair[0], pair[1]);
        if start1 == start0 || end0.is_some_and(|end| end > start1) {
            e.entri = Some(i1);
            e.add("tmt", ErrorCode::JabatanOverlap);
        }
    }
    e.entri = None;
}

fn pasangan(list: &[EntriPasangan], cx: &Context, e: &mut Errors) {
    each(list, e, |p, e| {
        generic(p, cx, e);
        if !p.nama.trim().is_empty() {
            if let Err(code) = check_name(&p.nama) {
                e.add("nama", code);
            }
        }
        let birth = date(&p.tanggal_lahir);
        if let (Ok(nik), Some(birth)) = (Nik::parse(&p.nik), birth) {
            // The spouse's gender is not asked; the NIK must fit the birth date either way.
            if nik.check_against(birth, nik.gender()).is_err() {
                e.add("nik", ErrorCode::NikBirthDateMismatch);
            }
        }
        not_in_future(e, "tanggal_lahir", &p.tanggal_lahir, cx.today);
        not_in_future(e, "tanggal_menikah", &p.tanggal_menikah, cx.today);
        if let (Some(birth), Some(married)) = (birth, date(&p.tanggal_menikah)) {
            if married < years_after(birth, 16) {
                e.add("tanggal_menikah", ErrorCode::MarriedTooYoung);
            }
        }
        if p.pns == "Y" {
            match Nip::parse(&p.nip) {
                Err(ErrorCode::NipRequired) => e.add("nip", ErrorCode::SpouseNipRequired),
                Err(_) => {}
                Ok(nip) if birth.is_some_and(|b| b != nip.birth_date()) => {
                    e.add("nip", ErrorCode::NipBirthDateMismatch)
                }
                Ok(_) => {}
            }
        }
    });
}

fn anak(form: &Formulir, parent_birth: Date, cx: &Context, e: &mut Errors) {
    let has_spouse = !form.pasangan.is_empty();
    each(&form.anak, e, |a, e| {
        generic(a, cx, e);
        if !a.nama.trim().is_empty() {
            if let Err(code) = check_name(&a.nama) {
                e.add("nama", code);
            }
        }
        let birth = date(&a.tanggal_lahir);
        let gender = Gender::from_code(&a.jenis_kelamin);
        if let (Ok(nik), Some(birth), Some(gender)) = (Nik::parse(&a.nik), birth, gender) {
            if let Err(code) = nik.check_against(birth, gender) {
                e.add("nik", code);
            }
        }
        not_in_future(e, "tanggal_lahir", &a.tanggal_lahir, cx.today);
        if a.status_anak == "KANDUNG" && birth.is_some_and(|b| b < years_after(parent_birth, 12)) {
            e.add("tanggal_lahir", ErrorCode::ChildBornTooEarly);
        }
        if matches!(a.orang_tua.as_str(), "PASANGAN" | "BERSAMA") && !has_spouse {
            e.add("orang_tua", ErrorCode::ChildParentMissing);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::check_name;
    use crate::ErrorCode;

    #[test]
    fn a_name_may_not_start_with_a_title_in_any_case() {
        for name in ["Dr. Budi Santoso", "DRS Budi", "hj. Siti Aminah", "Prof Ahmad", "IR. Joko"] {
            assert_eq!(check_name(name), Err(ErrorCode::NameHasTitle), "{name}");
        }
        for name in ["Drajat Wibowo", "Irawan", "Hartono", "Ñoño Putri", "Ir"] {
            assert_eq!(check_name(name), Ok(()), "{name}");
        }
    }
}
