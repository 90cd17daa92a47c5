"""The backup dialog (progress, result) and 从备份恢复… on a real store with the real task runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import StoreFiles
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data.backup import BACKUP_FOLDER_KEY
from rongcuo_desktop.ui.data.backup_dialog import BackupDialog
from rongcuo_desktop.ui.data.restore import RestoreActions, RestoreOfferDialog
from rongcuo_desktop.ui.shell.menus import MenuName, menu_of
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, open_window, person_of, workspace_of

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


def window_on(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path, name: str = "", pin: str = ""
) -> Opening:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return open_window(qtbot, runner, store, person_of(store, name, pin), settings=settings)


def message_of(restore: RestoreActions) -> str:
    box = restore.dialog
    assert isinstance(box, QMessageBox), box
    return box.text()


def test_backup_dialog_writes_with_progress(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given 备份到… with a USB folder, when 开始备份 is pressed, the backup runs on the worker, the bar
    reaches 100 and the dialog names the written file."""
    usb = tmp_path / "U盘"
    dialog = BackupDialog(runner, workspace_of(store), person_of(store), folder=usb)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_ok, timeout=10000) as done:
        dialog.ui.startButton.click()
    written = Path(done.args[0])
    assert written.parent == usb and written.exists()
    assert dialog.ui.progressBar.value() == 100
    assert "备份完成" in dialog.ui.statusLabel.text()


def test_restore_file_from_the_menu(qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path) -> None:
    """Given a backup and a later change, a wrong passphrase is refused (asked again, saying why) and
    the store stays open; the right one restores (the change is gone) and the same window carries on
    with the reopened store."""
    from rongcuo_desktop.store.backup import create_backup

    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    store.cases.add(
        Case(doc_no="容错〔2026〕99号", party_name="林某某", party_unit="某镇", party_position="镇长")
    )
    o = window_on(qtbot, runner, store, tmp_path)
    restore, ctx = o.all.restore, o.window.context
    restore.restore_file(backup, "错误的口令 xyz")
    qtbot.waitUntil(lambda: isinstance(restore.dialog, QInputDialog), timeout=10000)
    assert isinstance(restore.dialog, QInputDialog) and "口令不正确" in restore.dialog.labelText()
    assert ctx.workspace is not None and ctx.workspace.store is store and store.key_box.present
    restore.dialog.reject()
    with qtbot.waitSignal(restore.concluded, timeout=10000):
        restore.restore_file(backup, PASSPHRASE)
    assert ctx.workspace is not None
    fresh = ctx.workspace.store
    assert fresh.cases.count() == 5 and fresh.cases.id_for_doc_no("容错〔2026〕99号") is None
    assert list((store.data_dir / "backups").glob("kept-before-restore-*"))
    qtbot.waitUntil(lambda: o.window.cases.model.rowCount() == 5 and not runner.busy, timeout=5000)
    fresh.close()


