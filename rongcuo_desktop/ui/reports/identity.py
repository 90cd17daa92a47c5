"""The committee's signing identity (主任): 生成签名身份…, 导入 PKCS#12…, 导出根证书….

Generating makes an ECDSA P-256 root and signing certificate here, offline, valid for the years the
committee keeps its files (a plain PAdES signature stops validating when its certificate expires);
importing takes the organisation CA's PKCS#12. The private key goes into the encrypted store only.
Exporting the root writes the PEM and shows its SHA-256 fingerprint in groups, for the receiving
side to write down. An expired certificate or a key that does not match it is said plainly.
Layouts: forms/identity_generate_dialog.ui, identity_import_dialog.ui, identity_root_dialog.ui.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from rongcuo_desktop.ui.forms.ui_identity_generate_dialog import Ui_IdentityGenerateDialog
from rongcuo_desktop.ui.forms.ui_identity_import_dialog import Ui_IdentityImportDialog
from rongcuo_desktop.ui.forms.ui_identity_root_dialog import Ui_IdentityRootDialog
from rongcuo_desktop.ui.reports import ops
from rongcuo_desktop.ui.reports.folders import FOLDER_KEY, start_folder
from rongcuo_desktop.ui.reports.verify_dialog import readable_value
from rongcuo_desktop.ui.shell.messages import choose_file, tell

if TYPE_CHECKING:
    from rongcuo_desktop.ui.reports.ops import IdentitySummary
    from rongcuo_desktop.ui.shell.context import WindowContext

log = logging.getLogger(__name__)

DEFAULT_ADDRESSEE = "上级纪检监察机关"
DEFAULT_YEARS = 30  # seal.identity.DEFAULT_RETENTION_YEARS: the longest fixed 文书档案保管期限
ERROR_STYLE = "color: #b00020;"


def describe(summary: IdentitySummary | None) -> str:
    """The current identity in a sentence or two ("" when there is none)."""
    if summary is None:
        return ""
    if summary.source == "generated":
        source = QCoreApplication.translate("Identity", "本机生成")
    else:
        source = QCoreApplication.translate("Identity", "导入")
    text = (
        QCoreApplication.translate("Identity", "当前签名身份：%1（%2），有效至 %3。根证书 SHA-256 指纹：%4")
        .replace("%1", summary.committee)
        .replace("%2", source)
        .replace("%3", f"{summary.not_after:%Y-%m-%d}")
        .replace("%4", readable_value(summary.root_fingerprint))
    )
    if summary.problem:
        text += "\n" + QCoreApplication.translate("Identity", "不能用于签名：%1").replace(
            "%1", summary.problem
        )
    return text


class IdentityGenerateDialog(QDialog):
    """Committee name, addressee, lifetime; 生成 runs on the database worker, errors stay here."""

    generated = Signal(object)  # IdentitySummary

    def __init__(self, ctx: WindowContext, current: IdentitySummary | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_IdentityGenerateDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.busy = False
        self.ui.yearsSpin.setValue(DEFAULT_YEARS)
        self.ui.addresseeEdit.setText(current.addressee if current else DEFAULT_ADDRESSEE)
        if current is not None:
            self.ui.committeeEdit.setText(current.committee)
            self.ui.currentLabel.setText(
                describe(current)
                + "\n"
                + self.tr(
                    "生成新的签名身份后，以后的文件用新证书签名；已导出的文件仍可用原来的根证书验证。"
                    "请把新的根证书和指纹交给接收备案的机关。"
                )
            )
        else:
            self.ui.currentLabel.setText(
                self.tr("本库还没有签名身份。导出封存的文件之前，须先生成或导入一个。")
            )
        self.ui.noteLabel.setText(
            self.tr(
                "在本机离线生成一个根证书和一个签名证书（ECDSA P-256）。"
                "私钥只保存在加密的案件库中，不另存为文件；"
                "根证书的私钥用后即弃，任何人（包括本机）都不能再用它签发证书。有效期应覆盖文件的保管期限"
                "（文书档案保管期限：永久、30 年、10 年）：证书到期后，文件上的签名就不能再验证。"
                "这是证明文件出处和完整性的签名，不是 GB/T 38540 电子印章。"
            )
        )
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("生成"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)

    def problem(self) -> str:
        committee = self.ui.committeeEdit.text().strip()
        if not committee:
            return self.tr("委员会名称：请填写（证书中的单位名称和文件的发文机关取自它）。")
        return ""

    def submit(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if self.busy or workspace is None or person is None:
            return
        problem = self.problem()
        if problem:
            self._error(problem)
            self.ui.committeeEdit.setFocus()
            return
        self._busy(True)
        self._error("")
        self._ctx.runner.run_db(
            ops.make_identity,
            workspace,
            person,
            self.ui.committeeEdit.text().strip(),
            self.ui.addresseeEdit.text().strip() or DEFAULT_ADDRESSEE,
            self.ui.yearsSpin.value(),
            receiver=self,
            done=self._made,
            failed=self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ui.committeeEdit, self.ui.addresseeEdit, self.ui.yearsSpin, self.ui.buttonBox):
            widget.setEnabled(not busy)

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.setText(text)

    def _made(self, summary: IdentitySummary) -> None:
        self._busy(False)
        self.generated.emit(summary)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._error(str(error) or type(error).__name__)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


class IdentityImportDialog(QDialog):
    """A PKCS#12 file and its password; refused files (wrong password, expired, key mismatch) are
    said here and nothing changes."""

    imported = Signal(object)  # IdentitySummary

    def __init__(self, ctx: WindowContext, current: IdentitySummary | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_IdentityImportDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.busy = False
        self.chooser: QWidget | None = None
        self.ui.addresseeEdit.setText(current.addressee if current else DEFAULT_ADDRESSEE)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导入"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _browse(self) -> None:
        self.chooser = choose_file(
            self,
            self.tr("选择 PKCS#12 文件"),
            self.ui.fileEdit.text() or str(start_folder(self._ctx.settings)),
            self.tr("PKCS#12 (*.p12 *.pfx);;所有文件 (*)"),
            lambda chosen: self.ui.fileEdit.setText(str(chosen)),
        )

    def submit(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if self.busy or workspace is None or person is None:
            return
        text = self.ui.fileEdit.text().strip()
        if not text:
            self._error(self.tr("PKCS#12 文件：请选择本单位 CA 签发的 .p12 或 .pfx 文件。"))
            return
        self._busy(True)
        self._error("")
        self._ctx.runner.run_db(
            ops.import_pkcs12,
            workspace,
            person,
            Path(text).expanduser(),
            self.ui.passwordEdit.text(),
            self.ui.addresseeEdit.text().strip() or DEFAULT_ADDRESSEE,
            receiver=self,
            done=self._imported,
            failed=self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (
            self.ui.fileEdit,
            self.ui.browseButton,
            self.ui.passwordEdit,
            self.ui.addresseeEdit,
            self.ui.buttonBox,
        ):
            widget.setEnabled(not busy)

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.setText(text)

    def _imported(self, summary: IdentitySummary) -> None:
        self._busy(False)
        self.ui.passwordEdit.clear()
        self.imported.emit(summary)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._error(str(error) or type(error).__name__)  # the file and password stay as typed

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


class IdentityRootDialog(QDialog):
    """Where the root certificate went and its fingerprint, large, in groups to read aloud."""

    def __init__(self, path: Path, fingerprint: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_IdentityRootDialog()
        self.ui.setupUi(self)
        self.fingerprint = fingerprint
        self.ui.messageLabel.setText(self.tr("已导出根证书：%1").replace("%1", str(path)))
        # Four lines of eight bytes: the same groups 验证文件… shows, to read aloud and compare.
        self.ui.fingerprintLabel.setText(readable_value(fingerprint).replace(" ", "\n"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.ui.fingerprintLabel.setFont(font)
        self.ui.copyButton.clicked.connect(self.copy)
        self.ui.closeButton.clicked.connect(self.accept)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint)
        self.ui.copyButton.setText(self.tr("已复制"))


class IdentityFlows(QObject):
    """What the three identity actions do: read the current identity, open the dialog, report."""

    changed = Signal(object)  # IdentitySummary after a generate or import
    root_exported = Signal(str)  # the fingerprint shown

    def __init__(self, ctx: WindowContext, parent: QObject) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: QWidget | None = None
        self.chooser: QWidget | None = None
        self.last_message = ""

    def _with_current(self, then: object) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            return
        assert callable(then)
        self._ctx.runner.run_db(ops.identity_info, workspace, receiver=self, done=then, failed=self._failed)

    def generate(self) -> None:
        self._with_current(self._open_generate)

    def _open_generate(self, current: IdentitySummary | None) -> None:
        dialog = IdentityGenerateDialog(self._ctx, current, self._ctx.window)
        dialog.generated.connect(self._made)
        self.dialog = dialog
        dialog.open()

    def import_pkcs12(self) -> None:
        self._with_current(self._open_import)

    def _open_import(self, current: IdentitySummary | None) -> None:
        dialog = IdentityImportDialog(self._ctx, current, self._ctx.window)
        dialog.imported.connect(self._made)
        self.dialog = dialog
        dialog.open()

    def _made(self, summary: IdentitySummary) -> None:
        self.last_message = (
            self.tr("签名身份已保存：%1，有效至 %2。")
            .replace("%1", summary.committee)
            .replace("%2", f"{summary.not_after:%Y-%m-%d}")
        )
        self.dialog = tell(
            self._ctx.window,
            self.tr("签名身份"),
            self.last_message,
            self.tr("根证书 SHA-256 指纹：%1\n请用“报告 → 导出根证书…”把根证书交给接收备案的机关。").replace(
                "%1", readable_value(summary.root_fingerprint)
            ),
            icon=QMessageBox.Icon.Information,
        )
        self._ctx.status(self.last_message, 8000)
        self.changed.emit(summary)

    def export_root(self) -> None:
        self._with_current(self._choose_root_file)

    def _choose_root_file(self, current: IdentitySummary | None) -> None:
        if current is None:
            self.last_message = self.tr("本库还没有签名身份：请先“生成签名身份…”或“导入 PKCS#12…”。")
            self.dialog = tell(self._ctx.window, self.tr("导出根证书"), self.last_message)
            return
        name = ops.safe_file_name(self.tr("根证书-%1").replace("%1", current.committee)) + ".pem"
        self.chooser = choose_file(
            self._ctx.window,
            self.tr("导出根证书到"),
            start_folder(self._ctx.settings) / name,
            self.tr("证书 (*.pem)"),
            self._write_root,
            save=True,
        )

    def _write_root(self, chosen: Path) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            return
        path = chosen if chosen.suffix else chosen.with_name(chosen.name + ".pem")
        self._ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        self._ctx.runner.run_db(
            ops.write_root, workspace, path, receiver=self, done=self._root_written, failed=self._failed
        )

    def _root_written(self, written: tuple[Path, str]) -> None:
        path, fingerprint = written
        dialog = IdentityRootDialog(path, fingerprint, self._ctx.window)
        self.dialog = dialog
        self.last_message = fingerprint
        dialog.open()
        self.root_exported.emit(fingerprint)

    def _failed(self, error: BaseException) -> None:
        self.last_message = str(error) or type(error).__name__
        if not isinstance(error, ops.ReportError):
            log.warning("signing identity action failed: %s", type(error).__name__)
        self.dialog = tell(self._ctx.window, self.tr("签名身份"), self.last_message)
