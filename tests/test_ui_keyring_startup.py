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
    from rongcuo_desktop.ui.passphrase_dialogs import UnlockDialog
    from rongcuo_desktop.ui.startup import Startup
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
        events = {"opened": None, "failed": None, "dialogs": []}
        startup.opened.connect(lambda r: events.update(opened=r))
        startup.failed.connect(lambda c: events.update(failed=c))
        startup.start()
        return startup, events

    key = KeyManager(data, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(data, key) as store:
        store.add_demo_cases()

    # 1. key from the credential store: no dialog, the store opens.
    startup, events = start()
    wait(lambda: events["opened"] or events["failed"] is not None or startup.dialog is not None)
    out["opened_without_dialog"] = events["opened"] is not None and startup.dialog is None
    out["usable"] = events["opened"].credential_store_usable if events["opened"] else None

    # 每次启动都需要口令 from the menu takes the key out of the credential store, and back.
    from rongcuo_desktop.ui.main_window import MainWindow
    opened = events["opened"]
    ini = QSettings(str(data.parent / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        opened.store, runner, ini, key_manager=opened.key_manager, credential_store_usable=True
    )
    action = window.require_passphrase_action
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
    runner.run_db(events["opened"].store.close, receiver=runner, on_success=done.append)
    wait(lambda: bool(done))

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
    assert out["opened_without_dialog"] is True and out["usable"] is True
    assert out["toggle_enabled_unchecked"] is True
    assert out["key_after_require"] is None and out["key_back"] is True
    assert out["has_unlock_button"] is True
    assert "未做任何改动" in out["recovery_text"]
    assert "没有改动或删除任何文件" in out["fatal_text"]
    assert out["exit_code"] == 3
    assert out["files_unchanged"] is True
