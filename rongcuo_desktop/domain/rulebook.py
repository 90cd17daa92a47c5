"""Rulebooks: a jurisdiction's conditions, situations, exclusions and the committee's own settings.

A rulebook is a versioned TOML (or JSON) file, described in docs/rulebook-format.md. Every rule
cites its source document article by article; every number the sources do not give (weights,
thresholds, quorum) must say so (`local_default = true`), so the app can show which parts of a
recommendation rest on the committee's own choices rather than on the rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.structured import RULEBOOK_MAX_BYTES, load_structured
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief, join

RULEBOOK_FORMAT_VERSION = 1
LEVELS = (1, 2, 3, 4, 5)
MAX_QUORUM = 99  # no committee has more members; a larger quorum could never be met
MAX_VERSION = 9999
MAX_WEIGHT = 100
MAX_GAP_EXPECTED = 1000

# The five dimensions of seed 001 (荔湾: 从动机态度、客观条件、程序方法、性质程度、后果影响等5个方面综合考量).
# Their ids are fixed so that a case file can be judged under any rulebook.
DIMENSIONS: dict[str, str] = {
    "motive": "动机态度",
    "conditions": "客观条件",
    "procedure": "程序方法",
    "nature": "性质程度",
    "impact": "后果影响",
}

# What each setting is, its type and its allowed range; all are required in every rulebook.
# Numbers must also be finite (TOML allows nan and inf; a nan threshold once turned a 4.4/5 case into
# 不予容错), and lenient_threshold must stay below exempt_threshold.
SETTINGS: dict[str, tuple[str, type, float | None, float | None]] = {
    "quorum": ("计入评分的委员最少人数", int, 1, MAX_QUORUM),
    "exempt_threshold": ("予以容错免责的加权总分下限", float, 1, 5),
    "lenient_threshold": ("从轻减轻处理的加权总分下限", float, 1, 5),
    "dimension_floor": ("予以容错免责要求每个维度中位数不低于", int, 1, 5),
    "disagreement_spread": ("同一维度委员评分极差达到此值即需会商", int, 1, 4),
    "vote_rule": ("会议表决规则", str, None, None),
    "follow_up_months": ("跟踪回访期限（月）", int, 0, 120),
    "unknown_condition_blocks_exempt": ("条件未查明时不得建议予以容错免责", bool, None, None),
    "situation_required_for_exempt": ("须对应情形清单中的情形方可建议予以容错免责", bool, None, None),
}

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # rulebook, rule and checklist ids
_DOC_KINDS = {"official": "正式文件", "news_report": "新闻报道"}


@dataclass(frozen=True, slots=True)
class Document:
    key: str
    title: str  # with its book-title marks, e.g. 《抚州市容错免责办法(试行)》
    issuer: str = ""
    date: str = ""
    kind: str = "official"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    doc: str
    title: str
    article: str = ""
    item: str = ""
    note: str = ""

    def label(self) -> str:
        """How a chair reads it aloud: 《抚州市容错免责办法(试行)》第九条(七)."""
        place = f"{self.article}{self.item}"
        # A news report's title has no book-title marks; a comma keeps it apart from the place.
        text = f"{self.title}{'，' if place and not self.title.endswith('》') else ''}{place}"
        return f"{text}（{self.note}）" if self.note else text

    def to_dict(self) -> dict[str, str]:
        out = {"doc": self.doc, "article": self.article, "item": self.item}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Rule:
    """A condition, situation, exclusion, guiding question, procedure step or result-usage item."""

    id: str
    text: str
    citation: Citation
    name: str = ""
    group: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.name:
            out["name"] = self.name
        out["text"] = self.text
        out["citation"] = self.citation.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class SituationGroup:
    id: str
    title: str
    citation: Citation
    situations: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class Setting:
    """A value the committee relies on, either cited from a source or marked as a local default."""

    value: Any
    local_default: bool
    citation: Citation | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        if self.local_default:
            out["local_default"] = True
        if self.citation:
            out["citation"] = self.citation.to_dict()
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    name: str
    weight: Setting
    descriptors: tuple[str, ...]  # index 0 is level 1
    questions: tuple[Rule, ...]
    scale_local_default: bool

    def descriptor(self, level: int) -> str:
        return self.descriptors[level - 1]


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the source mentions but does not give in full; the app shows it, we do not invent it."""

    field: str
    note: str
    expected: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """跟踪回访: the visits after the decision, at these months (seed 000: a one-year follow-up).

    Where the source gives the period but not the visits, the months are the committee's choice
    (`local_default`), said in the app like every other local default."""

    visit_months: tuple[int, ...]
    local_default: bool
    citation: Citation | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class StageDeadline:
    """A rulebook's time limit for a step: the case should leave `stage` within `days` of entering it."""

    stage: str  # a Stage code (domain.case.Stage)
    days: int
    local_default: bool
    citation: Citation | None = None
    note: str = ""


