"""Pausing Python's cyclic garbage collector around work that builds many long-lived objects.

Why: the collector's full passes walk every tracked object again; when a piece of work creates
hundreds of thousands of objects that are no cycles to wait for (the start-up's modules and classes,
an import's parsed file and rows), those passes cost a large share of the work. Reference counting
still frees everything as usual."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `function` with the cyclic collector off; it is turned back on however the call ends
    (if it was on before: a caller that already paused it keeps it paused)."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
