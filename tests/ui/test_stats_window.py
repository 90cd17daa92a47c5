"""The 案件统计 window as a person uses it: opened from 视图, a chart and a table per breakdown, the
counts of the cases the person may read, and 导出 Excel… written off the GUI thread and read back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rongcuo_desktop.domain.case import Stage
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.domain.stats import Breakdown
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.stats import window as stats_window
from rongcuo_desktop.ui.stats.chart import PALETTE
from rongcuo_desktop.ui.stats.window import CHART_ROWS, StatsWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, action, open_window, person_of
from tests.ui.test_transfer import PINS, make_store


@pytest.fixture
def store(data_dir: Path, qtbot: QtBot, runner: TaskRunner) -> Iterator[Store]:
    """The demo cases and 400 synthetic ones; 张委员 sits on the committee of two of them."""
    store = make_store(data_dir)
    chair = store.authenticate("王主任", PINS["王主任"])
    store.cases.add_many(synthetic_cases(400), by=chair)
    ids = [store.cases.id_for_doc_no(c.doc_no) for c in list(synthetic_cases(2))]
    for case_id in ids:
        assert case_id is not None
        store.accounts.set_members(case_id, ["张委员"], by=chair)
    yield store
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    store.close()


@pytest.fixture
def open_as(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> Callable[[Store, str], Opening]:
    def opening(store: Store, name: str) -> Opening:
        settings = QSettings(str(tmp_path / f"ui-{name}.ini"), QSettings.Format.IniFormat)
        return open_window(qtbot, runner, store, person_of(store, name, PINS[name]), settings=settings)

    return opening


def opened_statistics(o: Opening, qtbot: QtBot) -> StatsWindow:
    trigger = action(o.window, "statsAction")
    assert trigger.isVisible() and trigger.isEnabled()
    trigger.trigger()
    window = o.all.stats.window
    assert window is not None
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window


def stage_counts(store: Store) -> dict[str, int]:
    with store.read_session() as session:
        return {
            str(s): int(n) for s, n in session.execute(text("SELECT stage, count(*) FROM cases GROUP BY 1"))
        }


def test_the_chair_sees_every_case_as_a_chart_and_a_table(
    open_as: Callable[[Store, str], Opening], store: Store, qtbot: QtBot
) -> None:
    """Given ~410 cases, when the 主任 opens 视图 → 案件统计…, then the table lists every stage with
    the store's counts and a 合计 of all cases, the chart has a bar per stage split by conclusion,
    and the field breakdown charts at most CHART_ROWS bars (the rest as 其他) but tables every field."""
    o = open_as(store, "王主任")
    window = opened_statistics(o, qtbot)
    total = sum(stage_counts(store).values())
    assert "全部案件" in window.ui.scopeLabel.text() and f"{total:,}" in window.ui.scopeLabel.text()
    model = window.model
    assert window.breakdown is Breakdown.STAGE and model.rowCount() == 12  # 11 stages and 合计
    assert model.cell(11, 0) == "合计" and model.cell(11, 1) == f"{total:,}"
    counted = {model.cell(r, 0): int(model.cell(r, 1).replace(",", "")) for r in range(11)}
    from_store = {Stage(code).label: n for code, n in stage_counts(store).items()}
    assert {k: v for k, v in counted.items() if v} == from_store
    assert len(window.chart.bars) == 11 and all(len(b.segments) == 4 for b in window.chart.bars)
    window.select(Breakdown.FIELD)
    fields = model.rowCount() - 1
    assert len(window.chart.bars) == min(fields, CHART_ROWS)
    window.select(Breakdown.STAGE_DAYS)
    assert model.cell(model.rowCount() - 1, 0) == "申请至认定（全程）"
    assert window.chart.bars[-1].text == model.cell(model.rowCount() - 1, 2)
    # The chart draws: some pixels carry the first conclusion's colour on the stage chart.
    window.select(Breakdown.STAGE)
    image = window.chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert PALETTE[0] in colours


def test_a_member_sees_only_the_cases_of_his_committees(
    open_as: Callable[[Store, str], Opening], store: Store, qtbot: QtBot
) -> None:
    o = open_as(store, "张委员")
    window = opened_statistics(o, qtbot)
    assert "本人参与" in window.ui.scopeLabel.text()
    assert window.model.cell(window.model.rowCount() - 1, 1) == "2"


def test_export_writes_the_workbook_off_the_gui_thread(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given the window, when 导出 Excel… is chosen and a name given without .xlsx, then the workbook
    is written (on the slow thread) as 统计.xlsx, and read back its stage sheet adds up to every case."""
    target = tmp_path / "统计"

    def answer(
        _parent: object,
        _title: str,
        _start: Path,
        _filter: str,
        chosen: Callable[[Path], None],
        *,
        save: bool = False,
    ) -> None:
        assert save
        chosen(target)

    monkeypatch.setattr(stats_window, "choose_file", answer)
    o = open_as(store, "李秘书")
    window = opened_statistics(o, qtbot)
    with qtbot.waitSignal(window.exported, timeout=30000) as done:
        window.ui.exportButton.click()
    written = Path(done.args[0])
    assert written == tmp_path / "统计.xlsx" and written.is_file()
    assert "已导出" in window.ui.noteLabel.text() and window.ui.exportButton.isEnabled()
    sheet = load_workbook(written)[Breakdown.STAGE.heading]
    totals = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "合计"]
    assert totals and totals[0][1] == sum(stage_counts(store).values())
