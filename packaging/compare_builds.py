"""Compare two builds of the bundle (and their .debs): which files differ, and how much.

python packaging/compare_builds.py DIR_A DIR_B [DEB_A DEB_B]    # exit 1 when anything differs
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def compare_trees(a: Path, b: Path) -> list[str]:
    left, right = digests(a), digests(b)
    problems = [f"only in first: {name}" for name in sorted(left.keys() - right.keys())]
    problems += [f"only in second: {name}" for name in sorted(right.keys() - left.keys())]
    common = sorted(left.keys() & right.keys())
    problems += [f"differs: {name}" for name in common if left[name] != right[name]]
    print(f"bundle: {len(left)} files compared, {len(problems)} differences")
    return problems


def main(argv: list[str]) -> int:
    problems = compare_trees(Path(argv[0]), Path(argv[1]))
    for line in problems[:50]:
        print("  " + line)
    if len(argv) >= 4:
        same = Path(argv[2]).read_bytes() == Path(argv[3]).read_bytes()
        print(f".deb: {'byte-identical' if same else 'DIFFERENT'}")
        problems += [] if same else [".deb differs"]
    print("reproducible: " + ("yes" if not problems else "NO"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
