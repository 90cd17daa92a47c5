"""A second copy of the audit anchor outside the data folder: in the user's config folder.

Why: the anchor (the audit chain's length and head, store/audit_chain.py) lives in the key file beside
the database, and in the OS credential store where there is one. On a PC without a credential store,
copying back an older ``rongcuo.db`` together with its older ``rongcuo-key.json`` brought the older
anchor with it, so the rollback went unseen. A copy kept in the per-user config folder (platformdirs'
user_config_dir, one small file per store, named by the store's id) is not in the data folder, so
putting back an old data folder leaves it ahead of the chain, and the open reports the rollback.

What it does not stop: someone who can replace every file of this user (the config folder too), or
who holds the database key. See README, 回滚检测.

Tests point the folder elsewhere with RONGCUO_CONFIG_DIR (never the real home folder).
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.structured import parse_json, read_limited
from rongcuo_desktop.paths import user_config_dir
from rongcuo_desktop.store.layout import atomic_write

log = logging.getLogger(__name__)

ANCHORS_DIR_NAME = "audit-anchors"
FORMAT = "rongcuo-audit-anchor"
ANCHOR_MAX_BYTES = 16 * 1024  # an anchor copy is about 300 bytes


class ConfigAnchor:
    """The anchor copy of one store (by its id) in the config folder; every failure is logged only:
    this copy strengthens rollback detection, it never stops the app from working."""

    def __init__(self, store_id: str, folder: Path | None = None) -> None:
        self.store_id = str(uuid.UUID(store_id))  # a path component: only a real uuid
        self.path = (folder or user_config_dir()) / ANCHORS_DIR_NAME / f"{self.store_id}.json"

    def read(self) -> dict[str, Any] | None:
        """The anchor as written (length, head, mac) plus its key fingerprint, or None."""
        try:
            if not self.path.exists():
                return None
            body = parse_json(read_limited(self.path, "锚点副本", ANCHOR_MAX_BYTES), "锚点副本")
        except (OSError, ValueError) as error:  # the safe reader's ValidationError is a ValueError
            log.warning("config anchor unreadable: %s", type(error).__name__)
            return {"unreadable": True}
        if (
            not isinstance(body, dict)
            or body.get("format") != FORMAT
            or body.get("store_id") != self.store_id
        ):
            return {"unreadable": True}
        anchor = body.get("anchor")
        if not isinstance(anchor, dict):
            return {"unreadable": True}
        return {**anchor, "key_fingerprint": str(body.get("key_fingerprint", ""))}

    def write(self, anchor: dict[str, Any], key_fingerprint: str) -> None:
        body = {
            "format": FORMAT,
            "store_id": self.store_id,
            "anchor": {k: anchor[k] for k in ("length", "head", "mac")},
            "key_fingerprint": key_fingerprint,
        }
        data = (json.dumps(body, ensure_ascii=True, indent=1) + "\n").encode("ascii")
        try:
            with contextlib.suppress(ValueError):  # absent or unreadable: written anew below
                if self.path.exists() and read_limited(self.path, "锚点副本", ANCHOR_MAX_BYTES) == data:
                    return
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write(self.path, data)  # a temp file + rename: never half a file
        except OSError as error:
            log.warning("config anchor not written: %s", type(error).__name__)


class KeyFileRecord:
    """The fingerprint of the key file this PC last used for a store (keys.wrapping_fingerprint),
    beside the anchor copy: with it a wrong passphrase is told apart from a changed key file."""

    def __init__(self, store_id: str, folder: Path | None = None) -> None:
        self.store_id = str(uuid.UUID(store_id))
        self.path = (folder or user_config_dir()) / ANCHORS_DIR_NAME / f"{self.store_id}.key-file"

    def read(self) -> str | None:
        try:
            if not self.path.exists():
                return None
            value = read_limited(self.path, "密钥文件记录", 1024).decode("ascii").strip()
        except (OSError, ValueError):  # ValidationError and UnicodeDecodeError are ValueErrors
            return None
        return value if len(value) == 64 else None

    def write(self, fingerprint: str) -> None:
        try:
            if self.read() == fingerprint:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write(self.path, fingerprint.encode("ascii") + b"\n")
        except OSError as error:
            log.warning("key file record not written: %s", type(error).__name__)
