"""Integrity problems are said in Chinese; SQLite's own words go to the log only."""

from __future__ import annotations

import logging

import pytest

from rongcuo_desktop.store.integrity_words import describe_problem, describe_problems, step_failed


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (
            "HMAC verification failed for page 7",
            "数据页的校验值（HMAC）不符：页面内容被改动或读写时出错（第 7 页）",
        ),
        (
            "*** in database main ***\nTree 5 page 5 cell 0: 2nd reference to page 9",
            "数据库的结构检查未通过（第 5 页）",
        ),
        ("row 12 missing from index ix_cases_stage", "索引与数据不一致"),
        ("file is not a database", "文件不是本程序的数据库，或者与密钥不匹配"),
        ("database disk image is malformed", "数据库文件的结构已损坏"),
        ("审计记录第 5 条被改动", "审计记录第 5 条被改动"),
    ],
)
def test_each_kind_is_named_in_chinese(raw: str, said: str) -> None:
    assert describe_problem(raw) == said


def test_many_problems_are_counted_said_once_each_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    problems = [f"HMAC verification failed for page {n}" for n in (3, 3)] + [
        "row 1 missing from index a",
        "row 2 missing from index a",
        "Page 40: never used",
        "freelist leaf count too big on page 41",
    ]
    with caplog.at_level(logging.WARNING):
        text = describe_problems(problems)
    assert text.startswith("共 6 处问题：")
    assert text.count("第 3 页") == 1 and text.count("索引与数据不一致") == 1 and text.endswith("等")
    assert "verification" not in text and "missing" not in text
    assert "HMAC verification failed for page 3" in caplog.text  # the technician's words, in the log


def test_a_check_that_could_not_run_is_named_by_its_step() -> None:
    assert step_failed("无法打开", RuntimeError("file is not a database")) == (
        "无法打开：文件不是本程序的数据库，或者与密钥不匹配"
    )
    assert describe_problems([]) == "无法打开数据库文件"
