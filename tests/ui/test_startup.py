"""The start sequence on real files: first-start setup, unlock, and the failures that must never
lead to a fresh store over the old one (damaged database, missing key file, unwritable folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.services import unlock
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import db_path, key_path
from rongcuo_desktop.ui import app as app_module
from rongcuo_desktop.ui.startup import passphrase_dialogs
from rongcuo_desktop.ui.startup.flow import EXIT_STORE_PROBLEM, PASSPHRASE_FILE_ENV, Startup
from rongcuo_desktop.ui.startup.opening import Opened
from rongcuo_desktop.ui.startup.passphrase_dialogs import SetupDialog, UnlockDialog
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "秋天的稻田里有七只白鹭"


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on this machine and many air-gapped PCs: no session bus, so no Secret Service or KWallet."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


@pytest.fixture
def existing_store(data_dir: Path) -> Path:
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    Store.create(data_dir, key).close()
    return data_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.suffix != ".ini"}


def make_startup(data_dir: Path, runner: TaskRunner) -> Startup:
    settings = QSettings(str(data_dir.parent / "ui.ini"), QSettings.Format.IniFormat)
    return Startup(data_dir, runner, settings)


def close_store(runner: TaskRunner, opened: Opened, qtbot: QtBot) -> None:
    done: list[object] = []
    runner.run_db(opened.workspace.close, receiver=runner, done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=15000)


def create_quickly(data_dir: Path, passphrase: str, require: bool) -> Workspace:
    """The setup's create with a short key-derivation target, to keep the suite fast."""
    workspace, _status = unlock.create(
        data_dir, passphrase, require_passphrase_each_start=require, kdf_target_seconds=0.05
    )
    return workspace


def test_first_start_asks_for_the_passphrase_and_creates_the_store(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup = make_startup(data_dir, runner)
    monkeypatch.setattr(passphrase_dialogs, "create_store", create_quickly)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, SetupDialog), timeout=20000)
    dialog = startup.dialog
    assert isinstance(dialog, SetupDialog)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    dialog.ui.repeatEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(startup.opened, timeout=15000) as opened:
        dialog.accept()
    result = opened.args[0]
    assert isinstance(result, Opened)
    assert db_path(data_dir).is_file() and key_path(data_dir).is_file()
    close_store(runner, result, qtbot)

    # This machine has no credential store: setup said why, so the next start just asks.
    again = make_startup(data_dir, runner)
    again.start()
    qtbot.waitUntil(lambda: isinstance(again.dialog, UnlockDialog), timeout=20000)
    assert isinstance(again.dialog, UnlockDialog)
    assert again.dialog.ui.infoLabel.text() == ""
    again.dialog.reject()


def test_no_credential_store_explains_once_then_unlocks(
    qtbot: QtBot, runner: TaskRunner, existing_store: Path
) -> None:
    """Given a store and no credential store, the unlock dialog says why the first time only."""
    first = make_startup(existing_store, runner)
    first.start()
    qtbot.waitUntil(lambda: isinstance(first.dialog, UnlockDialog), timeout=20000)
    assert isinstance(first.dialog, UnlockDialog)
    assert "凭据" in first.dialog.ui.infoLabel.text()
    first.dialog.ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(first.opened, timeout=15000) as opened:
        first.dialog.accept()
    close_store(runner, opened.args[0], qtbot)

    second = make_startup(existing_store, runner)
    second.start()
    qtbot.waitUntil(lambda: isinstance(second.dialog, UnlockDialog), timeout=20000)
    assert isinstance(second.dialog, UnlockDialog)
    assert second.dialog.ui.infoLabel.text() == ""
    second.dialog.reject()


def test_damaged_database_is_reported_and_left_untouched(
    qtbot: QtBot, runner: TaskRunner, existing_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a database file that is not ours, when the right passphrase is given, then a Chinese
    message explains, the app ends with an error code, and every file is byte for byte the same."""
    db_path(existing_store).write_bytes(b"this is not a SQLCipher database" * 200)
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret))
    before = snapshot(existing_store)
    startup = make_startup(existing_store, runner)
    failed: list[int] = []
    startup.failed.connect(failed.append)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, QMessageBox), timeout=15000)
    box = startup.dialog
    assert isinstance(box, QMessageBox)
    assert "没有改动或删除任何文件" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: failed == [EXIT_STORE_PROBLEM], timeout=15000)
    assert snapshot(existing_store) == before


def test_missing_key_file_never_leads_to_a_new_store(
    qtbot: QtBot, runner: TaskRunner, existing_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_path(existing_store).unlink()
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret))
    before = snapshot(existing_store)
    startup = make_startup(existing_store, runner)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, QMessageBox), timeout=15000)
    assert isinstance(startup.dialog, QMessageBox)
    assert "密钥" in startup.dialog.text()
    startup.dialog.accept()
    assert snapshot(existing_store) == before
    assert not key_path(existing_store).exists()


def test_unwritable_data_folder_gives_a_clear_message_and_a_clean_exit(qtbot: QtBot, tmp_path: Path) -> None:
    """Given a data folder path that cannot be created (a file is in the way), when the app starts,
    then it shows why and returns exit code 2 without creating anything."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    code = app_module.main(["--data-dir", str(blocker / "data")])
    assert code == app_module.EXIT_DATA_DIR
    assert seen and "数据目录无法写入" in seen[0]
    assert blocker.read_text(encoding="utf-8") == "x"
