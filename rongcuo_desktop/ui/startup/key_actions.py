"""文件 → 修改口令… and 每次启动都需要口令: the recovery passphrase and where the key is kept.

Both protect everyone's data on this PC, so the 主任 (who manages accounts) decides; neither writes
the database, so both stay usable while the store is read-only. Without a credential store the
passphrase is asked at every start anyway: the check box says so and cannot be changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import unlock
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.main_window import QUIT_SEPARATOR
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell
from rongcuo_desktop.ui.theme import icon


class PassphraseActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.change_action = QAction(icon("key"), self.tr("修改口令…"), ctx.window)
        self.change_action.setObjectName("changePassphraseAction")
        self.change_action.triggered.connect(self.change_passphrase)
        self.require_action = QAction(self.tr("每次启动都需要口令"), ctx.window)
        self.require_action.setObjectName("requirePassphraseAction")
        self.require_action.setCheckable(True)
        for action in (self.change_action, self.require_action):
            ctx.offer(MenuName.FILE, action, Action.ACCOUNT_MANAGE, before=QUIT_SEPARATOR)
        self._show_require()
        ctx.workspace_changed.connect(self._show_require)
        self.require_action.toggled.connect(self.set_require_passphrase)

    def _show_require(self) -> None:
        action, workspace = self.require_action, self._ctx.workspace
        action.blockSignals(True)
        if workspace is None:
            action.setEnabled(False)
        elif not self._ctx.credential_store_usable:
            # No credential store: the passphrase is asked at every start anyway.
            action.setChecked(True)
            action.setEnabled(False)
            action.setToolTip(self.tr("本机没有可用的系统凭据库，每次启动都需要口令。"))
        else:
            action.setEnabled(True)
            action.setChecked(workspace.keys.require_passphrase_each_start)
        action.blockSignals(False)
        self.change_action.setEnabled(workspace is not None)

    def change_passphrase(self) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            return
        from rongcuo_desktop.ui.startup.passphrase_dialogs import (
            ChangePassphraseDialog,  # not on the start path
        )

        dialog = ChangePassphraseDialog(workspace, self._ctx.runner, self._ctx.window)
        dialog.accepted.connect(lambda: self._ctx.status(self.tr("恢复口令已修改。")))
        dialog.open()

    def set_require_passphrase(self, value: bool) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None or value == workspace.keys.require_passphrase_each_start:
            return
        self.require_action.setEnabled(False)
        self._ctx.runner.run_slow(
            unlock.set_require_passphrase,
            workspace,
            person,
            value,
            receiver=self,
            done=lambda _none: self._required(value),
            failed=lambda error: self._refused(value, error),
        )

    def _required(self, value: bool) -> None:
        self.require_action.setEnabled(True)
        self._ctx.status(
            self.tr("今后每次启动都需要输入口令。") if value else self.tr("今后启动时从系统凭据库读取密钥。")
        )

    def _refused(self, value: bool, error: BaseException) -> None:
        self.require_action.setEnabled(True)
        self.require_action.blockSignals(True)
        self.require_action.setChecked(not value)
        self.require_action.blockSignals(False)
        tell(self._ctx.window, self.tr("操作未完成"), str(error))
