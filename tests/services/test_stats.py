"""The statistics through services on a real store: the counts equal the store's own rows, a 委员 counts
only the cases they may read, the days per stage come from the stage log, and the .xlsx workbook, read
back with openpyxl, holds the same numbers (and no name or 文号)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from rongcuo_desktop.domain.case import CaseType, Conclusion, Stage
from rongcuo_desktop.domain.demo import demo_cases, synthetic_cases
from rongcuo_desktop.domain.stats import CONCLUSION_COLUMNS, NO_FIELD, UNDECIDED, Breakdown
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.reports.stats_xlsx import HEADER, WorkbookError, write_workbook
from rongcuo_desktop.services import casework, stats
from tests.services.conftest import Committee


def store_counts(committee: Committee, column: str, where: str = "") -> dict[str, int]:
    with committee.ws.store.read_session() as session:
        rows = session.execute(text(f"SELECT {column}, count(*) FROM cases {where} GROUP BY 1")).all()
    return {str(key if key is not None else ""): int(n) for key, n in rows}


@pytest.fixture
def filled(committee: Committee) -> Committee:
    """The two cases of the fixture, the demo cases and 300 synthetic ones (fields, years, stages,
    conclusions of every kind)."""
    committee.ws.store.cases.add_missing(
        [*demo_cases(demo_cases_file()), *synthetic_cases(300)], by=committee.chair
    )
    return committee


def test_the_counts_are_the_stores_rows(filled: Committee) -> None:
    """Given a store of ~310 cases, when the 秘书 asks for the statistics, then every table adds up to
    the whole, and each line equals a count of the store's own rows."""
    view = stats.statistics(filled.ws, filled.secretary)
    total = sum(store_counts(filled, "1").values())
    assert view.everything and view.stats.total == total and f"{total:,}" in view.scope
    by_stage = {r.key: r.count for r in view.stats.table(Breakdown.STAGE)}
    assert [r.key for r in view.stats.table(Breakdown.STAGE)] == [s.value for s in Stage]  # zeros kept
    assert {k: v for k, v in by_stage.items() if v} == store_counts(filled, "stage")
    by_conclusion = {r.key: r.count for r in view.stats.table(Breakdown.CONCLUSION)}
    expected = store_counts(filled, "conclusion")
    assert by_conclusion.pop("undecided") == expected.pop("")
    assert {k: v for k, v in by_conclusion.items() if v} == expected
    fields = view.stats.table(Breakdown.FIELD)
    assert {r.key: r.count for r in fields} == store_counts(filled, "work_field")
    assert [r.count for r in fields] == sorted((r.count for r in fields), reverse=True)
    assert any(r.label == NO_FIELD for r in fields)  # the fixture's own cases have no field
    years = {r.key: r.count for r in view.stats.table(Breakdown.YEAR)}
    assert years == store_counts(filled, "substr(applied_on, 1, 4)")
    types = {r.key: r.count for r in view.stats.table(Breakdown.CASE_TYPE)}
    assert {k: v for k, v in types.items() if v} == store_counts(filled, "case_type")
    for breakdown in Breakdown:
        for row in view.stats.table(breakdown):
            assert sum(row.by_conclusion) == row.count
        if breakdown is not Breakdown.STAGE_DAYS:
            assert sum(r.count for r in view.stats.table(breakdown)) == total
    decided = store_counts(filled, "decided_on IS NOT NULL")
    assert view.stats.to_decision.cases == decided.get("1", 0) > 0
    assert view.stats.to_decision.average is not None and view.stats.to_decision.average > 0


def test_a_member_counts_only_the_cases_they_may_read(filled: Committee) -> None:
    """Given 张委员 on case 1's committee only, when he asks, then the statistics are of that one case;
    赵委员, on no committee, gets statistics of nothing (not an error, not the others' cases)."""
    mine = stats.statistics(filled.ws, filled.zhang)
    assert not mine.everything and mine.stats.total == 1 and "本人参与" in mine.scope
    assert {r.key: r.count for r in mine.stats.table(Breakdown.STAGE) if r.count} == {"applied": 1}
    assert stats.statistics(filled.ws, filled.zhao).stats.total == 0
    # Counts are kept until the store changes: a case seated for 张委员 shows at once.
    filled.ws.store.accounts.set_members(filled.case_ids[1], ["张委员"], by=filled.secretary)
    assert stats.statistics(filled.ws, filled.zhang).stats.total == 2


