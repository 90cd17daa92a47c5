"""The case file's records, step by step: acceptance, investigation, hearings and 会商, result usage,
feedback, disclosure, 备案, follow-up visits, the clearance of a falsely accused cadre, the lighter
handling's 四种形态, the typical-case mark, the link to a 事前备案 and the checklist's notes.

Each record is a small frozen dataclass with a `KIND` (how the store files it) and the rules of
its text and dates: `check_record` runs every text field through the one validator
(domain/text_rules: NFC, no invisible characters, the limits of FIELDS) and every date through
`record_date_issues` (not in the future, not before the step it follows), and raises one
ValidationError naming each field. domain/casework_data.py turns a record into plain JSON data and
back (the store keeps it so; the audit hashes it).

The rules across cases -- the follow-up schedule, the repeat check of seed 002 第九条 (九), the
typical case library's search, name masking (谢某某, seed 003) -- are in domain/casework_rules.py and
re-exported here. Standard library only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from rongcuo_desktop.domain.case import CaseType, LabelledEnum, mask_name
from rongcuo_desktop.domain.casework_rules import (
    REPEAT_RULE as REPEAT_RULE,
)
from rongcuo_desktop.domain.casework_rules import (  # the rules across cases, re-exported
    CaseSketch as CaseSketch,
)
from rongcuo_desktop.domain.casework_rules import (
    DueItem as DueItem,
)
from rongcuo_desktop.domain.casework_rules import (
    PlannedVisit as PlannedVisit,
)
from rongcuo_desktop.domain.casework_rules import (
    RepeatMatch as RepeatMatch,
)
from rongcuo_desktop.domain.casework_rules import (
    TypicalCase as TypicalCase,
)
from rongcuo_desktop.domain.casework_rules import (
    add_months as add_months,
)
from rongcuo_desktop.domain.casework_rules import (
    mask_names as mask_names,
)
from rongcuo_desktop.domain.casework_rules import (
    repeat_matches as repeat_matches,
)
from rongcuo_desktop.domain.casework_rules import (
    search_typical as search_typical,
)
from rongcuo_desktop.domain.casework_rules import (
    similar_typical as similar_typical,
)
from rongcuo_desktop.domain.casework_rules import (
    unmasked_names as unmasked_names,
)
from rongcuo_desktop.domain.casework_rules import (
    visit_schedule as visit_schedule,
)
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.domain.text_rules import FIELDS, TextField, check_text, record_date_issues
from rongcuo_desktop.domain.validation import Checker, Issue, brief

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
    # The case's rulebook's checklist items as the checklist shows them (容错条件“经过民主决策程序”),
    # by id: a problem with an item's note names the item.
    checklist_items: Mapping[str, str] = dataclasses.field(default_factory=dict)


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
class ChecklistNotes:
    """研判清单的说明: a note beside each item of the checklist (a condition, situation or exclusion
    of the case's rulebook, by its id), e.g. which record shows it. The checklist itself is the
    judgment record's; the notes are the secretary's."""

    KIND: ClassVar[str] = "checklist_notes"
    SINGLE: ClassVar[bool] = True
    items: tuple[str, ...]  # rulebook item ids
    notes: tuple[str, ...]  # the note of each item, in the same order


CHECKLIST_NOTE = TextField("研判清单的说明", 500, multiline=True)


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
    | ChecklistNotes
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
        ChecklistNotes,
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
    "checklist_notes": "研判清单的说明",
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
            c.fail(attr, f"{label}应为日期，实际为 {brief(value)}", label)
            continue
        earlier = {_CONTEXT_LABELS[k]: getattr(context, k) for k in after}
        c.issues.extend(record_date_issues(attr, label, value, earlier, today=context.today))
    if isinstance(record, ChecklistNotes):
        notes = [
            check_text(c, note, f"notes[{i}]", _note_field(record, i, context))
            for i, note in enumerate(record.notes)
        ]
        if all(n is not None for n in notes) and tuple(notes) != record.notes:
            changes["notes"] = tuple(notes)
    c.issues.extend(_extra_issues(dataclasses.replace(record, **changes), context))
    c.raise_if_any(RECORD_LABELS[kind])
    return dataclasses.replace(record, **changes) if changes else record


def _note_field(record: ChecklistNotes, index: int, context: RecordContext) -> TextField:
    """The rules of one note, named by its item: 研判清单中容错条件“经过民主决策程序”的说明."""
    item = record.items[index] if index < len(record.items) else ""
    named = context.checklist_items.get(item) or f"第 {index + 1} 项（{brief(item)}）"
    return dataclasses.replace(CHECKLIST_NOTE, label=f"研判清单中{named}的说明")


def checklist_item_names(groups: Iterable[tuple[str, Iterable[Any]]]) -> dict[str, str]:
    """Each checklist item's name as a message gives it, by id, from (group label, rules) pairs: the
    rule's short name, or its text (cut), in quotes after its group (容错条件“经过民主决策程序”)."""
    out: dict[str, str] = {}
    for group, rules in groups:
        for rule in rules:
            text = str(rule.name or rule.text)
            short = text if len(text) <= ITEM_NAME_CHARS else text[: ITEM_NAME_CHARS - 1] + "…"
            out[str(rule.id)] = f"{group}“{short}”"
    return out


ITEM_NAME_CHARS = 24


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
    if isinstance(record, ChecklistNotes):
        if len(record.items) != len(record.notes):
            out.append(
                Issue("notes", f"说明 {len(record.notes)} 条，清单条目 {len(record.items)} 项：应一一对应")
            )
        if len(set(record.items)) != len(record.items):
            out.append(Issue("items", "研判清单的条目有重复"))
    if isinstance(record, Investigation) and len(set(record.attachment_ids)) != len(record.attachment_ids):
        out.append(Issue("attachment_ids", "关联的附件有重复"))
    return out
