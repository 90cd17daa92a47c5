"""A person's saved filters of the case list, inside the encrypted store (never the settings file:
a filter's search text may be a name).

Not audited: a saved filter is a view of the list, like a column width; it changes no case. Each
person sees and changes only their own (by account; the setup 主任 before any account has its own).
"""

from __future__ import annotations

import datetime as dt
import json
import threading

from sqlalchemy import Engine, text

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.text_rules import TextField, TextProblem, clean_text
from rongcuo_desktop.store.case_list import (
    CaseQuery,
    InvalidFilterName,
    SavedFilter,
    query_from_dict,
    query_to_dict,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.guard import AccessGuard

FILTER_NAME = TextField("筛选名称", 40, required=True)
MAX_FILTERS = 50


class SavedFilters:
    """save / list / delete a person's named filters."""

    def __init__(self, engine: Engine, lock: threading.RLock, guard: AccessGuard) -> None:
        self._engine = engine
        self._lock = lock
        self._guard = guard

    def list(self, *, by: Credential | None = None) -> list[SavedFilter]:
        owner = self._owner(by)
        with self._lock, self._engine.connect() as conn:
            rows = conn.execute(
                text("SELECT name, query FROM saved_filters WHERE account_id IS :a ORDER BY name"),
                {"a": owner},
            ).all()
        out = []
        for name, raw in rows:
            try:
                data = json.loads(str(raw))
            except ValueError:
                data = None
            out.append(SavedFilter(str(name), query_from_dict(data)))
        return out

    def save(self, name: str, query: CaseQuery, *, by: Credential | None = None) -> SavedFilter:
        """Save (or replace) the filter called `name`; InvalidFilterName says what is wrong with it."""
        actor = self._guard.check_write(Action.CASE_READ, by)
        try:
            clean = clean_text(name, FILTER_NAME)
        except TextProblem as problem:
            raise InvalidFilterName(f"{problem}。筛选没有保存。") from None
        owner = actor.id or None
        payload = json.dumps(query_to_dict(query), ensure_ascii=False)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._lock, self._engine.begin() as conn:
            count = conn.execute(
                text("SELECT count(*) FROM saved_filters WHERE account_id IS :a AND name != :n"),
                {"a": owner, "n": clean},
            ).scalar()
            if int(count or 0) >= MAX_FILTERS:
                raise InvalidFilterName(f"最多保存 {MAX_FILTERS} 个筛选，请先删除不用的。筛选没有保存。")
            conn.execute(
                text("DELETE FROM saved_filters WHERE account_id IS :a AND name = :n"),
                {"a": owner, "n": clean},
            )
            conn.execute(
                text("INSERT INTO saved_filters (account_id, name, query, saved_at) VALUES (:a, :n, :q, :t)"),
                {"a": owner, "n": clean, "q": payload, "t": now},
            )
        return SavedFilter(clean, query_from_dict(json.loads(payload)))

    def delete(self, name: str, *, by: Credential | None = None) -> bool:
        actor = self._guard.check_write(Action.CASE_READ, by)
        with self._lock, self._engine.begin() as conn:
            result = conn.execute(
                text("DELETE FROM saved_filters WHERE account_id IS :a AND name = :n"),
                {"a": actor.id or None, "n": name.strip()},
            )
        return bool(result.rowcount)

    def _owner(self, by: Credential | None) -> int | None:
        return self._guard.acting(by).id or None
