"""The GUI start sequence with a REAL Secret Service (gnome-keyring-daemon in a private D-Bus session).

Given a store whose key is kept in the credential store, the app opens with no dialog at all. Given
that key no longer opens the database (the file was replaced), the app does not start over: it
offers to unlock with the passphrase, then reports the damage and leaves every file as it was.
The GUI part runs offscreen in a subprocess inside the session (the session's bus must be the
process's own); it prints one JSON line the test reads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from rongcuo_desktop.domain.demo import demo_cases
from rongcuo_desktop.paths import demo_cases_file

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(
        shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None,
        reason="gnome-keyring-daemon / dbus-run-session not installed (Debian: gnome-keyring, dbus)",
    ),
]

PASSPHRASE = "春眠不觉晓 处处闻啼鸟"
KEYRING_PASSWORD = "login-keyring-password"

STEP = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox
    app = QApplication([])
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import KeyManager
    from rongcuo_desktop.ui.startup.passphrase_dialogs import UnlockDialog
    from rongcuo_desktop.ui.startup.flow import Startup
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.tasks import TaskRunner

    data = Path(sys.argv[1])
    out = {}
    runner = TaskRunner()

    def wait(predicate, seconds=20):
        deadline = time.monotonic() + seconds
        while not predicate():
            if time.monotonic() > deadline:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.01)

    def start():
        startup = Startup(data, runner, QSettings(str(data.parent / "ui.ini"), QSettings.Format.IniFormat))
        events = {"opened": None, "failed": None, "previewed": None}
        startup.opened.connect(lambda r: events.update(opened=r))
        startup.failed.connect(lambda c: events.update(failed=c))
        startup.previewed.connect(lambda p: events.update(previewed=p))
        startup.start()
        return startup, events

    key = KeyManager(data, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(data, key) as store:
        store.add_demo_cases()

    # 1. key from the credential store: no dialog. The list's first page is read before the store
    # opens (store/first_look.py); the window shows it, and the store opens once it has painted.
    from rongcuo_desktop.ui.shell.main_window import MainWindow

    startup, events = start()
    wait(lambda: events["previewed"] or events["opened"] or events["failed"] is not None or startup.dialog)
    preview = events["previewed"]
    out["previewed_without_dialog"] = preview is not None and startup.dialog is None
    ini = QSettings(str(data.parent / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        None, None, runner, ini, data, credential_store_usable=True,
        first_page=preview.first_page, source=preview.source,
    )
    window.first_painted.connect(startup.open_after_preview)
    window.show()
    wait(lambda: window.cases.model.fetched_row_count > 0)
    out["rows_before_open"] = window.cases.model.rowCount()
    bar = [a.text() for a in window.menuBar().actions()]
    waiting = [a.text() for a in window.menuBar().actions() if not a.isEnabled()]
    out["menus_before_open"] = bar
    out["menus_waiting"] = waiting
    out["demo_action_waits"] = not window.demo.action.isEnabled()
    out["detail_before_open"] = window.cases.detail.shown_doc_no  # nothing asks the store before it opens
    wait(lambda: events["opened"] is not None or events["failed"] is not None)
    opened = events["opened"]
    out["usable"] = opened.workspace.credential_store_usable if opened else None
    window.attach(opened.workspace, opened.person)
    features = WindowFeatures(window.context)  # as the app does once the store is open
    out["menus_after_open"] = [a.text() for a in window.menuBar().actions()]
    out["menus_disabled_after_open"] = [a.text() for a in window.menuBar().actions() if not a.isEnabled()]
    first_doc_no = window.cases.model.data(window.cases.model.index(0, 0))
    wait(lambda: window.cases.detail.shown_doc_no == first_doc_no)  # the detail waited for the store
    out["detail_shown"] = True

    # 每次启动都需要口令 from the menu takes the key out of the credential store, and back.
    action = features.passphrase.require_action
    out["toggle_enabled_unchecked"] = action.isEnabled() and not action.isChecked()
    action.trigger()
    wait(lambda: action.isEnabled() and not runner.busy)
    out["key_after_require"] = KeyManager(data).key_from_credential_store()
    action.trigger()
    wait(lambda: action.isEnabled() and not runner.busy)
    out["key_back"] = (KeyManager(data).key_from_credential_store() or b"").hex() == key.hex()
    window.close()
    window.deleteLater()
    done = []
    runner.run_db(events["opened"].workspace.close, receiver=runner, done=done.append)
    wait(lambda: bool(done))

    # 3. a damaged page the first look does not read (the audit trail's root): the window that
    # showed the first page goes again, and the damage is reported the usual way. Nothing changes.
    import sqlcipher3
    raw = sqlcipher3.connect(str(data / "rongcuo.db"))
    raw.execute('PRAGMA key = "x' + chr(39) + key.hex() + chr(39) + '"')
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_events'").fetchone()[0]
    raw.close()
    intact = (data / "rongcuo.db").read_bytes()
    damaged = bytearray(intact)
    damaged[(root - 1) * 4096 + 100] ^= 0x55
    (data / "rongcuo.db").write_bytes(bytes(damaged))
    before = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file()}
    startup, events = start()
    withdrawn = []
    startup.preview_withdrawn.connect(lambda: withdrawn.append(True))
    wait(lambda: events["previewed"] or startup.dialog is not None)
    preview = events["previewed"]
    out["damaged_previewed"] = preview is not None
    window = MainWindow(
        None, None, runner, ini, data, credential_store_usable=True,
        first_page=preview.first_page, source=preview.source,
    )
    startup.preview_withdrawn.connect(window.close)  # as the app does
    window.first_painted.connect(startup.open_after_preview)
    window.show()
    wait(lambda: bool(withdrawn) and isinstance(startup.dialog, QMessageBox))
    out["damaged_window_closed"] = not window.isVisible()
    out["damaged_text"] = startup.dialog.text()
    startup.dialog.accept()
    wait(lambda: events["failed"] is not None)
    out["damaged_exit_code"] = events["failed"]
    out["damaged_never_opened"] = events["opened"] is None
    after = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file()}
    out["damaged_files_unchanged"] = before == after
    (data / "rongcuo.db").write_bytes(intact)

    # 2. the database file replaced: recovery is offered, nothing is created or changed.
    (data / "rongcuo.db").write_bytes(b"not a database at all " * 500)
    before = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file()}
    startup, events = start()
    wait(lambda: isinstance(startup.dialog, QMessageBox))
    box = startup.dialog
    out["recovery_text"] = box.text()
    unlock = [b for b in box.buttons() if b.text() == "用恢复口令解锁"]
    out["has_unlock_button"] = bool(unlock)
    unlock[0].click()
    wait(lambda: isinstance(startup.dialog, UnlockDialog))
    startup.dialog.ui.passphraseEdit.setText(PASSPHRASE)
    startup.dialog.accept()
    wait(lambda: isinstance(startup.dialog, QMessageBox) and startup.dialog is not box)
    out["fatal_text"] = startup.dialog.text()
    startup.dialog.accept()
    wait(lambda: events["failed"] is not None)
    out["exit_code"] = events["failed"]
    after = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file()}
    out["files_unchanged"] = before == after
    # 4. The real app, on the intact store again: the list paints from the first look, the store
    # opens after the paint, and SIGTERM closes it cleanly (with its backup at close).
    (data / "rongcuo.db").write_bytes(intact)
    import os, signal, subprocess

    # The real app on a folder until its store is open and the window ready; then SIGTERM.
    # Returns the exit code, the app's log and whether the list was reported painted.
    def run_app(folder):
        ready = folder.parent / "ready"
        ready.unlink(missing_ok=True)
        opened = folder.parent / "opened"
        opened.unlink(missing_ok=True)
        run = subprocess.Popen(
            [sys.executable, "-c", "import sys; from rongcuo_desktop.ui.app import main; sys.exit(main())",
             "--data-dir", str(folder)],
            env=dict(os.environ, RONGCUO_READY_FILE=str(ready), RONGCUO_OPENED_FILE=str(opened)),
        )
        log_file = folder / "logs" / "rongcuo.log"
        def app_log():
            return log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        wait(lambda: opened.exists() or run.poll() is not None, 60)
        painted = ready.exists()
        run.send_signal(signal.SIGTERM)
        return run.wait(30), app_log(), painted

    out["app_exit"], text, _painted = run_app(data)
    out["app_order"] = [
        text.find(line) for line in (
            "first look at the case list", "case list painted", "store opened in", "main window ready",
            "store closed",
        )
    ]

    # 5. The window closed the moment it shows, before its store opened: the app ends (exit 0)
    # and gives the store lock back; the files are as they were.
    before = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file() and p.suffix == ".db"}
    closer = (
        "import sys\\n"
        "from PySide6.QtWidgets import QApplication\\n"
        "from rongcuo_desktop.ui import app\\nfrom rongcuo_desktop.ui.startup import flow as startup\\n"
        "started = startup.Startup.start\\n"
        "def start(self):\\n"
        "    def close(_preview):\\n"
        "        for window in QApplication.topLevelWidgets():\\n"
        "            if type(window).__name__ == 'MainWindow':\\n"
        "                window.close()\\n"
        "    self.previewed.connect(close)\\n"
        "    started(self)\\n"
        "startup.Startup.start = start\\n"
        "sys.exit(app.main())\\n"
    )
    closed_run = subprocess.run(
        [sys.executable, "-c", closer, "--data-dir", str(data)], timeout=60, capture_output=True, text=True
    )
    out["closed_exit"] = closed_run.returncode
    from rongcuo_desktop.store.locking import StoreLock
    lock = StoreLock(data)
    lock.acquire()  # StoreInUse if the lock had been kept
    lock.release()
    out["closed_lock_free"] = True
    after = {p.name: p.read_bytes().hex() for p in data.iterdir() if p.is_file() and p.suffix == ".db"}
    out["closed_db_unchanged"] = before == after

    # 6. An empty store (the demo cases declined): the empty list counts as painted, so the store
    # opens and the app is ready.
    empty = data.parent / "empty"
    with Store.create(empty, KeyManager(empty, kdf_target_seconds=0.05).create(PASSPHRASE)):
        pass
    out["empty_exit"], text, painted = run_app(empty)
    out["empty_ready"] = painted and "first look at the case list" in text and "main window ready" in text

    runner.shutdown()
    print(json.dumps(out, ensure_ascii=False))
    """
).replace("PASSPHRASE", repr(PASSPHRASE))

