"""Freed heap handed back to the system: on glibc the pages of a large freed run leave the RSS."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from rongcuo_desktop.domain.heap import give_back_heap

GLIBC = sys.platform.startswith("linux") and bool(os.confstr("CS_GNU_LIBC_VERSION"))


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_nothing_is_tried_where_there_is_no_glibc() -> None:
    assert give_back_heap() is GLIBC


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_freed_pages_leave_the_rss() -> None:
    # Many small blocks (below the mmap threshold, so on the heap), the first of each pair kept so
    # that the free ones sit between blocks in use and the heap's top cannot simply shrink.
    blocks = [bytearray(3000) for _ in range(40_000)]  # ~120 MB
    kept = blocks[::40]
    del blocks
    before = rss_kib()
    assert give_back_heap()
    assert before - rss_kib() > 50_000  # most of the ~117 MB freed between the kept blocks
    del kept
