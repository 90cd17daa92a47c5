#!/bin/bash
# Install the .deb in the old root and run smoke.py there with no network (fresh network namespace).
# Usage: smoke.sh OUTDIR DEB [UPGRADE_DEB]   (UPGRADE_DEB: a newer version installed over DEB mid-test)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$(dirname "$here")")
out=$(realpath "$1"); deb=$(realpath "$2")
upgrade=""; [ -n "${3:-}" ] && upgrade=/upgrade/$(basename "$3")
extra=(); [ -n "${3:-}" ] && extra=(--bind "$(dirname "$(realpath "$3")"):/upgrade:ro")
"$here/inroot.sh" "$out/root-bullseye" --no-net \
  --bind "$(dirname "$deb"):/debs:ro" --bind "$repo/docs:/src/docs:ro" --bind "$here:/pk:ro" --bind "$out:/out" \
  "${extra[@]}" -- env SMOKE_UPGRADE_DEB="$upgrade" bash -euo pipefail -c "
    dpkg -i /debs/$(basename "$deb") >/dev/null
    rc=0; python3 /pk/smoke.py || rc=\$?
    dpkg --purge rongcuo-desktop >/dev/null
    exit \$rc"
