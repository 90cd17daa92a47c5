"""Real X screenshots of the case list with filters on (docs/case-list-*.png). Not a test: run it on
a virtual X server, once per screen size:

    Xvfb :58 -screen 0 1024x768x24 -nolisten tcp &
    DISPLAY=:58 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/list_screenshots.py OUT 1024x768

The store holds the demo cases and 3,000 synthetic ones; the list shows 容错免责 cases of 2025 whose
text contains 审批, sorted by 当事人 (pinyin). Each frame is taken with ImageMagick's `import`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(out: Path, tag: str) -> int:
    os.environ["RONGCUO_CONFIG_DIR"] = tempfile.mkdtemp()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rongcuo_desktop.domain.case import CaseType
    from rongcuo_desktop.domain.demo import synthetic_cases
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.ui.conftest import person_of, workspace_of

    apply_cjk_font(app)
    apply_theme(app)

    def pump(seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    data = Path(tempfile.mkdtemp()) / "data"
    store = Store.create(data, os.urandom(32))
    store.add_demo_cases()
    store.add_cases(synthetic_cases(3000))
    runner = TaskRunner()
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        workspace_of(store), person_of(store), runner, ini, data, credential_store_usable=False
    )
    WindowFeatures(window.context)
    window.showMaximized()
    pump(3)
    cases = window.cases
    bar = cases.filter_bar
    bar.type_combo.setCurrentIndex(bar.type_combo.findData(CaseType.TOLERANCE.value))
    pump(0.5)
    bar.year_combo.setCurrentIndex(bar.year_combo.findData(2025))
    pump(0.5)
    cases.search_edit.setText("审批")
    pump(1)
    cases.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    pump(2)
    subprocess.run(["import", "-window", "root", str(out / f"case-list-filters-{tag}.png")], check=True)
    bar.save_action.trigger()
    pump(0.5)
    assert bar.dialog is not None
    bar.dialog.ui.nameEdit.setText("2025年审批类")
    pump(0.5)
    subprocess.run(["import", "-window", "root", str(out / f"case-list-save-filter-{tag}.png")], check=True)
    bar.dialog.ui.buttonBox.accepted.emit()
    pump(1.5)
    bar.saved_menu.popup(bar.saved_button.mapToGlobal(bar.saved_button.rect().bottomLeft()))
    pump(0.5)
    subprocess.run(["import", "-window", "root", str(out / f"case-list-saved-menu-{tag}.png")], check=True)
    bar.saved_menu.hide()
    window.close()
    runner.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
