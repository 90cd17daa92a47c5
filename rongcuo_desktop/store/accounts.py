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
import logging
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.roles import AccountInfo, Action, Role, allowed, refusal
from rongcuo_desktop.store.audit_models import AccountRow, CaseMemberRow
from rongcuo_desktop.store.errors import StoreError

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


MIN_PIN_LENGTH = 4
MAX_NAME_LENGTH = 40


class PermissionDenied(StoreError):
    """The acting person's role may not take this action (or may not see this case)."""


class WrongPin(StoreError):
    def __init__(self) -> None:
        super().__init__("账户名或个人口令不正确，请重试。")


class NotLoggedIn(StoreError):
    def __init__(self) -> None:
        super().__init__("请先选择您的账户并输入个人口令，再进行操作。")


def hash_pin(pin: str) -> str:
    check_pin_text(pin)
    return pin_hasher().hash(_normal(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return pin_hasher().verify(pin_hash, _normal(pin))
    except (VerificationError, InvalidHashError):
        return False


def check_pin_text(pin: str) -> None:
    if len(pin) < MIN_PIN_LENGTH:
        raise StoreError(f"个人口令至少需要 {MIN_PIN_LENGTH} 个字符。")


def clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise StoreError("账户名不能为空。")
    if len(name) > MAX_NAME_LENGTH or any(ch in name for ch in "\r\n\t"):
        raise StoreError(f"账户名太长或含有换行（最多 {MAX_NAME_LENGTH} 个字）。")
    return name


def _normal(pin: str) -> str:
    return unicodedata.normalize("NFC", pin)


_ROLES = {role.value: role for role in Role}


def _info(row: AccountRow) -> AccountInfo:
    return AccountInfo(id=row.id, name=row.name, role=_ROLES[row.role], active=row.active)


def require(actor: AccountInfo, action: Action) -> None:
    """Refuse, in Chinese, an action the actor's role may not take."""
    if not actor.active:
        raise PermissionDenied(f"账户“{actor.name}”已停用。")
    if not allowed(actor.role, action):
        raise PermissionDenied(refusal(actor.role, action))


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
        with self._read() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.role, AccountRow.name)).all()
            return [_info(r) for r in rows if include_inactive or r.active]

    def count(self) -> int:
        with self._read() as session:
            return len(session.scalars(select(AccountRow.id)).all())

    def add(self, name: str, role: Role, pin: str) -> AccountInfo:
        """Create an account (主任 only; the very first account of a store is the bootstrap 主任)."""
        name = clean_name(name)
        pin_hash = hash_pin(pin)
        with self._write() as session:
            first = session.scalars(select(AccountRow.id).limit(1)).first() is None
            actor = self._guard.check_write(Action.ACCOUNT_MANAGE)
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

    def set_active(self, name: str, active: bool) -> None:
        with self._write() as session:
            actor = self._guard.check_write(Action.ACCOUNT_MANAGE)
            row = session.scalars(select(AccountRow).where(AccountRow.name == name)).first()
            if row is None:
                raise StoreError(f"没有名为“{name}”的账户。")
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
            )

    def change_pin(self, old_pin: str, new_pin: str) -> None:
        """The person changes their own PIN (any role)."""
        new_hash = hash_pin(new_pin)
        with self._write() as session:
            actor = self._guard.check_write(Action.LOGIN)
            row = session.get(AccountRow, actor.id)
            if row is None or not pin_matches(row.pin_hash, old_pin):
                raise WrongPin()
            row.pin_hash = new_hash
            self._guard.audit(session, Action.ACCOUNT_MANAGE, summary="修改个人口令")

    def authenticate(self, name: str, pin: str) -> AccountInfo:
        """Check a PIN; a wrong one is recorded as a failed unlock (who tried, never the PIN)."""
        name = unicodedata.normalize("NFC", name).strip()
        with self._read() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.name == name)).first()
            info = None if row is None else _info(row)
            ok = row is not None and row.active and pin_matches(row.pin_hash, pin)
        if not ok or info is None:
            self._record_failure(name if info is not None else "（未知账户）")
            if info is not None and not info.active:
                raise PermissionDenied(f"账户“{name}”已停用，请联系主任。")
            raise WrongPin()
        self._guard.actor = info
        with self._write() as session:
            self._guard.audit(session, Action.LOGIN, summary=f"{info.name}（{info.role.label}）登录")
        return info

    def _record_failure(self, name: str) -> None:
        with self._write() as session:
            failed = AccountInfo(id=0, name=name[:MAX_NAME_LENGTH], role=Role.MEMBER)
            self._guard.audit(session, Action.FAILED_UNLOCK, summary="个人口令错误", actor=failed)

    # --- committee membership of a case ---------------------------------------------------------

    def members_of(self, case_id: int) -> list[AccountInfo]:
        with self._read() as session:
            rows = session.scalars(
                select(AccountRow)
                .join(CaseMemberRow, CaseMemberRow.account_id == AccountRow.id)
                .where(CaseMemberRow.case_id == case_id)
                .order_by(AccountRow.name)
            ).all()
            return [_info(r) for r in rows]

    def set_members(self, case_id: int, names: Iterable[str]) -> None:
        """Who sits on this case's committee (secretary or chair); only 委员 can be members.

        The committee is part of the judgment record: a member who has scored or recused stays on it
        (their scores count, so they must be able to read and answer for them). Members added after
        the conclusion read the case; they cannot score it (store.judgments freezes the record).
        """
        from rongcuo_desktop.store.judgment_models import JudgmentMemberRow, JudgmentScoreRow

        wanted = sorted({clean_name(n) for n in names})
        with self._write() as session:
            self._guard.check_write(Action.MEMBERS_ASSIGN)
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
            scored = select(JudgmentScoreRow.member_id).where(
                JudgmentScoreRow.member_id == JudgmentMemberRow.id
            )
            acted = session.scalars(
                select(AccountRow.name)
                .join(JudgmentMemberRow, JudgmentMemberRow.account_id == AccountRow.id)
                .where(JudgmentMemberRow.case_id == case_id)
                .where(JudgmentMemberRow.recused.is_(True) | scored.exists())
            ).all()
            dropped = sorted(set(acted) & set(before) - set(wanted))
            if dropped:
                raise StoreError(
                    f"{'、'.join(dropped)}已在本案评分或申请回避，不能移出委员名单"
                    "（其评分计入研判，须能查看本案）。"
                )
            session.execute(delete(CaseMemberRow).where(CaseMemberRow.case_id == case_id))
            for name in wanted:
                session.add(CaseMemberRow(case_id=case_id, account_id=found[name].id))
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                case_id=case_id,
                summary=f"案件委员：{'、'.join(wanted) or '（无）'}",
                before={"members": before},
                after={"members": wanted},
            )
