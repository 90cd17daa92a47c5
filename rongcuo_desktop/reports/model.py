"""From a decided case's plain record to the three documents, with the wording from resources/.

Input is plain domain data only (the case file with checklist, members and scores; the rulebook;
the engine's judgment; the meeting's decision), so the same builder serves the CLI, the GUI and
tests. The wording lives in resources/reports/*.toml; this module only chooses and fills it. A
公开 (public) version masks every person's name, in the fields and in the free texts.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from rongcuo_desktop.domain.case import Case, Conclusion, mask_name
from rongcuo_desktop.domain.case_file import CaseFile, ConditionStatus, ExclusionStatus, MemberRole
from rongcuo_desktop.domain.judgment import Judgment
from rongcuo_desktop.domain.rulebook import Rule, Rulebook
from rongcuo_desktop.paths import resource
from rongcuo_desktop.reports.document import (
    Addressee,
    Block,
    DocNumber,
    Document,
    Heading,
    Note,
    Organ,
    Paragraph,
    Radar,
    Signature,
    Table,
    Title,
)


class Kind(StrEnum):
    FILING = "备案报告"
    OPINION = "认定意见书"
    FEEDBACK = "反馈通知书"

    @property
    def template(self) -> str:
        return {"备案报告": "filing_report", "认定意见书": "opinion", "反馈通知书": "feedback"}[self.value]


class ReportError(ValueError):
    """The case cannot be reported (no decision yet, no rulebook); nothing was written."""


@dataclass(frozen=True)
class Votes:
    for_: int
    against: int
    abstain: int


@dataclass(frozen=True)
class ReportData:
    """Everything a document prints, as plain data."""

    case_file: CaseFile
    rulebook: Rulebook
    judgment: Judgment
    committee: str  # 发文机关 (the signing identity's organisation)
    addressee: str  # 主送机关 of the 备案报告
    issued_on: dt.date
    decision_note: str = ""
    votes: Votes | None = None  # None: the store holds no vote counts for this meeting
    dissent: tuple[str, ...] = ()
    algorithm: str = "ECDSA P-256 / SHA-256"
    font_note: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def case(self) -> Case:
        return self.case_file.case


@cache
def _template(name: str) -> dict[str, Any]:
    with resource("reports", f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def cn_date(value: dt.date | None) -> str:
    """Arabic numerals, 年月日 in full, no leading zeros (GB/T 9704 7.3.5.1): 2026年3月2日."""
    if value is None:
        return "（未记录）"
    return f"{value.year}年{value.month}月{value.day}日"


def _doc_title(rulebook: Rulebook) -> str:
    for document in rulebook.documents.values():
        if document.kind == "official":
            return document.title
    return f"《{rulebook.title}》"


class _Masker:
    """Names to 谢某某 in every text of a public version (fields and free text alike)."""

    def __init__(self, names: list[str], active: bool) -> None:
        self.active = active
        # Longest first, so 张三丰 is masked before 张三.
        self.names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)

    def name(self, text: str) -> str:
        return mask_name(text) if self.active else text

    def __call__(self, text: str) -> str:
        if not self.active:
            return text
        for name in self.names:
            text = text.replace(name, mask_name(name))
        return text


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Builder:
    def __init__(self, data: ReportData, kind: Kind, public: bool) -> None:
        self.data = data
        self.kind = kind
        self.public = public
        self.common = _template("common")
        self.tpl = _template(kind.template)
        case = data.case
        names = [case.party_name, *(m.name for m in data.case_file.members)]
        self.mask = _Masker(names, public)
        self.blocks: list[Block] = []
        conclusion = case.conclusion
        self.values: dict[str, Any] = {
            "committee": data.committee,
            "addressee": data.addressee,
            "doc_no": case.doc_no,
            "party": self.mask.name(case.party_name),
            "party_unit": self.mask(case.party_unit),
            "party_position": self.mask(case.party_position),
            "case_type": case.case_type.label,
            "applicant": case.applicant_type.label,
            "applied_on": cn_date(case.applied_on),
            "decided_on": cn_date(case.decided_on),
            "work_field": case.work_field or "（未填写）",
            "accountability_matter": self.mask(case.accountability_matter) or "（未填写）",
            "facts": self.mask(case.facts) or "（未填写）",
            "claimed_situation": self.mask(case.claimed_situation) or "（未填写）",
            "conclusion": conclusion.label if conclusion else "",
            "rulebook_doc": _doc_title(data.rulebook),
            "algorithm": data.algorithm,
            "font_note": data.font_note,
            **data.extra,
        }

    def fill(self, template: str, /, **more: Any) -> str:
        return template.format_map({**self.values, **more})

    def t(self, key: str, /, **more: Any) -> str:
        return self.fill(self.tpl["text"][key], **more)

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def para(self, text: str, indent: int = 2) -> None:
        self.add(Paragraph(text, indent))

    def heading(self, key: str, level: int = 1) -> None:
        self.add(Heading(self.tpl["sections"][key], level))

    # ----- shared parts -------------------------------------------------------------------------

    def head(self) -> None:
        self.add(Organ(self.fill(self.common["header"]["organ"])))
        self.add(DocNumber(self.data.case.doc_no))
        self.add(Title(self.fill(self.tpl["title"])))
        self.add(Addressee(self.fill(self.tpl["addressee"])))
        self.para(self.fill(self.tpl["opening"]))

    def tail(self) -> None:
        self.para(self.fill(self.tpl["closing"]))
        self.add(Signature(self.data.committee, cn_date(self.data.issued_on)))
        notes = [self.fill(self.common["seal_note"]["text"])]
        if self.public:
            notes.append(self.common["seal_note"]["public"])
        if self.data.font_note:
            notes.append(self.fill(self.common["seal_note"]["fonts"]))
        for text in notes:
            self.add(Note(text))

    def situations(self) -> None:
        chosen = [self.data.rulebook.rule(s) for s in self.data.case_file.checklist.situations]
        if not chosen:
            self.para(self.t("no_situation"))
        for index, rule in enumerate(chosen, 1):
            self.para(self.t("situation", index=index, text=rule.text, citation=rule.citation.label()))

    def usage(self) -> None:
        rules: tuple[Rule, ...] = self.data.rulebook.result_usage
        if self.data.case.conclusion is not Conclusion.EXEMPT or not rules:
            self.para(self.t("usage_none"))
            return
        if "usage_intro" in self.tpl["text"]:
            self.para(self.t("usage_intro"))
        for index, rule in enumerate(rules, 1):
            self.para(self.t("usage_item", index=index, text=rule.text, citation=rule.citation.label()))

    # ----- 备案报告 -----------------------------------------------------------------------------

    def filing(self) -> None:
        data, rulebook = self.data, self.data.rulebook
        checklist = data.case_file.checklist
        self.heading("basic")
        self.para(self.t("basic"))
        self.heading("application")
        self.para(self.t("application"))
        self.para(self.t("claimed"))
        self.para(self.t("accepted"))
        self.heading("investigation")
        self.para(self.t("investigation"))
        self.heading("rules")
        self.heading("rules_situations", 2)
        self.situations()
        self.heading("rules_conditions", 2)
        for index, rule in enumerate(rulebook.conditions, 1):
            status = checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)
            text = self.t(
                "condition", index=index, text=rule.text, citation=rule.citation.label(), status=status.label
            )
            self.para(text)
        self.heading("rules_exclusions", 2)
        for index, rule in enumerate(rulebook.exclusions, 1):
            found = checklist.exclusions.get(rule.id, ExclusionStatus.UNKNOWN)
            text = self.t(
                "exclusion", index=index, text=rule.text, citation=rule.citation.label(), status=found.label
            )
            self.para(text)
        self.scores()
        self.decision()
        self.heading("usage")
        self.usage()
        self.committee()
        self.tail()

    def scores(self) -> None:
        judgment = self.data.judgment
        self.heading("scores")
        weights = {d.weight for d in judgment.dimensions}
        self.para(
            self.t(
                "scores_intro",
                counted=len(judgment.counted),
                weights="五个维度等权" if len(weights) == 1 else "按规则库权重",
                total=_fmt(judgment.total),
            )
        )
        rows = tuple(
            (
                d.name,
                _fmt(d.weight),
                _fmt(d.median),
                f"{d.min}—{d.max}" if d.min is not None else "—",
                str(len(d.levels)),
            )
            for d in judgment.dimensions
        )
        self.add(Table(tuple(self.tpl["text"]["table_header"]), rows, (6, 4, 5, 7, 6)))
        self.add(
            Radar(
                tuple(d.name for d in judgment.dimensions),
                tuple(d.median for d in judgment.dimensions),
                5,
                self.tpl["text"]["radar_caption"],
            )
        )

    def decision(self) -> None:
        data, judgment = self.data, self.data.judgment
        self.heading("decision")
        if judgment.recommendation is None:
            self.para(self.t("no_recommendation", reason=judgment.reason))
        else:
            hard = [r.text for r in judgment.fired_rules]
            hard_text = f"触发的硬性规则：{'；'.join(hard)}。" if hard else "未触发硬性规则。"
            self.para(
                self.t("recommendation", recommendation=judgment.recommendation.label, hard_rules=hard_text)
            )
        self.para(self.t("meeting"))
        members = data.case_file.members
        recused = sum(1 for m in members if m.recused)
        if data.votes is None:
            self.para(self.t("votes_unrecorded", seated=len(members), recused=recused))
        else:
            votes = data.votes
            present = votes.for_ + votes.against + votes.abstain
            self.para(
                self.t(
                    "votes",
                    seated=len(members),
                    recused=recused,
                    present=present,
                    **{"for": votes.for_, "against": votes.against, "abstain": votes.abstain},
                )
            )
        if data.dissent:
            self.para(self.t("dissent", dissent=self.mask("；".join(data.dissent))))
        else:
            self.para(self.t("no_dissent"))
        note = self.mask(data.decision_note)
        if note:
            differs = judgment.recommendation is not data.case.conclusion
            self.para(self.t("differs" if differs else "note", note=note))

    def committee(self) -> None:
        members = self.data.case_file.members
        self.heading("committee")
        present = [m for m in members if not m.recused]
        role_label = {MemberRole.FIXED: "固定成员", MemberRole.NON_FIXED: "非固定成员"}
        names = "、".join(f"{self.mask.name(m.name or m.id)}（{role_label[m.role]}）" for m in present)
        self.para(self.t("present", names=names or "无"))
        recused = [m for m in members if m.recused]
        if recused:
            items = "、".join(
                self.t(
                    "recused_item",
                    name=self.mask.name(m.name or m.id),
                    reason=self.mask(m.recusal_reason) or "未说明",
                )
                for m in recused
            )
            self.para(self.t("recused", names=items))

    # ----- 认定意见书 and 结果反馈通知书 ----------------------------------------------------------

    def opinion(self) -> None:
        checklist = self.data.case_file.checklist
        self.heading("facts")
        self.para(self.t("matter"))
        self.para(self.t("facts"))
        self.heading("basis")
        self.situations()
        found = [
            self.data.rulebook.rule(x).text
            for x, status in checklist.exclusions.items()
            if status is ExclusionStatus.CONFIRMED
        ]
        self.para(self.t("exclusions_found", items="；".join(found)) if found else self.t("exclusions_clear"))
        self.heading("conclusion")
        self.para(self.t("conclusion"))
        self.heading("usage")
        self.usage()
        self.tail()

    def feedback(self) -> None:
        self.heading("result")
        self.para(self.t("result"))
        self.heading("usage")
        self.usage()
        self.heading("follow_up")
        months = self.data.rulebook.settings.get("follow_up_months")
        if months is not None and months.value:
            self.para(self.t("follow_up", months=months.value))
        else:
            self.para(self.t("follow_up_none"))
        self.tail()


def build_document(data: ReportData, kind: Kind, *, public: bool = False) -> Document:
    """The blocks of one document. Raises ReportError for a case without a decision."""
    case = data.case
    if case.conclusion is None:
        raise ReportError(f"{case.doc_no} 尚未记录认定结论：认定后才能导出{kind.value}。")
    builder = _Builder(data, kind, public)
    builder.head()
    {Kind.FILING: builder.filing, Kind.OPINION: builder.opinion, Kind.FEEDBACK: builder.feedback}[kind]()
    title = builder.fill(builder.tpl["title"])
    full_kind = "结果反馈通知书" if kind is Kind.FEEDBACK else kind.value
    return Document(full_kind, case.doc_no, title, data.committee, public, tuple(builder.blocks))
