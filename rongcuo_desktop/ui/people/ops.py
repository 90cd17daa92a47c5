"""The 人员 menu's operations on the database thread that services/ does not have yet.

Named functions taking the workspace and the acting person's credential; they reach the store
through Workspace.store, which only services/ should: each moves into services as it lands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.audit import TimelineEntry, VerifyReport


def everyone(workspace: Workspace) -> list[AccountInfo]:
    """Every account, disabled ones too (账户管理 shows them as such)."""
    return accounts.people(workspace, include_disabled=True)


def case_timeline(workspace: Workspace, by: Credential, case_id: int) -> list[TimelineEntry]:
    """A case's 办理记录 as `by` may read it (a 委员 sees others' scores only once decided)."""
    return workspace.store.audit_timeline(case_id, by=by)


def verify_audit_trail(workspace: Workspace, by: Credential) -> VerifyReport:
    """The full walk of the audit chain, compared with its anchor."""
    return workspace.store.audit_verify(by=by)


def add_account(workspace: Workspace, by: Credential, name: str, role: Role, pin: str) -> Credential | None:
    """A new account; the store's very first one is the 主任, who then acts at once (their
    credential is returned: the setup person has done their work)."""
    first = not workspace.has_accounts
    accounts.add(workspace, by, name, role, pin)
    return accounts.sign_in(workspace, name, pin) if first else None
