"""The database-thread side of the start: a first look at the list, the open, what they hold.

These are the named operations Startup runs on the task runner's database thread. They return
plain data; what must outlive a quit at any moment (the first look's store lock, a workspace that
opened but was not handed on yet) goes into a `Held`, a plain object read and written only on the
database thread (its jobs run one after the other), so `Held.release` closes whatever is open.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.services import unlock
from rongcuo_desktop.services.cases import CaseQuery, CaseRow
from rongcuo_desktop.services.errors import ServiceError
from rongcuo_desktop.ui.cases.table_model import PAGE_SIZE, FirstPage, fetch_first_page

if TYPE_CHECKING:
    from rongcuo_desktop.domain.case import Case, Stage
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.cases import CaseList
    from rongcuo_desktop.services.unlock import StoreLock
    from rongcuo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """The start's result: the open workspace and who acts at this keyboard."""

    workspace: Workspace
    person: Credential
    first_page: FirstPage | None = None


class PendingCases:
    """The case source of a window shown before its store opened (store/first_look.py).

    Its calls run on the database thread, queued behind the open that follows the first paint, so
    they find the person's case list there (set on that thread by the open itself), or its error.
    """

    def __init__(self) -> None:
        self._cases: CaseList | None = None
        self._error = ""

    def arrived(self, cases: CaseList) -> None:
        self._cases = cases

    def failed(self, error: BaseException) -> None:
        self._error = str(error)  # the message only: the exception's frames hold the key

    def _list(self) -> CaseList:
        if self._cases is None:
            raise ServiceError(self._error or "案件库没有打开。")
        return self._cases

    def ids(self, query: CaseQuery) -> list[int]:
        return self._list().ids(query)

    def order(self, query: CaseQuery) -> Sequence[int]:
        return self._list().order(query)

    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]:
        return self._list().rows(ids)

    def get(self, case_id: int) -> Case:
        return self._list().get(case_id)

    def count(self) -> int:
        return self._list().count()

    def stage_counts(self) -> dict[Stage, int]:
        return self._list().stage_counts()


class Held:
    """What the start holds on the database thread until the app takes it over (see module doc)."""

    def __init__(self) -> None:
        self.lock: StoreLock | None = None  # the first look's, until the open takes it over
        self.workspace: Workspace | None = None  # opened, not yet handed on (the picker is up)

    def release(self) -> None:
        """As the app ends: close a workspace never handed on and give back a first look's lock."""
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            workspace.close()
        lock, self.lock = self.lock, None
        if lock is not None:  # quit between the first look and the open
            lock.release()

    def handed_on(self) -> None:
        """The app holds the workspace from now on (it closes it at quit)."""
        self.workspace = None
        self.lock = None


@dataclass(frozen=True)
class OpenRequest:
    data_dir: Path
    key: bytes
    query: CaseQuery | None  # the list's saved order (None: the window asks itself)
    credential_store_usable: bool
    failed_unlocks: int = 0
    from_credential_store: bool = False  # a key that did not open the store: the passphrase still may
    after_look: bool = False  # the first look is on screen: open with its lock, feed its source


def look_first(held: Held, data_dir: Path, key: bytes, query: CaseQuery) -> FirstPage | None:
    """The list's first page before SQLAlchemy is imported (services.unlock.first_look), or None
    where the normal open must decide. The store lock it takes is kept in `held` for the open."""
    look = unlock.first_look(data_dir, key, query, PAGE_SIZE)
    if look is None:
        return None
    held.lock = look.lock
    total = look.total if look.total > len(look.ids) else None
    return FirstPage(query, look.ids, look.rows, total)


def open_workspace(
    held: Held, request: OpenRequest, pending: PendingCases | None
) -> tuple[Workspace, FirstPage | None]:
    """Open the store (with the first look's lock when there was one); the first page for a store
    anyone here may read (no accounts yet); a window showing the first look gets its cases."""
    lock = held.lock if request.after_look else None
    try:
        workspace = unlock.open_store(
            request.data_dir,
            request.key,
            file_lock=lock,
            failed_unlocks=request.failed_unlocks,
            credential_store_usable=request.credential_store_usable,
        )
    except BaseException as error:
        if pending is not None:
            pending.failed(error)
        if lock is not None:
            lock.release()  # the open gives it back on most failures; this on all
        raise
    finally:
        if request.after_look:
            held.lock = None
    held.workspace = workspace
    from rongcuo_desktop.services import accounts
    from rongcuo_desktop.services.cases import CaseList

    setup = accounts.setup_person(workspace)  # None: someone must pick themselves first
    if pending is not None and setup is not None:
        pending.arrived(CaseList(workspace, setup))  # here, on the database thread: queued calls find it
        import_modules(STORE_MODULES)  # the window's 数据 and 人员 menus come next
        return workspace, None  # the window shows the first look already
    if request.query is None or setup is None:
        return workspace, None
    try:
        return workspace, fetch_first_page(CaseList(workspace, setup), request.query)
    except ServiceError:
        return workspace, None  # the window asks again and reports it


# Imported on the database thread while the key is being fetched (the GUI thread waits anyway):
# what the window and the first look need, without SQLAlchemy.
WINDOW_MODULES = (
    "rongcuo_desktop.ui.cases.table_model",
    "rongcuo_desktop.ui.shell.main_window",
    *unlock.FIRST_LOOK_MODULES,
)
# The store and the parts of the window that need it: imported where something slow (a dialog,
# the key derivation) leaves time, or right after the first paint.
STORE_MODULES = (
    *unlock.OPEN_MODULES,
    "rongcuo_desktop.ui.people.gate",
    "rongcuo_desktop.ui.shell.features",
)


def import_modules(names: Sequence[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            log.warning("could not import %s ahead of time", name)
