"""`make bench`: run every bench_*.py script in this folder and print their figures.

Benchmarks are scripts that print numbers, not timed tests. Pass names to run a subset:
`make bench BENCH_ARGS="store startup"`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.stem for name in argv)]
    failures = 0
    # The stores the benchmarks make are throw-away: their audit anchors' second copy goes to a temp
    # folder, never into this user's config folder (store/audit_anchors.py).
    with tempfile.TemporaryDirectory(prefix="rongcuo-bench-config-") as config:
        env = dict(os.environ, RONGCUO_CONFIG_DIR=config)
        for script in scripts:
            print(f"\n=== {script.stem} ===", flush=True)
            failures += subprocess.run([sys.executable, str(script)], check=False, env=env).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
