"""Operations of the window's frame that run on the database thread, until services/ has them.

Named functions (the task runner refuses lambdas), each taking the workspace and the acting
person's credential. They reach the store through Workspace.store, which only services/ should:
each moves into services as it lands there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace


def acknowledge_audit_problems(workspace: Workspace, by: Credential) -> None:
    """The 主任 has read the warning: recorded in the audit trail, the store writable again."""
    workspace.store.acknowledge_audit_problems(by=by)
