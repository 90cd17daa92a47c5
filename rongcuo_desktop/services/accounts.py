"""People: who may sign in, signing in (a Credential), and the accounts the 主任 manages.

A Credential is what every other services call takes as `by`: the store issued it here, to this
person, in this process, and refuses anything else (store/credential.py). Signing in for one dialog
and dropping the credential afterwards is how a member scores on the secretary's PC without the
window switching person.
"""

from __future__ import annotations

from collections.abc import Iterable

from rongcuo_desktop.domain.accounts import pin_problem
from rongcuo_desktop.domain.roles import AccountInfo, Role
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Authority, Credential

__all__ = [
    "Authority",
    "Credential",
    "add",
    "change_own_pin",
    "check_name",
    "disable",
    "key_holder",
    "members",
    "people",
    "pin_problem",
    "reset_pin",
    "set_members",
    "setup_person",
    "sign_in",
]


def check_name(name: str) -> str:
    """The account name as it will be kept (NFC, trimmed); ServiceError names what is wrong."""
    from rongcuo_desktop.store.accounts import clean_name

    return clean_name(name)


def people(workspace: Workspace, *, include_disabled: bool = False) -> list[AccountInfo]:
    """Names and roles for the account picker (shown before anyone signs in; no PINs, no secrets)."""
    return workspace.store.accounts.list_all(include_inactive=include_disabled)


def sign_in(workspace: Workspace, name: str, pin: str) -> Credential:
    """The person's credential, by their PIN (~80 ms: off the GUI thread). Raises WrongPin,
    PinLockedOut (wait `error.wait_seconds`), PermissionDenied (disabled). Every try is audited."""
    return workspace.store.authenticate(name, pin)


def setup_person(workspace: Workspace) -> Credential | None:
    """A store without accounts yet: the setup 主任's credential (None once the store has accounts)."""
    if workspace.has_accounts:
        return None
    return workspace.store.setup_credential()


def key_holder(workspace: Workspace, name: str | None = None) -> Credential:
    """Whoever unlocked the store with its key or recovery passphrase, acting as account `name`
    (a passphrase unlock carrying on as the person signed in before the lock) or, without a name, as
    the first 主任 (the CLI without --as). A store without accounts gives the setup 主任."""
    return workspace.store.key_holder(name)


def add(workspace: Workspace, by: Credential, name: str, role: Role, pin: str) -> AccountInfo:
    """A new account (主任; the very first account of a store is the 主任 set up by the setup person)."""
    return workspace.store.accounts.add(name, role, pin, by=by)


def disable(workspace: Workspace, by: Credential, name: str) -> None:
    """Disable an account (主任): its credentials are refused from now on."""
    workspace.store.accounts.set_active(name, False, by=by)


def change_own_pin(workspace: Workspace, by: Credential, old_pin: str, new_pin: str) -> None:
    """A person changes their own PIN (the old one proves it is them). PinRejected names the rule."""
    workspace.store.accounts.change_pin(old_pin, new_pin, by=by)


def reset_pin(workspace: Workspace, by: Credential, name: str, new_pin: str) -> None:
    """The 主任 sets a new PIN for `name` (audited; their wrong tries so far are forgiven)."""
    workspace.store.accounts.reset_pin(name, new_pin, by=by)


def members(workspace: Workspace, by: Credential, case_id: int) -> list[AccountInfo]:
    """The committee of a case (who may read and score it)."""
    return workspace.store.accounts.members_of(case_id, by=by)


def set_members(workspace: Workspace, by: Credential, case_id: int, names: Iterable[str]) -> None:
    """Set the committee of a case (秘书, 主任): 委员 only; those who scored or recused stay."""
    workspace.store.accounts.set_members(case_id, names, by=by)
