"""The case JSON format: one case with its checklist, members' scores and recusals.

The same file is what `rongcuo judge` reads and what import/export will move between committee PCs
on a USB stick, so it carries every field of `Case`, a format name and version, and nothing that
only makes sense inside one store. Described in docs/case-format.md.

Version 2 adds one optional block, `decision` (who recorded the meeting's conclusion, when, under
which rulebook). A file is written with the lowest version that holds it, so a file without that
block stays version 1 and older programs still read it; a program that only knows version 1 refuses
a version 2 file with "请升级程序", never half-reads it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.case import (
    ApplicantType,
    Case,
    CaseType,
    Conclusion,
    LabelledEnum,
    Stage,
)
from rongcuo_desktop.domain.rulebook import DIMENSIONS, LEVELS, RULE_ID, Rulebook
from rongcuo_desktop.domain.structured import CASE_FILE_MAX_BYTES, load_structured
from rongcuo_desktop.domain.text_rules import (
    FIELDS,
    TextProblem,
    case_issues,
    check_text,
    clean_text,
    recorded_at_issues,
)
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief, join

CASE_FORMAT = "rongcuo-case"
CASE_FORMAT_VERSION = 2
DECISION_BLOCK_VERSION = 2  # the first version with the optional `decision` block


class ConditionStatus(LabelledEnum):
    MET = ("met", "符合")
    NOT_MET = ("not_met", "不符合")
    UNKNOWN = ("unknown", "未查明")


class ExclusionStatus(LabelledEnum):
    CONFIRMED = ("confirmed", "已查实")
    NOT_CONFIRMED = ("not_confirmed", "经核查不存在")
    UNKNOWN = ("unknown", "未核查")


class MemberRole(LabelledEnum):
    """Seed 000's 动态裁定委员会: fixed members plus experts drawn for the case's field."""

    FIXED = ("fixed", "固定成员")
    NON_FIXED = ("non_fixed", "非固定成员")


@dataclass(frozen=True, slots=True)
class Score:
    level: int
    rationale: str = ""


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str = ""
    role: MemberRole = MemberRole.FIXED
    recused: bool = False
    recusal_reason: str = ""
    scores: Mapping[str, Score] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(d in self.scores for d in DIMENSIONS)


@dataclass(frozen=True, slots=True)
class Checklist:
    """What the investigation established. A condition or exclusion left out is 'unknown'."""

    situations: tuple[str, ...] = ()
    conditions: Mapping[str, ConditionStatus] = field(default_factory=dict)
    exclusions: Mapping[str, ExclusionStatus] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """Who recorded the meeting's conclusion (`case.conclusion`), when, and under which rulebook.

    The conclusion, its date and the note stay where version 1 keeps them (`case.conclusion`,
    `case.decided_on`, `decision_note`); this block only adds what an audit needs besides.
    """

    recorded_by: str  # the chair's name as it was in the store that recorded it
    recorded_at: dt.datetime  # timezone-aware
    rulebook: str = ""  # `id@version` the decision was recorded under


@dataclass(slots=True)
class CaseFile:
    case: Case
    checklist: Checklist = field(default_factory=Checklist)
    members: tuple[Member, ...] = ()
    decision_note: str = ""  # why the meeting's conclusion differs from the recommendation, if it does
    decision: DecisionRecord | None = None  # format version 2


_TOP_KEYS = {"format", "format_version", "case", "checklist", "members", "decision_note", "decision"}
_CASE_KEYS = {
    "doc_no",
    "party_name",
    "party_unit",
    "party_position",
    "case_type",
    "applicant_type",
    "work_field",
    "stage",
    "applied_on",
    "accountability_matter",
    "facts",
    "claimed_situation",
    "conclusion",
    "decided_on",
    "rulebook",
    "id",
}
_CASE_TEXT = (
    "party_name",
    "party_unit",
    "party_position",
    "work_field",
    "accountability_matter",
    "facts",
    "claimed_situation",
    "rulebook",
)


def _enum(c: Checker, value: Any, path: str, kind: type[LabelledEnum]) -> Any:
    if isinstance(value, str):
        try:
            return kind.from_code_or_label(value)
        except ValueError:
            pass
    choices = "、".join(f"{m.value}（{m.label}）" for m in kind)
    c.fail(path, f"应为 {choices} 之一，实际为 {brief(value)}")
    return None


def _date(c: Checker, value: Any, path: str) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    c.fail(path, f"应为 YYYY-MM-DD 格式的日期，实际为 {brief(value)}")
    return None


def _parse_case(c: Checker, value: Any) -> Case | None:
    table = c.table(value, "case", _CASE_KEYS)
    if table is None:
        return None
    doc_no = c.required(table, "doc_no", str, "case")
    texts = {key: c.optional(table, key, str, "case", "") for key in _CASE_TEXT}
    enums: dict[str, Any] = {}
    for key, kind, default in (
        ("case_type", CaseType, CaseType.TOLERANCE),
        ("applicant_type", ApplicantType, ApplicantType.PARTY),
        ("stage", Stage, Stage.APPLIED),
    ):
        enums[key] = _enum(c, table[key], join("case", key), kind) if key in table else default
    conclusion = None
    if table.get("conclusion") is not None:
        conclusion = _enum(c, table["conclusion"], "case.conclusion", Conclusion)
    applied_on = None
    if "applied_on" not in table:
        c.fail("case", "缺少 applied_on（申请日期）")
    else:
        applied_on = _date(c, table["applied_on"], "case.applied_on")
    decided_on = None
    if table.get("decided_on") is not None:
        decided_on = _date(c, table["decided_on"], "case.decided_on")
    case_id = c.optional(table, "id", int, "case", None)
    if doc_no is None or applied_on is None or None in enums.values():
        return None
    case = Case(
        doc_no=doc_no,
        applied_on=applied_on,
        conclusion=conclusion,
        decided_on=decided_on,
        id=case_id,
        **texts,
        **enums,
    )
    # The one validator for text and dates (domain/text_rules.py): NFC, no invisible characters,
    # length limits, dates in order. The case comes back with its text cleaned.
    case, issues = case_issues(case, prefix="case.")
    c.issues.extend(issues)
    return None if issues else case


def _text(c: Checker, table: Mapping[str, Any], key: str, path: str, field: str) -> str:
    """An optional text field through the one validator (text_rules); "" when absent or refused."""
    value = table.get(key)
    if value is None:
        return ""
    if type(value) is str:  # the path is joined only for a message
        try:
            return clean_text(value, FIELDS[field])
        except TextProblem as problem:
            c.fail(join(path, key), str(problem))
            return ""
    return check_text(c, value, join(path, key), FIELDS[field]) or ""


def _rule_id(c: Checker, value: Any, path: str) -> str | None:
    """A checklist id: short, one line, and of the form every rulebook id has (x7, s8-2)."""
    cleaned = check_text(c, value, path, FIELDS["rule_id"])
    if cleaned is not None and not RULE_ID.fullmatch(cleaned):
        c.fail(path, f"编号 {brief(cleaned)} 只能由小写字母、数字和连字符组成（如 x7、s8-2）")
        return None
    return cleaned


def _parse_checklist(c: Checker, value: Any) -> Checklist:
    table = c.table(value, "checklist", {"situations", "conditions", "exclusions"})
    if table is None:
        return Checklist()
    situations: list[str] = []
    for i, item in enumerate(c.items(table, "situations", "checklist", required=False)):
        path = f"checklist.situations[{i}]"
        rule_id = _rule_id(c, item, path)
        if rule_id is None:
            continue
        if rule_id in situations:
            c.fail(path, f"情形 {brief(rule_id)} 重复")
        else:
            situations.append(rule_id)
    statuses: dict[str, dict[str, Any]] = {}
    for key, kind in (("conditions", ConditionStatus), ("exclusions", ExclusionStatus)):
        statuses[key] = {}
        raw = c.optional(table, key, dict, "checklist", {})
        key_path = f"checklist.{key}"
        for raw_id, status in raw.items():
            path = join(key_path, raw_id)
            rule_id = _rule_id(c, raw_id, path)
            parsed = _enum(c, status, path, kind)
            if rule_id is None or parsed is None:
                continue
            if rule_id in statuses[key]:  # two spellings that are one id after NFC
                c.fail(path, f"编号 {brief(rule_id)} 重复")
            statuses[key][rule_id] = parsed
    return Checklist(tuple(situations), statuses["conditions"], statuses["exclusions"])


RATIONALE = FIELDS["rationale"]


def _parse_members(c: Checker, values: list[Any]) -> tuple[Member, ...]:
    members: list[Member] = []
    first_seen: dict[str, str] = {}
    for i, value in enumerate(values):
        path = f"members[{i}]"
        table = c.table(value, path, {"id", "name", "role", "recused", "recusal_reason", "scores"})
        if table is None:
            continue
        member_id = c.required(table, "id", str, path)
        if member_id is not None:
            member_id = check_text(c, member_id, f"{path}.id", FIELDS["member_id"])
        if member_id is not None:
            if member_id in first_seen:
                c.fail(join(path, "id"), f"委员 {brief(member_id)} 重复（已见于 {first_seen[member_id]}）")
                member_id = None
            else:
                first_seen[member_id] = path
        role = _enum(c, table["role"], f"{path}.role", MemberRole) if "role" in table else MemberRole.FIXED
        recused = c.optional(table, "recused", bool, path, False)
        scores: dict[str, Score] = {}
        raw_scores = c.optional(table, "scores", dict, path, {})
        if recused and raw_scores:
            c.fail(path, "已回避（recused = true）却有评分（scores）：回避的委员不得评分")
        scores_path = f"{path}.scores"
        for dim_id, raw in raw_scores.items():
            if dim_id not in DIMENSIONS:
                known = "、".join(f"{k}（{v}）" for k, v in DIMENSIONS.items())
                c.fail(join(scores_path, dim_id), f"未知维度 {brief(dim_id)}，应为 {known}")
                continue
            # The common case first (an import reads 200,000 of them): exactly a level 1-5 and a
            # rationale the text rules accept as it is given; anything else takes the way below,
            # which names the problem with its path.
            if type(raw) is dict and len(raw) == 2:
                level, text = raw.get("level"), raw.get("rationale")
                if type(level) is int and level in LEVELS and type(text) is str:
                    try:
                        scores[dim_id] = Score(level, clean_text(text, RATIONALE))
                        continue
                    except TextProblem:
                        pass
            score_path = f"{scores_path}.{dim_id}"  # a known dimension: nothing to quote
            score_table = c.table(raw, score_path, {"level", "rationale"})
            if score_table is None:
                continue
            level = c.required(score_table, "level", int, score_path)
            rationale = _text(c, score_table, "rationale", score_path, "rationale")
            if level is not None and level not in LEVELS:
                c.fail(join(score_path, "level"), f"等级应为 1 到 5 的整数，实际为 {brief(level)}")
            elif level is not None:
                scores[dim_id] = Score(level, rationale)
        c.optional(table, "name", str, path, "")  # the type, named; the text rules below
        name = _text(c, table, "name", path, "member_name")
        c.optional(table, "recusal_reason", str, path, "")
        reason = _text(c, table, "recusal_reason", path, "recusal_reason")
        if member_id is not None and role is not None:
            members.append(
                Member(
                    id=member_id, name=name, role=role, recused=recused, recusal_reason=reason, scores=scores
                )
            )
    return tuple(members)


def _parse_decision(c: Checker, value: Any, case: Case | None) -> DecisionRecord | None:
    table = c.table(value, "decision", {"recorded_by", "recorded_at", "rulebook"})
    if table is None:
        return None
    recorded_by = c.required(table, "recorded_by", str, "decision")
    if recorded_by is not None:
        recorded_by = check_text(c, recorded_by, "decision.recorded_by", FIELDS["recorded_by"])
    c.optional(table, "rulebook", str, "decision", "")
    rulebook = _text(c, table, "rulebook", "decision", "rulebook")
    recorded_at = None
    if "recorded_at" not in table:
        c.fail("decision", "缺少 recorded_at（记录时间）")
    else:
        raw = table["recorded_at"]
        if isinstance(raw, str) and len(raw) <= 64:
            try:
                recorded_at = dt.datetime.fromisoformat(raw)
            except ValueError:
                recorded_at = None
        if recorded_at is None or recorded_at.tzinfo is None:
            c.fail(
                "decision.recorded_at",
                f"应为带时区的 ISO 8601 时间（如 2026-04-01T08:30:00+00:00），实际为 {brief(raw)}",
            )
            recorded_at = None
        else:
            applied_on = case.applied_on if case is not None else None
            c.issues.extend(recorded_at_issues(recorded_at, applied_on, path="decision.recorded_at"))
    if case is not None and case.conclusion is None:
        c.fail("decision", "有认定记录（decision）却没有认定结论（case.conclusion）")
    if recorded_by is None or recorded_at is None:
        return None
    return DecisionRecord(recorded_by=recorded_by, recorded_at=recorded_at, rulebook=rulebook)


def check_format_version(
    c: Checker, table: Mapping[str, Any], supported: int, kind: str, what: str
) -> int | None:
    """The `format_version` of a `kind` file (None when missing or not an integer, recorded in `c`);
    a version newer than `supported` refuses the whole file at once ("请升级程序"), never half-reads it."""
    raw = table.get("format_version")
    version = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if version is None:
        c.required(table, "format_version", int, "")
    elif version > supported:
        message = f"{kind}格式版本为 {version}，本程序只支持到 {supported}：请升级程序后再导入"
        raise ValidationError(what, [Issue("format_version", message)])
    elif version < 1:
        c.fail("format_version", f"应为不小于 1 的整数，实际为 {version}")
    return version


def parse_case_file(data: Any) -> CaseFile:
    """Check loosely typed data and build a CaseFile, or raise ValidationError listing every problem."""
    c = Checker()
    table = c.table(data, "", _TOP_KEYS)
    if table is None:
        c.raise_if_any("案件文件")
        raise AssertionError("unreachable")
    if table.get("format") != CASE_FORMAT:
        c.fail("format", f"应为 {CASE_FORMAT!r}，实际为 {brief(table.get('format'))}：这不是容错免责案件文件")
    version = check_format_version(c, table, CASE_FORMAT_VERSION, "案件文件", "案件文件")
    case = _parse_case(c, table["case"]) if "case" in table else None
    if "case" not in table:
        c.fail("", "缺少 case")
    checklist = _parse_checklist(c, table["checklist"]) if "checklist" in table else Checklist()
    members = _parse_members(c, c.items(table, "members", "", required=False))
    c.optional(table, "decision_note", str, "", "")
    decision_note = _text(c, table, "decision_note", "", "decision_note")
    decision = None
    if "decision" in table:
        if version is not None and version < DECISION_BLOCK_VERSION:
            c.fail(
                "decision",
                f"认定记录（decision）需要 format_version {DECISION_BLOCK_VERSION}，文件写的是 {version}",
            )
        decision = _parse_decision(c, table["decision"], case)
    c.raise_if_any("案件文件")
    assert case is not None
    return CaseFile(case, checklist, members, decision_note, decision)


def load_case_file(path: str | Path) -> CaseFile:
    path = Path(path)
    return parse_case_file(load_structured(path, f"案件文件 {path.name}", max_bytes=CASE_FILE_MAX_BYTES))


def check_against_rulebook(case_file: CaseFile, rulebook: Rulebook) -> None:
    """Rule ids in the checklist must exist in the rulebook the case is judged under."""
    issues: list[Issue] = []
    known = {
        "situations": rulebook.situation_ids(),
        "conditions": rulebook.condition_ids(),
        "exclusions": rulebook.exclusion_ids(),
    }
    names = {"situations": "容错情形", "conditions": "容错条件", "exclusions": "不予容错情形"}
    checklist = case_file.checklist
    for i, rule_id in enumerate(checklist.situations):
        if rule_id not in known["situations"]:
            issues.append(
                Issue(f"checklist.situations[{i}]", _unknown(rule_id, names["situations"], rulebook))
            )
    for key, mapping in (("conditions", checklist.conditions), ("exclusions", checklist.exclusions)):
        for rule_id in mapping:
            if rule_id not in known[key]:
                issues.append(Issue(f"checklist.{key}.{rule_id}", _unknown(rule_id, names[key], rulebook)))
    if issues:
        raise ValidationError(f"案件文件与规则库 {rulebook.key} 不符", issues)


def _unknown(rule_id: str, kind: str, rulebook: Rulebook) -> str:
    return f"规则库 {rulebook.key} 中没有编号为 {brief(rule_id)} 的{kind}"


def dump_case_file(case_file: CaseFile) -> dict[str, Any]:
    """The JSON-ready form; `parse_case_file(dump_case_file(x)) == x`."""
    case = case_file.case
    case_dict: dict[str, Any] = {
        "doc_no": case.doc_no,
        "case_type": case.case_type.value,
        "applicant_type": case.applicant_type.value,
        "stage": case.stage.value,
        "applied_on": case.applied_on.isoformat(),
        "party_name": case.party_name,
        "party_unit": case.party_unit,
        "party_position": case.party_position,
        "work_field": case.work_field,
        "accountability_matter": case.accountability_matter,
        "facts": case.facts,
        "claimed_situation": case.claimed_situation,
        "conclusion": case.conclusion.value if case.conclusion else None,
        "decided_on": case.decided_on.isoformat() if case.decided_on else None,
        "rulebook": case.rulebook,
    }
    if case.id is not None:
        case_dict["id"] = case.id
    checklist = case_file.checklist
    out: dict[str, Any] = {
        "format": CASE_FORMAT,
        # The lowest version that holds the file: version 1 readers keep reading what they can.
        "format_version": 1 if case_file.decision is None else DECISION_BLOCK_VERSION,
        "case": case_dict,
        "checklist": {
            "situations": list(checklist.situations),
            "conditions": {k: v.value for k, v in checklist.conditions.items()},
            "exclusions": {k: v.value for k, v in checklist.exclusions.items()},
        },
        "members": [
            {
                "id": m.id,
                "name": m.name,
                "role": m.role.value,
                "recused": m.recused,
                "recusal_reason": m.recusal_reason,
                "scores": {d: {"level": s.level, "rationale": s.rationale} for d, s in m.scores.items()},
            }
            for m in case_file.members
        ],
    }
    if case_file.decision_note:
        out["decision_note"] = case_file.decision_note
    if case_file.decision is not None:
        out["decision"] = {
            "recorded_by": case_file.decision.recorded_by,
            "recorded_at": case_file.decision.recorded_at.isoformat(),
            "rulebook": case_file.decision.rulebook,
        }
    return out


def dumps_case_file(case_file: CaseFile) -> str:
    return json.dumps(dump_case_file(case_file), ensure_ascii=False, indent=2) + "\n"
