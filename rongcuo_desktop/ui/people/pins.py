"""人员 → 修改个人口令… (anyone, their own PIN) and the 主任's 重设个人口令… (账户管理).

The PIN rules are the domain's (services.accounts.pin_problem: at least 6 digits, not one digit
repeated, not a straight run); the dialog says which one a PIN breaks before anything is sent. The
change itself runs on the database worker (Argon2id) and is audited; a wrong current PIN counts as
a wrong PIN (slowed down after 5). Layouts: forms/change_pin_dialog.ui, forms/reset_pin_dialog.ui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QProgressBar

from rongcuo_desktop.services import accounts
from rongcuo_desktop.ui.forms.ui_change_pin_dialog import Ui_ChangePinDialog
from rongcuo_desktop.ui.forms.ui_reset_pin_dialog import Ui_ResetPinDialog
from rongcuo_desktop.ui.shell.context import WindowContext

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential


def new_pin_problem(pin: str, again: str) -> str:
    """Why a new PIN typed twice cannot be used ('' when it can)."""
    if not pin:
        return QCoreApplication.translate("Pins", "请输入新的个人口令。")
    if pin != again:
        return QCoreApplication.translate("Pins", "两次输入的个人口令不一致。")
    return accounts.pin_problem(pin) or ""


class _PinDialog(QDialog):
    """What both PIN dialogs do: check as typed, run the change on the worker, say why not."""

    _edits: tuple[QLineEdit, ...]
    _error: QLabel
    _busy_bar: QProgressBar
    _buttons: QDialogButtonBox

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.window)
        self._ctx = ctx

    def _wire(self) -> None:
        self._say("")
        self._busy_bar.hide()
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

    def _say(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy_bar.setVisible(busy)
        for widget in (*self._edits, self._buttons):
            widget.setEnabled(not busy)

    def _changed(self, _none: object) -> None:
        self._set_busy(False)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(str(error) or type(error).__name__)

    def _person(self) -> Credential | None:
        return self._ctx.person if self._ctx.workspace is not None else None


class ChangePinDialog(_PinDialog):
    """A person changes their own PIN: the current one proves it is them."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_ChangePinDialog()
        self.ui.setupUi(self)
        self._edits = (self.ui.oldPinEdit, self.ui.newPinEdit, self.ui.repeatEdit)
        self._error, self._busy_bar, self._buttons = self.ui.errorLabel, self.ui.busyBar, self.ui.buttonBox
        self._wire()

    def accept(self) -> None:
        old, new = self.ui.oldPinEdit.text(), self.ui.newPinEdit.text()
        problem = new_pin_problem(new, self.ui.repeatEdit.text())
        if not old:
            problem = self.tr("请输入现在的个人口令。")
        self._say(problem)
        workspace, person = self._ctx.workspace, self._person()
        if problem or workspace is None or person is None:
            return
        self._set_busy(True)
        self._ctx.runner.run_db(
            accounts.change_own_pin,
            workspace,
            person,
            old,
            new,
            receiver=self,
            done=self._changed,
            failed=self._refused,
        )


class ResetPinDialog(_PinDialog):
    """The 主任 sets a new PIN for a person who forgot theirs (audited; their wrong tries forgiven)."""

    def __init__(self, ctx: WindowContext, name: str) -> None:
        super().__init__(ctx)
        self.ui = Ui_ResetPinDialog()
        self.ui.setupUi(self)
        self.name = name
        self.ui.introLabel.setText(
            self.tr("为“%1”设置新的个人口令。请当面告知本人，并请其尽快自行修改。").replace("%1", name)
        )
        self._edits = (self.ui.newPinEdit, self.ui.repeatEdit)
        self._error, self._busy_bar, self._buttons = self.ui.errorLabel, self.ui.busyBar, self.ui.buttonBox
        self._wire()

    def accept(self) -> None:
        new = self.ui.newPinEdit.text()
        problem = new_pin_problem(new, self.ui.repeatEdit.text())
        self._say(problem)
        workspace, person = self._ctx.workspace, self._person()
        if problem or workspace is None or person is None:
            return
        self._set_busy(True)
        self._ctx.runner.run_db(
            accounts.reset_pin,
            workspace,
            person,
            self.name,
            new,
            receiver=self,
            done=self._changed,
            failed=self._refused,
        )
