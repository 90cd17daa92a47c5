"""What text and dates the app accepts: one validator for every way a case or a name comes in.

The GUI forms, the command line, an import and the store's own writes of cases and accounts all
call these functions, so a 文号 with a NUL, a right-to-left override (U+202E) or an ANSI escape,
a member name that only looks like "张委员" (a zero-width space after it), a 10 MB 文号 or a decision
dated before its application is refused the same way everywhere, with the field named.

The rules (docs/case-format.md, 文字与日期的规则):

- Text is stored in Unicode NFC form (the same characters typed on two PCs compare equal).
- No control, format or invisible characters: Unicode categories Cc, Cf, Co (private use: shown
  differently by every font), Cs, Zl, Zp, and the fillers and selectors that render as nothing
  (Hangul fillers, braille blank, variation selectors, combining grapheme joiner …). Long free-text
  fields (facts, rationales, notes) may hold ordinary line breaks and tabs; CR LF becomes LF.
- One-line fields (文号, names, ids) are trimmed and allow no other spaces than the ordinary
  and the ideographic one (U+3000): a no-break space makes a look-alike name.
- Every field has a length limit (in characters, after NFC), listed in FIELDS below.
- Dates: 2000-01-01 ≤ application ≤ decision ≤ today; a decision record is not dated before the
  application nor after tomorrow (time zones).

Standard library only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief

MIN_DATE = dt.date(2000, 1, 1)  # no 容错免责 case is older; an earlier year is a typo


@dataclass(frozen=True, slots=True)
class TextField:
    label: str  # the field in words, as the user sees it
    max_length: int
    multiline: bool = False
    required: bool = False


# One table of limits for every text field the app takes in. The one-line limits match the
# store's columns (store/models.py).
NAME = TextField("姓名", 40, required=True)
FIELDS: dict[str, TextField] = {
    # case
    "doc_no": TextField("文号", 64, required=True),
    "party_name": TextField("当事人", 64),
    "party_unit": TextField("单位", 200),
    "party_position": TextField("职务", 200),
    "work_field": TextField("领域", 64),
    "accountability_matter": TextField("问责事项", 2_000, multiline=True),
    "facts": TextField("事实", 100_000, multiline=True),
    "claimed_situation": TextField("申请的容错情形", 2_000, multiline=True),
    "rulebook": TextField("规则库", 100),
    # judgment record
    "member_id": TextField("委员编号", 40, required=True),
    "member_name": TextField("委员姓名", 40),
    "recusal_reason": TextField("回避理由", 2_000, multiline=True),
    "rationale": TextField("评分理由", 2_000, multiline=True),
    "rule_id": TextField("研判清单中的编号", 40, required=True),
    "decision_note": TextField("认定说明", 5_000, multiline=True),
    "dissent": TextField("不同意见", 5_000, multiline=True),
    "round_reason": TextField("重新评分的理由", 2_000, multiline=True),
    "recorded_by": TextField("认定记录人", 40, required=True),
    # accounts
    "account_name": TextField("账户名", 40, required=True),
    # the case file's records (domain/casework.py, docs/case-format.md 办理记录)
    "reason": TextField("理由", 2_000, multiline=True, required=True),
    "acceptance_note": TextField("受理意见", 2_000, multiline=True),
    "investigators": TextField("调查人员", 200, required=True),
    "findings": TextField("调查核实的情况", 20_000, multiline=True, required=True),
    "unit_opinion": TextField("所在单位意见", 5_000, multiline=True),
    "statement": TextField("当事人陈述申辩", 10_000, multiline=True),
    "participants": TextField("参加人员", 1_000, multiline=True, required=True),
    "hearing_summary": TextField("听证、会商意见", 10_000, multiline=True, required=True),
    "usage_note": TextField("结果运用说明", 2_000, multiline=True),
    "feedback_method": TextField("反馈方式", 64),
    "feedback_note": TextField("反馈说明", 2_000, multiline=True),
    "disclosure_scope": TextField("公开范围", 200, required=True),
    "disclosure_text": TextField("公开的文本", 10_000, multiline=True, required=True),
    "filing_number": TextField("备案号", 64, required=True),
    "filing_to": TextField("报送机关", 200, required=True),
    "visitors": TextField("回访人", 200, required=True),
    "visit_form": TextField("回访方式", 64),
    "visit_notes": TextField("回访情况", 5_000, multiline=True, required=True),
    "wishes": TextField("当事人意愿", 2_000, multiline=True),
    "clearance_note": TextField("核查说明", 5_000, multiline=True),
    "lenient_measure": TextField("处理措施", 2_000, multiline=True, required=True),
    "typical_summary": TextField("典型案例摘要", 5_000, multiline=True, required=True),
    "link_note": TextField("关联说明", 2_000, multiline=True),
    "expert_field": TextField("专业领域", 64),
    "draft": TextField("草稿", 100_000, multiline=True),
}
CASE_TEXT_FIELDS = (
    "doc_no",
    "party_name",
    "party_unit",
    "party_position",
    "work_field",
    "accountability_matter",
    "facts",
    "claimed_situation",
    "rulebook",
)

# Characters that render as nothing although their category is a letter, mark or symbol.
_INVISIBLE = frozenset(
    [
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x2800, 0x3164, 0xFFA0),
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    ]
)
_INVISIBLE_CHARS = frozenset(map(chr, _INVISIBLE))
_CATEGORY_NAMES = {
    "Cc": "控制字符",
    "Cf": "不可见的格式字符",
    "Co": "私用区字符（不同电脑、字体显示不同）",
    "Cs": "单独的代理字符",
    "Zl": "行分隔符",
    "Zp": "段分隔符",
}
_LINE_SPACES = frozenset(" \u3000")
# Fast path: text made only of these is accepted without looking at each character.
_PLAIN = re.compile(
    r"[\u0020-\u007e\u00a1-\u00ac\u00ae-\u02ff\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*"
)
_PLAIN_TEXT = re.compile(
    r"[\t\n\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uff01-\uff5e]*"
)


class TextProblem(ValueError):
    """One value is not acceptable; `str()` is one Chinese sentence naming the field."""


def clean_text(value: str, field: TextField) -> str:
    """The value as it is stored (NFC; trimmed if one line; LF line breaks), or TextProblem."""
    if field.multiline and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value)
    if not field.multiline:
        value = value.strip()
    if field.required and not value.strip():  # a multi-line field of blank lines is empty too
        raise TextProblem(f"{field.label}不能为空")
    if len(value) > field.max_length:
        raise TextProblem(f"{field.label}太长：{len(value):,} 个字，最多 {field.max_length:,} 个字")
    if _plain(value):
        return value
    plain = _PLAIN_TEXT if field.multiline else _PLAIN
    if plain.fullmatch(value) is None:
        for position, ch in enumerate(value, start=1):
            what = _forbidden(ch, field.multiline)
            if what:
                code = f"U+{ord(ch):04X}"
                name = unicodedata.name(ch, "")
                named = f"{code}（{name}）" if name else code
                raise TextProblem(f"{field.label}的第 {position} 个字符是{what} {named}：请删去或改正")
    return value


def _plain(value: str) -> bool:
    """Text no field refuses a character of, found by string methods instead of a regex (a regex
    call cost ~0.5 µs even on a short name: 1.3 s of an import of 10,000 cases): printable as
    Python counts it (no Cc, Cf, Co, Cs, unassigned, Zl, Zp, nor a space other than " ") and none
    of the invisible letters and marks. Anything else (line breaks, U+3000 …) is looked at below."""
    return value.isprintable() and (value.isascii() or _INVISIBLE_CHARS.isdisjoint(value))


def _forbidden(ch: str, multiline: bool) -> str:
    """What is wrong with one character in a field ("" if nothing)."""
    if multiline and ch in "\n\t":
        return ""
    category = unicodedata.category(ch)
    if ch in "\n\r\t" or category in ("Zl", "Zp"):
        return (
            "换行或制表符（此项只能写一行）" if not multiline else _CATEGORY_NAMES.get(category, "控制字符")
        )
    if category in _CATEGORY_NAMES:
        return _CATEGORY_NAMES[category]
    if ord(ch) in _INVISIBLE:
        return "不显示的字符"
    if not multiline and category == "Zs" and ch not in _LINE_SPACES:
        return "特殊空格（只能用普通空格或全角空格）"
    return ""


def check_text(c: Checker, value: Any, path: str, field: TextField) -> str | None:
    """clean_text for loosely typed data: the cleaned text, or None with the problem recorded at `path`."""
    if not isinstance(value, str):
        c.fail(path, f"应为文本，实际为 {brief(value)}", field.label)
        return None
    try:
        return clean_text(value, field)
    except TextProblem as problem:
        c.fail(path, str(problem), field.label)
        return None


def clean_name(name: str, field: TextField = NAME) -> str:
    """A person's name (an account, a member, a recorder) as stored, or TextProblem."""
    return clean_text(name, field)


