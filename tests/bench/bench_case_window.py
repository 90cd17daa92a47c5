"""Open a case window: from the request (a double-click, Enter, Ctrl+O) to the window shown and filled.

The store holds 10,000 synthetic cases and one case with a full file (acceptance, investigation,
committee, hearing, decision, feedback, disclosure, filing, visits, typical mark). Each run opens
that case's window through the feature (CaseFileActions.open_case), waits for its `loaded` signal,
and closes it. The floor, measured in the same run: a bare QWidget with one label shown, plus one
round trip of a trivial named operation through the database thread. Goal: ≤ 150 ms (issue 12).

Run alone (`python tests/bench/bench_case_window.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the tests package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rongcuo_desktop.domain.case import ApplicantType, Case, Conclusion, Stage
from rongcuo_desktop.domain.case_file import MemberRole
from rongcuo_desktop.domain.casework import (
    Disclosure,
    DisclosureMethod,
    Feedback,
    FeedbackTo,
    Filing,
    Hearing,
    HearingKind,
    Investigation,
    TypicalMark,
    Visit,
)
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.casework import SeatSpec
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.bench.window_bench import bench_app, shown_window, store_with_chair, wait_for

RUNS = 25
D = dt.date
MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]


def full_case(store: Store, chair: Credential) -> int:
    case_id = store.cases.add(
        Case(
            doc_no="容错〔2025〕9号",
            party_name="谢明华",
            party_unit="某区行政审批局",
            party_position="科长",
            applicant_type=ApplicantType.UNIT,
            work_field="行政审批",
            applied_on=D(2025, 1, 12),
            accountability_matter="容缺办理人防事项审查",
            facts="推进重大产业项目建设中提出分步容缺审批方案。" * 40,
            rulebook="fuzhou-2019@1",
        ),
        by=chair,
    )
    cw = store.casework
    cw.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=chair)
    cw.add(
        case_id,
        Investigation(D(2025, 2, 1), "王某、李某", "查明属实。" * 50, "出于公心", "本人陈述"),
        by=chair,
    )
    cw.set_committee(
        case_id,
        [SeatSpec(n) for n in MEMBERS[:5]] + [SeatSpec(MEMBERS[5], MemberRole.NON_FIXED, "行政审批")],
        by=chair,
    )
    cw.add(case_id, Hearing(HearingKind.HEARING, D(2025, 2, 20), "专业人员", "符合第八条(二)"), by=chair)
    store.judgments.decide(case_id, Conclusion.EXEMPT, note="会议认定", decided_on=D(2025, 3, 2), by=chair)
    cw.add(case_id, Feedback(FeedbackTo.UNIT, D(2025, 3, 5)), by=chair)
    cw.add(
        case_id,
        Disclosure("全区", DisclosureMethod.CIRCULAR, D(2025, 3, 10), "谢某某出于公心，予以容错免责。"),
        by=chair,
    )
    cw.add(case_id, Filing("备〔2025〕7号", D(2025, 3, 12), "市纪委监委"), by=chair)
    cw.add(case_id, Visit(1, D(2025, 6, 3), "张某", "工作状态良好"), by=chair)
    cw.add(case_id, TypicalMark("谢某某容缺审批，予以容错免责。", D(2025, 3, 20)), by=chair)
    return case_id


class _Marker(QObject):
    done = Signal()


def _nothing() -> None:
    """A job that does nothing: the database thread's round trip."""


def main() -> int:
    app = bench_app(sys.argv)
    with tempfile.TemporaryDirectory(prefix="rongcuo-bench-window-") as tmp:
        data = Path(tmp) / "data"
        store, _key, acting = store_with_chair(data)
        store.accounts.add("李秘书", Role.SECRETARY, "222286", by=acting)
        for i, name in enumerate(MEMBERS):
            store.accounts.add(name, Role.MEMBER, f"{3000 + i}86", by=acting)
        store.add_cases(synthetic_cases(10_000, seed=7), by=acting)
        case_id = full_case(store, acting)
        person = store.authenticate("李秘书", "222286")
        runner = TaskRunner()
        window, features, _workspace = shown_window(store, data, person, runner)

        opened: list[float] = []
        cpu: list[float] = []  # the process's CPU time (both threads): the work, whatever the load
        for _ in range(RUNS + 3):
            started, cpu_started = time.perf_counter(), time.process_time()
            case_window = features.casefile.open_case(case_id)
            assert case_window is not None
            wait_for(case_window.loaded)  # type: ignore[attr-defined]
            app.processEvents()  # the window's first paint
            opened.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            case_window.close()
            app.processEvents()
        opened, cpu = opened[3:], cpu[3:]  # the first opens import the case window's modules

        floors: list[float] = []
        for _ in range(RUNS):
            started = time.perf_counter()
            bare = QWidget()
            layout = QVBoxLayout(bare)
            layout.addWidget(QLabel("容错〔2025〕9号"))
            bare.show()
            marker = _Marker()
            wait_for(
                marker.done,
                lambda m=marker: runner.run_db(_nothing, receiver=m, done=lambda _r, m=m: m.done.emit()),
            )
            app.processEvents()
            floors.append((time.perf_counter() - started) * 1000)
            bare.close()
            bare.deleteLater()

        window.close()
        runner.shutdown()
        store.close()
    median, p95 = statistics.median(opened), sorted(opened)[int(len(opened) * 0.95) - 1]
    floor = statistics.median(floors)
    what = "open a case window (10,000 cases in the store, a full case file)"
    print(f"{what}: median {median:.0f} ms, p95 {p95:.0f} ms")
    print(
        "  CPU time of the process per open (the work itself, without the wait for a busy CPU): "
        f"median {statistics.median(cpu):.0f} ms"
    )
    print(f"floor (a bare widget shown + one database-thread round trip): median {floor:.1f} ms")
    print(
        f"ratio to the floor: {median / floor:.1f}x; goal ≤ 150 ms: {'met' if median <= 150 else 'NOT met'}"
    )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
