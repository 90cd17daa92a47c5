"""After unlock: the person at the keyboard picks themselves, then hears plainly about audit problems.

One call from start-up (`pass_gate`), so the start-up flow stays the UI engineer's and this stays
self-contained. Store calls (PIN check ~80 ms, acknowledgement) run on the database worker.
A store without accounts (created before accounts existed) skips the picker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.ui.people.picker import AccountPickerDialog

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.ui.tasks import TaskRunner


class AccountGate(QObject):
    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent_widget: QWidget | None,
        on_done: Callable[[], None],
        on_cancel: Callable[[], None],
    ) -> None:
        super().__init__()
        self._store = store
        self._runner = runner
        self._parent = parent_widget
        self._on_done = on_done
        self._on_cancel = on_cancel
        self.dialog: AccountPickerDialog | None = None
        self.warning: QMessageBox | None = None

    def start(self) -> None:
        if not self._store.guard.has_accounts:  # known since the check at open: nobody to pick
            self._got_accounts([])
            return
        self._runner.run_db(
            lambda: self._store.accounts.list_all(),
            receiver=self,
            on_success=self._got_accounts,
            on_failure=lambda _e: self._warn_if_read_only(),
            label="list accounts",
        )

    def _got_accounts(self, accounts: list[AccountInfo]) -> None:
        if not accounts:
            self._warn_if_read_only()
            return
        self.dialog = AccountPickerDialog(accounts, self._parent)
        self.dialog.submitted.connect(self._check_pin)
        self.dialog.rejected.connect(self._on_cancel)
        self.dialog.open()

    def _check_pin(self, name: str, pin: str) -> None:
        dialog = self.dialog
        assert dialog is not None

        def failed(error: BaseException) -> None:
            dialog.show_failure(str(error))

        def done(_info: AccountInfo) -> None:
            dialog.accept()
            self._warn_if_read_only()

        self._runner.run_db(
            lambda: self._store.login(name, pin),
            receiver=self,
            on_success=done,
            on_failure=failed,
            label="login",
        )

    def _warn_if_read_only(self) -> None:
        if self._store.read_only_reason is None:
            self._on_done()
            return
        problems = "\n".join(f"· {p.message}" for p in self._store.audit_problems)
        actor = self._store.actor
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
        if actor is not None and actor.may(Action.AUDIT_ACKNOWLEDGE):
            acknowledge = box.addButton(
                QCoreApplication.translate("AccountGate", "我已知晓，确认并恢复可写"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(
            QCoreApplication.translate("AccountGate", "以只读方式继续"), QMessageBox.ButtonRole.RejectRole
        )
        self.warning = box

        def chosen(_result: int) -> None:
            if acknowledge is not None and box.clickedButton() is acknowledge:
                self._runner.run_db(
                    self._store.acknowledge_audit_problems,
                    receiver=self,
                    on_success=lambda _r: self._on_done(),
                    on_failure=lambda _e: self._on_done(),
                    label="acknowledge audit problems",
                )
            else:
                self._on_done()

        box.finished.connect(chosen)
        box.open()


def pass_gate(
    store: Store,
    runner: TaskRunner,
    parent_widget: QWidget | None,
    on_done: Callable[[], None],
    on_cancel: Callable[[], None],
) -> AccountGate:
    """Start the gate; keep the returned object alive until on_done or on_cancel is called."""
    gate = AccountGate(store, runner, parent_widget, on_done, on_cancel)
    gate.start()
    return gate
