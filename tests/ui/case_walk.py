"""A case walked through the GUI as a secretary does it: registered in 登记新案件…, accepted, investigated,
its committee seated (a recusal recorded), heard, then -- after the 主任's decision -- fed back,
disclosed with names masked, its result usage chosen, filed, visited, and marked typical; a 事前备案
registered and linked as evidence. Shared by the walk test and the screenshot script; `wait_until`
is qtbot.waitUntil there, an event pump here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from rongcuo_desktop.domain.case import ApplicantType, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.shell.features import WindowFeatures

D = dt.date
MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]
PINS = {"王主任": "111186", "李秘书": "222286", **{n: f"{3000 + i}86" for i, n in enumerate(MEMBERS)}}
Wait = Callable[[Callable[[], object]], None]
OK = QDialogButtonBox.StandardButton.Ok


def people(folder: Path, key: bytes) -> Store:
    """A new store with a 主任, a 秘书 and six members."""
    store = Store.create(folder, key)
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    chair = store.authenticate("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=chair)
    for name in MEMBERS:
        store.accounts.add(name, Role.MEMBER, PINS[name], by=chair)
    return store


def qd(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


@dataclass
class Walk:
    features: WindowFeatures
    store: Store
    wait_until: Wait

    def register(self, case_type: CaseType, doc_no: str, party: str, unit: str, matter: str) -> QWidget:
        """登记新案件…: the form filled and registered; the case window it opens."""
        dialog = self.features.casefile.new_case()
        ui = dialog.ui  # type: ignore[attr-defined]
        ui.typeCombo.setCurrentIndex(ui.typeCombo.findData(case_type.value))
        ui.applicantCombo.setCurrentIndex(ui.applicantCombo.findData(ApplicantType.UNIT.value))
        ui.docNoEdit.setText(doc_no)
        ui.partyEdit.setText(party)
        ui.unitEdit.setText(unit)
        ui.positionEdit.setText("科长")
        ui.fieldCombo.setEditText("行政审批")
        ui.appliedDateEdit.setDate(qd(D(2025, 1, 12)))
        ui.matterEdit.setPlainText(matter)
        ui.factsEdit.setPlainText(
            f"{party}在推进重大产业项目建设中提出分步容缺审批方案，项目提前三个月开工。"
        )
        for i in range(min(1, ui.situationsList.count())):
            ui.situationsList.item(i).setCheckState(Qt.CheckState.Checked)
        windows = self.features.casefile.windows
        before = set(windows)
        ui.buttonBox.button(OK).click()
        self.wait_until(lambda: set(windows) - before)
        window = windows[next(iter(set(windows) - before))]
        self.wait_until(lambda: window.view is not None)  # type: ignore[attr-defined]
        return window

    def move(self, window: QWidget, stage: Stage, on: dt.date, *, reason: str = "", note: str = "") -> None:
        """推进阶段…: the step's dialog filled and confirmed; the window read again."""
        action = window.move_menu.findChild(QAction, f"moveTo_{stage.value}")  # type: ignore[attr-defined]
        assert action is not None, f"{stage} is not offered"
        action.trigger()
        dialog = window.dialog  # type: ignore[attr-defined]
        dialog.ui.dateEdit.setDate(qd(on))
        if reason:
            dialog.ui.reasonEdit.setPlainText(reason)
        if note:
            dialog.ui.noteEdit.setPlainText(note)
        assert dialog.ui.buttonBox.button(OK).isEnabled(), dialog.ui.missingLabel.text()
        dialog.ui.buttonBox.button(OK).click()
        self.wait_until(lambda: window.view.file.case.stage is stage)  # type: ignore[attr-defined]

    def record(self, window: QWidget, section: str, button: str, fill: Callable[[object], None]) -> None:
        """A section's 记录… button, its dialog filled and saved; the window read again."""
        window.show_section(section)  # type: ignore[attr-defined]
        count = len(window.view.file.entries)  # type: ignore[attr-defined]
        getattr(window.ui, button).click()  # type: ignore[attr-defined]
        dialog = window.dialog  # type: ignore[attr-defined]
        fill(dialog.ui)
        dialog.ui.buttonBox.button(OK).click()
        self.wait_until(lambda: len(window.view.file.entries) > count)  # type: ignore[attr-defined]

    def changed(self, window: QWidget, act: Callable[[], object]) -> None:
        """Something in a section that writes to the store; waits until the case was read again."""
        before = window.view  # type: ignore[attr-defined]
        act()
        self.wait_until(lambda: window.view is not before)  # type: ignore[attr-defined]

    def tolerance_case(self) -> QWidget:
        w = self.register(
            CaseType.TOLERANCE, "容错〔2025〕3号", "谢明华", "某区行政审批局", "容缺办理人防事项审查"
        )
        ui = w.ui  # type: ignore[attr-defined]
        self.move(w, Stage.ACCEPTED, D(2025, 1, 15), note="材料齐全，予以受理。")

        def investigation(d: object) -> None:
            d.heldDateEdit.setDate(qd(D(2025, 2, 1)))  # type: ignore[attr-defined]
            d.investigatorsEdit.setText("王某、李某")  # type: ignore[attr-defined]
            d.findingsEdit.setPlainText("查明属实：方案经局务会集体研究，未谋取私利。")  # type: ignore[attr-defined]
            d.unitOpinionEdit.setPlainText("出于公心，积极作为。")  # type: ignore[attr-defined]
            d.statementEdit.setPlainText("本人如实陈述了决策经过。")  # type: ignore[attr-defined]

        self.record(w, "investigationTab", "addInvestigationButton", investigation)
        w.show_section("checklistTab")  # type: ignore[attr-defined]
        condition = ui.checklistTree.topLevelItem(0).child(0)
        status = ui.checklistTree.itemWidget(condition, 1)
        status.setCurrentIndex(status.findText("符合"))
        condition.setText(3, "见调查核实记录")
        self.changed(w, ui.saveChecklistButton.click)
        w.show_section("committeeTab")  # type: ignore[attr-defined]
        for name in MEMBERS[:5]:
            ui.memberCombo.setCurrentIndex(ui.memberCombo.findData(name))
            self.changed(w, ui.addFixedButton.click)
        ui.memberCombo.setCurrentIndex(ui.memberCombo.findData(MEMBERS[5]))
        ui.expertProfileButton.click()
        answer = w.dialog  # type: ignore[attr-defined]
        answer.setTextValue("行政审批")
        self.changed(w, answer.accept)
        self.changed(w, ui.addExpertButton.click)
        ui.seatsTree.setCurrentItem(ui.seatsTree.findItems("李委员", Qt.MatchFlag.MatchExactly)[0])
        ui.recuseButton.click()
        answer = w.dialog  # type: ignore[attr-defined]
        answer.setTextValue("与当事人系同学关系")
        self.changed(w, answer.accept)

        def hearing(d: object) -> None:
            d.hearingDateEdit.setDate(qd(D(2025, 2, 20)))  # type: ignore[attr-defined]
            d.participantsEdit.setPlainText("行业专家二人、委员五人")  # type: ignore[attr-defined]
            d.hearingSummaryEdit.setPlainText("符合第五条(一)所列情形。")  # type: ignore[attr-defined]

        self.record(w, "hearingTab", "addHearingButton", hearing)
        # The decision is the 主任's (the scoring and decision dialogs); recorded here in the store.
        chair = self.store.authenticate("王主任", PINS["王主任"])
        self.store.judgments.decide(
            w.case_id, Conclusion.EXEMPT, note="会议认定", decided_on=D(2025, 3, 2), by=chair
        )  # type: ignore[attr-defined]
        self.changed(w, w.reload)  # type: ignore[attr-defined]

        def feedback(d: object) -> None:
            d.sentDateEdit.setDate(qd(D(2025, 3, 5)))  # type: ignore[attr-defined]
            d.feedbackNoteEdit.setPlainText("书面反馈所在单位和本人。")  # type: ignore[attr-defined]

        self.record(w, "feedbackTab", "addFeedbackButton", feedback)

        def disclosure(d: object) -> None:
            d.scopeEdit.setText("全区")  # type: ignore[attr-defined]
            d.disclosedDateEdit.setDate(qd(D(2025, 3, 10)))  # type: ignore[attr-defined]
            d.fillMaskedButton.click()  # type: ignore[attr-defined]

        self.record(w, "feedbackTab", "addDisclosureButton", disclosure)
        w.show_section("decisionTab")  # type: ignore[attr-defined]
        for i in range(2):
            ui.usageList.item(i).setCheckState(Qt.CheckState.Checked)
        ui.usageNoteEdit.setText("2025 年度考核不因此扣分")
        self.changed(w, ui.saveUsageButton.click)
        w.show_section("followUpTab")  # type: ignore[attr-defined]
        ui.filingNumberEdit.setText("备〔2025〕7号")
        ui.filingDateEdit.setDate(qd(D(2025, 3, 12)))
        ui.filingToEdit.setText("市纪委监委")
        self.changed(w, ui.saveFilingButton.click)
        ui.visitsTree.setCurrentItem(ui.visitsTree.topLevelItem(0))

        def visit(d: object) -> None:
            d.visitedDateEdit.setDate(qd(D(2025, 6, 3)))  # type: ignore[attr-defined]
            d.visitorsEdit.setText("张某")  # type: ignore[attr-defined]
            d.visitNotesEdit.setPlainText("工作状态良好，项目已投产。")  # type: ignore[attr-defined]

        self.record(w, "followUpTab", "recordVisitButton", visit)
        w.show_section("linksTab")  # type: ignore[attr-defined]
        ui.maskButton.click()
        self.changed(w, ui.markTypicalButton.click)
        return w
