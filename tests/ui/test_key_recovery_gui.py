"""从备份找回密钥文件 at start-up (issue 11, item 9, the GUI): a lost key file is offered its recovery
from a backup, a wrong passphrase is asked again, the right one puts back only the key file, and the
store opens with everything written since the backup. Real store, real dialogs, real task runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import StoreFiles, create_backup
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import key_path
from rongcuo_desktop.ui.data.restore_key import KeyFileRecovery
from rongcuo_desktop.ui.startup.flow import EXIT_STORE_PROBLEM, PASSPHRASE_FILE_ENV, Startup
from rongcuo_desktop.ui.startup.opening import Opened
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "秋天的稻田里有七只白鹭"
LATER = "容错〔2026〕902号"


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


@pytest.fixture
def lost_key(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store with a backup, a case added after it, then its key file gone; the passphrase handed
    over in a file, as a scripted start does."""
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    Store.create(data_dir, key).close()
    backup = create_backup(StoreFiles.in_dir(data_dir), key, data_dir / "backups")
    with Store.open(data_dir, key) as store:
        store.cases.add(Case(doc_no=LATER, party_name="林某某", party_unit="某镇", party_position="镇长"))
    key_path(data_dir).unlink()
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret))
    return backup


def started(data_dir: Path, runner: TaskRunner, qtbot: QtBot) -> tuple[Startup, KeyFileRecovery]:
    startup = Startup(
        data_dir, runner, QSettings(str(data_dir.parent / "ui.ini"), QSettings.Format.IniFormat)
    )
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.restore_flow, KeyFileRecovery), timeout=20000)
    flow = startup.restore_flow
    assert isinstance(flow, KeyFileRecovery)
    return startup, flow


def press(box: QMessageBox, starting: str) -> None:
    (button,) = [b for b in box.buttons() if b.text().startswith(starting)]
    button.click()


def test_a_lost_key_file_is_found_again_from_a_backup_and_the_store_opens(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path, lost_key: Path
) -> None:
    startup, flow = started(data_dir, runner, qtbot)
    box = flow.dialog
    assert isinstance(box, QMessageBox) and startup.dialog is box
    assert "找不到密钥文件" in box.text() and "数据库保持现状" in box.informativeText()
    press(box, "从备份找回密钥文件")
    qtbot.waitUntil(lambda: isinstance(flow.dialog, QFileDialog), timeout=10000)
    files = flow.dialog
    assert isinstance(files, QFileDialog)
    files.selectFile(str(lost_key))
    files.accept()
    qtbot.waitUntil(lambda: isinstance(flow.dialog, QInputDialog), timeout=10000)
    asked = flow.dialog
    assert isinstance(asked, QInputDialog)
    asked.setTextValue("不是这个口令啊朋友们")
    asked.accept()
    qtbot.waitUntil(lambda: isinstance(flow.dialog, QInputDialog) and flow.dialog is not asked, timeout=30000)
    again = flow.dialog
    assert isinstance(again, QInputDialog) and "恢复口令不正确" in again.labelText()
    assert not key_path(data_dir).exists(), "a wrong passphrase changes nothing"
    again.setTextValue(PASSPHRASE)
    with qtbot.waitSignal(startup.opened, timeout=30000) as opened:
        again.accept()
    result = opened.args[0]
    assert isinstance(result, Opened)
    store = result.workspace.store
    assert store.cases.id_for_doc_no(LATER) is not None, "written after the backup, still there"
    assert store.audit_problems == []
    assert isinstance(flow.dialog, QMessageBox) and "找回密钥文件" in flow.dialog.text()
    flow.dialog.accept()
    done: list[object] = []
    runner.run_db(result.workspace.close, receiver=runner, done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=15000)


def test_quitting_the_offer_ends_the_app_and_changes_nothing(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path, lost_key: Path
) -> None:
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    startup, flow = started(data_dir, runner, qtbot)
    failed: list[int] = []
    startup.failed.connect(failed.append)
    assert isinstance(flow.dialog, QMessageBox)
    press(flow.dialog, "退出")
    qtbot.waitUntil(lambda: failed == [EXIT_STORE_PROBLEM], timeout=10000)
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before


def test_a_passphrase_file_in_another_encoding_is_said_in_chinese(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the passphrase handed over in a file saved as GBK (not UTF-8), when the app starts, then
    no traceback: the unlock dialog says what is wrong with the file, naming it, and asks instead."""
    from rongcuo_desktop.ui.startup.passphrase_dialogs import UnlockDialog

    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    Store.create(data_dir, key).close()
    secret = tmp_path / "pw-gbk.txt"
    secret.write_bytes(PASSPHRASE.encode("gbk"))
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret))
    settings = QSettings(str(data_dir.parent / "ui.ini"), QSettings.Format.IniFormat)
    startup = Startup(data_dir, runner, settings)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, UnlockDialog), timeout=20000)
    dialog = startup.dialog
    assert isinstance(dialog, UnlockDialog)
    said = dialog.ui.infoLabel.text()
    assert PASSPHRASE_FILE_ENV in said and "UTF-8" in said and "请在下面输入恢复口令" in said, said
    dialog.reject()
