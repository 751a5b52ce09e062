#!/usr/bin/env bash
# Live inbox benchmark (issue #12, docs/PERFORMANCE.md): 1,000 help-desk inboxes connected to
# the event stream while tickets and answers are written at 50 events a second for two
# minutes; delivery latency (p50/p95/p99) and the servers' peak RSS, first with one instance,
# then with the clients split over two instances on one database.
# Usage: bench/hds.sh [clients] [seconds] [rate]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-1000}
seconds=${2:-120}
rate=${3:-50}
admin=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=sipupns_bench_hds
url="${admin%/*}/$db"
export SQLX_OFFLINE=true
cargo build --release -p server -p bench --bin server --bin hds-stream-load
target=${CARGO_TARGET_DIR:-target}/release
# A thousand streams need a thousand sockets on each side: the soft limit up to the hard one.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((clients * 2 + 512)) ] || {
  echo "open-file limit $(ulimit -n) is too low for $clients clients" >&2
  exit 1
}
psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
start() { # port, extra flags
  LEPTOS_SITE_ROOT=target/site DATABASE_URL="$url" RUST_LOG=warn \
    "$target/server" --site-addr "127.0.0.1:$1" --data-dir "$data/$1" "${@:2}" &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 1; done
  echo "the server on port $1 did not start" >&2
  exit 1
}
start 3800 --demo
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(psql "$admin" -Atqc 'show server_version')"
echo "== one instance: $clients inboxes, $rate events/s for $seconds s"
"$target/hds-stream-load" --database-url "$url" --clients "$clients" --rate "$rate" --seconds "$seconds" \
  --urls http://127.0.0.1:3800 --pids "${pids[0]}"
start 3801
echo "== two instances on one database: $clients inboxes split between them, $rate events/s for $seconds s"
"$target/hds-stream-load" --database-url "$url" --clients "$clients" --rate "$rate" --seconds "$seconds" \
  --urls http://127.0.0.1:3800,http://127.0.0.1:3801 --pids "${pids[0]},${pids[1]}"
