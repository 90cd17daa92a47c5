"""The case window on a real SQLCipher store (pytest-qt, offscreen): opened from the list, undo and
redo of edits, drafts that reach the store, a blocked move explained, the new-case dialog's repeat
warning, the 工作台's due visits, and what a 委员 may see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import ApplicantType, Case, Conclusion, Stage
from rongcuo_desktop.domain.casework import DueItem, Investigation, TypicalMark
from rongcuo_desktop.domain.procedure import StepState
from rongcuo_desktop.store.casework import SeatSpec
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.casefile import workbench
from rongcuo_desktop.ui.casefile.dialogs import StageDialog
from rongcuo_desktop.ui.casefile.window import CaseWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.committee_store import make_committee, open_copy
from tests.ui.conftest import Opening, open_window

D = dt.date
MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员"]
PINS = {"王主任": "111186", "李秘书": "222286", **{n: f"{3000 + i}86" for i, n in enumerate(MEMBERS)}}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("case-window") / "data"
    return make_committee(folder, PINS, MEMBERS)


@pytest.fixture
def store(template: tuple[Path, bytes], data_dir: Path) -> Iterator[Store]:
    yield from open_copy(template, data_dir)


@pytest.fixture
def secretary(store: Store) -> Credential:
    """Who acts in the tests below unless they say otherwise: 李秘书, by the PIN."""
    return store.authenticate("李秘书", PINS["李秘书"])


@pytest.fixture(autouse=True)
def _windows_closed_before_the_runner_stops(runner: TaskRunner, qtbot: QtBot) -> Iterator[None]:
    """Windows and dialogs close while the task runner still runs: what they ask on the way out
    (a last draft, the list's detail) is answered, not refused by a stopped runner."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    with qtbot.waitSignal(runner_idle(runner), timeout=10000):
        pass


def runner_idle(runner: TaskRunner) -> QObject:
    """A signal sent once every job queued so far on the database thread has run."""
    marker = _Marker()
    runner.run_db(_nothing, receiver=marker, done=lambda _r: marker.done.emit())
    return marker.done  # type: ignore[return-value]


class _Marker(QObject):
    done = Signal()


def _nothing() -> None:
    """A job that does nothing: it runs after the jobs queued before it."""


def register(store: Store, n: int = 3, *, by: Credential, **changes: object) -> int:
    values: dict[str, object] = {
        "doc_no": f"容错〔2025〕{n}号",
        "party_name": "谢明华",
        "party_unit": "某区行政审批局",
        "party_position": "科长",
        "applicant_type": ApplicantType.UNIT,
        "work_field": "行政审批",
        "applied_on": D(2025, 1, 12),
        "accountability_matter": "容缺办理人防事项审查",
        "facts": "推进重大产业项目建设中提出分步容缺审批方案",
        "rulebook": "fuzhou-2019@1",
    }
    values.update(changes)
    return store.cases.add(Case(**values), by=by)  # type: ignore[arg-type]


def decided(store: Store, n: int = 3, *, by: Credential) -> int:
    case_id = register(store, n, by=by)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=by)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "查明属实"), by=by)
    store.casework.set_committee(case_id, [SeatSpec(n) for n in MEMBERS], by=by)
    acting = store.authenticate("王主任", PINS["王主任"])
    store.judgments.decide(case_id, Conclusion.EXEMPT, note="会议认定", decided_on=D(2025, 3, 2), by=acting)
    return case_id


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying `text` (QTest.keyClicks takes ASCII only), as an input method sends them."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def as_secretary(qtbot: QtBot, runner: TaskRunner, store: Store) -> Opening:
    return open_window(qtbot, runner, store, store.authenticate("李秘书", PINS["李秘书"]))


def opened_case(qtbot: QtBot, opening: Opening, case_id: int) -> CaseWindow:
    window = opening.all.casefile.open_case(case_id)
    assert isinstance(window, CaseWindow)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window


# ----- opening --------------------------------------------------------------------------------------


