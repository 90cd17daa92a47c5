"""The one place the store asks before acting: who is acting, may they, may the store be written.

Every repository write goes `guard.check_write(action, by)` -> change -> `guard.audit(session, ...)`
in the same session -> commit -> `guard.after_commit()` (moves the anchor). Every case read asks
`guard.check_read_case(session, case_id, by)` or narrows its SQL with `guard.case_filter(by)`. So the
rules hold below the UI, whoever calls the store (the UI, the CLI, a test, a script).

Who acts is a Credential (store/credential.py) passed with each call as `by`: issued here at sign-in
(`issue`), checked on every call (`verify`): a made-up one, one of another store, or one whose
account was disabled is refused. There is no "current user": a call without `by` is refused once the
store has accounts (NotLoggedIn); before the first account exists the setup 主任 acts.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import secrets
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.accounts import wait_after
from rongcuo_desktop.domain.roles import AccountInfo, Action, Role, allowed, refusal
from rongcuo_desktop.store.audit import (
    SETUP_ACTOR,
    AnchorKeeper,
    EventSpec,
    VerifyReport,
    append_event,
    append_events,
    head,
    verify_full,
    verify_since_anchor,
)
from rongcuo_desktop.store.audit_chain import ChainProblem
from rongcuo_desktop.store.credential import Authority, Credential
from rongcuo_desktop.store.errors import (
    NotAuthenticated,
    NotLoggedIn,
    PermissionDenied,
    StoreReadOnly,
)

log = logging.getLogger(__name__)


# The cases a member has recused from: they read nothing of them any more (issue 12).
_RECUSED = "SELECT case_id FROM judgment_members WHERE account_id = :a AND recused"
# The program itself, for what no person does (a schema upgrade, passphrase failures before unlock).
SYSTEM_ACTOR = AccountInfo(id=0, name="（程序）", role=Role.CHAIR)
READ_ONLY_NOTE = "审计记录核对发现异常，为保护证据，程序以只读方式运行，直到主任确认。"


def require(actor: AccountInfo, action: Action) -> None:
    """Refuse, in Chinese, an action the actor's role may not take."""
    if not actor.active:
        raise PermissionDenied(f"账户“{actor.name}”已停用。")
    if not allowed(actor.role, action):
        raise PermissionDenied(refusal(actor.role, action))


