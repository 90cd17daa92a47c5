"""Real X screenshots of the 案件统计 window over the main window (docs/stats-*.png). Not a test: run
it on a virtual X server of the size wanted:

    Xvfb :58 -screen 0 1024x768x24 -nolisten tcp &
    DISPLAY=:58 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/stats_screenshots.py OUT 1024x768

The store holds the demo cases, 3,000 synthetic ones and a few stage moves; the window is shown
over the whole screen with each breakdown in turn, taken with ImageMagick's `import -window root`.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(out: Path, tag: str) -> int:
    os.environ["RONGCUO_CONFIG_DIR"] = tempfile.mkdtemp()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rongcuo_desktop.domain.demo import synthetic_cases
    from rongcuo_desktop.domain.roles import Role
    from rongcuo_desktop.domain.stats import Breakdown
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.ui.conftest import person_of, workspace_of

    apply_cjk_font(app)
    apply_theme(app)

    def pump(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    folder = Path(tempfile.mkdtemp())
    store = Store.create(folder / "store", secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, "135790")
    chair = store.authenticate("王主任", "135790")
    store.add_demo_cases(by=chair)
    store.cases.add_missing(synthetic_cases(3000), by=chair)
    with store.write_session() as session:  # a few stage moves, so the days per stage have something
        conn = session.connection()
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id, applied_on FROM cases ORDER BY id LIMIT 400")]
        applied = dict(conn.exec_driver_sql("SELECT id, applied_on FROM cases ORDER BY id LIMIT 400").all())
        for n, case_id in enumerate(ids):
            day = dt.date.fromisoformat(str(applied[case_id]))
            for k, stage in enumerate(("accepted", "investigation", "hearing", "decision")[: 1 + n % 4]):
                day += dt.timedelta(days=3 + (n * 7 + k * 11) % 40)
                conn.exec_driver_sql(
                    "INSERT INTO case_stage_log (case_id, stage, entered_on, at, by_name, backward, reason)"
                    " VALUES (?, ?, ?, '', '王主任', 0, '')",
                    (case_id, stage, day.isoformat()),
                )
    runner = TaskRunner()
    ws = workspace_of(store)
    window = MainWindow(
        ws,
        person_of(store, "王主任", "135790"),
        runner,
        QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat),
        folder / "store",
        credential_store_usable=False,
    )
    features = WindowFeatures(window.context)
    window.showMaximized()
    pump(2.0)
    stats = features.stats.show_statistics()
    assert stats is not None
    stats.setGeometry(app.primaryScreen().availableGeometry())  # no window manager under Xvfb
    end = time.time() + 30
    while stats.view is None and time.time() < end:
        pump(0.2)
    for breakdown in (Breakdown.STAGE, Breakdown.FIELD, Breakdown.STAGE_DAYS):
        stats.select(breakdown)
        pump(1.0)
        target = out / f"stats-{breakdown.value}-{tag}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(target)
    runner.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
