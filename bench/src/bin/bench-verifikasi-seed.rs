//! Fills a database for the verification benchmarks (issue #10, docs/PERFORMANCE.md):
//!
//! - the demo world (`server::demo::seed`);
//! - `--queue` work items waiting at L2 for Kabupaten Sleman, inserted in bulk SQL with the
//!   columns a sent proposal copies (names, NIPs, birth dates, units, sent over eight weeks),
//!   for the queue page of `verif2.sleman` (the queue never joins personnel, so their
//!   `usulan_id` are random);
//! - `--proposals` generated PNS of Dinas Pendidikan who fill and send their form through the
//!   services' own APIs (`fill_for_sending`, `Verification::send`), so each waits at L1 with
//!   real proposal and change rows, for the decision driver;
//! - `--verifiers` L1 verifier accounts of Dinas Pendidikan (`bench.l1.NN`), signed in.
//!
//! Writes to `--out-dir`: `verif2.cookie` (the L2 verifier's session), `verif-l1-sessions.txt`
//! (one L1 session a line) and `verif-deep-cursor.txt` (the queue cursor after the
//! `--deep`th waiting row, as `Kursor::encode` writes it).

use std::sync::Arc;

use clap::Parser;
use domain::form::Bagian;
use domain::Role;
use identity::{NewAccount, Scope};
use personnel::generator::{generate, GeneratorConfig, UnitTarget};
use server::Config;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// Work items waiting at L2 for Kabupaten Sleman.
    #[arg(long, default_value_t = 1_000_000)]
    queue: i64,
    /// Generated PNS who send a proposal (waiting at L1 afterwards).
    #[arg(long, default_value_t = 4_000)]
    proposals: usize,
    /// L1 verifier accounts of Dinas Pendidikan, each signed in once.
    #[arg(long, default_value_t = 50)]
    verifiers: usize,
    /// A scanned document of this many KiB attached to each proposal (0: none).
    #[arg(long, default_value_t = 0)]
    scan_kib: usize,
    /// The deep page's cursor: after this many waiting rows of the queue.
    #[arg(long, default_value_t = 500_000)]
    deep: i64,
    #[arg(long, default_value = "bench/out")]
    out_dir: std::path::PathBuf,
}

const SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);
const DEMO_PASSWORD: &str = "Demo2026pupns";
const PASSWORD: &str = "Bench2026pupns";
/// Proposals filled and sent at once.
const LANES: usize = 8;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(16).connect(&args.database_url).await?;
    server::database::MIGRATOR.run(&pool).await?;
    let mut config = Config::for_tests(std::env::temp_dir().join("sipupns-bench"));
    config.database_url = Some(args.database_url.clone());
    let state = server::app_state(&config, pool.clone())?;
    let started = std::time::Instant::now();
    server::demo::seed(&state).await?;
    println!("demo world in {:.1} s", started.elapsed().as_secs_f64());
    std::fs::create_dir_all(&args.out_dir)?;

    // 1. The L2 queue: bulk rows, as `verification::send` and `pass_level` would leave them.
    let started = std::time::Instant::now();
    let inserted = sqlx::query(QUEUE_SQL).bind(SLEMAN).bind(args.queue).execute(&pool).await?.rows_affected();
    println!("{inserted} work items waiting at L2 for Sleman in {:.1} s", started.elapsed().as_secs_f64());

    // 2. Proposals through the real APIs, waiting at L1 of Dinas Pendidikan.
    let units = state.reference.unor_of_instansi(SLEMAN).await?;
    let disdik = units
        .iter()
        .find(|u| u.nama == "Dinas Pendidikan")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("demo unit Dinas Pendidikan missing"))?;
    let targets: Vec<UnitTarget> = units
        .iter()
        .filter(|u| u.path.starts_with(&disdik.path))
        .map(|u| UnitTarget {
            instansi_id: u.instansi_id,
            unor_id: u.id,
            region_code: "340401".into(),
            jenis_pegawai: "2".into(),
        })
        .collect();
    let started = std::time::Instant::now();
    let records = generate(&GeneratorConfig { seed: 1_010_000 }, &targets, args.proposals);
    let mut nips = Vec::new();
    for record in &records {
        // A NIP the demo world already has is left to it.
        if state.personnel.insert_master(record).await? {
            nips.push(record.pns.nip.clone());
        }
    }
    let nips = Arc::new(nips);
    let mut lanes = tokio::task::JoinSet::new();
    for lane in 0..LANES {
        let (state, nips, scan_kib) = (state.clone(), nips.clone(), args.scan_kib);
        lanes.spawn(async move {
            let (mut sent, mut refused) = (0usize, 0usize);
            for (i, nip) in nips.iter().enumerate().skip(lane).step_by(LANES) {
                let alamat = format!("Jl. Kaliurang Km {}, No. {}, Ngaglik, Sleman", 5 + i % 20, 1 + i % 150);
                let filled = state
                    .personnel
                    .fill_for_sending(nip, move |form, _| {
                        form.data_utama.alamat = alamat;
                        if i % 2 == 0 {
                            form.data_utama.telepon = format!("08{:010}", 1_2345_6789u64 + i as u64 * 7_919);
                        }
                    })
                    .await;
                let usulan = match filled {
                    Ok(usulan) => usulan,
                    // A generated record whose master does not pass today's rules: skipped.
                    Err(personnel::UsulanError::Incomplete { .. }) => {
                        refused += 1;
                        continue;
                    }
                    Err(e) => return Err(anyhow::anyhow!("filling {nip}: {e:?}")),
                };
                if scan_kib > 0 {
                    let scan = scan(nip, scan_kib);
                    let uploaded =
                        state.personnel.upload_document(nip, Bagian::DataUtama, None, "ktp.pdf", &scan).await;
                    uploaded.map_err(|e| anyhow::anyhow!("scan of {nip}: {e:?}"))?;
                }
                let nama = usulan.master.pns.nama.clone();
                state.verification.send(&usulan, usulan.versi, &nama).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
                sent += 1;
            }
            anyhow::Ok((sent, refused))
        });
    }
    let (mut sent, mut refused) = (0, 0);
    while let Some(lane) = lanes.join_next().await {
        let (s, r) = lane??;
        sent += s;
        refused += r;
    }
    println!(
        "{sent} proposals sent to L1 through the APIs ({refused} generated records refused by the form rules) in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    sqlx::query("ANALYZE").execute(&pool).await?;

    // 3. Sessions: the L2 verifier of the queue, and the L1 verifiers of the decisions.
    let identity = &state.identity;
    let verif2 = identity.sign_in("verif2.sleman", DEMO_PASSWORD, "bench-verif2", "bench").await?;
    std::fs::write(args.out_dir.join("verif2.cookie"), format!("sipupns_sesi={}\n", verif2.token))?;
    let scope = Scope {
        instansi_id: Some(SLEMAN),
        unor_id: Some(disdik.id),
        unor_path: Some(disdik.path.clone()),
        ..Scope::default()
    };
    let mut cookies = Vec::new();
    for n in 1..=args.verifiers {
        let username = format!("bench.l1.{n:02}");
        let id = identity
            .ensure_account(NewAccount {
                nip: None,
                username: Some(&username),
                nama: &format!("Verifikator Bench {n:02} Dinas Pendidikan"),
                email: None,
                password: PASSWORD,
                instansi_id: Some(SLEMAN),
                unor_id: Some(disdik.id),
                active: true,
            })
            .await?;
        identity.ensure_grant(id, Role::VerifikatorL1, scope.clone()).await?;
        let signed_in = identity.sign_in(&username, PASSWORD, &format!("bench-l1-{n}"), "bench").await?;
        cookies.push(format!("sipupns_sesi={}", signed_in.token));
    }
    std::fs::write(args.out_dir.join("verif-l1-sessions.txt"), cookies.join("\n") + "\n")?;

    // 4. The deep page's cursor.
    let deep: Option<(OffsetDateTime, Uuid)> = sqlx::query_as(
        "SELECT dikirim, id FROM verifikasi_item
         WHERE status = 'menunggu' AND tingkat = 2 AND instansi_id = $1
         ORDER BY dikirim, id OFFSET $2 LIMIT 1",
    )
    .bind(SLEMAN)
    .bind(args.deep.max(1) - 1)
    .fetch_optional(&pool)
    .await?;
    let cursor = deep.map(|(dikirim, id)| format!("{}.{id}", dikirim.unix_timestamp_nanos())).unwrap_or_default();
    std::fs::write(args.out_dir.join("verif-deep-cursor.txt"), format!("{cursor}\n"))?;
    println!("{} L1 sessions, deep cursor {cursor}, in {}", cookies.len(), args.out_dir.display());
    Ok(())
}

