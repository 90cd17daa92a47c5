"""The 报告 menu's GUI path, each figure beside a floor measured in the same run (offscreen Qt).

- click → dialog shown: 导出备案报告… triggered until the dialog is visible (the first click imports
  the dialog's module); floor: a bare QDialog with the same form shown.
- click → preview ready: until every page of the sealed document is on screen (sealed on the
  database worker, pages rendered by PDFium on the slow thread); floor: the same work called
  directly on this thread (ops.seal_for_preview + ops.render_pages at the same width).
- 保存…: click until the saved signal (write under a temporary name, fsync, rename, audit); floor:
  writing the same bytes to a new file with fsync.
- 验证: click until the verdict is shown; floor: the same check called directly (verifying.verify_file).
- batch: 批量导出 of the decided demo cases, every document and its 公开版, until the dialog says
  done; floor: the same documents sealed and written directly (ops.seal_case_document + write).

- first click of a fresh process → every page ready, with no warm-up and with the menu open for
  HAND_MS before the click (the menu loads reportlab, pyHanko, PDFium and the fonts on a slow thread).

Run alone (`python tests/bench/bench_reports_gui.py`) or with `make bench`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RONGCUO_CONFIG_DIR", tempfile.mkdtemp(prefix="rongcuo-bench-config-"))

REPEATS = 7


def load() -> str:
    return f"load average {os.getloadavg()[0]:.2f}"


def line(name: str, figure_ms: float, floor_ms: float, floor_name: str) -> None:
    print(f"{name}: median {figure_ms:.1f} ms; floor ({floor_name}) {floor_ms:.1f} ms; ", end="")
    print(f"ratio {figure_ms / floor_ms:.2f}; {load()}", flush=True)


HAND_MS = 800  # from the menu opening to the click on 导出备案报告… (a person's hand, roughly)


def main(argv: list[str]) -> int:
    """argv ["--first-click", "warm"|"cold"]: only the first click of a fresh process, after the menu
    was open for HAND_MS (its warm-up running) or with no warm-up at all."""
    first_only = argv[1] if argv[:1] == ["--first-click"] else ""
    from PySide6.QtCore import QItemSelectionModel, QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog

    def quiet(_kind: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen plugin's note on every dialog
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication([])
    from rongcuo_desktop.ui.forms.ui_report_export_dialog import Ui_ReportExportDialog
    from rongcuo_desktop.ui.reports import export_dialog, ops, verifying
    from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.shell.menus import MenuName
    from rongcuo_desktop.ui.tasks import TaskRunner
    from tests.ui.conftest import person_of, workspace_of
    from tests.ui.reports_scene import DECIDED, PINS, make_store

    def wait(until: Callable[[], bool], limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while not until():
            if time.perf_counter() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.001)

    def median(samples: list[float]) -> float:
        return statistics.median(samples) * 1000

    data = Path(tempfile.mkdtemp(prefix="rongcuo-bench-")) / "data"
    data.mkdir()
    out = data.parent / "out"
    out.mkdir()
    store = make_store(data)
    workspace = workspace_of(store)
    person = person_of(store, "李秘书", PINS["李秘书"])
    runner = TaskRunner()
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, person, runner, ini, data, credential_store_usable=False)
    reports = WindowFeatures(window.context).reports
    window.resize(1280, 800)
    window.show()
    model, table = window.cases.model, window.cases.table
    wait(lambda: model.rowCount() > 0 and not runner.busy)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(model.index(rows[DECIDED], 0), flags)
    case_id = int(store.cases.id_for_doc_no(DECIDED) or 0)
    action = reports.document_actions["备案报告"]
    action.setEnabled(True)
    if first_only == "warm" or not first_only:
        window.context.menu(MenuName.REPORTS).aboutToShow.emit()
        end = time.perf_counter() + HAND_MS / 1000
        wait(lambda: time.perf_counter() > end)

    shown: list[float] = []
    ready: list[float] = []
    width = 0
    dialog = None
    for _ in range(REPEATS + 1):
        start = time.perf_counter()
        action.trigger()
        dialog = reports.dialog
        assert isinstance(dialog, export_dialog.ReportExportDialog)
        wait(dialog.isVisible)
        app.processEvents()
        shown.append(time.perf_counter() - start)
        wait(lambda: dialog.sealed is not None and bool(dialog.page_labels) and not runner.busy)  # noqa: B023
        ready.append(time.perf_counter() - start)
        width = dialog._render_width()
        if len(shown) <= REPEATS:
            dialog.close()
            app.processEvents()
        if first_only:
            mode = f"the menu open {HAND_MS} ms before" if first_only == "warm" else "no warm-up"
            print(f"first click ({mode}) → every page ready: {ready[0] * 1000:.0f} ms", flush=True)
            runner.shutdown()
            store.close()
            return 0
    first_shown = shown.pop(0) * 1000
    first_ready = ready.pop(0) * 1000
    assert dialog is not None and dialog.sealed is not None
    pages = dialog.sealed.pages

    bare_shown: list[float] = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        bare = QDialog(window)
        form = Ui_ReportExportDialog()
        form.setupUi(bare)
        bare.open()
        app.processEvents()
        bare_shown.append(time.perf_counter() - start)
        bare.close()
        bare.deleteLater()
    bare_ready: list[float] = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        sealed = ops.seal_for_preview(workspace, person, case_id, ops.Kind.FILING, False)
        ops.render_pages(sealed.pdf, width)
        bare_ready.append(time.perf_counter() - start)
    print(
        f"备案报告 of {DECIDED}: {pages} pages, preview {width} px wide; first click ({HAND_MS} ms after ",
        end="",
    )
    print(
        f"the menu opened): shown {first_shown:.0f} ms, pages ready {first_ready:.0f} ms; {load()}",
        flush=True,
    )
    for mode in ("cold", "warm"):  # fresh processes: what the warm-up saves on the first click
        subprocess.run([sys.executable, __file__, "--first-click", mode], check=False, env=os.environ)
    line("click → dialog shown", median(shown), median(bare_shown), "bare QDialog with the same form")
    line("click → every page ready", median(ready), median(bare_ready), "seal + render called directly")

    saves: list[float] = []
    bare_saves: list[float] = []
    for n in range(REPEATS):
        target = out / f"saved-{n}.pdf"
        export_dialog.choose_file = lambda _p, _t, _s, _f, then, target=target, **_kw: then(target)  # type: ignore[assignment,misc]
        start = time.perf_counter()
        dialog.ui.saveButton.click()
        wait(lambda target=target: target.is_file() and not runner.busy and dialog.ui.saveButton.isEnabled())  # type: ignore[misc]
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        with open(out / f"bare-{n}.pdf", "wb") as file:
            file.write(dialog.sealed.pdf)
            file.flush()
            os.fsync(file.fileno())
        bare_saves.append(time.perf_counter() - start)
    line("保存… → saved (write, fsync, rename, audit)", median(saves), median(bare_saves), "write + fsync")
    dialog.close()

    pem, _fingerprint = ops.root_certificate(workspace)
    root = out / "root.pem"
    root.write_bytes(pem)
    saved = out / "saved-0.pdf"
    verify = VerifyDialog(
        runner, QSettings(str(out / "receiver.ini"), QSettings.Format.IniFormat), parent=window
    )
    verify.open()
    verify.ui.fileEdit.setText(str(saved))
    verify.set_root(root)
    wait(lambda: not runner.busy)
    checks: list[float] = []
    bare_checks: list[float] = []
    for _ in range(REPEATS + 1):
        verify.outcome = None
        start = time.perf_counter()
        verify.ui.verifyButton.click()
        wait(lambda: verify.outcome is not None and not runner.busy)
        checks.append(time.perf_counter() - start)
        assert verify.outcome is not None and verify.outcome.ok
        start = time.perf_counter()
        verifying.verify_file(saved, root)
        bare_checks.append(time.perf_counter() - start)
    line("验证 → verdict shown", median(checks[1:]), median(bare_checks[1:]), "verify_file called directly")
    verify.close()

    from rongcuo_desktop.ui.reports.state import case_state

    ids_of = {doc: int(store.cases.id_for_doc_no(doc) or 0) for doc in rows}
    decided = [doc for doc, cid in ids_of.items() if case_state(workspace, person, cid).decided]
    chooser = table.selectionModel()
    chooser.clearSelection()
    for doc_no in decided:
        chooser.select(model.index(rows[doc_no], 0), flags)
    batch = reports.export_batch()
    assert batch is not None
    folder = out / "batch"
    folder.mkdir()
    batch.ui.folderEdit.setText(str(folder))
    for check in (batch.ui.opinionCheck, batch.ui.feedbackCheck):
        check.setChecked(True)
    batch.ui.versionCombo.setCurrentIndex(2)  # 正式版和公开版
    start = time.perf_counter()
    batch.ui.startButton.click()
    wait(lambda: batch.ui.cancelButton.text() == "关闭" and not runner.busy, limit=600)
    total = time.perf_counter() - start
    written = len(list(folder.glob("*.pdf")))
    ids = [ids_of[doc] for doc in decided]
    start = time.perf_counter()
    direct = 0
    for number, cid in enumerate(ids):
        for kind in ops.Kind:
            for public in (False, True):
                sealed = ops.seal_case_document(workspace, person, cid, kind, public=public)
                (out / f"direct-{number}-{kind.name}-{int(public)}.pdf").write_bytes(sealed.pdf)
                direct += 1
    floor = time.perf_counter() - start
    each, floor_each = total / max(written, 1) * 1000, floor / max(direct, 1) * 1000
    print(
        f"batch of {written} documents ({len(decided)} decided cases, 3 kinds, 正式版 and 公开版): ", end=""
    )
    print(f"{total:.2f} s, {each:.1f} ms each (1,000 at this rate: {each:.0f} s; goal < 60 s); ", end="")
    print(f"floor (sealed and written directly, {direct} documents) {floor_each:.1f} ms each; ", end="")
    print(f"ratio {each / floor_each:.2f}; {load()}")
    batch.close()
    window.close()
    app.processEvents()
    runner.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
