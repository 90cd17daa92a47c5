"""Rules a committee would recognise across cases: names masked in what is disclosed (谢某某,
seed 003), the follow-up schedule (visits at the rulebook's months after the decision), the repeat
check of seed 002 第九条 (九), and the typical-case library's search (seed 001's 清单+案例).
Standard library only; domain/casework.py re-exports these names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rongcuo_desktop.domain.case import Conclusion, mask_name
from rongcuo_desktop.domain.procedure import TOLERATED

# ----- names ----------------------------------------------------------------------------------------------


def unmasked_names(text: str, names: Iterable[str]) -> list[str]:
    """The full names of `names` (two characters or more) that appear in `text`."""
    text = unicodedata.normalize("NFC", text)
    found = []
    for name in names:
        name = unicodedata.normalize("NFC", name).strip()
        if len(name) >= 2 and not name.endswith("某某") and name in text:
            found.append(name)
    return found


def mask_names(text: str, names: Iterable[str]) -> str:
    """`text` with each full name replaced the way seed 003 prints it (谢某某)."""
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        if not name.endswith("某某"):
            text = text.replace(name, mask_name(name))
    return text


# ----- the follow-up schedule --------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter: 1-31 + 1 = 2-28)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class PlannedVisit:
    visit_no: int
    month: int
    due_on: dt.date
    done_on: dt.date | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today


def visit_schedule(
    start: dt.date, months: Sequence[int], done: Mapping[int, dt.date] | None = None
) -> list[PlannedVisit]:
    """The visits of a plan (at `months` after `start`, the decision date), each with its date done."""
    done = done or {}
    return [
        PlannedVisit(i, month, add_months(start, month), done.get(i)) for i, month in enumerate(months, 1)
    ]


@dataclass(frozen=True, slots=True)
class DueItem:
    """Something due on a case (the 工作台): a visit of the plan, or a step's time limit."""

    case_id: int
    doc_no: str
    kind: str  # "visit" or "deadline"
    label: str
    due_on: dt.date
    visit_no: int = 0

    def overdue(self, today: dt.date) -> bool:
        return self.due_on < today


# ----- the repeat check (seed 002 第九条 (九)) ------------------------------------------------------

REPEAT_RULE = "在同一问题上重复出现失误错误或给予容错免责处理后再次出现同样失误错误的"


@dataclass(frozen=True, slots=True)
class CaseSketch:
    """What the repeat check and the typical-case library compare of a case."""

    case_id: int
    doc_no: str
    party_name: str
    party_unit: str
    work_field: str
    situations: tuple[str, ...] = ()  # the claimed situation ids of its checklist
    rulebook: str = ""  # id@version
    conclusion: Conclusion | None = None
    decided_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RepeatMatch:
    earlier: CaseSketch
    same_unit: bool
    shared_situations: tuple[str, ...]
    same_field: bool

    def message(self) -> str:
        person = "同名同单位" if self.same_unit else "同名"
        what = (
            f"申请的情形 {'、'.join(self.shared_situations)} 相同"
            if self.shared_situations
            else f"领域“{self.earlier.work_field}”相同"
        )
        e = self.earlier
        decided = f"{e.decided_on} " if e.decided_on else ""
        verdict = e.conclusion.label if e.conclusion else ""
        return (
            f"当事人与 {e.doc_no}（{decided}{verdict}）{person}，{what}。"
            f"按第九条(九)，“{REPEAT_RULE}”不予容错免责：请核实是否为同一人、同一问题。"
        )


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def repeat_matches(case: CaseSketch, earlier: Iterable[CaseSketch]) -> list[RepeatMatch]:
    """Earlier tolerated cases whose person and situation match `case` (the warning of seed 002
    第九条 (九)). Person: the same name (and, where both name one, the same unit is said). Situation:
    a claimed situation id shared under the same rulebook, or, where either claims none, the same
    field. Names alone decide nothing: the message asks the secretary to check."""
    name = _normal(case.party_name)
    if len(name) < 2 or name.endswith("某某"):
        return []
    mine = set(case.situations)
    book = case.rulebook.partition("@")[0]
    out = []
    for other in earlier:
        if other.case_id == case.case_id or other.conclusion not in TOLERATED:
            continue
        if _normal(other.party_name) != name:
            continue
        same_book = book and other.rulebook.partition("@")[0] == book
        shared = tuple(s for s in other.situations if s in mine) if same_book else ()
        same_field = bool(case.work_field) and _normal(case.work_field) == _normal(other.work_field)
        if not shared and not ((not mine or not other.situations) and same_field):
            continue
        units = _normal(case.party_unit), _normal(other.party_unit)
        out.append(RepeatMatch(other, all(units) and units[0] == units[1], shared, same_field))
    return sorted(out, key=lambda m: (not m.same_unit, m.earlier.decided_on or dt.date.min), reverse=False)


# ----- the typical-case library ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypicalCase:
    sketch: CaseSketch
    summary: str  # names masked
    marked_on: dt.date

    @property
    def masked_name(self) -> str:
        return mask_name(self.sketch.party_name)


def search_typical(
    library: Iterable[TypicalCase],
    *,
    situation: str = "",
    field: str = "",
    conclusion: Conclusion | None = None,
    text: str = "",
) -> list[TypicalCase]:
    """The library narrowed by situation id, field, conclusion and a word of the summary, newest first."""
    words = _normal(text)
    out = [
        t
        for t in library
        if (not situation or situation in t.sketch.situations)
        and (not field or _normal(field) == _normal(t.sketch.work_field))
        and (conclusion is None or t.sketch.conclusion is conclusion)
        and (not words or words in _normal(t.summary) or words in _normal(t.sketch.doc_no))
    ]
    return sorted(out, key=lambda t: (t.sketch.decided_on or dt.date.min, t.sketch.doc_no), reverse=True)


def similar_typical(library: Iterable[TypicalCase], case: CaseSketch) -> list[TypicalCase]:
    """Typical cases beside a new one: those claiming one of its situations, else of its field."""
    entries = [t for t in library if t.sketch.case_id != case.case_id]
    mine = set(case.situations)
    shared = [t for t in entries if mine & set(t.sketch.situations)]
    if shared:
        return search_typical(shared)
    return search_typical(entries, field=case.work_field) if case.work_field else []