def test_restore_asks_again_after_a_wrong_passphrase_and_says_where_the_old_store_is(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given 从备份恢复… started from the menu, a wrong passphrase asks again and says why (nothing was
    closed, no dead-end message box); after the right one, a message names the backup's time and the
    folder that keeps the replaced store. The file dialog opens where the backups are."""
    from rongcuo_desktop.store.backup import create_backup

    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    (store.data_dir / "backups").mkdir(exist_ok=True)  # as after the first close (its backup)
    o = window_on(qtbot, runner, store, tmp_path)
    restore, ctx = o.all.restore, o.window.context
    restore.action.trigger()
    chooser = restore.dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert Path(chooser.directory().absolutePath()) == store.data_dir / "backups"
    chooser.reject()  # cancelled in the file dialog
    ctx.settings.setValue(BACKUP_FOLDER_KEY, str(tmp_path / "usb"))

    restore.action.trigger()
    chooser = restore.dialog
    assert isinstance(chooser, QFileDialog)
    assert Path(chooser.directory().absolutePath()) == tmp_path / "usb"
    chooser.selectFile(str(backup))
    chooser.accept()
    prompts: list[str] = []
    with qtbot.waitSignal(restore.concluded, timeout=15000):
        for answer in ("错误的口令 xyz", PASSPHRASE):
            qtbot.waitUntil(
                lambda: isinstance(restore.dialog, QInputDialog) and restore.dialog.isVisible(), timeout=10000
            )
            asked = restore.dialog
            assert isinstance(asked, QInputDialog)
            prompts.append(asked.labelText())
            asked.setTextValue(answer)
            asked.accept()
            if answer != PASSPHRASE:
                qtbot.waitUntil(lambda asked=asked: restore.dialog is not asked, timeout=10000)
    assert "恢复口令不正确" not in prompts[0] and "恢复口令不正确" in prompts[1]
    assert "当前数据库没有任何改动" in prompts[1]
    assert ctx.workspace is not None
    fresh = ctx.workspace.store
    box = restore.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "已从备份恢复" in box.text() and "kept-before-restore-" in box.text()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    box.close()
    fresh.close()


def test_a_refused_restore_after_damage_carries_on_with_the_current_store(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given the integrity check offered a backup that turns out bad when it is restored (changed on
    disk meanwhile), when the restore is refused after the store was closed, then the user is told why
    and the app carries on with the current store, reopened (never a window on a closed store)."""
    from rongcuo_desktop.store.backup import auto_backup, list_backups

    files = StoreFiles.in_dir(store.data_dir)
    path = auto_backup(files, store.key_box.get())
    (newest,) = [m for m in list_backups(path.parent) if m.path == path]
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x08  # the offered backup is damaged after it was found
    path.write_bytes(bytes(data))
    o = window_on(qtbot, runner, store, tmp_path)
    restore, ctx = o.all.restore, o.window.context
    restore.offer_newest("HMAC check failed for pgno=3", newest)
    offer = restore.dialog
    assert isinstance(offer, RestoreOfferDialog)
    with qtbot.waitSignal(restore.concluded, timeout=15000):
        offer.ui.restoreButton.click()
    text = message_of(restore)
    assert "校验不符" in text and "当前数据库没有任何改动" in text
    assert ctx.workspace is not None
    current = ctx.workspace.store
    assert current is not store and current.cases.count() == 5
    assert not list((store.data_dir / "backups").glob("kept-before-restore-*"))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    current.close()


def test_menus_are_found_by_name_and_keep_their_actions(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given the window with its features, when Python's collector runs, then every menu is still
    there in its order, found by object name, 数据 holds 备份到… and 帮助 is last (a lookup of 帮助 by
    QAction.menu() once deleted the menus it looked at)."""
    import gc

    o = window_on(qtbot, runner, store, tmp_path)
    gc.collect()
    names = [a.menu().objectName() if a.menu() else "" for a in o.window.menuBar().actions()]
    assert names == [name.value for name in MenuName]
    assert o.all.backup.action in menu_of(o.window, MenuName.DATA).actions()
    titles = [m.title() for m in o.window.menuBar().findChildren(QMenu) if m.objectName()]
    assert titles == ["文件(&F)", "案件(&C)", "视图(&V)", "数据(&D)", "报告(&R)", "人员(&P)", "帮助(&H)"]


def test_the_integrity_check_offers_the_newest_backup_and_restores_it(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given damage found by 数据 → 检查数据库完整性 (its report handed over) and a good backup, when
    the offered restore is accepted, then the backup replaces the store, the damaged one is kept, the
    window gets the reopened store and is told when the backup was made."""
    from rongcuo_desktop.store.backup import auto_backup, list_backups

    path = auto_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get())
    (newest,) = [m for m in list_backups(path.parent) if m.path == path]
    store.cases.add(
        Case(doc_no="容错〔2026〕77号", party_name="林某某", party_unit="某镇", party_position="镇长")
    )
    o = window_on(qtbot, runner, store, tmp_path)
    restore, ctx = o.all.restore, o.window.context
    restore.offer_newest("HMAC check failed for pgno=3", newest)
    offer = restore.dialog
    assert isinstance(offer, RestoreOfferDialog)
    with qtbot.waitSignal(restore.concluded, timeout=15000):
        offer.ui.restoreButton.click()
    assert ctx.workspace is not None
    fresh = ctx.workspace.store
    assert fresh is not store and fresh.cases.count() == 5
    assert fresh.cases.id_for_doc_no("容错〔2026〕77号") is None
    (kept,) = (store.data_dir / "backups").glob("kept-before-restore-*")
    assert (kept / "rongcuo.db").is_file()
    text = message_of(restore)
    assert "已从备份恢复" in text and str(kept) in text
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    fresh.close()


def _restore_events(store: Store) -> list[tuple[str, str]]:
    with store.read_session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT actor_name, summary FROM audit_events WHERE action = 'restore' ORDER BY id"
        )
        return [(str(r[0]), str(r[1])) for r in rows]


