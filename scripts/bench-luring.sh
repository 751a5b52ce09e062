#!/usr/bin/env bash
# Offline work on a throttled network (docs/PERFORMANCE.md): takes 50 submissions offline and
# sends 50 decisions in Chromium, against the demo world, and prints the times.
# Runs the release build: scripts/e2e.sh with E2E_PROFILE=release and the bench config.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E_PROFILE=release exec scripts/e2e.sh --config playwright.bench.config.ts
