#!/bin/bash
# Make (once) the old Debian root the Linux bundle is built and smoke-tested in.
# Debian 10 buster (glibc 2.28) is gone from the configured mirror and its archive is not reachable
# here, so the oldest root this machine can make is Debian 11 bullseye (glibc 2.31); the Python we
# build pins libm symbols to pre-2.29 versions and check_glibc.py holds the whole bundle to 2.28.
set -euo pipefail
out=${1:?usage: mkroot.sh OUTDIR}
suite=${SUITE:-bullseye}
mirror=${MIRROR:-http://deb.debian.org/debian}
root="$out/root-$suite"
here=$(cd "$(dirname "$0")" && pwd)
# Host tools: debootstrap for the root, binutils (readelf/objdump) for check_glibc.py.
missing=""; for tool in debootstrap:debootstrap readelf:binutils objdump:binutils; do
  command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
if [ ! -f "$root/.stamp-base" ]; then
  rm -rf "$root.tmp"
  nice -n 10 debootstrap --variant=minbase \
    --include=build-essential,pkg-config,xz-utils,libssl-dev,zlib1g-dev,libbz2-dev,liblzma-dev,libffi-dev,libsqlite3-dev,uuid-dev,ca-certificates,binutils,dpkg-dev \
    "$suite" "$root.tmp" "$mirror"
  mv "$root.tmp" "$root"
  touch "$root/.stamp-base"
fi
if [ ! -f "$root/.stamp-runtime" ]; then
  # Qt's xcb plugin and fontconfig come from the system on UOS/Kylin too; the bundle carries the rest.
  # deb-src of the next suite up gives the CPython source (apt-get source python3.11).
  echo "deb-src $mirror bookworm main" > "$root/etc/apt/sources.list.d/bookworm-src.list"
  "$here/inroot.sh" "$root" -- bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
    apt-get install -y -qq --no-install-recommends libglib2.0-0 libfontconfig1 libfreetype6 libegl1 libgl1 \
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
      libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 \
      libx11-xcb1 libdbus-1-3 fonts-dejavu-core xvfb xauth xdotool x11-apps fakeroot >/dev/null'
  touch "$root/.stamp-runtime"
fi
# Python 3.11 from Debian's source package, built once and kept in the root (/opt/python).
if [ ! -x "$root/opt/python/bin/python3" ]; then
  mkdir -p "$out/pysrc"
  "$here/inroot.sh" "$root" --bind "$out/pysrc:/build/pysrc" --bind "$here:/build/linux:ro" \
    -- bash /build/linux/build_python.sh
fi
echo "$root"