# ----- dates ------------------------------------------------------------------------------------


def date_issues(
    applied_on: dt.date | None,
    decided_on: dt.date | None,
    *,
    today: dt.date | None = None,
    prefix: str = "",
) -> list[Issue]:
    """Dates in order: MIN_DATE ≤ application ≤ decision ≤ today."""
    today = today or dt.date.today()
    issues: list[Issue] = []
    for key, label, value in (("applied_on", "申请日期", applied_on), ("decided_on", "认定日期", decided_on)):
        if value is None:
            continue
        if value < MIN_DATE:
            issues.append(Issue(f"{prefix}{key}", f"{label} {value} 早于 {MIN_DATE}：年份不合理", label))
        elif value > today:
            issues.append(Issue(f"{prefix}{key}", f"{label} {value} 晚于今天（{today}）", label))
    if applied_on is not None and decided_on is not None and decided_on < applied_on:
        issues.append(
            Issue(
                f"{prefix}decided_on",
                f"认定日期 {decided_on} 早于申请日期 {applied_on}：日期顺序不对",
                "认定日期",
            )
        )
    return issues


def record_date_issues(
    path: str,
    label: str,
    value: dt.date,
    not_before: Mapping[str, dt.date | None] | None = None,
    *,
    today: dt.date | None = None,
) -> list[Issue]:
    """A date of the case file's records (受理, 调查, 反馈, 公开, 备案, 回访): a plausible year, not in
    the future, and not before the dates it follows (`not_before`: their labels and values)."""
    today = today or dt.date.today()
    if value < MIN_DATE:
        return [Issue(path, f"{label} {value} 早于 {MIN_DATE}：年份不合理", label)]
    if value > today:
        return [Issue(path, f"{label} {value} 晚于今天（{today}）", label)]
    for earlier_label, earlier in (not_before or {}).items():
        if earlier is not None and value < earlier:
            return [Issue(path, f"{label} {value} 早于{earlier_label} {earlier}：日期顺序不对", label)]
    return []


