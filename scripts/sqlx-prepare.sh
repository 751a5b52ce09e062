#!/usr/bin/env bash
# Refreshes the committed .sqlx/ query metadata after a query or migration changes.
# (`cargo sqlx prepare --workspace` would build app with ssr and hydrate together, which
# does not compile; the query macros write the same files when SQLX_OFFLINE_DIR is set.)
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=sipupns_prepare_$$
psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
for f in migrations/*.sql; do psql "${admin%/*}/$db" -q -v ON_ERROR_STOP=1 -f "$f"; done
rm -rf .sqlx && mkdir .sqlx
crates=(-p access -p identity -p personnel -p reference -p verification -p helpdesk -p reporting -p integration)
cargo clean "${crates[@]}"
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$PWD/.sqlx" DATABASE_URL="${admin%/*}/$db" cargo check "${crates[@]}" --all-targets
psql "$admin" -qc "DROP DATABASE $db"
echo ".sqlx: $(ls .sqlx | wc -l) queries"
