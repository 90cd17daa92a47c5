"""The one place the store asks before acting: who is acting, may they, may the store be written.

Every repository write goes `guard.check_write(action)` -> change -> `guard.audit(session, ...)` in
the same session -> commit -> `guard.after_commit()` (moves the anchor). Every case read asks
`guard.check_read_case` or narrows its SQL with `guard.case_filter()`. So the rules hold below the
UI, whoever calls the store (the UI, the CLI, a test, a script).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.store.accounts import NotLoggedIn, PermissionDenied, require
from rongcuo_desktop.store.audit import (
    SETUP_ACTOR,
    AnchorKeeper,
    VerifyReport,
    append_event,
    head,
    verify_full,
    verify_since_anchor,
)
from rongcuo_desktop.store.audit_chain import ChainProblem
from rongcuo_desktop.store.errors import StoreError

log = logging.getLogger(__name__)


class StoreReadOnly(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"数据库目前只读，不能修改：{reason}")


# The program itself, for what no person does (a schema upgrade, passphrase failures before unlock).
SYSTEM_ACTOR = AccountInfo(id=0, name="（程序）", role=Role.CHAIR)
READ_ONLY_NOTE = "审计记录核对发现异常，为保护证据，程序以只读方式运行，直到主任确认。"


class AccessGuard:
    def __init__(self, data_dir: Path, key: bytes) -> None:
        self._anchor = AnchorKeeper(data_dir, key)
        self.actor: AccountInfo | None = None
        self.read_only_reason: str | None = None
        self.open_report: VerifyReport | None = None
        self.has_accounts = False  # set at open; once true it stays true (accounts are never deleted)
        self._pending_head: tuple[int, str] | None = None

    # --- who is acting ------------------------------------------------------------------------

    def acting(self) -> AccountInfo:
        """The logged-in person; a store without any account yet acts as the setup 主任."""
        if self.actor is not None:
            return self.actor
        if not self.has_accounts:
            return SETUP_ACTOR
        raise NotLoggedIn()

    def check_write(self, action: Action) -> AccountInfo:
        """Before any change: not read-only, someone is acting, and their role may do it."""
        if self.read_only_reason is not None and action is not Action.AUDIT_ACKNOWLEDGE:
            raise StoreReadOnly(self.read_only_reason)
        actor = self.acting()
        require(actor, action)
        return actor

    def check(self, action: Action) -> AccountInfo:
        """A permission check for a read-like action (export, open an attachment, view the audit)."""
        actor = self.acting()
        require(actor, action)
        return actor

    def check_read_case(self, session: Session | Connection, case_id: int) -> AccountInfo:
        actor = self.acting()
        if actor.may(Action.CASE_READ_ALL):
            return actor
        require(actor, Action.CASE_READ)
        member = session.execute(
            text("SELECT 1 FROM case_members WHERE case_id = :c AND account_id = :a"),
            {"c": case_id, "a": actor.id},
        ).first()
        if member is None:
            raise PermissionDenied(f"{actor.role.label}“{actor.name}”不是该案件的委员，无权查看。")
        return actor

    def case_filter(self) -> tuple[str, list[Any]]:
        """An extra SQL condition on `cases.id` for people who may read only their own cases."""
        actor = self.acting()
        if actor.may(Action.CASE_READ_ALL):
            return "", []
        require(actor, Action.CASE_READ)
        return "id IN (SELECT case_id FROM case_members WHERE account_id = ?)", [actor.id]

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

    def verify(self, session: Session) -> VerifyReport:
        anchor, anchor_problem = self._anchor.read()
        report = verify_full(session, anchor)
        if anchor_problem is not None:
            report.problems.insert(0, anchor_problem)
        return report

    def acknowledge(self, session: Session, problems: list[ChainProblem]) -> None:
        """The 主任 has seen the problems: record that, re-anchor, and leave read-only mode."""
        actor = self.check_write(Action.AUDIT_ACKNOWLEDGE)
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
