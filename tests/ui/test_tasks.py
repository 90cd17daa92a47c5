"""The threading helper: database work on one worker thread, results on the GUI thread,
callbacks dropped when their receiver is gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from rongcuo_desktop.ui.tasks import Cancelled, TaskContext, TaskRunner


def test_db_work_runs_on_one_worker_thread_and_results_come_back_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Given several db jobs, when they run, then all ran on the same non-GUI thread, in order,
    and every success callback ran on the GUI thread."""
    receiver = QObject()
    gui = threading.get_ident()
    worker_threads: list[int] = []
    callback_threads: list[int] = []
    results: list[int] = []

    def job(n: int) -> int:
        worker_threads.append(threading.get_ident())
        return n * n

    for n in range(5):
        runner.run_db(
            lambda n=n: job(n),
            receiver=receiver,
            on_success=lambda value: (results.append(value), callback_threads.append(threading.get_ident())),
        )
    qtbot.waitUntil(lambda: len(results) == 5, timeout=15000)
    assert results == [0, 1, 4, 9, 16]
    assert len(set(worker_threads)) == 1 and worker_threads[0] != gui
    assert set(callback_threads) == {gui}
    assert not runner.busy


def test_failure_comes_back_as_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = QObject()
    failures: list[BaseException] = []

    def boom() -> None:
        raise ValueError("坏了")

    runner.run_db(boom, receiver=receiver, on_success=lambda _v: None, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=15000)
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "坏了"


def test_callback_is_dropped_when_the_receiver_is_deleted(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a job whose receiver is deleted before the job finishes, then its callback never runs."""
    receiver = QObject()
    release = threading.Event()
    called: list[object] = []
    runner.run_db(lambda: release.wait(5), receiver=receiver, on_success=called.append)
    marker: list[int] = []
    survivor = QObject()
    receiver.deleteLater()
    qtbot.wait(20)  # let deleteLater happen
    release.set()
    runner.run_db(lambda: 1, receiver=survivor, on_success=marker.append)
    qtbot.waitUntil(lambda: marker == [1], timeout=15000)
    assert called == []


def test_slow_work_runs_off_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = QObject()
    seen: list[int] = []
    runner.run_slow(threading.get_ident, receiver=receiver, on_success=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert seen[0] != threading.get_ident()


def test_long_db_work_reports_progress_and_can_be_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given long work with a context, when progress is reported and cancel is pressed, then the
    GUI sees the progress and the work ends with Cancelled."""
    receiver = QObject()
    progress: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    started = threading.Event()

    def work(context: TaskContext) -> int:
        for done in range(1000):
            context.report(done, 1000)
            started.set()
            context.check_cancelled()
            threading.Event().wait(0.005)
        return 1000

    context = runner.run_db_with_progress(
        work,
        receiver=receiver,
        on_success=lambda _v: None,
        on_failure=failures.append,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=15000)
    context.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=15000)
    assert isinstance(failures[0], Cancelled)
    assert progress[0] == (0, 1000)
