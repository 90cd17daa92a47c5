"""From start to an open store: setup on first start, the key from the credential store or the
passphrase later, and a calm way out of every failure.

The rule that shapes this module: after ANY key or store failure nothing is created over the
old files and nothing "starts over". The user is led to recovery (unlock with the passphrase)
or the app exits cleanly with the files untouched.

Which of the credential store and the passphrase opens the store is decided in services.unlock;
this module runs its steps on the right threads (ui/startup/opening.py has the database side) and
shows the dialogs in between.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from rongcuo_desktop.services import unlock
from rongcuo_desktop.services.cases import CaseQuery
from rongcuo_desktop.services.errors import KeyFileProblem, ServiceError, StoreInUse, WrongPassphrase
from rongcuo_desktop.ui.cases.table_model import DESCENDING_KEY, SORT_COLUMN_KEY
from rongcuo_desktop.ui.startup.opening import (
    STORE_MODULES,
    WINDOW_MODULES,
    Held,
    Opened,
    OpenRequest,
    PendingCases,
    import_modules,
    look_first,
    open_workspace,
)
from rongcuo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.unlock import CredentialStoreStatus, KeyProbe
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.cases.table_model import FirstPage
    from rongcuo_desktop.ui.people.gate import AccountGate
    from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog, UnlockDialog

log = logging.getLogger(__name__)

# Tests and scripted runs may hand the passphrase over in a file (never on the command line).
PASSPHRASE_FILE_ENV = "RONGCUO_PASSPHRASE_FILE"
EXPLAINED_KEY = "startup/explained_no_credential_store"

EXIT_CANCELLED = 0
EXIT_STORE_PROBLEM = 3


@dataclass(frozen=True)
class Preview:
    """The list's first page, read before the store opened: the shell shows the window with it, and
    calls Startup.open_after_preview once it has painted."""

    first_page: FirstPage
    source: PendingCases
    data_dir: Path


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
        self._usable = False  # the credential store can keep the key on this PC
        self.dialog: QDialog | QMessageBox | None = None  # the dialog on screen (tests drive it)
        self._started = time.perf_counter()
        # Between a first look and the open after the paint: the open's request and the window's source.
        self._after_preview: tuple[OpenRequest, PendingCases] | None = None
        self._held = Held()  # on the database thread only: the look's lock, an unclaimed workspace
        self._gate: AccountGate | None = None
        self.restore_flow: object | None = None

    # -- entry -------------------------------------------------------------------------------------

    def start(self) -> None:
        self._started = time.perf_counter()
        try:
            exists = unlock.store_exists(self._data_dir)
        except ServiceError as error:
            self._fatal(error)
            return
        # The window's modules, on the database thread while the credential store is asked on
        # another. Not the store's (SQLAlchemy, ~0.25 s): the first look needs none of them.
        self._warm(WINDOW_MODULES)
        if not exists:
            self._warm(STORE_MODULES)  # the setup dialog takes a while to fill in
            self._runner.run_slow(
                unlock.credential_store_status,
                self._data_dir,
                receiver=self,
                done=self._first_start,
                failed=self._fatal,
            )
            return
        self._runner.run_slow(
            unlock.probe, self._data_dir, receiver=self, done=self._probed, failed=self._not_unlocked
        )

    # -- first start -------------------------------------------------------------------------------

    def _first_start(self, status: CredentialStoreStatus) -> None:
        self._usable = status.usable
        if not status.usable:
            # The setup dialog says why the passphrase will be asked at every start; later starts just ask.
            self._settings.setValue(EXPLAINED_KEY, True)
            self._settings.sync()
        from rongcuo_desktop.ui.reports.entry import add_verify_button
        from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog

        dialog = SetupDialog(self._data_dir, self._runner, status)
        add_verify_button(dialog, dialog.ui.buttonBox, self._runner, self._settings)  # receiving side
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._setup_finished(dialog, result))
        dialog.open()

    def _setup_finished(self, dialog: SetupDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or dialog.workspace is None:
            self.failed.emit(EXIT_CANCELLED)
            return
        self._pass_gate(dialog.workspace, None)  # a new store: nobody to pick, nothing to list yet

    # -- later starts ------------------------------------------------------------------------------

    def _probed(self, probe: KeyProbe) -> None:
        log.info("credential store asked in %.0f ms", self._elapsed_ms())
        if probe.key is not None:
            self._usable = True
            self._look_first(probe.key)
            return
        self._warm(STORE_MODULES)  # while the passphrase is typed and its key derived
        self._usable = probe.status is not None and probe.status.usable
        explanation = self._explanation(probe)
        passphrase, problem = _passphrase_from_env()
        if problem:
            explanation = "\n\n".join(part for part in (problem, explanation) if part)
        if passphrase is not None:
            self._unlock_from_env(passphrase, explanation)
            return
        self._ask_passphrase(explanation)

    def _explanation(self, probe: KeyProbe) -> str:
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
        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphrase):
                self._ask_passphrase(explanation)
            else:
                self._not_unlocked(error)

        self._runner.run_slow(
            unlock.key_from_passphrase,
            self._data_dir,
            passphrase,
            receiver=self,
            done=lambda key: self._open(self._request(key)),
            failed=failed,
        )

    def _ask_passphrase(self, explanation: str) -> None:
        from rongcuo_desktop.ui.startup.passphrase_dialogs import UnlockDialog

        dialog = UnlockDialog(self._data_dir, self._runner, explanation)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._unlock_finished(dialog, result))
        dialog.open()

    def _unlock_finished(self, dialog: UnlockDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == dialog.FAILED and dialog.failure is not None:
            self._not_unlocked(dialog.failure)
        elif result == QDialog.DialogCode.Accepted and dialog.key is not None:
            # Wrong passphrases typed before this one go into the audit trail once the store is open.
            self._open(replace(self._request(dialog.key), failed_unlocks=dialog.attempts - 1))
        else:
            self.failed.emit(EXIT_CANCELLED)

    # -- the store ---------------------------------------------------------------------------------

    def _saved_query(self) -> CaseQuery | None:
        """The list's query as the window will first show it (its sort, kept by the list pane)."""
        from rongcuo_desktop.ui.cases.table_model import COLUMN_KEYS

        sort_column = str(self._settings.value(SORT_COLUMN_KEY, "applied_on"))
        descending = bool(self._settings.value(DESCENDING_KEY, True, type=bool))
        return (
            CaseQuery(sort_column=sort_column, descending=descending) if sort_column in COLUMN_KEYS else None
        )

    def _request(self, key: bytes, *, from_credential_store: bool = False) -> OpenRequest:
        return OpenRequest(
            self._data_dir,
            key,
            self._saved_query(),
            self._usable,
            from_credential_store=from_credential_store,
        )

    def _look_first(self, key: bytes) -> None:
        """A key from the credential store: read the list's first page before SQLAlchemy is even
        imported (store/first_look.py), show it, and open the store once it has painted. Where the
        look declines, the store opens as before (and any problem is reported the usual way)."""
        request = self._request(key, from_credential_store=True)
        if request.query is None:
            self._open(request)
            return

        def declined(_error: object = None) -> None:
            self._warm(STORE_MODULES)
            self._open(request)

        def looked(first: FirstPage | None) -> None:
            if first is None:
                declined()
                return
            log.info("first page read (%.0f ms after start-up began)", self._elapsed_ms())
            source = PendingCases()
            self._after_preview = (replace(request, after_look=True), source)
            self.previewed.emit(Preview(first, source, self._data_dir))

        self._runner.run_db(
            look_first,
            self._held,
            self._data_dir,
            key,
            request.query,
            receiver=self,
            done=looked,
            failed=declined,
        )

    def open_after_preview(self) -> None:
        """The window showing the first look has painted: open the store (its lock is held)."""
        held, self._after_preview = self._after_preview, None
        if held is not None:
            request, source = held
            self._open(request, source)

    def _open(self, request: OpenRequest, pending: PendingCases | None = None) -> None:
        def failed(error: BaseException) -> None:
            if pending is not None:
                self.preview_withdrawn.emit()  # no window over a store that did not open
            if isinstance(error, StoreInUse):
                self._fatal(error)  # another app has it: no passphrase or backup can help here
            elif request.from_credential_store and isinstance(error, ServiceError):
                self._offer_recovery(error)
            elif _looks_damaged(error):
                self._offer_restore(error, request)  # issue 4: the newest good backup, never a new store
            else:
                self._fatal(error)

        self._runner.run_db(
            open_workspace,
            self._held,
            request,
            pending,
            receiver=self,
            done=lambda opened: self._store_opened(*opened),
            failed=failed,
        )

    def _store_opened(self, workspace: Workspace, first_page: FirstPage | None) -> None:
        fetched = ", first page fetched" if first_page is not None else ""
        log.info("store opened%s (%.0f ms after start-up began)", fetched, self._elapsed_ms())
        self._pass_gate(workspace, first_page)

    def _pass_gate(self, workspace: Workspace, first_page: FirstPage | None) -> None:
        """Issue 4: the person at the keyboard picks themselves; audit problems are told plainly."""
        from rongcuo_desktop.ui.people.gate import AccountGate

        def passed(person: Credential) -> None:
            self._held.handed_on()  # the app holds the workspace from now on
            self.opened.emit(Opened(workspace, person, first_page))

        def cancelled() -> None:
            self._held.workspace = workspace  # a new store from setup was never held: close it too
            self._runner.run_db(
                self._held.release, receiver=self, done=lambda _none: self.failed.emit(EXIT_CANCELLED)
            )

        self._gate = AccountGate(workspace, self._runner, None, on_done=passed, on_cancel=cancelled)
        self._gate.start()

    def _warm(self, names: Sequence[str]) -> None:
        self._runner.run_db(import_modules, names, receiver=self, done=_ignore)

    @property
    def held(self) -> Held:
        """The app closes what it holds as it ends: `runner.run_db(startup.held.release, ...)`."""
        return self._held

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - self._started) * 1000

    # -- when it does not open ---------------------------------------------------------------------

    def _offer_restore(self, error: BaseException, request: OpenRequest) -> None:
        """The key is right but the file is damaged: offer the newest good backup (recovery.py)."""
        from rongcuo_desktop.ui.startup.recovery import RestoreAfterDamage

        flow = RestoreAfterDamage(
            None,
            self._runner,
            self._data_dir,
            request.key,
            # The restore is in the restored store's audit trail already (restore_after_damage).
            on_restored=lambda _result: self._open(
                replace(request, after_look=False, from_credential_store=False)
            ),
            on_declined=lambda: self.failed.emit(EXIT_STORE_PROBLEM),
            on_no_backup=self._fatal,
        )
        self.restore_flow = flow
        flow.start(error)

    def _not_unlocked(self, error: BaseException) -> None:
        """The key could not be had: a key file missing or damaged is offered its recovery from a
        backup (ui/data/restore_key.py); anything else is said as it is."""
        if not isinstance(error, KeyFileProblem):
            self._fatal(error)
            return
        from rongcuo_desktop.ui.data.restore_key import KeyFileRecovery

        flow = KeyFileRecovery(self._runner, self._data_dir, self)
        flow.recovered.connect(lambda key: self._open(self._request(key)))
        flow.declined.connect(lambda: self.failed.emit(EXIT_STORE_PROBLEM))
        self.restore_flow = flow
        flow.start(
            str(error)
            + "\n\n"
            + self.tr("程序没有改动或删除任何文件。数据目录：{folder}").format(folder=self._data_dir)
        )
        self.dialog = flow.dialog  # type: ignore[assignment]

    def _offer_recovery(self, error: BaseException) -> None:
        """The key from the credential store did not open the store: the passphrase still may."""
        log.warning("the key from the credential store did not open the store: %s", type(error).__name__)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("无法打开案件库"),
            str(error) + "\n\n" + self.tr("案件库文件保持原样，未做任何改动。可以用恢复口令解锁。"),
        )
        unlock_button = box.addButton(self.tr("用恢复口令解锁"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("退出"), QMessageBox.ButtonRole.RejectRole)
        self.dialog = box

        def chosen(_result: int) -> None:
            self.dialog = None
            if box.clickedButton() is unlock_button:
                self._ask_passphrase("")
            else:
                self.failed.emit(EXIT_STORE_PROBLEM)

        box.finished.connect(chosen)
        box.open()

    def _fatal(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
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


def _ignore(_result: object) -> None:
    """For work whose result nobody waits for (warming imports)."""


def _looks_damaged(error: BaseException) -> bool:
    from rongcuo_desktop.ui.startup.recovery import looks_damaged

    return looks_damaged(error)


def _passphrase_from_env() -> tuple[str | None, str]:
    """The passphrase handed over in a file (tests, scripted starts), and what was wrong with the
    file when it could not be used (said in the unlock dialog, which then asks). Read through the one
    safe reader: its first line only, at most a few KB, UTF-8 -- a file in another encoding used to
    end the start in a traceback."""
    from rongcuo_desktop.domain.structured import read_first_line
    from rongcuo_desktop.domain.validation import ValidationError

    path = os.environ.get(PASSPHRASE_FILE_ENV)
    if not path:
        return None, ""
    try:
        return read_first_line(path, "口令文件").rstrip("\r"), ""
    except ValidationError as error:
        log.warning("%s is set but the file cannot be used", PASSPHRASE_FILE_ENV)
        return None, QCoreApplication.translate(
            "Startup", "环境变量 {name} 指定的口令文件不能用：{problem}。请在下面输入恢复口令。"
        ).format(name=PASSPHRASE_FILE_ENV, problem=str(error).strip())
