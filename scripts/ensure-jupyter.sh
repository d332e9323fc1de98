#!/usr/bin/env bash
# Install what is missing for the notebooks: Debian's Jupyter (nbconvert + nbclient) and the CJK
# font (apt-get, only when run as root and a package is absent), then register the tslab kernel
# in the project-local Jupyter path .jupyter/ (use it with JUPYTER_PATH=$PWD/.jupyter).
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs="jupyter-nbconvert python3-nbclient jupyter-client jupyter-core fonts-noto-cjk"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "aozora: installing Debian packages:$missing ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "aozora: missing Debian packages:$missing — run as root or: sudo apt-get install$missing" >&2
    exit 1
  fi
fi
kdir=.jupyter/kernels/tslab
mkdir -p "$kdir"
cat > "$kdir/kernel.json" <<JSON
{
  "argv": ["$PWD/node_modules/.bin/tslab", "kernel", "--config-path", "{connection_file}"],
  "display_name": "TypeScript (aozora)",
  "language": "typescript"
}
JSON
