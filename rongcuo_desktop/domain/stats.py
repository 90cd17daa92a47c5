"""The committee's statistics: cases by stage, conclusion, field, year and type, and the days a case
spends in each stage. Pure counting over what the store has already grouped (standard library only).

Why grouped rows: the store counts in SQL (one GROUP BY over the narrow cases table), so 100,000
cases arrive as a few hundred groups, and the figures here are the same whoever asks and however
the store got them. Nothing personal goes in or out: the statistics are aggregates only (no names,
no 文号), so a table or a spreadsheet of them may leave the office.

Days per stage come from the stage log (every move since the case file was kept): a stay is known
when the case entered a stage and moved on; the stay in 申请 runs from the application date to the
move to 受理 or 不予受理. Where the log does not reach back (cases from before it, imported or demo
cases), only the whole way from application to decision is known, and it is given on its own line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rongcuo_desktop.domain.case import CaseType, Conclusion, Stage

NO_FIELD = "（未填领域）"
UNDECIDED = "尚未认定"
OTHERS = "其他"
# The columns every table of counts has after 件数 and 占比: each conclusion, then 尚未认定.
CONCLUSION_COLUMNS: tuple[str, ...] = (*(c.label for c in Conclusion), UNDECIDED)


class Breakdown(StrEnum):
    """What the cases are counted by (the view's choice, the CLI's sections, the workbook's sheets)."""

    STAGE = "stage"
    CONCLUSION = "conclusion"
    FIELD = "field"
    YEAR = "year"
    CASE_TYPE = "case_type"
    STAGE_DAYS = "stage_days"

    @property
    def heading(self) -> str:
        return _HEADINGS[self]


_HEADINGS = {
    Breakdown.STAGE: "按阶段",
    Breakdown.CONCLUSION: "按认定结论",
    Breakdown.FIELD: "按领域",
    Breakdown.YEAR: "按申请年度",
    Breakdown.CASE_TYPE: "按案件类型",
    Breakdown.STAGE_DAYS: "各阶段平均用时",
}


@dataclass(frozen=True)
class CaseGroup:
    """Cases alike in stage, conclusion, field, year of application and type (one row of the store's
    GROUP BY), with how many of them have a decision date and their days from application to it."""

    stage: Stage
    conclusion: Conclusion | None
    field: str
    year: int
    case_type: CaseType
    count: int
    decided: int = 0
    days_to_decision: float = 0.0


@dataclass(frozen=True)
class StageStay:
    """The known stays in one stage: how many cases, and their days added up (a case that came back
    to a stage counts once, with its days there added)."""

    stage: Stage
    cases: int
    days: float


@dataclass(frozen=True)
class Row:
    """One line of a table of counts: `key` is stable (a code, the field's text, the year)."""

    key: str
    label: str
    count: int
    by_conclusion: tuple[int, ...]  # in CONCLUSION_COLUMNS order

    def share(self, total: int) -> float:
        return self.count / total if total else 0.0


@dataclass(frozen=True)
class Duration:
    """Average days of a stage (or of the whole way to the decision) over `cases` known stays."""

    key: str
    label: str
    cases: int
    average: float | None


@dataclass(frozen=True)
class Statistics:
    total: int
    rows: Mapping[Breakdown, tuple[Row, ...]]
    stage_days: tuple[Duration, ...]
    to_decision: Duration

    def table(self, breakdown: Breakdown) -> tuple[Row, ...]:
        return self.rows.get(breakdown, ())


_COLUMNS: dict[Conclusion | None, int] = {
    **{c: i for i, c in enumerate(Conclusion)},
    None: len(CONCLUSION_COLUMNS) - 1,
}


def _column(conclusion: Conclusion | None) -> int:
    return _COLUMNS[conclusion]


def tally(groups: Iterable[CaseGroup], stays: Iterable[StageStay] = ()) -> Statistics:
    """Every table from the grouped rows: stages, conclusions and types in their fixed order (with
    zeros, so a chart keeps its shape), fields by count (most first), years in order."""
    counts: dict[Breakdown, dict[str, list[int]]] = {
        b: {} for b in Breakdown if b is not Breakdown.STAGE_DAYS
    }
    labels: dict[Breakdown, dict[str, str]] = {b: {} for b in counts}
    for stage in Stage:
        counts[Breakdown.STAGE][stage.value] = [0] * len(CONCLUSION_COLUMNS)
        labels[Breakdown.STAGE][stage.value] = stage.label
    for conclusion in (*Conclusion, None):
        key, label = _conclusion_key(conclusion)
        counts[Breakdown.CONCLUSION][key] = [0] * len(CONCLUSION_COLUMNS)
        labels[Breakdown.CONCLUSION][key] = label
    for case_type in CaseType:
        counts[Breakdown.CASE_TYPE][case_type.value] = [0] * len(CONCLUSION_COLUMNS)
        labels[Breakdown.CASE_TYPE][case_type.value] = case_type.label
    total = decided = 0
    days = 0.0
    for group in groups:
        total += group.count
        decided += group.decided
        days += group.days_to_decision
        field = group.field.strip()
        keys = {
            Breakdown.STAGE: (group.stage.value, group.stage.label),
            Breakdown.CONCLUSION: (
                (group.conclusion.value, group.conclusion.label)
                if group.conclusion
                else ("undecided", UNDECIDED)
            ),
            Breakdown.FIELD: (field, field or NO_FIELD),
            Breakdown.YEAR: (str(group.year), f"{group.year} 年"),
            Breakdown.CASE_TYPE: (group.case_type.value, group.case_type.label),
        }
        column = _column(group.conclusion)
        for breakdown, (key, label) in keys.items():
            line = counts[breakdown].setdefault(key, [0] * len(CONCLUSION_COLUMNS))
            labels[breakdown].setdefault(key, label)
            line[column] += group.count
    rows: dict[Breakdown, tuple[Row, ...]] = {}
    for breakdown, lines in counts.items():
        made = [Row(key, labels[breakdown][key], sum(line), tuple(line)) for key, line in lines.items()]
        if breakdown is Breakdown.FIELD:
            made.sort(key=lambda r: (-r.count, r.key == "", r.key))
        elif breakdown is Breakdown.YEAR:
            made.sort(key=lambda r: r.key)
        rows[breakdown] = tuple(made)
    known = {s.stage: s for s in stays}
    stage_days = tuple(
        Duration(
            stage.value,
            stage.label,
            known[stage].cases if stage in known else 0,
            _average(known[stage].days, known[stage].cases) if stage in known else None,
        )
        for stage in Stage
        if stage not in (Stage.CLOSED, Stage.REJECTED)  # where a case ends: no stay to measure
    )
    whole = Duration("to_decision", "申请至认定（全程）", decided, _average(days, decided))
    return Statistics(total, rows, stage_days, whole)


def _conclusion_key(conclusion: Conclusion | None) -> tuple[str, str]:
    return (conclusion.value, conclusion.label) if conclusion else ("undecided", UNDECIDED)


def _average(days: float, cases: int) -> float | None:
    return days / cases if cases else None


def top(rows: Sequence[Row], limit: int) -> list[Row]:
    """The first `limit - 1` rows and the rest added up as 其他 (a chart of many fields); all rows
    when they fit."""
    if len(rows) <= limit:
        return list(rows)
    rest = rows[limit - 1 :]
    merged = tuple(sum(r.by_conclusion[i] for r in rest) for i in range(len(CONCLUSION_COLUMNS)))
    return [*rows[: limit - 1], Row("", OTHERS, sum(r.count for r in rest), merged)]


def as_dict(stats: Statistics) -> dict[str, Any]:
    """Plain data for `rongcuo stats --json` (stable keys, labels in Chinese)."""
    out: dict[str, Any] = {"total": stats.total}
    for breakdown in Breakdown:
        if breakdown is Breakdown.STAGE_DAYS:
            continue
        out[breakdown.value] = [
            {
                "key": r.key,
                "label": r.label,
                "count": r.count,
                "share": round(r.share(stats.total), 4),
                "by_conclusion": dict(zip(CONCLUSION_COLUMNS, r.by_conclusion, strict=True)),
            }
            for r in stats.table(breakdown)
        ]
    out[Breakdown.STAGE_DAYS.value] = [_duration(d) for d in (*stats.stage_days, stats.to_decision)]
    return out


def _duration(d: Duration) -> dict[str, Any]:
    return {
        "key": d.key,
        "label": d.label,
        "cases": d.cases,
        "average_days": None if d.average is None else round(d.average, 1),
    }


def days_text(average: float | None) -> str:
    return "—" if average is None else f"{average:.1f}"


def percent_text(share: float) -> str:
    return f"{share * 100:.1f}%"
