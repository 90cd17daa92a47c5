"""Auto-lock after idle and on demand (Ctrl+L): hide the content, drop the key, ask again.

Self-contained: the main window creates one `LockController`, passes two callables and adds
`controller.lock_action` to a menu. Everything else (the idle clock, hiding and restoring the
window's parts and the app's other windows, the lock screen) lives here.

- `on_lock()` is called once the content is hidden: it closes the store and wipes the key
  (see store/secret.py: a bytearray overwritten with zeros; Python cannot promise more).
- `unlock(secret, done)` checks the passphrase or PIN OFF the GUI thread (key derivation takes
  about 0.5 s) and calls `done(None)` on success or `done("中文原因")` on failure, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

DEFAULT_IDLE_MINUTES = 10
WATCH_AFTER_FIRST_PAINT_MS = 250
WATCH_AT_THE_LATEST_MS = 2000
UnlockDone = Callable[[str | None], None]
UnlockFunction = Callable[[str, UnlockDone], None]

# Input that counts as "someone is at the keyboard".
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits `idle` when no input reached the application for `timeout_ms` (0 turns it off)."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None, *, watch_now: bool = True) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._paused = False
        self._watching = False
        self._stopped = False
        assert QCoreApplication.instance() is not None, "create the QApplication first"
        if watch_now:
            self.watch()
        self.set_timeout_ms(timeout_ms)

    @property
    def watching(self) -> bool:
        return self._watching

    def watch(self) -> None:
        """Count input as activity from now on (the idle clock starts again here too).

        An event filter on the whole application: every event of every object passes through
        Python, and PySide sets up the Python type of each object it hands over (a private Qt
        class makes it set up all remaining types, ~150 enums): ~50 ms while a window is built
        and first painted. LockController therefore starts watching just after the first paint.
        """
        if self._watching or self._stopped:
            return
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(self)
        self._watching = True
        self._restart()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(0, timeout_ms))
        self._restart()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def stop(self) -> None:
        """For good (the window closed): no more idle clock, no more filtering of every event."""
        self.pause()
        self._stopped = True
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def resume(self) -> None:
        if self._stopped:
            return
        self._paused = False
        self._restart()

    def _restart(self) -> None:
        if self._paused or self._timer.interval() <= 0:
            self._timer.stop()
        else:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self._paused and self._timer.interval() > 0:
            self._timer.start()
        return False


class LockScreen(QFrame):
    """What a locked window shows: no case data, a secret field and an unlock button."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget, prompt: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        title = QLabel(self.tr("已锁定"), self)
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")  # the theme's QSS wins over setFont
        self.prompt = QLabel(prompt or self.tr("为保护案件资料，窗口内容已隐藏。请输入恢复口令解锁。"), self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("口令"))
        self.secret.setMaximumWidth(320)
        self.secret.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("解锁"), self)
        self.button.setMaximumWidth(320)
        self.button.clicked.connect(self._submit)
        self.error = QLabel("", self)
        self.error.setObjectName("lockError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(self.prompt)
        layout.addSpacing(12)
        layout.addWidget(self.secret, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addStretch(3)

    def _submit(self) -> None:
        text = self.secret.text()
        if not text:
            self.error.setText(self.tr("请输入口令。"))
            return
        self.set_busy(True)
        self.error.setText("")
        self.unlock_requested.emit(text)

    def set_busy(self, busy: bool) -> None:
        self.secret.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.button.setText(self.tr("正在验证…") if busy else self.tr("解锁"))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.secret.selectAll()
        self.secret.setFocus()

    def reset(self) -> None:
        self.secret.clear()
        self.error.setText("")
        self.set_busy(False)


class LockController(QObject):
    """Locks a main window after idle time or on Ctrl+L, and unlocks it with a checked secret."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QMainWindow,
        *,
        on_lock: Callable[[], None],
        unlock: UnlockFunction,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        prompt: str | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._on_lock = on_lock
        self._unlock = unlock
        self._is_locked = False
        self._hidden: list[QWidget] = []
        self.screen = LockScreen(window, prompt)
        self.screen.hide()
        self.screen.unlock_requested.connect(self._try_unlock)
        # Input is watched (and the idle clock restarted) just after the window's first paint,
        # see IdleWatcher.watch; at the latest after WATCH_AT_THE_LATEST_MS.
        self.watcher = IdleWatcher(int(idle_minutes * 60_000), self, watch_now=window.isVisible())
        self.watcher.idle.connect(self.lock)
        self._watch_scheduled = self.watcher.watching
        QTimer.singleShot(WATCH_AT_THE_LATEST_MS, self, self.watcher.watch)
        self.lock_action = QAction(self.tr("锁定(&L)"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.setStatusTip(self.tr("立即隐藏窗口内容并关闭数据库，需再次输入口令"))
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)  # works even while the menu bar is hidden
        window.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self._is_locked

    def set_idle_minutes(self, minutes: float) -> None:
        """0 turns auto-lock off (Ctrl+L still works)."""
        self.watcher.set_timeout_ms(int(minutes * 60_000))

    def lock(self) -> None:
        if self._is_locked:
            return
        self._is_locked = True
        self.watcher.pause()
        self.lock_action.setEnabled(False)
        self._hide_content()
        self.screen.reset()
        self.screen.setGeometry(self._window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.secret.setFocus()
        try:
            self._on_lock()
        finally:
            self.locked.emit()

    def _hide_content(self) -> None:
        window = self._window
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        parts: list[QWidget | None] = [window.centralWidget()]
        for kind in (QMenuBar, QStatusBar, QDockWidget, QToolBar):
            parts += window.findChildren(kind, options=direct)
        # Dialogs and viewers (an open attachment) are windows of their own: hide them too.
        parts += [w for w in QApplication.topLevelWidgets() if w is not window]
        self._hidden = [w for w in parts if w is not None and w is not self.screen and w.isVisible()]
        for widget in self._hidden:
            widget.hide()

    def _try_unlock(self, secret: str) -> None:
        self._unlock(secret, self._unlock_done)

    def _unlock_done(self, error: str | None) -> None:
        if not self._is_locked:
            return
        if error is not None:
            self.screen.show_error(error)
            return
        self.screen.reset()
        self.screen.hide()
        for widget in self._hidden:
            if shiboken6.isValid(widget):  # a viewer may have been closed (and deleted) meanwhile
                widget.show()
        self._hidden = []
        self._is_locked = False
        self.lock_action.setEnabled(True)
        self.watcher.resume()
        self.unlocked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._watch_scheduled:
            self._watch_scheduled = True  # once the first paints are through (a filled list repaints)
            QTimer.singleShot(WATCH_AFTER_FIRST_PAINT_MS, self, self.watcher.watch)
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.watcher.stop()  # a closed window never locks (its store is closed at quit)
        if watched is self._window and event.type() == QEvent.Type.Resize and self._is_locked:
            self.screen.setGeometry(self._window.rect())
        return False
