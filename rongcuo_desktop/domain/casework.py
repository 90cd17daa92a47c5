"""The case file's records, step by step: acceptance, investigation, hearings and 会商, result usage,
feedback, disclosure, 备案, follow-up visits, the clearance of a falsely accused cadre, the lighter
handling's 四种形态, the typical-case mark and the link to a 事前备案.

Each record is a small frozen dataclass with a `KIND` (how the store files it) and the rules of
its text and dates: `check_record` runs every text field through the one validator
(domain/text_rules: NFC, no invisible characters, the limits of FIELDS) and every date through
`record_date_issues` (not in the future, not before the step it follows), and raises one
ValidationError naming each field. `record_data` / `record_from_data` turn a record into plain JSON
data and back (the store keeps it so; the audit hashes it).

Also here, because they are rules a committee would recognise: the follow-up schedule (visits at
the rulebook's months after the decision), the repeat check of seed 002 第九条 (九), the typical
case library's search, and name masking (谢某某, seed 003). Standard library only.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar, Union, get_args, get_origin

from rongcuo_desktop.domain.case import CaseType, Conclusion, LabelledEnum, mask_name
from rongcuo_desktop.domain.procedure import TOLERATED, ClearanceFinding
from rongcuo_desktop.domain.text_rules import FIELDS, check_text, record_date_issues
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief

# ----- choices ----------------------------------------------------------------------------------------


class HearingKind(LabelledEnum):
    HEARING = ("hearing", "听证")  # seed 000: experts of the field judge
    CONSULTATION = ("consultation", "会商研判")  # seed 001: several departments, complex cases


class FeedbackTo(LabelledEnum):
    """Seed 002 第十一条 (三): 反馈给申请单位和当事人."""

    UNIT = ("unit", "申请单位")
    PARTY = ("party", "当事人")


class DisclosureMethod(LabelledEnum):
    """Seed 000: 召开会议、书面通报; seed 002 第十一条 (三): 谈心、召开会议等适当方式."""

    MEETING = ("meeting", "召开会议")
    CIRCULAR = ("circular", "书面通报")
    TALK = ("talk", "谈心谈话")


class ClearingMethod(LabelledEnum):
    """How a falsely accused cadre is cleared (seed 000 澄清保护机制, seed 002 第十五条)."""

    LETTER = ("letter", "书面澄清")
    MEETING = ("meeting", "会议澄清")
    CIRCULAR = ("circular", "通报澄清")


class FourForms(LabelledEnum):
    """监督执纪“四种形态” (seed 001: 从轻或减轻处理 … 精准运用监督执纪“四种形态”)."""

    FIRST = ("first", "第一种形态")
    SECOND = ("second", "第二种形态")
    THIRD = ("third", "第三种形态")
    FOURTH = ("fourth", "第四种形态")


FOUR_FORMS_MEANING = {
    FourForms.FIRST: "批评教育、谈话提醒、约谈函询等",
    FourForms.SECOND: "党纪轻处分、组织调整",
    FourForms.THIRD: "党纪重处分、重大职务调整",
    FourForms.FOURTH: "严重违纪涉嫌违法立案审查",
}


# ----- what a record is checked against -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordContext:
    """The case a record belongs to, as far as the record's rules need it."""

    case_type: CaseType
    party_name: str
    applied_on: dt.date
    accepted_on: dt.date | None = None
    decided_on: dt.date | None = None
    usage_ids: frozenset[str] = frozenset()  # the rulebook's result-usage areas (第十四条)
    visits_planned: int = 0
    today: dt.date | None = None


# ----- the records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Acceptance:
    KIND: ClassVar[str] = "acceptance"
    SINGLE: ClassVar[bool] = True
    accepted_on: dt.date
    rulebook: str = ""  # id@version pinned at 受理
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    KIND: ClassVar[str] = "rejection"
    SINGLE: ClassVar[bool] = True
    rejected_on: dt.date
    reason: str


@dataclass(frozen=True, slots=True)
class Investigation:
    """调查核实: who, when, what was found, the unit's opinion, the person's own statement (申辩)."""

    KIND: ClassVar[str] = "investigation"
    SINGLE: ClassVar[bool] = False
    held_on: dt.date
    investigators: str
    findings: str
    unit_opinion: str = ""
    statement: str = ""
    attachment_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Hearing:
    KIND: ClassVar[str] = "hearing"
    SINGLE: ClassVar[bool] = False
    kind: HearingKind
    held_on: dt.date
    participants: str
    summary: str


