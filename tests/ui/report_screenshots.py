"""Real X screenshots of the 报告 menu, the export dialog's preview, the batch export and 验证文件…
on a good file and on a changed one (docs/report-*.png); the document the GUI saved is also left in
OUT for pdftoppm. Not a test: run it on a virtual X server,

    Xvfb :58 -screen 0 1280x800x24 -nolisten tcp &
    DISPLAY=:58 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/report_screenshots.py OUT

Each frame is taken with ImageMagick's `import -window root`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(out: Path) -> int:
    os.environ["RONGCUO_CONFIG_DIR"] = tempfile.mkdtemp()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.reports import ops
    from rongcuo_desktop.ui.reports.batch import ReportBatchDialog
    from rongcuo_desktop.ui.reports.export_dialog import ReportExportDialog
    from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.shell.menus import MenuName
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.reports.test_reports import append_annotation
    from tests.ui.conftest import person_of, workspace_of
    from tests.ui.reports_scene import DECIDED, PINS, UNDECIDED, make_store

    apply_cjk_font(app)
    apply_theme(app)

    def pump(seconds: float = 0.6, until: Callable[[], bool] | None = None) -> None:
        end = time.time() + (60 if until else seconds)
        while time.time() < end and not (until and until()):
            app.processEvents()
            time.sleep(0.02)
        if until and not until():
            raise SystemExit("timed out waiting")
        app.processEvents()

    def snap(name: str) -> None:
        pump(0.5)
        subprocess.run(["import", "-window", "root", str(out / f"report-{name}.png")], check=True)

    data = Path(tempfile.mkdtemp()) / "data"
    data.mkdir()
    store = make_store(data)
    runner = TaskRunner()
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    person = person_of(store, "李秘书", PINS["李秘书"])
    window = MainWindow(workspace_of(store), person, runner, ini, data, credential_store_usable=False)
    features = WindowFeatures(window.context)
    reports = features.reports
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    model, table = window.cases.model, window.cases.table
    pump(until=lambda: model.rowCount() > 0 and not runner.busy)

    def select(doc_nos: list[str]) -> None:
        rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
        chooser = table.selectionModel()
        chooser.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        chooser.setCurrentIndex(model.index(rows[doc_nos[0]], 0), flags)
        for doc_no in doc_nos[1:]:
            chooser.select(model.index(rows[doc_no], 0), flags)

    # The 报告 menu as it opens on a decided case (its check answered), then on an undecided one.
    menu = window.context.menu(MenuName.REPORTS)
    bar = window.menuBar()
    at = bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft())
    for doc_no, name in ((DECIDED, "menu"), (UNDECIDED, "menu-undecided")):
        select([doc_no])
        pump(0.3)
        menu.popup(at)
        pump(until=lambda: not runner.busy)
        if name == "menu-undecided":  # the disabled action's tooltip says why
            first = reports.document_actions["备案报告"]
            menu.setActiveAction(first)
            rect = menu.actionGeometry(first)
            from PySide6.QtWidgets import QToolTip

            QToolTip.showText(menu.mapToGlobal(rect.center() + QPoint(40, 8)), first.toolTip(), menu)
        snap(name)
        menu.hide()
        pump(0.3)

    # 导出备案报告…: the sealed pages, then 保存… (the file chooser answered).
    select([DECIDED])
    pump(0.3)
    dialog = reports.export_document("备案报告")
    assert isinstance(dialog, ReportExportDialog)
    dialog.resize(900, 760)
    dialog.move(190, 20)
    pump(until=lambda: dialog.sealed is not None and bool(dialog.page_labels) and not runner.busy)
    snap("export")
    saved = out / f"备案报告-{DECIDED}.pdf"
    from rongcuo_desktop.ui.reports import export_dialog

    export_dialog.choose_file = lambda _p, _t, _s, _f, then, **_kw: then(saved)  # type: ignore[assignment]
    dialog.ui.saveButton.click()
    pump(until=lambda: saved.is_file() and "已保存" in dialog.ui.statusLabel.text())
    snap("export-saved")
    dialog.close()

    # 批量导出选中案件…: four cases (one undecided), finished.
    select(["容错〔2026〕1号", "容错〔2026〕2号", "容错〔2026〕3号", UNDECIDED])
    pump(0.3)
    batch = reports.export_batch()
    assert isinstance(batch, ReportBatchDialog)
    folder = out / "batch"
    folder.mkdir(exist_ok=True)
    batch.ui.folderEdit.setText(str(folder))
    batch.ui.startButton.click()
    pump(until=lambda: batch.ui.cancelButton.text() == "关闭")
    snap("batch")
    batch.close()

    # 验证文件… as the receiving authority: a good file, then the same file with an annotation appended.
    pem, _fingerprint = ops.root_certificate(workspace_of(store))
    root = out / "root.pem"
    root.write_bytes(pem)
    changed = out / f"备案报告-{DECIDED}-改动.pdf"
    changed.write_bytes(append_annotation(saved.read_bytes()))
    for file, name in ((saved, "verify-good"), (changed, "verify-changed")):
        verify = VerifyDialog(
            runner, QSettings(str(out / "receiver.ini"), QSettings.Format.IniFormat), parent=window
        )
        verify.resize(820, 640)
        verify.move(230, 60)
        verify.open()
        verify.ui.fileEdit.setText(str(file))
        verify.set_root(root)
        pump(until=lambda: not runner.busy)
        verify.ui.verifyButton.click()
        pump(until=lambda: verify.outcome is not None and not runner.busy)  # noqa: B023
        snap(name)
        verify.close()

    window.close()
    pump(0.5)
    runner.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
