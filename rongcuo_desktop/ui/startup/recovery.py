"""When the store will not open because its file is damaged: offer the newest good backup.

Never "start over": the damaged file is kept as it is (a restore moves it into
backups/kept-before-restore-*), and without a good backup the user is told to keep the folder and
ask for help. Called by the start-up flow with the key that was proved by the key file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rongcuo_desktop.services import backup
from rongcuo_desktop.services.backup import BackupManifest, RestoreResult
from rongcuo_desktop.services.errors import NotOurDatabase, ServiceError, StoreReadError
from rongcuo_desktop.ui.data.restore import RestoreOfferDialog
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def looks_damaged(error: BaseException) -> bool:
    """Errors at open that mean a damaged or replaced file (not 'in use', not 'too new')."""
    return isinstance(error, NotOurDatabase | StoreReadError)


class RestoreAfterDamage:
    """Find the newest good backup (off the GUI thread), offer it, restore it, report back."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        data_dir: Path,
        key: bytes,
        *,
        on_restored: Callable[[RestoreResult], None],
        on_declined: Callable[[], None],
        on_no_backup: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._parent = parent
        self._runner = runner
        self._data_dir = data_dir
        self._key = bytes(key)
        self._on_restored = on_restored
        self._on_declined = on_declined
        self._on_no_backup = on_no_backup
        self.dialog: RestoreOfferDialog | None = None
        self._receiver = parent if parent is not None else runner

    def start(self, error: BaseException) -> None:
        self._runner.run_db(
            backup.newest_good,
            self._data_dir,
            self._key,
            receiver=self._receiver,
            done=lambda newest: self._found(error, newest),
            failed=lambda _e: self._found(error, None),
        )

    def _found(self, error: BaseException, newest: BackupManifest | None) -> None:
        if newest is None and self._on_no_backup is not None:
            self._on_no_backup(error)  # nothing to offer: the caller's own message (files untouched)
            return
        self._offer(str(error), newest)

    def _offer(self, problem: str, newest: BackupManifest | None) -> None:
        dialog = RestoreOfferDialog(problem, newest, self._parent)
        self.dialog = dialog

        def chosen(result: int) -> None:
            self.dialog = None
            if result == RestoreOfferDialog.DialogCode.Accepted and newest is not None:
                self._restore(newest)
            else:
                self._on_declined()

        dialog.finished.connect(chosen)
        dialog.open()

    def _restore(self, newest: BackupManifest) -> None:
        def failed(error: BaseException) -> None:
            log.error("restore after damage failed: %s", type(error).__name__)
            message = str(error) if isinstance(error, ServiceError) else type(error).__name__
            self._offer(message, None)

        self._runner.run_db(
            backup.restore_after_damage,  # kept aside, never deleted; recorded as found at start
            self._data_dir,
            self._key,
            newest,
            receiver=self._receiver,
            done=self._on_restored,
            failed=failed,
        )