DEFAULT_VISIT_INTERVAL = 3  # months between visits when a rulebook names the period only
MAX_DEADLINE_DAYS = 3650


@dataclass(frozen=True, slots=True)
class Rulebook:
    id: str
    version: int
    title: str
    jurisdiction: str
    summary: str
    documents: Mapping[str, Document]
    dimensions: tuple[Dimension, ...]
    settings: Mapping[str, Setting]
    conditions: tuple[Rule, ...]
    situation_groups: tuple[SituationGroup, ...]
    exclusions: tuple[Rule, ...]
    principles: tuple[Rule, ...] = ()
    procedure: tuple[Rule, ...] = ()
    result_usage: tuple[Rule, ...] = ()
    gaps: tuple[Gap, ...] = ()
    work_fields: tuple[str, ...] = ()  # 领域 the rulebook names (荔湾: 营商环境、城市更新…)
    bodies: tuple[str, ...] = ()  # kinds of grass-roots bodies it covers (荔湾: 街道、社区、经济联社)
    scope_citation: Citation | None = None
    follow_up: FollowUpPlan | None = None  # None: visits every DEFAULT_VISIT_INTERVAL months
    stage_deadlines: tuple[StageDeadline, ...] = ()
    source_path: str = ""
    _index: dict[str, Rule] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        """What a case records: fuzhou-2019@1."""
        return f"{self.id}@{self.version}"

    @property
    def situations(self) -> tuple[Rule, ...]:
        return tuple(s for group in self.situation_groups for s in group.situations)

    def setting(self, name: str) -> Any:
        return self.settings[name].value

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def condition_ids(self) -> set[str]:
        return {rule.id for rule in self.conditions}

    def situation_ids(self) -> set[str]:
        return {rule.id for rule in self.situations}

    def exclusion_ids(self) -> set[str]:
        return {rule.id for rule in self.exclusions}

    def rule(self, rule_id: str) -> Rule:
        return self._index[rule_id]

    def visit_plan(self) -> FollowUpPlan:
        """The follow-up visits: the rulebook's own, or one every three months over its follow-up
        period (marked as the program's local default)."""
        if self.follow_up is not None:
            return self.follow_up
        period = int(self.setting("follow_up_months"))
        months = tuple(range(DEFAULT_VISIT_INTERVAL, period + 1, DEFAULT_VISIT_INTERVAL))
        if period and (not months or months[-1] != period):
            months += (period,)
        note = f"规则库未规定回访安排：程序默认在 {period} 个月内每 {DEFAULT_VISIT_INTERVAL} 个月回访一次。"
        return FollowUpPlan(months, True, None, note)

    def deadline(self, stage_code: str) -> StageDeadline | None:
        return next((d for d in self.stage_deadlines if d.stage == stage_code), None)

    def local_defaults(self) -> list[tuple[str, Setting]]:
        """Every value that rests on the committee's choice rather than on a source (shown in the app)."""
        out = [(f"settings.{name}", s) for name, s in self.settings.items() if s.local_default]
        out.extend((f"dimensions.{d.id}.weight", d.weight) for d in self.dimensions if d.weight.local_default)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The rulebook in its file format (what `rongcuo rulebook show --json` prints)."""

        def rules(items: tuple[Rule, ...]) -> list[dict[str, Any]]:
            return [r.to_dict() for r in items]

        return {
            "format_version": RULEBOOK_FORMAT_VERSION,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "jurisdiction": self.jurisdiction,
            "summary": self.summary,
            "documents": {
                key: {
                    k: v
                    for k, v in {
                        "title": d.title,
                        "issuer": d.issuer,
                        "date": d.date,
                        "kind": d.kind,
                        "note": d.note,
                    }.items()
                    if v
                }
                for key, d in self.documents.items()
            },
            "settings": {name: s.to_dict() for name, s in self.settings.items()},
            "dimensions": [
                {
                    "id": d.id,
                    "name": d.name,
                    "weight": d.weight.to_dict(),
                    "scale_local_default": d.scale_local_default,
                    "levels": [{"level": i + 1, "descriptor": text} for i, text in enumerate(d.descriptors)],
                    "questions": rules(d.questions),
                }
                for d in self.dimensions
            ],
            "principles": rules(self.principles),
            "conditions": rules(self.conditions),
            "situation_groups": [
                {
                    "id": g.id,
                    "title": g.title,
                    "citation": g.citation.to_dict(),
                    "situations": rules(g.situations),
                }
                for g in self.situation_groups
            ],
            "exclusions": rules(self.exclusions),
            "procedure": rules(self.procedure),
            "result_usage": rules(self.result_usage),
            "gaps": [
                {k: v for k, v in {"field": g.field, "expected": g.expected, "note": g.note}.items() if v}
                for g in self.gaps
            ],
            **({"follow_up": _plan_dict(self.follow_up)} if self.follow_up else {}),
            **(
                {"stage_deadlines": [_deadline_dict(d) for d in self.stage_deadlines]}
                if self.stage_deadlines
                else {}
            ),
            **(
                {
                    "scope": {
                        "work_fields": list(self.work_fields),
                        "bodies": list(self.bodies),
                        "citation": self.scope_citation.to_dict(),
                    }
                }
                if self.scope_citation
                else {}
            ),
        }


def _sourced(
    out: dict[str, Any], local_default: bool, citation: Citation | None, note: str
) -> dict[str, Any]:
    if local_default:
        out["local_default"] = True
    if citation:
        out["citation"] = citation.to_dict()
    if note:
        out["note"] = note
    return out


def _plan_dict(plan: FollowUpPlan) -> dict[str, Any]:
    return _sourced({"visits": list(plan.visit_months)}, plan.local_default, plan.citation, plan.note)


def _deadline_dict(deadline: StageDeadline) -> dict[str, Any]:
    out = {"stage": deadline.stage, "days": deadline.days}
    return _sourced(out, deadline.local_default, deadline.citation, deadline.note)


# --- parsing -------------------------------------------------------------------------------------

_TOP_KEYS = {
    "format_version",
    "id",
    "version",
    "title",
    "jurisdiction",
    "summary",
    "documents",
    "settings",
    "dimensions",
    "principles",
    "conditions",
    "situation_groups",
    "exclusions",
    "procedure",
    "result_usage",
    "gaps",
    "scope",
    "follow_up",
    "stage_deadlines",
}
_RULE_LISTS = ("principles", "conditions", "exclusions", "procedure", "result_usage")
_REQUIRED_RULE_LISTS = {"conditions", "exclusions"}


class _Parser:
    def __init__(self, data: Any) -> None:
        self.c = Checker()
        self.data = data
        self.documents: dict[str, Document] = {}
        self.seen_ids: dict[str, str] = {}
        self.index: dict[str, Rule] = {}

    def citation(self, value: Any, path: str) -> Citation | None:
        table = self.c.table(value, path, {"doc", "article", "item", "note"})
        if table is None:
            return None
        doc = self.c.required(table, "doc", str, path)
        article = self.c.optional(table, "article", str, path, "")
        item = self.c.optional(table, "item", str, path, "")
        note = self.c.optional(table, "note", str, path, "")
        if doc is None:
            return None
        document = self.documents.get(doc)
        if document is None:
            self.c.fail(join(path, "doc"), f"documents 中没有 {brief(doc)}")
            return None
        return Citation(doc, document.title, article, item, note)

    def rule(self, value: Any, path: str, group: str = "", unique: bool = True) -> Rule | None:
        table = self.c.table(value, path, {"id", "name", "text", "citation"})
        if table is None:
            return None
        rule_id = self.c.required(table, "id", str, path)
        name = self.c.optional(table, "name", str, path, "")
        text = self.c.required(table, "text", str, path)
        citation = self.c.required(table, "citation", dict, path)
        cited = self.citation(citation, join(path, "citation")) if citation is not None else None
        if rule_id is not None:
            if not RULE_ID.fullmatch(rule_id):
                self.c.fail(join(path, "id"), f"{brief(rule_id)} 只能由小写字母、数字和连字符组成")
            elif unique and rule_id in self.seen_ids:
                self.c.fail(join(path, "id"), f"{brief(rule_id)} 与 {self.seen_ids[rule_id]} 重复")
            elif unique:
                self.seen_ids[rule_id] = path
        if rule_id is None or text is None or cited is None:
            return None
        rule = Rule(rule_id, text.strip(), cited, name, group)
        if unique:
            self.index[rule_id] = rule
        return rule

    def rules(self, data: Mapping[str, Any], key: str, required: bool) -> tuple[Rule, ...]:
        out = []
        for i, value in enumerate(self.c.items(data, key, "", required)):
            rule = self.rule(value, join(key, i))
            if rule is not None:
                out.append(rule)
        return tuple(out)

    def setting(
        self, value: Any, path: str, kind: type, low: float | None, high: float | None, label: str
    ) -> Setting | None:
        table = self.c.table(value, path, {"value", "local_default", "citation", "note"})
        if table is None:
            return None
        raw = self.c.required(table, "value", kind, path)
        local_default = self.c.optional(table, "local_default", bool, path, False)
        note = self.c.optional(table, "note", str, path, "")
        citation = None
        if "citation" in table:
            citation = self.citation(table["citation"], join(path, "citation"))
        elif not local_default:
            self.c.fail(path, "既无出处（citation）也未标明 local_default = true：来源不明的数值不能使用")
        if raw is None:
            return None
        if not self.in_range(raw, join(path, "value"), low, high, label):
            return None
        return Setting(raw, local_default, citation, note)

    def in_range(self, raw: Any, path: str, low: float | None, high: float | None, label: str) -> bool:
        """A number is finite and within [low, high]; the message names the field in words."""
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            return True  # text and true/false settings have no range
        if isinstance(raw, float) and not math.isfinite(raw):
            self.c.fail(path, f"{label}应为有限的数，实际为 {brief(raw)}（nan 和 inf 不能作为数值）")
            return False
        if (low is not None and raw < low) or (high is not None and raw > high):
            if high is None:
                bounds = f"不小于 {low:g}"
            elif low is None:
                bounds = f"不大于 {high:g}"
            else:
                bounds = f"在 {low:g} 到 {high:g} 之间"
            self.c.fail(path, f"{label}应{bounds}，实际为 {brief(raw)}")
            return False
        return True

    def parse(self) -> Rulebook:
        c = self.c
        data = c.table(self.data, "", _TOP_KEYS)
        if data is None:
            c.raise_if_any("规则库")
            raise AssertionError("unreachable")
        version_value = data.get("format_version")
        if isinstance(version_value, int) and not isinstance(version_value, bool):
            if version_value > RULEBOOK_FORMAT_VERSION:
                raise ValidationError(
                    "规则库",
                    [
                        Issue(
                            "format_version",
                            f"规则库格式版本为 {version_value}，本程序只支持到 {RULEBOOK_FORMAT_VERSION}："
                            "请升级程序后再使用此规则库",
                        )
                    ],
                )
            if version_value < 1:
                c.fail("format_version", f"应为不小于 1 的整数，实际为 {version_value}")
        else:
            c.required(data, "format_version", int, "")
        rulebook_id = c.required(data, "id", str, "")
        if rulebook_id is not None and not RULE_ID.fullmatch(rulebook_id):
            c.fail("id", f"{brief(rulebook_id)} 只能由小写字母、数字和连字符组成")
        version = c.required(data, "version", int, "")
        if version is not None and not 1 <= version <= MAX_VERSION:
            c.fail("version", f"规则库版本号应为 1 到 {MAX_VERSION} 的整数，实际为 {brief(version)}")
        title = c.required(data, "title", str, "")
        jurisdiction = c.required(data, "jurisdiction", str, "")
        summary = c.optional(data, "summary", str, "", "")

        documents = c.required(data, "documents", dict, "")
        for key, value in (documents or {}).items():
            path = join("documents", key)
            table = c.table(value, path, {"title", "issuer", "date", "kind", "note"})
            if table is None:
                continue
            doc_title = c.required(table, "title", str, path)
            kind = c.optional(table, "kind", str, path, "official")
            if kind not in _DOC_KINDS:
                c.fail(join(path, "kind"), f"应为 {' 或 '.join(_DOC_KINDS)}，实际为 {brief(kind)}")
            if doc_title is not None:
                self.documents[key] = Document(
                    key,
                    doc_title,
                    c.optional(table, "issuer", str, path, ""),
                    c.optional(table, "date", str, path, ""),
                    kind,
                    c.optional(table, "note", str, path, ""),
                )

        settings: dict[str, Setting] = {}
        settings_table = c.required(data, "settings", dict, "")
        if settings_table is not None:
            c.table(settings_table, "settings", set(SETTINGS))
            for name, (label, kind, low, high) in SETTINGS.items():
                if name not in settings_table:
                    c.fail("settings", f"缺少 {name}（{label}）")
                    continue
                parsed = self.setting(settings_table[name], join("settings", name), kind, low, high, label)
                if parsed is not None:
                    settings[name] = parsed
            lenient, exempt = settings.get("lenient_threshold"), settings.get("exempt_threshold")
            if lenient and exempt and lenient.value >= exempt.value:
                c.fail(
                    "settings.lenient_threshold.value",
                    f"从轻减轻处理的加权总分下限（{lenient.value:g}）应低于予以容错免责的下限"
                    f"（{exempt.value:g}）：否则“从轻减轻处理”一档不存在",
                )

        dimensions = self.dimensions(data)
        principles, conditions, exclusions, procedure, result_usage = (
            self.rules(data, key, key in _REQUIRED_RULE_LISTS) for key in _RULE_LISTS
        )
        groups = self.situation_groups(data)
        gaps = self.gaps(data)
        work_fields, bodies, scope_citation = self.scope(data)
        period = settings.get("follow_up_months")
        follow_up = self.follow_up(data, int(period.value) if period else None)
        deadlines = self.stage_deadlines(data)
        c.raise_if_any("规则库")
        return Rulebook(
            id=rulebook_id,
            version=version,
            title=title,
            jurisdiction=jurisdiction,
            summary=summary,
            documents=dict(self.documents),
            dimensions=dimensions,
            settings=settings,
            conditions=conditions,
            situation_groups=groups,
            exclusions=exclusions,
            principles=principles,
            procedure=procedure,
            result_usage=result_usage,
            gaps=gaps,
            work_fields=work_fields,
            bodies=bodies,
            scope_citation=scope_citation,
            follow_up=follow_up,
            stage_deadlines=deadlines,
            _index=self.index,
        )

    def dimensions(self, data: Mapping[str, Any]) -> tuple[Dimension, ...]:
        c = self.c
        out: list[Dimension] = []
        values = c.items(data, "dimensions", "")
        seen: set[str] = set()
        allowed = {"id", "name", "weight", "scale_local_default", "levels", "questions"}
        for i, value in enumerate(values):
            path = join("dimensions", i)
            table = c.table(value, path, allowed)
            if table is None:
                continue
            dim_id = c.required(table, "id", str, path)
            name = c.required(table, "name", str, path)
            if dim_id is not None:
                if dim_id not in DIMENSIONS:
                    c.fail(join(path, "id"), f"未知维度 {brief(dim_id)}，应为 {'、'.join(DIMENSIONS)} 之一")
                elif dim_id in seen:
                    c.fail(join(path, "id"), f"维度 {brief(dim_id)} 重复")
                elif name is not None and name != DIMENSIONS[dim_id]:
                    c.fail(
                        join(path, "name"),
                        f"维度 {dim_id} 的名称应为 {DIMENSIONS[dim_id]}，实际为 {brief(name)}",
                    )
                seen.add(dim_id)
            weight = None
            if "weight" in table:
                label = f"维度{DIMENSIONS.get(dim_id, '') if isinstance(dim_id, str) else ''}的权重"
                weight = self.setting(table["weight"], join(path, "weight"), float, 0, MAX_WEIGHT, label)
            else:
                c.fail(path, "缺少 weight")
            scale_local_default = c.optional(table, "scale_local_default", bool, path, False)
            descriptors = self.levels(c.items(table, "levels", path), join(path, "levels"))
            questions = []
            for j, question in enumerate(c.items(table, "questions", path, required=False)):
                rule = self.rule(question, join(join(path, "questions"), j), group=dim_id or "")
                if rule is not None:
                    questions.append(rule)
            if dim_id in DIMENSIONS and name is not None and weight is not None and descriptors is not None:
                out.append(
                    Dimension(dim_id, name, weight, descriptors, tuple(questions), scale_local_default)
                )
        missing = [d for d in DIMENSIONS if d not in seen]
        if values and missing:
            c.fail("dimensions", f"缺少维度 {'、'.join(missing)}：五个维度缺一不可")
        if out and not any(d.weight.value > 0 for d in out):
            c.fail("dimensions", "所有维度的权重都是 0：至少一个维度的权重须大于 0")
        return tuple(sorted(out, key=lambda d: list(DIMENSIONS).index(d.id)))

    def levels(self, values: list[Any], path: str) -> tuple[str, ...] | None:
        c = self.c
        by_level: dict[int, str] = {}
        before = len(c.issues)
        for i, value in enumerate(values):
            item_path = join(path, i)
            table = c.table(value, item_path, {"level", "descriptor"})
            if table is None:
                continue
            level = c.required(table, "level", int, item_path)
            if "descriptor" not in table or (
                isinstance(table["descriptor"], str) and not table["descriptor"].strip()
            ):
                c.fail(item_path, "descriptor missing（缺少等级描述）")
                descriptor = None
            else:
                descriptor = c.required(table, "descriptor", str, item_path)
            if level is None:
                continue
            if level not in LEVELS:
                c.fail(join(item_path, "level"), f"等级应为 1 到 5 的整数，实际为 {level}")
            elif level in by_level:
                c.fail(join(item_path, "level"), f"等级 {level} 重复")
            elif descriptor is not None:
                by_level[level] = descriptor
        if len(c.issues) == before:
            missing = [str(level) for level in LEVELS if level not in by_level]
            if missing:
                c.fail(path, f"缺少等级 {'、'.join(missing)}：1 到 5 级每级都要有描述")
                return None
            return tuple(by_level[level].strip() for level in LEVELS)
        return None

    def situation_groups(self, data: Mapping[str, Any]) -> tuple[SituationGroup, ...]:
        c = self.c
        out = []
        for i, value in enumerate(c.items(data, "situation_groups", "", required=False)):
            path = join("situation_groups", i)
            table = c.table(value, path, {"id", "title", "citation", "situations"})
            if table is None:
                continue
            group_id = c.required(table, "id", str, path)
            title = c.required(table, "title", str, path)
            citation_value = c.required(table, "citation", dict, path)
            citation = self.citation(citation_value, join(path, "citation")) if citation_value else None
            situations = []
            for j, item in enumerate(c.items(table, "situations", path)):
                rule = self.rule(item, join(join(path, "situations"), j), group=group_id or "")
                if rule is not None:
                    situations.append(rule)
            if group_id and title and citation:
                out.append(SituationGroup(group_id, title, citation, tuple(situations)))
        return tuple(out)

    def scope(self, data: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], Citation | None]:
        c = self.c
        if "scope" not in data:
            return (), (), None
        table = c.table(data["scope"], "scope", {"work_fields", "bodies", "citation"})
        if table is None:
            return (), (), None
        lists = []
        for key in ("work_fields", "bodies"):
            values = c.items(table, key, "scope", required=False)
            lists.append(tuple(v for i, v in enumerate(values) if c.is_type(v, str, join(f"scope.{key}", i))))
        citation_value = c.required(table, "citation", dict, "scope")
        citation = self.citation(citation_value, "scope.citation") if citation_value is not None else None
        return lists[0], lists[1], citation

    def sourced(self, table: Mapping[str, Any], path: str) -> tuple[bool, Citation | None, str] | None:
        """`local_default`, `citation` and `note` of a table; None (recorded) when it has neither a
        citation nor `local_default = true` (as for settings: a number with no source is refused)."""
        c = self.c
        local_default = c.optional(table, "local_default", bool, path, False)
        note = c.optional(table, "note", str, path, "")
        citation = None
        if "citation" in table:
            citation = self.citation(table["citation"], join(path, "citation"))
        elif not local_default:
            c.fail(path, "既无出处（citation）也未标明 local_default = true：来源不明的数值不能使用")
            return None
        return local_default, citation, note

    def follow_up(self, data: Mapping[str, Any], period: int | None) -> FollowUpPlan | None:
        """`follow_up = { visits = [3, 6, 12], … }`: months after the decision, rising, within the
        follow-up period (settings.follow_up_months)."""
        c = self.c
        if "follow_up" not in data:
            return None
        table = c.table(data["follow_up"], "follow_up", {"visits", "local_default", "citation", "note"})
        if table is None:
            return None
        sourced = self.sourced(table, "follow_up")
        months: list[int] = []
        label = "回访时间（认定后第几个月）"
        for i, value in enumerate(c.items(table, "visits", "follow_up")):
            item = join("follow_up.visits", i)
            if not c.is_type(value, int, item) or not self.in_range(value, item, 1, 120, label):
                continue
            if months and value <= months[-1]:
                c.fail(item, f"{label}应逐次增大，{value} 不大于前一次的 {months[-1]}")
            elif period is not None and value > period:
                c.fail(item, f"{label} {value} 超出跟踪回访期限（{period} 个月，settings.follow_up_months）")
            else:
                months.append(value)
        if sourced is None:
            return None
        return FollowUpPlan(tuple(months), *sourced)

    def stage_deadlines(self, data: Mapping[str, Any]) -> tuple[StageDeadline, ...]:
        """`[[stage_deadlines]] stage = "investigation", days = 30, …`: a time limit per step."""
        from rongcuo_desktop.domain.case import Stage

        c = self.c
        out: list[StageDeadline] = []
        seen: set[str] = set()
        for i, value in enumerate(c.items(data, "stage_deadlines", "", required=False)):
            path = join("stage_deadlines", i)
            table = c.table(value, path, {"stage", "days", "local_default", "citation", "note"})
            if table is None:
                continue
            raw_stage = c.required(table, "stage", str, path)
            days = c.required(table, "days", int, path)
            sourced = self.sourced(table, path)
            stage = None
            if raw_stage is not None:
                try:
                    stage = Stage.from_code_or_label(raw_stage)
                except ValueError:
                    names = "、".join(f"{s.value}（{s.label}）" for s in Stage)
                    c.fail(join(path, "stage"), f"未知的阶段 {brief(raw_stage)}，应为 {names} 之一")
                if stage in (Stage.CLOSED, Stage.REJECTED):
                    c.fail(join(path, "stage"), f"“{stage.label}”是案件的终点，没有期限")
                    stage = None
                elif stage is not None and stage.value in seen:
                    c.fail(join(path, "stage"), f"阶段 {stage.value} 的期限重复")
                    stage = None
            if days is not None and not self.in_range(
                days, join(path, "days"), 1, MAX_DEADLINE_DAYS, "阶段期限（天）"
            ):
                days = None
            if stage is not None and days is not None and sourced is not None:
                seen.add(stage.value)
                out.append(StageDeadline(stage.value, days, *sourced))
        return tuple(out)

    def gaps(self, data: Mapping[str, Any]) -> tuple[Gap, ...]:
        c = self.c
        out = []
        for i, value in enumerate(c.items(data, "gaps", "", required=False)):
            path = join("gaps", i)
            table = c.table(value, path, {"field", "expected", "note"})
            if table is None:
                continue
            field_name = c.required(table, "field", str, path)
            note = c.required(table, "note", str, path)
            expected = c.optional(table, "expected", int, path, None)
            if expected is not None and not self.in_range(
                expected, join(path, "expected"), 0, MAX_GAP_EXPECTED, "原文缺项的应有条数"
            ):
                expected = None
            if field_name and note:
                out.append(Gap(field_name, note, expected))
        return tuple(out)


def parse_rulebook(data: Any, source: str = "") -> Rulebook:
    """Check loosely typed data and build a Rulebook, or raise ValidationError listing every problem."""
    try:
        rulebook = _Parser(data).parse()
    except ValidationError as error:
        raise ValidationError(error.what, _with_words(error.issues)) from None
    if source:
        object.__setattr__(rulebook, "source_path", source)
    return rulebook


def field_words(path: str) -> str:
    """A rulebook field in words (`settings.exempt_threshold.value` -> 予以容错免责的加权总分下限), or ""."""
    setting = re.fullmatch(r"settings\.(\w+)(?:\.value)?", path)
    if setting and setting.group(1) in SETTINGS:
        return SETTINGS[setting.group(1)][0]
    if re.fullmatch(r"dimensions\[\d+\]\.weight(?:\.value)?", path):
        return "维度的权重"
    if re.fullmatch(r"gaps\[\d+\]\.expected", path):
        return "原文缺项的应有条数"
    return {"version": "规则库版本号", "format_version": "规则库格式版本"}.get(path, "")


def load_rulebook(path: str | Path) -> Rulebook:
    """A rulebook file (TOML, or JSON by suffix), read within the safe reader's limits and checked."""
    path = Path(path)
    what = f"规则库 {path.name}"
    try:
        data = load_structured(path, what, max_bytes=RULEBOOK_MAX_BYTES)
    except ValidationError as error:
        # The reader refuses nan, inf and huge numbers knowing only the path: add what the field is.
        raise ValidationError(what, _with_words(error.issues)) from None
    try:
        return parse_rulebook(data, source=str(path))
    except ValidationError as error:
        raise ValidationError(what, error.issues) from None  # the message names the file


