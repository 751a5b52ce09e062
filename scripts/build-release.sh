#!/usr/bin/env bash
# Release build (`cargo leptos build --release --precompress --split`: hashed asset names, each
# signed-in route's code in its own WASM chunk, with .br and .gz files beside each, which the
# server sends as they are) and the sizes it ships. LEPTOS_SITE_ROOT moves the site (default
# target/site). Needs wasm-opt from npm's binaryen@132 (Debian's is too old); installed on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
tools="$HOME/.cache/sipupns-tools"
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  mkdir -p "$tools" && (cd "$tools" && npm install --no-audit --no-fund binaryen@132 >/dev/null)
fi
command -v brotli >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends brotli >/dev/null
export PATH="$tools/node_modules/.bin:$PATH"
pkg="${LEPTOS_SITE_ROOT:-target/site}/pkg"
start=$(date +%s)
rm -rf "$pkg"
cargo leptos build --release --precompress --split
# cargo-leptos names the main JS before rewriting it (see the script): name it by its final content.
scripts/rehash-split.py "$pkg" "${CARGO_TARGET_DIR:-target}/release/hash.txt"
echo "release build: $(( $(date +%s) - start )) s"
for f in "$pkg"/*.wasm "$pkg"/*.js "$pkg"/*.css; do
  echo "$(basename "$f"): $(stat -c %s "$f") bytes raw, $(stat -c %s "$f.br" 2>/dev/null || echo '?') brotli, $(stat -c %s "$f.gz" 2>/dev/null || echo '?') gzip"
done
