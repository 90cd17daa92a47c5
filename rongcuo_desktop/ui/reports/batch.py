"""批量导出选中案件…: the chosen documents of many cases into one folder, with progress and 取消.

The work runs on the database worker (ops.export_many): each file is sealed in memory, written under
a temporary name in the folder and renamed, and 取消 is heard between files and before each write,
so a cancelled batch leaves only complete, sealed files (listed) and never a partial one. A case
without a decision is skipped and named. At the end the dialog says what was written where.
Layout: forms/report_batch_dialog.ui.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from rongcuo_desktop.ui.forms.ui_report_batch_dialog import Ui_ReportBatchDialog
from rongcuo_desktop.ui.reports import ops
from rongcuo_desktop.ui.reports.folders import FOLDER_KEY, start_folder
from rongcuo_desktop.ui.shell.messages import choose_folder

if TYPE_CHECKING:
    from rongcuo_desktop.ui.reports.ops import BatchReport
    from rongcuo_desktop.ui.shell.context import WindowContext
    from rongcuo_desktop.ui.tasks import TaskContext

log = logging.getLogger(__name__)

VERSIONS = (
    ("formal", QT_TRANSLATE_NOOP("ReportBatchDialog", "正式版")),
    ("public", QT_TRANSLATE_NOOP("ReportBatchDialog", "公开版（姓名隐去）")),
    ("both", QT_TRANSLATE_NOOP("ReportBatchDialog", "正式版和公开版")),
)
LISTED = 200  # lines of the summary; a 1,000-case batch is counted after them


class ReportBatchDialog(QDialog):
    finished_batch = Signal(object)  # BatchReport (cancelled ones too)
    failed = Signal(str)

    def __init__(self, ctx: WindowContext, case_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportBatchDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.case_ids = list(case_ids)
        self._task: TaskContext | None = None
        self.report: BatchReport | None = None
        self.chooser: QWidget | None = None
        count = len(self.case_ids)
        self.ui.introLabel.setText(
            self.tr(
                "为列表中选中的 %1 件案件导出封存的文件（每份都带委员会的签名）。尚未认定的案件会跳过并列出；"
                "文件夹中已有同名文件时，新文件的名称后加 -2、-3，从不覆盖。"
            ).replace("%1", str(count))
        )
        for value, label in VERSIONS:
            self.ui.versionCombo.addItem(self.tr(str(label)), value)
        self.ui.folderEdit.setText(str(start_folder(ctx.settings)))
        self.ui.summaryEdit.hide()
        self.ui.progressBar.setRange(0, 1)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.startButton.clicked.connect(self.start)
        self.ui.cancelButton.clicked.connect(self._cancel_or_close)

    @property
    def running(self) -> bool:
        return self._task is not None

    def outputs(self) -> list[ops.Output]:
        """What each case gets, from the check boxes and the version."""
        version = str(self.ui.versionCombo.currentData())
        publics = {"formal": [False], "public": [True], "both": [False, True]}[version]
        chosen: list[ops.Output] = []
        for check, kind in (
            (self.ui.filingCheck, ops.Kind.FILING),
            (self.ui.opinionCheck, ops.Kind.OPINION),
            (self.ui.feedbackCheck, ops.Kind.FEEDBACK),
        ):
            if check.isChecked():
                chosen += [ops.Output(kind, public) for public in publics]
        if self.ui.packageCheck.isChecked():
            chosen.append(ops.Output(None))
        return chosen

    def _browse(self) -> None:
        self.chooser = choose_folder(
            self,
            self.tr("选择保存到的文件夹"),
            self.ui.folderEdit.text(),
            lambda chosen: self.ui.folderEdit.setText(str(chosen)),
        )

    def start(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None or self.running:
            return
        outputs = self.outputs()
        if not outputs:
            self._say(self.tr("请至少选择一种要导出的文件。"))
            return
        text = self.ui.folderEdit.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is None:
            self._say(self.tr("请先选择保存到的文件夹。"))
            return
        if not folder.is_dir():
            self._say(self.tr("文件夹不存在：%1").replace("%1", str(folder)))
            return
        self._ctx.settings.setValue(FOLDER_KEY, str(folder))
        total = len(self.case_ids) * len(outputs)
        self.report = None
        self._set_inputs(False)
        self.ui.summaryEdit.hide()
        self.ui.summaryEdit.clear()
        self.ui.progressBar.setRange(0, total)
        self.ui.progressBar.setValue(0)
        self.ui.statusLabel.setText(self.tr("正在导出：0 / %1 份…").replace("%1", str(total)))
        self.ui.cancelButton.setText(self.tr("取消"))
        self._task = self._ctx.runner.run_db_with_progress(
            ops.export_many,
            workspace,
            person,
            self.case_ids,
            outputs,
            folder,
            receiver=self,
            done=self._done,
            failed=self._failed,
            progress=self._progressed,
        )

    def _set_inputs(self, enabled: bool) -> None:
        for widget in (
            self.ui.whatBox,
            self.ui.folderEdit,
            self.ui.browseButton,
            self.ui.startButton,
        ):
            widget.setEnabled(enabled)

    def _say(self, text: str) -> None:
        self.ui.statusLabel.setText(text)

    def _progressed(self, done: int, total: int) -> None:
        if self._task is None or self._task.cancelled:
            return
        self.ui.progressBar.setRange(0, max(1, total))
        self.ui.progressBar.setValue(done)
        self.ui.statusLabel.setText(
            self.tr("正在导出：%1 / %2 份…").replace("%1", str(done)).replace("%2", str(total))
        )

    def _done(self, report: BatchReport) -> None:
        self._task = None
        self.report = report
        self._set_inputs(True)
        self.ui.cancelButton.setText(self.tr("关闭"))
        self.ui.cancelButton.setEnabled(True)
        written = len(report.written)
        if report.cancelled:
            headline = self.tr(
                "已取消。取消前写完的 %1 份文件保留在 %2（每份都完整、已签名），其余没有导出，"
                "文件夹中没有不完整的文件。"
            )
        elif report.stopped:
            headline = self.tr("导出中途停止：已写出 %1 份文件到 %2。")
        else:
            headline = self.tr("导出完成：%1 份文件已写到 %2。")
        headline = headline.replace("%1", str(written)).replace("%2", str(report.folder))
        self.ui.progressBar.setValue(self.ui.progressBar.maximum() if not report.cancelled else written)
        self.ui.statusLabel.setText(headline)
        self.ui.summaryEdit.setPlainText(self.summary(report))
        self.ui.summaryEdit.show()
        self._ctx.status(self.tr("批量导出：%1 份文件。").replace("%1", str(written)), 8000)
        self.finished_batch.emit(report)

    def summary(self, report: BatchReport) -> str:
        lines: list[str] = []
        if report.stopped:
            lines += [self.tr("停止的原因：%1").replace("%1", report.stopped), ""]
        if report.written:
            lines.append(
                self.tr("写出的文件（%1 份，文件夹 %2）：")
                .replace("%1", str(len(report.written)))
                .replace("%2", str(report.folder))
            )
            for line in report.written[:LISTED]:
                assert line.path is not None
                lines.append(f"  {line.path.name}")
            if len(report.written) > LISTED:
                lines.append(self.tr("  ……另有 %1 份").replace("%1", str(len(report.written) - LISTED)))
        if report.skipped:
            lines += ["", self.tr("跳过（%1 项）：").replace("%1", str(len(report.skipped)))]
            for line in report.skipped[:LISTED]:
                lines.append(f"  {line.doc_no}（{line.what}）：{line.problem}")
            if len(report.skipped) > LISTED:
                lines.append(self.tr("  ……另有 %1 项").replace("%1", str(len(report.skipped) - LISTED)))
        if report.written:
            lines += ["", self.tr("每份导出都已记入审计记录。")]
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._set_inputs(True)
        self.ui.cancelButton.setText(self.tr("关闭"))
        self.ui.cancelButton.setEnabled(True)
        self.ui.progressBar.setValue(0)
        message = str(error) or type(error).__name__
        if not isinstance(error, ops.ReportError):
            log.warning("batch export failed: %s", type(error).__name__)
        self.ui.statusLabel.setText(self.tr("没有导出任何文件：%1").replace("%1", message))
        self.failed.emit(message)

    def _cancel_or_close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.ui.cancelButton.setEnabled(False)
            self.ui.statusLabel.setText(
                self.tr("正在取消…（已封存而未写出的那一份不再写出，不会留下不完整的文件）")
            )
            return
        self.reject()

    def reject(self) -> None:  # Esc while running is 取消, never a hidden dialog over running work
        if self._task is not None:
            self._cancel_or_close()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
            self._cancel_or_close()
            return
        super().closeEvent(event)
