"""From start to an open store: setup on first start, the key from the credential store or the
passphrase later, and a calm way out of every failure.

The rule that shapes this module: after ANY key or store failure nothing is created over the
old files and nothing "starts over". The user is led to recovery (unlock with the passphrase)
or the app exits cleanly with the files untouched.
"""

from __future__ import annotations

import importlib
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from rongcuo_desktop.store.case_list import CaseQuery, CaseRow
from rongcuo_desktop.store.errors import StoreError, WrongPassphrase
from rongcuo_desktop.store.keys import CredentialStoreStatus, KeyManager
from rongcuo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.domain.case import Case
    from rongcuo_desktop.store.backup import RestoreResult
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.first_look import FirstLook
    from rongcuo_desktop.store.locking import StoreLock
    from rongcuo_desktop.store.repository import CaseRepository
    from rongcuo_desktop.ui.cases.table_model import FirstPage
    from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog, UnlockDialog

log = logging.getLogger(__name__)

# Tests and scripted runs may hand the passphrase over in a file (never on the command line).
PASSPHRASE_FILE_ENV = "RONGCUO_PASSPHRASE_FILE"
EXPLAINED_KEY = "startup/explained_no_credential_store"
# The list's order, kept as plain values (MainWindow.save_state) so the first page can be fetched
# before the window exists.
SORT_COLUMN_KEY = "list/sort_column"
DESCENDING_KEY = "list/descending"

EXIT_CANCELLED = 0
EXIT_STORE_PROBLEM = 3


@dataclass(frozen=True)
class Opened:
    store: Store
    key_manager: KeyManager
    credential_store_usable: bool
    first_page: FirstPage | None = None


class PendingCases:
    """The case source of a window shown before its store opened (store/first_look.py).

    Its calls run on the database thread, queued behind the Store.open that follows the first
    paint, so they find the store there (set on that thread by the open itself), or its error.
    """

    def __init__(self) -> None:
        self._store: Store | None = None
        self._error = ""

    def arrived(self, store: Store) -> None:
        self._store = store

    def failed(self, error: BaseException) -> None:
        self._error = str(error)  # the message only: the exception's frames hold the key

    def _cases(self) -> CaseRepository:
        if self._store is None:
            raise StoreError(self._error or "案件库没有打开。")
        return self._store.cases

    def ids(self, query: CaseQuery) -> list[int]:
        return self._cases().ids(query)

    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]:
        return self._cases().rows(ids)

    def get(self, case_id: int) -> Case:
        return self._cases().get(case_id)


@dataclass(frozen=True)
class Preview:
    """The list's first page, read before the store opened: app.py shows the window with it, and
    calls Startup.open_after_preview once it has painted."""

    first_page: FirstPage
    source: PendingCases
    key_manager: KeyManager
    credential_store_usable: bool


@dataclass(frozen=True)
class _Probe:
    key: bytes | None
    status: CredentialStoreStatus | None
    note: str | None


