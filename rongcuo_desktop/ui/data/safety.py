"""The 数据 menu and what keeps the data safe while the app runs: attachments, 备份到…, the integrity
check with its offer to restore, auto-lock (idle and Ctrl+L), the backup at close.

Self-contained so the main window needs one line to get all of it (app.py creates it next to the
window). After an unlock or a restore the store is a new object: `reopened` hands it to app.py,
which builds a fresh main window on it (the models of the old one hold the closed store).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox

from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    DEFAULT_KEEP,
    RestoreResult,
    StoreFiles,
    auto_backup,
    check_store,
    restore_backup,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import WrongPassphrase
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data.transfer import CaseTransferActions
from rongcuo_desktop.ui.lock.controller import DEFAULT_IDLE_MINUTES, LockController, UnlockDone
from rongcuo_desktop.ui.shell.menus import add_menu_before_help
from rongcuo_desktop.ui.shell.permissions import may
from rongcuo_desktop.ui.startup.flow import Opened
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

IDLE_MINUTES_KEY = "safety/idle_minutes"
KEEP_BACKUPS_KEY = "safety/keep_backups"
BACKUP_FOLDER_KEY = "safety/last_backup_folder"
MAX_ATTACHMENT_MB_KEY = "safety/max_attachment_mb"


class DataSafety(QObject):
    reopened = Signal(object)  # the new Store after an unlock or a restore

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        runner: TaskRunner,
        key_manager: KeyManager,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = store
        self._runner = runner
        self._keys = key_manager
        self._settings = settings
        self._failed_unlocks = 0
        self._actor: AccountInfo | None = None
        self.last_error = ""
        self.dialog: QObject | None = None
        self.data_dir = store.data_dir
        self.files = StoreFiles.in_dir(store.data_dir)
        idle = float(settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES))  # type: ignore[arg-type]
        self.lock = LockController(window, on_lock=self._close_store, unlock=self._unlock, idle_minutes=idle)
        self._build_menu()

    # -- menu ------------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        window = self._window
        self.attachments_action = QAction(self.tr("案件附件…"), window)
        self.attachments_action.triggered.connect(self.show_attachments)
        self.backup_action = QAction(self.tr("备份到…"), window)
        self.backup_action.triggered.connect(self.show_backup)
        self.check_action = QAction(self.tr("检查数据库完整性"), window)
        self.check_action.triggered.connect(self.check_integrity)
        self.restore_action = QAction(self.tr("从备份恢复…"), window)
        self.restore_action.triggered.connect(self.choose_and_restore)
        self.idle_action = QAction(self.tr("自动锁定时间…"), window)
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        # 导出选中案件… / 导出全部案件… / 导入案件… (their own module: dialogs, progress, the list after)
        self.transfer = CaseTransferActions(window, lambda: self._store, self._runner, self._settings)
        menu = add_menu_before_help(window, self.tr("数据(&D)"))
        for action in (
            self.attachments_action,
            None,
            *self.transfer.actions,
            None,
            self.backup_action,
            self.restore_action,
            self.check_action,
            None,
            self.idle_action,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.addAction(self.lock.lock_action)

    def _selected_case(self) -> tuple[int, str] | None:
        table = getattr(self._window, "table", None)
        model = getattr(self._window, "model", None)
        if table is None or model is None:
            return None
        row = table.currentIndex().row()
        case_id = model.case_id(row) if row >= 0 else None
        if case_id is None:
            return None
        title = model.index(row, 0).data() or f"#{case_id}"
        return case_id, str(title)

    def show_attachments(self) -> None:
        selected = self._selected_case()
        if selected is None or self._store is None:
            QMessageBox.information(self._window, self.tr("案件附件"), self.tr("请先在列表中选择一个案件。"))
            return
        from rongcuo_desktop.store.attachments import attachments_of

        mb = int(self._settings.value(MAX_ATTACHMENT_MB_KEY, 100))  # type: ignore[call-overload]
        repo = attachments_of(self._store, max_bytes=mb * 1024 * 1024)
        from rongcuo_desktop.ui.data.attachments import AttachmentsDialog  # off the start path

        dialog = AttachmentsDialog(self._runner, repo, selected[0], selected[1], self._window)
        self.dialog = dialog
        dialog.show()

    def show_backup(self) -> None:
        store = self._store
        if store is None:
            return
        folder = self._settings.value(BACKUP_FOLDER_KEY, "")
        from rongcuo_desktop.ui.data.backup import BackupDialog

        dialog = BackupDialog(
            self._runner,
            self.files,
            store.key_box.get,
            folder=Path(str(folder)) if folder else None,
            parent=self._window,
        )
        dialog.finished_ok.connect(
            lambda path: self._settings.setValue(BACKUP_FOLDER_KEY, str(Path(path).parent))
        )
        self.dialog = dialog
        dialog.show()

    # -- integrity and restore -------------------------------------------------------------------

    def check_integrity(self) -> None:
        store = self._store
        if store is None:
            return
        files, key = self.files, store.key_box.get()

        def shown(report: object) -> None:
            from rongcuo_desktop.store.backup import DamageReport

            assert isinstance(report, DamageReport)
            if not report.damaged:
                QMessageBox.information(
                    self._window, self.tr("检查数据库完整性"), self.tr("数据库完好：两项完整性检查均已通过。")
                )
                return
            self.offer_restore("；".join(report.problems[:3]), report)

        self._runner.run_db(
            lambda: check_store(files, key),
            receiver=self,
            on_success=shown,
            on_failure=self._error,
            label="check",
        )

    def check_in_background(self) -> None:
        """PRAGMA quick_check once the window is up, on its own connection off the database thread
        (0.4 s at 100,000 cases, 2.5 s with 1 GB of attachments: too slow for the open itself); on
        damage, the same offer as 检查数据库完整性."""
        store = self._store
        if store is None or not store.key_box.present:
            return
        files, key = self.files, store.key_box.get()

        def found(report: object) -> None:
            problems = getattr(report, "problems", None)
            if problems and self._store is not None:
                self.offer_restore("；".join(problems[:3]), report)

        self._runner.run_slow(
            lambda: check_store(files, key, quick=True),
            receiver=self,
            on_success=found,
            on_failure=lambda error: log.warning("quick check failed: %s", type(error).__name__),
            label="quick check",
        )

    def offer_restore(self, problem: str, report: object) -> None:
        if self._store is not None and not may(self._store, Action.RESTORE):  # not offered: 主任 only
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("检查数据库完整性"),
                self.tr("数据库未通过完整性检查：%1\n\n文件保持原样。请告知主任，由主任从备份恢复。").replace(
                    "%1", problem
                ),
                parent=self._window,
            )
            self.dialog = box
            box.open()
            return
        newest = getattr(report, "newest_good", None)
        from rongcuo_desktop.ui.data.backup import RestoreOfferDialog

        dialog = RestoreOfferDialog(problem, newest, self._window)
        self.dialog = dialog
        if dialog.exec() != RestoreOfferDialog.DialogCode.Accepted or newest is None or self._store is None:
            return
        store = self._store
        key = store.key_box.get()
        files, data_dir = self.files, self.data_dir

        actor = store.actor

        def work() -> tuple[Store, RestoreResult]:
            store.guard.check(Action.RESTORE)  # below the UI too: only the 主任 replaces the store
            store.close()
            result = restore_backup(newest.path, None, files, current_key=key, by=actor)
            return _after_restore(Store.open(data_dir, key), result, actor), result

        self._store = None
        self._runner.run_db(
            work,
            receiver=self,
            on_success=self._restored,
            on_failure=self._restore_failed(store, key),
            label="restore",
        )

    def choose_and_restore(self) -> None:
        """Restore a backup file the user picks (a USB stick): checked first, the current store kept."""
        store = self._store
        if store is None:
            return
        # Start where backups are: the folder last backed up to (a USB stick), else this store's own.
        last = str(self._settings.value(BACKUP_FOLDER_KEY, "") or "")
        start = last if last and Path(last).is_dir() else str(self.data_dir / BACKUPS_DIR_NAME)
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("选择备份文件"), start, self.tr("备份文件 (*.rcbak)")
        )
        if chosen:
            self._ask_backup_passphrase(Path(chosen))

    def _ask_backup_passphrase(self, chosen: Path, problem: str = "") -> None:
        prompt = self.tr(
            "请输入做这个备份时的恢复口令。\n恢复前会完整检查备份；当前数据库会先原样保留到备份文件夹。"
        )
        passphrase, ok = QInputDialog.getText(
            self._window,
            self.tr("从备份恢复"),
            f"{problem}\n\n{prompt}" if problem else prompt,
            QLineEdit.EchoMode.Password,
        )
        if ok and passphrase:
            self.restore_file(
                chosen, passphrase, ask_again=lambda why: self._ask_backup_passphrase(chosen, why)
            )

    def restore_file(
        self, chosen: Path, passphrase: str, *, ask_again: Callable[[str], None] | None = None
    ) -> None:
        """Check and restore `chosen`. A wrong passphrase closes nothing: with `ask_again` the user is
        asked again (told why), else told. Afterwards the user is told where the old store was kept."""
        store = self._store
        if store is None:
            return
        key = store.key_box.get()
        files, data_dir = self.files, self.data_dir
        actor = store.actor

        def work() -> tuple[Store, RestoreResult]:
            from rongcuo_desktop.store.backup import WRONG_BACKUP_PASSPHRASE, read_manifest, unwrap_key_file

            store.guard.check(Action.RESTORE)  # below the UI too: only the 主任 replaces the store
            manifest = read_manifest(chosen)
            try:
                new_key = unwrap_key_file(manifest.key_file_bytes, passphrase)  # wrong: nothing closed yet
            except WrongPassphrase:
                raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
            store.close()
            # The key just unwrapped is handed over: no second Argon2 derivation (~0.5 s).
            result = restore_backup(
                chosen, passphrase, files, lambda _data, _pp: new_key, current_key=key, by=actor
            )
            return _after_restore(Store.open(data_dir, new_key), result, actor), result

        reopen_current = self._restore_failed(store, key)

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphrase) and store.key_box.present and ask_again is not None:
                self._store = store  # refused before anything was closed
                ask_again(str(error))
                return
            reopen_current(error)

        self._store = None
        self._runner.run_db(
            work,
            receiver=self,
            on_success=self._restored,
            on_failure=failed,
            label="restore",
        )

    def _restore_failed(self, store: Store, key: bytes) -> Callable[[BaseException], None]:
        """After a refused restore: say why, and carry on with the current store, which is in place."""
        data_dir = self.data_dir

        def failed(error: BaseException) -> None:
            self._error(error)
            if store.key_box.present:  # refused before anything was closed
                self._store = store
                return
            self._runner.run_db(
                lambda: Store.open(data_dir, key),
                receiver=self,
                on_success=self._reopened,
                on_failure=self._error,
            )

        return failed

    def _restored(self, restored: tuple[Store, RestoreResult]) -> None:
        """The restored store replaces the window's; say when the backup was made and where the old
        store now is (non-modal: the window is being rebuilt on the new store)."""
        store, result = restored
        self._reopened(store)
        text = self.tr("已从备份恢复（备份时间 %1）。").replace("%1", result.manifest.created_local)
        if result.kept_dir is not None:
            text += "\n" + self.tr("原来的数据库已原样保留在：%1").replace("%1", str(result.kept_dir))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("从备份恢复"), text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.show()

    def choose_idle_minutes(self) -> None:
        current = int(self.lock.watcher.timeout_ms / 60_000)
        minutes, ok = QInputDialog.getInt(
            self._window,
            self.tr("自动锁定"),
            self.tr("无操作多少分钟后自动锁定（0 表示不自动锁定；Ctrl+L 随时可锁定）："),
            current,
            0,
            240,
        )
        if ok:
            self._settings.setValue(IDLE_MINUTES_KEY, minutes)
            self.lock.set_idle_minutes(minutes)

    # -- auto-lock -------------------------------------------------------------------------------

    def _close_store(self) -> None:
        store, self._store = self._store, None
        self._keys.forget_key()  # the key manager's copy goes too; the store's is wiped at close
        if store is not None:
            self._actor = store.actor  # the person to carry on as after the unlock
            if self._actor is not None and self._actor.id:
                self.lock.screen.prompt.setText(
                    self.tr(
                        "窗口内容已隐藏。请输入恢复口令解锁（在系统凭据库保存了密钥的电脑上，也可输入%1的个人口令）。"
                    ).replace("%1", self._actor.name)
                )
            self._runner.run_db(
                store.close, receiver=self, on_success=lambda _n: None, label="lock: close store"
            )

    def _unlock(self, secret: str, done: UnlockDone) -> None:
        """The recovery passphrase always unlocks; where the OS credential store keeps the key and a
        person was logged in, that person's PIN does too (checked by the store, failures audited)."""
        keys, data_dir, actor = self._keys, self.data_dir, self._actor

        def opened(store: Store) -> None:
            done(None)
            if self._failed_unlocks:
                count, self._failed_unlocks = self._failed_unlocks, 0
                self._runner.run_db(
                    lambda: store.record_failed_unlocks(count), receiver=self, on_success=lambda _n: None
                )
            self._reopened(store)

        def failed(error: BaseException) -> None:
            from rongcuo_desktop.store.errors import WrongPassphrase

            if isinstance(error, WrongPassphrase):
                self._failed_unlocks += 1
            done(str(error) or self.tr("解锁失败。"))

        def open_store(key: bytes, pin: str | None) -> Store:
            store = Store.open(data_dir, key)
            try:
                if pin is not None and actor is not None:
                    store.login(actor.name, pin)  # raises WrongPin (and records the failure)
                elif actor is not None:
                    store.guard.actor = actor  # the passphrase holder carries on as the same person
            except BaseException:
                store.close()
                raise
            return store

        def derived(key: bytes) -> None:
            self._runner.run_db(
                lambda: open_store(key, None), receiver=self, on_success=opened, on_failure=failed
            )

        def by_passphrase(_error: object = None) -> None:
            self._runner.run_slow(
                lambda: keys.unlock_with_passphrase(secret),
                receiver=self,
                on_success=derived,
                on_failure=failed,
            )

        def keyring_key() -> bytes | None:
            if actor is None or not actor.id or keys.require_passphrase_each_start:
                return None
            return keys.key_from_credential_store()

        def found(key: bytes | None) -> None:
            if key is None:
                by_passphrase()
                return
            self._runner.run_db(
                lambda: open_store(key, secret), receiver=self, on_success=opened, on_failure=by_passphrase
            )

        self._runner.run_slow(keyring_key, receiver=self, on_success=found, on_failure=by_passphrase)

    def _reopened(self, store: Store) -> None:
        self._store = store
        self.reopened.emit(store)

    def _error(self, error: BaseException) -> None:
        self.last_error = str(error) or type(error).__name__
        QMessageBox.warning(self._window, self.tr("数据库"), self.last_error)

    # -- close -----------------------------------------------------------------------------------

    @property
    def store(self) -> Store | None:
        return self._store

    def backup_on_close(self) -> None:
        """Queue the automatic backup before the store is closed (rotating, default 10 kept)."""
        store = self._store
        if store is None or not store.key_box.present:
            return  # locked: nothing was changed since the store was closed
        keep = int(self._settings.value(KEEP_BACKUPS_KEY, DEFAULT_KEEP))  # type: ignore[call-overload]
        files = self.files

        def work() -> Path:
            return auto_backup(files, store.key_box.get(), keep=keep)

        def failed(error: BaseException) -> None:
            log.warning("backup at close failed: %s", type(error).__name__)

        self._runner.run_db(
            work, receiver=self, on_success=lambda _p: None, on_failure=failed, label="backup at close"
        )


def _after_restore(store: Store, result: RestoreResult, actor: AccountInfo | None) -> Store:
    """On the database worker, right after a restore: the person who restored carries on (when the
    restored store knows them by name), and the restore goes into the restored store's audit trail."""
    try:
        by = actor
        if actor is not None and actor.id:
            same = next((a for a in store.accounts.list_all() if a.name == actor.name), None)
            if same is not None:
                store.guard.actor = by = same
        store.record_restore(result.summary, by=by)
    except BaseException:
        store.close()
        raise
    return store


def install_data_safety(
    window: QMainWindow,
    result: Opened,
    runner: TaskRunner,
    settings: QSettings,
    holder: dict[str, object],
    *,
    rebuild: Callable[[Opened], None],
) -> DataSafety:
    """app.py's one hook: attach DataSafety to a new main window; a reopened store gets a new window."""
    safety = DataSafety(window, result.store, runner, result.key_manager, settings)

    def reopened(store: Store) -> None:
        rebuild(Opened(store, result.key_manager, result.credential_store_usable))

    safety.reopened.connect(reopened)
    holder["safety"] = safety
    safety.check_in_background()
    return safety
