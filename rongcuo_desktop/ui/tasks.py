"""The one threading helper of the GUI (after Anki's CollectionOp/QueryOp and KeePassXC's AsyncTask).

Why: SQLCipher connections must be used from one thread at a time, and the GUI thread must never
wait on a query or on key derivation. So:

- every database call goes through `TaskRunner.run_db`, which queues it on ONE worker QThread
  (a FIFO, so a write and the read after it stay in order);
- slow work that is not database work (key derivation, ~0.5 s) goes through `run_slow` on a
  thread of its own;
- the work gets plain data and returns plain data; it never touches a widget;
- success and failure come back on the GUI thread, and are dropped when the receiver (a QObject,
  usually the widget that asked) has been deleted in the meantime.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class Cancelled(Exception):
    """Raised inside long work when the user pressed 取消 (see TaskContext.check_cancelled)."""


class TaskContext:
    """Handed to long work: report progress, notice a cancel request. Plain Python, no widgets."""

    def __init__(self, relay: _Relay, job_id: int) -> None:
        self._relay = relay
        self._job_id = job_id
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._relay.progressed.emit(self._job_id, done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


@dataclass
class _Job(Generic[T]):
    job_id: int
    work: Callable[[], T]
    receiver: QObject
    on_success: SuccessCallback
    on_failure: FailureCallback | None
    on_progress: Callable[[int, int], None] | None = None
    label: str = ""
    queued_at: float = field(default_factory=time.perf_counter)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker are queued to it."""

    finished = Signal(int, bool, object)  # job id, ok, value or exception
    progressed = Signal(int, int, int)  # job id, done, total


_STOP = object()


class _DbThread(QThread):
    """Runs queued database jobs one after the other, forever, until told to stop."""

    def __init__(self, jobs: queue.Queue[Any], relay: _Relay) -> None:
        super().__init__()
        self.setObjectName("rongcuo-db")
        self._jobs = jobs
        self._relay = relay

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            _execute(job, self._relay)


def _execute(job: _Job[Any], relay: _Relay) -> None:
    started = time.perf_counter()
    try:
        value = job.work()
    except BaseException as error:  # handed to the GUI thread, which decides what to show
        relay.finished.emit(job.job_id, False, error)
    else:
        relay.finished.emit(job.job_id, True, value)
    elapsed = time.perf_counter() - started
    if elapsed > 0.2:
        log.info("task %s took %.3f s", job.label or job.job_id, elapsed)


class TaskRunner(QObject):
    """Owns the database worker thread and the slow-work threads; create one per application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._relay.progressed.connect(self._deliver_progress)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._db_thread = _DbThread(self._jobs, self._relay)
        self._db_thread.start()
        # Slow work gets a plain Python thread each (rare, ~0.5 s jobs). Python-subclassed QRunnables
        # in a QThreadPool crashed here now and then (their wrapper's lifetime is Qt's, not Python's).
        self._slow_threads: list[threading.Thread] = []
        self._pending: dict[int, _Job[Any]] = {}
        self._next_id = 0
        self._stopped = False

    # -- submitting -----------------------------------------------------------------------------

    def run_db(
        self,
        work: Callable[[], T],
        *,
        receiver: QObject,
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> int:
        """Queue `work` (which uses the store) on the single database thread."""
        job = self._make_job(work, receiver, on_success, on_failure, None, label)
        self._jobs.put(job)
        return job.job_id

    def run_slow(
        self,
        work: Callable[[], T],
        *,
        receiver: QObject,
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> int:
        """Run non-database slow work (key derivation) on its own thread, off the GUI thread."""
        job = self._make_job(work, receiver, on_success, on_failure, None, label)
        thread = threading.Thread(
            target=_execute, args=(job, self._relay), name=f"rongcuo-slow-{job.job_id}", daemon=True
        )
        self._slow_threads = [t for t in self._slow_threads if t.is_alive()]
        self._slow_threads.append(thread)
        thread.start()
        return job.job_id

    def run_db_with_progress(
        self,
        work: Callable[[TaskContext], T],
        *,
        receiver: QObject,
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        label: str = "",
    ) -> TaskContext:
        """Like run_db for long database work; the returned context cancels it."""
        job_id = self._next_id + 1
        context = TaskContext(self._relay, job_id)
        job = self._make_job(lambda: work(context), receiver, on_success, on_failure, on_progress, label)
        assert job.job_id == job_id
        self._jobs.put(job)
        return context

    def _make_job(
        self,
        work: Callable[[], T],
        receiver: QObject,
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None,
        on_progress: Callable[[int, int], None] | None,
        label: str,
    ) -> _Job[T]:
        if self._stopped:
            raise RuntimeError("TaskRunner has been shut down")
        self._next_id += 1
        job = _Job(self._next_id, work, receiver, on_success, on_failure, on_progress, label)
        self._pending[job.job_id] = job
        return job

    # -- delivering on the GUI thread -------------------------------------------------------------

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, value: object) -> None:
        job = self._pending.pop(job_id, None)
        if job is None:
            return
        if not shiboken6.isValid(job.receiver):
            log.debug("dropped the result of task %s: its receiver is gone", job.label or job_id)
            return
        if ok:
            job.on_success(value)
            return
        assert isinstance(value, BaseException)
        if job.on_failure is not None:
            job.on_failure(value)
        else:
            log.error("task %s failed: %s", job.label or job_id, type(value).__name__)

    @Slot(int, int, int)
    def _deliver_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._pending.get(job_id)
        if job is None or job.on_progress is None or not shiboken6.isValid(job.receiver):
            return
        job.on_progress(done, total)

    # -- state -----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a submitted job has not been delivered yet (tests wait on this)."""
        return bool(self._pending)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Finish queued database work, then stop the worker. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self._jobs.put(_STOP)
        self._db_thread.wait(timeout_ms)
        for thread in self._slow_threads:
            thread.join(timeout_ms / 1000)
