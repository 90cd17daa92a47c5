"""数据 → 导出选中案件… / 导出全部案件… / 导入案件…: cases between committee PCs (a USB stick).

The store does the work and keeps the promises (store/transfer.py: every check, the audit events,
no partial file, an import all or nothing); this module asks what a secretary expects to be asked
and runs the work on the database worker with progress and 取消:

- export: a save dialog (a dated name in the documents folder), a plain warning that the file is
  not encrypted and holds personal data, the export, then how many cases went to which file;
- import: an open dialog; the whole file is checked first, writing nothing, and a dialog shows what
  would happen (cases to add, 文号 already here, how scores are attributed, warnings); then the
  import; a refused file lists every problem. The list then shows the new cases, selected.

Created by DataSafety with the 数据 menu; the role table (permissions.py) decides who sees the
actions, and the store refuses the same below the UI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from rongcuo_desktop.domain.structured import parse_json, read_limited
from rongcuo_desktop.ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.transfer import ExportReport, ImportPlan, ImportReport

log = logging.getLogger(__name__)

FOLDER_KEY = "transfer/last_folder"
SHOW_PROGRESS_AFTER_MS = 400  # a few cases are done before a progress dialog could be read
_DOC_NOS_READ_LIMIT = 64 * 1024 * 1024  # naming the cases of a refused file is a courtesy, not a must


class TransferProgress(QProgressDialog):
    """A progress dialog that stays up after 取消 and says 正在取消… until the work has stopped: until
    then the export may still finish (the user is told so), and nothing else should start."""

    cancel_requested = Signal()

    def __init__(self, title: str, text: str, total: int, parent: QWidget) -> None:
        super().__init__(text, "", 0, total, parent)
        self.setWindowTitle(title)
        self.setCancelButtonText(self.tr("取消"))
        bar = QProgressBar(self)
        bar.setTextVisible(False)  # the label says "x / N 件"; a centred % vanished on the dark chunk
        self.setBar(bar)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.canceled.disconnect(self.cancel)  # QProgressDialog hides itself at once otherwise
        self.canceled.connect(self._cancel)
        self.stopping = False

    def _cancel(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        self.setLabelText(self.tr("正在取消…"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc: the same as 取消, never a hidden dialog over running work
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()

    def finish(self) -> None:
        self.hide()
        self.deleteLater()


class RefusedFile(Exception):
    """An ImportRefused with the 文号 found in the file (so the issues can name the cases)."""

    def __init__(self, refused: Any, doc_nos: list[str]) -> None:
        super().__init__(str(refused))
        self.refused = refused
        self.doc_nos = doc_nos


class CaseTransferActions(QObject):
    exported = Signal(object)  # ExportReport
    imported = Signal(object)  # ImportReport

    def __init__(
        self,
        window: QMainWindow,
        store: Callable[[], Store | None],
        runner: TaskRunner,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._runner = runner
        self._settings = settings
        self._busy = False
        self.dialog: QWidget | None = None  # the dialog or message shown last (tests answer it)
        self.progress: TransferProgress | None = None
        self.last_message = ""
        self.export_selected_action = QAction(self.tr("导出选中案件…"), window)
        self.export_selected_action.setStatusTip(self.tr("把列表中选中的案件导出为案件文件（明文 JSON）"))
        self.export_selected_action.triggered.connect(self.export_selected)
        self.export_all_action = QAction(self.tr("导出全部案件…"), window)
        self.export_all_action.setStatusTip(
            self.tr("把您能查看的全部案件导出为一个案件集合文件（明文 JSON）")
        )
        self.export_all_action.triggered.connect(self.export_all)
        self.import_action = QAction(self.tr("导入案件…"), window)
        self.import_action.setStatusTip(self.tr("从另一台电脑导出的案件文件导入案件；先检查，再导入"))
        self.import_action.triggered.connect(self.choose_import)

    @property
    def actions(self) -> tuple[QAction, QAction, QAction]:
        return self.export_selected_action, self.export_all_action, self.import_action

    @property
    def busy(self) -> bool:
        return self._busy

    # -- export ------------------------------------------------------------------------------------

    def selected_case_ids(self) -> list[int]:
        """The cases selected in the list, in the order shown."""
        table = getattr(self._window, "table", None)
        model = getattr(self._window, "model", None)
        if table is None or model is None or table.selectionModel() is None:
            return []
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        return [case_id for row in rows if (case_id := model.case_id(row)) is not None]

    def export_selected(self) -> None:
        ids = self.selected_case_ids()
        if not ids:
            self._tell(
                QMessageBox.Icon.Information,
                self.tr("导出案件"),
                self.tr("请先在案件列表中选择要导出的案件（按住 Ctrl 或 Shift 可选择多件）。"),
            )
            return
        self.export(ids)

    def export_all(self) -> None:
        self.export(None)

    def export(self, case_ids: Sequence[int] | None) -> None:
        """Ask where, warn that the file is plaintext, then export (None: every case one may read)."""
        if self._busy or self._store() is None:
            return
        chosen = self._choose_export_file()
        if chosen is None:
            return
        path, overwrite = chosen
        ids = list(case_ids) if case_ids is not None else None
        what = (
            self.tr("全部案件")
            if ids is None
            else self.tr("选中的 %1 件案件").replace("%1", str(len(ids)))
            if len(ids) > 1
            else self.tr("选中的 1 件案件")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("导出的文件没有加密"),
            self.tr("导出的文件没有加密，任何拿到它的人都能读取。"),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setInformativeText(
            self.tr(
                "文件中有当事人的姓名、单位、职务和案情，以及委员的评分、回避和认定结论等个人信息。"
                "请只复制到受保护的介质（如单位配发的加密U盘），不要通过网盘、邮件或聊天工具传送，"
                "用完及时删除。导出会记入审计记录。\n\n导出：%1\n保存到：%2"
            )
            .replace("%1", what)
            .replace("%2", str(path))
        )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("明白，导出"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Ok:
                self._run_export(path, ids, overwrite)

        box.finished.connect(answered)
        self.dialog = box
        box.open()

    def _choose_export_file(self) -> tuple[Path, bool] | None:
        folder = self._start_folder()
        name = default_export_name(folder, dt.date.today(), self.tr("容错案件导出"))
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("导出案件到"), str(folder / name), self.tr("案件文件 (*.json)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        typed = path
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        # The save dialog asked before replacing a file it showed; a name we completed it did not.
        overwrite = path == typed and path.exists()
        self._settings.setValue(FOLDER_KEY, str(path.parent))
        return path, overwrite

    def _run_export(self, path: Path, ids: list[int] | None, overwrite: bool) -> None:
        store = self._store()
        if store is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(self.tr("导出案件"), self.tr("正在导出案件…"), len(ids) if ids else 0)

        def work(context: TaskContext) -> ExportReport:
            return store.transfer.export(
                path,
                ids,
                collection=True if ids is None else None,
                overwrite=overwrite,
                progress=context.report,
                cancelled=lambda: context.cancelled,
            )

        def progressed(done: int, total: int) -> None:
            if not progress.stopping:
                progress.setMaximum(total)
                progress.setValue(done)
                progress.setLabelText(
                    self.tr("正在导出案件：%1 / %2 件").replace("%1", str(done)).replace("%2", str(total))
                )

        context = self._runner.run_db_with_progress(
            work,
            receiver=self,
            on_success=self._exported,
            on_failure=self._export_failed,
            on_progress=progressed,
            label="export cases",
        )
        progress.cancel_requested.connect(context.cancel)

    def _exported(self, report: ExportReport) -> None:
        self._end_progress()
        kind = self.tr("案件集合文件") if report.collection else self.tr("案件文件")
        text = (
            self.tr("已导出 %1 件案件（%2）到：\n%3")
            .replace("%1", str(report.count))
            .replace("%2", kind)
            .replace("%3", str(report.path))
        )
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("导出完成"),
            text,
            self.tr("文件没有加密：请只保存在受保护的介质上，用完及时删除。这次导出已记入审计记录。"),
        )
        self._window.statusBar().showMessage(
            self.tr("已导出 %1 件案件。").replace("%1", str(report.count)), 8000
        )
        self.exported.emit(report)

    def _export_failed(self, error: BaseException) -> None:
        self._end_progress()
        from rongcuo_desktop.store.transfer import TransferCancelled

        if isinstance(error, TransferCancelled):
            self.last_message = self.tr("导出已取消，没有留下任何文件。")
            self._window.statusBar().showMessage(self.last_message, 8000)
            return
        log.warning("export failed: %s", type(error).__name__)
        self._tell(QMessageBox.Icon.Warning, self.tr("导出未完成"), str(error) or type(error).__name__)

    # -- import ------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        if self._busy or self._store() is None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("选择要导入的案件文件"),
            str(self._start_folder()),
            self.tr("案件文件 (*.json);;所有文件 (*)"),
        )
        if chosen:
            self._settings.setValue(FOLDER_KEY, str(Path(chosen).parent))
            self.preview(Path(chosen))

    def preview(self, path: Path) -> None:
        """Check the whole file on the database worker (nothing is written) and show what would happen."""
        store = self._store()
        if store is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(
            self.tr("导入案件"), self.tr("正在检查 %1（尚未写入任何数据）…").replace("%1", path.name), 0
        )

        def work(context: TaskContext) -> ImportPlan:
            from rongcuo_desktop.store.transfer import ImportRefused

            try:
                # Existing 文号 are listed by the plan, not refused: the dialog offers to skip them.
                return store.transfer.preview_import(path, skip_existing=True)
            except ImportRefused as refused:
                raise RefusedFile(refused, doc_nos_in(path)) from refused

        def checked(plan: ImportPlan) -> None:
            stopped = progress.stopping
            self._end_progress()
            if not stopped:
                self._show_plan(path, plan)

        def failed(error: BaseException) -> None:
            stopped = progress.stopping
            self._end_progress()
            if not stopped:
                self._import_failed(error, path)

        context = self._runner.run_db_with_progress(
            work, receiver=self, on_success=checked, on_failure=failed, label="check import file"
        )
        progress.cancel_requested.connect(context.cancel)

    def _show_plan(self, path: Path, plan: ImportPlan) -> None:
        from rongcuo_desktop.ui.data.transfer_dialogs import ImportPreviewDialog

        dialog = ImportPreviewDialog(path.name, plan, self._window)
        self.dialog = dialog
        skip, count = dialog.skip_existing, dialog.to_import
        dialog.accepted.connect(lambda: self._run_import(path, skip, count))
        dialog.open()

    def _run_import(self, path: Path, skip_existing: bool, count: int) -> None:
        store = self._store()
        if store is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(self.tr("导入案件"), self.tr("正在导入案件…"), count)

        def work(context: TaskContext) -> ImportReport:
            from rongcuo_desktop.store.transfer import ImportRefused

            try:
                # skip_existing only when the user saw the clashes: a 文号 added since is refused.
                return store.transfer.import_file(
                    path,
                    skip_existing=skip_existing,
                    progress=context.report,
                    cancelled=lambda: context.cancelled,
                )
            except ImportRefused as refused:
                raise RefusedFile(refused, doc_nos_in(path)) from refused

        def progressed(done: int, total: int) -> None:
            if progress.stopping:
                return
            progress.setMaximum(total)
            progress.setValue(done)
            if done < total:
                text = self.tr("正在导入案件：%1 / %2 件").replace("%1", str(done)).replace("%2", str(total))
            else:
                text = self.tr("正在写入审计记录并保存…")
            progress.setLabelText(text)

        context = self._runner.run_db_with_progress(
            work,
            receiver=self,
            on_success=self._imported,
            on_failure=lambda error: self._import_failed(error, path),
            on_progress=progressed,
            label="import cases",
        )
        progress.cancel_requested.connect(context.cancel)

    def _imported(self, report: ImportReport) -> None:
        self._end_progress()
        self.show_cases(report.case_ids)
        changed = getattr(self._window, "cases_changed", None)
        if changed is not None:
            changed.emit()
        text = self.tr("已导入 %1 件案件，已在列表中选中。").replace("%1", str(len(report.imported)))
        details = []
        if report.skipped_existing:
            details.append(
                self.tr("跳过本库已有的文号（未覆盖）：%1").replace(
                    "%1", self._some(report.skipped_existing, self.tr("等，共 %1 件"))
                )
            )
        if report.members_by_name:
            details.append(
                self.tr("评分按原记录保留并注明姓名：%1").replace(
                    "%1", self._some(report.members_by_name, self.tr("等，共 %1 位"))
                )
            )
        details.append(self.tr("每件导入的案件都已记入审计记录。"))
        self._tell(QMessageBox.Icon.Information, self.tr("导入完成"), text, "\n\n".join(details))
        self._window.statusBar().showMessage(
            self.tr("已导入 %1 件案件。").replace("%1", str(len(report.imported))), 8000
        )
        self.imported.emit(report)

    @staticmethod
    def _some(names: Sequence[str], more: str, shown: int = 12) -> str:
        """A list for a message box: the first few, then how many in all (`more`, with %1)."""
        if len(names) <= shown:
            return "、".join(names)
        return "、".join(names[:shown]) + more.replace("%1", str(len(names)))

    def _import_failed(self, error: BaseException, path: Path) -> None:
        self._end_progress()
        from rongcuo_desktop.store.transfer import TransferCancelled

        if isinstance(error, RefusedFile):
            from rongcuo_desktop.ui.data.transfer_dialogs import ImportIssuesDialog

            dialog = ImportIssuesDialog(path.name, error.refused.issues, error.doc_nos, self._window)
            self.dialog = dialog
            self.last_message = str(error.refused)
            dialog.open()
            return
        if isinstance(error, TransferCancelled):
            self.last_message = self.tr("导入已取消，数据库没有任何改动。")
            self._window.statusBar().showMessage(self.last_message, 8000)
            return
        log.warning("import failed: %s", type(error).__name__)
        self._tell(QMessageBox.Icon.Warning, self.tr("导入未完成"), str(error) or type(error).__name__)

    def show_cases(self, case_ids: Sequence[int]) -> None:
        """Refresh the list and select the new cases; a search or stage filter that could hide them
        is cleared first (the secretary wants to see what came in)."""
        model = getattr(self._window, "model", None)
        table = getattr(self._window, "table", None)
        if model is None or table is None:
            return
        wanted = set(case_ids)

        def loaded(_shown: int) -> None:
            model.ids_loaded.disconnect(loaded)
            self._select(wanted)

        model.ids_loaded.connect(loaded)
        query = model.query
        if query.text or query.stage is not None:
            for name, clear in (("search_edit", "clear"), ("stage_combo", "")):
                widget = getattr(self._window, name, None)
                if widget is None:
                    continue
                widget.blockSignals(True)  # one query below, not one per widget
                if clear:
                    widget.clear()
                else:
                    widget.setCurrentIndex(0)
                widget.blockSignals(False)
            model.set_query(dataclasses.replace(query, text="", stage=None))
        else:
            model.refresh()

    def _select(self, wanted: set[int]) -> None:
        model = getattr(self._window, "model", None)
        table = getattr(self._window, "table", None)
        if model is None or table is None or not wanted:
            return
        rows = [row for row in range(model.rowCount()) if model.case_id(row) in wanted]
        if not rows:
            return
        selection = QItemSelection()
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(model.index(start, 0), model.index(previous, model.columnCount() - 1))
            if row is not None:
                start = previous = row
        chooser = table.selectionModel()
        first = model.index(rows[0], 0)
        chooser.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        chooser.select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(first)

    # -- shared ------------------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        last = str(self._settings.value(FOLDER_KEY, "") or "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _begin_progress(self, title: str, text: str, total: int) -> TransferProgress:
        progress = TransferProgress(title, text, total, self._window)
        progress.setValue(0)
        self.progress = progress
        return progress

    def _end_progress(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, informative: str = "") -> None:
        self.last_message = f"{text}\n{informative}".strip()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        if informative:
            box.setInformativeText(informative)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("确定"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()


def default_export_name(folder: Path, day: dt.date, prefix: str) -> str:
    """容错案件导出-2026-12-01.json, or -2, -3 … when that name is taken in the folder."""
    stem = f"{prefix}-{day.isoformat()}"
    name, n = f"{stem}.json", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}.json"
    return name


def doc_nos_in(path: Path) -> list[str]:
    """The 文号 of the cases of a collection file, by index, as far as they can be read ([] if not):
    they name the cases in the list of problems. Runs on the worker, after the store refused."""
    try:  # the domain's safe reader: never a pipe or a device, never a RecursionError
        data = parse_json(read_limited(path, "", _DOC_NOS_READ_LIMIT), "")
        cases = data.get("cases") if isinstance(data, dict) else None
        if not isinstance(cases, list):
            return []
        found = []
        for item in cases:
            case = item.get("case") if isinstance(item, dict) else None
            doc_no = case.get("doc_no") if isinstance(case, dict) else None
            found.append(doc_no if isinstance(doc_no, str) else "")
        return found
    except (OSError, ValueError):  # ValidationError is a ValueError
        return []
