"""Bad input in the case window (pytest-qt, offscreen, a real SQLCipher store): an empty required
field, a text over its limit, a record dated before the application, a record missing what it
needs. Each time a Chinese sentence names the field, what was typed stays, and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Stage
from rongcuo_desktop.domain.casework import Investigation
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui import test_case_window as base
from tests.ui.test_case_window import as_secretary, opened_case, register

# The case window tests' fixtures, under their names (pytest finds a fixture by the module's name for it).
template, store, secretary = base.template, base.store, base.secretary
_closed_first = base._windows_closed_before_the_runner_stops


@pytest.mark.parametrize(
    ("widget", "value", "words"),
    [
        ("docNoEdit", "", "文号不能为空"),
        ("partyEdit", "谢" * 65, "当事人太长：65 个字，最多 64 个字"),
        ("unitEdit", "某区\u200b审批局", "单位的第 3 个字符是不可见的格式字符"),
    ],
)
def test_a_bad_field_is_named_kept_as_typed_and_not_saved(
    qtbot: QtBot,
    runner: TaskRunner,
    store: Store,
    secretary: Credential,
    widget: str,
    value: str,
    words: str,
) -> None:
    case_id = register(store, by=secretary)
    before = store.cases.get(case_id, by=secretary)
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    edit = getattr(window.ui, widget)
    edit.setText(value)
    with qtbot.waitSignal(window.failed, timeout=10000) as failed:
        window.editor.commit()
    assert words in failed.args[0]
    assert edit.text() == value  # what was typed stays, to be corrected
    assert store.cases.get(case_id, by=secretary) == before


def test_a_record_dated_before_the_application_or_missing_a_field_is_refused_in_its_dialog(
    qtbot: QtBot, runner: TaskRunner, store: Store, secretary: Credential
) -> None:
    case_id = register(store, by=secretary)
    store.casework.move(
        case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=dt.date(2025, 1, 15), by=secretary
    )
    opening = as_secretary(qtbot, runner, store)
    window = opened_case(qtbot, opening, case_id)
    window.show_section("investigationTab")
    window.ui.addInvestigationButton.click()
    dialog = window.dialog
    ui = dialog.ui  # type: ignore[union-attr]
    ui.heldDateEdit.setDate(QDate(2025, 2, 1))
    ui.findingsEdit.setPlainText("查明属实")
    ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: ui.messageLabel.isVisible(), timeout=10000)
    assert "调查人员不能为空" in ui.messageLabel.text()
    ui.investigatorsEdit.setText("王某")
    ui.heldDateEdit.setMinimumDate(QDate(2000, 1, 1))
    ui.heldDateEdit.setDate(QDate(2024, 12, 1))  # before the application (2025-01-12)
    ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: "2024-12-01" in ui.messageLabel.text(), timeout=10000)
    assert "日期" in ui.messageLabel.text()
    assert dialog.isVisible()  # type: ignore[union-attr]
    assert ui.findingsEdit.toPlainText() == "查明属实"
    assert not [
        e for e in store.casework.file(case_id, by=secretary).entries if isinstance(e.record, Investigation)
    ]
