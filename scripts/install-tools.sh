#!/usr/bin/env bash
# Installs what building, running and testing SIPUPNS needs, only when missing, from the
# package registries alone (apt, crates.io, npm). Usage: scripts/install-tools.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."
want_test_tools=${1:-}

log() { printf '\033[1;34m==> %s\033[0m\n' "$*"; }
apt_install() {
  log "apt-get install $*"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$@" >/dev/null \
    || { $SUDO apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

command -v cargo >/dev/null || { echo "Rust is required: install it with rustup (https://rustup.rs) first." >&2; exit 1; }

# PostgreSQL server binaries: the embedded database and the tests use them.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version >/dev/null 2>&1; then
  log "cargo install cargo-leptos 0.3.10 (about 17 minutes on 2 cores, once)"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi

# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "cargo install wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if [ "$want_test_tools" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  if [ ! -x end2end/node_modules/.bin/playwright ]; then
    log "npm ci (Playwright test runner; browsers come from Debian)"
    (cd end2end && npm ci --no-audit --no-fund)
  fi
fi
