#!/usr/bin/env bash
# Offline work on a throttled network (issue #11, docs/PERFORMANCE.md): on a fresh database,
# the demo world plus 80 proposals (each with a 300 KiB scan) waiting at L1 of Sleman's Dinas
# Pendidikan and its verifier `bench.l1.01` (bench/src/bin/bench-verifikasi-seed.rs); then
# Chromium, throttled to a 3G-like profile, takes 50 submissions offline with their documents and sends 50 decisions
# made offline (end2end/bench/luring.bench.ts), and prints the times.
# Usage: scripts/bench-luring.sh   (BENCH_PROFILE=debug for a debug build: quicker to build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${BENCH_PROFILE:-release}
flag=$([ "$profile" = release ] && echo --release || true)
export SQLX_OFFLINE=true
cargo leptos build --split $flag
cargo build $flag -p bench --bin bench-verifikasi-seed
target=${CARGO_TARGET_DIR:-target}/$profile
admin=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db="sipupns_luring_bench_$$"
url="${admin%/*}/$db"
out=$(mktemp -d)
psql "$admin" -qc "CREATE DATABASE $db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  kill "${server:-}" 2>/dev/null || true; wait "${server:-}" 2>/dev/null || true
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$out"
}
trap cleanup EXIT
# The seed writes documents where `Config::for_tests` puts them: the server reads them there.
data_dir="${TMPDIR:-/tmp}/sipupns-bench"
"$target/bench-verifikasi-seed" --database-url "$url" --queue 0 --proposals 80 --verifiers 1 --scan-kib 300 --out-dir "$out"
DATABASE_URL="$url" SIPUPNS_DATA_DIR="$data_dir" LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  RUST_LOG=warn "$target/server" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
export PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1
(cd end2end && SIPUPNS_URL="http://127.0.0.1:$port" SIPUPNS_E2E_DATABASE_URL="$url" SIPUPNS_BENCH_LOGIN=bench.l1.01 \
  npx playwright test --config playwright.bench.config.ts)