/// `$2` work items waiting at L2 for instansi `$1`: Javanese and Indonesian names, NIPs
/// built from birth date, TMT CPNS and gender as real ones are, units of the instansi's
/// tree, most with a document, a few with a "[?]" flag, sent over the last eight weeks.
const QUEUE_SQL: &str = r#"
WITH units AS (
    SELECT array_agg(path ORDER BY path) AS paths FROM unor WHERE instansi_id = $1
), depan AS (
    SELECT ARRAY['Agus','Budi','Dwi','Eko','Sri','Siti','Ahmad','Muhammad','Nur','Joko','Rina','Dewi',
                 'Bambang','Hadi','Wahyu','Yuli','Endang','Suharti','Slamet','Sugeng','Retno','Ratna',
                 'Tri','Puji','Heru','Indah','Lestari','Rahmat','Fitri','Ani','Bayu','Dian','Hendra',
                 'Kurnia','Lina','Maya','Nanik','Putri','Rudi','Teguh'] AS n
), belakang AS (
    SELECT ARRAY['Santoso','Wibowo','Susanto','Setiawan','Hidayat','Purnomo','Rahayu','Lestari',
                 'Nugroho','Saputra','Kurniawan','Handayani','Wahyuni','Prasetyo','Sulistyo','Utami',
                 'Wulandari','Hartono','Suryani','Pratama','Maryati','Sutrisno','Kusuma','Haryanto',
                 'Widodo','Astuti','Permana','Rahman','Yulianto','Mulyani','Sari','Hakim','Firmansyah',
                 'Anggraini','Syahputra','Gunawan','Fauzi','Ramadhan','Cahyani','Budiman'] AS n
), baris AS (
    SELECT g,
           date '1966-01-01' + (random() * 11700)::int AS lahir,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM generate_series(1, $2::bigint) AS g
)
INSERT INTO verifikasi_item (id, usulan_id, putaran, tingkat, tingkat_rute, status, nip, nama, instansi_id,
                             jenis_instansi, unor_path, kanreg_id, tanggal_lahir, ada_dokumen, ada_tanda,
                             jumlah_perubahan, dikirim)
SELECT gen_random_uuid(), gen_random_uuid(), 1 + (g % 10 = 0)::int, 2, ARRAY[1, 2, 3]::smallint[], 'menunggu',
       to_char(b.lahir, 'YYYYMMDD')
         || to_char(b.lahir + interval '22 years' + (g % 120) * interval '1 month', 'YYYYMM')
         || (1 + g % 2)::text || lpad((g % 997 + 1)::text, 3, '0'),
       depan.n[1 + floor(b.r1 * array_length(depan.n, 1))::int] || ' '
         || belakang.n[1 + floor(b.r2 * array_length(belakang.n, 1))::int],
       $1, 'daerah', units.paths[1 + floor(b.r3 * array_length(units.paths, 1))::int], 1, b.lahir,
       b.r4 < 0.8, b.r4 > 0.97, 1 + (g % 9)::int,
       now() - interval '56 days' * b.r5
FROM baris b, units, depan, belakang
"#;

/// A document of `kib` KiB that reads as a PDF, different for each NIP (files are stored by
/// their content's hash).
fn scan(nip: &str, kib: usize) -> Vec<u8> {
    let mut bytes = format!("%PDF-1.4\n% scan of {nip}\n").into_bytes();
    bytes.resize(kib * 1024 - 6, b'.');
    bytes.extend_from_slice(b"\n%%EOF");
    bytes
}
