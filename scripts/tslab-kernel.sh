#!/usr/bin/env bash
# Kernel launcher of the "TypeScript (aozora)" kernelspec (.jupyter/kernels/tslab/kernel.json,
# written by scripts/ensure-jupyter.sh). Notebooks import the library from dist/; this rebuilds
# dist/ from src/ (the project's TypeScript, scripts/build.sh) when a file in src/ is newer than
# the build, so a change to src/ is picked up by restarting the kernel, with no publish step.
# Then it replaces itself with tslab. Build errors do not stop the kernel (tsc still emits the
# JavaScript): they go to this terminal and, via AOZORA_BUILD_LOG, to the notebook as a warning
# when the library is loaded.
#   scripts/tslab-kernel.sh {connection_file}     start a kernel (what Jupyter runs)
#   scripts/tslab-kernel.sh --build-only          only the rebuild check (exit 0 built or up to date)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$root/.jupyter/last-kernel-build.log"
mkdir -p "$root/.jupyter"

needs_build() {
  [ -f "$root/dist/index.js" ] || return 0
  [ -n "$(find "$root/src" "$root/tsconfig.json" "$root/tsconfig.build.json" -newer "$root/dist/index.js" -print -quit 2>/dev/null)" ]
}

build_status=0
# One build at a time when several kernels start together (flock from util-linux).
exec 9>"$root/.jupyter/build.lock"
flock 9
if needs_build; then
  echo "aozora kernel: src/ changed, rebuilding dist/ ..." >&2
  t0=$(date +%s%N)
  if bash "$root/scripts/build.sh" >"$log" 2>&1; then
    : >"$log"
    echo "aozora kernel: dist/ rebuilt in $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
  else
    build_status=1
    # tsc writes its output even when it reports errors; touch the build so the next start does
    # not recompile the same broken sources again and again.
    [ -f "$root/dist/index.js" ] && touch "$root/dist/index.js" && touch "$log"
    echo "aozora kernel: src/ did not compile cleanly (dist/ may not match src/):" >&2
    sed -n '1,40p' "$log" >&2
  fi
fi
# A failed kernel build's log is stale once dist/ has been rebuilt since (e.g. by npm run build).
if [ -s "$log" ] && [ "$root/dist/index.js" -nt "$log" ]; then : >"$log"; fi
flock -u 9
exec 9>&-

if [ "${1:-}" = "--build-only" ]; then exit $build_status; fi
if [ $# -lt 1 ]; then echo "usage: $0 {connection_file} | --build-only" >&2; exit 2; fi
# The log is empty after a clean build (or kept from the last failed one while nothing changed).
if [ -s "$log" ]; then export AOZORA_BUILD_LOG="$log"; else unset AOZORA_BUILD_LOG; fi
exec "$root/node_modules/.bin/tslab" kernel --config-path "$1"
