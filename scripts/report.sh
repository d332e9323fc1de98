#!/usr/bin/env bash
# `npm run report`: install what is missing, then execute every notebook in notebooks/ headlessly
# with the project-local tslab kernel. Executed copies go to build/notebooks/, figures (SVG+PNG)
# to figures/ (written by the notebooks). One progress line per notebook, then a summary.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-install.sh || exit 1
bash scripts/ensure-jupyter.sh || exit 1
export JUPYTER_PATH="$PWD/.jupyter"
mkdir -p build/notebooks figures
shopt -s nullglob
notebooks=(notebooks/*.ipynb)
total=${#notebooks[@]}
ok=0; failed=()
start_all=$(date +%s)
i=0
for nb in "${notebooks[@]}"; do
  i=$((i + 1))
  name=$(basename "$nb")
  t0=$(date +%s)
  printf '[%d/%d] %s ...\n' "$i" "$total" "$name"
  log="build/notebooks/${name%.ipynb}.log"
  # Heartbeat: a line every 10 s with the notebook and elapsed time, so a long cell is visibly alive.
  ( while sleep 10; do echo "  ... ${name}: $(( $(date +%s) - t0 )) s elapsed"; done ) &
  beat=$!
  if (cd notebooks && jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=1200 \
        --output-dir ../build/notebooks "$name") >"$log" 2>&1; then
    ok=$((ok + 1)); echo "ok ($(( $(date +%s) - t0 )) s)"
  else
    failed+=("$name"); echo "FAILED ($(( $(date +%s) - t0 )) s) — see $log"
    tail -n 30 "$log" | sed 's/^/    /'
  fi
  kill "$beat" 2>/dev/null; wait "$beat" 2>/dev/null
done
nfig=$(find figures -type f \( -name '*.svg' -o -name '*.png' \) | wc -l)
echo "report: ${ok}/${total} notebooks ok in $(( $(date +%s) - start_all )) s; ${nfig} figure files in figures/; executed notebooks in build/notebooks/"
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
