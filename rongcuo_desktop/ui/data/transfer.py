"""数据 → 导出选中案件… / 导出全部案件… / 导入案件…: cases between committee PCs (a USB stick).

The store does the work and keeps the promises (every check, the audit events, no partial file, an
import all or nothing); this module asks what a secretary expects to be asked and runs the work on
the database worker with progress and 取消:

- export: a save dialog (a dated name in the documents folder), a plain warning that the file is
  not encrypted and holds personal data, the export, then how many cases went to which file;
- import: an open dialog; the whole file is checked first, writing nothing, and a dialog shows what
  would happen (cases to add, 文号 already here, how scores are attributed, warnings); then the
  import; a refused file lists every problem. The list then shows the new cases, selected.

The role table decides who sees the actions (the 委员 sees neither); the store refuses the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.data import ops
from rongcuo_desktop.ui.data.transfer_progress import TransferProgress
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import choose_file, confirm, tell

if TYPE_CHECKING:
    from rongcuo_desktop.ui.data.ops import ExportReport, ImportPlan, ImportReport

log = logging.getLogger(__name__)

FOLDER_KEY = "transfer/last_folder"


class CaseTransferActions(QObject):
    exported = Signal(object)  # ExportReport
    imported = Signal(object)  # ImportReport

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._busy = False
        self.dialog: QWidget | None = None  # the dialog or message shown last (tests answer it)
        self.chooser: QWidget | None = None  # the file dialog shown last
        self.progress: TransferProgress | None = None
        self.last_message = ""
        window = ctx.window
        self.export_selected_action = QAction(self.tr("导出选中案件…"), window)
        self.export_selected_action.setObjectName("exportSelectedAction")
        self.export_selected_action.setStatusTip(self.tr("把列表中选中的案件导出为案件文件（明文 JSON）"))
        self.export_selected_action.triggered.connect(self.export_selected)
        self.export_all_action = QAction(self.tr("导出全部案件…"), window)
        self.export_all_action.setObjectName("exportAllAction")
        self.export_all_action.setStatusTip(
            self.tr("把您能查看的全部案件导出为一个案件集合文件（明文 JSON）")
        )
        self.export_all_action.triggered.connect(self.export_all)
        self.import_action = QAction(self.tr("导入案件…"), window)
        self.import_action.setObjectName("importAction")
        self.import_action.setStatusTip(self.tr("从另一台电脑导出的案件文件导入案件；先检查，再导入"))
        self.import_action.triggered.connect(self.choose_import)
        # An export reads the cases (and is audited, read-only or not); an import writes them.
        ctx.offer(MenuName.DATA, self.export_selected_action, Action.EXPORT)
        ctx.offer(MenuName.DATA, self.export_all_action, Action.EXPORT)
        ctx.offer(MenuName.DATA, self.import_action, Action.IMPORT, writes=True)

    @property
    def actions(self) -> tuple[QAction, QAction, QAction]:
        return self.export_selected_action, self.export_all_action, self.import_action

    @property
    def busy(self) -> bool:
        return self._busy

    # -- export ------------------------------------------------------------------------------------

    def export_selected(self) -> None:
        ids = self._ctx.cases.selected_case_ids()
        if not ids:
            self._tell(
                self.tr("导出案件"),
                self.tr("请先在案件列表中选择要导出的案件（按住 Ctrl 或 Shift 可选择多件）。"),
                icon=QMessageBox.Icon.Information,
            )
            return
        self.export(ids)

    def export_all(self) -> None:
        self.export(None)

    def export(self, case_ids: Sequence[int] | None) -> None:
        """Ask where, warn that the file is plaintext, then export (None: every case one may read)."""
        if self._busy or self._ctx.workspace is None:
            return
        folder = self._start_folder()
        name = default_export_name(folder, dt.date.today(), self.tr("容错案件导出"))
        ids = list(case_ids) if case_ids is not None else None
        self.chooser = choose_file(
            self._ctx.window,
            self.tr("导出案件到"),
            folder / name,
            self.tr("案件文件 (*.json)"),
            lambda chosen: self._warn_before_export(chosen, ids),
            save=True,
        )

    def _warn_before_export(self, chosen: Path, ids: list[int] | None) -> None:
        path = chosen if chosen.suffix.lower() == ".json" else chosen.with_name(chosen.name + ".json")
        # The save dialog asked before replacing a file it showed; a name we completed it did not.
        overwrite = path == chosen and path.exists()
        self._ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        if ids is None:
            what = self.tr("全部案件")
        elif len(ids) > 1:
            what = self.tr("选中的 %1 件案件").replace("%1", str(len(ids)))
        else:
            what = self.tr("选中的 1 件案件")
        self.dialog = confirm(
            self._ctx.window,
            self.tr("导出的文件没有加密"),
            self.tr("导出的文件没有加密，任何拿到它的人都能读取。"),
            self.tr("明白，导出"),
            lambda: self._run_export(path, ids, overwrite),
            informative=self.tr(
                "文件中有当事人的姓名、单位、职务和案情，以及委员的评分、回避和认定结论等个人信息。"
                "请只复制到受保护的介质（如单位配发的加密U盘），不要通过网盘、邮件或聊天工具传送，"
                "用完及时删除。导出会记入审计记录。\n\n导出：%1\n保存到：%2"
            )
            .replace("%1", what)
            .replace("%2", str(path)),
        )

    def _run_export(self, path: Path, ids: list[int] | None, overwrite: bool) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(self.tr("导出案件"), self.tr("正在导出案件…"), len(ids) if ids else 0)

        def progressed(done: int, total: int) -> None:
            if not progress.stopping:
                progress.setMaximum(total)
                progress.setValue(done)
                progress.setLabelText(
                    self.tr("正在导出案件：%1 / %2 件").replace("%1", str(done)).replace("%2", str(total))
                )

        from rongcuo_desktop.services import transfer  # store.transfer: off the start

        task = self._ctx.runner.run_db_with_progress(
            functools.partial(transfer.export, collection=True if ids is None else None, overwrite=overwrite),
            workspace,
            person,
            path,
            ids,
            receiver=self,
            done=self._exported,
            failed=self._export_failed,
            progress=progressed,
        )
        progress.cancel_requested.connect(task.cancel)

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
            self.tr("导出完成"),
            text,
            self.tr("文件没有加密：请只保存在受保护的介质上，用完及时删除。这次导出已记入审计记录。"),
            icon=QMessageBox.Icon.Information,
        )
        self._ctx.status(self.tr("已导出 %1 件案件。").replace("%1", str(report.count)), 8000)
        self.exported.emit(report)

    def _export_failed(self, error: BaseException) -> None:
        from rongcuo_desktop.services.errors import TransferCancelled  # store.transfer: off the start

        self._end_progress()
        if isinstance(error, TransferCancelled):
            self.last_message = self.tr("导出已取消，没有留下任何文件。")
            self._ctx.status(self.last_message, 8000)
            return
        log.warning("export failed: %s", type(error).__name__)
        self._tell(self.tr("导出未完成"), str(error) or type(error).__name__)

    # -- import ------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        if self._busy or self._ctx.workspace is None:
            return
        self.chooser = choose_file(
            self._ctx.window,
            self.tr("选择要导入的案件文件"),
            self._start_folder(),
            self.tr("案件文件 (*.json);;所有文件 (*)"),
            self._chosen_for_import,
        )

    def _chosen_for_import(self, chosen: Path) -> None:
        self._ctx.settings.setValue(FOLDER_KEY, str(chosen.parent))
        self.preview(chosen)

    def preview(self, path: Path) -> None:
        """Check the whole file on the database worker (nothing is written) and show what would happen."""
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(
            self.tr("导入案件"), self.tr("正在检查 %1（尚未写入任何数据）…").replace("%1", path.name), 0
        )

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

        task = self._ctx.runner.run_db_with_progress(
            ops.check_import, workspace, person, path, receiver=self, done=checked, failed=failed
        )
        progress.cancel_requested.connect(task.cancel)

    def _show_plan(self, path: Path, plan: ImportPlan) -> None:
        from rongcuo_desktop.ui.data.transfer_dialogs import ImportPreviewDialog

        dialog = ImportPreviewDialog(path.name, plan, self._ctx.window)
        self.dialog = dialog
        skip, count = dialog.skip_existing, dialog.to_import
        dialog.accepted.connect(lambda: self._run_import(path, skip, count))
        dialog.open()

    def _run_import(self, path: Path, skip_existing: bool, count: int) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None or self._busy:
            return
        self._busy = True
        progress = self._begin_progress(self.tr("导入案件"), self.tr("正在导入案件…"), count)

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

        task = self._ctx.runner.run_db_with_progress(
            ops.import_cases,
            workspace,
            person,
            path,
            skip_existing,
            receiver=self,
            done=self._imported,
            failed=lambda error: self._import_failed(error, path),
            progress=progressed,
        )
        progress.cancel_requested.connect(task.cancel)

    def _imported(self, report: ImportReport) -> None:
        self._end_progress()
        self._ctx.cases.show_cases(report.case_ids)
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
        self._tell(self.tr("导入完成"), text, "\n\n".join(details), icon=QMessageBox.Icon.Information)
        self._ctx.status(self.tr("已导入 %1 件案件。").replace("%1", str(len(report.imported))), 8000)
        self.imported.emit(report)

    @staticmethod
    def _some(names: Sequence[str], more: str, shown: int = 12) -> str:
        """A list for a message box: the first few, then how many in all (`more`, with %1)."""
        if len(names) <= shown:
            return "、".join(names)
        return "、".join(names[:shown]) + more.replace("%1", str(len(names)))

    def _import_failed(self, error: BaseException, path: Path) -> None:
        from rongcuo_desktop.services.errors import TransferCancelled  # store.transfer: off the start

        self._end_progress()
        if isinstance(error, ops.RefusedFile):
            from rongcuo_desktop.ui.data.transfer_dialogs import ImportIssuesDialog

            dialog = ImportIssuesDialog(path.name, error.refused.issues, error.doc_nos, self._ctx.window)
            self.dialog = dialog
            self.last_message = str(error.refused)
            dialog.open()
            return
        if isinstance(error, TransferCancelled):
            self.last_message = self.tr("导入已取消，数据库没有任何改动。")
            self._ctx.status(self.last_message, 8000)
            return
        log.warning("import failed: %s", type(error).__name__)
        self._tell(self.tr("导入未完成"), str(error) or type(error).__name__)

    # -- shared ------------------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        last = str(self._ctx.settings.value(FOLDER_KEY, "") or "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _begin_progress(self, title: str, text: str, total: int) -> TransferProgress:
        progress = TransferProgress(title, text, total, self._ctx.window)
        progress.setValue(0)
        self.progress = progress
        return progress

    def _end_progress(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def _tell(
        self,
        title: str,
        text: str,
        informative: str = "",
        *,
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> None:
        self.last_message = f"{text}\n{informative}".strip()
        self.dialog = tell(self._ctx.window, title, text, informative, icon=icon)


def default_export_name(folder: Path, day: dt.date, prefix: str) -> str:
    """容错案件导出-2026-12-01.json, or -2, -3 … when that name is taken in the folder."""
    stem = f"{prefix}-{day.isoformat()}"
    name, n = f"{stem}.json", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}.json"
    return name
