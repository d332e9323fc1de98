#!/usr/bin/env bash
# Compile src/ to dist/ with the project's TypeScript (not tslab's bundled one, which owns the
# `tsc` name in node_modules/.bin) and make the command-line entry executable.
set -euo pipefail
cd "$(dirname "$0")/.."
node node_modules/typescript/bin/tsc -p tsconfig.build.json
chmod +x dist/cli/main.js
