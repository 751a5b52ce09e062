//! The demo world's proposals (issue #10): about forty PNS of both instansi have filled and
//! sent their form, and their proposals stand at every stage of verification, so each demo
//! verifier opens a queue with work in it. Everything goes through the services' own APIs
//! (fill and save, upload, send, accept or return), as the PNS and the verifiers would.
//! A PNS who already has a proposal is left alone: a second start changes nothing.

use std::sync::Arc;

use access::CurrentUser;
use app::auth::AppState;
use domain::form::{Bagian, EntriPendidikan, Formulir};
use domain::verifikasi::{Hasil, Keputusan, Putusan, Tindakan};
use personnel::UsulanError;
use uuid::Uuid;
use verification::{key_of, Filter};

/// Where a demo proposal is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tahap {
    /// Waiting at L1, L2, L3.
    L1,
    L2,
    L3,
    /// A birth-date change, passed by L1–L3 and waiting at L4.
    L4,
    /// Returned to the PNS by L1 with one field rejected.
    Dikembalikan,
    /// Passed every level: the master holds it.
    Final,
}

impl Tahap {
    const ALL: [Tahap; 6] = [Tahap::L1, Tahap::L2, Tahap::L3, Tahap::L4, Tahap::Dikembalikan, Tahap::Final];

    /// How many levels accept it.
    fn accepted(self) -> usize {
        match self {
            Tahap::L1 | Tahap::Dikembalikan => 0,
            Tahap::L2 => 1,
            Tahap::L3 => 2,
            Tahap::L4 | Tahap::Final => 3,
        }
    }
}

/// The verifiers who move one group's proposals: L1, L2, L3 and L4, in order.
pub(crate) type Verifikator = Arc<[CurrentUser; 4]>;

/// One demo PNS's proposal: who, where it stops, and who moves it there.
pub(crate) struct Rencana {
    pub nip: String,
    pub nama: String,
    pub tahap: Tahap,
    pub verifikator: Verifikator,
}

/// Proposals handled at once (each is a chain of saves and decisions on one connection or two).
const LANES: usize = 4;

/// Fills, sends and moves every planned proposal; logs the count per stage.
pub(crate) async fn seed(state: &AppState, rencana: Vec<Rencana>) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let counts: Vec<(Tahap, usize)> =
        Tahap::ALL.iter().map(|t| (*t, rencana.iter().filter(|r| r.tahap == *t).count())).collect();
    let rencana = Arc::new(rencana);
    let mut lanes = tokio::task::JoinSet::new();
    for lane in 0..LANES {
        let (state, rencana) = (state.clone(), rencana.clone());
        lanes.spawn(async move {
            let mut created = 0;
            for (i, r) in rencana.iter().enumerate().skip(lane).step_by(LANES) {
                if one(&state, r, i).await.map_err(|e| e.context(format!("demo proposal of {}", r.nip)))? {
                    created += 1;
                }
            }
            anyhow::Ok(created)
        });
    }
    let mut created = 0;
    while let Some(lane) = lanes.join_next().await {
        created += lane??;
    }
    let count = |t: Tahap| counts.iter().find(|(x, _)| *x == t).map_or(0, |(_, n)| *n);
    tracing::info!(
        l1 = count(Tahap::L1),
        l2 = count(Tahap::L2),
        l3 = count(Tahap::L3),
        l4 = count(Tahap::L4),
        dikembalikan = count(Tahap::Dikembalikan),
        selesai = count(Tahap::Final),
        created,
        ms = started.elapsed().as_millis() as u64,
        "demo proposals: waiting per level, returned and final"
    );
    Ok(())
}

