"""People who use a store: 秘书 / 委员 / 主任, each with a name and a personal PIN or passphrase.

Why lighter Argon2id parameters than the recovery KDF (t=2, 19 MiB, ~80 ms here, OWASP's floor,
against ~0.5 s and 128 MiB there): the PIN hashes live INSIDE the encrypted database, so nobody can
attack them offline without first having the database key. A PIN says who is at the keyboard (for
the audit trail and the role checks); it does not protect the data from outsiders, the recovery
passphrase and the database key do. A light hash keeps switching users quick on an old office PC.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rongcuo_desktop.domain import text_rules
from rongcuo_desktop.domain.accounts import normal_pin, pin_problem
from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.store.audit_models import AccountRow, CaseMemberRow
from rongcuo_desktop.store.credential import Authority, Credential
from rongcuo_desktop.store.errors import (
    NotLoggedIn,
    PermissionDenied,
    PinLockedOut,
    PinRejected,
    StoreError,
    WrongPin,
)

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from argon2 import PasswordHasher

    from rongcuo_desktop.store.guard import AccessGuard

log = logging.getLogger(__name__)


@functools.cache
def pin_hasher() -> PasswordHasher:
    """Argon2id for PINs; argon2 is imported when a PIN is first set or checked (not at start-up)."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


MAX_NAME_LENGTH = 40
_RECENT_EVENTS = 2000  # the audit tail read to seed the wrong-PIN count of a name (guard.PinThrottle)