SESSION = """set -e
printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$STEP_PYTHON" "$STEP_SCRIPT" "$@"
"""


def run_in_session(tmp_path: Path) -> dict[str, Any]:
    home = tmp_path / "home"
    for sub in ("run", ".local/share", ".config", ".cache"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    script = tmp_path / "step.py"
    script.write_text(STEP, encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "KEYRING_PASSWORD": KEYRING_PASSWORD,
        "STEP_PYTHON": sys.executable,
        "STEP_SCRIPT": str(script),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SESSION, "session", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_credential_store_key_opens_without_a_dialog_and_a_replaced_file_is_never_overwritten(
    tmp_path: Path,
) -> None:
    out = run_in_session(tmp_path)
    assert out["previewed_without_dialog"] is True
    assert out["rows_before_open"] == len(demo_cases(demo_cases_file()))  # painted before the store opened
    assert out["menus_before_open"] == [
        "文件(&F)",
        "案件(&C)",
        "视图(&V)",
        "数据(&D)",
        "报告(&R)",
        "人员(&P)",
        "帮助(&H)",
    ]
    assert out["menus_waiting"] == ["数据(&D)", "报告(&R)", "人员(&P)"] and out["demo_action_waits"] is True
    assert out["usable"] is True
    assert out["menus_after_open"] == out["menus_before_open"]  # filled in their places, not added
    assert out["menus_disabled_after_open"] == []
    assert out["detail_before_open"] == "未选择案件" and out["detail_shown"] is True
    assert out["toggle_enabled_unchecked"] is True
    assert out["app_exit"] == 0
    assert out["closed_exit"] == 0 and out["closed_lock_free"] is True and out["closed_db_unchanged"] is True
    assert out["empty_ready"] is True and out["empty_exit"] == 0
    assert -1 not in out["app_order"] and out["app_order"] == sorted(out["app_order"]), out["app_order"]
    assert out["key_after_require"] is None and out["key_back"] is True
    assert out["has_unlock_button"] is True
    assert "未做任何改动" in out["recovery_text"]
    assert "没有改动或删除任何文件" in out["fatal_text"]
    assert out["exit_code"] == 3
    assert out["damaged_previewed"] is True and out["damaged_window_closed"] is True
    assert out["damaged_exit_code"] == 3 and out["damaged_never_opened"] is True
    assert "损坏" in out["damaged_text"] and out["damaged_files_unchanged"] is True
    assert out["files_unchanged"] is True
