"""Auto-lock and the 数据 menu on a real store: locking closes the store and wipes the key, the
passphrase reopens it (a failed try is audited), the backup at close is written, attachments open
in the viewer from the attachments dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data.attachments import AttachmentsDialog
from rongcuo_desktop.ui.data.safety import DataSafety
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "自动锁定测试口令 horse"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(folder, key) as store:
        store.cases.add(
            Case(doc_no="容错〔2026〕3号", party_name="谢某某", party_unit="某局", party_position="科长")
        )
    return folder


@pytest.fixture
def opened(data_dir: Path, template: Path) -> tuple[Store, KeyManager]:
    shutil.copytree(template, data_dir)
    keys = KeyManager(data_dir)
    return Store.open(data_dir, keys.unlock_with_passphrase(PASSPHRASE)), keys


def test_lock_closes_the_store_and_the_passphrase_reopens_it(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    """Given the app on an open store, when Ctrl+L locks it, the store is closed and its key box
    zeroed; a wrong passphrase is refused; the right one yields a freshly opened store, and the
    failed try is in the audit trail."""
    store, keys = opened
    window = QMainWindow()
    window.setCentralWidget(QLabel("谢某某"))
    qtbot.addWidget(window)
    settings = QSettings(str(data_dir / "test.ini"), QSettings.Format.IniFormat)
    safety = DataSafety(window, store, runner, keys, settings)
    window.show()
    held = store.key_box._key
    safety.lock.lock_action.trigger()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert safety.lock.is_locked and safety.store is None
    assert not store.key_box.present and held is not None and bytes(held) == bytes(32)
    assert not window.centralWidget().isVisible()
    screen = safety.lock.screen
    screen.secret.setText("错误的口令 xyz")
    screen.button.click()
    qtbot.waitUntil(lambda: "不正确" in screen.error.text(), timeout=5000)
    assert safety.lock.is_locked
    screen.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(safety.reopened, timeout=5000) as reopened:
        screen.button.click()
    fresh = reopened.args[0]
    assert isinstance(fresh, Store) and fresh is not store
    assert not safety.lock.is_locked and window.centralWidget().isVisible()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    case_id = fresh.cases.id_for_doc_no("容错〔2026〕3号")
    assert case_id is not None
    with fresh.read_session() as session:
        actions = [r[0] for r in session.connection().exec_driver_sql("SELECT action FROM audit_events")]
    assert "failed_unlock" in actions
    safety.backup_on_close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert len(list((data_dir / "backups").glob("auto-*.rcbak"))) == 1
    fresh.close()


def test_attachments_dialog_adds_and_opens(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], tmp_path: Path
) -> None:
    """Given a case, when a PNG is added in the attachments dialog and opened, the viewer shows it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    store, _keys = opened
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("#008000"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = tmp_path / "现场.png"
    picture.write_bytes(bytes(data.data()))
    case_id = store.cases.id_for_doc_no("容错〔2026〕3号")
    assert case_id is not None
    dialog = AttachmentsDialog(runner, attachments_of(store), case_id, "容错〔2026〕3号")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert dialog.list.count() == 0
    dialog.add_path(picture)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    dialog.open_selected()
    qtbot.waitUntil(lambda: len(dialog.viewers) == 1, timeout=5000)
    viewer = dialog.viewers[0]
    assert viewer.kind == "image" and viewer.canvas.pixmap().width() == 20
    store.close()


def test_a_logged_in_person_unlocks_with_their_pin_or_the_passphrase(
    qtbot: QtBot,
    runner: TaskRunner,
    opened: tuple[Store, KeyManager],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given accounts and a person logged in, where the OS credential store holds the key (simulated:
    this machine has none), the person's PIN unlocks and they carry on as themselves; a wrong PIN and
    a wrong passphrase are refused; without the credential store the passphrase unlocks, same person."""
    from rongcuo_desktop.domain.roles import Role

    store, keys = opened
    store.accounts.add("张主任", Role.CHAIR, "864213")
    store.login("张主任", "864213")
    key = store.key_box.get()
    monkeypatch.setattr(keys, "key_from_credential_store", lambda: key)  # stands in for the OS keyring
    window = QMainWindow()
    window.setCentralWidget(QLabel("谢某某"))
    qtbot.addWidget(window)
    safety = DataSafety(
        window, store, runner, keys, QSettings(str(data_dir / "t.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    safety.lock.lock()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    screen = safety.lock.screen
    assert "张主任" in screen.prompt.text()
    screen.secret.setText("wrong-pin-0000")
    screen.button.click()
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=10000)
    assert safety.lock.is_locked
    screen.secret.setText("864213")
    with qtbot.waitSignal(safety.reopened, timeout=10000) as reopened:
        screen.button.click()
    fresh = reopened.args[0]
    assert fresh.actor is not None and fresh.actor.name == "张主任"
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)

    monkeypatch.setattr(keys, "key_from_credential_store", lambda: None)  # no credential store
    safety.lock.lock()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    screen.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(safety.reopened, timeout=10000) as again:
        screen.button.click()
    assert again.args[0].actor.name == "张主任"
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    with again.args[0].read_session() as session:
        actions = [r[0] for r in session.connection().exec_driver_sql("SELECT action FROM audit_events")]
    assert "failed_unlock" in actions and actions.count("login") == 2
    again.args[0].close()


def test_idle_time_is_ten_minutes_by_default_and_the_setting_is_kept(
    qtbot: QtBot,
    runner: TaskRunner,
    opened: tuple[Store, KeyManager],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given no setting, auto-lock waits 10 minutes; when 数据 → 自动锁定时间… is set to 3, the lock
    waits 3 minutes, and the next start (a new window on the same settings file) keeps 3."""
    from rongcuo_desktop.ui.data import safety as module

    store, keys = opened
    settings_file = str(data_dir / "ui-test.ini")
    window = QMainWindow()
    qtbot.addWidget(window)
    safety = DataSafety(window, store, runner, keys, QSettings(settings_file, QSettings.Format.IniFormat))
    assert safety.lock.watcher.timeout_ms == 10 * 60_000
    asked: list[int] = []
    monkeypatch.setattr(module.QInputDialog, "getInt", lambda *args: (asked.append(args[3]), (3, True))[1])
    safety.idle_action.trigger()
    assert asked == [10] and safety.lock.watcher.timeout_ms == 3 * 60_000
    again = QMainWindow()
    qtbot.addWidget(again)
    later = DataSafety(again, store, runner, keys, QSettings(settings_file, QSettings.Format.IniFormat))
    assert later.lock.watcher.timeout_ms == 3 * 60_000
    store.close()


def _key_material_reachable_from(root: object, key: bytes) -> list[str]:
    """Walk everything reachable from root (not into modules, classes or module globals) and name
    each bytes/str that holds the key or its hex form."""
    import gc
    import types

    needles = (key, key.hex(), key.hex().upper())
    found: list[str] = []
    seen: set[int] = set()
    todo: list[object] = [root]
    while todo and len(seen) < 300_000:
        item = todo.pop()
        if id(item) in seen or isinstance(item, types.ModuleType | type):
            continue
        seen.add(id(item))
        if isinstance(item, bytes | bytearray):
            if any(n == bytes(item) for n in needles if isinstance(n, bytes)):
                found.append(f"{type(item).__name__} holding the key")
            continue
        if isinstance(item, str):
            if any(n in item for n in needles if isinstance(n, str)):
                found.append(f"str with the key in hex: {item[:20]}…")
            continue
        if isinstance(item, dict) and "__builtins__" in item:
            continue  # a module's globals
        todo.extend(gc.get_referents(item))
    return found


def test_locking_leaves_no_copy_of_the_key_reachable(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    """Given an open store (its connection was opened with the key), when the app locks, then nothing
    reachable from the closed store (which the locked window still holds) or from the key manager
    carries the key any more: not its box, not the engine's connection recipe, not the last unlock."""
    store, keys = opened
    key = store.key_box.get()
    assert _key_material_reachable_from(store, key)  # the walk does see the key while it is open
    window = QMainWindow()
    window.setCentralWidget(QLabel("谢某某"))
    qtbot.addWidget(window)
    safety = DataSafety(
        window, store, runner, keys, QSettings(str(data_dir / "k.ini"), QSettings.Format.IniFormat)
    )
    safety.lock.lock()
    qtbot.waitUntil(lambda: not runner.busy and not store.key_box.present, timeout=5000)
    assert _key_material_reachable_from(store, key) == []
    assert _key_material_reachable_from(keys, key) == []
    assert _key_material_reachable_from(safety, key) == []
