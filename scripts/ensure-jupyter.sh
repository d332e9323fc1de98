#!/usr/bin/env bash
# Install what is missing for the notebooks: Debian's Jupyter (nbconvert + nbclient) and the CJK
# font (apt-get, only when run as root and a package is absent), then register the tslab kernel
# in the project-local Jupyter path .jupyter/ (use it with JUPYTER_PATH=$PWD/.jupyter).
#   --server   also the classic Notebook server (jupyter-notebook), for `npm run notebook`
# The kernel starts through scripts/tslab-kernel.sh, which rebuilds dist/ when src/ changed.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs="jupyter-nbconvert python3-nbclient jupyter-client jupyter-core fonts-noto-cjk"
# The server only recommends ipywidgets (and through it a desktop stack): installed without recommends.
lean=""
[ "${1:-}" = "--server" ] && lean="jupyter-notebook"
absent() {
  local out=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out="$out $p"
  done
  echo "$out"
}
missing=$(absent $pkgs)
missing_lean=$(absent $lean)
if [ -n "$missing$missing_lean" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "aozora: installing Debian packages:$missing$missing_lean ..."
    apt-get update -qq
    [ -z "${missing// }" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    [ -z "${missing_lean// }" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing_lean >/dev/null
  else
    echo "aozora: missing Debian packages:$missing$missing_lean — run as root or: sudo apt-get install$missing$missing_lean" >&2
    exit 1
  fi
fi
kdir=.jupyter/kernels/tslab
mkdir -p "$kdir"
# JSON written by node, so that any characters in the project path are escaped.
node -e '
const root = process.argv[1];
const spec = {
  argv: ["/bin/bash", root + "/scripts/tslab-kernel.sh", "{connection_file}"],
  display_name: "TypeScript (aozora)",
  language: "typescript",
  metadata: { aozora: { project: root } },
};
require("fs").writeFileSync(process.argv[2], JSON.stringify(spec, null, 2) + "\n");
' "$PWD" "$kdir/kernel.json"
