"""An unlocked, open store in this process: what every services call after the unlock takes.

A Workspace is made only by services.unlock (open, create, unlock_and_open). It holds the store
and its key manager; ui/ and cli/ hold the Workspace and hand it back to services, never reaching
inside. Who acts is not part of it: each call takes the acting person's Credential (one person per
call), so one window can let a member act for one dialog and carry on as the secretary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.store.keys import KeyManager

if TYPE_CHECKING:
    from rongcuo_desktop.store.audit_chain import ChainProblem
    from rongcuo_desktop.store.database import Store


class Workspace:
    def __init__(self, store: Store, keys: KeyManager, *, credential_store_usable: bool = False) -> None:
        self._store = store
        self._keys = keys
        self.credential_store_usable = credential_store_usable

    @property
    def store(self) -> Store:
        """For services (and reports/seal) only; ui/ and cli/ never use it."""
        return self._store

    @property
    def keys(self) -> KeyManager:
        return self._keys

    @property
    def data_dir(self) -> Path:
        return self._store.data_dir

    @property
    def has_accounts(self) -> bool:
        """The store has people: someone must sign in (services.accounts.sign_in) before acting."""
        return self._store.guard.has_accounts

    @property
    def read_only_reason(self) -> str | None:
        """Set when the audit check at open found problems; cleared by the 主任's acknowledgement."""
        return self._store.read_only_reason

    @property
    def audit_problems(self) -> list[ChainProblem]:
        return self._store.audit_problems

    @property
    def is_open(self) -> bool:
        return self._store.key_box.present

    def replace_store(self, store: Store) -> None:
        """Hold `store` from now on (the same data folder, reopened by a restore): the people signed
        in carry on where the new store knows them (AccessGuard.adopt); the old store is closed."""
        old, self._store = self._store, store
        store.guard.adopt(old.guard)
        old.close()

    def close(self) -> None:
        """Close the store (checkpoint, anchor, lock released, key wiped); idempotent."""
        self._store.close()
