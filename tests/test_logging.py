"""The log: a rotating file in the data folder (5 files of 1 MB), so it never fills a disk."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from rongcuo_desktop import logsetup
from rongcuo_desktop.logsetup import LOG_FILE_NAME, configure_logging


@pytest.fixture
def package_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger("rongcuo_desktop")
    before = list(root.handlers)
    yield root
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    logsetup._configured_for = None


def test_the_log_rotates_and_stays_bounded(data_dir: Path, package_logger: logging.Logger) -> None:
    """Given 8 MB of log lines, then the data folder's logs/ holds rongcuo.log and at most five older
    files, none over about 1 MB: the log never grows without bound on a committee PC."""
    path = configure_logging(data_dir)
    assert path == data_dir / "logs" / LOG_FILE_NAME
    log = logging.getLogger("rongcuo_desktop.test")
    line = "case 123 saved in 4.2 ms " + "x" * 200
    for _ in range(8 * 1024 * 1024 // len(line)):
        log.info(line)
    for handler in package_logger.handlers:
        handler.flush()
    files = sorted(p.name for p in (data_dir / "logs").iterdir())
    assert files[0] == LOG_FILE_NAME and len(files) == 6, files
    assert files[1:] == [f"{LOG_FILE_NAME}.{n}" for n in range(1, 6)]
    assert all(p.stat().st_size <= 1_000_000 + 1024 for p in (data_dir / "logs").iterdir())


def test_an_unwritable_log_folder_does_not_stop_the_app(
    tmp_path: Path, package_logger: logging.Logger
) -> None:
    blocker = tmp_path / "data"
    blocker.mkdir()
    (blocker / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert configure_logging(blocker) is None
