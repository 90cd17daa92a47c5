"""What the projector may show of a case at its hearing: a public view, built in one place.

The audience window in a hearing room is seen by everyone present, so it receives only a
`HearingView`, never the case or its judgment record. `hearing_view` is where that view is made and
where everything private is left out, so widget code cannot leak what it never receives:

- the person's name is masked (谢某某, seed 003), in the fields and in the free texts, and so are the
  members' names; no position, no other case, no member named anywhere;
- before the chair reveals the round, only how many ballots are complete (not whose) -- no level,
  no median, no chart, no recommendation that would betray them;
- no rationale, no recusal reason, no decision note or dissent text (the meeting's own words, kept
  in the record); the decision shows its conclusion, date, votes and the 四种形态 only.

Standard library only; the five dimensions' descriptors and the checklist's rules come from the
case's rulebook with their citations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rongcuo_desktop.domain.case import Case, LabelledEnum, mask_name
from rongcuo_desktop.domain.case_file import ConditionStatus, ExclusionStatus
from rongcuo_desktop.domain.casework import mask_names
from rongcuo_desktop.domain.committee import JudgmentRecord, Votes
from rongcuo_desktop.domain.judgment import Judgment
from rongcuo_desktop.domain.rulebook import Citation, Rulebook


class Section(LabelledEnum):
    """The hearing's sections, in the order the chair shows them."""

    SUMMARY = ("summary", "案件概要")
    FACTS = ("facts", "基本事实")
    RULES = ("rules", "适用的情形与规则")
    DIMENSIONS = ("dimensions", "五个维度")
    BALLOTS = ("ballots", "评分进度")
    RESULTS = ("results", "评分结果")
    DECISION = ("decision", "认定结论")


SECTIONS = tuple(Section)


@dataclass(frozen=True, slots=True)
class PublicLine:
    """A rule as the room reads it: its text, where it comes from, and (for the checklist) its status."""

    text: str
    citation: str = ""
    status: str = ""


@dataclass(frozen=True, slots=True)
class PublicDimension:
    name: str
    descriptors: tuple[str, ...]  # level 1 first
    questions: tuple[PublicLine, ...]


@dataclass(frozen=True, slots=True)
class PublicDimensionResult:
    name: str
    median: float | None
    low: int | None
    high: int | None
    consult: bool  # the spread reached the rulebook's threshold: 需会商


@dataclass(frozen=True, slots=True)
class PublicResults:
    """The revealed round's result: anonymous ballots (no order that maps to a member), medians."""

    round_number: int
    dimensions: tuple[PublicDimensionResult, ...]
    ballots: tuple[tuple[int, ...], ...]  # sorted, so their order says nothing about who
    total: float | None
    recommendation: str  # "" when the engine gives none (then `reason` says why)
    reason: str
    fired_rules: tuple[PublicLine, ...]
    local_defaults: bool  # weights or thresholds are the committee's own defaults, not the sources'


@dataclass(frozen=True, slots=True)
class PublicDecision:
    conclusion: str
    decided_on: dt.date | None
    votes: Votes | None
    four_forms: str = ""  # which of the 四种形态, for a lighter handling ("" when none recorded)


@dataclass(frozen=True, slots=True)
class HearingView:
    """Everything the audience window may show of one case, already masked."""

    doc_no: str
    case_type: str
    masked_name: str
    unit: str
    work_field: str
    matter: str
    claimed: str
    facts: str
    rulebook_title: str
    source_title: str  # the rulebook's official document: citations to it give the article alone
    situations: tuple[PublicLine, ...]
    conditions: tuple[PublicLine, ...]
    exclusions: tuple[PublicLine, ...]
    dimensions: tuple[PublicDimension, ...]
    round_number: int
    submitted: int
    expected: int
    revealed: bool
    results: PublicResults | None
    decision: PublicDecision | None

    def texts(self) -> list[str]:
        """Every text of the view (what a check against secrets reads)."""
        out = [
            self.doc_no,
            self.case_type,
            self.masked_name,
            self.unit,
            self.work_field,
            self.matter,
            self.claimed,
            self.facts,
            self.rulebook_title,
            self.source_title,
        ]
        for line in (*self.situations, *self.conditions, *self.exclusions):
            out += [line.text, line.citation, line.status]
        for dim in self.dimensions:
            out += [dim.name, *dim.descriptors, *(q.text for q in dim.questions)]
        if self.results is not None:
            out += [self.results.recommendation, self.results.reason]
            out += [r.text for r in self.results.fired_rules]
        if self.decision is not None:
            out += [self.decision.conclusion, self.decision.four_forms]
        return [t for t in out if t]


def official_document(rulebook: Rulebook) -> tuple[str, str]:
    """The key and title of the rulebook's official source document (("", "") if it cites only news)."""
    for key, document in rulebook.documents.items():
        if document.kind == "official":
            return key, document.title
    return "", ""


