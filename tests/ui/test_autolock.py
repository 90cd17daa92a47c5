"""Auto-lock: after idle time or Ctrl+L the content is hidden, the key wiped, the secret asked again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from rongcuo_desktop.store.secret import KeyBox
from rongcuo_desktop.ui.lock.controller import LockController

SECRET = "正确的口令 2026"
KEY = bytes(range(32))


class Harness:
    def __init__(self, qtbot: QtBot, idle_minutes: float) -> None:
        self.window = QMainWindow()
        self.central = QLabel("谢某某 容错〔2026〕3号")
        self.window.setCentralWidget(self.central)
        self.dock = QDockWidget("详情", self.window)
        self.dock.setWidget(QLabel("事实：……"))
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.window.statusBar().showMessage("共 6 件")
        qtbot.addWidget(self.window)
        self.box = KeyBox(KEY)
        self.held = self.box._key  # the bytearray the app held, to prove it is zeroed
        self.store_open = True
        self.attempts: list[str] = []

        def on_lock() -> None:
            self.store_open = False
            self.box.wipe()

        def unlock(secret: str, done: Callable[[str | None], None]) -> None:
            self.attempts.append(secret)
            if secret != SECRET:
                done("口令不正确，请重试。")
                return
            self.box = KeyBox(KEY)
            self.store_open = True
            done(None)

        self.controller = LockController(
            self.window, on_lock=on_lock, unlock=unlock, idle_minutes=idle_minutes
        )
        self.window.resize(800, 500)
        self.window.show()
        qtbot.waitExposed(self.window)


def visible_content(h: Harness) -> list[QWidget]:
    return [w for w in (h.central, h.dock, h.window.statusBar()) if w.isVisible()]


def test_idle_timeout_locks_hides_content_and_wipes_key(qtbot: QtBot) -> None:
    """Given a window with case data and a 0.3 s idle limit, when nobody touches it,
    then it locks: content hidden, lock screen shown, store closed and the key bytes zeroed."""
    h = Harness(qtbot, idle_minutes=0.3 / 60)
    assert visible_content(h)
    with qtbot.waitSignal(h.controller.locked, timeout=3000):
        pass
    assert h.controller.is_locked
    assert visible_content(h) == []
    assert h.controller.screen.isVisible()
    assert h.controller.screen.geometry() == h.window.rect()
    assert not h.store_open
    assert h.held is not None and bytes(h.held) == bytes(32)
    assert not h.box.present


def test_activity_postpones_the_lock(qtbot: QtBot) -> None:
    """Given a 0.5 s idle limit, when keys are pressed every 0.2 s for 1.2 s, then it stays unlocked."""
    h = Harness(qtbot, idle_minutes=0.5 / 60)
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(h.central, Qt.Key.Key_Shift)
    assert not h.controller.is_locked
    with qtbot.waitSignal(h.controller.locked, timeout=3000):
        pass


def test_ctrl_l_locks_and_wrong_then_right_secret_unlocks(qtbot: QtBot) -> None:
    """Given an unlocked window, when Ctrl+L is pressed, it locks at once; a wrong secret shows an
    error and keeps it locked; the right one restores every part that was visible."""
    h = Harness(qtbot, idle_minutes=10)
    dialog = QDialog(h.window)
    dialog.setWindowTitle("附件：调查报告.pdf")
    dialog.show()
    qtbot.waitExposed(dialog)
    h.window.activateWindow()
    with qtbot.waitSignal(h.controller.locked, timeout=2000):
        h.controller.lock_action.trigger()  # what Ctrl+L does; the shortcut itself is checked below
    assert not dialog.isVisible(), "an open viewer must be hidden too"
    assert visible_content(h) == []
    screen = h.controller.screen
    screen.secret.setText("错误口令")  # QTest cannot type non-ASCII characters
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert h.controller.is_locked
    assert "不正确" in screen.error.text()
    assert not h.store_open
    screen.secret.clear()
    screen.secret.setText(SECRET)
    with qtbot.waitSignal(h.controller.unlocked, timeout=2000):
        qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert h.attempts == ["错误口令", SECRET]
    assert h.store_open and h.box.present
    assert h.central.isVisible() and h.dock.isVisible() and dialog.isVisible()
    assert not screen.isVisible()
    assert screen.secret.text() == "", "the secret must not linger in the field"


def test_ctrl_l_shortcut_is_bound_and_zero_disables_idle(qtbot: QtBot) -> None:
    """Given auto-lock turned off (0 minutes), nothing locks by itself; Ctrl+L is the lock shortcut."""
    h = Harness(qtbot, idle_minutes=10)
    h.controller.set_idle_minutes(0)
    qtbot.wait(300)
    assert not h.controller.is_locked
    assert h.controller.lock_action.shortcut().toString() == "Ctrl+L"
    h.window.activateWindow()
    qtbot.keyClick(h.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert h.controller.is_locked
    assert visible_content(h) == []


def test_a_closed_window_stops_its_idle_clock(qtbot: QtBot) -> None:
    """Given a window with a short idle limit, when it is closed, then its idle clock stops for good
    (no lock of a window nobody sees, no filter on every event of the app) even after the idle time.
    The limit becomes short only once the window is closed: however slow the machine, nothing can
    lock before the close."""
    h = Harness(qtbot, idle_minutes=10)
    qtbot.waitUntil(lambda: h.controller.watcher.watching, timeout=5000)
    h.window.close()
    assert not h.controller.watcher.watching
    h.controller.watcher.watch()  # a watch scheduled before the close changes nothing
    h.controller.set_idle_minutes(0.005)  # 0.3 s: a running clock would lock within the wait below
    qtbot.wait(600)
    assert h.store_open and not h.controller.is_locked and not h.controller.watcher.watching