def test_enter_on_the_list_opens_the_case_window(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    """Given the list with a case, when the person presses Enter on its row, then its window opens,
    showing its fields, its stage and the procedure drawn with the current step highlighted."""
    case_id = register(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    table = opening.window.cases.table
    qtbot.waitUntil(lambda: opening.window.cases.model.case_id(0) == case_id, timeout=20000)
    table.setFocus()
    qtbot.waitUntil(lambda: table.currentIndex().isValid(), timeout=10000)  # the list selects row 0
    qtbot.keyClick(table, Qt.Key.Key_Return)
    windows = opening.all.casefile.windows
    qtbot.waitUntil(lambda: case_id in windows, timeout=10000)
    window = windows[case_id]
    assert isinstance(window, CaseWindow)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.ui.docLabel.text() == "容错〔2025〕3号"
    assert window.ui.partyEdit.text() == "谢明华"
    assert window.ui.chart.states()[Stage.APPLIED] is StepState.CURRENT
    assert "当前阶段：申请" in window.ui.stageLabel.text()
    # Opening it again raises the same window.
    assert opening.all.casefile.open_case(case_id) is window


# ----- edits: undo, redo, drafts, saving -------------------------------------------------------------


def test_undo_redo_drafts_and_save(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    facts = window.ui.factsEdit
    original = facts.toPlainText()
    facts.setFocus()
    facts.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.draft_saved, timeout=10000):
        type_text(facts, "，未发现谋取私利")
    assert facts.toPlainText() == original + "，未发现谋取私利"
    assert store.casework.drafts(str(case_id), by=secretary) == {"facts": original + "，未发现谋取私利"}
    window.editor.stack.undo()  # the typing is one step
    assert facts.toPlainText() == original
    window.editor.stack.redo()
    assert facts.toPlainText() == original + "，未发现谋取私利"
    with qtbot.waitSignal(window.saved, timeout=10000):
        window.ui.saveButton.click()
    assert store.cases.get(case_id, by=secretary).facts == original + "，未发现谋取私利"
    assert store.casework.drafts(str(case_id), by=secretary) == {}  # saved: the draft is gone
    timeline = store.audit_timeline(case_id, by=secretary)
    assert timeline[-1].action_label == "修改案件" and "事实" in timeline[-1].summary


def test_a_refused_edit_is_said_and_kept(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    """A 文号 that exists already: the message names it, the text stays as typed, nothing saved."""
    register(store, 4, by=secretary)
    case_id = register(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    window.ui.docNoEdit.setText("容错〔2025〕4号")
    with qtbot.waitSignal(window.failed, timeout=10000) as failed:
        window.editor.commit()
    assert "文号“容错〔2025〕4号”已经存在" in failed.args[0]
    assert window.ui.docNoEdit.text() == "容错〔2025〕4号"
    assert store.cases.get(case_id, by=secretary).doc_no == "容错〔2025〕3号"


# ----- a blocked move explained, then taken ---------------------------------------------------------------


def test_a_blocked_move_is_explained_and_cannot_be_confirmed(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, accountability_matter="", by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    accept = next(a for a in window.move_menu.actions() if a.objectName() == "moveTo_accepted")
    assert "尚缺条件" in accept.text()
    accept.trigger()
    dialog = window.dialog
    assert isinstance(dialog, StageDialog)
    assert "问责事项未填写" in dialog.ui.missingLabel.text()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    # The secretary writes the matter; leaving the field saves it; now 受理 may be taken.
    window.ui.matterEdit.setPlainText("容缺办理人防事项审查")
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.editor.commit()
    accept = next(a for a in window.move_menu.actions() if a.objectName() == "moveTo_accepted")
    accept.trigger()
    dialog = window.dialog
    assert isinstance(dialog, StageDialog) and dialog.ui.missingLabel.isHidden()
    assert dialog.ui.rulebookCombo.currentData() == "fuzhou-2019@1"
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.ui.chart.states()[Stage.ACCEPTED] is StepState.CURRENT, timeout=10000)
    assert store.cases.get(case_id, by=secretary).stage is Stage.ACCEPTED
    # A move back without a reason: the store's sentence, shown in the dialog.
    back = window.move_menu.findChild(QAction, "backTo_applied")
    assert back is not None
    back.trigger()
    dialog = window.dialog
    assert isinstance(dialog, StageDialog)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.ui.messageLabel.isVisible(), timeout=10000)
    assert "须写明理由" in dialog.ui.messageLabel.text()


# ----- the new-case dialog -----------------------------------------------------------------------------


def test_a_new_case_warns_of_a_repeat_and_registers(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    earlier = decided(store, by=secretary)
    store.casework.add(earlier, TypicalMark("谢某某在容缺审批中出于公心", D(2025, 3, 20)), by=secretary)
    opening = as_secretary(qtbot, runner, store)
    dialog = opening.all.casefile.new_case()
    ui = dialog.ui  # type: ignore[attr-defined]
    ui.docNoEdit.setText("容错〔2026〕9号")
    ui.applicantCombo.setCurrentIndex(ui.applicantCombo.findData(ApplicantType.PARTY))
    ui.partyEdit.setText("谢明华")
    ui.unitEdit.setText("某区行政审批局")
    ui.fieldCombo.setEditText("行政审批")
    ui.matterEdit.setPlainText("再次容缺审批")
    qtbot.waitUntil(lambda: not ui.repeatLabel.isHidden(), timeout=10000)
    assert "容错〔2025〕3号" in ui.repeatLabel.text() and "第九条(九)" in ui.repeatLabel.text()
    assert ui.similarTree.topLevelItemCount() == 1
    assert ui.similarTree.topLevelItem(0).text(1) == "谢某某"  # the typical case, name masked
    with qtbot.waitSignal(dialog.registered, timeout=10000) as registered:  # type: ignore[attr-defined]
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    new_id = registered.args[0]
    assert store.cases.get(new_id, by=secretary).doc_no == "容错〔2026〕9号"
    qtbot.waitUntil(lambda: new_id in opening.all.casefile.windows, timeout=10000)


def test_a_new_case_without_applicant_type_is_refused(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    opening = as_secretary(qtbot, runner, store)
    dialog = opening.all.casefile.new_case()
    ui = dialog.ui  # type: ignore[attr-defined]
    ui.docNoEdit.setText("容错〔2026〕9号")
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "申请人类型" in ui.messageLabel.text()
    assert store.cases.id_for_doc_no("容错〔2026〕9号") is None


# ----- the 工作台 and the list's marker --------------------------------------------------------------------


def test_the_workbench_lists_overdue_visits_and_records_one(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = decided(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    bench = opening.all.casefile.workbench
    qtbot.waitUntil(lambda: bench.ui.dueTree.topLevelItemCount() == 4, timeout=20000)
    assert opening.all.casefile.dock.isVisible()
    first = bench.ui.dueTree.topLevelItem(0)
    assert first.text(0) == "容错〔2025〕3号" and "第 1 次回访" in first.text(1) and "逾期" in first.text(3)
    # The list marks the case (its 文号 in red, and says why).
    model = opening.window.cases.model
    qtbot.waitUntil(
        lambda: model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is not None, timeout=10000
    )
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "有逾期的跟踪回访"
    bench.ui.dueTree.setCurrentItem(first)
    bench.ui.visitButton.click()
    qtbot.waitUntil(
        lambda: opening.all.casefile.dialog is not None and opening.all.casefile.dialog.isVisible()
    )
    dialog = opening.all.casefile.dialog
    dialog.ui.visitorsEdit.setText("张某")  # type: ignore[attr-defined]
    dialog.ui.visitNotesEdit.setPlainText("思想稳定，工作积极")  # type: ignore[attr-defined]
    dialog.ui.visitedDateEdit.setDate(QDate(2025, 6, 3))  # type: ignore[attr-defined]
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bench.ui.dueTree.topLevelItemCount() == 3, timeout=20000)
    (visit,) = [e.record for e in store.casework.file(case_id, by=secretary).entries if e.kind == "visit"]
    assert visit.visit_no == 1 and visit.visitors == "张某"  # type: ignore[union-attr]
    # No feedback or filing yet: the visit is kept, the case stays at 结论认定 (the guards).
    assert store.cases.get(case_id, by=secretary).stage is Stage.DECISION


def test_the_workbench_keeps_the_earliest_items_and_counts_the_rest(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    """Slices of a large store: the earliest 500 of each filter listed, every item counted, and only
    the earliest 500 items kept (not all of them)."""
    opening = as_secretary(qtbot, runner, store)
    bench = opening.all.casefile.workbench
    qtbot.waitUntil(lambda: "共 0 项待办" in bench.ui.countLabel.text(), timeout=20000)
    today = dt.date.today()
    every = [
        DueItem(
            i, f"容错〔2025〕{i}号", "visit", "第 1 次回访", today + dt.timedelta(days=(i * 7) % 900 - 450), 1
        )
        for i in range(1, 1501)
    ]
    bench._generation += 1  # as a refresh does
    for start, after in ((0, 500), (500, 1000), (1000, None)):
        bench._slice_arrived(bench._generation, (every[start : start + 500], after))
    assert len(bench.items) == workbench.MAX_ROWS and len(bench._earliest) == 0
    ordered = sorted(every, key=lambda d: (d.due_on, d.doc_no, d.visit_no))
    tree = bench.ui.dueTree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        d.doc_no for d in ordered[: workbench.MAX_ROWS]
    ]
    overdue = [d for d in ordered if d.overdue(today)]
    assert f"共 1500 项待办，其中已逾期 {len(overdue)} 项" in bench.ui.countLabel.text()
    assert "列出最早的 500 项" in bench.ui.countLabel.text()
    soon = [d for d in ordered if d.due_on <= today + dt.timedelta(days=workbench.SOON_DAYS)]
    bench.ui.filterCombo.setCurrentIndex(bench.ui.filterCombo.findData("soon"))
    assert tree.topLevelItemCount() == min(len(soon), workbench.MAX_ROWS)
    assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(0) == soon[workbench.MAX_ROWS - 1].doc_no


# ----- what a 委员 sees ------------------------------------------------------------------------------------


def test_a_member_reads_without_editing_and_nothing_after_recusal(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, by=secretary)
    store.accounts.set_members(case_id, ["张委员", "赵委员"], by=secretary)
    store.judgments.recuse(case_id, "与当事人是同学", member="赵委员", by=secretary)
    zhang = store.authenticate("张委员", PINS["张委员"])
    opening = open_window(qtbot, runner, store, zhang)
    window = opened_case(qtbot, opening, case_id)
    assert window.ui.factsEdit.isReadOnly() and window.ui.moveButton.isHidden()
    window.show_section("investigationTab")  # built when first shown
    assert window.ui.addInvestigationButton.isHidden() and window.ui.saveButton.isHidden()
    opening.window.close()
    zhao = store.authenticate("赵委员", PINS["赵委员"])
    opening = open_window(qtbot, runner, store, zhao)
    assert opening.window.cases.model.rowCount() == 0  # the recused member's list is empty
    window = opening.all.casefile.open_case(case_id)
    assert isinstance(window, CaseWindow)
    with qtbot.waitSignal(window.failed, timeout=10000) as failed:
        pass
    assert "已回避本案" in failed.args[0]


def test_an_auto_lock_keeps_what_was_typed(
    qtbot: QtBot, runner: TaskRunner, store: Store, template: tuple[Path, bytes], secretary: Credential
) -> None:
    """Typing, then the window locks before the draft's moment came: the draft is written first,
    on the store as it was, and the store then closes; opened again, the text is there."""
    case_id = register(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    type_text(window.ui.factsEdit, "锁定前输入的内容")
    assert window.editor.draft_pending  # not written yet: the debounce has not fired
    opening.all.lock.lock.lock()
    qtbot.waitUntil(lambda: not store.key_box.present, timeout=20000)  # the store closed
    reopened = Store.open(store.data_dir, template[1])
    try:
        reopened_acting = reopened.authenticate("李秘书", PINS["李秘书"])
        assert reopened.casework.drafts(str(case_id), by=reopened_acting)["facts"].endswith(
            "锁定前输入的内容"
        )
    finally:
        reopened.close()


def test_sections_are_built_and_filled_when_first_shown(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    """A decided case: the flowchart dates its steps; a click on a step shows that step's section,
    built then and filled from the case (the follow-up plan, the checklist with its citations)."""
    case_id = decided(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    assert window.sections.built == {"application"}
    assert window.ui.chart.states()[Stage.DECISION] is StepState.CURRENT
    window.ui.chart.step_clicked.emit(Stage.FOLLOW_UP)
    assert window.ui.sections.currentWidget() is window.ui.frame.followUpTab
    visits = window.ui.visitsTree
    assert visits.topLevelItemCount() == 4 and visits.topLevelItem(0).text(1) == "2025-06-02"
    assert "本地默认" in window.ui.planLabel.text()
    window.show_section("checklistTab")
    tree = window.ui.checklistTree
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == ["容错条件", "容错情形", "不予容错情形"]
    assert "第四条" in tree.topLevelItem(0).child(0).text(2)  # each item with its citation
    assert not window.ui.saveChecklistButton.isEnabled()  # decided: the checklist is frozen
    window.show_section("decisionTab")
    assert "予以容错免责" in window.ui.decisionView.toPlainText()
    assert window.ui.decisionSlot.isHidden()  # no scoring feature registered in this build


def test_the_committee_is_seated_with_an_expert_drawn_by_field(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    window.show_section("committeeTab")
    ui = window.ui
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findData("李委员"))
    ui.expertProfileButton.click()
    answer = window.dialog
    answer.setTextValue("行政审批，城市更新")  # type: ignore[attr-defined]
    answer.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: ui.expertCombo.findData("李委员") >= 0, timeout=10000)
    ui.addExpertButton.click()
    qtbot.waitUntil(lambda: ui.seatsTree.topLevelItemCount() == 1, timeout=10000)
    seat = ui.seatsTree.topLevelItem(0)
    assert (seat.text(0), seat.text(1), seat.text(2)) == ("李委员", "非固定成员", "行政审批")
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findData("张委员"))
    ui.addFixedButton.click()
    qtbot.waitUntil(lambda: ui.seatsTree.topLevelItemCount() == 2, timeout=10000)
    assert "未回避的委员 2 人" in ui.quorumLabel.text()


def test_a_later_feature_plugs_its_panel_into_the_decision_section(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    from PySide6.QtWidgets import QLabel

    from rongcuo_desktop.ui.casefile.extensions import add_decision_panel, remove_decision_panel

    case_id = register(store, by=secretary)
    seen: list[int] = []

    def panel(context: object, parent: QWidget) -> QWidget:
        seen.append(context.case_id)  # type: ignore[attr-defined]
        return QLabel("评分与认定面板", parent)

    add_decision_panel("scoring", panel)
    try:
        opening = as_secretary(qtbot, runner, store)
        window = opened_case(qtbot, opening, case_id)
        window.show_section("decisionTab")
        assert seen == [case_id] and not window.ui.decisionSlot.isHidden()
        assert window.ui.decisionSlot.findChild(QLabel).text() == "评分与认定面板"
    finally:
        remove_decision_panel("scoring")


def test_the_application_shows_the_claimed_situations_and_attachments_are_added_from_the_window(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential, tmp_path: Path
) -> None:
    """The situations ticked at registration are listed in the application (with their citation);
    the checklist's rows are as tall as their drop-downs; an attachment added from 本案附件… can be
    linked from a new investigation record."""
    from rongcuo_desktop.domain.case_file import Checklist
    from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog

    case_id = register(store, by=secretary)
    store.judgments.set_checklist(case_id, Checklist(("s5-1",)), rulebook="fuzhou-2019@1", by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    assert "第五条(一)" in window.ui.claimedLabel.text()
    window.show_section("checklistTab")
    tree = window.ui.checklistTree
    row = tree.topLevelItem(0).child(0)
    combo = tree.itemWidget(row, 1)
    assert tree.visualItemRect(row).height() >= combo.sizeHint().height()
    window.show_section("investigationTab")
    window.ui.attachmentsButton.click()
    dialog = window.dialog
    assert isinstance(dialog, AttachmentsDialog) and dialog.parent() is window
    paper = tmp_path / "谈话笔录.txt"
    paper.write_text("笔录", encoding="utf-8")
    dialog.add_path(paper)
    qtbot.waitUntil(lambda: dialog.ui.attachmentList.count() == 1, timeout=10000)
    dialog.close()
    qtbot.waitUntil(lambda: window.view is not None and len(window.view.attachments) == 1, timeout=10000)
    window.ui.addInvestigationButton.click()
    record_dialog = window.dialog
    assert record_dialog is not None and record_dialog.ui.attachmentsList.count() == 1  # type: ignore[attr-defined]


def test_a_note_beside_a_checklist_item_is_written_and_saved_with_the_checklist(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    window.show_section("checklistTab")
    tree = window.ui.checklistTree
    condition = tree.topLevelItem(0).child(0)
    tree.itemDoubleClicked.emit(condition, 0)
    assert tree.state() != tree.State.EditingState  # the rulebook's text is not edited
    condition.setText(3, "见调查记录第 1 条")
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.ui.saveChecklistButton.click()
    notes = store.casework.file(case_id, by=secretary).one("checklist_notes")
    assert notes is not None and notes.items == ("c1",)  # type: ignore[union-attr]
    assert window.ui.checklistTree.topLevelItem(0).child(0).text(3) == "见调查记录第 1 条"
    # A note over its limit: named, and nothing of the checklist saved.
    window.ui.checklistTree.topLevelItem(0).child(1).setText(3, "说" * 501)
    with qtbot.waitSignal(window.failed, timeout=10000) as failed:
        window.ui.saveChecklistButton.click()
    # Named by the item as the checklist shows it (the second condition), never by notes[1].
    second = window.ui.checklistTree.topLevelItem(0).child(1).text(0)
    assert f"研判清单中容错条件“{second}”的说明太长：501 个字" in failed.args[0], failed.args[0]
    assert "notes" not in failed.args[0]
    assert store.casework.file(case_id, by=secretary).one("checklist_notes") == notes
