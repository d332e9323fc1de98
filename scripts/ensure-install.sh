#!/usr/bin/env bash
# Install what is missing for the Node side: `npm ci` when node_modules is absent or older than
# package-lock.json, then the TypeScript build (dist/) when it is missing or older than src/.
# Needs nothing but Node 20 + npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "aozora: installing npm dependencies (npm ci) ..."
  npm ci --no-audit --no-fund
fi
newest_src=$(find src -name '*.ts' -newer dist/index.js 2>/dev/null | head -n 1 || true)
if [ ! -f dist/index.js ] || [ -n "$newest_src" ]; then
  echo "aozora: building dist/ (tsc) ..."
  bash scripts/build.sh
fi
