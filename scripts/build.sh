#!/usr/bin/env bash
# Compile src/ to dist/ with the project's TypeScript (not tslab's bundled one, which owns the
# `tsc` name in node_modules/.bin), make the command-line entry executable and assemble the PMF
# WebAssembly kernels.
set -euo pipefail
cd "$(dirname "$0")/.."
node node_modules/typescript/bin/tsc -p tsconfig.build.json
chmod +x dist/cli/main.js
# WebAssembly SIMD kernels of the PMF solver: generated .wat assembled with wabt (scripts/wasm-kernels.cjs)
node scripts/wasm-kernels.cjs dist/sourceapport/wasm
