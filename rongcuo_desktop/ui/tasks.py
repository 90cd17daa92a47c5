"""The one threading helper of the GUI (after Anki's CollectionOp/QueryOp and KeePassXC's AsyncTask).

Why: SQLCipher connections must be used from one thread at a time, and the GUI thread must never
wait on a query or on key derivation. So:

- every database call goes through `TaskRunner.run_db`, which queues it on ONE worker QThread
  (a FIFO, so a write and the read after it stay in order);
- slow work that is not database work (key derivation, ~0.5 s) goes through `run_slow` on a
  thread of its own;
- the work is a NAMED operation with its arguments: `run_db(cases.get, workspace, person, id, ...)`,
  `run_db_with_progress(backup.backup, workspace, person, folder, ...)`. A lambda or a nested
  function is refused: a reader follows a click to the function that runs, and from there to the
  SQL. The operation's name labels the job in the log;
- the work gets plain data and returns plain data; it never touches a widget or a QObject;
- `done` and `failed` come back on the GUI thread, and are dropped when the receiver (a QObject,
  usually the widget that asked) has been deleted in the meantime.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, TypeVarTuple

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from rongcuo_desktop.domain.heap import give_back_heap

log = logging.getLogger(__name__)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")
FailureCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


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


def operation_name(operation: Callable[..., object]) -> str:
    """`function` or `Class.method` (a functools.partial: its function's); TypeError for an operation
    without a name to follow (a lambda, a function defined inside another)."""
    name = getattr(getattr(operation, "func", operation), "__qualname__", "")
    if not isinstance(name, str) or not name or "<lambda>" in name or "<locals>" in name:
        raise TypeError(
            "the task runner takes a named operation (a function or a method defined at module level), "
            f"not {operation!r}: give it a name a reader can follow"
        )
    return name


def refuse_qobjects(operation: Callable[..., object], args: tuple[Any, ...]) -> None:
    """TypeError when the work would reach a QObject from the worker thread: a method of a widget
    (it could write the widget's attributes there), or a widget handed over as an argument. Work
    gets plain data and returns plain data; what it returns is shown by `done` on the GUI thread."""
    partial_args = getattr(operation, "args", ()) + tuple(getattr(operation, "keywords", {}).values())
    owner = getattr(getattr(operation, "func", operation), "__self__", None)
    if isinstance(owner, QObject) or any(isinstance(a, QObject) for a in (*partial_args, *args)):
        raise TypeError(
            f"{operation_name(operation)}: work on another thread never touches a QObject (a widget's "
            "method or a widget as an argument): hand it plain data and show the result in `done`"
        )


@dataclass
class _Job:
    job_id: int
    operation: Callable[..., Any]
    args: tuple[Any, ...]
    receiver: QObject
    done: Callable[[Any], None]
    failed: FailureCallback | None
    progress: ProgressCallback | None
    label: str
    queued_at: float = field(default_factory=time.perf_counter)

    def work(self) -> _Work:
        return _Work(self.job_id, self.operation, self.args, self.label)


@dataclass(frozen=True)
class _Work:
    """What a worker thread gets of a job: never its receiver or callbacks. Those often hold the
    last reference to a widget (a lambda over `self`); dropped on a worker thread, a parentless
    dialog was destroyed there while the GUI thread painted, and the process crashed."""

    job_id: int
    operation: Callable[..., Any]
    args: tuple[Any, ...]
    label: str


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
            del job  # not kept while waiting for the next one
            if self._jobs.empty():
                give_back_heap()  # what the jobs built and dropped (rows, the list's order)


def _execute(job: _Work, relay: _Relay) -> None:
    started = time.perf_counter()
    try:
        value = job.operation(*job.args)
    except BaseException as error:  # handed to the GUI thread, which decides what to show
        relay.finished.emit(job.job_id, False, _detached(error))
    else:
        relay.finished.emit(job.job_id, True, value)
    elapsed = time.perf_counter() - started
    if elapsed > 0.2:
        log.info("task %s took %.3f s", job.label, elapsed)


def _detached(error: BaseException) -> BaseException:
    """The error without its tracebacks (and those of its causes). A traceback keeps the worker's
    frames alive, with their arguments (a passphrase) and, through them, whatever they reach; a
    dialog that keeps the error (UnlockDialog.failure) then sat in a reference cycle that the
    garbage collector broke on whichever thread it happened to run -- a QWidget deleted off the GUI
    thread, the segfault seen now and then after the unlock dialog's failure test."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if link.__traceback__ is not None:
            log.debug("task error %s", type(link).__name__, exc_info=link)
        link.__traceback__ = None
        link = link.__cause__ or link.__context__
    return error


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
        self._pending: dict[int, _Job] = {}
        self._next_id = 0
        self._stopped = False

    # -- submitting -----------------------------------------------------------------------------

    def run_db(
        self,
        operation: Callable[[*Ts], T],
        /,
        *args: *Ts,
        receiver: QObject,
        done: Callable[[T], None],
        failed: FailureCallback | None = None,
    ) -> int:
        """Queue `operation(*args)` (which uses the store) on the single database thread."""
        job = self._make_job(operation, args, receiver, done, failed, None)
        self._jobs.put(job.work())
        return job.job_id

    def run_slow(
        self,
        operation: Callable[[*Ts], T],
        /,
        *args: *Ts,
        receiver: QObject,
        done: Callable[[T], None],
        failed: FailureCallback | None = None,
    ) -> int:
        """Run non-database slow work (key derivation) on its own thread, off the GUI thread."""
        job = self._make_job(operation, args, receiver, done, failed, None)
        thread = threading.Thread(
            target=_execute, args=(job.work(), self._relay), name=f"rongcuo-slow-{job.job_id}", daemon=True
        )
        self._slow_threads = [t for t in self._slow_threads if t.is_alive()]
        self._slow_threads.append(thread)
        thread.start()
        return job.job_id

    def run_db_with_progress(
        self,
        operation: Callable[..., T],
        /,
        *args: Any,
        receiver: QObject,
        done: Callable[[T], None],
        failed: FailureCallback | None = None,
        progress: ProgressCallback | None = None,
    ) -> TaskContext:
        """Like run_db for long database work: `operation(*args, task=context)` (the services'
        long calls take `task` so: no wrapper in ui/); the context (returned here too) reports
        progress and carries a cancel request."""
        context = TaskContext(self._relay, self._next_id + 1)
        work = functools.partial(operation, task=context)
        job = self._make_job(work, args, receiver, done, failed, progress)
        self._jobs.put(job.work())
        return context

    def _make_job(
        self,
        operation: Callable[..., Any],
        args: tuple[Any, ...],
        receiver: QObject,
        done: Callable[[Any], None],
        failed: FailureCallback | None,
        progress: ProgressCallback | None,
    ) -> _Job:
        label = operation_name(operation)
        refuse_qobjects(operation, args)
        if self._stopped:
            raise RuntimeError("TaskRunner has been shut down")
        self._next_id += 1
        job = _Job(self._next_id, operation, args, receiver, done, failed, progress, label)
        self._pending[job.job_id] = job
        return job

    # -- delivering on the GUI thread -------------------------------------------------------------

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, value: object) -> None:
        job = self._pending.pop(job_id, None)
        if job is None:
            return
        if not shiboken6.isValid(job.receiver):
            log.debug("dropped the result of %s: its receiver is gone", job.label)
            return
        if ok:
            job.done(value)
            return
        assert isinstance(value, BaseException)
        if job.failed is not None:
            job.failed(value)
        else:
            log.error("task %s failed: %s", job.label, type(value).__name__)

    @Slot(int, int, int)
    def _deliver_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._pending.get(job_id)
        if job is None or job.progress is None or not shiboken6.isValid(job.receiver):
            return
        job.progress(done, total)

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
