"""Bad-input figures for the closing note: per group, tried / refused with the field named /
tracebacks / bytes changed, from the corpus in tests/bad_inputs.py (the test asserts the same).

Run alone (`python tests/bench/bench_bad_input.py`) or with `make bench`. The full-disk group needs a
private mount namespace (`unshare -m`, root); without one it says so and is left out.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests import bad_inputs, damage_inputs, disk_full


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bad-input-") as folder:
        tallies = bad_inputs.run_all(Path(folder))
        tallies.extend(damage_inputs.run_damaged_key_files(Path(folder) / "key-files"))
        tallies.append(damage_inputs.run_damaged_backups(Path(folder) / "backups"))
        if disk_full.namespace_available():
            tallies.append(disk_full.run(Path(folder) / "disk"))
        else:
            print("passphrase change on a full disk: skipped (needs unshare -m, i.e. root)")
    for tally in tallies:
        print(tally.line())
        for outcome in tally.failures():
            print(f"  NOT OK {outcome.name}: {outcome.traceback or outcome.message[:200]}")
    total = sum(t.tried for t in tallies)
    bad = sum(len(t.failures()) for t in tallies)
    print(f"all groups: {total} tried, {bad} not refused cleanly ({time.perf_counter() - started:.1f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
