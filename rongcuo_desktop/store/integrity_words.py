"""What an integrity check found, said in Chinese for the person who reads the message.

Why: SQLite and SQLCipher report damage in their own English ("Tree 5 page 5 cell 0: ...",
"HMAC verification failed for page 3", "file is not a database"). A committee secretary reads the
message, a technician reads the log: so the message names what kind of damage and which pages, and
SQLite's own words go to the log (page and table numbers only, never a case's content).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

log = logging.getLogger(__name__)

_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# (words in SQLite's text, lower case) → what they mean; the first that fits is said.
_KINDS = (
    ("hmac", "数据页的校验值（HMAC）不符：页面内容被改动或读写时出错"),
    ("not a database", "文件不是本程序的数据库，或者与密钥不匹配"),
    ("file is encrypted", "文件不是本程序的数据库，或者与密钥不匹配"),
    ("disk i/o", "读写磁盘时出错"),
    ("malformed", "数据库文件的结构已损坏"),
    ("missing from index", "索引与数据不一致"),
    ("wrong # of entries in index", "索引与数据不一致"),
    ("never used", "有数据页未被使用或丢失"),
    ("freelist", "空闲页列表损坏"),
    ("size", "文件大小与页面大小不符（可能被截断）"),
)
_SAID_AT_MOST = 3


def describe_problem(text: str) -> str:
    """One problem: already Chinese (the audit chain's own messages) is kept; SQLite's English is
    named by its kind, with the page when it gives one."""
    if _CJK.search(text):
        return text
    lowered = text.lower()
    kind = next((meaning for words, meaning in _KINDS if words in lowered), "数据库的结构检查未通过")
    page = _PAGE.search(text)
    return f"{kind}（第 {page.group(1)} 页）" if page else kind


def describe_problems(problems: Sequence[str]) -> str:
    """All the problems in one line: how many, and the first few described (duplicates said once).
    SQLite's own words are logged here, so the message can leave them out."""
    english = [p for p in problems if not _CJK.search(p)]
    if english:
        log.warning("integrity check, SQLite's words: %s", " | ".join(p[:200] for p in english[:20]))
    said: list[str] = []
    for problem in problems:
        described = describe_problem(problem)
        if described not in said:
            said.append(described)
    if not said:
        return "无法打开数据库文件"
    text = "；".join(said[:_SAID_AT_MOST])
    if len(problems) > 1:
        text = f"共 {len(problems)} 处问题：{text}"
    if len(said) > _SAID_AT_MOST:
        text += "等"
    return text


def step_failed(step: str, error: BaseException) -> str:
    """A check that could not run (the file would not open, the PRAGMA raised): the step in Chinese
    and what the error means; the error's own words go to the log."""
    log.warning("integrity check, %s: %s", type(error).__name__, str(error)[:200])
    return f"{step}：{describe_problem(str(error))}"
