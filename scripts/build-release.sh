#!/usr/bin/env bash
# Release build (`cargo leptos build --release`) and the WASM size it ships, raw and brotli.
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
cargo leptos build --release
echo "release build: $(( $(date +%s) - start )) s"
wasm=target/site/pkg/sipupns.wasm
raw=$(stat -c %s "$wasm")
br=$(brotli -c -q 11 "$wasm" | wc -c)
echo "WASM: $raw bytes raw, $br bytes brotli ($wasm)"
echo "JS:   $(stat -c %s target/site/pkg/sipupns.js) bytes raw"