class Startup(QObject):
    """Runs the start sequence asynchronously; ends with `opened` or `failed(exit_code)`."""

    opened = Signal(object)  # Opened
    failed = Signal(int)
    previewed = Signal(object)  # Preview: a window may show the list before the store opens
    preview_withdrawn = Signal()  # the store did not open after all: that window must go

    def __init__(self, data_dir: Path, runner: TaskRunner, settings: QSettings) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._runner = runner
        self._settings = settings
        self._key_manager: KeyManager | None = None
        self._status: CredentialStoreStatus | None = None
        self.dialog: QDialog | None = None  # the dialog on screen (tests drive it)
        self._started = time.perf_counter()
        # Between a first look and the open after the paint: the key and the window's source.
        self._after_preview: tuple[bytes, PendingCases] | None = None
        # The first look's lock, noted on the database thread (a quit may come before `looked`);
        # the open after the paint takes it over.
        self._looked_lock: StoreLock | None = None
        # A store opened but not yet handed on with `opened` (the account gate, a quit meanwhile).
        self._unclaimed: Store | None = None

    # -- entry -------------------------------------------------------------------------------------

    def start(self) -> None:
        self._started = time.perf_counter()
        try:
            key_manager = KeyManager(self._data_dir)
            exists = key_manager.store_exists()
        except StoreError as error:
            self._fatal(error)
            return
        self._key_manager = key_manager
        # The window's modules, on the database thread while the credential store is asked on
        # another. Not the store's (SQLAlchemy, ~0.25 s): the first look needs none of them.
        self._warm(WINDOW_MODULES)
        if not exists:
            self._warm(STORE_MODULES)  # the setup dialog takes a while to fill in
            self._runner.run_slow(
                key_manager.credential_store_status,
                receiver=self,
                on_success=self._first_start,
                on_failure=self._fatal,
                label="credential store status",
            )
            return
        self._runner.run_slow(
            lambda: _probe(key_manager),
            receiver=self,
            on_success=self._probed,
            on_failure=self._fatal,
            label="key from credential store",
        )

    # -- first start -------------------------------------------------------------------------------

    def _first_start(self, status: CredentialStoreStatus) -> None:
        assert self._key_manager is not None
        self._status = status
        if not status.usable:
            # The setup dialog says why the passphrase will be asked at every start; later starts just ask.
            self._settings.setValue(EXPLAINED_KEY, True)
            self._settings.sync()
        from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog

        dialog = SetupDialog(self._key_manager, self._runner, status)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._setup_finished(dialog, result))
        dialog.open()

    def _setup_finished(self, dialog: SetupDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or dialog.key is None:
            self.failed.emit(EXIT_CANCELLED)
            return
        self._open_store(dialog.key, create=True, from_credential_store=False)

    # -- later starts ------------------------------------------------------------------------------

    def _probed(self, probe: _Probe) -> None:
        log.info("credential store asked in %.0f ms", self._elapsed_ms())
        if probe.key is not None:
            self._status = CredentialStoreStatus(usable=True, backend=None, explanation="")
            self._look_first(probe.key)
            return
        self._warm(STORE_MODULES)  # while the passphrase is typed and its key derived
        self._status = probe.status
        explanation = self._explanation(probe)
        passphrase = _passphrase_from_env()
        if passphrase is not None:
            self._unlock_from_env(passphrase, explanation)
            return
        self._ask_passphrase(explanation)

    def _explanation(self, probe: _Probe) -> str:
        parts = []
        if probe.note:
            parts.append(probe.note)
        status = probe.status
        explained = bool(self._settings.value(EXPLAINED_KEY, False, type=bool))
        if status is not None and not status.usable and not explained:
            # Said once, calmly; later starts just ask.
            parts.append(status.explanation)
            self._settings.setValue(EXPLAINED_KEY, True)
            self._settings.sync()
        return "\n\n".join(parts)

    def _unlock_from_env(self, passphrase: str, explanation: str) -> None:
        key_manager = self._key_manager
        assert key_manager is not None

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphrase):
                self._ask_passphrase(explanation)
            else:
                self._fatal(error)

        self._runner.run_slow(
            lambda: key_manager.unlock_with_passphrase(passphrase),
            receiver=self,
            on_success=lambda key: self._open_store(key, create=False, from_credential_store=False),
            on_failure=failed,
            label="unlock from file",
        )

    def _ask_passphrase(self, explanation: str) -> None:
        assert self._key_manager is not None
        from rongcuo_desktop.ui.startup.passphrase_dialogs import UnlockDialog

        dialog = UnlockDialog(self._key_manager, self._runner, explanation)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._unlock_finished(dialog, result))
        dialog.open()

    def _unlock_finished(self, dialog: UnlockDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == dialog.FAILED and dialog.failure is not None:
            self._fatal(dialog.failure)
        elif result == QDialog.DialogCode.Accepted and dialog.key is not None:
            # Wrong passphrases typed before this one go into the audit trail once the store is open.
            self._open_store(
                dialog.key, create=False, from_credential_store=False, failed_unlocks=dialog.attempts - 1
            )
        else:
            self.failed.emit(EXIT_CANCELLED)

    # -- the store ---------------------------------------------------------------------------------

    def _saved_query(self) -> CaseQuery | None:
        """The list's query as the window will first show it (its sort, kept by save_state)."""
        from rongcuo_desktop.ui.cases.table_model import COLUMN_KEYS

        sort_column = str(self._settings.value(SORT_COLUMN_KEY, "applied_on"))
        descending = bool(self._settings.value(DESCENDING_KEY, True, type=bool))
        return (
            CaseQuery(sort_column=sort_column, descending=descending) if sort_column in COLUMN_KEYS else None
        )

    def _look_first(self, key: bytes) -> None:
        """A key from the credential store: read the list's first page before SQLAlchemy is even
        imported (store/first_look.py), show it, and open the store once it has painted. Where the
        look declines, the store opens as before (and any problem is reported the usual way)."""
        data_dir = self._data_dir
        query = self._saved_query()
        if query is None:
            self._open_store(key, create=False, from_credential_store=True)
            return

        def work() -> FirstLook | None:
            from rongcuo_desktop.store.first_look import first_look
            from rongcuo_desktop.ui.cases.table_model import PAGE_SIZE

            look = first_look(data_dir, key, query, PAGE_SIZE)
            self._looked_lock = look.lock if look is not None else None
            return look

        def declined(_error: object = None) -> None:
            self._warm(STORE_MODULES)
            self._open_store(key, create=False, from_credential_store=True)

        def looked(look: FirstLook | None) -> None:
            if look is None:
                declined()
                return
            from rongcuo_desktop.ui.cases.table_model import FirstPage

            log.info("first page read (%.0f ms after start-up began)", self._elapsed_ms())
            assert self._key_manager is not None and query is not None
            source = PendingCases()
            self._after_preview = (key, source)
            total = look.total if look.total > len(look.ids) else None
            first = FirstPage(query, look.ids, look.rows, total)
            self.previewed.emit(Preview(first, source, self._key_manager, credential_store_usable=True))

        self._runner.run_db(
            work,
            receiver=self,
            on_success=looked,
            on_failure=declined,
            label="first look",
        )

    def open_after_preview(self) -> None:
        """The window showing the first look has painted: open the store (its lock is held)."""
        held, self._after_preview = self._after_preview, None
        if held is None:
            return
        key, source = held
        self._open_store(
            key, create=False, from_credential_store=True, file_lock=self._looked_lock, pending=source
        )

    def _open_store(
        self,
        key: bytes,
        *,
        create: bool,
        from_credential_store: bool,
        failed_unlocks: int = 0,
        restored: RestoreResult | None = None,
        file_lock: StoreLock | None = None,
        pending: PendingCases | None = None,
    ) -> None:
        data_dir = self._data_dir
        query = self._saved_query()

        def work() -> tuple[Store, FirstPage | None]:
            from rongcuo_desktop.store.database import Store
            from rongcuo_desktop.ui.cases.table_model import fetch_first_page

            try:
                if create:
                    store = Store.create(data_dir, key)
                else:
                    store = Store.open(data_dir, key, file_lock=file_lock)
            except BaseException as error:
                if pending is not None:
                    pending.failed(error)
                if file_lock is not None:
                    file_lock.release()  # Store.open gives it back on most failures; this on all
                raise
            self._unclaimed = store
            if pending is not None:
                pending.arrived(store)  # here, on the database thread: queued list calls find it
                _import_modules(STORE_MODULES)  # the window's 数据 and 人员 menus come next
                return store, None  # the window shows the first look already
            try:
                if restored is not None:  # the restore replaced the database: its chain says so
                    store.record_restore(restored.summary + "（启动时发现数据库损坏）")
                if failed_unlocks > 0:
                    store.record_failed_unlocks(failed_unlocks)  # issue 4: a failed unlock is audited
            except StoreError as error:
                log.warning("restore or failed unlocks not recorded: %s", type(error).__name__)
            if query is None:
                return store, None
            try:
                return store, fetch_first_page(store.cases, query)
            except StoreError:
                return store, None  # the window asks again and reports it

        def failed(error: BaseException) -> None:
            from rongcuo_desktop.store.locking import StoreInUse

            if pending is not None:
                self.preview_withdrawn.emit()  # no window over a store that did not open
            if isinstance(error, StoreInUse):
                self._fatal(error)  # another app has it: no passphrase or backup can help here
            elif from_credential_store and isinstance(error, StoreError):
                self._offer_recovery(error)
            elif not create and _looks_damaged(error):
                self._offer_restore(error, key)  # issue 4: the newest good backup, never a new store
            else:
                self._fatal(error)

        self._runner.run_db(
            work, receiver=self, on_success=self._store_opened, on_failure=failed, label="open store"
        )

    def _store_opened(self, result: tuple[Store, FirstPage | None]) -> None:
        assert self._key_manager is not None
        store, first_page = result
        usable = self._status.usable if self._status is not None else False
        fetched = ", first page fetched" if first_page is not None else ""
        log.info("store opened%s (%.0f ms after start-up began)", fetched, self._elapsed_ms())
        key_manager = self._key_manager
        # Issue 4: the person at the keyboard picks themselves; audit problems are told plainly.
        from rongcuo_desktop.ui.people.gate import pass_gate

        def cancelled() -> None:
            self._runner.run_db(
                self.close_unclaimed, receiver=self, on_success=lambda _r: self.failed.emit(EXIT_CANCELLED)
            )

        def passed() -> None:
            self._unclaimed = self._looked_lock = None  # the app holds it from now on
            self.opened.emit(Opened(store, key_manager, usable, first_page))

        self._gate = pass_gate(
            store,
            self._runner,
            None,
            passed,
            cancelled,
        )

    def _warm(self, names: Sequence[str]) -> None:
        self._runner.run_db(
            lambda: _import_modules(names), receiver=self, on_success=lambda _none: None, label="import"
        )

    def close_unclaimed(self) -> None:
        """On the database thread, as the app ends: close a store that opened but was never handed
        on (the app quit while it opened, or at the account gate), so its lock and key go with it."""
        store, self._unclaimed = self._unclaimed, None
        if store is not None:
            store.close()
        self._after_preview = None
        lock, self._looked_lock = self._looked_lock, None
        if lock is not None:  # quit between the first look and the open (released already if it opened)
            lock.release()

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - self._started) * 1000

    def _offer_restore(self, error: BaseException, key: bytes) -> None:
        """The key is right but the file is damaged: offer the newest good backup (ui/recovery.py)."""
        from rongcuo_desktop.ui.startup.recovery import RestoreAfterDamage

        flow = RestoreAfterDamage(
            None,
            self._runner,
            self._data_dir,
            key,
            on_restored=lambda result: self._open_store(
                key, create=False, from_credential_store=False, restored=result
            ),
            on_declined=lambda: self.failed.emit(EXIT_STORE_PROBLEM),
            on_no_backup=self._fatal,
        )
        self.restore_flow = flow
        flow.start(error)

    def _offer_recovery(self, error: StoreError) -> None:
        """The key from the credential store did not open the store: the passphrase still may."""
        log.warning("the key from the credential store did not open the store: %s", type(error).__name__)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("无法打开案件库"),
            str(error) + "\n\n" + self.tr("案件库文件保持原样，未做任何改动。可以用恢复口令解锁。"),
        )
        unlock = box.addButton(self.tr("用恢复口令解锁"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("退出"), QMessageBox.ButtonRole.RejectRole)
        self.dialog = box

        def chosen(_result: int) -> None:
            self.dialog = None
            if box.clickedButton() is unlock:
                self._ask_passphrase("")
            else:
                self.failed.emit(EXIT_STORE_PROBLEM)

        box.finished.connect(chosen)
        box.open()

    def _fatal(self, error: BaseException) -> None:
        if isinstance(error, StoreError):
            message = str(error)
            log.error("cannot open the store: %s", type(error).__name__)
        else:
            message = self.tr("发生意外错误（{name}），详情已写入日志。").format(name=type(error).__name__)
            log.error("unexpected error while opening the store", exc_info=error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("无法打开案件库"),
            message
            + "\n\n"
            + self.tr("程序没有改动或删除任何文件。数据目录：{folder}").format(folder=self._data_dir),
        )
        self.dialog = box
        box.finished.connect(lambda _result: self.failed.emit(EXIT_STORE_PROBLEM))
        box.open()


# Imported on the database thread while the key is being fetched (the GUI thread waits anyway):
# what the window and the first look need, without SQLAlchemy.
WINDOW_MODULES = (
    "rongcuo_desktop.ui.cases.table_model",
    "rongcuo_desktop.ui.shell.main_window",
    "rongcuo_desktop.store.connection",
    "rongcuo_desktop.store.first_look",
)
# The store and the parts of the window that need it: imported where something slow (a dialog,
# the key derivation) leaves time, or right after the first paint.
STORE_MODULES = (
    "rongcuo_desktop.store.database",
    "rongcuo_desktop.ui.people.gate",
    "rongcuo_desktop.ui.data.safety",
    "rongcuo_desktop.ui.people.menu",
    "rongcuo_desktop.ui.shell.permissions",
)


def _looks_damaged(error: BaseException) -> bool:
    from rongcuo_desktop.ui.startup.recovery import looks_damaged

    return looks_damaged(error)


def _import_modules(names: Sequence[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            log.warning("could not import %s ahead of time", name)


def _refuse_if_in_use(data_dir: Path) -> None:
    """Raise StoreInUse (naming the holder) when another running app has this store open.

    Takes and drops the store lock (a few file operations and an fsync, stdlib only: ~10 ms, so
    only where a passphrase would be asked, off the GUI thread); a folder that cannot be written is
    left for the open to report. Store.open checks again, so a race only delays the message.
    """
    from rongcuo_desktop.store.locking import StoreLock

    lock = StoreLock(data_dir)
    try:
        lock.acquire()
    except OSError:
        return
    lock.release()


def _probe(key_manager: KeyManager) -> _Probe:
    """Off the GUI thread: the credential store may talk over D-Bus."""
    key = key_manager.key_from_credential_store()
    if key is not None:
        return _Probe(key, None, None)  # a store in use: Store.open says so (no passphrase asked)
    _refuse_if_in_use(key_manager.data_dir)  # say so now, not after the passphrase was typed
    return _Probe(None, key_manager.credential_store_status(), key_manager.backend_change_note())


def _passphrase_from_env() -> str | None:
    path = os.environ.get(PASSPHRASE_FILE_ENV)
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        log.warning("%s is set but the file cannot be read", PASSPHRASE_FILE_ENV)
        return None
    return text.rstrip("\r\n")


def show_fatal(parent: QWidget | None, title: str, message: str) -> None:
    """A blocking message for problems found before the event loop runs (data folder)."""
    QMessageBox.critical(parent, title, message)
