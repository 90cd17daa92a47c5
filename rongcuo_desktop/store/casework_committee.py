"""The case file repository's committee for a case (seats, experts by field, recusals recorded by
the secretary), the members' profiles (the expert pool), and drafts of unsaved text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from rongcuo_desktop.domain.case_file import MemberRole
from rongcuo_desktop.domain.roles import Action, Role
from rongcuo_desktop.domain.text_rules import FIELDS, TextProblem, clean_text
from rongcuo_desktop.store.accounts import replace_members
from rongcuo_desktop.store.audit_models import AccountRow
from rongcuo_desktop.store.casework_models import (
    CaseSeatRow,
    DraftRow,
    MemberProfileRow,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import PermissionDenied

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
from rongcuo_desktop.store.casework_file import (
    CaseworkError,
    Profile,
    SeatSpec,
    _now,
    snapshot,
)
from rongcuo_desktop.store.casework_queries import RepositoryBase


class CommitteeAndDrafts(RepositoryBase):
    """The committee, the expert pool and drafts (store/casework.py: CaseworkRepository)."""

    def set_committee(self, case_id: int, seats: Sequence[SeatSpec], *, by: Credential | None = None) -> None:
        """The case's committee: fixed members and experts drawn by field (seed 000). Only 委员; a
        member who scored or recused stays on it (store.accounts.replace_members)."""
        actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
        clean = []
        for seat in seats:
            try:
                field = clean_text(seat.field, FIELDS["expert_field"])
            except TextProblem as problem:
                raise CaseworkError(f"{seat.name}：{problem}。没有保存。") from None
            clean.append(dataclasses.replace(seat, field=field))
        with self._write() as session:
            row = self._case(session, case_id)
            before = snapshot(session, row)
            names_before, wanted = replace_members(session, case_id, [s.name for s in clean])
            ids = dict(
                session.execute(
                    select(AccountRow.name, AccountRow.id).where(AccountRow.name.in_(wanted))
                ).all()
            )
            session.execute(delete(CaseSeatRow).where(CaseSeatRow.case_id == case_id))
            for seat in clean:
                name = seat.name.strip()
                if name in ids:
                    session.add(
                        CaseSeatRow(
                            case_id=case_id, account_id=ids[name], role=seat.role.value, field=seat.field
                        )
                    )
            session.flush()
            experts = sum(1 for s in clean if s.role is MemberRole.NON_FIXED)
            # Two events, each hashing what it is about: the committee (as store.accounts writes it)
            # and the case file with its seats (who is an expert of which field).
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                case_id=case_id,
                summary=f"案件委员：{'、'.join(wanted) or '（无）'}（其中非固定成员 {experts} 人）",
                before={"members": names_before},
                after={"members": wanted},
                actor=actor,
            )
            self._guard.audit(
                session,
                Action.CASE_RECORD,
                case_id=case_id,
                summary=f"委员会组成：固定成员 {len(clean) - experts} 人，非固定成员 {experts} 人",
                detail={"record": "seats"},
                before=before,
                after=snapshot(session, row),
                actor=actor,
            )

    def profiles(self, *, by: Credential | None = None) -> list[Profile]:
        """Every 委员 account with their place in the pool (fixed or not, fields of expertise)."""
        self._guard.acting(by)
        with self._read() as session:
            rows = session.execute(
                select(
                    AccountRow.id,
                    AccountRow.name,
                    AccountRow.active,
                    MemberProfileRow.fixed,
                    MemberProfileRow.fields,
                )
                .outerjoin(MemberProfileRow, MemberProfileRow.account_id == AccountRow.id)
                .where(AccountRow.role == Role.MEMBER.value)
                .order_by(AccountRow.name)
            ).all()
        return [
            Profile(
                i,
                name,
                bool(fixed) if fixed is not None else True,
                tuple(json.loads(fields or "[]")),
                bool(active),
            )
            for i, name, active, fixed, fields in rows
        ]

    def set_profile(
        self, name: str, *, fixed: bool, fields: Iterable[str], by: Credential | None = None
    ) -> None:
        """A 委员's place in the pool: fixed, or a non-fixed expert of these fields."""
        actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
        clean: list[str] = []
        for field in fields:
            try:
                value = clean_text(field, FIELDS["expert_field"])
            except TextProblem as problem:
                raise CaseworkError(f"{problem}。没有保存。") from None
            if value and value not in clean:
                clean.append(value)
        with self._write() as session:
            account = session.scalar(select(AccountRow).where(AccountRow.name == name.strip()))
            if account is None or account.role != Role.MEMBER.value:
                raise CaseworkError(f"没有名为“{name}”的委员账户。")
            profile = session.get(MemberProfileRow, account.id)
            before = (
                None if profile is None else {"fixed": profile.fixed, "fields": json.loads(profile.fields)}
            )
            if profile is None:
                profile = MemberProfileRow(account_id=account.id)
                session.add(profile)
            profile.fixed, profile.fields = fixed, json.dumps(clean, ensure_ascii=False)
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                summary=f"委员“{account.name}”：{'固定成员' if fixed else '非固定成员'}"
                + (f"，领域 {'、'.join(clean)}" if clean else ""),
                before=before,
                after={"fixed": fixed, "fields": clean},
                actor=actor,
            )

    def save_draft(self, case_key: str, field: str, value: str, *, by: Credential | None = None) -> None:
        """Keep unsaved text (the case window, debounced) until it is saved or discarded."""
        actor = self._draft_author(by)
        if len(value) > FIELDS["draft"].max_length:
            raise CaseworkError(f"草稿太长：{len(value):,} 个字，最多 {FIELDS['draft'].max_length:,} 个字。")
        with self._write() as session:
            row = session.get(DraftRow, (actor.id, case_key, field))
            if row is None:
                session.add(
                    DraftRow(account_id=actor.id, case_key=case_key, field=field, text=value, saved_at=_now())
                )
            else:
                row.text, row.saved_at = value, _now()

    def drafts(self, case_key: str, *, by: Credential | None = None) -> dict[str, str]:
        actor = self._draft_author(by)
        with self._read() as session:
            rows = session.execute(
                select(DraftRow.field, DraftRow.text).where(
                    DraftRow.account_id == actor.id, DraftRow.case_key == case_key
                )
            ).all()
        return dict(rows)

    def drop_drafts(
        self, case_key: str, fields: Iterable[str] | None = None, *, by: Credential | None = None
    ) -> None:
        actor = self._draft_author(by)
        with self._write() as session:
            query = delete(DraftRow).where(DraftRow.account_id == actor.id, DraftRow.case_key == case_key)
            if fields is not None:
                query = query.where(DraftRow.field.in_(list(fields)))
            session.execute(query)

    def _draft_author(self, by: Credential | None) -> AccountInfo:
        actor = self._guard.acting(by)
        if not (actor.may(Action.CASE_EDIT) or actor.may(Action.CASE_CREATE)):
            raise PermissionDenied(f"{actor.role.label}不编辑案件，没有草稿。")
        return actor