def short_citation(citation: Citation, rulebook: Rulebook) -> str:
    """A citation as a heading already names the document: the article and item alone where it is
    the rulebook's official document (第四条(一)), the whole citation otherwise."""
    place = f"{citation.article}{citation.item}"
    if place and not citation.note and citation.doc == official_document(rulebook)[0]:
        return place
    return citation.label()


_CONDITION = {
    ConditionStatus.MET: "符合",
    ConditionStatus.NOT_MET: "不符合",
    ConditionStatus.UNKNOWN: "未查明",
}


def hearing_view(
    case: Case,
    record: JudgmentRecord,
    rulebook: Rulebook | None,
    judgment: Judgment | None,
    *,
    four_forms: str = "",
    other_names: Iterable[str] = (),
) -> HearingView:
    """The projector-safe view of `case`. `record` is the full record (the chair's view); only what
    this function copies out of it reaches the room. `other_names`: further names to mask in the free
    texts (the committee's accounts, say), beyond the party and the members on the record."""
    names = [
        case.party_name,
        *(m.name for m in record.members),
        *(b.name for b in record.earlier),
        *other_names,
    ]

    def masked(text: str) -> str:
        return mask_names(text, names).strip()

    situations: tuple[PublicLine, ...] = ()
    conditions: tuple[PublicLine, ...] = ()
    exclusions: tuple[PublicLine, ...] = ()
    dimensions: tuple[PublicDimension, ...] = ()
    title = source = ""
    if rulebook is not None:
        title = rulebook.title
        source = official_document(rulebook)[1]
        by_id = {s.id: s for s in rulebook.situations}

        def cite(citation: Citation) -> str:
            return short_citation(citation, rulebook)

        situations = tuple(
            PublicLine(masked(by_id[s].text), cite(by_id[s].citation), "申请适用")
            for s in record.checklist.situations
            if s in by_id
        )
        conditions = tuple(
            PublicLine(
                masked(rule.text),
                cite(rule.citation),
                _CONDITION[record.checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)],
            )
            for rule in rulebook.conditions
        )
        exclusions = tuple(
            PublicLine(
                masked(rule.text),
                cite(rule.citation),
                record.checklist.exclusions.get(rule.id, ExclusionStatus.UNKNOWN).label,
            )
            for rule in rulebook.exclusions
        )
        dimensions = tuple(
            PublicDimension(
                d.name,
                tuple(masked(text) for text in d.descriptors),
                tuple(PublicLine(masked(q.text), cite(q.citation)) for q in d.questions),
            )
            for d in rulebook.dimensions
        )

    results = None
    if record.revealed and judgment is not None:
        consult = {d.dimension for d in judgment.disagreements}
        dim_ids = [d.id for d in judgment.dimensions]
        ballots = sorted(
            tuple(m.scores[d].level for d in dim_ids)
            for m in record.members
            if not m.recused and m.complete and all(d in m.scores for d in dim_ids)
        )
        results = PublicResults(
            round_number=record.round.number,
            dimensions=tuple(
                PublicDimensionResult(d.name, d.median, d.min, d.max, d.id in consult)
                for d in judgment.dimensions
            ),
            ballots=tuple(ballots),
            total=judgment.total,
            recommendation=judgment.recommendation.label if judgment.recommendation else "",
            reason=masked(judgment.reason),
            fired_rules=tuple(
                PublicLine(
                    masked(r.text),
                    (short_citation(r.citation, rulebook) if rulebook else r.citation.label())
                    if r.citation
                    else "",
                )
                for r in judgment.fired_rules
            ),
            local_defaults=bool(judgment.local_defaults),
        )

    decision = None
    if record.decision is not None and record.conclusion is not None:
        decision = PublicDecision(
            conclusion=record.conclusion.label,
            decided_on=record.decision.decided_on,
            votes=record.decision.votes,
            four_forms=four_forms,
        )
    elif record.conclusion is not None:
        decision = PublicDecision(record.conclusion.label, case.decided_on, None, four_forms)

    return HearingView(
        doc_no=case.doc_no,
        case_type=case.case_type.label,
        masked_name=mask_name(case.party_name),
        unit=masked(case.party_unit),
        work_field=masked(case.work_field),
        matter=masked(case.accountability_matter),
        claimed=masked(case.claimed_situation),
        facts=masked(case.facts),
        rulebook_title=title,
        source_title=source,
        situations=situations,
        conditions=conditions,
        exclusions=exclusions,
        dimensions=dimensions,
        round_number=record.round.number,
        submitted=record.submitted,
        expected=record.expected,
        revealed=record.revealed,
        results=results,
        decision=decision,
    )
