"""Export and import figures: 10,000 cases, each with a checklist, five members' scores (one of them
recused) and a decision, exported to a collection file, checked, and imported into a second store.

Run alone (`python tests/bench/bench_transfer.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sys
import tempfile
import time
from pathlib import Path

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_collection import dumps_collection
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    DecisionRecord,
    ExclusionStatus,
    Member,
    Score,
)
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.store.database import Store

COUNT = 10_000


def case_files(count: int) -> list[CaseFile]:
    checklist = Checklist(
        ("s8-2",),
        {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )
    scored = [
        Member(id=f"m{n}", name=f"委员{n}", scores={d: Score(4, "理由") for d in DIMENSIONS})
        for n in range(1, 5)
    ]
    members = (*scored, Member(id="m5", name="委员5", recused=True, recusal_reason="回避"))
    recorded = DecisionRecord("王主任", dt.datetime(2026, 4, 1, 8, 30, tzinfo=dt.UTC), "fuzhou-2019@1")
    files = []
    for case in synthetic_cases(count):
        case.rulebook, case.conclusion, case.decided_on = (
            "fuzhou-2019@1",
            Conclusion.EXEMPT,
            dt.date(2026, 4, 1),
        )
        files.append(CaseFile(case, checklist, members, "会议认定", recorded))
    return files


def cases_of(path: Path) -> list[dict[str, object]]:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return sorted(cases, key=lambda c: str(c["case"]["doc_no"]))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "source.json"
        exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        source.write_text(dumps_collection(case_files(COUNT), exported_at), encoding="utf-8")
        first = Store.create(root / "a", secrets.token_bytes(32))
        started = time.perf_counter()
        first.transfer.import_file(source)
        import_seconds = time.perf_counter() - started
        out = root / "export.json"
        started = time.perf_counter()
        first.transfer.export(out)
        export_seconds = time.perf_counter() - started
        first.close()
        second = Store.create(root / "b", secrets.token_bytes(32))
        started = time.perf_counter()
        second.transfer.preview_import(out)
        check_seconds = time.perf_counter() - started
        second.close()
        size = out.stat().st_size / (1024 * 1024)
        same = cases_of(out) == cases_of(source)
    print(f"cases: {COUNT:,} (checklist, 5 members with scores/recusal, decision each); file {size:.1f} MB")
    print(f"import (check + one transaction + {COUNT:,} audit events): {import_seconds:.2f} s")
    print(f"export (collection file): {export_seconds:.2f} s")
    print(f"check only (preview_import): {check_seconds:.2f} s")
    print(f"export equals the imported cases: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
