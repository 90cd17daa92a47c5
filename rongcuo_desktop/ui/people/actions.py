"""The 人员(&P) menu: 切换使用人, accounts (主任), a case's 办理记录, the full audit check.

切换使用人 hands the keyboard to another person without restarting: they pick themselves and
type their PIN (checked by the store, wrong ones audited and slowed down); the window's person
changes, and with it the list (a 委员 sees only their committees' cases), the menus and the title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.services import accounts
from rongcuo_desktop.ui.people.picker import AccountPickerDialog
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell

if TYPE_CHECKING:
    from rongcuo_desktop.domain.committee import TimelineEntry
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.audit import VerifyReport


class PeopleActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: QWidget | None = None
        window = ctx.window
        self.switch_action = QAction(self.tr("切换使用人…"), window)
        self.switch_action.setObjectName("switchPersonAction")
        self.switch_action.triggered.connect(self.switch_person)
        self.pin_action = QAction(self.tr("修改个人口令…"), window)
        self.pin_action.setObjectName("changePinAction")
        self.pin_action.triggered.connect(self.change_pin)
        self.accounts_action = QAction(self.tr("账户管理…"), window)
        self.accounts_action.setObjectName("accountsAction")
        self.accounts_action.triggered.connect(self.show_accounts)
        self.timeline_action = QAction(self.tr("案件办理记录…"), window)
        self.timeline_action.setObjectName("timelineAction")
        self.timeline_action.triggered.connect(self.show_timeline)
        self.verify_action = QAction(self.tr("完整核对审计记录"), window)
        self.verify_action.setObjectName("verifyAuditAction")
        self.verify_action.triggered.connect(self.verify)
        ctx.offer(MenuName.PEOPLE, self.switch_action)
        ctx.offer(MenuName.PEOPLE, self.pin_action)
        ctx.menu(MenuName.PEOPLE).addSeparator()
        ctx.offer(MenuName.PEOPLE, self.accounts_action, Action.ACCOUNT_MANAGE, writes=True)
        ctx.offer(MenuName.PEOPLE, self.timeline_action, Action.CASE_READ, Action.CASE_READ_ALL)
        ctx.offer(MenuName.PEOPLE, self.verify_action, Action.AUDIT_VIEW)
        ctx.gate.changed.connect(self._show_switch)
        self._show_switch()

    def _show_switch(self) -> None:
        """切换使用人 only where there are people to switch between; 修改个人口令 for a person with an
        account (not the setup 主任 of a store without accounts)."""
        workspace, person = self._ctx.workspace, self._ctx.person
        with_accounts = workspace is not None and workspace.has_accounts
        self.switch_action.setVisible(with_accounts)
        self.pin_action.setVisible(with_accounts and person is not None and bool(person.id))

    def change_pin(self) -> None:
        from rongcuo_desktop.ui.people.pins import ChangePinDialog

        dialog = ChangePinDialog(self._ctx)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._ctx.status(self.tr("您的个人口令已修改。")))
        dialog.open()

    # -- 切换使用人 ------------------------------------------------------------------------------

    def switch_person(self) -> None:
        workspace = self._ctx.workspace
        if workspace is not None:
            self._ctx.runner.run_db(
                accounts.people, workspace, receiver=self, done=self._pick, failed=self._failed
            )

    def _pick(self, people: list[AccountInfo]) -> None:
        dialog = AccountPickerDialog(people, self._ctx.window, switching=True)
        self.dialog = dialog
        dialog.submitted.connect(lambda name, pin: self._sign_in(dialog, name, pin))
        dialog.open()

    def _sign_in(self, dialog: AccountPickerDialog, name: str, pin: str) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            dialog.reject()
            return

        def signed_in(person: Credential) -> None:
            dialog.accept()
            self._ctx.set_person(person)
            self._ctx.status(self.tr("现在的使用人：%1").replace("%1", person.name))

        self._ctx.runner.run_db(
            accounts.sign_in,
            workspace,
            name,
            pin,
            receiver=self,
            done=signed_in,
            failed=lambda error: dialog.show_failure(str(error)),
        )

    # -- accounts, 办理记录, the audit check -----------------------------------------------------

    def show_accounts(self) -> None:
        from rongcuo_desktop.ui.people.accounts import AccountsDialog

        dialog = AccountsDialog(self._ctx)
        self.dialog = dialog
        dialog.open()

    def show_timeline(self) -> None:
        selected = self._ctx.cases.current_case()
        workspace, person = self._ctx.workspace, self._ctx.person
        if selected is None or workspace is None or person is None:
            self.dialog = tell(
                self._ctx.window,
                self.tr("办理记录"),
                self.tr("请先在列表中选择一个案件。"),
                icon=QMessageBox.Icon.Information,
            )
            return
        case_id, title = selected
        from rongcuo_desktop.services import judgment  # SQLAlchemy models: not on the start path

        self._ctx.runner.run_db(
            judgment.timeline,
            workspace,
            person,
            case_id,
            receiver=self,
            done=lambda entries: self._show_timeline(title, entries),
            failed=self._failed,
        )

    def _show_timeline(self, title: str, entries: list[TimelineEntry]) -> None:
        from rongcuo_desktop.ui.people.timeline import TimelineDialog

        dialog = TimelineDialog(title, self._ctx.window)
        dialog.timeline.set_entries(entries)
        self.dialog = dialog
        dialog.open()

    def verify(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is not None and person is not None:
            from rongcuo_desktop.services import audit  # not on the start path

            self._ctx.runner.run_db(
                audit.verify,
                workspace,
                person,
                receiver=self,
                done=self._verified,
                failed=self._failed,
            )

    def _verified(self, report: VerifyReport) -> None:
        icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
        self.dialog = tell(self._ctx.window, self.tr("审计记录"), report.summary(), icon=icon)

    def _failed(self, error: BaseException) -> None:
        self.dialog = tell(self._ctx.window, self.tr("人员与记录"), str(error))
