"""The 人员 menu's operations on the database thread, as named functions over services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace


def everyone(workspace: Workspace) -> list[AccountInfo]:
    """Every account, disabled ones too (账户管理 shows them as such)."""
    return accounts.people(workspace, include_disabled=True)


def add_account(workspace: Workspace, by: Credential, name: str, role: Role, pin: str) -> Credential | None:
    """A new account; the store's very first one is the 主任, who then acts at once (their
    credential is returned: the setup person has done their work)."""
    first = not workspace.has_accounts
    accounts.add(workspace, by, name, role, pin)
    return accounts.sign_in(workspace, name, pin) if first else None