def _with_words(issues: list[Issue]) -> list[Issue]:
    """Each number's problem names its field in words too, unless the message already does."""
    out = []
    for issue in issues:
        words = field_words(issue.path)
        named = words and words not in issue.message
        out.append(Issue(issue.path, f"{words}：{issue.message}") if named else issue)
    return out


def rulebook_files(directory: Path) -> list[Path]:
    """The rulebook files of a folder. The domain knows no install paths: the caller names the folder
    (the shipped one is store.rulebooks.SHIPPED, found by rongcuo_desktop.paths)."""
    return sorted(p for p in directory.iterdir() if p.suffix.lower() in (".toml", ".json") and p.is_file())


def iter_rulebooks(directory: Path) -> Iterator[Rulebook]:
    """Every shipped rulebook; a broken one raises (shipped files are checked by the tests)."""
    for path in rulebook_files(directory):
        yield load_rulebook(path)


def find_rulebook(name: str, directory: Path) -> Rulebook:
    """A rulebook by file path, by id (`fuzhou-2019`) or by id and version (`fuzhou-2019@1`)."""
    candidate = Path(name)
    if candidate.suffix.lower() in (".toml", ".json") and candidate.is_file():
        return load_rulebook(candidate)
    wanted_id, _, wanted_version = name.partition("@")
    matches = [rb for rb in iter_rulebooks(directory) if rb.id == wanted_id]
    if wanted_version:
        matches = [rb for rb in matches if str(rb.version) == wanted_version]
    if not matches:
        known = "、".join(rb.key for rb in iter_rulebooks(directory)) or "（无）"
        raise ValidationError("规则库", [Issue("rulebook", f"找不到规则库 {brief(name)}；现有：{known}")])
    return max(matches, key=lambda rb: rb.version)
