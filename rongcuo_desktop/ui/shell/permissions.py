"""Offer each action of the main window only to people who may take it; no change while read-only.

Issue 4: "Actions a role may not take are not offered" — the store refuses them anyway (guard.py),
so the UI asks the same table (domain/roles.py) before offering:

- what the person's role may never do is hidden (menus and toolbar close up around it);
- while the store is read-only after an audit anomaly, every action that would write is disabled
  and a banner says so plainly; a 主任 can acknowledge from the banner, which makes it writable.

Write actions sit in one QActionGroup: disabling the group disables them all, and an action's own
setEnabled(True) (the demo cases finishing, say) cannot switch one back on while the group is off.

Installed by one call from app.py (`install_permissions`), after the 数据 and 人员 menus, like them.
After an unlock or a restore the store is a new object and app.py builds a new window, so the
person and the read-only state are read again there; `refresh()` re-reads them on the same window.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.store.accounts import NotLoggedIn

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.ui.data.safety import DataSafety
    from rongcuo_desktop.ui.people.menu import PeopleMenu
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

BANNER_STYLE = (
    "QFrame#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0b84c; }"
    "QLabel#readOnlyText { color: #6b4e00; font-weight: bold; }"
)


def acting(store: Store) -> AccountInfo | None:
    """Who the store acts as: the logged-in person, the setup 主任 of a store without accounts yet,
    or None (accounts exist and nobody is logged in: nothing is offered)."""
    try:
        return store.guard.acting()
    except NotLoggedIn:
        return None


def may(store: Store, *actions: Action) -> bool:
    """The person's role allows any of `actions` (whether or not the store is read-only now)."""
    person = acting(store)
    return person is not None and any(person.may(action) for action in actions)


def may_change(store: Store, action: Action) -> bool:
    """The person may do it and the store may be written now."""
    return store.read_only_reason is None and may(store, action)


