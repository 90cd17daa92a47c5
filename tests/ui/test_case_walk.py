"""The whole procedure in the GUI (pytest-qt, offscreen, a real SQLCipher store): a 容错免责 case from
登记新案件… to its first follow-up visit, a 事前备案 linked to it as evidence, and a 澄清正名 case's
verification, wishes and way of clearing. Each step through the case window's own dialogs and buttons
(tests/ui/case_walk.py); the decision is the 主任's, recorded in the store as its dialog would."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import CaseType, Stage
from rongcuo_desktop.domain.casework import Disclosure, EvidenceLink, ResultUsage
from rongcuo_desktop.domain.procedure import ClearanceFinding, StepState
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.case_walk import PINS, Walk, people
from tests.ui.conftest import open_window
from tests.ui.test_case_window import runner_idle


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = people(data_dir, secrets.token_bytes(32))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _windows_closed_first(runner: TaskRunner, qtbot: QtBot) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    with qtbot.waitSignal(runner_idle(runner), timeout=10000):
        pass


def test_a_case_is_walked_from_application_to_follow_up_in_the_case_window(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    secretary = store.authenticate("李秘书", PINS["李秘书"])
    opening = open_window(qtbot, runner, store, secretary)
    walk = Walk(opening.all, store, lambda p: qtbot.waitUntil(lambda: bool(p()), timeout=15000))
    window = walk.tolerance_case()
    case_id = window.case_id  # type: ignore[attr-defined]
    case = store.cases.get(case_id, by=secretary)
    assert case.stage is Stage.FOLLOW_UP
    assert case.rulebook == "fuzhou-2019@1"  # chosen at 受理, pinned
    states = window.ui.chart.states()  # type: ignore[attr-defined]
    assert states[Stage.FOLLOW_UP] is StepState.CURRENT
    assert all(states[s] is StepState.DONE for s in (Stage.ACCEPTED, Stage.INVESTIGATION, Stage.FILING))
    file = store.casework.file(case_id, by=secretary)
    disclosure = next(e.record for e in file.entries if isinstance(e.record, Disclosure))
    assert "谢某某" in disclosure.text and "谢明华" not in disclosure.text
    usage = next(e.record for e in file.entries if isinstance(e.record, ResultUsage))
    assert len(usage.areas) == 2
    recused = {s.name: s.recusal_reason for s in file.seats if s.recused}
    assert recused == {"李委员": "与当事人系同学关系"}
    assert window.ui.visitsTree.topLevelItem(0).text(4) == "已回访"  # type: ignore[attr-defined]
    assert "第五条(一)" in window.ui.claimedLabel.text()  # type: ignore[attr-defined]
    notes = file.one("checklist_notes")
    assert notes is not None and notes.notes == ("见调查核实记录",)  # type: ignore[union-attr]

    # A 事前备案, registered, then cited by the case as evidence.
    pre = walk.register(
        CaseType.PRE_FILING, "备〔2024〕2号", "某区行政审批局", "某区行政审批局", "容缺审批试点"
    )
    walk.move(pre, Stage.ACCEPTED, dt.date(2025, 1, 20))
    window.reload()  # type: ignore[attr-defined]
    window.show_section("linksTab")  # type: ignore[attr-defined]
    combo = window.ui.preFilingCombo  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: combo.findData(pre.case_id) >= 0, timeout=10000)  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(pre.case_id))  # type: ignore[attr-defined]
    walk.changed(window, window.ui.linkButton.click)  # type: ignore[attr-defined]
    links = [
        e.record
        for e in store.casework.file(case_id, by=secretary).entries
        if isinstance(e.record, EvidenceLink)
    ]
    assert [link.pre_filing_id for link in links] == [pre.case_id]  # type: ignore[attr-defined]
    assert window.ui.evidenceTree.topLevelItem(0).text(0) == "备〔2024〕2号"  # type: ignore[attr-defined]


def test_a_clearance_case_records_its_verification_wishes_and_way_of_clearing(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    secretary = store.authenticate("李秘书", PINS["李秘书"])
    opening = open_window(qtbot, runner, store, secretary)
    walk = Walk(opening.all, store, lambda p: qtbot.waitUntil(lambda: bool(p()), timeout=15000))
    window = walk.register(CaseType.CLEARANCE, "澄清〔2025〕1号", "刘明", "某镇政府", "被反映违规发放补贴")
    ui = window.ui  # type: ignore[attr-defined]
    assert ui.sections.isTabVisible(ui.sections.indexOf(ui.frame.clearanceTab))  # only for this type
    window.show_section("clearanceTab")  # type: ignore[attr-defined]
    ui.findingCombo.setCurrentIndex(ui.findingCombo.findData(ClearanceFinding.UNFOUNDED.value))
    ui.wishesEdit.setPlainText("本人希望在镇干部大会上澄清。")
    ui.meetingCheck.setChecked(True)
    ui.letterCheck.setChecked(True)
    walk.changed(window, ui.saveClearanceButton.click)
    record = store.casework.file(window.case_id, by=secretary).one("clearance")  # type: ignore[attr-defined]
    assert record is not None and record.finding is ClearanceFinding.UNFOUNDED  # type: ignore[attr-defined]
    assert record.wishes == "本人希望在镇干部大会上澄清。"  # type: ignore[attr-defined]
    assert len(record.methods) == 2  # type: ignore[attr-defined]
