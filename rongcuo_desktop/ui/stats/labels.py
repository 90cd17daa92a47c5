"""The statistics' words as the UI shows them (translatable): the breakdowns, the column headers and
the row labels. The domain's labels are Chinese; stages, conclusions and types translate through
ui/labels.py's contexts, a field is the committee's own text and stays as typed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rongcuo_desktop.domain.stats import NO_FIELD, OTHERS, UNDECIDED, Breakdown, Row
from rongcuo_desktop.ui.labels import label_text

HEADINGS: dict[Breakdown, object] = {
    Breakdown.STAGE: QT_TRANSLATE_NOOP("Stats", "按阶段"),
    Breakdown.CONCLUSION: QT_TRANSLATE_NOOP("Stats", "按认定结论"),
    Breakdown.FIELD: QT_TRANSLATE_NOOP("Stats", "按领域"),
    Breakdown.YEAR: QT_TRANSLATE_NOOP("Stats", "按申请年度"),
    Breakdown.CASE_TYPE: QT_TRANSLATE_NOOP("Stats", "按案件类型"),
    Breakdown.STAGE_DAYS: QT_TRANSLATE_NOOP("Stats", "各阶段平均用时"),
}
WORDS: dict[str, object] = {
    UNDECIDED: QT_TRANSLATE_NOOP("Stats", "尚未认定"),
    NO_FIELD: QT_TRANSLATE_NOOP("Stats", "（未填领域）"),
    OTHERS: QT_TRANSLATE_NOOP("Stats", "其他"),
    "申请至认定（全程）": QT_TRANSLATE_NOOP("Stats", "申请至认定（全程）"),
}
_CONTEXTS = {Breakdown.STAGE: "Stage", Breakdown.CONCLUSION: "Conclusion", Breakdown.CASE_TYPE: "CaseType"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Stats", text)


def heading(breakdown: Breakdown) -> str:
    return tr(str(HEADINGS[breakdown]))


def word(chinese: str) -> str:
    """A label of the domain: one of WORDS in this context, else a stage's (the days' lines)."""
    return tr(chinese) if chinese in WORDS else label_text("Stage", chinese)


def row_label(breakdown: Breakdown, row: Row) -> str:
    if row.label in WORDS:
        return tr(row.label)
    if breakdown is Breakdown.YEAR:
        return QCoreApplication.translate("Stats", "%1 年").replace("%1", row.key)
    context = _CONTEXTS.get(breakdown)
    return label_text(context, row.label) if context else row.label


def conclusion_columns() -> list[str]:
    from rongcuo_desktop.domain.stats import CONCLUSION_COLUMNS

    return [tr(c) if c in WORDS else label_text("Conclusion", c) for c in CONCLUSION_COLUMNS]
