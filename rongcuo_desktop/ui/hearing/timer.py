"""The statement timer the chair starts and stops during a hearing (申辩、陈述): elapsed time from a
QElapsedTimer (monotonic, unaffected by a clock change), shown a few times a second by a QTimer.

The clock is injectable so tests drive the time with events, never with the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

TICK_MS = 250


def as_text(milliseconds: int) -> str:
    seconds = max(0, milliseconds) // 1000
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class StatementTimer(QObject):
    ticked = Signal(str)  # the time as shown (mm:ss), on every tick and on start, stop and reset
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], int] | None = None) -> None:
        super().__init__(parent)
        self._monotonic = QElapsedTimer()
        self._monotonic.start()
        self._clock = clock or self._monotonic.elapsed
        self._base = 0
        self._started_at: int | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed_ms(self) -> int:
        extra = self._clock() - self._started_at if self._started_at is not None else 0
        return self._base + extra

    def text(self) -> str:
        return as_text(self.elapsed_ms())

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()
            self._tick.start()
            self.running_changed.emit(True)
        self.tick()

    def stop(self) -> None:
        if self._started_at is not None:
            self._base += self._clock() - self._started_at
            self._started_at = None
            self._tick.stop()
            self.running_changed.emit(False)
        self.tick()

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def reset(self) -> None:
        self._base = 0
        if self._started_at is not None:
            self._started_at = self._clock()
        self.tick()

    def tick(self) -> None:
        self.ticked.emit(self.text())
