"""The rulebooks the program ships (the domain's Rulebook objects), for the CLI and the GUI:
found in the program's resources, so neither door knows where those are."""

from __future__ import annotations

from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.store import rulebooks as _shipped

__all__ = ["Rulebook", "find", "shipped"]


def find(name: str) -> Rulebook:
    """By id (`fuzhou-2019`), id and version (`fuzhou-2019@1`), or a rulebook file's path; the
    domain's ValidationError names the rulebooks there are."""
    return _shipped.find(name)


def shipped() -> list[Rulebook]:
    """Every shipped rulebook (a broken one raises: shipped files are checked by the tests)."""
    return _shipped.shipped()
