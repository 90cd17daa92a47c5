#!/bin/bash
# Build the Linux one-folder bundle inside the old root. Host side: prepares a clean copy of the
# working tree and the hash-checked wheelhouse, then runs PyInstaller in the chroot.
# Usage: build_bundle.sh OUTDIR DISTNAME      (bundle lands in OUTDIR/DISTNAME/rongcuo-desktop)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here"); repo=$(dirname "$pkg")
out=$(realpath "${1:?OUTDIR}"); dist=${2:-dist}
root="$out/root-bullseye"
[ -x "$root/opt/python/bin/python3" ] || { echo "no Python in $root: run build_python first" >&2; exit 1; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}
export PYTHONHASHSEED=${PYTHONHASHSEED:-0}
start=$(date +%s)
work="$out/work-$dist"; rm -rf "$work" "$out/$dist"; mkdir -p "$work/src" "$out/$dist"
if [ -n "${SRC_SNAPSHOT:-}" ]; then
  # The reproducibility check rebuilds from the first build's copy, not from a tree that moved on.
  cp -a "$SRC_SNAPSHOT/." "$work/src/"
else
  # Whatever is in the working tree now (other features land while this machinery exists).
  # No *.qm: setup.py compiles the translations inside the root, as every install does.
  tar -C "$repo" --exclude=__pycache__ --exclude='*.egg-info' --exclude='*.pyc' --exclude='build' \
    --exclude='*.qm' -cf - pyproject.toml setup.py README.md rongcuo_desktop resources packaging/pyinstaller \
    | tar -C "$work/src" -xf -
fi
# Same mtimes for every input, so nothing time-dependent leaks in through the copy.
find "$work/src" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
"$here/inroot.sh" "$root" \
  --bind "$work:/build" --bind "$out/$dist:/dist" \
  --bind "$out/wheelhouse-linux-x86_64:/wheelhouse:ro" --bind "$pkg/requirements:/requirements:ro" \
  -- bash -euo pipefail -c '
    python3 -m venv /build/venv
    . /build/venv/bin/activate
    pip install -q --no-index --find-links /wheelhouse --require-hashes -r /requirements/linux-x86_64.txt
    # Built from a throwaway copy, so the pristine src/ stays reusable as a snapshot.
    cp -a /build/src /build/src-build
    pip install -q --no-index --no-deps --no-build-isolation /build/src-build
    cd /build/src/packaging/pyinstaller
    pyinstaller --noconfirm --clean --log-level WARN --distpath /dist --workpath /build/pyi rongcuo.spec
  '
end=$(date +%s)
echo "{\"build_seconds\": $((end - start)), \"source_date_epoch\": $SOURCE_DATE_EPOCH}" > "$out/$dist/build-info.json"
echo "bundle: $out/$dist/rongcuo-desktop ($((end - start)) s)"