def test_a_restore_is_in_the_audit_trail_and_the_chair_carries_on(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given accounts, a secretary may not replace the store (refused below the menu, nothing closed);
    the 主任 may: afterwards the restored store's audit trail says who restored which backup and where
    the old store is, the 主任 is still the one acting, and saving works at once."""
    from rongcuo_desktop.domain.roles import Role
    from rongcuo_desktop.store.backup import create_backup

    store.accounts.add("王主任", Role.CHAIR, "111186")
    acting = store.authenticate("王主任", "111186")
    store.accounts.add("李秘书", Role.SECRETARY, "222286", by=acting)
    backup = create_backup(StoreFiles.in_dir(store.data_dir), store.key_box.get(), tmp_path / "usb")
    o = window_on(qtbot, runner, store, tmp_path, "李秘书", "222286")
    restore, ctx = o.all.restore, o.window.context
    restore.restore_file(backup, PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(restore.dialog, QMessageBox), timeout=10000)
    assert "秘书无权恢复" in message_of(restore)
    assert ctx.workspace is not None and ctx.workspace.store is store and store.key_box.present
    assert not list((store.data_dir / "backups").glob("kept-before-restore-*"))

    ctx.set_person(person_of(store, "王主任", "111186"))
    with qtbot.waitSignal(restore.concluded, timeout=15000):
        restore.restore_file(backup, PASSPHRASE)
    assert ctx.workspace is not None and ctx.person is not None
    fresh = ctx.workspace.store
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    try:
        assert ctx.person.name == "王主任" and o.window.windowTitle().endswith("王主任（主任）")
        ((who, summary),) = _restore_events(fresh)
        assert who == "王主任" and "从备份恢复" in summary and "手动备份" in summary
        assert "kept-before-restore-" in summary
        fresh.cases.add(
            Case(doc_no="容错〔2026〕88号", party_name="林某某", party_unit="某镇", party_position="镇长"),
            by=ctx.person,
        )
        assert fresh.audit_verify(by=ctx.person).ok
    finally:
        fresh.close()


def test_the_backup_at_close_shows_its_progress_and_ends_written(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given the window closing, when the backup at close runs, then its progress window says what is
    being done, and `ended` comes once one complete, checked backup is in backups/ (no unfinished file)."""
    o = window_on(qtbot, runner, store, tmp_path)
    closing = o.all.backup.at_close()
    assert closing is not None
    qtbot.addWidget(closing)
    button = closing.findChild(QPushButton)
    assert button is not None and "跳过" in button.text() and "备份" in closing.labelText()
    with qtbot.waitSignal(closing.ended, timeout=20000):
        pass
    folder = store.data_dir / "backups"
    assert closing.outcome == "written" and not closing.isVisible()
    assert len(list(folder.glob("auto-*.rcbak"))) == 1 and not list(folder.glob(".*.part"))


def test_skipping_the_backup_at_close_leaves_no_file(
    qtbot: QtBot, runner: TaskRunner, store: Store, tmp_path: Path
) -> None:
    """Given the backup at close queued behind other database work, when 跳过这次备份 is pressed, then
    the window says it is stopping, `ended` comes with the backup skipped, and the backups folder holds
    nothing: no backup, no unfinished file."""
    import threading

    o = window_on(qtbot, runner, store, tmp_path)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    gate = threading.Event()
    runner.run_db(gate.wait, receiver=o.window, done=bool)  # holds the database thread until set
    closing = o.all.backup.at_close()
    assert closing is not None
    qtbot.addWidget(closing)
    closing.canceled.emit()  # 跳过这次备份
    assert closing.stopping and "停止" in closing.labelText()
    button = closing.findChild(QPushButton)
    assert button is not None and not button.isEnabled()
    with qtbot.waitSignal(closing.ended, timeout=20000):
        gate.set()
    folder = store.data_dir / "backups"
    assert closing.outcome == "skipped"
    assert not folder.exists() or not [p.name for p in folder.iterdir() if "rcbak" in p.name]
