#!/usr/bin/env bash
# Builds and starts SIPUPNS with the demo world on http://127.0.0.1:3000.
# Without DATABASE_URL the server keeps its own PostgreSQL in ./data.
# Extra arguments go to the server (see `target/debug/server --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
# `--split`: the lazy routes import a loader that only a split build writes (#14).
cargo leptos build --split
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-target/site}
target_dir=${CARGO_TARGET_DIR:-target}
exec "$target_dir/debug/server" --demo "$@"
