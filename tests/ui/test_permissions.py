"""The main window offers only what the person's role may do, and nothing that writes while the store
is read-only after an audit anomaly (issue 4). pytest-qt, offscreen, a real store with three people."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.guard import StoreReadOnly
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.repository import CaseQuery
from rongcuo_desktop.ui.data.restore import RestoreActions
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.shell.permissions import ActionGate
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import action as find_action
from tests.ui.conftest import open_window, person_of

PASSPHRASE = "秋天的稻田里有七只白鹭"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}


@dataclass
class Opening:
    window: MainWindow

    def act(self, name: str) -> QAction:
        return find_action(self.window, name)

    @property
    def gate(self) -> ActionGate:
        return self.window.context.gate


@pytest.fixture
def store_and_keys(data_dir: Path) -> Iterator[tuple[Store, KeyManager]]:
    """A store with the demo cases and three people: 王主任 (主任), 李秘书 (秘书), 张委员 (委员)."""
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    store = Store.create(data_dir, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    acting = store.authenticate("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=acting)
    store.accounts.add("张委员", Role.MEMBER, PINS["张委员"], by=acting)
    store.add_demo_cases(by=acting)
    yield store, keys
    store.close()


@pytest.fixture
def open_as(
    qtbot: QtBot, runner: TaskRunner, store_and_keys: tuple[Store, KeyManager]
) -> Callable[[str], Opening]:
    """The person signs in, then the window is built as the app builds it (its features too)."""
    store, keys = store_and_keys

    def opening(name: str) -> Opening:
        opened = open_window(qtbot, runner, store, person_of(store, name, PINS[name]), keys=keys)
        return Opening(opened.window)

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
    assert usable(o.act("addDemoAction")) and "添加示例案件" in toolbar_texts(o.window)
    assert usable(o.act("backupAction"))
    assert usable(o.act("attachmentsAction"))
    assert usable(o.act("verifyAuditAction")) and usable(o.act("timelineAction"))
    assert not offered(o.act("restoreAction"))
    assert not offered(o.act("accountsAction"))
    assert not offered(o.act("changePassphraseAction"))
    assert not offered(o.act("requirePassphraseAction"))
    assert not o.gate.banner.isVisible()


def test_member_is_offered_reading_only(open_as: Callable[[str], Opening], qtbot: QtBot) -> None:
    """Given 张委员 (委员), who sits on no committee yet and so sees no case, then nothing that
    registers, backs up, restores, manages or checks the whole audit trail is offered, the toolbar
    has no 添加示例案件, and the empty list does not offer the demo cases (the store would refuse)."""
    o = open_as("张委员")
    for action in (
        o.act("addDemoAction"),
        o.act("backupAction"),
        o.act("restoreAction"),
        o.act("accountsAction"),
        o.act("verifyAuditAction"),
        o.act("changePassphraseAction"),
    ):
        assert not offered(action), action.text()
    assert usable(o.act("attachmentsAction"))  # members open the attachments of their cases
    assert usable(o.act("timelineAction"))
    assert usable(o.act("lockAction")) and usable(o.act("refreshAction"))
    assert "添加示例案件" not in toolbar_texts(o.window)
    assert "刷新" in toolbar_texts(o.window)
    assert "共 0 件" in o.window.cases.counts_label.text()
    qtbot.wait(100)
    assert o.window.demo.offer_box is None


def test_member_attachment_dialog_does_not_offer_adding(
    open_as: Callable[[str], Opening],
    qtbot: QtBot,
    runner: TaskRunner,
    store_and_keys: tuple[Store, KeyManager],
) -> None:
    from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog

    store, _keys = store_and_keys
    chair = person_of(store, "王主任", PINS["王主任"])
    case_id = store.cases.ids(CaseQuery(), by=chair)[0]
    store.accounts.set_members(case_id, ["张委员"], by=chair)  # the member sits on this case
    o = open_as("张委员")
    assert "共 1 件" in o.window.cases.counts_label.text()
    dialog = AttachmentsDialog(o.window.context, case_id, "容错〔2026〕1号")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not runner.busy)
    assert dialog.ui.addButton.isHidden()
    assert not dialog.ui.openButton.isHidden()


def test_chair_is_offered_everything(open_as: Callable[[str], Opening]) -> None:
    o = open_as("王主任")
    for action in (
        o.act("addDemoAction"),
        o.act("changePassphraseAction"),
        o.act("backupAction"),
        o.act("restoreAction"),
        o.act("attachmentsAction"),
        o.act("accountsAction"),
        o.act("verifyAuditAction"),
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
    from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog

    store, _keys = store_and_keys
    store.guard.read_only_reason = "测试：审计异常"
    o = open_as("王主任")
    writes = (o.act("addDemoAction"), o.act("restoreAction"), o.act("accountsAction"))
    for action in writes:
        assert offered(action) and not action.isEnabled(), action.text()
        assert "只读" in action.toolTip()
    for action in (o.act("backupAction"), o.act("attachmentsAction"), o.act("verifyAuditAction")):
        assert usable(action), action.text()
    o.act("addDemoAction").setEnabled(True)  # what _demo_added does after a (refused) add
    assert not o.act("addDemoAction").isEnabled()
    banner = o.gate.banner
    assert banner.isVisible() and banner.text.text().startswith("只读：审计记录异常，待主任确认")
    assert banner.acknowledge_button.isVisible()
    chair = o.window.context.person
    first = store.cases.ids(CaseQuery(), by=chair)[0]
    dialog = AttachmentsDialog(o.window.context, first, "容错〔2026〕1号")
    qtbot.addWidget(dialog)
    assert not dialog.ui.addButton.isHidden() and not dialog.ui.addButton.isEnabled()
    with pytest.raises(StoreReadOnly):  # below the UI the store refuses as well
        store.add_demo_cases(by=chair)

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
    assert offered(o.act("addDemoAction")) and not o.act("addDemoAction").isEnabled()


def test_offer_follows_the_person_when_the_account_changes(
    open_as: Callable[[str], Opening], store_and_keys: tuple[Store, KeyManager]
) -> None:
    """Given the window of 李秘书, when the window's person becomes 张委员 (切换使用人, or an unlock),
    then the offer is the member's; a direct call as the member is refused by the store."""
    store, _keys = store_and_keys
    o = open_as("李秘书")
    assert usable(o.act("addDemoAction"))
    member = person_of(store, "张委员", PINS["张委员"])
    o.window.context.set_person(member)
    assert not offered(o.act("addDemoAction")) and not offered(o.act("backupAction"))
    with pytest.raises(PermissionDenied):
        store.add_demo_cases(by=member)
    o.window.context.set_person(person_of(store, "王主任", PINS["王主任"]))
    assert usable(o.act("addDemoAction")) and usable(o.act("restoreAction"))


def test_damage_found_by_a_secretary_is_reported_not_offered_for_restore(
    open_as: Callable[[str], Opening], qtbot: QtBot
) -> None:
    """Given 李秘书 and an integrity check that found damage, then no restore is offered (only the
    主任 restores): the message says so and the files stay as they are."""
    from rongcuo_desktop.ui.data.restore import RestoreOfferDialog

    o = open_as("李秘书")
    restore = o.window.findChild(RestoreActions)
    assert restore is not None
    restore.offer_newest("测试：第 3 页校验失败", None)
    box = restore.dialog
    assert isinstance(box, QMessageBox) and not isinstance(box, RestoreOfferDialog)
    qtbot.waitUntil(box.isVisible)
    assert "测试：第 3 页校验失败" in box.text() and "主任" in box.text()
    box.close()
