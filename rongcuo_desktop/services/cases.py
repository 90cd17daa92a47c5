"""Cases as a person sees them: the list (a session object per viewer), one case, adding cases.

CaseList is what the case table reads: the ordered ids of one SQL query and pages of rows, narrowed
to what `viewer` may see (a 委员 sees only the cases of their committees, nothing of a case they
recused from: the search runs inside that narrowing). It takes no lock of its own: the store
serializes calls, and the GUI runs them on its one database worker.

The filters combine (CaseQuery: stage, type, field, conclusion, year, overdue) with the search
text; the overdue filter is the 工作台's own reckoning (store.casework.due), cached until the store
changes or the day does. Saved filters belong to one person and live in the encrypted store.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable, Sequence

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.case_list import (
    SORT_COLUMNS,
    UNDECIDED,
    CaseQuery,
    CaseRow,
    InvalidFilterName,
    SavedFilter,
    has_head,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import CaseNotFound

__all__ = [
    "SORT_COLUMNS",
    "UNDECIDED",
    "CaseList",
    "CaseQuery",
    "CaseRow",
    "InvalidFilterName",
    "SavedFilter",
    "add",
    "add_demo_cases",
    "add_synthetic",
    "find",
    "get",
    "has_head",
    "update",
]


class CaseList:
    """The case list of one viewer: ids(query) (order(query): compact), head(query, limit), rows(ids),
    get(id), counts."""

    def __init__(self, workspace: Workspace, viewer: Credential) -> None:
        self._cases = workspace.store.cases
        self._store = workspace.store
        self.viewer = viewer
        self._overdue: tuple[object, set[int]] | None = None
        self._counts: tuple[object, tuple[int, dict[Stage, int]]] | None = None

    def ids(self, query: CaseQuery) -> list[int]:
        among = self.overdue_ids() if query.overdue else None
        return self._cases.ids(query, by=self.viewer, among=among)

    def order(self, query: CaseQuery) -> array[int]:
        """ids(query) as a compact array (8 bytes an id; 1,000,000 ids are 8 MB, not 36 MB as a
        list): the case list holds its whole order this way. Never to be changed: it may be the
        store's cached order itself."""
        among = self.overdue_ids() if query.overdue else None
        return self._cases.order(query, by=self.viewer, among=among)

    def counts(self) -> tuple[int, dict[Stage, int]]:
        """All cases this person may see and how many per stage, counted again only when the store
        changed (a search or a sort does not change them; at 1,000,000 cases a count is ~0.2 s)."""
        token = self._cases.changes()
        if self._counts is None or self._counts[0] != token:
            self._counts = (token, (self.count(), self.stage_counts()))
        return self._counts[1]

    def overdue_ids(self) -> set[int]:
        """Every case this person may see with a follow-up visit or a step overdue today."""
        today = dt.date.today()
        token = (self._cases.changes(), today)
        if self._overdue is None or self._overdue[0] != token:
            due = self._store.casework.due(by=self.viewer)
            self._overdue = (token, {item.case_id for item in due if item.overdue(today)})
        return self._overdue[1]

    def work_fields(self) -> list[str]:
        """The 领域 of the cases this person may see (the filter's choices)."""
        return self._cases.work_fields(by=self.viewer)

    def years(self) -> list[int]:
        """The application years of the cases this person may see, newest first."""
        return self._cases.years(by=self.viewer)

    def saved_filters(self) -> list[SavedFilter]:
        return self._store.saved_filters.list(by=self.viewer)

    def save_filter(self, name: str, query: CaseQuery) -> SavedFilter:
        """Save the list's filter under `name` (replacing one of that name); InvalidFilterName."""
        return self._store.saved_filters.save(name, query, by=self.viewer)

    def delete_filter(self, name: str) -> bool:
        return self._store.saved_filters.delete(name, by=self.viewer)

    def head(self, query: CaseQuery, limit: int) -> tuple[list[int], int | None]:
        """The first `limit` ids of the list and how many there are; None when counting takes a scan
        of its own (a common search term): count_matches, after the first page is shown."""
        return self._cases.head(query, limit, by=self.viewer)

    def count_matches(self, query: CaseQuery, current: Callable[[], bool] = lambda: True) -> int | None:
        """How many cases match a search (None: given up, `current()` turned false)."""
        return self._cases.count_matches(query, by=self.viewer, current=current)

    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]:
        return self._cases.rows(ids, by=self.viewer)

    def get(self, case_id: int) -> Case:
        return self._cases.get(case_id, by=self.viewer)

    def count(self) -> int:
        return self._cases.count(by=self.viewer)

    def stage_counts(self) -> dict[Stage, int]:
        return self._cases.stage_counts(by=self.viewer)

    def overdue(self, ids: Sequence[int]) -> set[int]:
        """Which of `ids` have a follow-up visit (or a step) overdue: the list's marker."""
        return self._store.casework.overdue_among(ids, by=self.viewer)


def get(workspace: Workspace, by: Credential, case_id: int) -> Case:
    return workspace.store.cases.get(case_id, by=by)


def find(workspace: Workspace, by: Credential, text: str) -> int:
    """A case by 文号 or by the store's number (digits only); CaseNotFound (with the 文号 said) when
    there is none, PermissionDenied when `by` may not read it."""
    text = text.strip()
    cases = workspace.store.cases
    found = int(text) if text.isdigit() else cases.id_for_doc_no(text)
    if found is None:
        raise CaseNotFound.by_doc_no(text)
    cases.get(found, by=by)  # exists, and readable by this person
    return found


def add(workspace: Workspace, by: Credential, case: Case) -> int:
    """Register a case (秘书, 主任); DuplicateDocNo when its 文号 exists. Returns its id."""
    return workspace.store.cases.add(case, by=by)


def update(workspace: Workspace, by: Credential, case: Case) -> None:
    """Save an edited case (a stage move needs STAGE_MOVE; a conclusion only comes from decide)."""
    workspace.store.cases.update(case, by=by)


def add_demo_cases(workspace: Workspace, by: Credential) -> int:
    """The program's demo cases not yet in the store; how many were added."""
    return workspace.store.add_demo_cases(by=by)


def add_synthetic(workspace: Workspace, by: Credential, cases: Iterable[Case]) -> int:
    """Bulk insert (synthetic cases for load tests)."""
    return workspace.store.add_cases(cases, by=by)
