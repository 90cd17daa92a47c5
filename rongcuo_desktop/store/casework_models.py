"""Tables of a case file's records beyond the judgment: the procedure's steps, the stage log, who sits
on a case's committee in what role, the members' fields of expertise, and unsaved drafts.

Why one table of typed records (`case_records`, JSON data per record) rather than a table per step:
every record is written whole by one person (the secretary), checked by its domain dataclass
(domain/casework.py) on the way in and read back through the same class; a dozen tables of a few
columns each would add schema without adding a rule the database could enforce. What must be found
by SQL has columns (case, kind, number). The stage log is its own table: the flowchart and the
step deadlines read its dates. Drafts are rows of the encrypted store, never a file. Added by
migration 0006; one Base with models.py.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rongcuo_desktop.store.models import Base


class CaseRecordRow(Base):
    """One record of a case's file: its kind (domain.casework.RECORD_TYPES), its number within the
    kind (1 for the single ones), its data as JSON."""

    __tablename__ = "case_records"
    __table_args__ = (UniqueConstraint("case_id", "kind", "seq"), Index(None, "kind", "case_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(40))


class StageLogRow(Base):
    """A case entering a stage: when (the day the secretary gives, and the time written), who, and
    for a move back, the reason."""

    __tablename__ = "case_stage_log"
    __table_args__ = (Index(None, "case_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(20))
    entered_on: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[str] = mapped_column(String(40))
    by_name: Mapped[str] = mapped_column(String(40))
    backward: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text)


class CaseSeatRow(Base):
    """How a member sits on a case's committee (case_members): fixed, or a non-fixed expert drawn for
    the case's field (seed 000's 动态裁定委员会)."""

    __tablename__ = "case_seats"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # fixed / non_fixed
    field: Mapped[str] = mapped_column(String(64))


class MemberProfileRow(Base):
    """A 委员 as the committee knows them: a fixed member or not, and their fields of expertise."""

    __tablename__ = "member_profiles"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    fixed: Mapped[bool] = mapped_column(Boolean)
    fields: Mapped[str] = mapped_column(Text)  # JSON list of 领域


class DraftRow(Base):
    """Text typed in the case window and not saved yet, per person, case ("new" before it has an id)
    and field; kept until the edit is saved or discarded."""

    __tablename__ = "case_drafts"

    account_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_key: Mapped[str] = mapped_column(String(20), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(String(40))
