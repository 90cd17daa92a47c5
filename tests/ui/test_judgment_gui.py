"""Scoring, the reveal, rounds, paper ballots and the decision through the GUI (pytest-qt, offscreen),
on a real store: the window as the app builds it, the dialogs reached from 案件 → 研判与听证.

Every refusal is checked to leave the store as it was: the judgment tables' rows and the audit
trail's judgment events are counted before and after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.casework import FourForms, LenientHandling
from rongcuo_desktop.services import judgment
from rongcuo_desktop.ui.judgment.decision_dialog import DecisionDialog
from rongcuo_desktop.ui.judgment.panel import JudgmentPanel
from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringDialog, ScoringMode
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, action, open_window
from tests.ui.judgment_scene import DIMS, DOC_NO, PINS, Scene, make_scene
from tests.ui.label_fit import clipped_labels, visible_texts


@pytest.fixture
def scene(data_dir: Path) -> Iterator[Scene]:
    made = make_scene(data_dir)
    yield made
    made.store.close()


def counts(scene: Scene) -> tuple[int, ...]:
    """The rows a judgment write touches, and the judgment events of the audit trail (a wrong PIN is
    audited as a failed sign-in: that is not a judgment write)."""
    with scene.store.read_session() as session:
        tables = [
            int(session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in ("judgment_scores", "judgment_rounds", "judgment_round_scores", "case_decisions")
        ]
        events = session.execute(
            text(
                "SELECT count(*) FROM audit_events WHERE action IN "
                "('score', 'recusal', 'decision', 'reveal', 'new_round')"
            )
        ).scalar_one()
    return (*tables, int(events))


def window_as(qtbot: QtBot, runner: TaskRunner, scene: Scene, name: str) -> Opening:
    o = open_window(qtbot, runner, scene.store, scene.person(name))
    o.window.context.cases.show_cases([scene.case_id])
    qtbot.waitUntil(
        lambda: (o.window.context.cases.current_case() or (0,))[0] == scene.case_id, timeout=20000
    )
    return o


def open_scoring(qtbot: QtBot, o: Opening, name: str) -> ScoringDialog:
    actions = o.all.judgment
    action(o.window, name).trigger()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, ScoringDialog), timeout=20000)
    dialog = actions.dialog
    assert isinstance(dialog, ScoringDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def told(qtbot: QtBot, o: Opening) -> str:
    """The text of the message box the judgment actions opened last."""
    actions = o.all.judgment
    qtbot.waitUntil(lambda: isinstance(actions.dialog, QMessageBox), timeout=20000)
    box = actions.dialog
    assert isinstance(box, QMessageBox)
    said = box.text()
    box.close()
    actions.dialog = None
    return said


def confirm_ok(o: Opening) -> None:
    """Answer the question the judgment actions asked (揭晓评分?) with its OK button."""
    box = o.all.judgment.dialog
    assert isinstance(box, QMessageBox)
    o.all.judgment.dialog = None
    box.button(QMessageBox.StandardButton.Ok).click()


def score_by_keyboard(qtbot: QtBot, dialog: ScoringDialog, levels: tuple[int, ...], reason: str = "") -> None:
    """Keyboard only: a digit chooses the level (focus moves to the reason), Tab goes to the next
    dimension."""
    for index, level in enumerate(levels):
        assert dialog.ui.dimensionStack.currentIndex() == index
        qtbot.keyClick(dialog.focusWidget(), getattr(Qt.Key, f"Key_{level}"))
        assert dialog.pages[index].level() == level
        assert dialog.focusWidget() is dialog.pages[index].rationale
        if reason:  # typed through the input method (QTest sends no key codes for CJK text)
            dialog.pages[index].rationale.insertPlainText(reason)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def submit(dialog: ScoringDialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_member_scores_at_the_secretarys_pc_with_a_pin_for_one_submission(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    """Given the secretary's window, when 张委员 scores in the dialog by keyboard alone and types a
    wrong PIN, then nothing is recorded and the dialog says why; with the right PIN the ballot is his,
    and the window still acts as the secretary (the same credential object)."""
    o = window_as(qtbot, runner, scene, "李秘书")
    ctx = o.window.context
    before_person = ctx.person
    dialog = open_scoring(qtbot, o, "memberScoreAction")
    assert dialog.mode is ScoringMode.PIN
    combo_items = [dialog.ui.memberCombo.itemText(i) for i in range(dialog.ui.memberCombo.count())]
    assert "周委员（已回避，不能评分）" in combo_items and "吴委员" not in " ".join(combo_items)
    assert all(not m.scores for m in dialog.form.members)  # the roster carries no levels
    # Every dimension shows its descriptors and guiding questions beside each level.
    first = dialog.pages[0]
    assert first.descriptors[0].text().startswith("为自己、他人或小团体谋取利益")
    assert "看初衷" in first.questions.text() and "第三条(一)" in first.questions.text()
    score_by_keyboard(qtbot, dialog, (5, 4, 4, 4, 5), reason="出于公心")
    assert dialog.focusWidget() is dialog.ui.memberCombo  # after the last dimension: who is scoring
    dialog.select_member("张委员")
    dialog.ui.pinEdit.setText("000001")
    before = counts(scene)
    submit(dialog)
    qtbot.waitUntil(lambda: "没有提交" in dialog.ui.errorLabel.text(), timeout=20000)
    assert "个人口令不正确" in dialog.ui.errorLabel.text()
    assert counts(scene) == before and dialog.isVisible()
    dialog.ui.pinEdit.setText(PINS["张委员"])
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        submit(dialog)
    assert dialog.submitted is not None and dialog.submitted.name == "张委员" and dialog.submitted.complete
    assert ctx.person is before_person and ctx.person is not None and ctx.person.name == "李秘书"
    line = next(
        m
        for m in judgment.record(o.workspace, scene.person("王主任"), scene.case_id).members
        if m.name == "张委员"
    )
    assert [line.scores[d].level for d in DIMS] == [5, 4, 4, 4, 5] and not line.paper
    entry = judgment.timeline(o.workspace, scene.person("王主任"), scene.case_id)[-1]
    assert entry.actor_name == "张委员" and entry.summary.startswith("评分：")


def test_what_is_missing_is_said_and_nothing_is_recorded(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    o = window_as(qtbot, runner, scene, "李秘书")
    dialog = open_scoring(qtbot, o, "memberScoreAction")
    before = counts(scene)
    dialog.pages[0].set_level(5)  # an extreme level without its reason
    dialog.pages[2].set_level(3)
    submit(dialog)
    said = dialog.ui.errorLabel.text()
    for gap in ("评分人：请选择委员", "个人口令", "动机态度：评为 5 级，须写明理由", "客观条件：未选择等级"):
        assert gap in said, gap
    assert "程序方法" not in said  # level 3 needs no reason
    assert dialog.ui.dimensionStack.currentIndex() == 0 and dialog.focusWidget() is dialog.pages[0].rationale
    assert dialog.ui.dimensionList.item(0).text() == "动机态度　5 级，缺理由"
    assert counts(scene) == before
    # The store says the same if a ballot slips past the dialog.
    with pytest.raises(judgment.JudgmentError, match="评为 5 级，需要写明理由"):
        judgment.score(o.workspace, scene.person("张委员"), scene.case_id, {"motive": judgment.Score(5, "")})
    assert counts(scene) == before


def test_recused_and_outside_members_cannot_open_the_dialog(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    o = window_as(qtbot, runner, scene, "李秘书")
    ctx = o.window.context
    before = counts(scene)
    ctx.set_person(scene.person("周委员"))  # recused from case 3, on his own session
    o.all.judgment.score(scene.case_id, DOC_NO)
    assert "已回避本案，不能查看本案的材料" in told(qtbot, o)  # recusal locks him out of the case
    ctx.set_person(scene.person("吴委员"))  # not on case 3's committee
    o.all.judgment.score(scene.case_id, DOC_NO)
    assert "不是该案件的委员" in told(qtbot, o)
    assert not isinstance(o.all.judgment.dialog, ScoringDialog)
    assert counts(scene) == before


def test_a_member_who_recuses_while_the_dialog_is_open_is_refused_at_submit(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    """Given 张委员's full ballot in the dialog at the secretary's PC, when the secretary records his
    recusal before he submits, then his submission with the right PIN is refused, the dialog says he
    has recused, and nothing is recorded."""
    o = window_as(qtbot, runner, scene, "李秘书")
    dialog = open_scoring(qtbot, o, "memberScoreAction")
    score_by_keyboard(qtbot, dialog, (4, 4, 4, 4, 4))
    dialog.select_member("张委员")
    dialog.ui.pinEdit.setText(PINS["张委员"])
    scene.store.judgments.recuse(
        scene.case_id, "与当事人同在一个科室", member="张委员", by=scene.person("李秘书")
    )
    before = counts(scene)
    submit(dialog)
    qtbot.waitUntil(lambda: "没有提交" in dialog.ui.errorLabel.text(), timeout=20000)
    assert "已申请回避，不能再对本案评分" in dialog.ui.errorLabel.text(), dialog.ui.errorLabel.text()
    assert dialog.isVisible() and counts(scene) == before
    assert all(
        m.name != "张委员" or not m.scores
        for m in judgment.record(o.workspace, scene.person("王主任"), scene.case_id).members
    )


def test_blind_until_the_reveal_then_amend_no_more(qtbot: QtBot, runner: TaskRunner, scene: Scene) -> None:
    """A member in their own session sees and amends only their own ballot; the secretary's panel shows
    counts, the chair's the running result; the chair's reveal is refused before the quorum; after the
    reveal a member cannot open the dialog any more."""
    scene.score_all(["张委员", "赵委员", "钱委员", "孙委员"])
    o = window_as(qtbot, runner, scene, "赵委员")
    ctx = o.window.context
    dialog = open_scoring(qtbot, o, "scoreAction")
    assert dialog.mode is ScoringMode.OWN and not dialog.ui.identityBox.isVisible()
    assert [p.level() for p in dialog.pages] == [4, 5, 5, 4, 4]  # his own ballot, to amend
    texts = " ".join(visible_texts(dialog))
    assert "张委员" not in texts and "钱委员" not in texts
    dialog.pages[0].set_level(3)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        submit(dialog)
    assert judgment.own_line(o.workspace, scene.person("赵委员"), scene.case_id).scores["motive"].level == 3

    ctx.set_person(scene.person("李秘书"))
    panel = JudgmentPanel(ctx, scene.case_id, o.all.judgment.hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()
    assert not panel.chart.isVisibleTo(panel) and panel.table.rowCount() == 0
    assert "已提交 4 份 / 应评 5 人" in panel.recommendation_label.text()

    ctx.set_person(scene.person("王主任"))
    before = counts(scene)
    o.all.judgment.reveal(scene.case_id, DOC_NO)
    confirm_ok(o)
    assert "少于法定人数 5 人" in told(qtbot, o)
    assert counts(scene) == before
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        scene.score("李委员")
        o.all.judgment.hub.changed.emit(scene.case_id)  # a ballot arrived: the panel follows
    assert panel.data is not None and panel.data.levels_visible and panel.table.rowCount() == 5
    assert panel.table.item(2, 4).text() == "需会商"  # 程序方法: 2 against 4-5
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        o.all.judgment.reveal(scene.case_id, DOC_NO)
        confirm_ok(o)
    assert "已揭晓" in panel.status_label.text()

    ctx.set_person(scene.person("赵委员"))
    o.all.judgment.score(scene.case_id, DOC_NO)
    assert "已经揭晓" in told(qtbot, o)
    seen = judgment.record(o.workspace, scene.person("赵委员"), scene.case_id)
    assert not seen.blind and next(m for m in seen.members if m.name == "张委员").scores


def test_a_paper_ballot_and_a_second_round(qtbot: QtBot, runner: TaskRunner, scene: Scene) -> None:
    scene.score_all(["张委员", "赵委员", "孙委员", "李委员"])
    o = window_as(qtbot, runner, scene, "李秘书")
    dialog = open_scoring(qtbot, o, "paperBallotAction")
    assert dialog.mode is ScoringMode.PAPER and not dialog.ui.pinEdit.isVisible()
    assert "纸质评分票" in dialog.ui.modeLabel.text()
    dialog.select_member("钱委员")
    score_by_keyboard(qtbot, dialog, (4, 4, 4, 4, 4))
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        submit(dialog)
    chair = scene.person("王主任")
    line = next(m for m in judgment.record(o.workspace, chair, scene.case_id).members if m.name == "钱委员")
    assert line.paper == DIMS and line.entered_by == "李秘书"
    assert judgment.timeline(o.workspace, chair, scene.case_id)[-1].summary.startswith(
        "纸质评分票（秘书代委员 钱委员 录入）"
    )

    ctx = o.window.context
    ctx.set_person(chair)
    judgment.reveal(o.workspace, chair, scene.case_id)
    before = counts(scene)
    o.all.judgment.new_round(scene.case_id, DOC_NO)
    asked = o.all.judgment.dialog
    assert isinstance(asked, QInputDialog)
    asked.setTextValue("会商中澄清了集体研究的过程")
    with qtbot.waitSignal(o.all.judgment.hub.changed, timeout=20000):
        asked.accept()
    after = judgment.record(o.workspace, chair, scene.case_id)
    assert after.round.number == 2 and not after.revealed and counts(scene) != before
    assert {b.name for b in after.earlier} == {"张委员", "赵委员", "钱委员", "孙委员", "李委员"}
    panel = JudgmentPanel(ctx, scene.case_id)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()
    assert "第 1 轮的评分保留在记录中" in panel.status_label.text()


def test_the_decision_needs_its_reason_and_records_votes_and_dissent(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    scene.score_all()
    chair = scene.person("王主任")
    scene.store.judgments.reveal(scene.case_id, by=chair)
    o = window_as(qtbot, runner, scene, "王主任")
    action(o.window, "decisionAction").trigger()
    qtbot.waitUntil(lambda: isinstance(o.all.judgment.dialog, DecisionDialog), timeout=20000)
    dialog = o.all.judgment.dialog
    assert isinstance(dialog, DecisionDialog)
    assert "研判建议：予以容错免责" in dialog.ui.recommendationLabel.text()
    assert dialog.conclusion() is Conclusion.EXEMPT
    before = counts(scene)
    dialog.ui.conclusionCombo.setCurrentIndex(dialog.ui.conclusionCombo.findData(Conclusion.LENIENT.value))
    assert dialog.ui.fourFormsBox.isVisible() and "必填" in dialog.ui.noteLabel.text()
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    said = dialog.ui.errorLabel.text()
    for gap in ("表决：请填写", "认定理由：结论与研判建议不同，须写明理由", "四种形态"):
        assert gap in said, gap
    assert counts(scene) == before
    dialog.ui.forSpin.setValue(4)
    dialog.ui.againstSpin.setValue(1)
    dialog.ui.formCombo.setCurrentIndex(1)
    dialog.ui.measureEdit.setText("谈话提醒")
    dialog.ui.noteEdit.setPlainText("程序瑕疵仍需警示")
    dialog.ui.dissentEdit.setPlainText("孙委员认为应予以容错免责")
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        ok.click()
    decided = judgment.record(o.workspace, chair, scene.case_id).decision
    assert decided is not None and decided.conclusion is Conclusion.LENIENT
    handling = scene.store.casework.file(scene.case_id, by=chair).one(LenientHandling.KIND)
    assert handling == LenientHandling(FourForms.FIRST, "谈话提醒")  # with the decision, one transaction
    assert decided.votes == judgment.Votes(4, 1, 0) and decided.dissent == "孙委员认为应予以容错免责"
    assert decided.recommendation is Conclusion.EXEMPT and decided.note == "程序瑕疵仍需警示"


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_no_label_is_clipped_in_the_scoring_dialog_and_the_panel(
    qtbot: QtBot, runner: TaskRunner, scene: Scene, size: tuple[int, int]
) -> None:
    width, height = size
    o = window_as(qtbot, runner, scene, "李秘书")
    o.window.resize(width, height)
    dialog = open_scoring(qtbot, o, "memberScoreAction")
    dialog.resize(min(dialog.width(), width - 40), min(dialog.height(), height - 60))
    dialog.select_member("张委员")
    for index, page in enumerate(dialog.pages):
        dialog.go_to(index)
        page.set_level(5)
        qtbot.waitUntil(lambda page=page: page.isVisible())
        for _ in range(3):  # the layout takes the new texts on the next turn of the event loop
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        assert clipped_labels(dialog) == [], (index, clipped_labels(dialog))
    dialog.close()
    scene.score_all()
    ctx = o.window.context
    ctx.set_person(scene.person("王主任"))
    panel = JudgmentPanel(ctx, scene.case_id)
    qtbot.addWidget(panel)
    panel.resize(min(980, width - 40), min(720, height - 60))
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 5)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    assert clipped_labels(panel) == []
