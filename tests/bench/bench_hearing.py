"""Hearing and scoring figures (GUI thread, offscreen), each with a floor measured in the same run.

- Switching hearing sections: the audience window shows the next slide and is repainted (1024x768
  and 1920x1080). Floor: repainting a bare widget of the same size. Goal: within one frame (16 ms).
- A ballot arrives: the judgment panel shows the new result (table, chart) and repaints; the
  audience window takes the new count and repaints. Floor: a bare widget's repaint. Goal: 16 ms.
- The scoring dialog, open to ready (built from its data, shown, first paint done). Floor: a bare
  QDialog the same. Goal: 100 ms.

The data is read before the clock starts (the database work runs on its own thread in the app).
Median and p95 of many runs; the machine's load average is printed on each line (2 cores shared
with other work: the p95 follows the load, the ratio to the floor less so).
Run alone (`python tests/bench/bench_hearing.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RONGCUO_CONFIG_DIR", tempfile.mkdtemp(prefix="rongcuo-bench-"))

RUNS = 200
DIALOG_RUNS = 30
FRAME_MS = 16.0
DIALOG_GOAL_MS = 100.0


@dataclasses.dataclass
class Samples:
    """Seconds per run: on the clock, and on the GUI thread's CPU (what the work itself costs; on a
    loaded machine the clock also counts the time other processes had the core)."""

    wall: list[float] = dataclasses.field(default_factory=list)
    cpu: list[float] = dataclasses.field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)


def figures(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def timed(work: Callable[[], object], runs: int) -> Samples:
    samples = Samples()
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.thread_time()
        work()
        samples.add(time.perf_counter() - start, time.thread_time() - cpu)
    return samples


def report(what: str, samples: Samples, floor: Samples, goal_ms: float) -> None:
    median, p95 = figures(samples.wall)
    cpu_median, cpu_p95 = figures(samples.cpu)
    floor_median, floor_p95 = figures(floor.wall)
    verdict = "within" if p95 <= goal_ms else "OVER"
    print(
        f"{what}: median {median:.2f} ms, p95 {p95:.2f} ms ({verdict} {goal_ms:.0f} ms; "
        f"GUI thread CPU median {cpu_median:.2f} ms, p95 {cpu_p95:.2f} ms); "
        f"floor median {floor_median:.2f} ms, p95 {floor_p95:.2f} ms; "
        f"ratio {median / max(floor_median, 1e-6):.1f}x; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )


def quiet_qt() -> None:
    """The offscreen platform says it cannot propagate size hints at every dialog: not a figure."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialog, QLabel

    quiet_qt()
    app = QApplication([])
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.theme import apply_theme

    apply_cjk_font(app)
    apply_theme(app)

    from rongcuo_desktop.domain.hearing import HearingView, Section
    from rongcuo_desktop.services import hearing, judgment
    from rongcuo_desktop.ui.hearing.audience import AudienceWindow
    from rongcuo_desktop.ui.judgment.panel import JudgmentPanel
    from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringDialog, ScoringMode
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from tests.ui.conftest import workspace_of
    from tests.ui.judgment_scene import make_scene

    print(f"load average {os.getloadavg()[0]:.2f} (2 cores shared)")
    data = Path(tempfile.mkdtemp(prefix="rongcuo-bench-hearing-")) / "data"
    scene = make_scene(data)
    ws = workspace_of(scene.store)
    runner = TaskRunner()
    chair = scene.person("王主任")
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, chair, runner, ini, data, credential_store_usable=False)
    ctx = window.context
    scene.score_all(["张委员", "赵委员", "钱委员", "孙委员"])

    # -- switching sections ----------------------------------------------------------------------
    for width, height in ((1024, 768), (1920, 1080)):
        audience = AudienceWindow()
        audience.resize(width, height)
        audience.show()
        audience.set_view(hearing.view(ws, chair, scene.case_id))
        app.processEvents()
        count = len(audience.slides)

        steps = itertools.count()

        def switch(
            audience: AudienceWindow = audience, count: int = count, step: Iterator[int] = steps
        ) -> None:
            audience.show_slide(next(step) % count)
            audience.repaint()

        bare = QLabel("容错〔2026〕3号　案件概要")  # a bare widget with a line of text: the floor
        bare.setAutoFillBackground(True)
        bare.resize(width, height)
        bare.show()
        app.processEvents()
        timed(switch, 20)
        samples = timed(switch, RUNS)
        floor = timed(bare.repaint, RUNS)
        report(f"hearing: switch section at {width}x{height} ({count} slides)", samples, floor, FRAME_MS)

        # A ballot arrives: the audience window takes the new count.
        audience.go_to(Section.BALLOTS)

        now = hearing.view(ws, chair, scene.case_id)
        arrived = itertools.count()

        def ballot_arrives(
            audience: AudienceWindow = audience, view: HearingView = now, counts: Iterator[int] = arrived
        ) -> None:
            audience.set_view(dataclasses.replace(view, submitted=next(counts) % 6))
            audience.repaint()

        samples = timed(ballot_arrives, RUNS)
        floor = timed(bare.repaint, RUNS)
        report(f"hearing: a ballot arrives, count shown at {width}x{height}", samples, floor, FRAME_MS)
        audience.close()
        bare.close()

    # -- the panel's chart when a ballot arrives ------------------------------------------------------
    panel = JudgmentPanel(ctx, scene.case_id)
    panel.resize(980, 720)
    panel.show()
    before = judgment.panel(ws, chair, scene.case_id)
    scene.score("李委员")
    after = judgment.panel(ws, chair, scene.case_id)
    states = [before, after]
    app.processEvents()
    flip = itertools.count()

    def chart_update() -> None:
        panel.show_panel(states[next(flip) % 2])
        panel.repaint()

    bare_panel = QLabel("研判建议：予以容错免责")
    bare_panel.setAutoFillBackground(True)
    bare_panel.resize(980, 720)
    bare_panel.show()
    app.processEvents()  # shown and exposed: a repaint before that paints nothing (a floor of 0 ms)
    timed(chart_update, 20)
    samples = timed(chart_update, RUNS)
    floor = timed(bare_panel.repaint, RUNS)
    report(
        "judgment panel: a ballot arrives, table and radar chart redrawn (980x720)", samples, floor, FRAME_MS
    )
    panel.close()

    # -- the scoring dialog: open to ready -------------------------------------------------------------
    form = judgment.ballot_form(ws, scene.person("李秘书"), scene.case_id)

    def open_to_ready(make: Callable[[], QDialog]) -> Samples:
        """Built from its data, shown, first paint done; closing it is not part of the figure."""
        samples = Samples()
        for run in range(DIALOG_RUNS + 3):
            start, cpu = time.perf_counter(), time.thread_time()
            dialog = make()
            dialog.show()
            dialog.repaint()
            if run >= 3:  # the first ones warm Qt's caches
                samples.add(time.perf_counter() - start, time.thread_time() - cpu)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        return samples

    def scoring() -> QDialog:
        return ScoringDialog(ctx, form, ScoringMode.PIN)

    def bare_dialog() -> QDialog:
        dialog = QDialog(window)
        dialog.resize(900, 640)
        return dialog

    samples = open_to_ready(scoring)
    floor = open_to_ready(bare_dialog)
    report("scoring dialog: open to ready (5 dimensions, 25 levels)", samples, floor, DIALOG_GOAL_MS)

    runner.shutdown()
    scene.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
