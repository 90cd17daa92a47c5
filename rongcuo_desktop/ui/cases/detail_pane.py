"""The read-only pane beside the case list: every field of the selected case.

It gets a plain domain Case (fetched on the database worker), never a session or ORM object.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.ui.labels import label


class DetailPane(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setMinimumWidth(260)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        self.title = QLabel(self.tr("未选择案件"), body)
        self.title.setObjectName("titleLabel")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("case_type", self.tr("类型")),
            ("party_name", self.tr("当事人")),
            ("party_unit", self.tr("单位")),
            ("party_position", self.tr("职务")),
            ("applicant_type", self.tr("申请人")),
            ("work_field", self.tr("领域")),
            ("stage", self.tr("阶段")),
            ("applied_on", self.tr("申请日期")),
            ("conclusion", self.tr("结论")),
            ("decided_on", self.tr("认定日期")),
            ("accountability_matter", self.tr("问责事项")),
            ("claimed_situation", self.tr("所称情形")),
        ):
            value = QLabel("", body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            key_label = QLabel(self.tr("%1：").replace("%1", caption), body)
            key_label.setProperty("class", "detailKey")
            form.addRow(key_label, value)
            self.fields[key] = value
        facts_caption = QLabel(self.tr("事实经过："), body)
        facts_caption.setProperty("class", "detailKey")
        layout.addWidget(facts_caption)
        self.facts = QPlainTextEdit(body)
        self.facts.setReadOnly(True)
        self.facts.setMinimumHeight(120)
        layout.addWidget(self.facts, 1)
        self.show_case(None)

    def show_case(self, case: Case | None) -> None:
        if case is None:
            self.title.setText(self.tr("未选择案件"))
            for widget in self.fields.values():
                widget.clear()
            self.facts.clear()
            return
        self.title.setText(case.doc_no)
        values = {
            "case_type": label(case.case_type),
            "party_name": case.party_name,
            "party_unit": case.party_unit,
            "party_position": case.party_position,
            "applicant_type": label(case.applicant_type),
            "work_field": case.work_field,
            "stage": label(case.stage),
            "applied_on": case.applied_on.isoformat(),
            "conclusion": label(case.conclusion) if case.conclusion else self.tr("尚未认定"),
            "decided_on": case.decided_on.isoformat() if case.decided_on else "",
            "accountability_matter": case.accountability_matter,
            "claimed_situation": case.claimed_situation,
        }
        for key, widget in self.fields.items():
            widget.setText(values[key])
        self.facts.setPlainText(case.facts)

    @property
    def shown_doc_no(self) -> str:
        return self.title.text()