def test_days_per_stage_come_from_the_stage_log(committee: Committee) -> None:
    """Given one case accepted 5 days after its application and moved on after 30 more, and another
    refused after 20 days, then 申请 averages 12.5 days over 2 cases and 受理 30 days over 1."""
    ws, secretary = committee.ws, committee.secretary
    first, second = committee.case_ids
    for case_id, applied in ((first, dt.date(2025, 1, 10)), (second, dt.date(2025, 1, 1))):
        case = dataclasses.replace(
            ws.store.cases.get(case_id, by=secretary), applied_on=applied, accountability_matter="容缺审批"
        )
        ws.store.cases.update(case, by=secretary)
    casework.move(ws, secretary, first, Stage.ACCEPTED, on=dt.date(2025, 1, 15), rulebook="fuzhou-2019")
    casework.move(ws, secretary, first, Stage.APPLIED, on=dt.date(2025, 2, 14), reason="补充材料")
    casework.move(ws, secretary, second, Stage.REJECTED, on=dt.date(2025, 1, 21), reason="不属于受理范围")
    days = {d.key: d for d in stats.statistics(ws, secretary).stats.stage_days}
    assert (days["applied"].cases, days["applied"].average) == (2, 12.5)
    assert (days["accepted"].cases, days["accepted"].average) == (1, 30.0)
    assert days["investigation"].cases == 0 and days["investigation"].average is None


def test_the_workbook_read_back_holds_the_stores_numbers(filled: Committee, tmp_path: Path) -> None:
    """Given the statistics written to an .xlsx file, when it is opened again with openpyxl, then each
    sheet's numbers equal the store's counts, the totals line adds up, and no 文号 or name is in it."""
    view = stats.statistics(filled.ws, filled.chair)
    path = write_workbook(
        view.stats, tmp_path / "统计.xlsx", scope=view.scope, made_at=dt.datetime(2026, 5, 1)
    )
    book = load_workbook(path)
    assert book.sheetnames == ["说明", *(b.heading for b in Breakdown)]
    assert book["说明"]["B3"].value == view.stats.total and book["说明"]["B2"].value == view.scope
    stage_sheet = book[Breakdown.STAGE.heading]
    assert tuple(c.value for c in stage_sheet[1]) == HEADER
    lines = {row[0]: row for row in stage_sheet.iter_rows(min_row=2, values_only=True)}
    from_store = store_counts(filled, "stage")
    for stage in Stage:
        assert lines[stage.label][1] == from_store.get(stage.value, 0)
    assert lines["合计"][1] == view.stats.total and lines["合计"][2] == 1.0
    conclusions = {
        row[0]: row for row in book[Breakdown.CONCLUSION.heading].iter_rows(min_row=2, values_only=True)
    }
    assert conclusions[UNDECIDED][1] == store_counts(filled, "conclusion IS NULL")["1"]
    assert conclusions[Conclusion.EXEMPT.label][1] == store_counts(filled, "conclusion")["exempt"]
    index = HEADER.index(Conclusion.EXEMPT.label)
    exempt_by_field = store_counts(filled, "work_field", "WHERE conclusion = 'exempt'")
    for row in book[Breakdown.FIELD.heading].iter_rows(min_row=2, values_only=True):
        if row[0] not in ("合计", NO_FIELD):
            assert row[index] == exempt_by_field.get(str(row[0]), 0)
    types = {
        row[0]: row[1] for row in book[Breakdown.CASE_TYPE.heading].iter_rows(min_row=2, values_only=True)
    }
    assert types[CaseType.CLEARANCE.label] == store_counts(filled, "case_type").get("clearance", 0)
    days = {row[0]: row for row in book[Breakdown.STAGE_DAYS.heading].iter_rows(min_row=2, values_only=True)}
    assert days["申请至认定（全程）"][1] == view.stats.to_decision.cases
    assert len(CONCLUSION_COLUMNS) + 3 == len(HEADER)
    # Aggregates only: no 文号 and no party's name anywhere in the workbook.
    with filled.ws.store.read_session() as session:
        private = {
            str(v) for row in session.execute(text("SELECT doc_no, party_name FROM cases")) for v in row
        }
    cells = {
        str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None
    }
    assert not cells & private
    with pytest.raises(WorkbookError, match="已经存在"):
        write_workbook(view.stats, path, scope=view.scope, made_at=dt.datetime(2026, 5, 1))
    assert not list(tmp_path.glob(".*.part"))


