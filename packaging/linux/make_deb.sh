#!/bin/bash
# Pack the one-folder bundle as a .deb: /opt/rongcuo-desktop, /usr/bin launchers, desktop entry, icons.
# The package never touches user data (it lives in ~/.local/share/rongcuo-desktop); an upgrade only
# replaces program files, and the app migrates the store (backup first) when it next opens it.
# Usage: make_deb.sh BUNDLE_DIR ICON_DIR OUT_DEB
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$(dirname "$here")")
bundle=$(realpath "$1"); icons=$(realpath "$2"); deb=$3
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}
version=${DEB_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$repo/rongcuo_desktop/__init__.py")}
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"  # mktemp's 0700 would become the mode of / in the package
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/DEBIAN" \
  "$stage/usr/share/doc/rongcuo-desktop"
cp -a "$bundle" "$stage/opt/rongcuo-desktop"
rm -f "$stage/opt/rongcuo-desktop/build-info.json"
for exe in rongcuo-desktop rongcuo; do
  printf '#!/bin/sh\n# Launcher installed by the rongcuo-desktop package.\nexec /opt/rongcuo-desktop/%s "$@"\n' \
    "$exe" > "$stage/usr/bin/$exe"
  chmod 0755 "$stage/usr/bin/$exe"
done
install -m 0644 "$here/rongcuo-desktop.desktop" "$stage/usr/share/applications/rongcuo-desktop.desktop"
for size in 16 32 48 64 128 256; do
  install -D -m 0644 "$icons/rongcuo-desktop-$size.png" \
    "$stage/usr/share/icons/hicolor/${size}x${size}/apps/rongcuo-desktop.png"
done
install -D -m 0644 "$icons/rongcuo-desktop.svg" "$stage/usr/share/icons/hicolor/scalable/apps/rongcuo-desktop.svg"
# The licences of the fonts shipped in resources/fonts (whichever are there).
install -m 0644 "$repo"/resources/fonts/LICENSE-*.txt "$stage/usr/share/doc/rongcuo-desktop/"
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# What the bundle leaves to the system (see packaging/pyinstaller/bundle_policy.py SYSTEM_LIBRARIES and
# the libraries PyInstaller never bundles: libc, libGL/libEGL, libxcb). All in UOS V20 and Kylin V10;
# xcb-util, xkbcommon, X11 and GLib are bundled (bullseye builds, glibc-checked).
cat > "$stage/DEBIAN/control" <<CONTROL
Package: rongcuo-desktop
Version: $version
Section: office
Priority: optional
Architecture: amd64
Maintainer: rongcuo-desktop maintainers <rongcuo-desktop@localhost>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.28), libgl1, libegl1, libxcb1, libfontconfig1, libfreetype6, libpng16-16, libexpat1, libdbus-1-3, libsqlite3-0
Description: 容错免责委员会桌面工具 (offline, encrypted case store)
 Case register, five-dimension judgment against shipped rulebooks, hearings
 and filing reports for 容错免责 committees. Works without any network.
 Installs to /opt/rongcuo-desktop; user data stays in the user's home folder
 and is kept on upgrade and removal.
CONTROL
cat > "$stage/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
POSTINST
chmod 0755 "$stage/DEBIAN/postinst"
# Reproducible: fixed mtimes, root owner (--root-owner-group), sorted tar members (dpkg-deb sorts).
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$(dirname "$deb")"
# DEB_COMPRESS=gzip for the throwaway upgrade-test package (xz of 200 MB takes minutes on 2 cores).
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$stage" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1))"
