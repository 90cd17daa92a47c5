"""The credential-store path against a REAL Secret Service.

Each step starts a private D-Bus session (dbus-run-session) with HOME and the XDG folders in a temp
folder, unlocks a login keyring with a known password through ``gnome-keyring-daemon --unlock
--components=secrets`` fed on stdin, and runs the key manager in a subprocess inside that session.
The keyring file lives in the temp HOME, so a later session with a new daemon sees what an earlier
one stored, like a user logging in again. Nothing here touches the real user's keyring.
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

from rongcuo_desktop.store.keys import KeyManager

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(
        shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None,
        reason="gnome-keyring-daemon / dbus-run-session not installed (Debian: gnome-keyring, dbus)",
    ),
]

PASSPHRASE = "春眠不觉晓 处处闻啼鸟"
KEYRING_PASSWORD = "login-keyring-password"
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"

# Runs inside the session; prints one JSON object on its last line.
STEP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import keyring.backend
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import SERVICE_NAME, KeyManager

    step, data_dir = sys.argv[1], Path(sys.argv[2])
    manager = KeyManager(data_dir, kdf_target_seconds=0.05)
    out = {}

    def stored_entry(store_id):
        backends = [b for b in keyring.backend.get_all_keyring() if type(b).__name__ == "Keyring"
                    and type(b).__module__ == "keyring.backends.SecretService"]
        return backends[0].get_password(SERVICE_NAME, store_id) if backends else "NO-BACKEND"

    status = manager.credential_store_status()
    out["status"] = [status.usable, status.backend]
    if step == "create":
        key = manager.create(PASSPHRASE)
        with Store.create(data_dir, key) as store:
            store.add_demo_cases()
        out["key"] = key.hex()
        out["from_store"] = (KeyManager(data_dir).key_from_credential_store() or b"").hex()
    elif step == "create_require":
        key = manager.create(PASSPHRASE, require_passphrase_each_start=True)
        out["key"] = key.hex()
        out["entry"] = stored_entry(manager.store_id)
        out["from_store"] = KeyManager(data_dir).key_from_credential_store()
    elif step == "reopen":
        key = manager.key_from_credential_store()
        out["from_store"] = (key or b"").hex()
        with Store.open(data_dir, key) as store:
            out["count"] = store.cases.count()
        manager.set_require_passphrase_each_start(True)
        out["entry_after_require"] = stored_entry(manager.store_id)
        out["from_store_after_require"] = KeyManager(data_dir).key_from_credential_store()
        manager.set_require_passphrase_each_start(False)
        out["from_store_after_release"] = (KeyManager(data_dir).key_from_credential_store() or b"").hex()
    elif step == "entry_deleted":
        backend = [b for b in keyring.backend.get_all_keyring()
                   if type(b).__module__ == "keyring.backends.SecretService"][0]
        backend.delete_password(SERVICE_NAME, manager.store_id)
        fresh = KeyManager(data_dir)
        out["from_store"] = fresh.key_from_credential_store()
        out["note"] = fresh.backend_change_note()
        out["unlocked"] = fresh.unlock_with_passphrase(PASSPHRASE).hex()
        out["from_store_after_unlock"] = (KeyManager(data_dir).key_from_credential_store() or b"").hex()
    print(json.dumps(out, ensure_ascii=False))
    """
).replace("PASSPHRASE", repr(PASSPHRASE))

SESSION = """set -e
printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$STEP_PYTHON" "$STEP_SCRIPT" "$@"
"""


@pytest.fixture
def session_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for sub in ("run", ".local/share", ".config", ".cache"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    (tmp_path / "step.py").write_text(STEP, encoding="utf-8")
    return home


def in_session(home: Path, step: str, data_dir: Path) -> dict[str, Any]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "KEYRING_PASSWORD": KEYRING_PASSWORD,
        "STEP_PYTHON": sys.executable,
        "STEP_SCRIPT": str(home.parent / "step.py"),
        "LANG": "C.UTF-8",
    }
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SESSION, "session", step, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_key_is_kept_in_the_secret_service_and_survives_a_new_session(
    session_home: Path, tmp_path: Path
) -> None:
    """Given a real Secret Service, when a store is created, then its key is kept there, found again
    by a new daemon in a new session, removed by 每次启动都需要口令 and put back when it is turned off."""
    data_dir = tmp_path / "store"
    created = in_session(session_home, "create", data_dir)
    assert created["status"] == [True, SECRET_SERVICE]
    assert created["from_store"] == created["key"]
    record = json.loads((data_dir / "rongcuo-key.json").read_text(encoding="utf-8"))
    assert record["credential_store"]["backend"] == SECRET_SERVICE
    assert created["key"] not in (data_dir / "rongcuo-key.json").read_text(encoding="utf-8")
    # the login keyring on disk is the daemon's encrypted file, not our key in clear
    keyring_files = list((session_home / ".local/share/keyrings").glob("*.keyring"))
    assert keyring_files
    assert all(created["key"].encode() not in f.read_bytes() for f in keyring_files)

    again = in_session(session_home, "reopen", data_dir)
    assert again["from_store"] == created["key"]
    assert again["count"] >= 6
    assert again["entry_after_require"] is None  # the key left the credential store
    assert again["from_store_after_require"] is None
    assert again["from_store_after_release"] == created["key"]


def test_require_passphrase_keeps_the_key_out_of_the_secret_service(
    session_home: Path, tmp_path: Path
) -> None:
    result = in_session(session_home, "create_require", tmp_path / "store")
    assert result["status"][0] is True
    assert result["entry"] is None
    assert result["from_store"] is None


def test_deleted_entry_is_explained_and_restored_after_a_passphrase_unlock(
    session_home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "store"
    created = in_session(session_home, "create", data_dir)
    result = in_session(session_home, "entry_deleted", data_dir)
    assert result["from_store"] is None
    assert result["note"] and "没有找到" in result["note"] and "没有损坏" in result["note"]
    assert result["unlocked"] == created["key"]
    assert result["from_store_after_unlock"] == created["key"]


def test_same_store_on_a_pc_without_the_service_explains_the_change(
    session_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store moved to (or the session lost) a PC with no Secret Service: a calm note, not damage."""
    data_dir = tmp_path / "store"
    created = in_session(session_home, "create", data_dir)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    manager = KeyManager(data_dir)
    assert manager.key_from_credential_store() is None
    note = manager.backend_change_note()
    assert note and "Secret Service" in note and "没有损坏" in note
    assert manager.unlock_with_passphrase(PASSPHRASE).hex() == created["key"]
