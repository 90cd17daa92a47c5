"""Setup, unlock and change-passphrase dialogs against a real KeyManager in a temp folder.

Key derivation runs for real (Argon2id), with a short calibration target to keep the suite fast.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from rongcuo_desktop.services import unlock
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import CredentialStoreStatus, KeyManager
from rongcuo_desktop.ui.startup import passphrase_dialogs
from rongcuo_desktop.ui.startup.passphrase_dialogs import ChangePassphraseDialog, SetupDialog, UnlockDialog
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import workspace_of

GOOD = "秋天的稻田里有七只白鹭"
OTHER_GOOD = "Ferry-boats cross 3 rivers at dawn"
NO_BACKEND = CredentialStoreStatus(False, None, "这台电脑没有可用的系统凭据库。")


@pytest.fixture
def keys(data_dir: Path) -> KeyManager:
    return KeyManager(data_dir, kdf_target_seconds=0.05)


def type_into(edit: QLineEdit, text: str) -> None:
    """As typing does (QtTest's keyClicks cannot send Chinese characters)."""
    edit.setFocus()
    edit.insert(text)


def press_ok(dialog: QDialog, buttons: QDialogButtonBox, qtbot: QtBot) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_setup_refuses_two_different_passphrases(qtbot: QtBot, runner: TaskRunner, keys: KeyManager) -> None:
    """Given the setup dialog, when the two entries differ, then it says so and writes nothing."""
    dialog = SetupDialog(keys.data_dir, runner, NO_BACKEND)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.ui.passphraseEdit, GOOD)
    type_into(dialog.ui.repeatEdit, GOOD + "了")
    press_ok(dialog, dialog.ui.buttonBox, qtbot)
    assert "不一致" in dialog.ui.errorLabel.text()
    assert dialog.isVisible() and dialog.workspace is None
    assert not keys.store_exists()


def test_setup_refuses_a_weak_passphrase_and_shows_the_strength(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager
) -> None:
    dialog = SetupDialog(keys.data_dir, runner, NO_BACKEND)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.ui.passphraseEdit, "password1")
    type_into(dialog.ui.repeatEdit, "password1")
    assert dialog.ui.strengthBar.value() <= 1
    assert dialog.ui.strengthLabel.text()
    press_ok(dialog, dialog.ui.buttonBox, qtbot)
    assert "太弱" in dialog.ui.errorLabel.text()
    assert dialog.workspace is None and not keys.store_exists()


def test_setup_without_credential_store_explains_and_forces_the_passphrase(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager
) -> None:
    dialog = SetupDialog(keys.data_dir, runner, NO_BACKEND)
    qtbot.addWidget(dialog)
    assert dialog.ui.keyringLabel.text() == NO_BACKEND.explanation
    assert dialog.ui.requireCheck.isChecked() and not dialog.ui.requireCheck.isEnabled()
    assert "无法恢复" in dialog.ui.warningLabel.text()


def test_setup_with_a_credential_store_names_the_box_below_its_text(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager
) -> None:
    """Given a usable credential store, when the setup dialog shows, then the text that says to tick
    the box below names it, and the box is indeed below the text (it was above: a first-hour find)."""
    usable = CredentialStoreStatus(True, "Secret Service", "")
    dialog = SetupDialog(keys.data_dir, runner, usable)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text, box = dialog.ui.keyringLabel, dialog.ui.requireCheck
    assert "下面" in text.text() and box.text() in text.text()
    assert box.isEnabled() and not box.isChecked()
    assert box.mapTo(dialog, box.rect().topLeft()).y() >= text.mapTo(dialog, text.rect().bottomLeft()).y()


def create_quickly(data_dir: Path, passphrase: str, require: bool) -> Workspace:
    """The setup's create with a short key-derivation target, to keep the suite fast."""
    workspace, _status = unlock.create(
        data_dir, passphrase, require_passphrase_each_start=require, kdf_target_seconds=0.05
    )
    return workspace


