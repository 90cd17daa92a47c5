"""The threading helper: named database work on one worker thread, results on the GUI thread,
callbacks dropped when their receiver is gone; lambdas and nested functions refused."""

from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from rongcuo_desktop.ui.tasks import Cancelled, TaskContext, TaskRunner, operation_name

WORKER_THREADS: list[int] = []


def square(n: int) -> int:
    WORKER_THREADS.append(threading.get_ident())
    return n * n


def boom() -> None:
    raise ValueError("坏了")


def wait_for(event: threading.Event) -> bool:
    return event.wait(5)


def one() -> int:
    return 1


def count_to_a_thousand(step: float, *, task: TaskContext) -> int:
    for done in range(1000):
        task.report(done, 1000)
        task.check_cancelled()
        threading.Event().wait(step)
    return 1000


def test_db_work_runs_on_one_worker_thread_and_results_come_back_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Given several db jobs, when they run, then all ran on the same non-GUI thread, in order,
    and every success callback ran on the GUI thread."""
    receiver = QObject()
    gui = threading.get_ident()
    WORKER_THREADS.clear()
    callback_threads: list[int] = []
    results: list[int] = []
    for n in range(5):
        runner.run_db(
            square,
            n,
            receiver=receiver,
            done=lambda value: (results.append(value), callback_threads.append(threading.get_ident())),
        )
    qtbot.waitUntil(lambda: len(results) == 5, timeout=15000)
    assert results == [0, 1, 4, 9, 16]
    assert len(set(WORKER_THREADS)) == 1 and WORKER_THREADS[0] != gui
    assert set(callback_threads) == {gui}
    assert not runner.busy


def test_failure_comes_back_as_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = QObject()
    failures: list[BaseException] = []
    runner.run_db(boom, receiver=receiver, done=lambda _v: None, failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=15000)
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "坏了"


def test_callback_is_dropped_when_the_receiver_is_deleted(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a job whose receiver is deleted before the job finishes, then its callback never runs."""
    receiver = QObject()
    release = threading.Event()
    called: list[object] = []
    runner.run_db(wait_for, release, receiver=receiver, done=called.append)
    marker: list[int] = []
    survivor = QObject()
    receiver.deleteLater()
    qtbot.wait(20)  # let deleteLater happen
    release.set()
    runner.run_db(one, receiver=survivor, done=marker.append)
    qtbot.waitUntil(lambda: marker == [1], timeout=15000)
    assert called == []


def test_slow_work_runs_off_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = QObject()
    seen: list[int] = []
    runner.run_slow(threading.get_ident, receiver=receiver, done=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert seen[0] != threading.get_ident()


def test_long_db_work_reports_progress_and_can_be_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given long work with a context, when progress is reported and cancel is pressed, then the
    GUI sees the progress and the work ends with Cancelled."""
    receiver = QObject()
    progress: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    context = runner.run_db_with_progress(
        count_to_a_thousand,
        0.005,
        receiver=receiver,
        done=lambda _v: None,
        failed=failures.append,
        progress=lambda done, total: progress.append((done, total)),
    )
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=15000)
    context.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=15000)
    assert isinstance(failures[0], Cancelled)
    assert progress[0] == (0, 1000)


def test_the_runner_takes_named_operations_only(runner: TaskRunner) -> None:
    """Given work to run, a lambda or a function defined inside another is refused (a reader could not
    follow the click to the code that runs); a module-level function, a method and a partial of a
    named function are taken, and their names label the jobs in the log."""

    def nested() -> int:
        return 1

    receiver = QObject()
    for anonymous in (lambda: 1, nested, functools.partial(lambda n: n, 1)):
        with pytest.raises(TypeError, match="named operation"):
            runner.run_db(anonymous, receiver=receiver, done=print)
        with pytest.raises(TypeError, match="named operation"):
            runner.run_slow(anonymous, receiver=receiver, done=print)
    assert not runner.busy
    assert operation_name(square) == "square"
    assert operation_name(TaskRunner.shutdown) == "TaskRunner.shutdown"
    assert operation_name(runner.shutdown) == "TaskRunner.shutdown"
    assert operation_name(functools.partial(square, 3)) == "square"


class _Widgetish(QObject):
    """A QObject whose method would write its own attribute: never work for another thread."""

    def count(self) -> int:
        self.counted = True
        return 1


def test_work_never_touches_a_qobject(runner: TaskRunner) -> None:
    """Given a QObject's method, or a QObject handed over as an argument (also inside a partial), the
    runner refuses the work before it is queued: worker code gets and returns plain data."""
    receiver = QObject()
    widgetish = _Widgetish()
    for operation, args in (
        (widgetish.count, ()),
        (functools.partial(_Widgetish.count, widgetish), ()),
        (square, (widgetish,)),
        (functools.partial(square, widgetish), ()),
    ):
        with pytest.raises(TypeError, match="never touches a QObject"):
            runner.run_db(operation, *args, receiver=receiver, done=print)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="never touches a QObject"):
            runner.run_slow(operation, *args, receiver=receiver, done=print)  # type: ignore[arg-type]
    assert not runner.busy and not hasattr(widgetish, "counted")


def test_no_ui_module_hands_the_runner_a_lambda() -> None:
    """Given every module under ui/, then no run_db / run_slow / run_db_with_progress call passes a
    lambda as its operation (the runner would refuse it at run time; this finds it before)."""
    import ast

    from tests.conftest import REPO_ROOT

    offenders = []
    for path in sorted((REPO_ROOT / "rongcuo_desktop" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("run_db", "run_slow", "run_db_with_progress")
                and node.args
                and isinstance(node.args[0], ast.Lambda)
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
