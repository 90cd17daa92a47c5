"""Fail when any ELF file in a folder needs a glibc symbol version newer than the target's.

UOS V20 and Kylin V10 ship glibc 2.28: a bundle file that asks for GLIBC_2.29 (say `exp@GLIBC_2.29`)
does not load there, whatever machine built it. We read each ELF's version needs (`readelf -V`), which
is what the dynamic loader checks, and name the symbols behind a too-new version (`objdump -T`).

    python packaging/check_glibc.py BUNDLE_DIR [--max 2.28]      # exit 1 and a list when too new
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

_NEED_RE = re.compile(r"Name:\s+GLIBC_(\d+(?:\.\d+)+)")
_FILE_RE = re.compile(r"File:\s+(\S+)")
_SYM_RE = re.compile(r"\(GLIBC_(\d+(?:\.\d+)+)\)\s+(\S+)")


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_glibc_versions(path: Path) -> set[str]:
    """GLIBC_x.y versions this file asks of libc/libm/libpthread/... (its .gnu.version_r entries)."""
    out = subprocess.run(
        ["readelf", "-V", "-W", str(path)], capture_output=True, text=True, check=False
    ).stdout
    needs: set[str] = set()
    in_needs = False
    for line in out.splitlines():
        if "Version needs section" in line:
            in_needs = True
        elif "Version definition section" in line or line.startswith("Version symbols section"):
            in_needs = False
        elif in_needs and (match := _NEED_RE.search(line)):
            needs.add(match.group(1))
    return needs


def symbols_needing(path: Path, versions: set[str]) -> list[str]:
    """The undefined dynamic symbols bound to the given GLIBC versions (for the report only)."""
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True, check=False).stdout
    found = []
    for line in out.splitlines():
        if "*UND*" not in line:
            continue
        match = _SYM_RE.search(line)
        if match and match.group(1) in versions:
            found.append(f"{match.group(2)}@GLIBC_{match.group(1)}")
    return sorted(set(found))


@dataclass
class Report:
    checked: int = 0
    newest: str = "0"
    offenders: dict[str, list[str]] = field(default_factory=dict)


def check_tree(root: Path, maximum: str) -> Report:
    limit = parse_version(maximum)
    report = Report()
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in paths:
        if path.is_symlink() or not is_elf(path):
            continue
        report.checked += 1
        needs = needed_glibc_versions(path)
        if not needs:
            continue
        newest = max(needs, key=parse_version)
        if parse_version(newest) > parse_version(report.newest):
            report.newest = newest
        too_new = {v for v in needs if parse_version(v) > limit}
        if too_new:
            rel = os.path.relpath(path, root) if root.is_dir() else path.name
            report.offenders[rel] = symbols_needing(path, too_new) or sorted(f"GLIBC_{v}" for v in too_new)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path, help="bundle folder (or one ELF file)")
    parser.add_argument("--max", default="2.28", help="newest glibc the target has (default 2.28)")
    args = parser.parse_args(argv)
    report = check_tree(args.path, args.max)
    if report.checked == 0:
        print(f"check_glibc: no ELF files under {args.path}", file=sys.stderr)
        return 2
    for rel, symbols in sorted(report.offenders.items()):
        print(f"TOO NEW  {rel}: {', '.join(symbols)}")
    verdict = "FAIL" if report.offenders else "OK"
    print(
        f"check_glibc {verdict}: {report.checked} ELF files, newest glibc needed {report.newest}, "
        f"target {args.max}, {len(report.offenders)} too new"
    )
    return 1 if report.offenders else 0


if __name__ == "__main__":
    sys.exit(main())
