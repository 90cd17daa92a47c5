#!/bin/bash
# Run a command inside the old Debian root, in a private mount namespace so nothing stays mounted.
# Usage: inroot.sh ROOT [--no-net] [--bind HOSTDIR:ROOTDIR[:ro]]... -- COMMAND...
# --no-net adds a fresh network namespace (loopback only): the smoke test proves the bundle needs none.
set -euo pipefail
root=$(realpath "$1"); shift
unshare_args=(-m --propagation private)
binds=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-net) unshare_args+=(-n); shift ;;
    --bind) binds+=("$2"); shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
script='set -e; r="$1"; shift; mount -t proc proc "$r/proc"; mount --bind /dev "$r/dev";
mkdir -p "$r/dev/shm"; mount -t tmpfs tmpfs "$r/dev/shm"; mount -t tmpfs tmpfs "$r/tmp";
n=$1; shift; i=0
while [ $i -lt $n ]; do spec=$1; shift; i=$((i+1));
  src=${spec%%:*}; rest=${spec#*:}; dst=${rest%%:*}; mode=${rest#"$dst"}
  mkdir -p "$r$dst"; mount --bind "$src" "$r$dst"
  [ "$mode" = ":ro" ] && mount -o remount,bind,ro "$r$dst"
done
[ -e /proc/self/net ] && ip link set lo up 2>/dev/null || true
exec chroot "$r" /usr/bin/env -i HOME=/root PATH=/opt/python/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 LC_ALL=C.UTF-8 ${SOURCE_DATE_EPOCH:+SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH} \
  ${PYTHONHASHSEED:+PYTHONHASHSEED=$PYTHONHASHSEED} "$@"'
exec unshare "${unshare_args[@]}" bash -c "$script" inroot "$root" "${#binds[@]}" "${binds[@]}" "$@"
