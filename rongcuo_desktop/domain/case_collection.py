"""Several cases in one file: the collection format that export writes and import reads.

Why a wrapper around whole case files (and not a new schema): each element of `cases` is exactly
one case file (docs/case-format.md), so one parser checks both forms, a single case can be cut out
of a collection with any JSON tool, and `rongcuo judge` reads it unchanged.

Import reads either form through `parse_transfer`; every problem of every case is reported with
its path (`cases[3].members[1].scores.motive.level`), and nothing is returned unless all are valid.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case_file import (
    CASE_FORMAT,
    CaseFile,
    check_format_version,
    dump_case_file,
    parse_case_file,
)
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief, join

COLLECTION_FORMAT = "rongcuo-cases"
COLLECTION_FORMAT_VERSION = 1
MAX_LISTED_ISSUES = 50  # a file with thousands of bad cases still gives a readable message


@dataclass(slots=True)
class Transfer:
    """What an import file holds: its cases, and whether it was a collection or a single case."""

    cases: list[CaseFile]
    collection: bool
    exported_at: dt.datetime | None = None


def parse_transfer(data: Any, what: str = "导入文件") -> Transfer:
    """A single case file or a collection; raises ValidationError naming every problem."""
    kind = data.get("format") if isinstance(data, dict) else None
    if kind == CASE_FORMAT:
        return Transfer([parse_case_file(data)], collection=False)
    if kind != COLLECTION_FORMAT:
        raise ValidationError(
            what,
            [
                Issue(
                    "format",
                    f"应为 {CASE_FORMAT!r}（单件案件）或 {COLLECTION_FORMAT!r}（多件案件），"
                    f"实际为 {brief(kind)}：这不是容错免责案件文件",
                )
            ],
        )
    return _parse_collection(data, what)


def _parse_collection(data: dict[str, Any], what: str) -> Transfer:
    c = Checker()
    table = c.table(data, "", {"format", "format_version", "exported_at", "cases"})
    assert table is not None
    check_format_version(c, table, COLLECTION_FORMAT_VERSION, "案件集合文件", what)
    exported_at = None
    raw_time = table.get("exported_at")
    if raw_time is not None:
        try:
            exported_at = dt.datetime.fromisoformat(raw_time) if isinstance(raw_time, str) else None
        except ValueError:
            exported_at = None
        if exported_at is None:
            c.fail("exported_at", f"应为 ISO 8601 时间，实际为 {brief(raw_time)}")
    items = c.items(table, "cases", "")
    cases: list[CaseFile] = []
    for i, item in enumerate(items):
        path = join("cases", i)
        try:
            cases.append(parse_case_file(item))
        except ValidationError as error:
            for issue in error.issues:
                c.fail(f"{path}.{issue.path}" if issue.path else path, issue.message)
    if "cases" in table and not items and not c.issues:
        c.fail("cases", "没有任何案件")
    if len(c.issues) > MAX_LISTED_ISSUES:
        hidden = len(c.issues) - MAX_LISTED_ISSUES
        c.issues = [*c.issues[:MAX_LISTED_ISSUES], Issue("", f"……另有 {hidden} 处问题未列出")]
    c.raise_if_any(what)
    return Transfer(cases, collection=True, exported_at=exported_at)


def collection_header(exported_at: dt.datetime) -> dict[str, Any]:
    return {
        "format": COLLECTION_FORMAT,
        "format_version": COLLECTION_FORMAT_VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
    }


def dump_collection(case_files: Iterable[CaseFile], exported_at: dt.datetime) -> dict[str, Any]:
    return {**collection_header(exported_at), "cases": [dump_case_file(cf) for cf in case_files]}


def dumps_collection(case_files: Iterable[CaseFile], exported_at: dt.datetime) -> str:
    return json.dumps(dump_collection(case_files, exported_at), ensure_ascii=False, indent=2) + "\n"