class ReadOnlyBanner(QFrame):
    """A yellow strip above the case list while the store is read-only, with the 主任's way out.

    Above the list rather than in a toolbar: a toolbar gives a label no height for wrapping, and one
    line of English would make the window wider than a 1024-pixel projector.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel(self)
        self.text.setObjectName("readOnlyText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.acknowledge_button = QPushButton(self.tr("确认异常并恢复可写…"), self)
        self.acknowledge_button.setObjectName("acknowledgeButton")
        layout.addWidget(self.acknowledge_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_state(self, read_only: bool, may_acknowledge: bool) -> None:
        if may_acknowledge:
            text = self.tr(
                "只读：审计记录异常，待主任确认。确认前不能修改案件、添加附件、恢复备份或管理账户。"
            )
        else:
            text = self.tr(
                "只读：审计记录异常，待主任确认。确认前不能修改案件、添加附件、恢复备份或管理账户；"
                "请主任登录后确认。"
            )
        self.text.setText(text)
        self.acknowledge_button.setVisible(may_acknowledge)
        self.setVisible(read_only)


class ActionGate(QObject):
    """Hides what the role may not do, disables writes while read-only, shows the banner."""

    changed = Signal()  # after refresh(): the person or the read-only state may differ

    def __init__(self, window: QMainWindow, store: Store, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._runner = runner
        self._offers: list[tuple[QAction, tuple[Action, ...]]] = []
        self.writes = QActionGroup(self)
        self.writes.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.banner = ReadOnlyBanner(window)
        self.banner.hide()
        content = window.takeCentralWidget()  # the list and the detail pane go under the banner
        holder = QWidget(window)
        holder.setObjectName("bannerAndContent")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if content is not None:
            column.addWidget(content, 1)
        window.setCentralWidget(holder)
        self.banner.acknowledge_button.clicked.connect(self.acknowledge)
        self.confirm: QMessageBox | None = None

    # -- the table -------------------------------------------------------------------------------

    def offer(self, action: QAction, *needs: Action, writes: bool = False) -> None:
        """Show `action` to people whose role allows any of `needs` (everyone when none); a write
        is also disabled while the store is read-only."""
        self._offers.append((action, needs))
        if writes:
            self.writes.addAction(action)

    # -- state -----------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._store.read_only_reason is not None

    def may(self, *actions: Action) -> bool:
        return may(self._store, *actions)

    def may_change(self, action: Action) -> bool:
        return may_change(self._store, action)

    def refresh(self) -> None:
        person = acting(self._store)
        for action, needs in self._offers:
            action.setVisible(not needs or (person is not None and any(person.may(n) for n in needs)))
        read_only = self.read_only
        self.writes.setEnabled(not read_only)
        note = self.tr("只读：审计记录异常，待主任确认") if read_only else ""
        for action in self.writes.actions():
            action.setToolTip(note)  # "" gives back the default (the action's text)
        may_acknowledge = person is not None and person.may(Action.AUDIT_ACKNOWLEDGE)
        self.banner.show_state(read_only, may_acknowledge)
        log.info(
            "actions offered to %s (read-only: %s)", person.role.value if person else "nobody", read_only
        )
        self.changed.emit()

    # -- the chair's acknowledgement -------------------------------------------------------------

    def acknowledge(self) -> None:
        """The 主任 has read what was found: record it (audited), re-anchor, make the store writable."""
        problems = "\n".join(f"· {p.message}" for p in self._store.audit_problems)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("确认审计异常"),
            self.tr(
                "确认后，这些异常会以您的名义记入审计记录，数据库恢复可写。"
                "如怀疑数据被改动，请先从备份恢复或保留现场，再确认。"
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setInformativeText(problems)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("确认并恢复可写"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm = box

        def chosen(result: int) -> None:
            if result != QMessageBox.StandardButton.Ok:
                return
            self._runner.run_db(
                self._store.acknowledge_audit_problems,
                receiver=self,
                on_success=self._acknowledged,
                on_failure=self._failed,
                label="acknowledge audit problems",
            )

        box.finished.connect(chosen)
        box.open()

    def _acknowledged(self, _result: object) -> None:
        self.refresh()
        self._window.statusBar().showMessage(self.tr("已确认审计异常，数据库恢复可写。"), 8000)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self._window, self.tr("确认审计异常"), str(error) or type(error).__name__)


def gate_of(widget: QWidget | None) -> ActionGate | None:
    """The gate of the main window `widget` belongs to (None outside one, e.g. in a widget test)."""
    window = widget.window() if widget is not None else None
    return window.findChild(ActionGate) if window is not None else None


def install_permissions(
    window: MainWindow,
    store: Store,
    runner: TaskRunner,
    *,
    safety: DataSafety | None = None,
    people: PeopleMenu | None = None,
) -> ActionGate:
    """app.py's one hook: every action of the window, its 数据 and 人员 menus and its toolbar, with
    what it needs (the store refuses the same below the UI)."""
    gate = ActionGate(window, store, runner)
    gate.offer(window.add_demo_action, Action.CASE_CREATE, writes=True)
    # The recovery passphrase and whether it is asked at each start protect everyone's data on this
    # PC: the 主任 (who manages accounts) decides. Not a database write, so allowed while read-only.
    gate.offer(window.change_passphrase_action, Action.ACCOUNT_MANAGE)
    gate.offer(window.require_passphrase_action, Action.ACCOUNT_MANAGE)
    if safety is not None:
        gate.offer(safety.attachments_action, Action.ATTACHMENT_OPEN, Action.ATTACHMENT_ADD)
        gate.offer(safety.backup_action, Action.BACKUP)  # a backup changes nothing: kept read-only
        gate.offer(safety.restore_action, Action.RESTORE, writes=True)
        # An export reads the cases (and is audited, read-only or not, like opening an attachment);
        # an import writes them.
        gate.offer(safety.transfer.export_selected_action, Action.EXPORT)
        gate.offer(safety.transfer.export_all_action, Action.EXPORT)
        gate.offer(safety.transfer.import_action, Action.IMPORT, writes=True)
        safety.lock.unlocked.connect(gate.refresh)
    if people is not None:
        gate.offer(people.accounts_action, Action.ACCOUNT_MANAGE, writes=True)
        gate.offer(people.timeline_action, Action.CASE_READ, Action.CASE_READ_ALL)
        gate.offer(people.verify_action, Action.AUDIT_VIEW)
    gate.refresh()
    return gate
