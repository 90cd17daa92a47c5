"""Per-platform requirement files with hashes, and the offline wheelhouses they describe.

pip resolving on this machine picks Linux/glibc-2.36 wheels, which is wrong for the target PCs, so each
platform is resolved with `pip download --platform ... --only-binary=:all:` for CPython 3.11: the wheels
that land in the wheelhouse ARE the lock, and their sha256 go into `requirements/<platform>.txt`.

    python packaging/lock.py lock linux-x86_64      # resolve anew, rewrite requirements/linux-x86_64.txt
    python packaging/lock.py fetch windows-amd64    # wheelhouse from the committed file (hashes checked)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
REQ_DIR = HERE / "requirements"
PYTHON_VERSION = "3.11"

# glibc 2.28 is the ceiling on UOS V20 / Kylin V10: every manylinux tag at or below it, nothing above.
_MANYLINUX = ["manylinux_2_28", "manylinux_2_27", "manylinux_2_26", "manylinux_2_24", "manylinux_2_17"]
PLATFORMS: dict[str, list[str]] = {
    "linux-x86_64": [f"{t}_x86_64" for t in _MANYLINUX] + ["manylinux2014_x86_64", "manylinux1_x86_64"],
    # PySide6 6.8.1+ ships aarch64 wheels only as manylinux_2_39 (6.7.0-6.8.0.2: manylinux_2_31): no
    # PyPI Qt runs on glibc 2.28 aarch64 (Kylin V10 ARM). This wheelhouse is for glibc >= 2.39 boxes.
    "linux-aarch64": [f"manylinux_2_{n}_aarch64" for n in (39, 36, 35, 34, 31, 28, 27, 26, 24, 17)]
    + ["manylinux2014_aarch64"],
    "windows-amd64": ["win_amd64"],
}
# What a build machine needs on top of the app: the freezer. Bounded like the app's own deps.
BUILD_TOOLS = [
    "pyinstaller>=6.10,<7",
    "pyinstaller-hooks-contrib>=2024.8",
    "setuptools>=77,<81",
    "wheel>=0.43",
]
# pip evaluates environment markers for THIS machine (Linux) even with --platform, so dependencies
# marked `sys_platform == "win32"` / `platform_system == "Windows"` are dropped when resolving for
# Windows: keyring needs pywin32-ctypes, tzlocal (via pyHanko) needs tzdata, PyInstaller needs pefile
# and pywin32-ctypes. Listed here by hand; the Linux-only ones that slip in (SecretStorage, jeepney)
# are pure Python and harmless on Windows.
EXTRA: dict[str, list[str]] = {
    "windows-amd64": ["pywin32-ctypes>=0.2.1", "pefile>=2022.5.30,!=2024.8.26", "tzdata>=2024.1"],
}

_WHEEL_RE = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)-.*\.whl$")


def app_requirements() -> list[str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return list(data["project"]["dependencies"])


def pip_download_args(platform: str, dest: Path) -> list[str]:
    args = [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(dest), "--only-binary=:all:"]
    args += ["--python-version", PYTHON_VERSION, "--implementation", "cp"]
    for tag in PLATFORMS[platform]:
        args += ["--platform", tag]
    return args


def wheelhouse(platform: str) -> Path:
    return OUT / f"wheelhouse-{platform}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lock(platform: str) -> Path:
    dest = wheelhouse(platform)
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.whl"):
        old.unlink()
    reqs = app_requirements() + BUILD_TOOLS + EXTRA.get(platform, [])
    subprocess.run([*pip_download_args(platform, dest), *reqs], check=True)
    lines = [
        f"# {platform}, CPython {PYTHON_VERSION}: written by `python packaging/lock.py lock {platform}`.",
        f"# Platform tags: {' '.join(PLATFORMS[platform])}",
        "# Install offline: pip install --no-index --find-links WHEELHOUSE --require-hashes -r THIS_FILE",
    ]
    for wheel in sorted(dest.glob("*.whl"), key=lambda p: p.name.lower()):
        match = _WHEEL_RE.match(wheel.name)
        if not match:
            raise SystemExit(f"unexpected file in wheelhouse: {wheel.name}")
        name = match["name"].replace("_", "-").lower()
        lines.append(f"{name}=={match['version']} \\\n    --hash=sha256:{sha256(wheel)}")
        lines.append(f"    # {wheel.name}")
    target = REQ_DIR / f"{platform}.txt"
    REQ_DIR.mkdir(exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target.relative_to(REPO)}: {sum(1 for _ in dest.glob('*.whl'))} wheels")
    return target


def fetch(platform: str) -> Path:
    """Wheelhouse from the committed lock: same files, hashes checked by pip."""
    dest = wheelhouse(platform)
    dest.mkdir(parents=True, exist_ok=True)
    req = REQ_DIR / f"{platform}.txt"
    subprocess.run(
        [*pip_download_args(platform, dest), "--no-deps", "--require-hashes", "-r", str(req)], check=True
    )
    expected = {line.split("#", 1)[1].strip() for line in req.read_text().splitlines() if ".whl" in line}
    present = {p.name for p in dest.glob("*.whl")}
    for stale in present - expected:
        (dest / stale).unlink()
    missing = expected - present
    if missing:
        raise SystemExit(f"wheelhouse {dest} lacks: {', '.join(sorted(missing))}")
    print(f"{dest.relative_to(REPO)}: {len(expected)} wheels, hashes checked")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=["lock", "fetch"])
    parser.add_argument("platform", choices=sorted(PLATFORMS))
    args = parser.parse_args(argv)
    (lock if args.action == "lock" else fetch)(args.platform)
    return 0


if __name__ == "__main__":
    sys.exit(main())