/// One PNS's proposal, unless they already have one. Returns whether it was made now.
async fn one(state: &AppState, r: &Rencana, i: usize) -> anyhow::Result<bool> {
    let personnel = &state.personnel;
    let draft = personnel.open_usulan(&r.nip).await?.ok_or_else(|| anyhow::anyhow!("demo PNS missing"))?;
    if draft.id.is_some() || !personnel.timeline(&r.nip).await?.is_empty() {
        return Ok(false);
    }
    let today = personnel.today();
    let usulan = match personnel.fill_for_sending(&r.nip, |form, _| edit(form, r.tahap, i, today)).await {
        Ok(usulan) => usulan,
        // A generated record the change does not fit: back to the master, a new address only.
        Err(UsulanError::Incomplete { kesalahan, .. }) if r.tahap != Tahap::L4 => {
            tracing::debug!(nip = %r.nip, ?kesalahan, "demo change refused; sending a new address instead");
            let master = draft.master_form;
            personnel
                .fill_for_sending(&r.nip, move |form, _| {
                    form.data_utama = master.data_utama.clone();
                    form.golongan = master.golongan.clone();
                    form.pendidikan = master.pendidikan.clone();
                    form.data_utama.alamat = alamat(i);
                })
                .await?
        }
        Err(e) => return Err(e.into()),
    };
    // Most attach a scan; a few send without one (the queue filters on it).
    if i % 6 != 5 || r.tahap == Tahap::L4 {
        let nama_file = if r.tahap == Tahap::L4 { "akta-kelahiran.pdf" } else { "ktp.pdf" };
        let judul = format!("{} - {} ({})", nama_file.trim_end_matches(".pdf").to_uppercase(), r.nama, r.nip);
        personnel.upload_document(&r.nip, Bagian::DataUtama, None, nama_file, &pdf(&judul)).await?;
    }
    state.verification.send(&usulan, usulan.versi, &r.nama).await?;

    for user in r.verifikator.iter().take(r.tahap.accepted()) {
        let item = item_of(state, user, &r.nip).await?;
        let (decided, _) = state.verification.accept_clean(user, &[item]).await?;
        anyhow::ensure!(decided == 1, "L{} did not pass it on", user.active.role.tingkat().unwrap_or(0));
    }
    if r.tahap == Tahap::Dikembalikan {
        let l1 = &r.verifikator[0];
        let item = item_of(state, l1, &r.nip).await?;
        let sent = personnel.open_usulan(&r.nip).await?.ok_or_else(|| anyhow::anyhow!("sent proposal missing"))?;
        let keputusan = personnel
            .sent_changes(&sent)
            .await?
            .iter()
            .map(|c| {
                let kunci = key_of(c);
                match kunci.field == "alamat" {
                    true => Keputusan {
                        kunci,
                        hasil: Hasil::Tolak,
                        alasan: "Alamat tidak sesuai dengan KTP yang diunggah".into(),
                    },
                    false => Keputusan { kunci, hasil: Hasil::Terima, alasan: String::new() },
                }
            })
            .collect();
        let putusan = Putusan {
            item: item.to_string(),
            kunci: Uuid::new_v4().to_string(),
            keputusan,
            tindakan: Tindakan::Kembalikan,
            catatan: "Mohon perbaiki alamat sesuai KTP, lalu kirim kembali.".into(),
            pinjam: None,
        };
        state.verification.decide(l1, &putusan).await?;
    }
    Ok(true)
}

/// The waiting item of `nip` in `user`'s queue.
async fn item_of(state: &AppState, user: &CurrentUser, nip: &str) -> anyhow::Result<Uuid> {
    let filter = Filter { cari: nip.to_owned(), ..Filter::default() };
    let page = state.verification.queue(user, &filter, None, 10).await?;
    page.items
        .iter()
        .find(|i| i.nip == nip)
        .map(|i| i.id)
        .ok_or_else(|| anyhow::anyhow!("not in the queue of {}", user.username.as_deref().unwrap_or(&user.nama)))
}

const JALAN: [&str; 8] = [
    "Jl. Kaliurang Km 7,5 Gg. Sawo No. 12, Sinduharjo, Ngaglik",
    "Perum Griya Taman Asri Blok C-14, Tlogoadi, Mlati",
    "Jl. Magelang Km 9 No. 31, Tridadi, Sleman",
    "Dusun Karangasem RT 04/RW 12, Condongcatur, Depok",
    "Jl. Palagan Tentara Pelajar No. 88, Sariharjo, Ngaglik",
    "Jl. Seturan Raya No. 5A, Caturtunggal, Depok",
    "Perumahan Candi Gebang Permai No. 42, Wedomartani, Ngemplak",
    "Jl. Godean Km 4,5 No. 17, Banyuraden, Gamping",
];

fn alamat(i: usize) -> String {
    JALAN[i % JALAN.len()].to_owned()
}

