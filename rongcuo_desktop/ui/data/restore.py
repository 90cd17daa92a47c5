"""数据 → 从备份恢复…, and the offer of the newest good backup when the store is found damaged.

A restore is the 主任's (the store refuses anyone else): the backup is checked completely first,
the current store is moved aside (never deleted) and the restored one opens in its place; the window
carries on with it, the same person acting. A wrong passphrase closes nothing and asks again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import backup
from rongcuo_desktop.services.errors import WrongPassphrase
from rongcuo_desktop.ui.data.backup import BACKUP_FOLDER_KEY
from rongcuo_desktop.ui.forms.ui_restore_offer_dialog import Ui_RestoreOfferDialog
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import ask_secret, choose_file, tell

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.backup import BackupManifest, RestoreResult
    from rongcuo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

BACKUPS_DIR_NAME = "backups"


class RestoreActions(QObject):
    concluded = Signal(bool)  # a restore ended: done (True) or refused, the window on a store again

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: QWidget | None = None  # the dialog or message shown last (tests answer it)
        self.last_error = ""
        self.action = QAction(self.tr("从备份恢复…"), ctx.window)
        self.action.setObjectName("restoreAction")
        self.action.triggered.connect(self.choose_and_restore)
        ctx.offer(MenuName.DATA, self.action, Action.RESTORE, writes=True)

    # -- a file the user picks (a USB stick) -----------------------------------------------------

    def choose_and_restore(self) -> None:
        if self._ctx.workspace is None:
            return
        # Start where backups are: the folder last backed up to (a USB stick), else this store's own.
        last = str(self._ctx.settings.value(BACKUP_FOLDER_KEY, "") or "")
        start = last if last and Path(last).is_dir() else str(self._ctx.data_dir / BACKUPS_DIR_NAME)
        self.dialog = choose_file(
            self._ctx.window,
            self.tr("选择备份文件"),
            start,
            self.tr("备份文件 (*.rcbak)"),
            self._ask_passphrase,
        )

    def _ask_passphrase(self, chosen: Path, problem: str = "") -> None:
        prompt = self.tr(
            "请输入做这个备份时的恢复口令。\n恢复前会完整检查备份；当前数据库会先原样保留到备份文件夹。"
        )
        self.dialog = ask_secret(
            self._ctx.window,
            self.tr("从备份恢复"),
            f"{problem}\n\n{prompt}" if problem else prompt,
            lambda passphrase: self.restore_file(chosen, passphrase),
        )

    def restore_file(self, chosen: Path, passphrase: str) -> None:
        """Check and restore `chosen`. A wrong passphrase closes nothing: the user is asked again
        (told why). Afterwards the user is told where the old store was kept."""
        acting = self._acting()
        if acting is None:
            return
        workspace, person = acting

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphrase):  # refused before anything was closed
                self._carry_on(workspace, person)
                self._ask_passphrase(chosen, str(error))
            else:
                self._refused(workspace, person, error)

        self._begin()
        self._ctx.runner.run_db(
            backup.restore_in_app,
            workspace,
            person,
            chosen,
            passphrase,
            receiver=self,
            done=lambda result: self._restored((workspace, person, result)),  # the same workspace
            failed=failed,
        )

    # -- after damage was found ------------------------------------------------------------------

    def offer_newest(self, problem: str, newest: BackupManifest | None) -> None:
        """The integrity check found damage: the 主任 is offered the newest good backup; anyone else
        is told to ask the 主任 (nothing is changed)."""
        if not self._ctx.may(Action.RESTORE):
            self.dialog = tell(
                self._ctx.window,
                self.tr("检查数据库完整性"),
                self.tr("数据库未通过完整性检查：%1\n\n文件保持原样。请告知主任，由主任从备份恢复。").replace(
                    "%1", problem
                ),
            )
            return
        dialog = RestoreOfferDialog(problem, newest, self._ctx.window, at_start=False)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._restore_newest(newest))
        dialog.open()

    def _restore_newest(self, newest: BackupManifest | None) -> None:
        acting = self._acting()
        if newest is None or acting is None:
            return
        workspace, person = acting
        self._begin()
        self._ctx.runner.run_db(
            backup.restore_in_app,
            workspace,
            person,
            newest.path,
            None,  # this store's own backup: its key opens it
            receiver=self,
            done=lambda result: self._restored((workspace, person, result)),  # the same workspace
            failed=lambda error: self._refused(workspace, person, error),
        )

    # -- shared ----------------------------------------------------------------------------------

    def _acting(self) -> tuple[Workspace, Credential] | None:
        workspace, person = self._ctx.workspace, self._ctx.person
        return None if workspace is None or person is None else (workspace, person)

    def _begin(self) -> None:
        """The store closes for the restore: meanwhile the window shows and asks nothing of it."""
        self.action.setEnabled(False)
        self._ctx.set_workspace(None, None)

    def _carry_on(self, workspace: Workspace, person: Credential) -> None:
        self.action.setEnabled(True)
        self._ctx.set_workspace(workspace, person)

    def _restored(self, restored: tuple[Workspace, Credential, RestoreResult]) -> None:
        """The restored store replaces the window's; say when the backup was made and where the old
        store now is."""
        fresh, person, result = restored
        self.action.setEnabled(True)
        self._ctx.set_workspace(fresh, person)
        text = self.tr("已从备份恢复（备份时间 %1）。").replace("%1", result.manifest.created_local)
        if result.kept_dir is not None:
            text += "\n" + self.tr("原来的数据库已原样保留在：%1").replace("%1", str(result.kept_dir))
        self.dialog = tell(self._ctx.window, self.tr("从备份恢复"), text, icon=QMessageBox.Icon.Information)
        self.concluded.emit(True)

    def _refused(self, workspace: Workspace, person: Credential, error: BaseException) -> None:
        """A refused restore: say why, and carry on with the current store, which is in place (open
        again on the worker when the store had been closed for the restore; when it would not open
        again, the window shows no store)."""
        self.last_error = str(error) or type(error).__name__
        log.warning("restore refused: %s", type(error).__name__)
        if workspace.is_open:
            self._carry_on(workspace, person)
        else:
            self.action.setEnabled(True)
        self.dialog = tell(self._ctx.window, self.tr("数据库"), self.last_error)
        self.concluded.emit(False)


class RestoreOfferDialog(QDialog):
    """Shown when the store is damaged: offers the newest good backup. Never offers 'start over'.
    Layout: forms/restore_offer_dialog.ui."""

    def __init__(
        self,
        problem: str,
        newest: BackupManifest | None,
        parent: QWidget | None = None,
        *,
        at_start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreOfferDialog()
        self.ui.setupUi(self)
        lines = [
            self.tr("数据库文件未通过完整性检查，可能被改动或损坏。文件保持原样，没有被删除或重建。"),
            self.tr("检查结果：%1").replace("%1", problem[:200]),
        ]
        if newest is not None:
            lines.append(
                self.tr("最近一份完好的备份：%1（%2）")
                .replace("%1", newest.created_local)
                .replace("%2", newest.path.name)
            )
            lines.append(self.tr("恢复时，当前损坏的文件会先原样保存到备份文件夹中。"))
        else:
            lines.append(self.tr("没有找到这个库的完好备份。请联系管理员，不要删除数据目录中的文件。"))
        self.ui.messageLabel.setText("\n".join(lines))
        self.ui.restoreButton.setEnabled(newest is not None)
        if not at_start:  # the window stays open: declining only closes this dialog
            self.ui.quitButton.setText(self.tr("暂不恢复"))
        self.ui.restoreButton.clicked.connect(self.accept)
        self.ui.quitButton.clicked.connect(self.reject)
