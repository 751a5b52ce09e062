#!/usr/bin/env bash
# Verification benchmarks (issue #10, docs/PERFORMANCE.md "Verification (#10)"): on a fresh
# database, the demo world plus 1,000,000 work items waiting at L2 for Kabupaten Sleman and a
# few thousand real proposals waiting at L1 of its Dinas Pendidikan; then
#  1. the queue page of verif2.sleman, POST /api/verifikasi/antrian, with wrk at 10
#     connections: the first page, a page 500,000 rows deep, and name searches (with the
#     plans PostgreSQL picks for them);
#  2. decisions, POST /api/verifikasi/putus, by 50 L1 verifiers at once, each on its own items.
# Usage: bench/verifikasi.sh [queue-rows] [proposals] [duration]   (needs wrk: apt-get install wrk)
# BENCH_KEEP_DB=1 keeps (and reuses) the database; otherwise it is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
proposals=${2:-4000}
duration=${3:-20s}
admin=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=sipupns_verif_bench
url="${admin%/*}/$db"
port=${BENCH_PORT:-3810}
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
export SQLX_OFFLINE=true
cargo build --release -p server -p bench
target=${CARGO_TARGET_DIR:-target}/release
mkdir -p bench/out
if [ "${BENCH_KEEP_DB:-}" != 1 ] || ! psql "$admin" -Atqc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
  started=$(date +%s)
  "$target/bench-verifikasi-seed" --database-url "$url" --queue "$rows" --proposals "$proposals" --out-dir bench/out
  echo "== seeded in $(( $(date +%s) - started )) s"
fi
LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$url" RUST_LOG=warn "$target/server" >bench/out/verifikasi-server.log 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ "${BENCH_KEEP_DB:-}" != 1 ]; then psql "$admin" -qc "DROP DATABASE IF EXISTS $db" || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(psql "$admin" -Atqc 'show server_version')"
echo "== work items waiting at L2 for Sleman: $(psql "$url" -Atqc "SELECT count(*) FROM verifikasi_item WHERE status = 'menunggu' AND tingkat = 2 AND instansi_id = '51500000-0000-0000-0000-000000000002'")"
deep=$(head -1 bench/out/verif-deep-cursor.txt)
queue() { # name, body
  echo "== queue: $1, POST /api/verifikasi/antrian $2, verif2.sleman, 10 connections, $duration"
  curl -s -o /dev/null -w "   one request alone: HTTP %{http_code}, %{size_download} B, %{time_total} s\n" \
    -H "Cookie: $(cat bench/out/verif2.cookie)" -H 'Content-Type: application/json' -d "$2" \
    "http://127.0.0.1:$port/api/verifikasi/antrian"
  VERIF_BODY="$2" wrk -t2 -c10 -d"$duration" --latency -s bench/verifikasi_antrian.lua "http://127.0.0.1:$port" \
    | grep -E 'requests/s|Non-2xx|Socket errors'
}
queue "first page" '{"filter":{},"setelah":null}'
queue "page after row 500,000" "{\"filter\":{},\"setelah\":\"$deep\"}"
queue "search, a common first name" '{"filter":{"cari":"Siti"},"setelah":null}'
queue "search, a full name" '{"filter":{"cari":"Wahyu Kurniawan"},"setelah":null}'
queue "search, a name nobody has" '{"filter":{"cari":"Zulkarnain"},"setelah":null}'
queue "search, the start of a NIP" '{"filter":{"cari":"1985"},"setelah":null}'

# The plans of the query the service builds (services/verification/src/antrian.rs), as a
# prepared statement run often enough that PostgreSQL may switch to its generic plan.
plan() { # where-clause extra, parameters
  psql "$url" -q <<SQL
SET ROLE sipupns_app;
PREPARE q(smallint, uuid, text) AS
  SELECT id, nip, nama, putaran, dikirim, jumlah_perubahan, ada_dokumen, ada_tanda,
         CASE WHEN klaim_sampai > now() THEN klaim_nama END AS klaim_nama
  FROM verifikasi_item WHERE status = 'menunggu' AND tingkat = \$1 AND instansi_id = \$2 AND nama ILIKE \$3
  ORDER BY dikirim, id LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q(2, '51500000-0000-0000-0000-000000000002', '$1');
SQL
}
echo "== plan: search for a name nobody has"
plan '%Zulkarnain%'
echo "== plan: search for a full name"
plan '%Wahyu Kurniawan%'

echo "== decisions: POST /api/verifikasi/putus, 50 L1 verifiers of Dinas Pendidikan, each on its own items"
"$target/verifikasi-load" --url "http://127.0.0.1:$port" --database-url "$url" --connections 50 --seconds 120
