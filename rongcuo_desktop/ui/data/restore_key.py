"""从备份找回密钥文件 at start-up: the key file is missing or damaged, the database is there.

Only the key file comes back, from a backup of this store, opened with that backup's passphrase: the
database stays as it is, so nothing written since the backup is lost (a whole restore would lose it).
Refused with nothing changed for a wrong passphrase (asked again), a backup made before a passphrase
change (its key no longer opens the re-keyed database) or another store's backup (the user may pick
another file). Nobody can sign in while the key file is lost: the backup's passphrase is the proof,
and the store records the recovery as the program's (services.backup.recover_key).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.services import backup
from rongcuo_desktop.services.errors import ServiceError, WrongPassphrase
from rongcuo_desktop.ui.shell.messages import ask_secret, choose_file, tell
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class KeyFileRecovery(QObject):
    """Offer the recovery, pick a backup, ask its passphrase, recover on the database thread.
    Ends with `recovered(key)` (the store can open now) or `declined()` (the app ends, files as
    they were)."""

    recovered = Signal(bytes)
    declined = Signal()

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._data_dir = data_dir
        self.dialog: QWidget | None = None  # the dialog shown last (tests answer it)

    def start(self, problem: str) -> None:
        """Say what is wrong (the key file's problem) and offer the way out."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法打开案件库"), problem)
        box.setInformativeText(
            self.tr(
                "可以从一份备份中找回密钥文件：只放回密钥文件，数据库保持现状，备份之后的修改都在。"
                "需要做那份备份时的恢复口令；更换口令之后，请用更换之后做的备份。"
            )
        )
        recover = box.addButton(self.tr("从备份找回密钥文件…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("退出"), QMessageBox.ButtonRole.RejectRole)
        self.dialog = box

        def chosen(_result: int) -> None:
            if box.clickedButton() is recover:
                self._choose(problem)
            else:
                self.declined.emit()

        box.finished.connect(chosen)
        box.open()

    def _choose(self, problem: str) -> None:
        folder = backup.backups_folder(self._data_dir)
        dialog = choose_file(
            None,
            self.tr("选择备份文件（用来找回密钥文件）"),
            folder if folder.is_dir() else self._data_dir,
            self.tr("备份文件 (*.rcbak)"),
            lambda path: self._ask(path, problem),
        )
        dialog.rejected.connect(lambda: self.start(problem))
        self.dialog = dialog

    def _ask(self, path: Path, problem: str, refused: str = "") -> None:
        prompt = self.tr("请输入做这个备份时的恢复口令（只找回密钥文件，数据库不动）：")
        dialog = ask_secret(
            None,
            self.tr("从备份找回密钥文件"),
            f"{refused}\n\n{prompt}" if refused else prompt,
            lambda passphrase: self._recover(path, passphrase, problem),
        )
        dialog.rejected.connect(lambda: self.start(problem))
        self.dialog = dialog

    def _recover(self, path: Path, passphrase: str, problem: str) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphrase):
                self._ask(path, problem, str(error))
                return
            log.warning("key file not recovered: %s", type(error).__name__)
            message = str(error) if isinstance(error, ServiceError) else type(error).__name__
            self.start(message)  # another backup may do: the offer again, saying why not this one

        self._runner.run_db(
            backup.recover_key,
            self._data_dir,
            path,
            passphrase,
            receiver=self,
            done=self._done,
            failed=failed,
        )

    def _done(self, result: backup.KeyRecovered) -> None:
        text = self.tr("已从备份（备份时间 %1）找回密钥文件；数据库保持现状，没有改动。").replace(
            "%1", result.recovery.manifest.created_local
        )
        if result.recovery.kept_aside is not None:
            text += self.tr("原来损坏的密钥文件保留在：%1").replace("%1", str(result.recovery.kept_aside))
        self.dialog = tell(
            None, self.tr("已找回密钥文件"), text, result.note, icon=QMessageBox.Icon.Information
        )
        self.recovered.emit(result.key)
