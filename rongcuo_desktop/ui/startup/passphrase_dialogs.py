"""The three passphrase dialogs: first-start setup, unlock, change passphrase.

Layouts are Qt Designer forms (forms/*.ui), held as `self.ui`. Key derivation takes about half a
second, so it runs through TaskRunner.run_slow while the dialog shows a busy bar and ignores
input; the dialog never touches the store's files itself.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QWidget

from rongcuo_desktop.services import unlock
from rongcuo_desktop.services.errors import ServiceError, WrongPassphrase
from rongcuo_desktop.services.unlock import passphrase_strength
from rongcuo_desktop.ui.forms.ui_change_passphrase_dialog import Ui_ChangePassphraseDialog
from rongcuo_desktop.ui.forms.ui_setup_dialog import Ui_SetupDialog
from rongcuo_desktop.ui.forms.ui_unlock_dialog import Ui_UnlockDialog
from rongcuo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.services.unlock import CredentialStoreStatus
    from rongcuo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

# Below this score (0..4, store.keys.passphrase_strength) a new passphrase is refused.
MIN_STRENGTH = 2
STRENGTH_LEVELS = ("weak", "weak", "fair", "good", "good")


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def show_strength(bar: QProgressBar, label: QLabel, passphrase: str) -> int:
    """Score the passphrase as it is typed; colour the hint by level (theme: QLabel[strength])."""
    if not passphrase:
        bar.setValue(0)
        bar.setProperty("strength", "")
        label.setProperty("strength", "")
        label.setText(
            QCoreApplication.translate("PassphraseDialogs", "建议使用至少 12 个字符，可用一句好记的话。")
        )
    else:
        score, hint = passphrase_strength(passphrase)
        bar.setValue(score)
        level = STRENGTH_LEVELS[max(0, min(score, 4))]
        # The bar takes the hint's colour: a full bar in the theme's red read as "danger".
        bar.setProperty("strength", level)
        label.setProperty("strength", level)
        label.setText(hint)
    for widget in (label, bar):
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    return bar.value()


def new_passphrase_problem(passphrase: str, again: str) -> str:
    """Why a new recovery passphrase typed twice cannot be used ('' when it can)."""
    if passphrase != again:
        return QCoreApplication.translate("PassphraseDialogs", "两次输入的口令不一致，请重新输入。")
    score, hint = passphrase_strength(passphrase)
    if score < MIN_STRENGTH:
        return QCoreApplication.translate("PassphraseDialogs", "口令太弱：") + hint
    return ""


class _BusyMixin:
    """Disable the inputs and show the indeterminate bar while key derivation runs."""

    _inputs: tuple[QWidget, ...]
    _busy_bar: QProgressBar
    _buttons: QDialogButtonBox
    busy: bool = False

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._busy_bar.setVisible(busy)
        for widget in (*self._inputs, self._buttons):
            widget.setEnabled(not busy)

    def _close_accepted(self) -> None:
        """The slow work succeeded: the dialog closes as accepted (its own accept() starts the work)."""
        self._set_busy(False)
        assert isinstance(self, QDialog)
        QDialog.accept(self)


def create_store(data_dir: Path, passphrase: str, require_passphrase_each_start: bool) -> Workspace:
    """The first start's key and its new, empty store (Argon2id, then the store: ~1 s)."""
    workspace, _status = unlock.create(
        data_dir, passphrase, require_passphrase_each_start=require_passphrase_each_start
    )
    return workspace


def change_passphrase(workspace: Workspace, old: str, new: str) -> None:
    """A new passphrase and a new database key (a checked backup first, then PRAGMA rekey; slow:
    Argon2id twice, the backup, the re-encryption). On the database thread: the store is closed for
    it and reopened with the new key (services.unlock.change_passphrase_in_app)."""
    unlock.change_passphrase_in_app(workspace, old, new)


