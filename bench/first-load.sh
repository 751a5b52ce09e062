#!/usr/bin/env bash
# Runs bench/first-load.mjs against the release build on a fresh database with the demo world:
# three runs with compressed assets, three asking for uncompressed ones (the server before #14).
# Build first: scripts/build-release.sh. Needs the Playwright runner (scripts/install-tools.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db="sipupns_firstload_$$"
data_dir=$(mktemp -d)
psql "$admin_url" -qc "CREATE DATABASE $db"
DATABASE_URL="${admin_url%/*}/$db" SIPUPNS_DATA_DIR="$data_dir" LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}" \
  LEPTOS_SITE_ADDR=127.0.0.1:3998 "$target_dir/release/server" --demo >"$data_dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db"; rm -rf "$data_dir"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:3998/healthz >/dev/null && break; sleep 1; done
node bench/first-load.mjs http://127.0.0.1:3998 3
node bench/first-load.mjs http://127.0.0.1:3998 3 identity
