"""Nothing typed in the case window is lost when the app is killed (issue 12): the real
`rongcuo-desktop` process under Xvfb, driven with xdotool like a person (Ctrl+O opens the selected
case, keys typed into its 事实 field); once the app's log says the draft was written, the process is
killed with SIGKILL. Reopened, the store holds the draft and the case window shows the text again."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rongcuo_desktop.store.case_list import CaseQuery
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.casefile.window import CaseWindow
from rongcuo_desktop.ui.shell.features import WindowFeatures
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import workspace_of
from tests.ui.xvfb_app import PASSPHRASE, app_under_xvfb, demo_store, needs_tools, wait_for

pytestmark = pytest.mark.xvfb
TYPED = "CRASH-TEST-typed-before-the-kill"


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


@needs_tools
def test_text_typed_in_the_case_window_survives_sigkill(
    tmp_path: Path, qtbot: QtBot, runner: TaskRunner
) -> None:
    data, secret = demo_store(tmp_path)
    ready = tmp_path / "ready"
    log_file = data / "logs" / "rongcuo.log"
    env = {**os.environ, "RONGCUO_PASSPHRASE_FILE": str(secret), "RONGCUO_READY_FILE": str(ready)}
    with app_under_xvfb(data, "1024x768", env, output=subprocess.DEVNULL) as (app, env):
        wait_for(lambda: ready.exists() or app.poll() is not None, 60, "the case list to fill")
        assert app.poll() is None
        main = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "^容错免责案件库$").split()[0]
        xdotool(env, "windowfocus", "--sync", main)
        xdotool(env, "key", "--clearmodifiers", "ctrl+o")  # 打开案件: the selected (first) case
        case_window = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "^案件 ").split()[0]
        wait_for(lambda: "case window ready" in log_file.read_text(encoding="utf-8"), 30, "the case to show")
        xdotool(env, "windowfocus", "--sync", case_window)
        xdotool(env, "type", "--delay", "20", TYPED)
        wait_for(
            lambda: "case window: draft written" in log_file.read_text(encoding="utf-8"),
            30,
            "the draft to reach the store",
        )
        app.send_signal(signal.SIGKILL)
        assert app.wait(30) == -signal.SIGKILL

    # Reopened: the draft is in the store, and the case window shows it again.
    key = KeyManager(data).unlock_with_passphrase(PASSPHRASE)
    store = Store.open(data, key)
    try:
        case_id = store.cases.ids(CaseQuery())[0]  # the case the list showed first
        drafts = store.casework.drafts(str(case_id))
        assert TYPED in drafts.get("facts", ""), drafts
        assert TYPED not in store.cases.get(case_id).facts  # typed, not saved: only the draft holds it
        workspace = workspace_of(store)
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, store.setup_credential(), runner, settings, data)
        qtbot.addWidget(window)
        features = WindowFeatures(window.context)
        reopened = features.casefile.open_case(case_id)
        assert isinstance(reopened, CaseWindow)
        qtbot.waitUntil(lambda: reopened.view is not None, timeout=20000)
        assert reopened.ui.factsEdit.toPlainText().endswith(TYPED)
        assert "已恢复未保存的内容" in reopened.ui.draftLabel.text()
        reopened.close()
        window.close()
    finally:
        store.close()
