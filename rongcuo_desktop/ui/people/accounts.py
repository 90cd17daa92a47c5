"""人员 → 账户管理…: the accounts of this store, 新建 and 停用 for the 主任.

A store without accounts yet is run by its setup 主任; the first account made here must be a 主任,
who then acts at once (the window's person changes to them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.services import accounts
from rongcuo_desktop.ui.labels import label, person
from rongcuo_desktop.ui.people import ops
from rongcuo_desktop.ui.shell.context import WindowContext

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential


class NewAccountDialog(QDialog):
    """Name, role and the PIN typed twice."""

    def __init__(self, first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建账户"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in (Role.CHAIR,) if first else (Role.SECRETARY, Role.MEMBER, Role.CHAIR):
            self.role_combo.addItem(label(role), role.value)
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("姓名："), self.name_edit)
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow(self.tr("个人口令："), self.pin_edit)
        form.addRow(self.tr("再输入一次："), self.pin_again)
        if first:
            form.addRow(QLabel(self.tr("第一个账户必须是主任：由主任再为秘书和委员建立账户。")))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def role(self) -> Role:
        return {r.value: r for r in Role}[str(self.role_combo.currentData())]

    def _check(self) -> None:
        problem = accounts.pin_problem(self.pin_edit.text())
        if not self.name_edit.text().strip():
            self.message.setText(self.tr("请输入姓名。"))
        elif self.pin_edit.text() != self.pin_again.text():
            self.message.setText(self.tr("两次输入的个人口令不一致。"))
        elif problem is not None:
            self.message.setText(problem)
        else:
            self.accept()


class AccountsDialog(QDialog):
    """The list of accounts, with 新建 and 停用 for the chair."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.window)
        self._ctx = ctx
        self.setWindowTitle(self.tr("账户管理"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.add_button = QPushButton(self.tr("新建账户…"))
        self.disable_button = QPushButton(self.tr("停用所选账户"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.disable_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.disable_selected)
        self.accounts: list[AccountInfo] = []
        self.new_dialog: NewAccountDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        workspace = self._ctx.workspace
        if workspace is not None:
            self._ctx.runner.run_db(
                ops.everyone, workspace, receiver=self, done=self._show, failed=self._failed
            )

    def _show(self, people: list[AccountInfo]) -> None:
        self.accounts = people
        self.list.clear()
        for info in people:
            state = "" if info.active else self.tr("（已停用）")
            self.list.addItem(person(info.name, info.role.label) + state)
        may_manage = self._ctx.may(Action.ACCOUNT_MANAGE)
        self.add_button.setEnabled(may_manage)
        self.disable_button.setEnabled(bool(people) and may_manage)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))

    def add_account(self) -> None:
        dialog = NewAccountDialog(first=not self.accounts, parent=self)
        self.new_dialog = dialog
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.open()

    def _add(self, dialog: NewAccountDialog) -> None:
        workspace, acting = self._ctx.workspace, self._ctx.person
        if workspace is None or acting is None:
            return
        name = dialog.name_edit.text()

        def added(chair: Credential | None) -> None:
            if chair is not None:  # the store's first account: its 主任 acts from now on
                self._ctx.set_person(chair)
            self.message.setText(self.tr("已新建账户：") + name.strip())
            self.refresh()

        self._ctx.runner.run_db(
            ops.add_account,
            workspace,
            acting,
            name,
            dialog.role(),
            dialog.pin_edit.text(),
            receiver=self,
            done=added,
            failed=self._failed,
        )

    def disable_selected(self) -> None:
        row = self.list.currentRow()
        workspace, acting = self._ctx.workspace, self._ctx.person
        if not 0 <= row < len(self.accounts) or workspace is None or acting is None:
            self.message.setText(self.tr("请先选择一个账户。"))
            return
        self._ctx.runner.run_db(
            accounts.disable,
            workspace,
            acting,
            self.accounts[row].name,
            receiver=self,
            done=lambda _none: self.refresh(),
            failed=self._failed,
        )
