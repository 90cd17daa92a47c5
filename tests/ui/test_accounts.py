"""The account picker and the audit warning after unlock (pytest-qt, offscreen, a real store)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.people.gate import AccountGate
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window, person_of, workspace_of


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.create(data_dir, secrets.token_bytes(32))
    opened.accounts.add("王主任", Role.CHAIR, "111186")
    opened_acting = opened.authenticate("王主任", "111186")
    opened.accounts.add("李秘书", Role.SECRETARY, "222286", by=opened_acting)
    yield opened
    opened.close()


def listed(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def start_gate(runner: TaskRunner, store: Store, done: list[Credential | None]) -> AccountGate:
    """The gate as the start-up runs it, on the just-opened store."""
    gate = AccountGate(
        workspace_of(store), runner, None, on_done=done.append, on_cancel=lambda: done.append(None)
    )
    gate.start()
    return gate


def test_person_picks_themselves_wrong_pin_then_right(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    """Given two accounts, when 李秘书 types a wrong PIN, then the dialog says so and stays; with the
    right PIN the start-up goes on with 李秘书's credential."""
    done: list[Credential | None] = []
    gate = start_gate(runner, store, done)
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible())
    dialog = gate.dialog
    assert dialog is not None
    names = [dialog.ui.accountList.item(i).text() for i in range(dialog.ui.accountList.count())]
    assert "李秘书（秘书）" in names and "王主任（主任）" in names
    dialog.ui.accountList.setCurrentRow(names.index("李秘书（秘书）"))
    dialog.ui.pinEdit.setText("999986")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "不正确" in dialog.message)
    assert dialog.isVisible() and dialog.ui.pinEdit.text() == ""
    dialog.ui.pinEdit.setText("222286")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(done))
    assert done[0] is not None and done[0].name == "李秘书"


def test_chair_is_warned_and_can_acknowledge(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    store.guard.read_only_reason = "测试：审计异常"
    done: list[Credential | None] = []
    gate = start_gate(runner, store, done)
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible())
    assert gate.dialog is not None
    gate.dialog.ui.accountList.setCurrentRow(
        [gate.dialog.ui.accountList.item(i).text() for i in range(2)].index("王主任（主任）")
    )
    gate.dialog.ui.pinEdit.setText("111186")
    gate.dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: gate.warning is not None and gate.warning.isVisible())
    box = gate.warning
    assert box is not None and "只读" in box.text()
    acknowledge = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    assert len(acknowledge) == 1
    acknowledge[0].click()
    qtbot.waitUntil(lambda: bool(done))
    assert done[0] is not None and done[0].name == "王主任"
    assert store.read_only_reason is None


def test_timeline_widget_shows_who_did_what(qtbot: QtBot, store: Store) -> None:
    from rongcuo_desktop.domain.case import Case, Stage
    from rongcuo_desktop.ui.people.timeline import AuditTimelineWidget

    acting = store.authenticate("李秘书", "222286")
    case_id = store.cases.add(
        Case(
            doc_no="容错〔2026〕5号",
            party_name="谢某某",
            party_unit="某局",
            party_position="",
            accountability_matter="审批超时",
        ),
        by=acting,
    )
    store.casework.move(
        case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", by=acting
    )  # the acceptance, then the move
    widget = AuditTimelineWidget()
    qtbot.addWidget(widget)
    widget.set_entries(store.audit_timeline(case_id, by=acting))
    model = widget.model
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [row[1] for row in cells] == ["李秘书（秘书）"] * 3
    assert [row[2] for row in cells] == ["登记案件", "记录办理事项", "推进案件阶段"]
    assert "记录受理" in cells[1][3] and "申请 → 受理" in cells[2][3]
    assert widget.empty.isHidden()


def test_accounts_dialog_creates_the_first_chair_then_a_secretary(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path
) -> None:
    """Given a store made by the GUI (no accounts), when the first account is created in the dialog,
    then it is a 主任, the window acts as that person, and the chair can add a 秘书."""
    from rongcuo_desktop.ui.people.accounts import AccountsDialog

    store = Store.create(data_dir / "fresh", secrets.token_bytes(32))
    try:
        window = open_window(qtbot, runner, store, person_of(store), features=False).window
        dialog = AccountsDialog(window.context)
        qtbot.waitUntil(lambda: dialog.ui.addButton.isEnabled())
        for name, role_index, pin in (("王主任", None, "111186"), ("李秘书", 0, "222286")):
            dialog.add_account()
            new = dialog.new_dialog
            assert new is not None
            if role_index is None:
                assert [new.ui.roleCombo.itemText(i) for i in range(new.ui.roleCombo.count())] == ["主任"]
            else:
                new.ui.roleCombo.setCurrentIndex(role_index)
            new.ui.nameEdit.setText(name)
            new.ui.pinEdit.setText(pin)
            new.ui.repeatEdit.setText(pin)
            new.accept()
            qtbot.waitUntil(
                lambda n=name: any(
                    n in dialog.ui.accountList.item(i).text() for i in range(dialog.ui.accountList.count())
                )
            )
        person = window.context.person
        assert person is not None and person.name == "王主任"
        assert window.windowTitle() == "容错免责案件库 — 王主任（主任）"
        assert {(a.name, a.role) for a in store.accounts.list_all()} == {
            ("王主任", Role.CHAIR),
            ("李秘书", Role.SECRETARY),
        }
    finally:
        window.close()
        store.close()
