"""Offer each action of the main window only to people who may take it; no change while read-only.

Issue 4: "Actions a role may not take are not offered" -- the store refuses them anyway, so the UI
asks the same table (domain/roles.py) before offering:

- what the person's role may never do is hidden (menus and toolbar close up around it);
- while the store is read-only after an audit anomaly, every action that would write is disabled
  and a banner says so plainly; a 主任 can acknowledge from the banner, which makes it writable.

Write actions sit in one QActionGroup: disabling the group disables them all, and an action's own
setEnabled(True) (the demo cases finishing, say) cannot switch one back on while the group is off.

Features offer their actions through WindowContext.offer; the gate re-reads the person and the
read-only state whenever the context says they changed (unlock, restore, 切换使用人).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.shell.context import WindowContext

log = logging.getLogger(__name__)

BANNER_STYLE = (
    "QFrame#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0b84c; }"
    "QLabel#readOnlyText { color: #6b4e00; font-weight: bold; }"
)


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

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        window = ctx.window
        self._offers: list[tuple[QAction, tuple[Action, ...]]] = []
        self.writes = QActionGroup(self)
        self.writes.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.banner = ReadOnlyBanner(window)
        self.banner.hide()
        content = window.takeCentralWidget()  # the list and the detail pane go under the banner
        frame = QWidget(window)
        frame.setObjectName("bannerAndContent")
        column = QVBoxLayout(frame)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if content is not None:
            column.addWidget(content, 1)
        window.setCentralWidget(frame)
        self.banner.acknowledge_button.clicked.connect(self.acknowledge)
        self.confirm: QMessageBox | None = None
        ctx.person_changed.connect(self.refresh)

    def offer(self, action: QAction, *needs: Action, writes: bool = False) -> None:
        """Show `action` to people whose role allows any of `needs` (everyone when none); a write
        is also disabled while the store is read-only."""
        self._offers.append((action, needs))
        if writes:
            self.writes.addAction(action)
        self._apply(action, needs)

    def _apply(self, action: QAction, needs: tuple[Action, ...]) -> None:
        action.setVisible(not needs or self._ctx.may(*needs))

    def refresh(self) -> None:
        ctx = self._ctx
        for action, needs in self._offers:
            self._apply(action, needs)
        read_only = ctx.read_only
        self.writes.setEnabled(not read_only)
        note = self.tr("只读：审计记录异常，待主任确认") if read_only else ""
        for action in self.writes.actions():
            action.setToolTip(note)  # "" gives back the default (the action's text)
        self.banner.show_state(read_only, ctx.may(Action.AUDIT_ACKNOWLEDGE))
        person = ctx.person
        log.info(
            "actions offered to %s (read-only: %s)", person.role.value if person else "nobody", read_only
        )
        self.changed.emit()

    # -- the chair's acknowledgement -------------------------------------------------------------

    def acknowledge(self) -> None:
        """The 主任 has read what was found: record it (audited), re-anchor, make the store writable."""
        workspace = self._ctx.workspace
        if workspace is None:
            return
        problems = "\n".join(f"· {p.message}" for p in workspace.audit_problems)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("确认审计异常"),
            self.tr(
                "确认后，这些异常会以您的名义记入审计记录，数据库恢复可写。"
                "如怀疑数据被改动，请先从备份恢复或保留现场，再确认。"
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._ctx.window,
        )
        box.setInformativeText(problems)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("确认并恢复可写"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm = box
        box.finished.connect(self._confirmed)
        box.open()

    def _confirmed(self, result: int) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if result != QMessageBox.StandardButton.Ok or workspace is None or person is None:
            return
        from rongcuo_desktop.services import audit  # SQLAlchemy: not on the first look's path

        self._ctx.runner.run_db(
            audit.acknowledge,
            workspace,
            person,
            receiver=self,
            done=self._acknowledged,
            failed=self._failed,
        )

    def _acknowledged(self, _result: object) -> None:
        self.refresh()
        self._ctx.status(self.tr("已确认审计异常，数据库恢复可写。"), 8000)

    def _failed(self, error: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("确认审计异常"),
            str(error) or type(error).__name__,
            parent=self._ctx.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm = box
        box.open()
