"""The list grows up: search over all of a case's text, names and units sorted by pinyin, saved filters.

- ``case_search`` (FTS5, trigram) now indexes one string per case: 文号, 当事人, 单位, 问责事项, 事实
  and 申请情形, joined by two U+001F (a term never matches across two fields). It is contentless
  (``content=''``, ``contentless_delete=1``): the text is already in ``cases`` and ``case_texts``,
  so the index holds only trigrams. ``case_search_text`` holds the same string for the LIKE scan of
  one- and two-character terms, which the trigram index cannot answer. Triggers on ``cases`` and
  ``case_texts`` keep both in step; both live inside the encrypted file.
- ``party_name_key`` and ``party_unit_key``: pinyin sort keys kept on write (store/sort_keys.py), with
  surnames read as surnames (单 shàn, 曾 zēng, 解 xiè, 区 ōu), each with an index ending in id, so
  sorting by 当事人 or 单位 stays an index walk. Existing cases get theirs here.
- ``saved_filters``: a person's named filters (search text included), inside the encrypted file, never
  in the plain settings file.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SEP = "char(31) || char(31)"
# The searchable string of case `ID` (an SQL expression for the case id), from both case tables.
_HAY_OF = (
    "SELECT c.id, c.doc_no || {sep} || c.party_name || {sep} || c.party_unit || {sep}"
    " || coalesce(t.accountability_matter, '') || {sep} || coalesce(t.facts, '') || {sep}"
    " || coalesce(t.claimed_situation, '')"
    " FROM cases c LEFT JOIN case_texts t ON t.case_id = c.id WHERE c.id = {id}"
)


def _reindex(case_id: str) -> str:
    hay = _HAY_OF.format(sep=SEP, id=case_id)
    return (
        f"DELETE FROM case_search WHERE rowid = {case_id};"
        f" INSERT INTO case_search(rowid, hay) {hay};"
        f" INSERT OR REPLACE INTO case_search_text(id, hay) {hay};"
    )


TRIGGERS = {
    "cases_search_ai": f"AFTER INSERT ON cases BEGIN {_reindex('new.id')} END",
    "cases_search_au": (
        f"AFTER UPDATE OF doc_no, party_name, party_unit ON cases BEGIN {_reindex('new.id')} END"
    ),
    "cases_search_ad": (
        "AFTER DELETE ON cases BEGIN DELETE FROM case_search WHERE rowid = old.id;"
        " DELETE FROM case_search_text WHERE id = old.id; END"
    ),
    "case_texts_search_ai": f"AFTER INSERT ON case_texts BEGIN {_reindex('new.case_id')} END",
    "case_texts_search_au": f"AFTER UPDATE ON case_texts BEGIN {_reindex('new.case_id')} END",
    "case_texts_search_ad": f"AFTER DELETE ON case_texts BEGIN {_reindex('old.case_id')} END",
}
_OLD_TRIGGERS = ("cases_search_ai", "cases_search_ad", "cases_search_au")
_FTS = (
    "CREATE VIRTUAL TABLE case_search USING fts5(hay, content='', contentless_delete=1, tokenize='trigram')"
)


def upgrade() -> None:
    for name in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_search")
    op.execute("DELETE FROM case_search_text")
    op.execute(_FTS)
    everything = _HAY_OF.format(sep=SEP, id="c.id").replace(" WHERE c.id = c.id", "")
    op.execute(f"INSERT INTO case_search_text(id, hay) {everything}")
    op.execute("INSERT INTO case_search(rowid, hay) SELECT id, hay FROM case_search_text")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")

    with op.batch_alter_table("cases", recreate="never") as batch:
        batch.add_column(sa.Column("party_name_key", sa.String(400), nullable=False, server_default=""))
        batch.add_column(sa.Column("party_unit_key", sa.String(1200), nullable=False, server_default=""))
    from rongcuo_desktop.store.sort_keys import name_sort_key, unit_sort_key

    bind = op.get_bind()
    rows = bind.exec_driver_sql("SELECT id, party_name, party_unit FROM cases").fetchall()
    if rows:
        bind.exec_driver_sql(
            "UPDATE cases SET party_name_key = ?, party_unit_key = ? WHERE id = ?",
            [(name_sort_key(str(name)), unit_sort_key(str(unit)), case_id) for case_id, name, unit in rows],
        )
    op.create_index("ix_cases_party_name_key_id", "cases", ["party_name_key", "id"])
    op.create_index("ix_cases_party_unit_key_id", "cases", ["party_unit_key", "id"])

    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_saved_filters_account_id_accounts", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_saved_filters"),
    )
    op.create_index("ix_saved_filters_account_id_name", "saved_filters", ["account_id", "name"], unique=True)


def downgrade() -> None:
    op.drop_table("saved_filters")
    op.drop_index("ix_cases_party_unit_key_id", "cases")
    op.drop_index("ix_cases_party_name_key_id", "cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("party_unit_key")
        batch.drop_column("party_name_key")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_search")
    op.execute("DELETE FROM case_search_text")
