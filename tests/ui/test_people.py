"""人员: 切换使用人 without a restart, a person changing their own PIN, the 主任 resetting one.
pytest-qt, offscreen, the window built as the app builds it on a real store with three people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.roles import Action, Role
from rongcuo_desktop.services.errors import WrongPin
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.repository import CaseQuery
from rongcuo_desktop.ui.people.accounts import AccountsDialog
from rongcuo_desktop.ui.people.picker import AccountPickerDialog
from rongcuo_desktop.ui.people.pins import ChangePinDialog, ResetPinDialog
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, action, open_window, person_of

PASSPHRASE = "人员菜单测试口令 egret"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """The demo cases and three people; 张委员 sits on the committee of one case."""
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    opened = Store.create(data_dir, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    opened.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    chair = person_of(opened, "王主任", PINS["王主任"])
    opened.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=chair)
    opened.accounts.add("张委员", Role.MEMBER, PINS["张委员"], by=chair)
    opened.add_demo_cases(by=chair)
    first = opened.cases.ids(CaseQuery(), by=chair)[0]
    opened.accounts.set_members(first, ["张委员"], by=chair)
    yield opened
    opened.close()


def as_secretary(qtbot: QtBot, runner: TaskRunner, store: Store) -> Opening:
    return open_window(qtbot, runner, store, person_of(store, "李秘书", PINS["李秘书"]))


def test_switch_person_hands_the_keyboard_to_a_member_without_a_restart(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    """Given the secretary's window with every case listed, when 人员 → 切换使用人… is chosen and 张委员
    types a wrong PIN, then the picker says so and nothing changes; with the right PIN the same window
    now acts as 张委员: the title names him, the list holds only his committee's case, and what a
    member may not do (添加示例案件, 备份到…) is no longer offered."""
    o = as_secretary(qtbot, runner, store)
    window, ctx = o.window, o.window.context
    total = window.cases.model.rowCount()
    assert total > 1 and action(window, "addDemoAction").isVisible()
    switch = action(window, "switchPersonAction")
    assert switch.isVisible()
    switch.trigger()
    qtbot.waitUntil(lambda: isinstance(o.all.people.dialog, AccountPickerDialog), timeout=10000)
    picker = o.all.people.dialog
    assert isinstance(picker, AccountPickerDialog) and picker.windowTitle() == "切换使用人"
    picker.select("张委员")
    picker.ui.pinEdit.setText("999986")
    picker.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "不正确" in picker.message, timeout=10000)
    assert ctx.person is not None and ctx.person.name == "李秘书"
    picker.ui.pinEdit.setText(PINS["张委员"])
    with qtbot.waitSignal(ctx.person_changed, timeout=10000):
        picker.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ctx.person is not None and ctx.person.name == "张委员"
    assert window.windowTitle() == "容错免责案件库 — 张委员（委员）"
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1 and not runner.busy, timeout=10000)
    assert not action(window, "addDemoAction").isVisible()
    assert not action(window, "backupAction").isVisible()
    assert "张委员" in window.statusBar().currentMessage()


def test_a_person_changes_their_own_pin(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    """Given 李秘书 at the keyboard, when 人员 → 修改个人口令… is filled with a PIN that breaks a rule,
    then the dialog names the rule and sends nothing; with a wrong current PIN the store refuses; with
    the right one the new PIN signs her in and the old one no longer does."""
    o = as_secretary(qtbot, runner, store)
    pin_action = action(o.window, "changePinAction")
    assert pin_action.isVisible()
    pin_action.trigger()
    dialog = o.all.people.dialog
    assert isinstance(dialog, ChangePinDialog)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ui.oldPinEdit.setText(PINS["李秘书"])
    dialog.ui.newPinEdit.setText("123456")
    dialog.ui.repeatEdit.setText("123456")
    ok.click()
    assert "连续" in dialog.ui.errorLabel.text() and not runner.busy
    dialog.ui.oldPinEdit.setText("975310")
    dialog.ui.newPinEdit.setText("735190")
    dialog.ui.repeatEdit.setText("735190")
    ok.click()
    qtbot.waitUntil(lambda: "不正确" in dialog.ui.errorLabel.text(), timeout=10000)
    dialog.ui.oldPinEdit.setText(PINS["李秘书"])
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        ok.click()
    assert "个人口令已修改" in o.window.statusBar().currentMessage()
    assert person_of(store, "李秘书", "735190").name == "李秘书"
    with pytest.raises(WrongPin):
        person_of(store, "李秘书", PINS["李秘书"])


def test_the_chair_resets_a_forgotten_pin(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    """Given 王主任 in 账户管理, when 张委员's PIN is reset to a new one, then 张委员 signs in with it;
    the secretary sees the list but may not reset (the button is off, and the store would refuse)."""
    chair = open_window(qtbot, runner, store, person_of(store, "王主任", PINS["王主任"]))
    accounts = AccountsDialog(chair.window.context)
    qtbot.addWidget(accounts)
    qtbot.waitUntil(lambda: accounts.ui.accountList.count() == 3, timeout=10000)
    assert accounts.ui.resetPinButton.isEnabled()
    row = [a.name for a in accounts.accounts].index("张委员")
    accounts.ui.accountList.setCurrentRow(row)
    accounts.reset_pin()
    reset = accounts.new_dialog
    assert isinstance(reset, ResetPinDialog) and "张委员" in reset.ui.introLabel.text()
    reset.ui.newPinEdit.setText("246813")
    reset.ui.repeatEdit.setText("246813")
    with qtbot.waitSignal(reset.accepted, timeout=10000):
        reset.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "重设个人口令" in accounts.ui.messageLabel.text()
    assert person_of(store, "张委员", "246813").name == "张委员"

    secretary = as_secretary(qtbot, runner, store)
    theirs = AccountsDialog(secretary.window.context)
    qtbot.addWidget(theirs)
    qtbot.waitUntil(lambda: theirs.ui.accountList.count() == 3, timeout=10000)
    assert not theirs.ui.resetPinButton.isEnabled() and not theirs.ui.addButton.isEnabled()


def test_a_dialog_can_act_for_another_person_while_the_window_keeps_its_own(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    """Given the secretary's window, a member signed in for one dialog acts through acting_for(): that
    Acting carries the member, the window's person stays the secretary (the scoring dialog's way)."""
    o = as_secretary(qtbot, runner, store)
    ctx = o.window.context
    member = person_of(store, "张委员", PINS["张委员"])
    acting = ctx.acting_for(member)
    assert acting.person is member and ctx.acting.person is ctx.person
    assert ctx.person is not None and ctx.person.name == "李秘书"
    assert acting.may(Action.SCORE) and not acting.may(Action.BACKUP)
    assert ctx.may(Action.BACKUP) and not ctx.may(Action.SCORE)
