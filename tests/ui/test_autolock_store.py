"""Auto-lock and the 数据 menu on a real store: locking closes the store and wipes the key, the
passphrase reopens it (a failed try is audited), the backup at close is written, attachments open
in the viewer from the attachments dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, open_window, person_of

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
    zeroed; a wrong passphrase is refused; the right one gives the same window a freshly opened
    store (the list shows its cases again), and the failed try is in the audit trail."""
    store, keys = opened
    o = window_on(qtbot, runner, store, keys)
    lock, ctx = o.all.lock.lock, o.window.context
    held = store.key_box._key
    lock.lock_action.trigger()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert lock.is_locked and ctx.workspace is None
    assert not store.key_box.present and held is not None and bytes(held) == bytes(32)
    assert not o.window.centralWidget().isVisible()
    screen = lock.screen
    screen.secret.setText("错误的口令 xyz")
    screen.button.click()
    qtbot.waitUntil(lambda: "不正确" in screen.error.text(), timeout=5000)
    assert lock.is_locked
    screen.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(ctx.workspace_changed, timeout=5000):
        screen.button.click()
    fresh = ctx.workspace
    assert fresh is not None and fresh.store is not store and fresh.is_open
    assert not lock.is_locked and o.window.centralWidget().isVisible()
    qtbot.waitUntil(lambda: o.window.cases.model.rowCount() == 1 and not runner.busy, timeout=5000)
    assert fresh.store.cases.id_for_doc_no("容错〔2026〕3号") is not None
    with fresh.store.read_session() as session:
        actions = [r[0] for r in session.connection().exec_driver_sql("SELECT action FROM audit_events")]
    assert "failed_unlock" in actions
    o.all.backup.at_close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert len(list((data_dir / "backups").glob("auto-*.rcbak"))) == 1
    fresh.close()


def window_on(
    qtbot: QtBot, runner: TaskRunner, store: Store, keys: KeyManager, name: str = "", pin: str = ""
) -> Opening:
    """The app's window on the store, as `name` (else the setup 主任), settings in the data folder."""
    settings = QSettings(str(store.data_dir / "test.ini"), QSettings.Format.IniFormat)
    return open_window(qtbot, runner, store, person_of(store, name, pin), keys=keys, settings=settings)


def test_attachments_dialog_adds_and_opens(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], tmp_path: Path
) -> None:
    """Given a case, when a PNG is added in the attachments dialog and opened, the viewer shows it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    store, keys = opened
    o = window_on(qtbot, runner, store, keys)
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
    dialog = AttachmentsDialog(o.window.context, case_id, "容错〔2026〕3号")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert dialog.ui.attachmentList.count() == 0
    dialog.add_path(picture)
    qtbot.waitUntil(lambda: dialog.ui.attachmentList.count() == 1, timeout=5000)
    dialog.open_selected()
    qtbot.waitUntil(lambda: len(dialog.viewers) == 1, timeout=5000)
    viewer = dialog.viewers[0]
    assert viewer.kind == "image" and viewer.ui.canvasLabel.pixmap().width() == 20
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
    key = store.key_box.get()
    # Stands in for the OS keyring (every KeyManager the unlock makes asks it).
    monkeypatch.setattr(KeyManager, "key_from_credential_store", lambda _self: key)
    o = window_on(qtbot, runner, store, keys, "张主任", "864213")
    lock, ctx = o.all.lock.lock, o.window.context
    lock.lock()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    screen = lock.screen
    assert "张主任" in screen.prompt.text()
    screen.secret.setText("wrong-pin-0000")
    screen.button.click()
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=10000)
    assert lock.is_locked
    screen.secret.setText("864213")
    with qtbot.waitSignal(ctx.workspace_changed, timeout=10000):
        screen.button.click()
    assert ctx.person is not None and ctx.person.name == "张主任"
    assert o.window.windowTitle().endswith("张主任（主任）")
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)

    monkeypatch.setattr(KeyManager, "key_from_credential_store", lambda _self: None)  # no credential store
    lock.lock()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    screen.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(ctx.workspace_changed, timeout=10000):
        screen.button.click()
    assert ctx.person is not None and ctx.person.name == "张主任"
    again = ctx.workspace
    assert again is not None
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    with again.store.read_session() as session:
        actions = [r[0] for r in session.connection().exec_driver_sql("SELECT action FROM audit_events")]
    assert "failed_unlock" in actions and actions.count("login") == 2
    again.close()


def test_idle_time_is_ten_minutes_by_default_and_the_setting_is_kept(
    qtbot: QtBot,
    runner: TaskRunner,
    opened: tuple[Store, KeyManager],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given no setting, auto-lock waits 10 minutes; when 数据 → 自动锁定时间… is set to 3, the lock
    waits 3 minutes, and the next start (a new window on the same settings file) keeps 3."""
    store, keys = opened
    o = window_on(qtbot, runner, store, keys)
    lock = o.all.lock
    assert lock.lock.watcher.timeout_ms == 10 * 60_000
    lock.idle_action.trigger()
    asked = lock.dialog
    assert isinstance(asked, QInputDialog) and asked.intValue() == 10
    asked.setIntValue(3)
    asked.accept()
    assert lock.lock.watcher.timeout_ms == 3 * 60_000
    o.window.close()
    later = window_on(qtbot, runner, store, keys)
    assert later.all.lock.lock.watcher.timeout_ms == 3 * 60_000
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
    o = window_on(qtbot, runner, store, keys)
    o.all.lock.lock.lock()
    qtbot.waitUntil(lambda: not runner.busy and not store.key_box.present, timeout=5000)
    assert _key_material_reachable_from(store, key) == []
    assert _key_material_reachable_from(keys, key) == []
    assert _key_material_reachable_from(o.all.lock, key) == []
    assert _key_material_reachable_from(o.window.context, key) == []
