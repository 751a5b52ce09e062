#!/usr/bin/env bash
# Record-load benchmark (docs/PERFORMANCE.md): 100,000 generated PNS, 500 signed-in sessions,
# wrk at 100 connections against the server function the UI uses to load a full record,
# and against a bare axum + sqlx baseline in the same run (as sqlx ships, and without its
# ping before each query as the server runs), then the section-save driver.
# Usage: bench/run.sh [pns-count] [duration]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
duration=${2:-30s}
admin=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=sipupns_bench
url="${admin%/*}/$db"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
export SQLX_OFFLINE=true
cargo build --release -p server -p bench
target=${CARGO_TARGET_DIR:-target}/release
if [ "${BENCH_KEEP_DB:-}" != 1 ] || ! psql "$admin" -Atqc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
  mkdir -p bench/out
  "$target/bench-seed" --database-url "$url" --pns "$count"
fi
LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR=127.0.0.1:3800 DATABASE_URL="$url" RUST_LOG=warn "$target/server" &
server=$!
"$target/baseline" --database-url "$url" --addr 127.0.0.1:3900 &
baseline=$!
"$target/baseline" --database-url "$url" --addr 127.0.0.1:3901 --no-ping &
baseline_no_ping=$!
trap 'kill $server $baseline $baseline_no_ping 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:3800/healthz >/dev/null && curl -s -o /dev/null http://127.0.0.1:3900/pns/x && break; sleep 1; done
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(psql "$admin" -Atqc 'show server_version')"
echo "== PNS in database: $(psql "$url" -Atqc 'select count(*) from pns')"
echo "== record load: POST /api/pns/formulir (whole form, all sections), random signed-in PNS, 100 connections, $duration"
wrk -t2 -c100 -d"$duration" --latency -s bench/record_load.lua http://127.0.0.1:3800
echo "== baseline: GET /pns/{nip} (bare axum + sqlx, one row as JSON), 100 connections, $duration"
wrk -t2 -c100 -d"$duration" --latency -s bench/baseline.lua http://127.0.0.1:3900
echo "== the same baseline without sqlx's ping before each query (as the server runs), 100 connections, $duration"
wrk -t2 -c100 -d"$duration" --latency -s bench/baseline.lua http://127.0.0.1:3901
echo "== save section: POST /api/pns/simpan-bagian, 100 signed-in PNS each saving with the version it got back, ${duration%s} s"
"$target/save-load" --connections 100 --seconds "${duration%s}"
echo "== record load again: the PNS who saved above now have a stored draft, sent with the form, $duration"
wrk -t2 -c100 -d"$duration" --latency -s bench/record_load.lua http://127.0.0.1:3800
