"""The rulebooks the program ships, found where the program's resources are (rongcuo_desktop.paths)
and handed to the domain, which knows no install paths (it imports the standard library only)."""

from __future__ import annotations

from rongcuo_desktop.domain.rulebook import Rulebook, find_rulebook, iter_rulebooks
from rongcuo_desktop.paths import rulebooks_dir


def find(name: str) -> Rulebook:
    """A shipped rulebook by id (`fuzhou-2019`), id and version (`fuzhou-2019@1`), or a file path.
    Raises the domain's ValidationError naming the rulebooks there are."""
    return find_rulebook(name, rulebooks_dir())


def shipped() -> list[Rulebook]:
    return list(iter_rulebooks(rulebooks_dir()))