class SetupDialog(_BusyMixin, QDialog):
    """First start: choose the recovery passphrase (twice); creates the key and the store when accepted."""

    def __init__(
        self,
        data_dir: Path,
        runner: TaskRunner,
        status: CredentialStoreStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._data_dir = data_dir
        self._runner = runner
        self.workspace: Workspace | None = None
        self._inputs = (self.ui.passphraseEdit, self.ui.repeatEdit, self.ui.requireCheck)
        self._busy_bar = self.ui.busyBar
        self._buttons = self.ui.buttonBox
        self._set_busy(False)
        show_message(self.ui.errorLabel, "")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建案件库"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        if status.usable:
            show_message(
                self.ui.keyringLabel,
                self.tr(
                    "数据库密钥还会保存在本机的系统凭据库中，平时启动无需输入口令；"
                    "勾选下面的“每次启动都需要口令”，则每次启动都要输入。"
                ),
            )
        else:
            # Without a credential store the passphrase is needed at every start anyway.
            self.ui.requireCheck.setChecked(True)
            self.ui.requireCheck.setEnabled(False)
            self._inputs = (self.ui.passphraseEdit, self.ui.repeatEdit)
            show_message(self.ui.keyringLabel, status.explanation)
        self.ui.passphraseEdit.textChanged.connect(self._update_strength)
        self.ui.repeatEdit.textChanged.connect(self._typing_again)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._update_strength("")

    def _update_strength(self, text: str) -> None:
        # A refusal shown for an earlier attempt no longer applies once the passphrase changes.
        if not self.busy:
            show_message(self.ui.errorLabel, "")
        show_strength(self.ui.strengthBar, self.ui.strengthLabel, text)

    def _typing_again(self, text: str) -> None:
        # "两次输入的口令不一致" stood while the second entry was typed again; not once it changes.
        if text and not self.busy:
            show_message(self.ui.errorLabel, "")

    def problem(self) -> str:
        """Why the typed passphrases cannot be used yet ('' when they can)."""
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            return self.tr("请输入恢复口令。")
        return new_passphrase_problem(passphrase, self.ui.repeatEdit.text())

    def accept(self) -> None:
        if self.busy:
            return
        problem = self.problem()
        show_message(self.ui.errorLabel, problem)
        if problem:
            typed = self.ui.passphraseEdit.text()
            mismatch = bool(typed) and typed != self.ui.repeatEdit.text()
            self.ui.repeatEdit.clear()
            if mismatch:  # the first entry stands: the cursor goes where the typing is asked for
                self.ui.repeatEdit.setFocus()
            else:  # empty or too weak: a new passphrase is needed, typed over the old one
                self.ui.passphraseEdit.selectAll()
                self.ui.passphraseEdit.setFocus()
            return
        passphrase = self.ui.passphraseEdit.text()
        require = self.ui.requireCheck.isChecked()
        self._set_busy(True)
        show_message(self.ui.errorLabel, self.tr("正在生成密钥，请稍候……"))
        # On the database thread: the store it creates is used there from now on.
        self._runner.run_db(
            create_store,
            self._data_dir,
            passphrase,
            require,
            receiver=self,
            done=self._created,
            failed=self._failed,
        )

    def _created(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._close_accepted()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_message(self.ui.errorLabel, _message(error))

    def reject(self) -> None:
        if not self.busy:
            super().reject()


class UnlockDialog(_BusyMixin, QDialog):
    """Later starts without a key in the credential store: ask for the passphrase until it is right."""

    FAILED = 2  # result code: a key problem that typing again cannot fix (see .failure)

    def __init__(
        self,
        data_dir: Path,
        runner: TaskRunner,
        explanation: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self._data_dir = data_dir
        self._runner = runner
        self.key: bytes | None = None
        self.failure: ServiceError | None = None
        self._inputs = (self.ui.passphraseEdit,)
        self._busy_bar = self.ui.busyBar
        self._buttons = self.ui.buttonBox
        self._set_busy(False)
        show_message(self.ui.infoLabel, explanation)
        show_message(self.ui.errorLabel, "")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解锁"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.attempts = 0

    def accept(self) -> None:
        if self.busy:
            return
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            show_message(self.ui.errorLabel, self.tr("请输入恢复口令。"))
            return
        self.attempts += 1
        self._set_busy(True)
        show_message(self.ui.errorLabel, self.tr("正在验证口令，请稍候……"))
        self._runner.run_slow(
            unlock.key_from_passphrase,
            self._data_dir,
            passphrase,
            receiver=self,
            done=self._unlocked,
            failed=self._failed,
        )

    def _unlocked(self, key: bytes) -> None:
        self.key = key
        self._close_accepted()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            failures = self.attempts
            # The same sentence again would look as if nothing happened: count the failed tries.
            counted = self.tr("（已输错 %1 次）").replace("%1", str(failures)) if failures > 1 else ""
            show_message(self.ui.errorLabel, _message(error) + counted)
            self.ui.passphraseEdit.selectAll()
            self.ui.passphraseEdit.setFocus()
            return
        self.failure = error if isinstance(error, ServiceError) else ServiceError(_message(error))
        self.done(self.FAILED)

    def reject(self) -> None:
        if not self.busy:
            super().reject()


class ChangePassphraseDialog(_BusyMixin, QDialog):
    """A new recovery passphrase and a new database key (the data re-encrypted after a checked backup)."""

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangePassphraseDialog()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._runner = runner
        self._inputs = (self.ui.oldEdit, self.ui.newEdit, self.ui.repeatEdit)
        self._busy_bar = self.ui.busyBar
        self._buttons = self.ui.buttonBox
        self._set_busy(False)
        show_message(self.ui.errorLabel, "")
        self.ui.newEdit.textChanged.connect(self._update_strength)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        show_strength(self.ui.strengthBar, self.ui.strengthLabel, "")

    def _update_strength(self, text: str) -> None:
        if not self.busy:
            show_message(self.ui.errorLabel, "")
        show_strength(self.ui.strengthBar, self.ui.strengthLabel, text)

    def problem(self) -> str:
        old, new = self.ui.oldEdit.text(), self.ui.newEdit.text()
        if not old:
            return self.tr("请输入当前口令。")
        if not new:
            return self.tr("请输入新口令。")
        return new_passphrase_problem(new, self.ui.repeatEdit.text())

    def accept(self) -> None:
        if self.busy:
            return
        problem = self.problem()
        show_message(self.ui.errorLabel, problem)
        if problem:
            return
        old, new = self.ui.oldEdit.text(), self.ui.newEdit.text()
        self._set_busy(True)
        show_message(self.ui.errorLabel, self.tr("正在备份并用新密钥重新加密数据库，请稍候……"))
        self._runner.run_db(  # the store is closed and reopened: database work, on its thread
            change_passphrase,
            self._workspace,
            old,
            new,
            receiver=self,
            done=lambda _none: self._close_accepted(),
            failed=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_message(self.ui.errorLabel, _message(error))
        if isinstance(error, WrongPassphrase):
            self.ui.oldEdit.selectAll()
            self.ui.oldEdit.setFocus()

    def reject(self) -> None:
        if not self.busy:
            super().reject()


def _message(error: BaseException) -> str:
    """The Chinese sentence to show: store errors carry one; anything else gets a generic one."""
    if isinstance(error, ServiceError):
        return str(error)
    log.error("unexpected error in a passphrase dialog", exc_info=error)
    return QCoreApplication.translate("PassphraseDialogs", "发生意外错误（{name}），详情已写入日志。").format(
        name=type(error).__name__
    )
