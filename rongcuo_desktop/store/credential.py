"""Who acts: a credential the store's guard issues when a person signs in, checked on every call.

Why not a name or an AccountInfo: anything that can be typed or built can be made up (a CLI once
accepted a made-up 主任's name). A Credential carries a random token that only the guard which
issued it knows; a credential built by hand, one from another open store, or one whose account has
since been disabled is refused (store/guard.py). Plain Python without SQLAlchemy, so the UI and the
services can hold one from the start-up path on.

How a credential is obtained (store/database.py):
- ``Store.authenticate(name, pin)``: the person's PIN (Authority.PIN);
- ``Store.key_holder(name)``: whoever opened the store with its key or recovery passphrase acts as
  that account (the CLI's first 主任 by default; a passphrase unlock carrying on as the person who
  was signed in) -- the key gives a chair's power over the file anyway (Authority.KEY);
- ``Store.setup_credential()``: a store without any account yet, as before accounts existed
  (Authority.SETUP); refused once the first account exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role


class Authority(StrEnum):
    PIN = "pin"
    KEY = "key"
    SETUP = "setup"


@dataclass(frozen=True, eq=False)
class Credential:
    """A signed-in person. Opaque: only the guard that issued it accepts it."""

    account: AccountInfo
    authority: Authority
    token: bytes = field(repr=False)

    @property
    def id(self) -> int:
        return self.account.id

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def role(self) -> Role:
        return self.account.role

    def may(self, action: Action) -> bool:
        """What the role table allows (the store checks again when it is asked)."""
        return self.account.may(action)
