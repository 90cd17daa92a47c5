"""SQLAlchemy models: ONE declarative Base for everything the store keeps.

Later tables (audit events, accounts, attachments) subclass the same Base so Alembic's
autogenerate sees one metadata. The schema itself is created by the Alembic revisions in
``migrations/versions`` (run programmatically at create/open), never by ``create_all``.

Why two case tables: ``cases`` holds only short columns (the list shows them; every sort column
has an index ending in id, so an ORDER BY is an index walk), ``case_texts`` holds the long texts
(facts, matter, claimed situation) that the list never reads. Scans for search stay narrow.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Date, DateTime, ForeignKey, Index, MetaData, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class StoreMeta(Base):
    """Key/value facts about the store itself (store id, creating app version)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))


class CaseRecord(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(64), unique=True)
    # 容错〔2026〕3号 sorts before 容错〔2026〕12号: digit runs zero-padded (see doc_no_sort_key).
    doc_no_key: Mapped[str] = mapped_column(String(160))
    party_name: Mapped[str] = mapped_column(String(64))
    party_unit: Mapped[str] = mapped_column(String(200))
    # Pinyin sort keys (store/sort_keys.py), kept on write: sorting by 当事人 or 单位 is an index walk.
    party_name_key: Mapped[str] = mapped_column(String(400), server_default="")
    party_unit_key: Mapped[str] = mapped_column(String(1200), server_default="")
    party_position: Mapped[str] = mapped_column(String(200), default="")
    case_type: Mapped[str] = mapped_column(String(20))
    applicant_type: Mapped[str] = mapped_column(String(20))
    work_field: Mapped[str] = mapped_column(String(64), default="")
    stage: Mapped[str] = mapped_column(String(20))
    # Position of the stage in the procedure, so sorting by 阶段 follows the procedure, not the alphabet.
    stage_rank: Mapped[int] = mapped_column(SmallInteger)
    applied_on: Mapped[dt.date] = mapped_column(Date)
    conclusion: Mapped[str | None] = mapped_column(String(20), nullable=True)
    decided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    rulebook: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    texts: Mapped[CaseText] = relationship(back_populates="case", cascade="all, delete-orphan", uselist=False)

    __table_args__ = (
        Index(None, "doc_no_key", "id"),
        Index(None, "party_name", "id"),
        Index(None, "party_unit", "id"),
        Index(None, "party_name_key", "id"),
        Index(None, "party_unit_key", "id"),
        Index(None, "work_field", "id"),
        Index(None, "stage_rank", "id"),
        Index(None, "applied_on", "id"),
        Index(None, "conclusion", "id"),
        Index(None, "stage", "applied_on", "id"),
        # 领域 and 结论 filters in the usual order: an index walk, not a sort of every filtered case.
        Index(None, "work_field", "applied_on", "id"),
        Index(None, "conclusion", "applied_on", "id"),
    )


class CaseText(Base):
    __tablename__ = "case_texts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    accountability_matter: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="")
    claimed_situation: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[CaseRecord] = relationship(back_populates="texts")


class CaseSearchText(Base):
    """All of a case's searchable text in one string (文号, 当事人, 单位, 问责事项, 事实, 申请情形, joined
    by two U+001F), kept by triggers (migration 0008).

    Search terms shorter than the FTS5 trigram minimum are tested on it with LIKE (the cases the
    index's vocabulary names for them, store/case_search.py); the string ends in two more U+001F
    (migration 0010).
    """

    __tablename__ = "case_search_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    hay: Mapped[str] = mapped_column(Text)


class SavedFilter(Base):
    """A person's named filter of the case list (its query as JSON), inside the encrypted file."""

    __tablename__ = "saved_filters"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    query: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (Index(None, "account_id", "name", unique=True),)


_DIGITS = re.compile(r"\d+")


def doc_no_sort_key(doc_no: str) -> str:
    """Natural order for 文号: every digit run padded to 10 places."""
    return _DIGITS.sub(lambda m: m.group(0).zfill(10), doc_no)
