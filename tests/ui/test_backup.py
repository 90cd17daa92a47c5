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
from rongcuo_desktop.ui.data.backup import BackupDialog
from rongcuo_desktop.ui.data.safety import DataSafety
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


def test_restore_asks_again_after_a_wrong_passphrase_and_says_where_the_old_store_is(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given 从备份恢复… started from the menu, a wrong passphrase asks again and says why (nothing was
    closed, no dead-end message box); after the right one, a message names the backup's time and the
    folder that keeps the replaced store. The file dialog opens where the backups are."""
    from rongcuo_desktop.store.backup import create_backup
    from rongcuo_desktop.ui.data import safety as module

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    safety = DataSafety(window, store, runner, KeyManager(store.data_dir), settings)

    starts: list[str] = []

    def pick(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return (str(backup) if len(starts) > 1 else ""), ""

    monkeypatch.setattr(module.QFileDialog, "getOpenFileName", pick)
    safety.choose_and_restore()  # cancelled in the file dialog
    assert starts == [str(store.data_dir / "backups")]
    settings.setValue(module.BACKUP_FOLDER_KEY, str(tmp_path / "usb"))

    prompts: list[str] = []
    answers = ["错误的口令 xyz", PASSPHRASE]
    monkeypatch.setattr(
        module.QInputDialog,
        "getText",
        lambda _parent, _title, label, _echo: (prompts.append(label), (answers.pop(0), True))[1],
    )
    with qtbot.waitSignal(safety.reopened, timeout=15000) as reopened:
        safety.choose_and_restore()
        qtbot.waitUntil(lambda: len(prompts) == 2, timeout=10000)
    assert starts[-1] == str(tmp_path / "usb")
    assert "恢复口令不正确" not in prompts[0] and "恢复口令不正确" in prompts[1]
    assert "当前数据库没有任何改动" in prompts[1]
    assert warnings == []
    fresh = reopened.args[0]
    box = safety.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "已从备份恢复" in box.text() and "kept-before-restore-" in box.text()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    box.close()
    fresh.close()


def test_a_refused_restore_after_damage_carries_on_with_the_current_store(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the integrity check offered a backup that turns out bad when it is restored (changed on
    disk meanwhile), when the restore is refused after the store was closed, then the user is told why
    and the app carries on with the current store, reopened (never a window on a closed store)."""
    from rongcuo_desktop.store.backup import DamageReport, auto_backup, list_backups
    from rongcuo_desktop.ui.data.backup import RestoreOfferDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    monkeypatch.setattr(RestoreOfferDialog, "exec", lambda _self: RestoreOfferDialog.DialogCode.Accepted)
    files = StoreFiles.in_dir(store.data_dir)
    path = auto_backup(files, store.key_box.get())
    (newest,) = [m for m in list_backups(path.parent) if m.path == path]
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x08  # the offered backup is damaged after it was found
    path.write_bytes(bytes(data))
    window = QMainWindow()
    qtbot.addWidget(window)
    safety = DataSafety(
        window,
        store,
        runner,
        KeyManager(store.data_dir),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    with qtbot.waitSignal(safety.reopened, timeout=15000) as reopened:
        safety.offer_restore("HMAC check failed for pgno=3", DamageReport(["HMAC"], newest))
    assert warnings and "校验不符" in warnings[0] and "当前数据库没有任何改动" in warnings[0]
    current = reopened.args[0]
    assert safety.store is current and current.cases.count() == 5
    assert not list((store.data_dir / "backups").glob("kept-before-restore-*"))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    current.close()


def test_the_data_menu_stays_when_another_menu_is_added_after_it(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given the 数据 menu on a window with 帮助 last, when the next menu (人员) is added the same
    way, then 数据 is still there with its actions and 帮助 is still last (the lookup of 帮助 once
    deleted the menus it looked at)."""
    import gc

    from rongcuo_desktop.ui.shell.menus import add_menu_before_help

    window = QMainWindow()
    qtbot.addWidget(window)
    help_menu = window.menuBar().addMenu("帮助(&H)")
    window.about_action = help_menu.addAction("关于")  # type: ignore[attr-defined]
    safety = DataSafety(
        window,
        store,
        runner,
        KeyManager(store.data_dir),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    people = add_menu_before_help(window, "人员(&P)")
    gc.collect()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["数据(&D)", "人员(&P)", "帮助(&H)"]
    from PySide6.QtWidgets import QMenu

    (data_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "数据(&D)"]
    assert safety.backup_action in data_menu.actions() and people.title() == "人员(&P)"


def test_the_integrity_check_offers_the_newest_backup_and_restores_it(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given damage found by 数据 → 检查数据库完整性 (its report handed over) and a good backup, when
    the offered restore is accepted, then the backup replaces the store, the damaged one is kept, the
    window gets the reopened store and is told when the backup was made."""
    from rongcuo_desktop.store.backup import DamageReport, auto_backup, list_backups
    from rongcuo_desktop.ui.data.backup import RestoreOfferDialog

    monkeypatch.setattr(RestoreOfferDialog, "exec", lambda _self: RestoreOfferDialog.DialogCode.Accepted)
    path = auto_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get())
    (newest,) = [m for m in list_backups(path.parent) if m.path == path]
    store.cases.add(
        Case(doc_no="容错〔2026〕77号", party_name="林某某", party_unit="某镇", party_position="镇长")
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    safety = DataSafety(
        window,
        store,
        runner,
        KeyManager(store.data_dir),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    with qtbot.waitSignal(safety.reopened, timeout=15000) as reopened:
        safety.offer_restore("HMAC check failed for pgno=3", DamageReport(["HMAC"], newest))
    fresh = reopened.args[0]
    assert fresh is not store and fresh.cases.count() == 5
    assert fresh.cases.id_for_doc_no("容错〔2026〕77号") is None
    (kept,) = (store.data_dir / "backups").glob("kept-before-restore-*")
    assert (kept / "rongcuo.db").is_file()
    box = safety.dialog
    assert isinstance(box, QMessageBox) and "已从备份恢复" in box.text() and str(kept) in box.text()
    box.close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    fresh.close()


def _restore_events(store: Store) -> list[tuple[str, str]]:
    with store.read_session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT actor_name, summary FROM audit_events WHERE action = 'restore' ORDER BY id"
        )
        return [(str(r[0]), str(r[1])) for r in rows]


def test_a_restore_is_in_the_audit_trail_and_the_chair_carries_on(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given accounts, a secretary may not replace the store (refused below the menu, nothing closed);
    the 主任 may: afterwards the restored store's audit trail says who restored which backup and where
    the old store is, the 主任 is still the one acting, and saving works at once."""
    from rongcuo_desktop.domain.roles import Role
    from rongcuo_desktop.store.backup import create_backup

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    store.accounts.add("王主任", Role.CHAIR, "111186")
    store.login("王主任", "111186")
    store.accounts.add("李秘书", Role.SECRETARY, "222286")
    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    store.login("李秘书", "222286")
    window = QMainWindow()
    qtbot.addWidget(window)
    safety = DataSafety(
        window,
        store,
        runner,
        KeyManager(store.data_dir),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    safety.restore_file(backup, PASSPHRASE)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "秘书无权恢复" in warnings[0]
    assert safety.store is store and store.key_box.present
    assert not list((store.data_dir / "backups").glob("kept-before-restore-*"))

    store.login("王主任", "111186")
    with qtbot.waitSignal(safety.reopened, timeout=15000) as reopened:
        safety.restore_file(backup, PASSPHRASE)
    fresh = reopened.args[0]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    try:
        assert fresh.actor is not None and fresh.actor.name == "王主任"
        ((who, summary),) = _restore_events(fresh)
        assert who == "王主任" and "从备份恢复" in summary and "手动备份" in summary
        assert "kept-before-restore-" in summary
        fresh.cases.add(
            Case(doc_no="容错〔2026〕88号", party_name="林某某", party_unit="某镇", party_position="镇长")
        )
        assert fresh.audit_verify().ok
    finally:
        if isinstance(safety.dialog, QMessageBox):
            safety.dialog.close()
        fresh.close()
