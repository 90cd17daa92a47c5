"""Shared fixtures. Qt runs offscreen (set by the Makefile and here for direct pytest runs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from rongcuo_desktop.ui.tasks import TaskRunner

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _session_config_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Module-scoped templates are made before a test's own fixtures: they get a session temp folder."""
    folder = tmp_path_factory.mktemp("user-config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RONGCUO_CONFIG_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test's per-user config folder (the audit anchor's second copy) is a temp folder: no test
    ever reads or writes the real one. Subprocesses inherit it through the environment."""
    folder = tmp_path / "user-config"
    monkeypatch.setenv("RONGCUO_CONFIG_DIR", str(folder))
    yield folder


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data folder; RONGCUO_DATA_DIR points at it so nothing touches the real user folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RONGCUO_DATA_DIR", str(folder))
    yield folder


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """The GUI's task runner (one database thread), shut down after the test; qtbot brings the app.

    Before it stops, the test's windows go: closed (what they ask on the way out is answered), then
    deleted. A closed window is only deleteLater()'d, and processEvents() never runs deferred
    deletions: its timers (the list's search debounce, the first paint's counts and detail) would
    fire later, in this teardown or in another test, and queue work on a runner that has stopped
    ("TaskRunner has been shut down").
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from rongcuo_desktop.ui.tasks import TaskRunner  # Qt only for the tests that ask for it

    task_runner = TaskRunner()
    yield task_runner
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qtbot.waitUntil(lambda: not task_runner.busy, timeout=20000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    task_runner.shutdown()
