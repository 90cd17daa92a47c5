"""Translated labels of the case file's terms (record choices, the steps of each case type).

The domain keeps its Chinese labels; the window shows them through Qt's translation, with the enum's
class name (or "Step" for a step's name) as context. This table only marks them for pyside6-lupdate;
a test checks it lists every member, so a new choice cannot reach an English UI untranslated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rongcuo_desktop.domain.case import CaseType, Stage
from rongcuo_desktop.domain.procedure import step_label

MARKED: tuple[tuple[str, object], ...] = (
    ("ClearanceFinding", QT_TRANSLATE_NOOP("ClearanceFinding", "反映失实")),
    ("ClearanceFinding", QT_TRANSLATE_NOOP("ClearanceFinding", "部分属实但不构成追究纪律责任")),
    ("ClearanceFinding", QT_TRANSLATE_NOOP("ClearanceFinding", "反映属实")),
    ("HearingKind", QT_TRANSLATE_NOOP("HearingKind", "听证")),
    ("HearingKind", QT_TRANSLATE_NOOP("HearingKind", "会商研判")),
    ("FeedbackTo", QT_TRANSLATE_NOOP("FeedbackTo", "申请单位")),
    ("FeedbackTo", QT_TRANSLATE_NOOP("FeedbackTo", "当事人")),
    ("DisclosureMethod", QT_TRANSLATE_NOOP("DisclosureMethod", "召开会议")),
    ("DisclosureMethod", QT_TRANSLATE_NOOP("DisclosureMethod", "书面通报")),
    ("DisclosureMethod", QT_TRANSLATE_NOOP("DisclosureMethod", "谈心谈话")),
    ("ClearingMethod", QT_TRANSLATE_NOOP("ClearingMethod", "书面澄清")),
    ("ClearingMethod", QT_TRANSLATE_NOOP("ClearingMethod", "会议澄清")),
    ("ClearingMethod", QT_TRANSLATE_NOOP("ClearingMethod", "通报澄清")),
    ("FourForms", QT_TRANSLATE_NOOP("FourForms", "第一种形态")),
    ("FourForms", QT_TRANSLATE_NOOP("FourForms", "第二种形态")),
    ("FourForms", QT_TRANSLATE_NOOP("FourForms", "第三种形态")),
    ("FourForms", QT_TRANSLATE_NOOP("FourForms", "第四种形态")),
    ("ConditionStatus", QT_TRANSLATE_NOOP("ConditionStatus", "符合")),
    ("ConditionStatus", QT_TRANSLATE_NOOP("ConditionStatus", "不符合")),
    ("ConditionStatus", QT_TRANSLATE_NOOP("ConditionStatus", "未查明")),
    ("ExclusionStatus", QT_TRANSLATE_NOOP("ExclusionStatus", "已查实")),
    ("ExclusionStatus", QT_TRANSLATE_NOOP("ExclusionStatus", "经核查不存在")),
    ("ExclusionStatus", QT_TRANSLATE_NOOP("ExclusionStatus", "未核查")),
    ("MemberRole", QT_TRANSLATE_NOOP("MemberRole", "固定成员")),
    ("MemberRole", QT_TRANSLATE_NOOP("MemberRole", "非固定成员")),
    # The steps a case type names differently from the stage list (domain/procedure._STEP_LABELS).
    ("Step", QT_TRANSLATE_NOOP("Step", "反映 / 申请")),
    ("Step", QT_TRANSLATE_NOOP("Step", "核查核实")),
    ("Step", QT_TRANSLATE_NOOP("Step", "核查结论")),
    ("Step", QT_TRANSLATE_NOOP("Step", "澄清正名")),
    ("Step", QT_TRANSLATE_NOOP("Step", "备案申请")),
    ("Step", QT_TRANSLATE_NOOP("Step", "登记备案")),
    ("Step", QT_TRANSLATE_NOOP("Step", "不予备案")),
    ("Step", QT_TRANSLATE_NOOP("Step", "备案存档")),
)


def step_text(case_type: CaseType, stage: Stage) -> str:
    """A step's name for its case type, translated (a stage's own name comes from the Stage table)."""
    text = step_label(case_type, stage)
    if text == stage.label:
        return QCoreApplication.translate("Stage", text)
    return QCoreApplication.translate("Step", text)
