"""The five-dimension judgment: from a checklist and members' scores to a recommendation anyone can follow.

The engine supports the committee; it never decides. Every step it takes is in the result: the
per-dimension statistics, the weighted total, the hard rules that fired with their citations, the
disagreements that call for 会商, and an explanation a chair can read aloud. Method, in order:

1. Members who count: not recused and scored all five dimensions. The others are listed, not used.
2. Per dimension: median, min, max and spread (max - min) of those members' levels. The median is
   used so that one extreme score cannot carry the result.
3. Weighted total = sum(weight x median) / sum(weight), on the 1..5 scale.
4. Score recommendation: total >= exempt_threshold and every median >= dimension_floor gives
   予以容错免责; total >= lenient_threshold gives 从轻减轻处理; otherwise 不予容错.
5. Hard rules, which no score outweighs: too few members who count -> no recommendation, only the
   reason; a confirmed exclusion -> 不予容错; an unmet condition (or, if the rulebook says so, an
   unknown one), or no claimed situation where the rulebook requires one -> at most 从轻减轻处理.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case import CaseType, Conclusion
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    ConditionStatus,
    ExclusionStatus,
    Member,
    check_against_rulebook,
)
from rongcuo_desktop.domain.rulebook import Citation, Rulebook

ENGINE_VERSION = 1
_RANK = {Conclusion.NOT_TOLERATED: 0, Conclusion.LENIENT: 1, Conclusion.EXEMPT: 2}
_NUMERALS = "一二三四五六七八九十"

# What a fired rule does to the recommendation.
EFFECT_NO_RECOMMENDATION = "no_recommendation"
EFFECT_NOT_TOLERATED = "not_tolerated"
EFFECT_NO_EXEMPT = "no_exempt"


def rank(conclusion: Conclusion | None) -> int:
    """Order of favour: 不予容错 < 从轻减轻处理 < 予以容错免责; no recommendation ranks lowest (-1)."""
    return -1 if conclusion is None else _RANK[conclusion]


@dataclass(frozen=True, slots=True)
class DimensionResult:
    id: str
    name: str
    weight: float
    levels: tuple[int, ...]  # sorted, members who count only
    median: float | None
    min: int | None
    max: int | None
    spread: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": self.weight,
            "count": len(self.levels),
            "median": self.median,
            "min": self.min,
            "max": self.max,
            "spread": self.spread,
        }


@dataclass(frozen=True, slots=True)
class FiredRule:
    kind: str  # exclusion_confirmed, condition_not_met, condition_unknown, no_situation, quorum_not_met
    rule_id: str  # the rulebook item (x7, c4) or setting (settings.quorum)
    effect: str
    text: str
    citation: Citation | None
    local_default: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rule_id": self.rule_id,
            "effect": self.effect,
            "text": self.text,
            "citation": self.citation.label() if self.citation else None,
            "local_default": self.local_default,
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    dimension: str
    name: str
    min: int
    max: int
    spread: int
    threshold: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "name": self.name,
            "min": self.min,
            "max": self.max,
            "spread": self.spread,
            "threshold": self.threshold,
        }


@dataclass(frozen=True, slots=True)
class Judgment:
    rulebook_key: str
    rulebook_title: str
    case_type: CaseType
    recommendation: Conclusion | None
    reason: str  # why there is no recommendation (empty when there is one)
    score_recommendation: Conclusion | None  # what the scores alone give, before the hard rules
    total: float | None
    dimensions: tuple[DimensionResult, ...]
    fired_rules: tuple[FiredRule, ...]
    disagreements: tuple[Disagreement, ...]
    quorum_required: int
    counted: tuple[str, ...]  # member ids
    recused: tuple[str, ...]
    incomplete: tuple[str, ...]
    explanation: str
    local_defaults: tuple[str, ...]

    @property
    def quorum_met(self) -> bool:
        return len(self.counted) >= self.quorum_required

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `rongcuo judge`. Holds member ids, never names or facts."""
        return {
            "recommendation": self.recommendation.label if self.recommendation else None,
            "recommendation_code": self.recommendation.value if self.recommendation else None,
            "reason": self.reason or None,
            "score_recommendation": self.score_recommendation.label if self.score_recommendation else None,
            "total": self.total,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "fired_rules": [r.to_dict() for r in self.fired_rules],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "needs_consultation": bool(self.disagreements),
            "quorum_met": self.quorum_met,
            "quorum": {
                "required": self.quorum_required,
                "counted": len(self.counted),
                "recused": len(self.recused),
                "incomplete": list(self.incomplete),
            },
            "explanation": self.explanation,
            "rulebook": {"key": self.rulebook_key, "title": self.rulebook_title},
            "case_type": self.case_type.value,
            "local_defaults": list(self.local_defaults),
            "engine_version": ENGINE_VERSION,
        }


