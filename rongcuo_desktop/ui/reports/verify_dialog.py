"""验证文件…: a sealed PDF or a 备案包 checked against the committee's root certificate, offline.

Made for the receiving authority as much as for the committee: it needs no store and no account
(the 报告 menu offers it to everyone, `rongcuo-desktop --verify [FILE]` opens it alone, and the first
start's setup dialog has a button for it). The check runs on a slow thread (verifying.py, pyHanko);
the verdict is said check by check in Chinese: what passed, what failed and why, with the signer,
the signing time and the fingerprints to compare. The root certificate chosen is remembered.
Layout: forms/verify_dialog.ui.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from rongcuo_desktop.ui.forms.ui_verify_dialog import Ui_VerifyDialog
from rongcuo_desktop.ui.reports import verifying
from rongcuo_desktop.ui.shell.messages import choose_file

if TYPE_CHECKING:
    from rongcuo_desktop.ui.reports.verifying import FileVerdict, RootInfo
    from rongcuo_desktop.ui.tasks import TaskRunner

ROOT_KEY = "reports/trusted_root"
FILE_FOLDER_KEY = "reports/verify_folder"
PASS_COLOUR = "#1b6e20"
FAIL_COLOUR = "#b00020"
CERTIFICATE_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
_FINGERPRINT = re.compile(r"^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$")
_HEX_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def readable_value(value: str) -> str:
    """Fingerprints and digests in groups a person can read aloud and compare (and that wrap)."""
    if _FINGERPRINT.match(value):
        pairs = value.split(":")
        return " ".join(":".join(pairs[i : i + 8]) for i in range(0, len(pairs), 8))
    if _HEX_DIGEST.match(value):
        return " ".join(value[i : i + 16] for i in range(0, len(value), 16))
    return value


class VerifyDialog(QDialog):
    verified = Signal(object)  # FileVerdict
    refused = Signal(str)  # bad input: nothing was verified

    def __init__(
        self,
        runner: TaskRunner,
        settings: QSettings,
        *,
        file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_VerifyDialog()
        self.ui.setupUi(self)
        self._runner = runner
        self._settings = settings
        self.outcome: FileVerdict | None = None
        self.verdict_text = ""
        self.plain = ""  # the whole verdict as text (复制结果)
        self.chooser: QWidget | None = None
        self._request = 0
        self.setAcceptDrops(True)
        self.ui.busyBar.hide()
        self.ui.copyButton.setEnabled(False)
        self.ui.fileButton.clicked.connect(self._choose_file)
        self.ui.rootButton.clicked.connect(self._choose_root)
        self.ui.verifyButton.clicked.connect(self.verify)
        self.ui.copyButton.clicked.connect(self.copy)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.rootEdit.editingFinished.connect(self._root_typed)
        self.ui.resultView.setPlaceholderText(
            self.tr("选择要验证的文件和信任的根证书，再点“验证”。也可以把文件拖到这个窗口里。")
        )
        root = str(settings.value(ROOT_KEY, "") or "")
        if root:
            self.ui.rootEdit.setText(root)
            self.show_root(Path(root))
        if file is not None:
            self.ui.fileEdit.setText(str(file))
            if root:
                self.verify()

    # -- choosing ----------------------------------------------------------------------------------

    def _start_folder(self) -> str:
        return str(self._settings.value(FILE_FOLDER_KEY, "") or "")

    def _choose_file(self) -> None:
        self.chooser = choose_file(
            self,
            self.tr("选择要验证的文件"),
            self.ui.fileEdit.text() or self._start_folder(),
            self.tr("封存的文件或备案包 (*.pdf *.zip);;所有文件 (*)"),
            self.set_file,
        )

    def set_file(self, path: Path) -> None:
        self.ui.fileEdit.setText(str(path))
        self._settings.setValue(FILE_FOLDER_KEY, str(path.parent))

    def _choose_root(self) -> None:
        self.chooser = choose_file(
            self,
            self.tr("选择信任的根证书"),
            self.ui.rootEdit.text() or self._start_folder(),
            self.tr("证书 (*.pem *.crt *.cer *.der);;所有文件 (*)"),
            self.set_root,
        )

    def set_root(self, path: Path) -> None:
        self.ui.rootEdit.setText(str(path))
        self.show_root(path)

    def _root_typed(self) -> None:
        text = self.ui.rootEdit.text().strip()
        if text:
            self.show_root(Path(text))
        else:
            self.ui.rootPrintLabel.setText("")

    def show_root(self, path: Path) -> None:
        """Read the root on a slow thread and show its fingerprint (to compare with what was said)."""
        self.ui.rootPrintLabel.setText(self.tr("正在读取根证书…"))
        self._runner.run_slow(
            verifying.read_root, path, receiver=self, done=self._root_read, failed=self._root_unread
        )

    def _root_read(self, info: RootInfo) -> None:
        if self.ui.rootEdit.text().strip() != str(info.path):
            return  # another was chosen meanwhile
        self._settings.setValue(ROOT_KEY, str(info.path))
        self.ui.rootPrintLabel.setText(
            self.tr("%1，有效至 %2。\nSHA-256 指纹：%3\n请与委员会另行（电话或纸面）告知的指纹逐字核对。")
            .replace("%1", info.subject)
            .replace("%2", f"{info.not_after:%Y-%m-%d}")
            .replace("%3", readable_value(info.fingerprint))
        )

    def _root_unread(self, error: BaseException) -> None:
        self.ui.rootPrintLabel.setText(self._colour(str(error) or type(error).__name__, FAIL_COLOUR))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in CERTIFICATE_SUFFIXES:
                self.set_root(path)
            elif url.isLocalFile():
                self.set_file(path)
        event.acceptProposedAction()

    # -- verifying ---------------------------------------------------------------------------------

    def verify(self) -> None:
        text = self.ui.fileEdit.text().strip()
        if not text:
            self._show_refusal(self.tr("请先选择要验证的文件（封存的 PDF 或备案包）。"))
            return
        root_text = self.ui.rootEdit.text().strip()
        root = Path(root_text).expanduser() if root_text else None
        self._request += 1
        request = self._request
        self.outcome = None
        self.ui.busyBar.show()
        self.ui.verifyButton.setEnabled(False)
        self.ui.copyButton.setEnabled(False)
        self.ui.verdictLabel.setText(self.tr("正在验证…"))
        self.ui.resultView.clear()
        self._runner.run_slow(
            verifying.verify_file,
            Path(text).expanduser(),
            root,
            receiver=self,
            done=lambda result: self._verified(request, result),
            failed=lambda error: self._failed(request, error),
        )

    def _idle(self) -> None:
        self.ui.busyBar.hide()
        self.ui.verifyButton.setEnabled(True)

    def _verified(self, request: int, result: FileVerdict) -> None:
        if request != self._request:
            return
        self._idle()
        self.outcome = result
        name = result.file.name
        failed = [c.name for v in result.verdicts for c in v.failures]
        if result.ok:
            verdict = self.tr("通过：%1 自签名以来未被改动，由受信任的根证书所认证的委员会签名。").replace(
                "%1", name
            )
            colour = PASS_COLOUR
        elif not result.roots:
            verdict = self.tr("未通过：没有选择根证书，无法确认签名人。请选择委员会交来的根证书后再验证。")
            colour = FAIL_COLOUR
        else:
            verdict = (
                self.tr("未通过：%1 没有通过这些检查：%2。它不能作为未经改动的原件使用。")
                .replace("%1", name)
                .replace("%2", "、".join(dict.fromkeys(failed)))
            )
            colour = FAIL_COLOUR
        self.verdict_text = verdict
        self.ui.verdictLabel.setText(self._colour(verdict, colour, bold=True))
        self.ui.resultView.setHtml(self._html(result))
        self.plain = self._plain(result, verdict)
        self.ui.copyButton.setEnabled(True)
        self.verified.emit(result)

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self._idle()
        message = str(error) or type(error).__name__
        if not isinstance(error, verifying.BadInput):
            message = self.tr("文件无法验证（%1）。").replace("%1", message)
        self._show_refusal(message)

    def _show_refusal(self, message: str) -> None:
        verdict = self.tr("无法验证：%1").replace("%1", message)
        self.verdict_text = verdict
        self.plain = verdict
        self.ui.verdictLabel.setText(self._colour(verdict, FAIL_COLOUR, bold=True))
        self.ui.resultView.clear()
        self.ui.copyButton.setEnabled(True)
        self.refused.emit(message)

    @staticmethod
    def _colour(text: str, colour: str, *, bold: bool = False) -> str:
        weight = "font-weight:bold;" if bold else ""
        escaped = html.escape(text).replace("\n", "<br>")
        return f'<span style="color:{colour};{weight}">{escaped}</span>'

    def _html(self, result: FileVerdict) -> str:
        passed, failed = self.tr("通过"), self.tr("未通过")
        parts: list[str] = []
        if result.roots:
            prints = "<br>".join(html.escape(readable_value(r)) for r in result.roots)
            parts.append(f"<p>{html.escape(self.tr('信任的根证书 SHA-256 指纹：'))}<br><tt>{prints}</tt></p>")
        for verdict in result.verdicts:
            subject = verdict.subject or result.file.name
            state = passed if verdict.ok else failed
            colour = PASS_COLOUR if verdict.ok else FAIL_COLOUR
            parts.append(
                f'<h3>{html.escape(subject)} — <span style="color:{colour}">{html.escape(state)}</span></h3>'
            )
            rows = []
            for check in verdict.checks:
                mark, colour = (passed, PASS_COLOUR) if check.ok else (failed, FAIL_COLOUR)
                background = "#e8f3e8" if check.ok else "#fbe3e6"
                rows.append(
                    f'<tr><td style="background:{background};color:{colour};white-space:nowrap">'
                    f"<b>{html.escape(mark)}</b></td>"
                    f'<td style="white-space:nowrap">{html.escape(check.name)}</td>'
                    f"<td>{html.escape(check.detail)}</td></tr>"
                )
            for name, value in verdict.facts:
                rows.append(
                    f'<tr><td></td><td style="color:#555;white-space:nowrap">{html.escape(name)}</td>'
                    f'<td style="color:#555">{html.escape(readable_value(value))}</td></tr>'
                )
            parts.append(f'<table cellspacing="0" cellpadding="4" width="100%">{"".join(rows)}</table>')
        return "\n".join(parts)

    def _plain(self, result: FileVerdict, verdict: str) -> str:
        lines = [verdict, ""]
        for root in result.roots:
            lines.append(self.tr("信任的根证书 SHA-256 指纹：%1").replace("%1", root))
        for item in result.verdicts:
            lines.append(f"【{item.subject or result.file.name}】")
            for name, value in item.facts:
                lines.append(f"  {name}：{value}")
            for check in item.checks:
                mark = self.tr("通过") if check.ok else self.tr("未通过")
                lines.append(f"  [{mark}] {check.name}：{check.detail}")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.plain)
        self.ui.copyButton.setText(self.tr("已复制"))