@dataclass(frozen=True, slots=True)
class ResultUsage:
    """结果运用 (seed 002 第十四条): the areas in which the decision is applied, by rulebook id."""

    KIND: ClassVar[str] = "result_usage"
    SINGLE: ClassVar[bool] = True
    areas: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Feedback:
    KIND: ClassVar[str] = "feedback"
    SINGLE: ClassVar[bool] = False
    recipient: FeedbackTo
    sent_on: dt.date
    method: str = "书面通知"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Disclosure:
    """事项公开 (or, for 澄清正名, the public clearing): scope, method, date, the text as disclosed,
    with names masked (谢某某)."""

    KIND: ClassVar[str] = "disclosure"
    SINGLE: ClassVar[bool] = False
    scope: str
    method: DisclosureMethod
    disclosed_on: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Filing:
    KIND: ClassVar[str] = "filing"
    SINGLE: ClassVar[bool] = True
    number: str
    filed_on: dt.date
    to_whom: str


@dataclass(frozen=True, slots=True)
class Visit:
    """跟踪回访: one visit of the plan (its number), when, who, how, what was found (seed 001's
    回访数据库)."""

    KIND: ClassVar[str] = "visit"
    SINGLE: ClassVar[bool] = False
    visit_no: int
    visited_on: dt.date
    visitors: str
    notes: str
    form: str = "谈心谈话"


@dataclass(frozen=True, slots=True)
class Clearance:
    """澄清正名: the verification's finding, the person's wishes, the ways of clearing."""

    KIND: ClassVar[str] = "clearance"
    SINGLE: ClassVar[bool] = True
    finding: ClearanceFinding | None = None
    found_on: dt.date | None = None
    wishes: str = ""
    methods: tuple[ClearingMethod, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class LenientHandling:
    """容错，从轻/减轻处理: which of the 四种形态, and the measure taken (seed 001)."""

    KIND: ClassVar[str] = "lenient"
    SINGLE: ClassVar[bool] = True
    form: FourForms
    measure: str


@dataclass(frozen=True, slots=True)
class TypicalMark:
    """A decided case in the typical-case library (seed 001's 清单+案例): its summary, names masked."""

    KIND: ClassVar[str] = "typical"
    SINGLE: ClassVar[bool] = True
    summary: str
    marked_on: dt.date


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """A 事前备案 this case cites as evidence (seed 003: 事前备案和事后调查相衔接)."""

    KIND: ClassVar[str] = "evidence_link"
    SINGLE: ClassVar[bool] = False
    pre_filing_id: int
    note: str = ""


Record = (
    Acceptance
    | Rejection
    | Investigation
    | Hearing
    | ResultUsage
    | Feedback
    | Disclosure
    | Filing
    | Visit
    | Clearance
    | LenientHandling
    | TypicalMark
    | EvidenceLink
)
RECORD_TYPES: dict[str, type[Any]] = {
    t.KIND: t
    for t in (
        Acceptance,
        Rejection,
        Investigation,
        Hearing,
        ResultUsage,
        Feedback,
        Disclosure,
        Filing,
        Visit,
        Clearance,
        LenientHandling,
        TypicalMark,
        EvidenceLink,
    )
}
RECORD_LABELS = {
    "acceptance": "受理",
    "rejection": "不予受理",
    "investigation": "调查核实记录",
    "hearing": "听证、会商记录",
    "result_usage": "结果运用",
    "feedback": "结果反馈",
    "disclosure": "事项公开",
    "filing": "报告备案",
    "visit": "跟踪回访",
    "clearance": "澄清正名",
    "lenient": "从轻减轻处理",
    "typical": "典型案例",
    "evidence_link": "关联的事前备案",
}

# Each record's text fields -> the FIELDS key of their rules.
_TEXT: dict[str, dict[str, str]] = {
    "acceptance": {"rulebook": "rulebook", "note": "acceptance_note"},
    "rejection": {"reason": "reason"},
    "investigation": {
        "investigators": "investigators",
        "findings": "findings",
        "unit_opinion": "unit_opinion",
        "statement": "statement",
    },
    "hearing": {"participants": "participants", "summary": "hearing_summary"},
    "result_usage": {"note": "usage_note"},
    "feedback": {"method": "feedback_method", "note": "feedback_note"},
    "disclosure": {"scope": "disclosure_scope", "text": "disclosure_text"},
    "filing": {"number": "filing_number", "to_whom": "filing_to"},
    "visit": {"visitors": "visitors", "form": "visit_form", "notes": "visit_notes"},
    "clearance": {"wishes": "wishes", "note": "clearance_note"},
    "lenient": {"measure": "lenient_measure"},
    "typical": {"summary": "typical_summary"},
    "evidence_link": {"note": "link_note"},
}
# Each record's dates -> their label and the context dates they may not precede.
_AFTER_APPLICATION = ("applied_on",)
_AFTER_ACCEPTANCE = ("applied_on", "accepted_on")
_AFTER_DECISION = ("applied_on", "decided_on")
_DATES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "acceptance": {"accepted_on": ("受理日期", _AFTER_APPLICATION)},
    "rejection": {"rejected_on": ("不予受理的日期", _AFTER_APPLICATION)},
    "investigation": {"held_on": ("调查日期", _AFTER_ACCEPTANCE)},
    "hearing": {"held_on": ("听证、会商日期", _AFTER_ACCEPTANCE)},
    "feedback": {"sent_on": ("反馈日期", _AFTER_DECISION)},
    "disclosure": {"disclosed_on": ("公开日期", _AFTER_DECISION)},
    "filing": {"filed_on": ("备案日期", _AFTER_DECISION)},
    "visit": {"visited_on": ("回访日期", _AFTER_DECISION)},
    "clearance": {"found_on": ("核查结论日期", _AFTER_ACCEPTANCE)},
    "typical": {"marked_on": ("列为典型案例的日期", _AFTER_DECISION)},
}
_CONTEXT_LABELS = {"applied_on": "申请日期", "accepted_on": "受理日期", "decided_on": "认定日期"}


