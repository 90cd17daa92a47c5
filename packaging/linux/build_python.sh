#!/bin/bash
# Runs INSIDE the old root: build CPython from Debian's source package (python3.11 from bookworm,
# fetched with `apt-get source`) into /opt/python, shared libpython (PyInstaller needs it).
# Upstream tarball + Debian's security patches (CVE-* / gh-* in debian/patches/series); Debian's
# layout patches (multiarch, dist-packages) are left out because this Python lives in /opt.
set -euo pipefail
src=/build/pysrc
prefix=/opt/python
cd "$src"
[ -f python3.11_*.orig.tar.gz ] || apt-get source --download-only python3.11
rm -rf work && mkdir work && cd work
tar xf ../python3.11_*.orig.tar.gz
mkdir deb && tar xf ../python3.11_*.debian.tar.xz -C deb
cd Python-3.*
applied=0; skipped=""
while read -r p; do
  case "$p" in \#*|"") continue ;; esac
  case "$p" in *CVE*|*gh-*) ;; *) continue ;; esac
  # Dry run first: a half-applied patch (some hunks in, some not) breaks the build.
  if patch -p1 --forward --batch --dry-run < "../deb/debian/patches/$p" >/dev/null 2>&1; then
    patch -p1 --forward --batch --silent < "../deb/debian/patches/$p" >/dev/null
    applied=$((applied+1))
  else
    skipped="$skipped $p"
  fi
done < ../deb/debian/patches/series
# CVE-2026-4224's fix uses an internal header in pyexpat.c; 3.11.2's setup.py builds pyexpat without
# Py_BUILD_CORE_MODULE (Debian builds it in Modules/Setup), so define it the way 3.12's pyexpat.c does.
sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' Modules/pyexpat.c
echo "security patches applied: $applied; not applicable:${skipped:- none}" | tee "$src/patches.txt"
# sem_clockwait is glibc 2.30: answer "no" so the interpreter keeps to 2.28 symbols.
export ac_cv_func_sem_clockwait=no
CFLAGS="-O2 -include /build/linux/glibc228.h" \
LDFLAGS="-Wl,-rpath,$prefix/lib" \
  ./configure --prefix="$prefix" --enable-shared --with-ensurepip=install --without-static-libpython \
  > "$src/configure.log" 2>&1
nice -n 10 make -j2 > "$src/make.log" 2>&1
make install > "$src/install.log" 2>&1
# Debug info is two thirds of libpython (26 MB -> 4 MB); symbols for tracebacks stay.
find "$prefix" -name '*.so*' -type f -exec strip --strip-debug {} +
"$prefix/bin/python3" -c "import ssl, sqlite3, ctypes, lzma, bz2, zlib, uuid, pyexpat; import sys; print(sys.version)"
cd "$src" && rm -rf work  # the build tree (400 MB); the source package files stay for a rebuild
