"""After unlock: the person at the keyboard picks themselves, then hears plainly about audit problems.

Built by the start-up (and again after an unlock that needs a person) with the open workspace; it
ends with `on_done(credential)` or `on_cancel()`. A store without accounts yet has nobody to pick:
its setup 主任 acts. The PIN check (~80 ms, wrong PINs slowed down) runs on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.services import accounts, audit
from rongcuo_desktop.ui.people.picker import AccountPickerDialog

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.tasks import TaskRunner


class AccountGate(QObject):
    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        parent_widget: QWidget | None,
        *,
        on_done: Callable[[Credential], None],
        on_cancel: Callable[[], None],
    ) -> None:
        super().__init__()
        self._workspace = workspace
        self._runner = runner
        self._parent = parent_widget
        self._on_done = on_done
        self._on_cancel = on_cancel
        self.dialog: AccountPickerDialog | None = None
        self.warning: QMessageBox | None = None

    def start(self) -> None:
        if not self._workspace.has_accounts:  # known since the check at open: nobody to pick
            self._runner.run_db(
                accounts.setup_person,
                self._workspace,
                receiver=self,
                done=self._setup_person,
                failed=self._refused,
            )
            return
        self._runner.run_db(
            accounts.people, self._workspace, receiver=self, done=self._got_people, failed=self._refused
        )

    def _setup_person(self, person: Credential | None) -> None:
        if person is None:  # the first account was made meanwhile (cannot happen at start)
            self.start()
            return
        self._warn_if_read_only(person)

    def _got_people(self, people: list[AccountInfo]) -> None:
        self.dialog = AccountPickerDialog(people, self._parent)
        self.dialog.submitted.connect(self._check_pin)
        self.dialog.rejected.connect(self._on_cancel)
        self.dialog.open()

    def _check_pin(self, name: str, pin: str) -> None:
        dialog = self.dialog
        assert dialog is not None

        def signed_in(person: Credential) -> None:
            dialog.accept()
            self._warn_if_read_only(person)

        self._runner.run_db(
            accounts.sign_in,
            self._workspace,
            name,
            pin,
            receiver=self,
            done=signed_in,
            failed=lambda error: dialog.show_failure(str(error)),
        )

    def _refused(self, error: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("无法确认使用人"), str(error), parent=self._parent
        )
        box.finished.connect(lambda _result: self._on_cancel())
        self.warning = box
        box.open()

    def _warn_if_read_only(self, person: Credential) -> None:
        workspace = self._workspace
        if workspace.read_only_reason is None:
            self._on_done(person)
            return
        problems = "\n".join(f"· {p.message}" for p in workspace.audit_problems)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("AccountGate", "审计记录异常"))
        box.setText(
            QCoreApplication.translate(
                "AccountGate", "核对审计记录时发现异常。为保护证据，程序现在以只读方式运行，直到主任确认。"
            )
        )
        box.setInformativeText(problems)
        acknowledge = None
        if person.may(Action.AUDIT_ACKNOWLEDGE):
            acknowledge = box.addButton(
                QCoreApplication.translate("AccountGate", "我已知晓，确认并恢复可写"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(
            QCoreApplication.translate("AccountGate", "以只读方式继续"), QMessageBox.ButtonRole.RejectRole
        )
        self.warning = box

        def chosen(_result: int) -> None:
            if acknowledge is None or box.clickedButton() is not acknowledge:
                self._on_done(person)
                return
            self._runner.run_db(
                audit.acknowledge,
                workspace,
                person,
                receiver=self,
                done=lambda _none: self._on_done(person),
                failed=lambda _error: self._on_done(person),
            )

        box.finished.connect(chosen)
        box.open()
