"""锁定 (Ctrl+L), auto-lock after idle time, and unlocking the window again.

Locking closes the workspace (its key wiped) and hides the window's content (lock/controller.py).
Unlocking: the recovery passphrase always works; where the OS credential store keeps the key and
a person was signed in, that person's PIN does too (checked by the store, wrong ones audited and
slowed down). The same person carries on; the window is not rebuilt, its features read the new
workspace from the context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from rongcuo_desktop.services import accounts, unlock
from rongcuo_desktop.services.errors import WrongPassphrase
from rongcuo_desktop.ui.lock.controller import DEFAULT_IDLE_MINUTES, LockController, UnlockDone
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import ask_number

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace

IDLE_MINUTES_KEY = "safety/idle_minutes"
Unlocked = tuple["Workspace", "Credential"]


def key_in_credential_store(data_dir: Path) -> bytes | None:
    """The key, where the credential store keeps it (D-Bus: the slow thread); None otherwise."""
    return unlock.probe(data_dir, refuse_in_use=False).key


def open_with_pin(data_dir: Path, key: bytes, name: str, pin: str, usable: bool) -> Unlocked:
    """Open with the credential store's key, as the person whose PIN this is (else closed again)."""
    workspace = unlock.open_store(data_dir, key, credential_store_usable=usable)
    try:
        return workspace, accounts.sign_in(workspace, name, pin)
    except BaseException:
        workspace.close()
        raise


def open_with_key(data_dir: Path, key: bytes, name: str, failed_unlocks: int, usable: bool) -> Unlocked:
    """Open with the passphrase's key; the holder of the key carries on as `name` ('' for the setup
    person of a store without accounts)."""
    workspace = unlock.open_store(
        data_dir, key, failed_unlocks=failed_unlocks, credential_store_usable=usable
    )
    try:
        person = accounts.setup_person(workspace) if not name else None
        return workspace, person or accounts.key_holder(workspace, name or None)
    except BaseException:
        workspace.close()
        raise


class LockActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._name = ""  # who was signed in when the window locked ('' for the setup person)
        self._failed_unlocks = 0
        self.dialog: QObject | None = None
        idle = float(ctx.settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES))  # type: ignore[arg-type]
        self.lock = LockController(ctx.window, on_lock=self._close, unlock=self._unlock, idle_minutes=idle)
        self.lock.lock_action.setObjectName("lockAction")
        self.idle_action = QAction(self.tr("自动锁定时间…"), ctx.window)
        self.idle_action.setObjectName("idleMinutesAction")
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        ctx.offer(MenuName.DATA, self.idle_action)
        ctx.offer(MenuName.DATA, self.lock.lock_action)

    def choose_idle_minutes(self) -> None:
        current = int(self.lock.watcher.timeout_ms / 60_000)
        self.dialog = ask_number(
            self._ctx.window,
            self.tr("自动锁定"),
            self.tr("无操作多少分钟后自动锁定（0 表示不自动锁定；Ctrl+L 随时可锁定）："),
            current,
            (0, 240),
            self._set_idle_minutes,
        )

    def _set_idle_minutes(self, minutes: int) -> None:
        self._ctx.settings.setValue(IDLE_MINUTES_KEY, minutes)
        self.lock.set_idle_minutes(minutes)

    # -- lock ------------------------------------------------------------------------------------

    def _close(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        self._name = person.name if person is not None and person.id else ""
        if self._name:
            self.lock.screen.prompt.setText(
                self.tr(
                    "窗口内容已隐藏。请输入恢复口令解锁（在系统凭据库保存了密钥的电脑上，也可输入%1的个人口令）。"
                ).replace("%1", self._name)
            )
        self._ctx.set_workspace(None, None)
        if workspace is not None:
            self._ctx.runner.run_db(unlock.lock, workspace, receiver=self, done=_ignore)

    # -- unlock ----------------------------------------------------------------------------------

    def _unlock(self, secret: str, done: UnlockDone) -> None:
        data_dir = self._ctx.data_dir
        if not self._name:
            self._by_passphrase(secret, done)
            return
        self._ctx.runner.run_slow(
            key_in_credential_store,
            data_dir,
            receiver=self,
            done=lambda key: self._by_pin(key, secret, done),
            failed=lambda _error: self._by_passphrase(secret, done),
        )

    def _by_pin(self, key: bytes | None, secret: str, done: UnlockDone) -> None:
        if key is None:
            self._by_passphrase(secret, done)
            return
        self._ctx.runner.run_db(
            open_with_pin,
            self._ctx.data_dir,
            key,
            self._name,
            secret,
            self._ctx.credential_store_usable,
            receiver=self,
            done=lambda opened: self._opened(opened, done),
            failed=lambda _error: self._by_passphrase(secret, done),
        )

    def _by_passphrase(self, secret: str, done: UnlockDone) -> None:
        self._ctx.runner.run_slow(
            unlock.key_from_passphrase,
            self._ctx.data_dir,
            secret,
            receiver=self,
            done=lambda key: self._open_with_key(key, done),
            failed=lambda error: self._failed(error, done),
        )

    def _open_with_key(self, key: bytes, done: UnlockDone) -> None:
        self._ctx.runner.run_db(
            open_with_key,
            self._ctx.data_dir,
            key,
            self._name,
            self._failed_unlocks,
            self._ctx.credential_store_usable,
            receiver=self,
            done=lambda opened: self._opened(opened, done),
            failed=lambda error: self._failed(error, done),
        )

    def _opened(self, opened: Unlocked, done: UnlockDone) -> None:
        self._failed_unlocks = 0  # recorded in the audit trail by the open
        done(None)
        self._ctx.set_workspace(*opened)

    def _failed(self, error: BaseException, done: UnlockDone) -> None:
        if isinstance(error, WrongPassphrase):
            self._failed_unlocks += 1
        done(str(error) or self.tr("解锁失败。"))


def _ignore(_result: object) -> None:
    """Nobody waits for the lock's close (the content is hidden already)."""
