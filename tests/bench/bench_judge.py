"""Judgment figures: one case with 9 members (median of many runs), and 10,000 cases in a batch.

Run alone (`python tests/bench/bench_judge.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    ExclusionStatus,
    Member,
    Score,
    dump_case_file,
    parse_case_file,
)
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.rulebook import DIMENSIONS, find_rulebook, load_rulebook
from rongcuo_desktop.paths import rulebooks_dir

REPEATS = 2000
BATCH = 10_000


def make_case(rng: random.Random, members: int = 9) -> CaseFile:
    base = rng.randint(1, 5)
    scored = [
        Member(
            f"m{i}",
            name=f"委员{i}",
            scores={d: Score(min(5, max(1, base + rng.choice((-1, 0, 0, 1)))), "理由") for d in DIMENSIONS},
        )
        for i in range(members - 1)
    ]
    scored.append(Member(f"m{members - 1}", recused=True, recusal_reason="利害关系"))
    conditions = {f"c{i}": rng.choice(list(ConditionStatus)) for i in range(1, 7)}
    exclusions = {
        f"x{i}": rng.choice([ExclusionStatus.NOT_CONFIRMED] * 20 + [ExclusionStatus.CONFIRMED])
        for i in range(1, 10)
    }
    case = Case(
        "容错〔2026〕1号", "张某某", "某局", "科长", applied_on=dt.date(2026, 1, 5), rulebook="fuzhou-2019@1"
    )
    return CaseFile(case, Checklist(("s8-2",), conditions, exclusions), tuple(scored))


def main() -> int:
    rulebook = find_rulebook("fuzhou-2019", rulebooks_dir())
    rng = random.Random(20260322)

    one = make_case(rng)
    for _ in range(50):  # warm up
        judge(one, rulebook)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        judge(one, rulebook)
        times.append(time.perf_counter() - start)
    print(
        f"judge one case, 9 members (8 scoring, 1 recused): median {statistics.median(times) * 1e6:.0f} µs, "
        f"p95 {sorted(times)[int(REPEATS * 0.95)] * 1e6:.0f} µs over {REPEATS} runs"
    )

    cases = [make_case(rng) for _ in range(BATCH)]
    start = time.perf_counter()
    results = [judge(cf, rulebook) for cf in cases]
    elapsed = time.perf_counter() - start
    counts: dict[str, int] = {}
    for result in results:
        label = result.recommendation.label if result.recommendation else "不作建议"
        counts[label] = counts.get(label, 0) + 1
    print(f"judge {BATCH:,} cases in a batch: total {elapsed:.2f} s, {elapsed / BATCH * 1e6:.0f} µs per case")
    print("  recommendations: " + "、".join(f"{k} {v}" for k, v in sorted(counts.items())))

    dumped = [dump_case_file(cf) for cf in cases]
    start = time.perf_counter()
    for data in dumped:
        judge(parse_case_file(data), rulebook)
    elapsed = time.perf_counter() - start
    print(
        f"parse case JSON + judge, {BATCH:,} cases: total {elapsed:.2f} s, "
        f"{elapsed / BATCH * 1e6:.0f} µs per case"
    )

    path = rulebooks_dir() / "fuzhou-2019.toml"
    start = time.perf_counter()
    for _ in range(20):
        load_rulebook(path)
    print(f"load and validate the fuzhou-2019 rulebook: {(time.perf_counter() - start) / 20 * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
