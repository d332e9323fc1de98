#!/usr/bin/env bash
# `npm run notebook [-- options]`: check the options, install what is missing (npm packages and
# dist/ as `npm test` does; Debian's Jupyter, the classic Notebook server and the CJK font as
# `npm run report` does), register the project-local "TypeScript (aozora)" kernel (.jupyter/),
# then start the Notebook server on notebooks/: 127.0.0.1 only, token authentication on.
# Options: scripts/notebook-server.mjs (or `npm run notebook -- --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
for a in "$@"; do case "$a" in -h|--help) exec node scripts/notebook-server.mjs --help ;; esac; done
node scripts/notebook-server.mjs --check-args "$@"
bash scripts/ensure-install.sh
bash scripts/ensure-jupyter.sh --server
exec node scripts/notebook-server.mjs "$@"
