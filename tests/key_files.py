"""Key files edited as someone who knows the format would: fields changed, the checksum made right.

Shared by the key, key-limit and audit tests (a careful attacker's edit: only the checks on read, or
the anchor's HMAC keyed from the database key, can refuse it).
"""

from __future__ import annotations

import json
from pathlib import Path

from rongcuo_desktop.store import keys as keys_module
from rongcuo_desktop.store.layout import key_path


def rewrite_key_file(data_dir: Path, **changes: object) -> None:
    """Edit fields (``kdf__time_cost=1`` for body["kdf"]["time_cost"]) and recompute the checksum."""
    path = key_path(data_dir)
    body = json.loads(path.read_text(encoding="utf-8"))
    body.pop("checksum")
    for dotted, value in changes.items():
        target = body
        *parents, leaf = dotted.split("__")
        for parent in parents:
            target = target[parent]
        target[leaf] = value
    body["checksum"] = keys_module._checksum(body)
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
