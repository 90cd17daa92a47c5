"""The judgment feature's operations on the database thread: named functions over services.

A member scoring on the secretary's PC signs in here, inside the one operation that writes their
ballot, and the credential ends with it: the window never holds it (services.accounts' API note).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rongcuo_desktop.services import accounts, judgment

if TYPE_CHECKING:
    from rongcuo_desktop.services.judgment import MemberRecord, Score
    from rongcuo_desktop.services.workspace import Workspace


def score_with_pin(
    workspace: Workspace, name: str, pin: str, case_id: int, scores: Mapping[str, Score]
) -> MemberRecord:
    """The member proves who they are with their PIN and scores; their credential is dropped when
    this returns (a wrong PIN is refused, audited and slowed down by the store, and writes nothing)."""
    member = accounts.sign_in(workspace, name, pin)
    return judgment.score(workspace, member, case_id, scores)


def own_ballot_with_pin(workspace: Workspace, name: str, pin: str, case_id: int) -> MemberRecord | None:
    """The member's own ballot of the current round (to amend it), read with their PIN."""
    member = accounts.sign_in(workspace, name, pin)
    return judgment.own_line(workspace, member, case_id)
