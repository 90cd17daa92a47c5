"""Tables of a case's judgment record: the checklist, the members' scores and recusals, the decision.

Why rows and not one JSON blob per case: each member's scores change on their own (one member, one
transaction, one audit event), and the database enforces what it can (a level is 1 to 5, one score
per member and dimension, a member once per case). Added by migration 0004; one Base with models.py.
Migration 0007 added the rounds and the reveal (`judgment_rounds`), the ballots of closed rounds
(`judgment_round_scores`), the paper-ballot mark on a score, and the votes and dissent of a decision.

A member is normally an account of this store (`account_id`). Members recorded on another PC and
imported under a name no account here has keep `account_id` NULL: their scores are kept as the
record says, attributed by name, and nobody here can change them (docs/case-format.md, 导入).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from rongcuo_desktop.store.models import Base


class ChecklistItemRow(Base):
    """One line of a case's checklist: a situation claimed, a condition's or an exclusion's status."""

    __tablename__ = "case_checklist_items"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # situation / condition / exclusion
    rule_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # claimed; met / not_met / unknown; confirmed / ...
    position: Mapped[int] = mapped_column(Integer)  # the order the secretary listed them in


class JudgmentMemberRow(Base):
    """A member on a case's judgment record: who, fixed or not, recused or not."""

    __tablename__ = "judgment_members"
    __table_args__ = (
        UniqueConstraint("case_id", "member_key"),
        UniqueConstraint("case_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    member_key: Mapped[str] = mapped_column(String(40))  # the member's id in case files (m1, m2, ...)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    name: Mapped[str] = mapped_column(String(40))
    member_role: Mapped[str] = mapped_column(String(16))  # fixed / non_fixed
    recused: Mapped[bool] = mapped_column(Boolean)
    recusal_reason: Mapped[str] = mapped_column(Text)
    recused_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # local / imported


class JudgmentScoreRow(Base):
    __tablename__ = "judgment_scores"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),)

    member_id: Mapped[int] = mapped_column(
        ForeignKey("judgment_members.id", ondelete="CASCADE"), primary_key=True
    )
    dimension: Mapped[str] = mapped_column(String(20), primary_key=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    rationale: Mapped[str] = mapped_column(Text)
    scored_at: Mapped[str] = mapped_column(String(40))
    # A paper ballot: the 秘书 entered it for a member without a PC (their name here, "" otherwise).
    entered_by: Mapped[str] = mapped_column(String(40), default="", server_default="")


class JudgmentRoundRow(Base):
    """A round of scoring: the first is implied until something is recorded about it; a later one is
    opened by the chair after 会商 (with the reason). `revealed_at` is set when the chair reveals."""

    __tablename__ = "judgment_rounds"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    round: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revealed_by: Mapped[str] = mapped_column(String(40))
    revealed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class JudgmentRoundScoreRow(Base):
    """A ballot line of a closed round, copied as it was when the next round opened."""

    __tablename__ = "judgment_round_scores"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    round: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    rationale: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(40))
    scored_at: Mapped[str] = mapped_column(String(40))


class CaseDecisionRow(Base):
    """The meeting's decision as the chair recorded it (mirrored in cases.conclusion/decided_on)."""

    __tablename__ = "case_decisions"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    conclusion: Mapped[str] = mapped_column(String(20))
    decided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # a file may lack it
    rulebook: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(40))  # "" when imported from a version 1 file
    recorded_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    recorded_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The engine's recommendation when the decision was recorded here (None: none, or imported).
    recommendation: Mapped[str | None] = mapped_column(String(20), nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # local / imported
    # The meeting's vote (all three NULL: not recorded) and the dissenting opinions.
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dissent: Mapped[str] = mapped_column(Text, default="", server_default="")