def judge(case_file: CaseFile, rulebook: Rulebook) -> Judgment:
    """Judge one case under one rulebook. Raises ValidationError if the checklist names unknown rules."""
    check_against_rulebook(case_file, rulebook)
    members = sorted(case_file.members, key=lambda m: m.id)  # member order never matters
    counted = [m for m in members if not m.recused and m.complete]
    recused = tuple(m.id for m in members if m.recused)
    incomplete = tuple(m.id for m in members if not m.recused and not m.complete)

    dimensions = tuple(_dimension_result(rulebook, dim_id, counted) for dim_id in _dim_ids(rulebook))
    total = _weighted_total(dimensions)
    score_rec = _score_recommendation(rulebook, dimensions, total)

    fired = _fired_rules(case_file, rulebook, len(counted))
    if case_file.case.case_type is not CaseType.TOLERANCE:
        # No recommendation is made for these, so the quorum is not a rule that fires.
        fired = tuple(rule for rule in fired if rule.kind != "quorum_not_met")
    threshold = int(rulebook.setting("disagreement_spread"))
    disagreements = tuple(
        Disagreement(d.id, d.name, d.min, d.max, d.spread, threshold)
        for d in dimensions
        if d.spread is not None and d.min is not None and d.max is not None and d.spread >= threshold
    )

    recommendation, reason = _recommend(case_file.case.case_type, score_rec, fired, rulebook, len(counted))
    used_defaults = tuple(path for path, _setting in rulebook.local_defaults())
    partial = Judgment(
        rulebook_key=rulebook.key,
        rulebook_title=rulebook.title,
        case_type=case_file.case.case_type,
        recommendation=recommendation,
        reason=reason,
        score_recommendation=score_rec,
        total=total,
        dimensions=dimensions,
        fired_rules=fired,
        disagreements=disagreements,
        quorum_required=int(rulebook.setting("quorum")),
        counted=tuple(m.id for m in counted),
        recused=recused,
        incomplete=incomplete,
        explanation="",
        local_defaults=used_defaults,
    )
    return _with_explanation(partial, rulebook)


def _dim_ids(rulebook: Rulebook) -> list[str]:
    return [d.id for d in rulebook.dimensions]


def _dimension_result(rulebook: Rulebook, dim_id: str, counted: Sequence[Member]) -> DimensionResult:
    dimension = rulebook.dimension(dim_id)
    levels = tuple(sorted(m.scores[dim_id].level for m in counted))
    if not levels:
        return DimensionResult(
            dim_id, dimension.name, float(dimension.weight.value), (), None, None, None, None
        )
    low, high = levels[0], levels[-1]
    median = float(statistics.median(levels))
    return DimensionResult(
        dim_id, dimension.name, float(dimension.weight.value), levels, median, low, high, high - low
    )


def _weighted_total(dimensions: Sequence[DimensionResult]) -> float | None:
    if any(d.median is None for d in dimensions):
        return None
    weight_sum = sum(d.weight for d in dimensions)
    # Rounded so that float noise (3.9999999) never flips a threshold; rounding keeps the order.
    return round(sum(d.weight * (d.median or 0.0) for d in dimensions) / weight_sum, 6)


def _score_recommendation(
    rulebook: Rulebook, dimensions: Sequence[DimensionResult], total: float | None
) -> Conclusion | None:
    if total is None:
        return None
    floor = rulebook.setting("dimension_floor")
    if total >= rulebook.setting("exempt_threshold") and all((d.median or 0) >= floor for d in dimensions):
        return Conclusion.EXEMPT
    if total >= rulebook.setting("lenient_threshold"):
        return Conclusion.LENIENT
    return Conclusion.NOT_TOLERATED


