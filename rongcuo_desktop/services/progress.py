"""How a long services call reports progress and hears a cancel: a small protocol, not Qt.

The GUI's TaskContext (ui/tasks.py) fits it as it is; the CLI passes nothing (QUIET) or a printer.
A call that was cancelled raises its module's *Cancelled error and leaves nothing half-done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    def report(self, done: int, total: int) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class _Quiet:
    """Reports nowhere, never cancels."""

    def report(self, done: int, total: int) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


QUIET: Progress = _Quiet()


def as_callbacks(task: Progress) -> tuple[Callable[[int, int], None], Callable[[], bool]]:
    """The (progress, cancelled) pair the store's long operations take."""
    return task.report, lambda: task.cancelled
