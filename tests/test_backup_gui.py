"""The backup dialog (progress, result) and 从备份恢复… on a real store with the real task runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import StoreFiles
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.backup_dialog import BackupDialog
from rongcuo_desktop.ui.data_safety import DataSafety
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "备份界面测试口令 horse"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(folder, key) as store:
        for n in range(1, 6):
            store.cases.add(
                Case(
                    doc_no=f"容错〔2026〕{n}号", party_name="谢某某", party_unit="某局", party_position="科长"
                )
            )
    return folder


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def store(data_dir: Path, template: Path) -> Iterator[Store]:
    shutil.copytree(template, data_dir)
    opened = Store.open(data_dir, KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE))
    yield opened
    opened.close()


def test_backup_dialog_writes_with_progress(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given 备份到… with a USB folder, when 开始备份 is pressed, the backup runs on the worker, the bar
    reaches 100 and the dialog names the written file."""
    usb = tmp_path / "U盘"
    dialog = BackupDialog(runner, StoreFiles.in_dir(store.data_dir), store.key_box.get, folder=usb)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_ok, timeout=10000) as done:
        dialog.start_button.click()
    written = Path(done.args[0])
    assert written.parent == usb and written.exists()
    assert dialog.progress.value() == 100
    assert "备份完成" in dialog.status.text()


def test_restore_file_from_the_menu(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a backup and a later change, a wrong passphrase is refused and the store stays open;
    the right one restores (the change is gone) and hands over a reopened store."""
    from rongcuo_desktop.store.backup import create_backup

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    store.cases.add(
        Case(doc_no="容错〔2026〕99号", party_name="林某某", party_unit="某镇", party_position="镇长")
    )
    window = QMainWindow()
    window.setCentralWidget(QLabel("案件"))
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    safety = DataSafety(window, store, runner, KeyManager(store.data_dir), settings)
    safety.restore_file(backup, "错误的口令 xyz")
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "口令不正确" in warnings[0]
    assert safety.store is store and store.key_box.present
    with qtbot.waitSignal(safety.reopened, timeout=10000) as reopened:
        safety.restore_file(backup, PASSPHRASE)
    fresh = reopened.args[0]
    assert fresh.cases.count() == 5 and fresh.cases.id_for_doc_no("容错〔2026〕99号") is None
    assert list((store.data_dir / "backups").glob("kept-before-restore-*"))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    fresh.close()