def _fired_rules(case_file: CaseFile, rulebook: Rulebook, counted: int) -> tuple[FiredRule, ...]:
    checklist = case_file.checklist
    fired: list[FiredRule] = []
    quorum = rulebook.settings["quorum"]
    if counted < quorum.value:
        fired.append(
            FiredRule(
                "quorum_not_met",
                "settings.quorum",
                EFFECT_NO_RECOMMENDATION,
                f"计入评分的委员 {counted} 人，少于 {quorum.value} 人",
                quorum.citation,
                quorum.local_default,
            )
        )
    for rule in rulebook.exclusions:
        if checklist.exclusions.get(rule.id) is ExclusionStatus.CONFIRMED:
            fired.append(
                FiredRule("exclusion_confirmed", rule.id, EFFECT_NOT_TOLERATED, rule.text, rule.citation)
            )
    unknown_blocks = rulebook.settings["unknown_condition_blocks_exempt"]
    for rule in rulebook.conditions:
        status = checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)
        if status is ConditionStatus.NOT_MET:
            fired.append(FiredRule("condition_not_met", rule.id, EFFECT_NO_EXEMPT, rule.text, rule.citation))
        elif status is ConditionStatus.UNKNOWN and unknown_blocks.value:
            fired.append(
                FiredRule(
                    "condition_unknown",
                    rule.id,
                    EFFECT_NO_EXEMPT,
                    rule.text,
                    rule.citation,
                    unknown_blocks.local_default,
                )
            )
    required = rulebook.settings["situation_required_for_exempt"]
    if required.value and rulebook.situations and not checklist.situations:
        fired.append(
            FiredRule(
                "no_situation",
                "settings.situation_required_for_exempt",
                EFFECT_NO_EXEMPT,
                "未对应规则库情形清单中的任何一种情形",
                required.citation,
                required.local_default,
            )
        )
    return tuple(fired)


def _recommend(
    case_type: CaseType,
    score_rec: Conclusion | None,
    fired: Sequence[FiredRule],
    rulebook: Rulebook,
    counted: int,
) -> tuple[Conclusion | None, str]:
    if case_type is CaseType.CLEARANCE:
        return None, "澄清正名案件核查的是反映是否失实，不作容错免责结论，不适用五维研判建议。"
    if case_type is CaseType.PRE_FILING:
        return (
            None,
            "事前备案登记的是尚未实施的创新举措，不作容错免责结论；对照规则库的结果仅作事前风险提示。",
        )
    effects = {rule.effect for rule in fired}
    if EFFECT_NO_RECOMMENDATION in effects:
        return None, (
            f"计入评分的委员 {counted} 人，少于规则库规定的 {rulebook.setting('quorum')} 人，不作研判建议。"
        )
    if EFFECT_NOT_TOLERATED in effects:
        return Conclusion.NOT_TOLERATED, ""
    assert score_rec is not None  # quorum >= 1 member who scored every dimension
    if EFFECT_NO_EXEMPT in effects and score_rec is Conclusion.EXEMPT:
        return Conclusion.LENIENT, ""
    return score_rec, ""


# --- explanation ---------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _default_mark(rulebook: Rulebook, name: str) -> str:
    return "（本地默认）" if rulebook.settings[name].local_default else ""


def _cite(rule: FiredRule) -> str:
    return f"（{rule.citation.label()}）" if rule.citation else ""


def _with_explanation(result: Judgment, rulebook: Rulebook) -> Judgment:
    lines = [f"依据规则库《{rulebook.title}》（{rulebook.id} 第{rulebook.version}版）研判如下。"]
    if result.case_type is not CaseType.TOLERANCE:
        sections = _other_type_sections(result, rulebook)
    else:
        sections = _tolerance_sections(result, rulebook)
    lines.extend(f"{_NUMERALS[i]}、{text}" for i, text in enumerate(sections))
    return dataclasses.replace(result, explanation="\n".join(lines))


def _other_type_sections(result: Judgment, rulebook: Rulebook) -> list[str]:
    """澄清正名 and 事前备案: no recommendation; say why, cite the rulebook, list the risks found."""
    sections = [f"案件类型：{result.case_type.label}。{result.reason}"]
    clearance = [rule for rule in rulebook.procedure if rule.id == "clearance"]
    if result.case_type is CaseType.CLEARANCE and clearance:
        rule = clearance[0]
        sections.append(f"依据：{rule.text}（{rule.citation.label()}）")
    if result.case_type is CaseType.PRE_FILING or result.fired_rules:
        sections.append("事前风险提示：" + _hard_rules_text(result).removeprefix("硬性规则："))
    if result.counted:
        sections.append(_scores_text(result, rulebook))
    sections.append("本意见仅供会议研究参考，由会议认定。")
    return sections