def recorded_at_issues(
    recorded_at: dt.datetime, applied_on: dt.date | None, *, now: dt.datetime | None = None, path: str
) -> list[Issue]:
    """A decision record is not older than the application nor newer than tomorrow (clock skew)."""
    now = now or dt.datetime.now(dt.UTC)
    day = recorded_at.date()
    if applied_on is not None and day < applied_on - dt.timedelta(days=1):
        return [Issue(path, f"认定记录时间 {recorded_at.isoformat()} 早于申请日期 {applied_on}")]
    if recorded_at > now + dt.timedelta(days=1):
        return [Issue(path, f"认定记录时间 {recorded_at.isoformat()} 晚于现在")]
    return []


# ----- a whole case -----------------------------------------------------------------------------


def case_issues(case: Case, *, today: dt.date | None = None, prefix: str = "") -> tuple[Case, list[Issue]]:
    """The case with its text cleaned, and every problem of its text and dates (paths `prefix`+field)."""
    c = Checker()
    changes: dict[str, Any] = {}
    for key in CASE_TEXT_FIELDS:
        value = check_text(c, getattr(case, key), f"{prefix}{key}", FIELDS[key])
        if value is not None and value != getattr(case, key):
            changes[key] = value
    c.issues.extend(date_issues(case.applied_on, case.decided_on, today=today, prefix=prefix))
    return (dataclasses.replace(case, **changes) if changes else case), c.issues


def check_case(case: Case, *, today: dt.date | None = None) -> Case:
    """The case as it may be stored, or ValidationError naming every field (for the store and forms)."""
    cleaned, issues = case_issues(case, today=today)
    if issues:
        raise ValidationError(f"案件 {brief(cleaned.doc_no)}", issues)
    return cleaned


def check_fields(values: Mapping[str, str], what: str) -> dict[str, str]:
    """Several named fields of FIELDS at once (a form): cleaned values, or ValidationError naming each."""
    c = Checker()
    out: dict[str, str] = {}
    for key, value in values.items():
        cleaned = check_text(c, value, key, FIELDS[key])
        if cleaned is not None:
            out[key] = cleaned
    c.raise_if_any(what)
    return out
