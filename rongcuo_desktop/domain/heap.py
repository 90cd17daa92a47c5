"""Giving freed heap memory back to the system after transient work (glibc's malloc_trim).

Why: glibc keeps freed small blocks in the process, and returns the top of its heap only when a
large stretch there is free. After a piece of work that builds and drops many rows or a large
string (the case list's whole order at 1,000,000 cases is a 16 MB text joined by SQLite, then an
8 MB array), most of that memory stays counted in the process's RSS, scattered between blocks still
in use. malloc_trim hands back every whole free page (~0.5 ms at 100,000 cases). Elsewhere (macOS,
Windows, musl) there is no such call and nothing is done."""

from __future__ import annotations

import ctypes
import functools
import os
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return None
    except (ValueError, OSError):
        return None  # not glibc (musl has no such name)
    try:
        libc = ctypes.CDLL("libc.so.6")  # glibc's name on every Linux (find_library runs ldconfig)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_heap() -> bool:
    """Return the heap's free pages to the system; False where that is not possible here."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # ctypes lets go of the interpreter lock during the call
    return True
