"""The 人员(&P) menu: manage accounts (主任), a case's 办理记录 timeline, the full audit check.

Installed beside the main window by one call (`install_people`), like data_safety, so the main
window stays the UI engineer's. Every store call runs on the database worker; the store itself
refuses what a role may not do, the menu only avoids offering it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.ui.labels import label, person
from rongcuo_desktop.ui.people.timeline import AuditTimelineWidget
from rongcuo_desktop.ui.shell.menus import add_menu_before_help

if TYPE_CHECKING:
    from rongcuo_desktop.store.audit import TimelineEntry, VerifyReport
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.ui.tasks import TaskRunner


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
        if not self.name_edit.text().strip():
            self.message.setText(self.tr("请输入姓名。"))
        elif self.pin_edit.text() != self.pin_again.text():
            self.message.setText(self.tr("两次输入的个人口令不一致。"))
        else:
            self.accept()


class AccountsDialog(QDialog):
    """The list of accounts, with 新建 and 停用 for the chair."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
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
        self._runner.run_db(
            lambda: self._store.accounts.list_all(include_inactive=True),
            receiver=self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _show(self, accounts: list[AccountInfo]) -> None:
        self.accounts = accounts
        self.list.clear()
        for info in accounts:
            state = "" if info.active else self.tr("（已停用）")
            self.list.addItem(person(info.name, info.role.label) + state)
        actor = self._store.actor
        may_manage = not accounts or (actor is not None and actor.may(Action.ACCOUNT_MANAGE))
        self.add_button.setEnabled(may_manage)
        self.disable_button.setEnabled(bool(accounts) and may_manage)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))

    def add_account(self) -> None:
        dialog = NewAccountDialog(first=not self.accounts, parent=self)
        self.new_dialog = dialog

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            name, role, pin = dialog.name_edit.text(), dialog.role(), dialog.pin_edit.text()
            first = not self.accounts

            def work() -> AccountInfo:
                info = self._store.accounts.add(name, role, pin)
                if first:  # the setup chair becomes a real person at once
                    self._store.login(name, pin)
                return info

            def added(info: AccountInfo) -> None:
                self.message.setText(self.tr("已新建账户：") + info.name)
                self.refresh()

            self._runner.run_db(work, receiver=self, on_success=added, on_failure=self._failed)

        dialog.finished.connect(done)
        dialog.open()

    def disable_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.accounts):
            self.message.setText(self.tr("请先选择一个账户。"))
            return
        name = self.accounts[row].name
        self._runner.run_db(
            lambda: self._store.accounts.set_active(name, False),
            receiver=self,
            on_success=lambda _r: self.refresh(),
            on_failure=self._failed,
        )


class TimelineDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("办理记录：") + title)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.timeline = AuditTimelineWidget()
        layout.addWidget(self.timeline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PeopleMenu(QObject):
    def __init__(self, window: QMainWindow, store: Store, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._runner = runner
        self.dialog: QDialog | None = None
        self.accounts_action = QAction(self.tr("账户管理…"), window)
        self.accounts_action.triggered.connect(self.show_accounts)
        self.timeline_action = QAction(self.tr("案件办理记录…"), window)
        self.timeline_action.triggered.connect(self.show_timeline)
        self.verify_action = QAction(self.tr("完整核对审计记录"), window)
        self.verify_action.triggered.connect(self.verify)
        menu = add_menu_before_help(window, self.tr("人员(&P)"))
        menu.addAction(self.accounts_action)
        menu.addAction(self.timeline_action)
        menu.addAction(self.verify_action)
        actor = store.actor
        if actor is not None:  # not offered what the store would refuse
            self.accounts_action.setEnabled(actor.may(Action.ACCOUNT_MANAGE))
            self.verify_action.setEnabled(actor.may(Action.AUDIT_VIEW))
            window.setWindowTitle(f"{window.windowTitle()} — {person(actor.name, actor.role.label)}")

    def show_accounts(self) -> None:
        self.dialog = AccountsDialog(self._store, self._runner, self._window)
        self.dialog.open()

    def _selected_case(self) -> tuple[int, str] | None:
        table = getattr(self._window, "table", None)
        model = getattr(self._window, "model", None)
        if table is None or model is None:
            return None
        row = table.currentIndex().row()
        case_id = model.case_id(row) if row >= 0 else None
        if case_id is None:
            return None
        return int(case_id), str(model.index(row, 0).data() or f"#{case_id}")

    def show_timeline(self) -> None:
        selected = self._selected_case()
        if selected is None:
            QMessageBox.information(self._window, self.tr("办理记录"), self.tr("请先在列表中选择一个案件。"))
            return
        case_id, title = selected
        dialog = TimelineDialog(title, self._window)
        self.dialog = dialog

        def show(entries: list[TimelineEntry]) -> None:
            dialog.timeline.set_entries(entries)
            dialog.open()

        self._runner.run_db(
            lambda: self._store.audit_timeline(case_id),
            receiver=self,
            on_success=show,
            on_failure=self._failed,
        )

    def verify(self) -> None:
        def show(report: VerifyReport) -> None:
            icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
            box = QMessageBox(icon, self.tr("审计记录"), report.summary(), parent=self._window)
            self.dialog = box
            box.open()

        self._runner.run_db(
            self._store.audit_verify,
            receiver=self,
            on_success=show,
            on_failure=self._failed,
            label="audit verify",
        )

    def _failed(self, error: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("人员与记录"), str(error), parent=self._window)
        self.dialog = box
        box.open()


def install_people(window: QMainWindow, store: Store, runner: TaskRunner) -> PeopleMenu:
    return PeopleMenu(window, store, runner)
