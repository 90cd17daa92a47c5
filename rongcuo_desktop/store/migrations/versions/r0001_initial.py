"""Initial schema: store_meta, cases (narrow list columns), case_texts, case search tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Search by 文号 / 当事人 / 单位 substring: an external-content FTS5 index with the trigram tokenizer
# (terms of 3+ characters), kept in step with cases by triggers. Shorter terms (Chinese names are
# often 2 characters) use LIKE over case_search_text: one compact string per case, the three fields
# joined by U+001F so a term never matches across two fields. Scanning it is ~4x less decryption
# than scanning cases.
_FTS = (
    "CREATE VIRTUAL TABLE case_search USING fts5("
    "doc_no, party_name, party_unit, content='cases', content_rowid='id', tokenize='trigram')"
)
_HAY = "new.doc_no || char(31) || new.party_name || char(31) || new.party_unit"
_TRIGGERS = (
    f"""CREATE TRIGGER cases_search_ai AFTER INSERT ON cases BEGIN
        INSERT INTO case_search(rowid, doc_no, party_name, party_unit)
        VALUES (new.id, new.doc_no, new.party_name, new.party_unit);
        INSERT INTO case_search_text(id, hay) VALUES (new.id, {_HAY});
    END""",
    """CREATE TRIGGER cases_search_ad AFTER DELETE ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, doc_no, party_name, party_unit)
        VALUES ('delete', old.id, old.doc_no, old.party_name, old.party_unit);
        DELETE FROM case_search_text WHERE id = old.id;
    END""",
    f"""CREATE TRIGGER cases_search_au AFTER UPDATE OF doc_no, party_name, party_unit ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, doc_no, party_name, party_unit)
        VALUES ('delete', old.id, old.doc_no, old.party_name, old.party_unit);
        INSERT INTO case_search(rowid, doc_no, party_name, party_unit)
        VALUES (new.id, new.doc_no, new.party_name, new.party_unit);
        UPDATE case_search_text SET hay = {_HAY} WHERE id = new.id;
    END""",
)


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_store_meta"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(64), nullable=False),
        sa.Column("doc_no_key", sa.String(160), nullable=False),
        sa.Column("party_name", sa.String(64), nullable=False),
        sa.Column("party_unit", sa.String(200), nullable=False),
        sa.Column("party_position", sa.String(200), nullable=False),
        sa.Column("case_type", sa.String(20), nullable=False),
        sa.Column("applicant_type", sa.String(20), nullable=False),
        sa.Column("work_field", sa.String(64), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("stage_rank", sa.SmallInteger(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("conclusion", sa.String(20), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("rulebook", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("doc_no", name="uq_cases_doc_no"),
    )
    for columns in (
        ("doc_no_key", "id"),
        ("party_name", "id"),
        ("party_unit", "id"),
        ("work_field", "id"),
        ("stage_rank", "id"),
        ("applied_on", "id"),
        ("conclusion", "id"),
        ("stage", "applied_on", "id"),
    ):
        op.create_index("ix_cases_" + "_".join(columns), "cases", list(columns))
    op.create_table(
        "case_texts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("accountability_matter", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("claimed_situation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_texts_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_texts"),
    )
    op.create_table(
        "case_search_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hay", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_search_text"),
    )
    op.execute(_FTS)
    for trigger in _TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("cases_search_au", "cases_search_ad", "cases_search_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_search")
    op.drop_table("case_search_text")
    op.drop_table("case_texts")
    op.drop_table("cases")
    op.drop_table("store_meta")
