"""The audit anchor also lives in a REAL Secret Service: putting back an older database AND its
older key file together (both files copied aside earlier) is still reported as a rollback.

Same harness as test_keys_secret_service.py: a private D-Bus session with gnome-keyring-daemon
and HOME in a temp folder; each step runs in a subprocess inside such a session.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

from tests.store import test_keys_secret_service as harness

pytestmark = harness.pytestmark

STEP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from rongcuo_desktop.domain.case import Case
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import KeyManager

    step, data_dir = sys.argv[1], Path(sys.argv[2])
    manager = KeyManager(data_dir, kdf_target_seconds=0.05)
    out = {}
    if step == "create":
        key = manager.create("春眠不觉晓 处处闻啼鸟")
        with Store.create(data_dir, key) as store:
            store.add_demo_cases()
    elif step == "backup":
        from rongcuo_desktop.store.backup import StoreFiles, create_backup
        key = manager.key_from_credential_store()
        out["backup"] = str(create_backup(StoreFiles.in_dir(data_dir), key, data_dir.parent / "usb"))
    elif step == "restore":
        from rongcuo_desktop.store.backup import StoreFiles, restore_backup
        (backup,) = (data_dir.parent / "usb").glob("*.rcbak")
        restore_backup(backup, "春眠不觉晓 处处闻啼鸟", StoreFiles.in_dir(data_dir))
    if step in ("check", "more"):
        key = manager.key_from_credential_store()
        with Store.open(data_dir, key) as store:
            out["problems"] = [p.kind.value for p in store.audit_problems]
            if step == "more":
                number = 100 + store.cases.count()
                store.cases.add(Case(doc_no=f"容错〔2026〕{number}号", party_name="谢某某",
                                     party_unit="某局", party_position=""))
    out["anchor_in_keyring"] = KeyManager(data_dir).read_audit_anchor_from_credential_store()
    print(json.dumps(out, ensure_ascii=False))
    """
)


def run(home: Path, step: str, data_dir: Path) -> dict[str, Any]:
    (home.parent / "step.py").write_text(STEP, encoding="utf-8")
    return harness.in_session(home, step, data_dir)


def test_rollback_of_database_and_key_file_together_is_caught_by_the_keyring_anchor(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    for sub in ("run", ".local/share", ".config", ".cache"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    data_dir = tmp_path / "data"
    created = run(home, "create", data_dir)
    assert created["anchor_in_keyring"] is not None and created["anchor_in_keyring"]["length"] >= 1
    aside = tmp_path / "aside"
    aside.mkdir()
    for name in ("rongcuo.db", "rongcuo-key.json"):
        shutil.copy2(data_dir / name, aside / name)

    more = run(home, "more", data_dir)
    assert more["problems"] == []
    assert more["anchor_in_keyring"]["length"] > created["anchor_in_keyring"]["length"]

    for name in ("rongcuo.db", "rongcuo-key.json"):
        shutil.copy2(aside / name, data_dir / name)
    checked = run(home, "check", data_dir)
    assert "rollback" in checked["problems"], json.dumps(checked, ensure_ascii=False)


def test_a_restore_made_by_the_app_is_not_reported_as_a_rollback(tmp_path: Path) -> None:
    """Issue 11, item 12, with a REAL Secret Service holding the anchor: given a backup and changes
    made after it (the keyring's anchor moved on), when the app restores the backup, then the restored
    store opens without any problem (not "审计记录只有 N 条，而上次记录到第 M 条"), and the keyring's
    anchor sits on the restored head, which ends with the restore."""
    home = tmp_path / "home"
    for sub in ("run", ".local/share", ".config", ".cache"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    data_dir = tmp_path / "data"
    run(home, "create", data_dir)
    at_backup = run(home, "backup", data_dir)["anchor_in_keyring"]["length"]
    more = run(home, "more", data_dir)
    more = run(home, "more", data_dir)
    assert more["problems"] == [] and more["anchor_in_keyring"]["length"] > at_backup + 1
    run(home, "restore", data_dir)
    checked = run(home, "check", data_dir)
    assert checked["problems"] == [], json.dumps(checked, ensure_ascii=False)
    assert checked["anchor_in_keyring"]["length"] == at_backup + 1  # the restored chain and its restore
