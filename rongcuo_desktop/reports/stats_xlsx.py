"""The statistics as an .xlsx workbook (the 统计 view's 导出 Excel…, `rongcuo stats --xlsx FILE`).

Written with openpyxl, a maintained library that both writes and reads the format (the tests open
the file again with it and compare every number with the store); no hand-written XML. One sheet per
table (按阶段, 按认定结论, …) with its numbers as numbers and a bar chart, and a first sheet saying
over which cases and when. Aggregates only: no names, no 文号.

The file is written beside the target under a hidden temporary name and renamed into place, so a
failure (a full USB stick) leaves no half-written workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.stats import CONCLUSION_COLUMNS, Breakdown, Statistics

HEADER = ("项目", "件数", "占比", *CONCLUSION_COLUMNS)
DAYS_HEADER = ("阶段", "计入的案件数", "平均天数")
_BOLD = Font(bold=True)


class WorkbookError(OSError):
    """The workbook could not be written; nothing was left behind."""


def write_workbook(
    stats: Statistics, path: Path, *, scope: str, made_at: dt.datetime, overwrite: bool = False
) -> Path:
    """Write `stats` to `path` (an existing file only with `overwrite`); returns the path."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkbookError(f"文件已经存在：{path}。为免覆盖，请换一个文件名。")
    if not path.parent.is_dir():
        raise WorkbookError(f"文件夹不存在：{path.parent}")
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "说明"
    _summary(first, stats, scope, made_at)
    for breakdown in Breakdown:
        sheet = book.create_sheet(breakdown.heading)
        if breakdown is Breakdown.STAGE_DAYS:
            _days(sheet, stats)
        else:
            _counts(sheet, stats, breakdown)
    part = path.with_name(f".{path.name}.part")
    try:
        book.save(part)
        os.replace(part, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            part.unlink()
        raise WorkbookError(f"导出失败：{os_reason(error)}。没有留下不完整的文件。") from error
    return path


def _summary(sheet: Worksheet, stats: Statistics, scope: str, made_at: dt.datetime) -> None:
    sheet.append(("容错免责案件统计",))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(("统计范围", scope))
    sheet.append(("案件总数", stats.total))
    sheet.append(("生成时间", made_at.strftime("%Y-%m-%d %H:%M")))
    sheet.append(("说明", "只含汇总数字，不含当事人姓名、文号等个人信息。"))
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 48


def _counts(sheet: Worksheet, stats: Statistics, breakdown: Breakdown) -> None:
    sheet.append(HEADER)
    rows = stats.table(breakdown)
    for row in rows:
        sheet.append((row.label, row.count, row.share(stats.total), *row.by_conclusion))
    sheet.append(("合计", stats.total, 1.0 if stats.total else 0.0, *_column_totals(stats, breakdown)))
    last = len(rows) + 2
    for cell in sheet[1] + sheet[last]:
        cell.font = _BOLD
    for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=3, max_col=3):
        cell.number_format = "0.0%"
    _widths(sheet, (18, 8, 8, *(14,) * len(CONCLUSION_COLUMNS)))
    if rows:
        chart = BarChart()
        chart.type = "bar"  # horizontal: long Chinese labels read on the left
        chart.title = f"案件数（{breakdown.heading}）"
        chart.legend = None
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=len(rows) + 1), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
        chart.height = max(7.5, 0.6 * len(rows) + 3)
        sheet.add_chart(chart, f"{get_column_letter(len(HEADER) + 2)}2")


def _column_totals(stats: Statistics, breakdown: Breakdown) -> list[int]:
    rows = stats.table(breakdown)
    return [sum(r.by_conclusion[i] for r in rows) for i in range(len(CONCLUSION_COLUMNS))]


def _days(sheet: Worksheet, stats: Statistics) -> None:
    sheet.append(DAYS_HEADER)
    for line in (*stats.stage_days, stats.to_decision):
        sheet.append((line.label, line.cases, None if line.average is None else round(line.average, 1)))
    for cell in sheet[1]:
        cell.font = _BOLD
    for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.number_format = "0.0"
        cell.alignment = Alignment(horizontal="right")
    sheet.append(())
    sheet.append(
        ("阶段用时按阶段记录计算（进入该阶段之日至离开之日）；没有阶段记录的案件只计入“申请至认定”。",)
    )
    _widths(sheet, (20, 14, 10))


def _widths(sheet: Worksheet, widths: tuple[int, ...]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
