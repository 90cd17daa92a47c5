"""The start sequence, from the committee secretary's side, on real files with no credential store:

- a store already open in another app is named at once, before any passphrase is asked, and the
  app ends without offering "unlock with the passphrase" (which could not help);
- wrong passphrases at the unlock dialog are counted on screen and recorded in the audit trail
  once the right one opens the store (issue 4: a failed unlock is an audit event);
- the setup dialog puts the cursor where the typing is asked for after a refusal.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.services import unlock
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import CredentialStoreStatus, KeyManager
from rongcuo_desktop.ui.startup import flow as startup_module
from rongcuo_desktop.ui.startup.flow import EXIT_STORE_PROBLEM, Startup
from rongcuo_desktop.ui.startup.opening import Opened
from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog, UnlockDialog
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "秋天的稻田里有七只白鹭"

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from rongcuo_desktop.store.locking import StoreLock
    lock = StoreLock(Path(sys.argv[1]))
    lock.acquire()
    lock.set_account("王主任")
    print("ready", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv(startup_module.PASSPHRASE_FILE_ENV, raising=False)


@pytest.fixture
def existing_store(data_dir: Path) -> tuple[Path, bytes]:
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    return data_dir, key


@pytest.fixture
def held(existing_store: tuple[Path, bytes]) -> Iterator[subprocess.Popen[str]]:
    """Another running app holds the store (a real process with the real lock)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(existing_store[0])], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait()


def make_startup(data_dir: Path, runner: TaskRunner) -> Startup:
    return Startup(data_dir, runner, QSettings(str(data_dir.parent / "ui.ini"), QSettings.Format.IniFormat))


def test_a_store_in_use_is_named_before_any_passphrase_is_asked(
    qtbot: QtBot, runner: TaskRunner, existing_store: tuple[Path, bytes], held: subprocess.Popen[str]
) -> None:
    """Given another app holds the store, when this one starts, then the first thing shown says by
    whom it is used (no unlock dialog first), and the app ends with the store-problem exit code."""
    startup = make_startup(existing_store[0], runner)
    failed: list[int] = []
    startup.failed.connect(failed.append)
    startup.start()
    qtbot.waitUntil(lambda: startup.dialog is not None, timeout=15000)
    box = startup.dialog
    assert isinstance(box, QMessageBox), type(box)
    assert "王主任" in box.text() and "正被" in box.text() and str(held.pid) in box.text()
    assert not any("恢复口令" in b.text() for b in box.buttons())
    box.accept()
    qtbot.waitUntil(lambda: failed == [EXIT_STORE_PROBLEM], timeout=5000)


def test_in_use_found_only_at_open_is_not_offered_the_passphrase(
    qtbot: QtBot,
    runner: TaskRunner,
    existing_store: tuple[Path, bytes],
    held: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given the key came from the credential store (simulated: none here) and the store was taken by
    another app after the early check, then the message names the holder and offers no passphrase
    unlock: 'unlock with the recovery passphrase' cannot help with a store in use."""
    data_dir, key = existing_store
    monkeypatch.setattr(unlock, "_refuse_if_in_use", lambda _d: None)  # lost the race
    monkeypatch.setattr(KeyManager, "key_from_credential_store", lambda _self: key)
    startup = make_startup(data_dir, runner)
    failed: list[int] = []
    startup.failed.connect(failed.append)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, QMessageBox), timeout=15000)
    box = startup.dialog
    assert isinstance(box, QMessageBox)
    assert "正被" in box.text()
    assert [b.text() for b in box.buttons() if "恢复口令" in b.text()] == []
    box.accept()
    qtbot.waitUntil(lambda: failed == [EXIT_STORE_PROBLEM], timeout=5000)


def test_wrong_passphrases_are_counted_and_recorded_in_the_audit_trail(
    qtbot: QtBot, runner: TaskRunner, existing_store: tuple[Path, bytes]
) -> None:
    """Given the unlock dialog, when two wrong passphrases and then the right one are typed, then the
    second refusal shows the count, and the opened store's audit trail holds the failed unlocks."""
    data_dir, _key = existing_store
    startup = make_startup(data_dir, runner)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, UnlockDialog), timeout=15000)
    dialog = startup.dialog
    assert isinstance(dialog, UnlockDialog)
    for attempt in ("不是这个口令啊", "也不是这个口令"):
        dialog.ui.passphraseEdit.setText(attempt)
        dialog.accept()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert "不正确" in dialog.ui.errorLabel.text() and "已输错 2 次" in dialog.ui.errorLabel.text()
    assert "请重试" in dialog.ui.errorLabel.text() and "请重新输入" not in dialog.ui.errorLabel.text()
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(startup.opened, timeout=15000) as opened:
        dialog.accept()
    result = opened.args[0]
    assert isinstance(result, Opened)
    store = result.workspace.store
    try:
        with store.read_session() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT actor_name, summary FROM audit_events WHERE action = 'failed_unlock'"
            )
            failures = [tuple(r) for r in rows]
        assert failures == [("（程序）", "恢复口令错误 2 次")]
        assert store.audit_verify(by=result.person).ok
    finally:
        done: list[object] = []
        runner.run_db(result.workspace.close, receiver=runner, done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10000)


