"""The main window offers only what the person's role may do, and nothing that writes while the store
is read-only after an audit anomaly (issue 4). pytest-qt, offscreen, a real store with three people."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.guard import StoreReadOnly
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.repository import CaseQuery
from rongcuo_desktop.ui.data.safety import DataSafety, install_data_safety
from rongcuo_desktop.ui.people.menu import PeopleMenu, install_people
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.shell.permissions import ActionGate, gate_of, install_permissions
from rongcuo_desktop.ui.startup.flow import Opened
from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "秋天的稻田里有七只白鹭"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}


@dataclass
class Opening:
    window: MainWindow
    safety: DataSafety
    people: PeopleMenu
    gate: ActionGate


@pytest.fixture
def store_and_keys(data_dir: Path) -> Iterator[tuple[Store, KeyManager]]:
    """A store with the demo cases and three people: 王主任 (主任), 李秘书 (秘书), 张委员 (委员)."""
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    store = Store.create(data_dir, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    store.login("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"])
    store.accounts.add("张委员", Role.MEMBER, PINS["张委员"])
    store.add_demo_cases()
    yield store, keys
    store.close()


@pytest.fixture
def open_as(
    qtbot: QtBot, runner: TaskRunner, store_and_keys: tuple[Store, KeyManager], data_dir: Path
) -> Callable[[str], Opening]:
    """The person logs in, then the window is built as app.py builds it (数据, 人员, permissions)."""
    store, keys = store_and_keys

    def opening(name: str) -> Opening:
        store.login(name, PINS[name])
        settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, runner, settings, key_manager=keys, credential_store_usable=False)
        qtbot.addWidget(window)
        holder: dict[str, object] = {}
        safety = install_data_safety(
            window, Opened(store, keys, False), runner, settings, holder, rebuild=print
        )
        people = install_people(window, store, runner)
        gate = install_permissions(window, store, runner, safety=safety, people=people)
        window.show()
        qtbot.waitUntil(lambda: bool(window.counts_label.text()), timeout=20000)
        return Opening(window, safety, people, gate)

    return opening


def offered(action: QAction) -> bool:
    return action.isVisible()


def usable(action: QAction) -> bool:
    return action.isVisible() and action.isEnabled()


def toolbar_texts(window: MainWindow) -> list[str]:
    main = window.findChild(QToolBar, "mainToolbar")
    assert main is not None
    return [b.text() for b in main.findChildren(QToolButton) if b.isVisible() and b.text()]


def test_secretary_registers_and_backs_up_but_does_not_restore_or_manage(
    open_as: Callable[[str], Opening],
) -> None:
    """Given 李秘书 (秘书), then 添加示例案件, 备份到…, 案件附件…, the audit check are offered; 从备份恢复…,
    账户管理…, and the recovery passphrase settings are not."""
    o = open_as("李秘书")
    assert usable(o.window.add_demo_action) and "添加示例案件" in toolbar_texts(o.window)
    assert usable(o.safety.backup_action)
    assert usable(o.safety.attachments_action)
    assert usable(o.people.verify_action) and usable(o.people.timeline_action)
    assert not offered(o.safety.restore_action)
    assert not offered(o.people.accounts_action)
    assert not offered(o.window.change_passphrase_action)
    assert not offered(o.window.require_passphrase_action)
    assert not o.gate.banner.isVisible()


def test_member_is_offered_reading_only(open_as: Callable[[str], Opening], qtbot: QtBot) -> None:
    """Given 张委员 (委员), who sits on no committee yet and so sees no case, then nothing that
    registers, backs up, restores, manages or checks the whole audit trail is offered, the toolbar
    has no 添加示例案件, and the empty list does not offer the demo cases (the store would refuse)."""
    o = open_as("张委员")
    for action in (
        o.window.add_demo_action,
        o.safety.backup_action,
        o.safety.restore_action,
        o.people.accounts_action,
        o.people.verify_action,
        o.window.change_passphrase_action,
    ):
        assert not offered(action), action.text()
    assert usable(o.safety.attachments_action)  # members open the attachments of their cases
    assert usable(o.people.timeline_action)
    assert usable(o.safety.lock.lock_action) and usable(o.window.refresh_action)
    assert "添加示例案件" not in toolbar_texts(o.window)
    assert "刷新" in toolbar_texts(o.window)
    assert "共 0 件" in o.window.counts_label.text()
    qtbot.wait(100)
    assert o.window.demo_offer is None


def test_member_attachment_dialog_does_not_offer_adding(
    open_as: Callable[[str], Opening],
    qtbot: QtBot,
    runner: TaskRunner,
    store_and_keys: tuple[Store, KeyManager],
) -> None:
    from rongcuo_desktop.store.attachments import attachments_of
    from rongcuo_desktop.ui.data.attachments import AttachmentsDialog

    store, _keys = store_and_keys
    case_id = store.cases.ids(CaseQuery())[0]
    store.accounts.set_members(case_id, ["张委员"])  # as 王主任: the member sits on this case
    o = open_as("张委员")
    assert "共 1 件" in o.window.counts_label.text()
    assert gate_of(o.window) is o.gate
    dialog = AttachmentsDialog(runner, attachments_of(store), case_id, "容错〔2026〕1号", o.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not runner.busy)
    assert dialog.add_button.isHidden()
    assert not dialog.open_button.isHidden()


def test_chair_is_offered_everything(open_as: Callable[[str], Opening]) -> None:
    o = open_as("王主任")
    for action in (
        o.window.add_demo_action,
        o.window.change_passphrase_action,
        o.safety.backup_action,
        o.safety.restore_action,
        o.safety.attachments_action,
        o.people.accounts_action,
        o.people.verify_action,
    ):
        assert usable(action), action.text()
    assert not o.gate.banner.isVisible()


def test_read_only_store_disables_every_write_until_the_chair_acknowledges(
    open_as: Callable[[str], Opening],
    qtbot: QtBot,
    store_and_keys: tuple[Store, KeyManager],
    runner: TaskRunner,
) -> None:
    """Given an audit anomaly found at open (read-only) and 王主任 at the keyboard, then a banner says
    so, every write is disabled (reading, backing up and checking are not), an action's own
    setEnabled(True) cannot switch a write back on; when the chair acknowledges from the banner,
    the store is writable again and so are the actions."""
    from rongcuo_desktop.store.attachments import attachments_of
    from rongcuo_desktop.ui.data.attachments import AttachmentsDialog

    store, _keys = store_and_keys
    store.guard.read_only_reason = "测试：审计异常"
    o = open_as("王主任")
    writes = (o.window.add_demo_action, o.safety.restore_action, o.people.accounts_action)
    for action in writes:
        assert offered(action) and not action.isEnabled(), action.text()
        assert "只读" in action.toolTip()
    for action in (o.safety.backup_action, o.safety.attachments_action, o.people.verify_action):
        assert usable(action), action.text()
    o.window.add_demo_action.setEnabled(True)  # what _demo_added does after a (refused) add
    assert not o.window.add_demo_action.isEnabled()
    banner = o.gate.banner
    assert banner.isVisible() and banner.text.text().startswith("只读：审计记录异常，待主任确认")
    assert banner.acknowledge_button.isVisible()
    first = store.cases.ids(CaseQuery())[0]
    dialog = AttachmentsDialog(runner, attachments_of(store), first, "容错〔2026〕1号", o.window)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isHidden() and not dialog.add_button.isEnabled()
    with pytest.raises(StoreReadOnly):  # below the UI the store refuses as well
        store.add_demo_cases()

    banner.acknowledge_button.click()
    box = o.gate.confirm
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: store.read_only_reason is None and not banner.isVisible(), timeout=10000)
    for action in writes:
        assert usable(action), action.text()
    assert "已确认审计异常" in o.window.statusBar().currentMessage()


def test_read_only_for_a_secretary_names_who_can_acknowledge(
    open_as: Callable[[str], Opening], store_and_keys: tuple[Store, KeyManager]
) -> None:
    store, _keys = store_and_keys
    store.guard.read_only_reason = "测试：审计异常"
    o = open_as("李秘书")
    assert o.gate.banner.isVisible()
    assert "请主任登录后确认" in o.gate.banner.text.text()
    assert not o.gate.banner.acknowledge_button.isVisible()
    assert offered(o.window.add_demo_action) and not o.window.add_demo_action.isEnabled()


def test_offer_follows_the_person_when_the_account_changes(
    open_as: Callable[[str], Opening], store_and_keys: tuple[Store, KeyManager]
) -> None:
    """Given the window of 李秘书, when the store comes back from a lock acting as 张委员 (the unlock
    signal), then the offer is the member's; a direct call as the member is refused by the store."""
    store, _keys = store_and_keys
    o = open_as("李秘书")
    assert usable(o.window.add_demo_action)
    store.login("张委员", PINS["张委员"])
    o.safety.lock.unlocked.emit()
    assert not offered(o.window.add_demo_action) and not offered(o.safety.backup_action)
    with pytest.raises(PermissionDenied):
        store.add_demo_cases()
    store.login("王主任", PINS["王主任"])
    o.gate.refresh()
    assert usable(o.window.add_demo_action) and usable(o.safety.restore_action)


def test_damage_found_by_a_secretary_is_reported_not_offered_for_restore(
    open_as: Callable[[str], Opening], qtbot: QtBot
) -> None:
    """Given 李秘书 and an integrity check that found damage, then no restore is offered (only the
    主任 restores): the message says so and the files stay as they are."""
    from rongcuo_desktop.ui.data.backup import RestoreOfferDialog

    o = open_as("李秘书")
    o.safety.offer_restore("测试：第 3 页校验失败", object())
    box = o.safety.dialog
    assert isinstance(box, QMessageBox) and not isinstance(box, RestoreOfferDialog)
    qtbot.waitUntil(box.isVisible)
    assert "测试：第 3 页校验失败" in box.text() and "主任" in box.text()
    box.close()
