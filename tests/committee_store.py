"""A committee's store made once per test module and copied for each test.

PIN hashing is slow on purpose, so the accounts are made once; each test gets its own copy of the
files, opened with the same key.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.database import Store

CHAIR = "王主任"
SECRETARY = "李秘书"


def make_committee(folder: Path, pins: Mapping[str, str], members: Iterable[str]) -> tuple[Path, bytes]:
    """A closed store at `folder` with the chair, the secretary and `members`, each with their PIN."""
    key = secrets.token_bytes(32)
    store = Store.create(folder, key)
    store.accounts.add(CHAIR, Role.CHAIR, pins[CHAIR])
    acting = store.authenticate(CHAIR, pins[CHAIR])
    store.accounts.add(SECRETARY, Role.SECRETARY, pins[SECRETARY], by=acting)
    for name in members:
        store.accounts.add(name, Role.MEMBER, pins[name], by=acting)
    store.close()
    return folder, key


def open_copy(template: tuple[Path, bytes], data_dir: Path) -> Iterator[Store]:
    """The template copied to `data_dir` and opened; closed when the test is done (a fixture's body)."""
    folder, key = template
    shutil.copytree(folder, data_dir)
    opened = Store.open(data_dir, key)
    yield opened
    opened.close()
