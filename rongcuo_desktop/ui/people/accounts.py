"""人员 → 账户管理…: the accounts of this store; 新建, 重设个人口令 and 停用 for the 主任.

A store without accounts yet is run by its setup 主任; the first account made here must be a 主任,
who then acts at once (the window's person changes to them). Layouts: forms/accounts_dialog.ui and
forms/new_account_dialog.ui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.services import accounts
from rongcuo_desktop.ui.forms.ui_accounts_dialog import Ui_AccountsDialog
from rongcuo_desktop.ui.forms.ui_new_account_dialog import Ui_NewAccountDialog
from rongcuo_desktop.ui.labels import label, person
from rongcuo_desktop.ui.people import ops
from rongcuo_desktop.ui.people.pins import ResetPinDialog, new_pin_problem
from rongcuo_desktop.ui.shell.context import WindowContext

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential


class NewAccountDialog(QDialog):
    """Name, role and the PIN typed twice (checked against the PIN rules before it is sent)."""

    def __init__(self, first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewAccountDialog()
        self.ui.setupUi(self)
        for role in (Role.CHAIR,) if first else (Role.SECRETARY, Role.MEMBER, Role.CHAIR):
            self.ui.roleCombo.addItem(label(role), role.value)
        self.ui.firstNoteLabel.setVisible(first)
        self.ui.errorLabel.hide()
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)

    def role(self) -> Role:
        return {r.value: r for r in Role}[str(self.ui.roleCombo.currentData())]

    def _check(self) -> None:
        problem = new_pin_problem(self.ui.pinEdit.text(), self.ui.repeatEdit.text())
        if not self.ui.nameEdit.text().strip():
            problem = self.tr("请输入姓名。")
        self.ui.errorLabel.setText(problem)
        self.ui.errorLabel.setVisible(bool(problem))
        if not problem:
            self.accept()


class AccountsDialog(QDialog):
    """The list of accounts, with 新建, 重设个人口令 and 停用 for the chair."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.window)
        self._ctx = ctx
        self.ui = Ui_AccountsDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.addButton.clicked.connect(self.add_account)
        self.ui.resetPinButton.clicked.connect(self.reset_pin)
        self.ui.disableButton.clicked.connect(self.disable_selected)
        self.accounts: list[AccountInfo] = []
        self.new_dialog: QDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        workspace = self._ctx.workspace
        if workspace is not None:
            self._ctx.runner.run_db(
                ops.everyone, workspace, receiver=self, done=self._show, failed=self._failed
            )

    def _show(self, people: list[AccountInfo]) -> None:
        self.accounts = people
        self.ui.accountList.clear()
        for info in people:
            state = "" if info.active else self.tr("（已停用）")
            self.ui.accountList.addItem(person(info.name, info.role.label) + state)
        may_manage = self._ctx.may(Action.ACCOUNT_MANAGE)
        self.ui.addButton.setEnabled(may_manage)
        for button in (self.ui.disableButton, self.ui.resetPinButton):
            button.setEnabled(bool(people) and may_manage)

    def _failed(self, error: BaseException) -> None:
        self._say(str(error))

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

    def _selected(self) -> AccountInfo | None:
        row = self.ui.accountList.currentRow()
        if not 0 <= row < len(self.accounts):
            self._say(self.tr("请先选择一个账户。"))
            return None
        return self.accounts[row]

    def add_account(self) -> None:
        dialog = NewAccountDialog(first=not self.accounts, parent=self)
        self.new_dialog = dialog
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.open()

    def _add(self, dialog: NewAccountDialog) -> None:
        workspace, acting = self._ctx.workspace, self._ctx.person
        if workspace is None or acting is None:
            return
        name = dialog.ui.nameEdit.text()

        def added(chair: Credential | None) -> None:
            if chair is not None:  # the store's first account: its 主任 acts from now on
                self._ctx.set_person(chair)
            self._say(self.tr("已新建账户：") + name.strip())
            self.refresh()

        self._ctx.runner.run_db(
            ops.add_account,
            workspace,
            acting,
            name,
            dialog.role(),
            dialog.ui.pinEdit.text(),
            receiver=self,
            done=added,
            failed=self._failed,
        )

    def reset_pin(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        dialog = ResetPinDialog(self._ctx, selected.name)
        self.new_dialog = dialog
        dialog.accepted.connect(
            lambda: self._say(
                self.tr("已为“%1”重设个人口令（已记入审计记录）。").replace("%1", selected.name)
            )
        )
        dialog.open()

    def disable_selected(self) -> None:
        selected = self._selected()
        workspace, acting = self._ctx.workspace, self._ctx.person
        if selected is None or workspace is None or acting is None:
            return
        self._ctx.runner.run_db(
            accounts.disable,
            workspace,
            acting,
            selected.name,
            receiver=self,
            done=lambda _none: self.refresh(),
            failed=self._failed,
        )
