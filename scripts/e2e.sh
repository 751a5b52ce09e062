#!/usr/bin/env bash
# Builds the site, starts the server with the demo world on a fresh database, and runs the
# Playwright journeys in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# `--split`: the lazy routes import a loader that only a split build writes (#14).
# Arguments go to Playwright (a spec, `-g`); E2E_PROFILE=release builds and runs the release
# build instead of the debug one.
profile=${E2E_PROFILE:-debug}
# The help desk's live streams end every 5 s (10 minutes in production), so the journeys also
# go through the browser's reconnect and resume.
if [ "$profile" = release ]; then cargo leptos build --split --release; else cargo leptos build --split; fi
target_dir=${CARGO_TARGET_DIR:-target}
db="sipupns_e2e_$$"
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
psql "$admin_url" -qc "CREATE DATABASE $db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
data_dir=$(mktemp -d)
db_url="${admin_url%/*}/$db"
DATABASE_URL="$db_url" SIPUPNS_DATA_DIR="$data_dir" LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  SIPUPNS_SIGNIN_PER_MINUTE=1000 SIPUPNS_HDS_STREAM_SECONDS=5 "$target_dir/$profile/server" --demo >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$data_dir"
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$log"; exit 1; }
# The verifier's service worker fetches for itself: this makes those fetches visible to
# `context.route`, which the offline journeys use to cut the network (playwright#2311).
export PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1
# On a failure the server's last lines come first and Playwright's own summary last, so the
# end of a CI log names the failed journey and its error.
report=$(mktemp)
(cd end2end && SIPUPNS_URL="http://127.0.0.1:$port" SIPUPNS_E2E_DATABASE_URL="$db_url" SIPUPNS_DATA_DIR="$data_dir" \
  npx playwright test "$@") 2>&1 | tee "$report" || {
  echo "--- server log (last 50 lines) ---"; tail -50 "$log"
  echo "--- Playwright failures ---"; sed -n '/^  [0-9]*) /,$p' "$report" | tail -150
  exit 1
}