def test_setup_with_a_good_passphrase_creates_the_key_off_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given matching strong passphrases, when OK is pressed, then the dialog shows it is busy, the
    key and the store are made in the background, and the dialog closes with the open store, whose
    key the passphrase unwraps."""
    monkeypatch.setattr(passphrase_dialogs, "create_store", create_quickly)
    dialog = SetupDialog(keys.data_dir, runner, NO_BACKEND)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.ui.passphraseEdit, GOOD)
    type_into(dialog.ui.repeatEdit, GOOD)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        press_ok(dialog, dialog.ui.buttonBox, qtbot)
        assert dialog.busy and dialog.ui.busyBar.isVisible()
        assert not dialog.ui.passphraseEdit.isEnabled()
    workspace = dialog.workspace
    assert workspace is not None and workspace.is_open
    try:
        assert keys.store_exists()
        assert keys.unlock_with_passphrase(GOOD) == workspace.store.key_box.get()
    finally:
        workspace.close()


def test_unlock_wrong_then_right_passphrase(qtbot: QtBot, runner: TaskRunner, keys: KeyManager) -> None:
    """Given a store, when a wrong passphrase is typed, then a clear message shows, the dialog stays,
    and the key file is byte for byte unchanged; when the right one follows, the key comes back."""
    key = keys.create(GOOD, require_passphrase_each_start=True)
    before = {p.name: p.read_bytes() for p in keys.data_dir.iterdir() if p.is_file()}
    dialog = UnlockDialog(keys.data_dir, runner, "说明文字")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.infoLabel.isVisible()
    type_into(dialog.ui.passphraseEdit, "不是这个口令啊朋友们")
    press_ok(dialog, dialog.ui.buttonBox, qtbot)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert "不正确" in dialog.ui.errorLabel.text()
    assert dialog.isVisible() and dialog.result() == 0
    after = {p.name: p.read_bytes() for p in keys.data_dir.iterdir() if p.is_file()}
    assert after == before

    dialog.ui.passphraseEdit.clear()
    type_into(dialog.ui.passphraseEdit, GOOD)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        press_ok(dialog, dialog.ui.buttonBox, qtbot)
    assert dialog.key == key and dialog.attempts == 2


def test_unlock_with_a_missing_key_file_ends_with_the_failure(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager
) -> None:
    keys.create(GOOD, require_passphrase_each_start=True)
    keys.key_file.unlink()
    dialog = UnlockDialog(keys.data_dir, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.ui.passphraseEdit, GOOD)
    with qtbot.waitSignal(dialog.finished, timeout=15000) as finished:
        press_ok(dialog, dialog.ui.buttonBox, qtbot)
    assert finished.args == [UnlockDialog.FAILED]
    assert dialog.failure is not None and str(dialog.failure)


def test_a_failed_unlock_leaves_the_dialog_to_die_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, keys: KeyManager
) -> None:
    """Given the failure above, which the dialog keeps (.failure), when the last name of the dialog
    goes, then it is gone at once, by reference count, on the GUI thread. The failure used to carry
    the worker's traceback, whose frames held the job, the dialog's callbacks and the passphrase: a
    reference cycle that the garbage collector broke on whichever thread it ran, deleting the dialog
    off the GUI thread (the segfault in 2 of 6 full runs)."""
    keys.create(GOOD, require_passphrase_each_start=True)
    keys.key_file.unlink()
    dialog = UnlockDialog(keys.data_dir, runner)
    dialog.show()
    type_into(dialog.ui.passphraseEdit, GOOD)
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        press_ok(dialog, dialog.ui.buttonBox, qtbot)
    qtbot.waitUntil(lambda: not runner.busy)
    assert dialog.failure is not None and dialog.failure.__traceback__ is None
    gone = weakref.ref(dialog)
    gc.disable()  # only reference counting may free it, as on the GUI thread
    try:
        dialog.close()
        del dialog
        assert gone() is None
    finally:
        gc.enable()


def test_change_passphrase_rekeys_the_open_store(qtbot: QtBot, runner: TaskRunner, keys: KeyManager) -> None:
    """Given the open store, a wrong old passphrase is refused and the store carries on, open, as it
    was; the right one gives a new passphrase AND a new database key (a pre-rekey backup first), and
    the workspace holds the store reopened with that key."""
    key = keys.create(GOOD, require_passphrase_each_start=True)
    store = Store.create(keys.data_dir, key)
    workspace = workspace_of(store, keys)
    try:
        dialog = ChangePassphraseDialog(workspace, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        type_into(dialog.ui.oldEdit, "错误的旧口令错误的旧口令")
        type_into(dialog.ui.newEdit, OTHER_GOOD)
        type_into(dialog.ui.repeatEdit, OTHER_GOOD)
        press_ok(dialog, dialog.ui.buttonBox, qtbot)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
        assert "不正确" in dialog.ui.errorLabel.text()
        assert workspace.is_open and workspace.store.key_box.get() == key

        dialog.ui.oldEdit.clear()
        type_into(dialog.ui.oldEdit, GOOD)
        with qtbot.waitSignal(dialog.accepted, timeout=60000):
            press_ok(dialog, dialog.ui.buttonBox, qtbot)
        new_key = keys.unlock_with_passphrase(OTHER_GOOD)
        assert new_key != key and workspace.is_open and workspace.store.key_box.get() == new_key
        assert list((keys.data_dir / "backups").glob("pre-rekey-*.rcbak"))
        assert workspace.store.audit_problems == []
    finally:
        workspace.close()
        store.close()
