"""The case window's later sections: 认定与运用 (the decision as recorded, the 四种形态 of a lighter
handling, seed 002 第十四条's result usage), 反馈与公开, 备案与回访, 澄清正名, 关联与典型."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QListWidgetItem, QTreeWidgetItem

from rongcuo_desktop.domain.case import CaseType, Conclusion
from rongcuo_desktop.domain.casework import (
    Clearance,
    ClearingMethod,
    Disclosure,
    EvidenceLink,
    Feedback,
    Filing,
    FourForms,
    LenientHandling,
    ResultUsage,
    TypicalMark,
    Visit,
    mask_names,
)
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import chosen, pydate, qdate, show_enum
from rongcuo_desktop.ui.casefile.section_part import SectionPart, excerpt, html_of, rows, select_last
from rongcuo_desktop.ui.labels import label


class OutcomeSection(SectionPart):
    """认定与运用, 反馈与公开, 备案与回访, 澄清正名, 关联与典型."""

    def fill_decision(self, view: ops.CaseView, editor: bool) -> None:
        case = view.file.case
        record = view.record
        parts: list[tuple[str, str]] = []
        if case.conclusion is None:
            parts.append((self.tr("认定结论"), self.tr("尚未认定。委员评分、会议认定由主任记录。")))
        else:
            parts.append((self.tr("认定结论"), label(case.conclusion)))
            parts.append((self.tr("认定日期"), case.decided_on.isoformat() if case.decided_on else ""))
            decision = record.decision if record is not None else None
            if decision is not None:
                parts.append((self.tr("记录人"), decision.recorded_by or self.tr("（导入的认定记录）")))
                if decision.recommendation is not None:
                    parts.append((self.tr("当时的研判建议"), label(decision.recommendation)))
                parts.append((self.tr("说明"), decision.note))
        if record is not None:
            counted = sum(1 for m in record.members if not m.recused and m.complete)
            parts.append((self.tr("已完成评分的委员"), str(counted)))
        self.ui.decisionView.setHtml(html_of(parts))
        lenient = case.conclusion is Conclusion.LENIENT
        self.ui.lenientGroup.setVisible(lenient)
        handling = view.file.one("lenient")
        if isinstance(handling, LenientHandling):
            show_enum(self.ui.formCombo, handling.form)
            self.ui.measureEdit.setPlainText(handling.measure)
        for widget in (self.ui.formCombo, self.ui.measureEdit, self.ui.saveLenientButton):
            widget.setEnabled(editor)
        self._fill_usage(view, editor)

    def _fill_usage(self, view: ops.CaseView, editor: bool) -> None:
        usage_list = self.ui.usageList
        usage_list.clear()
        rulebook = view.rulebook
        tolerated = view.file.case.conclusion in (Conclusion.EXEMPT, Conclusion.LENIENT)
        self.ui.usageGroup.setVisible(rulebook is not None and bool(rulebook.result_usage))
        if rulebook is None:
            return
        current = view.file.one("result_usage")
        chosen = set(current.areas) if isinstance(current, ResultUsage) else set()
        for rule in rulebook.result_usage:
            item = QListWidgetItem(f"{rule.text}（{rule.citation.label()}）", usage_list)
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.id in chosen else Qt.CheckState.Unchecked)
        usage_list.setWordWrap(True)
        if isinstance(current, ResultUsage):
            self.ui.usageNoteEdit.setText(current.note)
        for widget in (usage_list, self.ui.usageNoteEdit, self.ui.saveUsageButton):
            widget.setEnabled(editor and tolerated)

    def save_lenient(self) -> None:
        self._call(
            casework.add,
            LenientHandling(
                chosen(self.ui.formCombo, FourForms) or FourForms.FIRST, self.ui.measureEdit.toPlainText()
            ),
        )

    def save_usage(self) -> None:
        usage_list = self.ui.usageList
        areas = tuple(
            str(usage_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(usage_list.count())
            if usage_list.item(i).checkState() == Qt.CheckState.Checked
        )
        self._call(casework.add, ResultUsage(areas, self.ui.usageNoteEdit.text()))

    def fill_feedback(self, view: ops.CaseView) -> None:
        rows(
            self.ui.feedbackTree,
            [
                (label(r.recipient), r.sent_on.isoformat(), r.method, excerpt(r.note))
                for r in self._of(Feedback)
            ],
            self._seqs("feedback"),
        )
        rows(
            self.ui.disclosureTree,
            [(r.disclosed_on.isoformat(), r.scope, label(r.method)) for r in self._of(Disclosure)],
            self._seqs("disclosure"),
        )
        self.ui.disclosureView.clear()
        select_last(self.ui.disclosureTree)

    def show_disclosure(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        record = self._record_at("disclosure", item)
        self.ui.disclosureView.setPlainText(record.text if isinstance(record, Disclosure) else "")

    def fill_follow_up(self, view: ops.CaseView, editor: bool) -> None:
        filing = view.file.one("filing")
        if isinstance(filing, Filing):
            self.ui.filingNumberEdit.setText(filing.number)
            self.ui.filingDateEdit.setDate(qdate(filing.filed_on))
            self.ui.filingToEdit.setText(filing.to_whom)
        else:
            self.ui.filingDateEdit.setDate(QDate.currentDate())
        self.ui.filingDateEdit.setMaximumDate(QDate.currentDate())
        for widget in (
            self.ui.filingNumberEdit,
            self.ui.filingDateEdit,
            self.ui.filingToEdit,
            self.ui.saveFilingButton,
        ):
            widget.setEnabled(editor and view.file.progress.decided)
        visits_done = {r.visit_no: r for r in self._of(Visit)}
        today = dt.date.today()
        table = []
        for planned in view.file.visits:
            done = visits_done.get(planned.visit_no)
            if done is not None:
                state = self.tr("已回访")
            elif planned.overdue(today):
                state = self.tr("已逾期")
            else:
                state = self.tr("待回访")
            table.append(
                (
                    self.tr("第 %1 次").replace("%1", str(planned.visit_no)),
                    planned.due_on.isoformat(),
                    done.visited_on.isoformat() if done else "",
                    done.visitors if done else "",
                    state,
                )
            )
        rows(self.ui.visitsTree, table, [p.visit_no for p in view.file.visits])
        for i in range(self.ui.visitsTree.topLevelItemCount()):
            item = self.ui.visitsTree.topLevelItem(i)
            if item is not None and item.text(4) == self.tr("已逾期"):
                item.setForeground(4, Qt.GlobalColor.darkRed)
        if view.file.visits:
            plan = self.tr("回访计划：认定后第 %1 个月").replace(
                "%1", "、".join(str(v.month) for v in view.file.visits)
            )
            self.ui.planLabel.setText(f"{plan}。{view.file.plan_note}")
        elif view.file.progress.decided and not view.file.progress.follow_up_applies:
            self.ui.planLabel.setText(self.tr("本案的结论不进行跟踪回访。"))
        else:
            self.ui.planLabel.setText(self.tr("认定后按规则库的回访计划列出各次回访。"))
        self.ui.visitView.clear()
        done = [i for i, p in enumerate(view.file.visits) if p.visit_no in visits_done]
        if done:  # the latest visit's record is shown below the plan
            self.ui.visitsTree.setCurrentItem(self.ui.visitsTree.topLevelItem(done[-1]))

    def show_visit(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        number = item.data(0, Qt.ItemDataRole.UserRole)
        record = next((r for r in self._of(Visit) if r.visit_no == number), None)
        if record is None:
            self.ui.visitView.clear()
        else:
            self.ui.visitView.setHtml(
                html_of([(self.tr("回访方式"), record.form), (self.tr("回访情况"), record.notes)])
            )

    def save_filing(self) -> None:
        ui = self.ui
        self._call(
            casework.add,
            Filing(ui.filingNumberEdit.text(), pydate(ui.filingDateEdit.date()), ui.filingToEdit.text()),
        )

    def fill_clearance(self, view: ops.CaseView, editor: bool) -> None:
        record = view.file.one("clearance")
        ui = self.ui
        if isinstance(record, Clearance):
            show_enum(ui.findingCombo, record.finding)
            if record.found_on:
                ui.foundDateEdit.setDate(qdate(record.found_on))
            ui.wishesEdit.setPlainText(record.wishes)
            ui.clearanceNoteEdit.setPlainText(record.note)
            for method, box in self._method_boxes():
                box.setChecked(method in record.methods)
        else:
            ui.foundDateEdit.setDate(QDate.currentDate())
        for widget in (
            ui.findingCombo,
            ui.foundDateEdit,
            ui.wishesEdit,
            ui.clearanceNoteEdit,
            ui.saveClearanceButton,
        ):
            widget.setEnabled(editor)
        for _method, box in self._method_boxes():
            box.setEnabled(editor)

    def _method_boxes(self) -> list[tuple[ClearingMethod, Any]]:
        ui = self.ui
        return [
            (ClearingMethod.LETTER, ui.letterCheck),
            (ClearingMethod.MEETING, ui.meetingCheck),
            (ClearingMethod.CIRCULAR, ui.circularCheck),
        ]

    def save_clearance(self) -> None:
        ui = self.ui
        finding = chosen(ui.findingCombo, ClearanceFinding)
        record = Clearance(
            finding,
            pydate(ui.foundDateEdit.date()) if finding is not None else None,
            ui.wishesEdit.toPlainText(),
            tuple(method for method, box in self._method_boxes() if box.isChecked()),
            ui.clearanceNoteEdit.toPlainText(),
        )
        self._call(casework.add, record)

    def fill_links(self, view: ops.CaseView, editor: bool) -> None:
        names = {i: (doc_no, unit) for i, doc_no, unit, _stage in view.pre_filings}
        links = self._of(EvidenceLink)
        rows(
            self.ui.evidenceTree,
            [(*names.get(r.pre_filing_id, (f"#{r.pre_filing_id}", "")), excerpt(r.note)) for r in links],
            self._seqs("evidence_link"),
        )
        linked = {r.pre_filing_id for r in links}
        self.ui.preFilingCombo.clear()
        for case_id, doc_no, unit, _stage in view.pre_filings:
            if case_id not in linked and case_id != view.file.case.id:
                self.ui.preFilingCombo.addItem(f"{doc_no}　{unit}", case_id)
        self.ui.preFilingCombo.setEnabled(editor and self.ui.preFilingCombo.count() > 0)
        self.ui.linkButton.setEnabled(editor and self.ui.preFilingCombo.count() > 0)
        self.ui.evidenceGroup.setVisible(view.file.case.case_type is not CaseType.PRE_FILING)
        mark = view.file.one("typical")
        decided = view.file.case.conclusion is not None
        if isinstance(mark, TypicalMark):
            self.ui.typicalState.setText(
                self.tr("已于 %1 列为典型案例。").replace("%1", mark.marked_on.isoformat())
            )
            self.ui.typicalSummaryEdit.setPlainText(mark.summary)
        else:
            self.ui.typicalState.setText(
                self.tr("已认定的案件可列为典型案例，供以后情形相同的案件参照（姓名须隐去）。")
                if decided
                else self.tr("认定后可列为典型案例。")
            )
        for widget in (self.ui.typicalSummaryEdit, self.ui.maskButton, self.ui.markTypicalButton):
            widget.setEnabled(editor and decided)
        rows(
            self.ui.similarTree,
            [
                (t.sketch.doc_no, t.masked_name, t.sketch.work_field, label(t.sketch.conclusion))
                for t in view.similar
            ],
        )

    def link_pre_filing(self) -> None:
        case_id = self.ui.preFilingCombo.currentData()
        if case_id is not None:
            self._call(casework.add, EvidenceLink(int(case_id), self.tr("事前备案，作为证据")))

    def mask_summary(self) -> None:
        if self.view is not None:
            edit = self.ui.typicalSummaryEdit
            text = edit.toPlainText() or self.view.file.case.facts
            edit.setPlainText(mask_names(text, [self.view.file.case.party_name]))

    def mark_typical(self) -> None:
        self._call(casework.add, TypicalMark(self.ui.typicalSummaryEdit.toPlainText(), dt.date.today()))