def hash_pin(pin: str) -> str:
    """The hash of a NEW PIN; a PIN that breaks the rules (domain.accounts.pin_problem) is refused."""
    check_pin_text(pin)
    return pin_hasher().hash(normal_pin(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    for candidate in dict.fromkeys((normal_pin(pin), _normal(pin))):  # PINs set before the rules: NFC
        try:
            if pin_hasher().verify(pin_hash, candidate):
                return True
        except (VerificationError, InvalidHashError):
            continue
    return False


def check_pin_text(pin: str) -> None:
    problem = pin_problem(pin)
    if problem is not None:
        raise PinRejected(problem)


def clean_name(name: str) -> str:
    """The name as stored, through the one text validator (NFC, no invisible characters, length)."""
    try:
        return text_rules.clean_name(name, text_rules.FIELDS["account_name"])
    except text_rules.TextProblem as problem:
        raise StoreError(f"{problem}。") from None


def _normal(pin: str) -> str:
    return unicodedata.normalize("NFC", pin)


_ROLES = {role.value: role for role in Role}


def _info(row: AccountRow) -> AccountInfo:
    return AccountInfo(id=row.id, name=row.name, role=_ROLES[row.role], active=row.active)


SessionFactory = Callable[[], "AbstractContextManager[Session]"]


class AccountRepository:
    """Accounts and case membership. Writes go through the store's write session (one transaction
    with their audit event, the anchor moved after commit) and the store's guard."""

    def __init__(
        self, read_session: SessionFactory, write_session: SessionFactory, guard: AccessGuard
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard

    def list_all(self, *, include_inactive: bool = False) -> list[AccountInfo]:
        """Names and roles of the people (the account picker shows them before anyone signs in)."""
        with self._read() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.role, AccountRow.name)).all()
            return [_info(r) for r in rows if include_inactive or r.active]

    def count(self) -> int:
        with self._read() as session:
            return len(session.scalars(select(AccountRow.id)).all())

    def get(self, account_id: int) -> AccountInfo | None:
        """The account as it is now (the guard checks a carried-on person against it)."""
        with self._read() as session:
            row = session.get(AccountRow, account_id)
            return None if row is None else _info(row)

    def add(self, name: str, role: Role, pin: str, *, by: Credential | None = None) -> AccountInfo:
        """Create an account (主任 only; the very first account of a store is the bootstrap 主任)."""
        name = clean_name(name)
        pin_hash = hash_pin(pin)
        with self._write() as session:
            first = session.scalars(select(AccountRow.id).limit(1)).first() is None
            actor = self._guard.check_write(Action.ACCOUNT_MANAGE, by)
            if first and role is not Role.CHAIR:
                raise StoreError("第一个账户必须是主任。")
            if session.scalars(select(AccountRow.id).where(AccountRow.name == name)).first() is not None:
                raise StoreError(f"已经有名为“{name}”的账户。")
            row = AccountRow(
                name=name,
                role=role.value,
                pin_hash=pin_hash,
                active=True,
                created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
            session.add(row)
            session.flush()
            info = _info(row)
            self._guard.audit(
                session,
                Action.ACCOUNT_MANAGE,
                actor=info if first else actor,
                summary=f"新建账户：{name}（{role.label}）",
                after={"name": name, "role": role.value},
            )
        self._guard.has_accounts = True
        return info

    def set_active(self, name: str, active: bool, *, by: Credential | None = None) -> None:
        with self._write() as session:
            actor = self._guard.check_write(Action.ACCOUNT_MANAGE, by)
            row = self._row(session, name)
            if row.id == actor.id and not active:
                raise StoreError("不能停用自己正在使用的账户。")
            before = {"name": row.name, "active": row.active}
            row.active = active
            self._guard.audit(
                session,
                Action.ACCOUNT_MANAGE,
                summary=f"{'启用' if active else '停用'}账户：{name}",
                before=before,
                after={"name": row.name, "active": active},
                actor=actor,
            )
            account_id = row.id
        if not active:
            self._guard.revoke(account_id)  # whoever signed in as them can no longer act

    def change_pin(self, old_pin: str, new_pin: str, *, by: Credential | None = None) -> None:
        """The person changes their own PIN (any role); the old PIN proves it is them."""
        new_hash = hash_pin(new_pin)
        with self._write() as session:
            actor = self._guard.check_write(Action.LOGIN, by)
            row = session.get(AccountRow, actor.id) if actor.id else None
            if row is None:
                raise NotLoggedIn()
            if not pin_matches(row.pin_hash, old_pin):
                raise WrongPin()
            row.pin_hash = new_hash
            self._guard.audit(session, Action.ACCOUNT_MANAGE, summary="修改个人口令", actor=actor)

    def reset_pin(self, name: str, new_pin: str, *, by: Credential | None = None) -> None:
        """The 主任 sets a new PIN for someone who forgot theirs (audited; their wrong tries are forgiven)."""
        new_hash = hash_pin(new_pin)
        with self._write() as session:
            actor = self._guard.check_write(Action.ACCOUNT_MANAGE, by)
            row = self._row(session, name)
            row.pin_hash = new_hash
            self._guard.audit(
                session,
                Action.ACCOUNT_MANAGE,
                summary=f"重设账户“{row.name}”的个人口令",
                detail=_pin_reset_detail(row.name),
                actor=actor,
            )
            name = row.name
        self._guard.throttle.cleared(name)

    def authenticate(self, name: str, pin: str) -> Credential:
        """Check a PIN and issue that person's credential. A wrong one is recorded as a failed unlock
        (who tried, never the PIN); after 5 in a row the next try waits (guard.PinThrottle)."""
        name = unicodedata.normalize("NFC", name).strip()
        throttle = self._guard.throttle
        if not throttle.known(name):
            with self._read() as session:
                failures, last_at = _recent_failures(session, name)
            throttle.seed(name, failures, last_at)
        wait = throttle.wait(name)
        if wait:
            raise PinLockedOut(name, wait)
        with self._read() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.name == name)).first()
            info = None if row is None else _info(row)
            ok = row is not None and row.active and pin_matches(row.pin_hash, pin)
        if not ok or info is None:
            failures = throttle.failed(name)
            self._record_failure(name if info is not None else "（未知账户）", throttle.wait(name))
            if info is not None and not info.active:
                raise PermissionDenied(f"账户“{name}”已停用，请联系主任。")
            if failures >= 5 and throttle.wait(name):
                raise PinLockedOut(name, throttle.wait(name))
            raise WrongPin()
        throttle.cleared(name)
        credential = self._guard.issue(info, Authority.PIN)
        with self._write() as session:
            self._guard.audit(
                session, Action.LOGIN, summary=f"{info.name}（{info.role.label}）登录", actor=info
            )
        return credential

    def key_holder(self, name: str | None = None) -> Credential:
        """The credential of whoever opened the store with its key: as account `name`, or as the first
        主任 (the CLI's default); a store without accounts gives the setup 主任. No PIN: the key gives
        a chair's power over the file anyway (store/credential.py)."""
        accounts = self.list_all()
        if not accounts and name is None:
            return self._guard.setup_credential()
        if name is None:
            chairs = [a for a in accounts if a.role is Role.CHAIR]
            if not chairs:
                raise NotLoggedIn()
            return self._guard.issue(min(chairs, key=lambda a: a.id), Authority.KEY)
        wanted = unicodedata.normalize("NFC", name).strip()
        found = next((a for a in accounts if a.name == wanted), None)
        if found is None:
            raise StoreError(f"没有名为“{wanted}”的账户（或已停用）。")
        return self._guard.issue(found, Authority.KEY)

    def _row(self, session: Session, name: str) -> AccountRow:
        row = session.scalars(select(AccountRow).where(AccountRow.name == clean_name(name))).first()
        if row is None:
            raise StoreError(f"没有名为“{name}”的账户。")
        return row

    def _record_failure(self, name: str, wait: int) -> None:
        summary = "个人口令错误" + (f"（连续多次，{wait} 秒后才能再试）" if wait else "")
        with self._write() as session:
            failed = AccountInfo(id=0, name=name[:MAX_NAME_LENGTH], role=Role.MEMBER)
            self._guard.audit(session, Action.FAILED_UNLOCK, summary=summary, actor=failed)

    # --- committee membership of a case ---------------------------------------------------------

    def members_of(self, case_id: int, *, by: Credential | None = None) -> list[AccountInfo]:
        with self._read() as session:
            self._guard.check_read_case(session, case_id, by)
            rows = session.scalars(
                select(AccountRow)
                .join(CaseMemberRow, CaseMemberRow.account_id == AccountRow.id)
                .where(CaseMemberRow.case_id == case_id)
                .order_by(AccountRow.name)
            ).all()
            return [_info(r) for r in rows]

    def set_members(self, case_id: int, names: Iterable[str], *, by: Credential | None = None) -> None:
        """Who sits on this case's committee (secretary or chair); only 委员 can be members.

        The committee is part of the judgment record: a member who has scored or recused stays on it
        (their scores count, so they must be able to read and answer for them). Members added after
        the conclusion read the case; they cannot score it (store.judgments freezes the record).
        """
        with self._write() as session:
            actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
            before, wanted = replace_members(session, case_id, names)
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                case_id=case_id,
                summary=f"案件委员：{'、'.join(wanted) or '（无）'}",
                before={"members": before},
                after={"members": wanted},
                actor=actor,
            )