def _tolerance_sections(result: Judgment, rulebook: Rulebook) -> list[str]:
    sections: list[str] = []
    total_members = len(result.counted) + len(result.recused) + len(result.incomplete)
    quorum_text = "已达到" if result.quorum_met else "未达到"
    sections.append(
        f"委员共 {total_members} 人，回避 {len(result.recused)} 人，未完成评分 {len(result.incomplete)} 人，"
        f"计入评分 {len(result.counted)} 人；法定人数 {result.quorum_required} 人"
        f"{_default_mark(rulebook, 'quorum')}，{quorum_text}。"
    )
    sections.append(_hard_rules_text(result))
    sections.append(_scores_text(result, rulebook))
    if result.disagreements:
        parts = [f"{d.name}评分相差 {d.spread} 级（{d.min}—{d.max}）" for d in result.disagreements]
        threshold = result.disagreements[0].threshold
        sections.append(
            f"分歧：{'；'.join(parts)}，达到会商阈值 {threshold} 级"
            f"{_default_mark(rulebook, 'disagreement_spread')}，建议会商研判后再作认定。"
        )
    else:
        sections.append("分歧：各维度评分分歧均未达到会商阈值。")
    if result.recommendation is None:
        final = f"研判建议：不作建议。{result.reason}"
    else:
        final = f"研判建议：{result.recommendation.label}。"
    vote_rule = rulebook.setting("vote_rule")
    final += (
        f"本建议仅供会议研究参考，由会议认定（表决规则：{vote_rule}{_default_mark(rulebook, 'vote_rule')}）；"
        "会议结论与建议不同的，应记录理由。"
    )
    sections.append(final)
    return sections


def _hard_rules_text(result: Judgment) -> str:
    if not result.fired_rules:
        return "硬性规则：未触发任何硬性规则。"
    parts = []
    for rule in result.fired_rules:
        if rule.kind == "quorum_not_met":
            parts.append(f"{rule.text}，不作研判建议")
        elif rule.kind == "exclusion_confirmed":
            parts.append(f"已查实不予容错情形“{rule.text}”{_cite(rule)}，依规不予容错，任何评分不能改变")
        elif rule.kind == "condition_not_met":
            parts.append(f"不符合容错条件“{rule.text}”{_cite(rule)}，不能建议予以容错免责")
        elif rule.kind == "condition_unknown":
            default = "（本地默认）" if rule.local_default else ""
            parts.append(
                f"容错条件“{rule.text}”{_cite(rule)}尚未查明，未查明视同不符合{default}，"
                "不能建议予以容错免责，请补充核实"
            )
        elif rule.kind == "no_situation":
            parts.append(f"{rule.text}{_cite(rule)}，不能建议予以容错免责")
    numbered = [f"（{i + 1}）{text}" for i, text in enumerate(parts)]
    return "硬性规则：" + "；".join(numbered) + "。"


def _scores_text(result: Judgment, rulebook: Rulebook) -> str:
    if not result.counted:
        return "五维评分：没有计入评分的委员，无法计算。"
    dims = "、".join(f"{d.name} {_fmt(d.median)}（{d.min}—{d.max}）" for d in result.dimensions)
    weights = {d.weight for d in result.dimensions}
    weight_text = "五个维度等权" if len(weights) == 1 else "按规则库权重"
    weight_default = "（本地默认）" if any(d.weight.local_default for d in rulebook.dimensions) else ""
    thresholds = (
        f"予以容错免责须总分不低于 {_fmt(rulebook.setting('exempt_threshold'))}"
        f"{_default_mark(rulebook, 'exempt_threshold')}"
        f"且各维度中位数不低于 {rulebook.setting('dimension_floor')}"
        f"{_default_mark(rulebook, 'dimension_floor')}，从轻减轻处理须总分不低于 "
        f"{_fmt(rulebook.setting('lenient_threshold'))}{_default_mark(rulebook, 'lenient_threshold')}"
    )
    score_rec = result.score_recommendation.label if result.score_recommendation else "—"
    return (
        f"五维评分（计入评分委员的中位数，括号内为最低—最高）：{dims}；{weight_text}{weight_default}，"
        f"加权总分 {_fmt(result.total)}（满分 5）。{thresholds}。仅按评分应为：{score_rec}。"
    )
