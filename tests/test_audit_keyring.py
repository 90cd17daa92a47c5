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

from tests import test_keys_secret_service as harness

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
    else:
        key = manager.key_from_credential_store()
        with Store.open(data_dir, key) as store:
            out["problems"] = [p.kind.value for p in store.audit_problems]
            if step == "more":
                store.cases.add(Case(doc_no="容错〔2026〕99号", party_name="谢某某", party_unit="某局",
                                     party_position=""))
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
