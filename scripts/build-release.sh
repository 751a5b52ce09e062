#!/usr/bin/env bash
# Release build (`cargo leptos build --release --precompress`: hashed asset names, with .br and
# .gz files beside each, which the server sends as they are) and the sizes it ships.
# Needs wasm-opt from npm's binaryen@132 (Debian's is too old); installed on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
tools="$HOME/.cache/sipupns-tools"
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  mkdir -p "$tools" && (cd "$tools" && npm install --no-audit --no-fund binaryen@132 >/dev/null)
fi
command -v brotli >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends brotli >/dev/null
export PATH="$tools/node_modules/.bin:$PATH"
start=$(date +%s)
rm -rf target/site/pkg
cargo leptos build --release --precompress
echo "release build: $(( $(date +%s) - start )) s"
for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  echo "$(basename "$f"): $(stat -c %s "$f") bytes raw, $(stat -c %s "$f.br" 2>/dev/null || echo '?') brotli, $(stat -c %s "$f.gz" 2>/dev/null || echo '?') gzip"
done