/// The PNS's own changes: a new address (with a new phone or email by turns), and by turns
/// the NIK-based NPWP, a corrected SK number of the latest rank, a new master's degree (and
/// its gelar) or a corrected diploma number. The one at L4 moves the birth date by a day (and the NIK with it).
fn edit(form: &mut Formulir, tahap: Tahap, i: usize, today: time::Date) {
    let d = &mut form.data_utama;
    if tahap == Tahap::L4 {
        let Ok(date) = domain::dates::parse_iso_date(&d.tanggal_lahir) else { return };
        let moved = if date.day() < 28 { date.next_day() } else { date.previous_day() };
        let Some(moved) = moved else { return };
        d.tanggal_lahir = domain::dates::iso(moved);
        // The NIK's DDMMYY at digits 7–12, women's day + 40.
        let day = moved.day() + if d.jenis_kelamin == "P" { 40 } else { 0 };
        if d.nik.len() == 16 {
            d.nik = format!("{}{:02}{}", &d.nik[..6], day, &d.nik[8..]);
        }
        return;
    }
    // The returned one carries an address the verifier rejects.
    d.alamat = alamat(i);
    match i % 3 {
        0 => d.telepon = format!("08{:010}", 1_2345_6789u64 + i as u64 * 7_919),
        1 => d.email = format!("{}.{}@example.go.id", first_name(&d.nama), 100 + i),
        _ => {}
    }
    if tahap == Tahap::Dikembalikan {
        return;
    }
    match i % 4 {
        0 => {
            // The NPWP is the NIK since 2024: the 16-digit form.
            form.data_utama.npwp = form.data_utama.nik.clone();
        }
        1 => {
            // The SK number of the latest rank, one digit mistyped in the master.
            if let Some(g) = form.golongan.last_mut() {
                g.nomor_sk = retype_last_digit(&g.nomor_sk);
            }
        }
        2 => {
            // A master's degree finished last year, for those whose last degree is an S-1.
            let last = form.pendidikan.iter().filter_map(|p| p.tahun_lulus.parse::<i32>().ok()).max().unwrap_or(0);
            let s1 = form.pendidikan.iter().any(|p| p.tingkat == "40");
            let higher = form.pendidikan.iter().any(|p| p.tingkat.as_str() > "40");
            let year = today.year() - 1;
            if s1 && !higher && last < year {
                form.pendidikan.push(EntriPendidikan {
                    id: Uuid::new_v4().to_string(),
                    tingkat: "45".into(),
                    nama_sekolah: "Universitas Gadjah Mada".into(),
                    tahun_lulus: year.to_string(),
                    nomor_ijazah: format!("UGM/S2/{year}/{:04}", 100 + i),
                    tanggal_ijazah: format!("{year}-08-2{}", i % 8),
                    gelar: "M.Si.".into(),
                    pertama_cpns: "T".into(),
                    ..Default::default()
                });
                let g = &mut form.data_utama.gelar_belakang;
                *g = if g.is_empty() { "M.Si.".into() } else { format!("{g}, M.Si.") };
            }
        }
        _ => {
            // The diploma number of the last degree.
            if let Some(p) = form.pendidikan.last_mut() {
                p.nomor_ijazah = match p.nomor_ijazah.is_empty() {
                    true => format!("{}/IJZ/{}/{:05}", p.tingkat, p.tahun_lulus, 3_000 + i),
                    false => retype_last_digit(&p.nomor_ijazah),
                };
            }
        }
    }
}

fn first_name(nama: &str) -> String {
    nama.split_whitespace()
        .next()
        .unwrap_or("pns")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase()
}

/// The text with its last digit changed (or "/R" added where it has none).
fn retype_last_digit(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match chars.iter().rposition(char::is_ascii_digit) {
        Some(at) => {
            let digit = chars[at].to_digit(10).unwrap_or(0);
            chars[at] = char::from_digit((digit + 1) % 10, 10).unwrap_or('0');
            chars.into_iter().collect()
        }
        None => format!("{text}/R"),
    }
}

/// A one-page PDF that shows `judul`: the "scan" a demo PNS attaches.
fn pdf(judul: &str) -> Vec<u8> {
    let text: String =
        judul.chars().filter(|c| c.is_ascii_graphic() || *c == ' ').filter(|c| !"()\\".contains(*c)).collect();
    let stream =
        format!("BT /F1 14 Tf 56 770 Td ({text}) Tj 0 -24 Td /F1 10 Tf (Dokumen contoh dunia demo SIPUPNS) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}
