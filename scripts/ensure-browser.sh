#!/usr/bin/env bash
# Install what is missing for the browser test (`npm run test:browser`): Debian's chromium
# (/usr/bin/chromium, driven by playwright-core over CDP), without recommended packages; apt-get
# only when run as root.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  if [ "$(id -u)" = "0" ]; then
    echo "aozora: installing Debian package: chromium ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "aozora: missing Debian package: chromium — run as root or: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
