"""`rongcuo stats [--json] [--xlsx FILE]`: the committee's statistics from the command line.

The same counts as the 统计 view (services.stats): cases by stage, conclusion, field, year and
type, and the average days per stage, over the cases the person may read (`--as` a 委员: their
committees' cases only). `--xlsx FILE` also writes the workbook (refused over an existing file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import unicodedata
from pathlib import Path

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.cli.session import passphrase_option, store_call
from rongcuo_desktop.domain.stats import (
    CONCLUSION_COLUMNS,
    Breakdown,
    as_dict,
    days_text,
    percent_text,
)
from rongcuo_desktop.services import stats
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.stats import StatsView
from rongcuo_desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "stats",
        help="案件统计：按阶段、认定结论、领域、年度、类型计数，各阶段平均用时（只含汇总数字）",
        allow_abbrev=False,
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--xlsx", metavar="FILE", help="同时导出为 Excel 工作簿（.xlsx）")
    passphrase_option(parser)
    parser.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    target = Path(args.xlsx) if args.xlsx else None
    if target is not None:
        if target.suffix.lower() != ".xlsx":
            raise CliError(f"--xlsx 的文件名应以 .xlsx 结尾：{target}")
        if target.exists():
            raise CliError(f"文件已经存在：{target}。为免覆盖，请换一个文件名。")

    def work(ws: Workspace, by: Credential) -> StatsView:
        return stats.statistics(ws, by)

    view = store_call(args, work)
    if target is not None:
        from rongcuo_desktop.reports.stats_xlsx import WorkbookError, write_workbook

        try:
            write_workbook(view.stats, target, scope=view.scope, made_at=dt.datetime.now())
        except WorkbookError as error:
            raise CliError(str(error)) from None
    if args.json:
        print(json.dumps({"scope": view.scope, **as_dict(view.stats)}, ensure_ascii=False, indent=2))
    else:
        print(text_report(view))
        if target is not None:
            print(f"\n已导出 Excel 工作簿：{target}")
    return EXIT_OK


def text_report(view: StatsView) -> str:
    """Every table as aligned plain text (a terminal, a log of a script)."""
    lines = [f"案件统计（{view.scope}）"]
    header = ("项目", "件数", "占比", *CONCLUSION_COLUMNS)
    for breakdown in Breakdown:
        lines += ["", f"【{breakdown.heading}】"]
        table: list[tuple[str, ...]]
        if breakdown is Breakdown.STAGE_DAYS:
            table = [("阶段", "计入的案件数", "平均天数")]
            table += [
                (d.label, str(d.cases), days_text(d.average))
                for d in (*view.stats.stage_days, view.stats.to_decision)
            ]
        else:
            table = [header]
            table += [
                (r.label, str(r.count), percent_text(r.share(view.stats.total)), *map(str, r.by_conclusion))
                for r in view.stats.table(breakdown)
            ]
        lines += _aligned(table)
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned(table: list[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    out = []
    for row in table:
        cells = [
            cell + " " * (widths[i] - _width(cell)) if i == 0 else " " * (widths[i] - _width(cell)) + cell
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
    return out