def _grouped(committee: Committee, kept: bool) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Both results of the store's counting: the figures the triggers keep, or counted afresh."""
    from rongcuo_desktop.store.stats import GROUPS_SQL, KEPT_GROUPS_SQL, KEPT_STAYS_SQL, STAYS_SQL

    fresh = (GROUPS_SQL.format(where=""), STAYS_SQL.format(where=""))
    groups_sql, stays_sql = (KEPT_GROUPS_SQL, KEPT_STAYS_SQL) if kept else fresh
    with committee.ws.store.read_session() as session:
        conn = session.connection()
        groups = sorted(
            tuple("" if v is None else v for v in row) for row in conn.exec_driver_sql(groups_sql).all()
        )
        stays = sorted(tuple(row) for row in conn.exec_driver_sql(stays_sql).all())
    return groups, stays


def test_the_kept_figures_equal_a_fresh_count_after_every_kind_of_change(filled: Committee) -> None:
    """Given ~310 cases, when cases are added, moved forward, back and refused, re-dated, given a
    field, and decided, then the figures the store keeps as it goes equal the same grouping counted
    afresh from the cases and the stage log, and the 秘书's statistics are drawn from them."""
    ws, secretary, chair = filled.ws, filled.secretary, filled.chair
    assert _grouped(filled, kept=True) == _grouped(filled, kept=False)
    first, second = filled.case_ids
    for case_id, applied in ((first, dt.date(2025, 1, 10)), (second, dt.date(2025, 1, 1))):
        case = dataclasses.replace(
            ws.store.cases.get(case_id, by=secretary), applied_on=applied, accountability_matter="容缺审批"
        )
        ws.store.cases.update(case, by=secretary)
    casework.move(ws, secretary, first, Stage.ACCEPTED, on=dt.date(2025, 1, 15), rulebook="fuzhou-2019")
    casework.move(ws, secretary, first, Stage.APPLIED, on=dt.date(2025, 2, 14), reason="补充材料")
    casework.move(ws, secretary, first, Stage.ACCEPTED, on=dt.date(2025, 2, 20), rulebook="fuzhou-2019")
    casework.move(ws, secretary, second, Stage.REJECTED, on=dt.date(2025, 1, 21), reason="不属于受理范围")
    assert _grouped(filled, kept=True) == _grouped(filled, kept=False)
    # The application date of a moved case changes: its days in 申请 with it; a new field and year too.
    case = ws.store.cases.get(first, by=secretary)
    ws.store.cases.update(
        dataclasses.replace(case, applied_on=dt.date(2024, 12, 30), work_field="城市更新"), by=secretary
    )
    more = [
        dataclasses.replace(c, doc_no=f"容错〔2027〕{n}号")
        for n, c in enumerate(synthetic_cases(40, seed=9), start=1)
    ]
    assert ws.store.cases.add_many(more, by=chair) == 40
    groups, stays = _grouped(filled, kept=True)
    assert (groups, stays) == _grouped(filled, kept=False)
    view = stats.statistics(ws, secretary)
    assert view.stats.total == sum(int(g[5]) for g in groups)  # type: ignore[call-overload]
    days = {d.key: d for d in view.stats.stage_days}
    # 申请: case 1 from 2024-12-30 to 2025-01-15 (16 days) and back from 02-14 to 02-20 (6), case 2 20.
    assert (days["applied"].cases, days["applied"].average) == (2, (16 + 6 + 20) / 2)
    assert (days["accepted"].cases, days["accepted"].average) == (1, 30.0)
