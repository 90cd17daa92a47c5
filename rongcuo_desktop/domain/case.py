"""A case as the committee knows it: plain data, shared by the store, the UI and the case JSON."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Self


class LabelledEnum(StrEnum):
    """An enum whose value is the stable English code and whose label is the Chinese term."""

    label: str

    def __new__(cls, code: str, label: str) -> LabelledEnum:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_code_or_label(cls, text: str) -> Self:
        found = _lookup(cls).get(text)
        if found is None:
            raise ValueError(text)
        return found


@functools.cache
def _lookup(kind: type[Any]) -> dict[str, Any]:
    """Code and label -> member, the first member in order winning (as a walk over them would): an
    import reads a quarter of a million of these, and iterating an enum is slow."""
    table: dict[str, Any] = {}
    for member in kind:
        table.setdefault(member.value, member)
        table.setdefault(member.label, member)
    return table


class CaseType(LabelledEnum):
    TOLERANCE = ("tolerance", "容错免责")
    CLEARANCE = ("clearance", "澄清正名")
    PRE_FILING = ("pre_filing", "事前备案")


class ApplicantType(LabelledEnum):
    PARTY = ("party", "当事人")
    UNIT = ("unit", "所在单位")
    DISCIPLINE_ORGAN = ("discipline_organ", "纪检监察机关")


class Stage(LabelledEnum):
    """The procedure of seed 000 (six steps), seed 002 第十一条 and seed 001, in order."""

    APPLIED = ("applied", "申请")
    ACCEPTED = ("accepted", "受理")
    INVESTIGATION = ("investigation", "调查核实")
    HEARING = ("hearing", "听证会商")
    DECISION = ("decision", "结论认定")
    FEEDBACK = ("feedback", "结果反馈")
    DISCLOSURE = ("disclosure", "事项公开")
    FILING = ("filing", "报告备案")
    FOLLOW_UP = ("follow_up", "跟踪回访")
    CLOSED = ("closed", "结案归档")
    REJECTED = ("rejected", "不予受理")


class Conclusion(LabelledEnum):
    EXEMPT = ("exempt", "予以容错免责")
    LENIENT = ("lenient", "从轻减轻处理")
    NOT_TOLERATED = ("not_tolerated", "不予容错")


@dataclass(slots=True)
class Case:
    """One application (or clearance / pre-filing) and where it stands in the procedure."""

    doc_no: str  # 文号, e.g. 容错〔2026〕3号
    party_name: str  # 当事人 (masked in disclosures: 谢某某)
    party_unit: str
    party_position: str
    case_type: CaseType = CaseType.TOLERANCE
    applicant_type: ApplicantType = ApplicantType.PARTY
    work_field: str = ""  # 领域, e.g. 行政审批、安全生产
    stage: Stage = Stage.APPLIED
    applied_on: dt.date = field(default_factory=dt.date.today)
    accountability_matter: str = ""  # 问责事项
    facts: str = ""
    claimed_situation: str = ""  # the situation the applicant claims (情形)
    conclusion: Conclusion | None = None
    decided_on: dt.date | None = None
    rulebook: str = ""  # rulebook id and version the case is judged under, e.g. fuzhou-2019@1
    id: int | None = None


def mask_name(name: str) -> str:
    """谢某某 style, as seed 003 prints names: the family name and 某某."""
    name = name.strip()
    if not name:
        return name
    return name[0] + "某某"