def record_kind(record: Record) -> str:
    return str(record.KIND)


RecordT = TypeVar("RecordT", bound=Record)


def check_record(record: RecordT, context: RecordContext) -> RecordT:
    """The record as it may be stored (text cleaned), or ValidationError naming every field."""
    kind = record_kind(record)
    c = Checker()
    changes: dict[str, Any] = {}
    for attr, key in _TEXT.get(kind, {}).items():
        value = getattr(record, attr)
        cleaned = check_text(c, value, attr, FIELDS[key])
        if cleaned is not None and cleaned != value:
            changes[attr] = cleaned
    for attr, (label, after) in _DATES.get(kind, {}).items():
        value = getattr(record, attr)
        if value is None:
            continue
        if not isinstance(value, dt.date):
            c.fail(attr, f"{label}应为日期，实际为 {brief(value)}")
            continue
        earlier = {_CONTEXT_LABELS[k]: getattr(context, k) for k in after}
        c.issues.extend(record_date_issues(attr, label, value, earlier, today=context.today))
    c.issues.extend(_extra_issues(dataclasses.replace(record, **changes), context))
    c.raise_if_any(RECORD_LABELS[kind])
    return dataclasses.replace(record, **changes) if changes else record


def _extra_issues(record: Record, ctx: RecordContext) -> list[Issue]:
    """What the field rules cannot say: names masked in what is disclosed, plans and choices."""
    out: list[Issue] = []
    if isinstance(record, Disclosure | TypicalMark):
        attr = "text" if isinstance(record, Disclosure) else "summary"
        shown = unmasked_names(getattr(record, attr), [ctx.party_name])
        if shown:
            out.append(
                Issue(
                    attr,
                    f"文本中出现了当事人的全名“{shown[0]}”：公开的文本须隐去姓名（如“{mask_name(shown[0])}”）",
                )
            )
    if isinstance(record, Visit):
        if record.visit_no < 1:
            out.append(Issue("visit_no", f"回访次数应从 1 开始，实际为 {record.visit_no}"))
        elif ctx.visits_planned and record.visit_no > ctx.visits_planned:
            out.append(
                Issue("visit_no", f"回访计划只有 {ctx.visits_planned} 次，没有第 {record.visit_no} 次")
            )
    if isinstance(record, ResultUsage):
        if not record.areas:
            out.append(Issue("areas", "至少选择一项结果运用"))
        unknown = [a for a in record.areas if ctx.usage_ids and a not in ctx.usage_ids]
        if unknown:
            out.append(Issue("areas", f"规则库的结果运用中没有 {brief(unknown[0])}"))
        if len(set(record.areas)) != len(record.areas):
            out.append(Issue("areas", "结果运用有重复"))
    if isinstance(record, Clearance):
        if ctx.case_type is not CaseType.CLEARANCE:
            out.append(Issue("", "只有澄清正名案件才记录核查结论和澄清方式"))
        if record.finding is not None and record.found_on is None:
            out.append(Issue("found_on", "记录核查结论须写明日期"))
        if len(set(record.methods)) != len(record.methods):
            out.append(Issue("methods", "澄清方式有重复"))
    after_decision = isinstance(record, Disclosure | Feedback | Filing | Visit | TypicalMark)
    if after_decision and ctx.decided_on is None and ctx.case_type is not CaseType.CLEARANCE:
        out.append(Issue("", "本案还没有认定结论：先认定，再反馈、公开、备案和回访"))
    if isinstance(record, Investigation) and len(set(record.attachment_ids)) != len(record.attachment_ids):
        out.append(Issue("attachment_ids", "关联的附件有重复"))
    return out