def test_setup_puts_the_cursor_where_the_typing_is_asked_for(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path
) -> None:
    """Given two different entries, the first stays and the cursor goes to 再次输入 (typing on would
    otherwise lengthen the first passphrase); given a weak one, both start again from the first."""
    status = CredentialStoreStatus(False, None, "这台电脑没有可用的系统凭据库。")
    dialog = SetupDialog(data_dir, runner, status)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    dialog.ui.repeatEdit.setText(PASSPHRASE + "了")
    dialog.accept()
    assert "不一致" in dialog.ui.errorLabel.text()
    assert dialog.ui.passphraseEdit.text() == PASSPHRASE and dialog.ui.repeatEdit.text() == ""
    assert dialog.focusWidget() is dialog.ui.repeatEdit
    dialog.ui.repeatEdit.insert("秋")  # typing the second entry again: the old refusal goes
    assert not dialog.ui.errorLabel.isVisibleTo(dialog)
    dialog.ui.passphraseEdit.setText("password1")
    dialog.ui.repeatEdit.setText("password1")
    dialog.accept()
    assert "太弱" in dialog.ui.errorLabel.text()
    assert dialog.focusWidget() is dialog.ui.passphraseEdit
    assert dialog.ui.passphraseEdit.selectedText() == "password1" and dialog.ui.repeatEdit.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.workspace is None


def test_change_passphrase_from_the_file_menu(
    qtbot: QtBot, runner: TaskRunner, existing_store: tuple[Path, bytes]
) -> None:
    """Given the main window, when 文件 → 修改口令… is chosen and filled in, then the database is
    re-keyed (issue 11, item 9): a pre-rekey backup first, the new passphrase gives a NEW key, the old
    one no longer opens anything current, and the window carries on with the store reopened."""
    import hashlib

    from rongcuo_desktop.store.errors import WrongPassphrase
    from rongcuo_desktop.ui.startup.passphrase_dialogs import ChangePassphraseDialog
    from tests.ui.conftest import open_window, person_of

    data_dir, key = existing_store
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    store = Store.open(data_dir, key)
    try:
        settings = QSettings(str(data_dir.parent / "w.ini"), QSettings.Format.IniFormat)
        window = open_window(qtbot, runner, store, person_of(store), keys=keys, settings=settings).window
        qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
        from PySide6.QtWidgets import QMenu

        # QAction.menu() would take the menu's ownership in PySide6 6.9: look the menus up instead.
        (file_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title().startswith("文件")]
        (action,) = [a for a in file_menu.actions() if a.text().startswith("修改口令")]
        db_before = hashlib.sha256((data_dir / "rongcuo.db").read_bytes()).hexdigest()
        action.trigger()
        (dialog,) = window.findChildren(ChangePassphraseDialog)
        dialog.ui.oldEdit.setText(PASSPHRASE)
        dialog.ui.newEdit.setText("新的恢复口令 ferry boats 42")
        dialog.ui.repeatEdit.setText("新的恢复口令 ferry boats 42")
        with qtbot.waitSignal(dialog.accepted, timeout=60000):
            dialog.accept()
        assert "恢复口令已修改" in window.statusBar().currentMessage()
        new_key = KeyManager(data_dir).unlock_with_passphrase("新的恢复口令 ferry boats 42")
        assert new_key != key
        with pytest.raises(WrongPassphrase):
            KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
        assert hashlib.sha256((data_dir / "rongcuo.db").read_bytes()).hexdigest() != db_before
        assert list((data_dir / "backups").glob("pre-rekey-*.rcbak"))
        workspace = window.context.workspace
        assert workspace is not None and workspace.is_open and workspace.store.key_box.get() == new_key
        window.close()
        qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
        workspace.close()
    finally:
        store.close()