class PinThrottle:
    """Wrong PINs in a row per account name, and when the next try may come (domain.accounts.wait_after).

    In memory for this open store, seeded from the audit trail's recent tail the first time a name
    is tried (so a script that starts the CLI again and again waits as well). `clock` is wall time in
    seconds (injected by tests, which then need no real waiting); the tail's times are wall times too.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._state: dict[str, tuple[int, float]] = {}  # name -> (wrong PINs in a row, last one at)

    def known(self, name: str) -> bool:
        return name in self._state

    def seed(self, name: str, failures: int, last_at: dt.datetime | None) -> None:
        at = last_at.timestamp() if last_at is not None else self.clock()
        self._state.setdefault(name, (failures, at))

    def wait(self, name: str) -> int:
        """Whole seconds before `name` may try again (0: now)."""
        failures, at = self._state.get(name, (0, 0.0))
        remaining = at + wait_after(failures) - self.clock()
        return math.ceil(remaining) if remaining > 0 else 0

    def failed(self, name: str) -> int:
        failures = self._state.get(name, (0, 0.0))[0] + 1
        self._state[name] = (failures, self.clock())
        return failures

    def cleared(self, name: str) -> None:
        """A right PIN or a reset by the 主任: no wrong PINs in a row any more."""
        self._state[name] = (0, self.clock())


class AccessGuard:
    def __init__(self, data_dir: Path, key: bytes) -> None:
        self._anchor = AnchorKeeper(data_dir, key)
        self.read_only_reason: str | None = None
        self.open_report: VerifyReport | None = None
        self.has_accounts = False  # set at open; once true it stays true (accounts are never deleted)
        self._pending_head: tuple[int, str] | None = None
        self._issued: dict[bytes, Credential] = {}  # token -> what was issued, for this open store only
        self.throttle = PinThrottle()
        # Set by the Store: the account with this id as it is now (None: no such account).
        self.lookup_account: Callable[[int], AccountInfo | None] = lambda _id: None

    # --- credentials --------------------------------------------------------------------------

    def issue(self, info: AccountInfo, authority: Authority) -> Credential:
        """A credential for an account just checked (by PIN, by the key, or the setup 主任)."""
        credential = Credential(info, authority, secrets.token_bytes(16))
        self._issued[credential.token] = credential
        return credential

    def setup_credential(self) -> Credential:
        if self.has_accounts:
            raise NotLoggedIn()
        return self.issue(SETUP_ACTOR, Authority.SETUP)

    def revoke(self, account_id: int) -> None:
        """The account was disabled: every credential of it is refused from now on."""
        self._issued = {t: c for t, c in self._issued.items() if c.account.id != account_id}

    def adopt(self, other: AccessGuard) -> None:
        """The same data reopened in this process (a restore, an open after a refused one): the people
        signed in to `other` carry on where this store knows them as they were (same id, name and
        role, enabled); the setup person only while this store has no accounts either."""
        for credential in other._issued.values():
            if credential.authority is Authority.SETUP:
                keep = not self.has_accounts
            else:
                current = self.lookup_account(credential.account.id) if credential.account.id else None
                keep = current is not None and current == credential.account
            if keep:
                self._issued[credential.token] = credential

    def verify(self, by: Credential) -> AccountInfo:
        """The person `by` names, if this guard issued it and it still holds; else NotAuthenticated."""
        issued = self._issued.get(by.token) if isinstance(by, Credential) else None
        if issued is None or (issued.account, issued.authority) != (by.account, by.authority):
            raise NotAuthenticated()
        if by.authority is Authority.SETUP and self.has_accounts:
            raise NotLoggedIn()  # the store has accounts now: the person picks theirs
        return by.account

    # --- who is acting ------------------------------------------------------------------------

    def acting(self, by: Credential | None = None) -> AccountInfo:
        """Who acts: `by` (checked); a store without any account yet acts as the setup 主任;
        otherwise nobody (NotLoggedIn)."""
        if by is not None:
            return self.verify(by)
        if not self.has_accounts:
            return SETUP_ACTOR
        raise NotLoggedIn()

    def check_write(self, action: Action, by: Credential | None = None) -> AccountInfo:
        """Before any change: not read-only, someone is acting, and their role may do it."""
        if self.read_only_reason is not None and action is not Action.AUDIT_ACKNOWLEDGE:
            raise StoreReadOnly(self.read_only_reason)
        actor = self.acting(by)
        require(actor, action)
        return actor

    def check(self, action: Action, by: Credential | None = None) -> AccountInfo:
        """A permission check for a read-like action (export, open an attachment, view the audit)."""
        actor = self.acting(by)
        require(actor, action)
        return actor

    def check_read_case(
        self, session: Session | Connection, case_id: int, by: Credential | None = None
    ) -> AccountInfo:
        actor = self.acting(by)
        if actor.may(Action.CASE_READ_ALL):
            return actor
        require(actor, Action.CASE_READ)
        member = session.execute(
            text("SELECT 1 FROM case_members WHERE case_id = :c AND account_id = :a"),
            {"c": case_id, "a": actor.id},
        ).first()
        if member is None:
            raise PermissionDenied(f"{actor.role.label}“{actor.name}”不是该案件的委员，无权查看。")
        recused = session.execute(text(_RECUSED + " AND case_id = :c"), {"c": case_id, "a": actor.id}).first()
        if recused is not None:  # issue 12: recusal locks a member out of the case's material
            raise PermissionDenied(f"{actor.role.label}“{actor.name}”已回避本案，不能查看本案的材料。")
        return actor

    def case_filter(self, by: Credential | None = None) -> tuple[str, list[Any]]:
        """An extra SQL condition on `cases.id` for people who may read only their own cases."""
        actor = self.acting(by)
        if actor.may(Action.CASE_READ_ALL):
            return "", []
        require(actor, Action.CASE_READ)
        recused = _RECUSED.replace(":a", "?")
        return (
            f"id IN (SELECT case_id FROM case_members WHERE account_id = ? EXCEPT {recused})",
            [actor.id, actor.id],
        )

    # --- recording ----------------------------------------------------------------------------

    def audit(
        self,
        session: Session | Connection,
        action: Action,
        *,
        case_id: int | None = None,
        summary: str = "",
        before: Any = None,
        after: Any = None,
        detail: dict[str, Any] | None = None,
        actor: AccountInfo | None = None,
    ) -> None:
        event = append_event(
            session,
            actor or self.acting(),
            action,
            case_id=case_id,
            summary=summary,
            before=before,
            after=after,
            detail=detail,
        )
        self._pending_head = (event.seq, event.hash)

    def audit_many(
        self, session: Session | Connection, specs: Sequence[EventSpec], *, actor: AccountInfo | None = None
    ) -> None:
        """Several events in one go (store.audit.append_events): a large import's one per case."""
        event = append_events(session, actor or self.acting(), specs)
        if event is not None:
            self._pending_head = (event.seq, event.hash)

    def after_commit(self) -> None:
        """Move the anchor in the key file to the committed head (a failure only weakens rollback
        detection until the next write; it never undoes the save)."""
        pending, self._pending_head = self._pending_head, None
        if pending is None or self.read_only_reason is not None:
            return  # never move the anchor over a chain that has not been acknowledged
        try:
            self._anchor.write(*pending)
        except Exception as error:  # the save is committed; say so in the log, do not fail it
            log.warning("audit anchor not updated: %s", type(error).__name__)

    def after_rollback(self) -> None:
        self._pending_head = None

    # --- the check at open and its acknowledgement --------------------------------------------

    def check_at_open(self, session: Session) -> VerifyReport:
        self.has_accounts = session.execute(text("SELECT 1 FROM accounts LIMIT 1")).first() is not None
        anchor, anchor_problem = self._anchor.read()
        report = verify_since_anchor(session, anchor)
        if anchor_problem is not None and anchor_problem.fingerprint not in {
            p.fingerprint for p in report.acknowledged
        }:
            report.problems.insert(0, anchor_problem)
        self.open_report = report
        if report.problems:
            self.read_only_reason = READ_ONLY_NOTE
            log.warning("audit check at open: %d problem(s); store is read-only", len(report.problems))
        else:
            self._write_anchor(report.length, report.head, credential_store=True)
        return report

    def verify_chain(self, session: Session) -> VerifyReport:
        anchor, anchor_problem = self._anchor.read()
        report = verify_full(session, anchor)
        if anchor_problem is not None:
            report.problems.insert(0, anchor_problem)
        return report

    def acknowledge(
        self, session: Session, problems: list[ChainProblem], by: Credential | None = None
    ) -> None:
        """The 主任 has seen the problems: record that, re-anchor, and leave read-only mode."""
        actor = self.check_write(Action.AUDIT_ACKNOWLEDGE, by)
        self.audit(
            session,
            Action.AUDIT_ACKNOWLEDGE,
            summary=f"主任确认了 {len(problems)} 处审计异常，恢复正常使用",
            detail={
                "problems": [p.fingerprint for p in problems],
                "messages": [p.message for p in problems],
            },
            actor=actor,
        )

    def after_acknowledge(self, session: Session) -> None:
        length, last = head(session)
        self._pending_head = None
        self._write_anchor(length, last, credential_store=True)
        self.read_only_reason = None
        self.open_report = None

    def at_close(self, session: Session) -> None:
        if self.read_only_reason is not None:
            return  # never move the anchor over a chain that has not been acknowledged
        length, last = head(session)
        self._write_anchor(length, last, credential_store=True)

    def _write_anchor(self, length: int, last: str, *, credential_store: bool) -> None:
        try:
            self._anchor.write(length, last, credential_store=credential_store)
        except Exception as error:
            log.warning("audit anchor not written: %s", type(error).__name__)