# ----- plain data for the store and the audit ---------------------------------------------------------


def record_data(record: Record) -> dict[str, Any]:
    """The record as JSON-ready data (dates ISO, enums by code, tuples as lists)."""
    return {f.name: _encode(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _encode(value: Any) -> Any:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def record_from_data(kind: str, data: Mapping[str, Any]) -> Record:
    """A stored record back as its dataclass; ValueError when the data does not fit (never for data
    this module wrote)."""
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _decode(hints[f.name], data[f.name])
    return typing.cast(Record, cls(**values))


def _decode(kind: Any, raw: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if raw is None:
            return None
        inner = next(a for a in get_args(kind) if a is not type(None))
        return _decode(inner, raw)
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(_decode(item, v) for v in raw)
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return kind.from_code_or_label(raw)
    if kind is dt.date:
        return dt.date.fromisoformat(raw)
    if kind in (int, str, bool) and (not isinstance(raw, kind) or (kind is int and isinstance(raw, bool))):
        raise ValueError(f"expected {kind.__name__}, got {type(raw).__name__}")
    return raw


def record_from_text(kind: str, values: Mapping[str, str]) -> Record:
    """A record from text values (the command line's `--set 键=值`): dates as YYYY-MM-DD, numbers,
    choices by code or Chinese name, lists separated by commas. ValidationError names each field that
    is unknown, missing or does not read; the record's own rules come after (check_record)."""
    if kind not in RECORD_TYPES:
        known = "、".join(f"{k}（{RECORD_LABELS[k]}）" for k in RECORD_TYPES)
        raise ValidationError("记录", [Issue("kind", f"没有 {brief(kind)} 这种记录，应为 {known} 之一")])
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    c = Checker()
    data: dict[str, Any] = {}
    for key, text in values.items():
        if key not in fields:
            c.fail(key, f"{RECORD_LABELS[kind]}没有这一项，可用：{'、'.join(fields)}")
            continue
        try:
            data[key] = _from_text(hints[key], text)
        except ValueError as error:
            c.fail(key, f"读不出 {brief(text)}：{error}")
    for name, f in fields.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and name not in data and not any(i.path == name for i in c.issues):
            c.fail(name, "缺少这一项")
    c.raise_if_any(RECORD_LABELS[kind])
    return typing.cast(Record, cls(**data))


def _from_text(kind: Any, text: str) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if not text.strip():
            return None
        return _from_text(next(a for a in get_args(kind) if a is not type(None)), text)
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(
            _from_text(item, part.strip()) for part in text.replace("，", ",").split(",") if part.strip()
        )
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        try:
            return kind.from_code_or_label(text.strip())
        except ValueError:
            choices = "、".join(f"{m.value}（{m.label}）" for m in kind)
            raise ValueError(f"应为 {choices} 之一") from None
    if kind is dt.date:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise ValueError("日期应写成 YYYY-MM-DD") from None
    if kind is int:
        try:
            return int(text.strip())
        except ValueError:
            raise ValueError("应为整数") from None
    return text


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