def replace_members(session: Session, case_id: int, names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Put `names` on the case's committee in `session` (the rules of set_members; the caller checks
    who acts and audits): the names before and after, sorted. Also used by store.casework, which
    writes the members' seats (fixed or expert) in the same transaction."""
    from rongcuo_desktop.store.judgment_models import JudgmentMemberRow, JudgmentScoreRow

    wanted = sorted({clean_name(n) for n in names})
    rows = session.scalars(select(AccountRow).where(AccountRow.name.in_(wanted))).all()
    found = {r.name: r for r in rows}
    missing = [n for n in wanted if n not in found]
    if missing:
        raise StoreError(f"没有这些账户：{'、'.join(missing)}。")
    not_members = [n for n, r in found.items() if r.role != Role.MEMBER.value]
    if not_members:
        raise StoreError(f"只有委员可以列入案件的委员名单：{'、'.join(not_members)}。")
    before = sorted(
        session.scalars(
            select(AccountRow.name)
            .join(CaseMemberRow, CaseMemberRow.account_id == AccountRow.id)
            .where(CaseMemberRow.case_id == case_id)
        ).all()
    )
    scored = select(JudgmentScoreRow.member_id).where(JudgmentScoreRow.member_id == JudgmentMemberRow.id)
    acted = session.scalars(
        select(AccountRow.name)
        .join(JudgmentMemberRow, JudgmentMemberRow.account_id == AccountRow.id)
        .where(JudgmentMemberRow.case_id == case_id)
        .where(JudgmentMemberRow.recused.is_(True) | scored.exists())
    ).all()
    dropped = sorted(set(acted) & set(before) - set(wanted))
    if dropped:
        raise StoreError(
            f"{'、'.join(dropped)}已在本案评分或申请回避，不能移出委员名单（其评分计入研判，须能查看本案）。"
        )
    session.execute(delete(CaseMemberRow).where(CaseMemberRow.case_id == case_id))
    for name in wanted:
        session.add(CaseMemberRow(case_id=case_id, account_id=found[name].id))
    return before, wanted


def _pin_reset_detail(name: str) -> dict[str, str]:
    """The detail of a PIN reset event; the wrong-PIN count of `name` starts again after it."""
    return {"pin_reset": name}


def _recent_failures(session: Session, name: str) -> tuple[int, dt.datetime | None]:
    """Wrong PINs in a row for `name` at the end of the audit trail's recent tail, and when the last
    one was (a bounded read: the newest events only, whatever the trail's length)."""
    from sqlalchemy import text

    rows = session.execute(
        text(
            "SELECT action, at FROM (SELECT actor_name, action, at, detail, id FROM audit_events "
            "ORDER BY id DESC LIMIT :n) WHERE (actor_name = :name AND action IN (:login, :failed)) "
            "OR (action = :manage AND detail = :reset) ORDER BY id DESC"
        ),
        {
            "n": _RECENT_EVENTS,
            "name": name,
            "login": Action.LOGIN.value,
            "failed": Action.FAILED_UNLOCK.value,
            "manage": Action.ACCOUNT_MANAGE.value,
            "reset": json.dumps(_pin_reset_detail(name), ensure_ascii=False, sort_keys=True),
        },
    ).all()
    failures, last_at = 0, None
    for action, at in rows:
        if action != Action.FAILED_UNLOCK.value:
            break
        failures += 1
        if last_at is None:
            last_at = dt.datetime.fromisoformat(str(at))
    return failures, last_at
