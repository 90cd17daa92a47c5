"""One- and two-character search terms answered through the trigram index (store/case_search.py).

- Every case's search string now ends in two more U+001F, so each of its characters, the last two
  included, starts a trigram: the tokens that begin with a one- or two-character term are then
  exactly the places the term occurs (a term never holds U+001F: it is whitespace to the search box).
  The index and ``case_search_text`` are rebuilt from the cases here; the triggers write the padded
  string from now on.
- A new case is indexed once (on its texts row), not twice (TRIGGERS).
- ``case_search_vocab``: an ``fts5vocab`` table (type ``instance``) over ``case_search``. It stores
  nothing; it lists the index's tokens with the case each occurs in, and a range of tokens
  (``term >= ? AND term <= ?``) is read from the index directly, so the cases holding a rare short
  term are found without reading every case's text.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SEP = "char(31) || char(31)"


def _hay_of(where: str = "", *, padded: bool = True) -> str:
    """The searchable string of each case (of `where`, SQL on ``c``), from both case tables."""
    end = f" || {SEP}" if padded else ""
    return (
        f"SELECT c.id, c.doc_no || {SEP} || c.party_name || {SEP} || c.party_unit || {SEP}"
        f" || coalesce(t.accountability_matter, '') || {SEP} || coalesce(t.facts, '') || {SEP}"
        f" || coalesce(t.claimed_situation, ''){end}"
        f" FROM cases c LEFT JOIN case_texts t ON t.case_id = c.id{where}"
    )


def _reindex(case_id: str) -> str:
    hay = _hay_of(f" WHERE c.id = {case_id}")
    return (
        f"DELETE FROM case_search WHERE rowid = {case_id};"
        f" INSERT INTO case_search(rowid, hay) {hay};"
        f" INSERT OR REPLACE INTO case_search_text(id, hay) {hay};"
    )


# A new case is indexed once, when its texts row comes (every way of adding a case writes one, right
# after the case: store/repository.py, store/transfer.py, store/attachments.py). Indexing it on the
# cases insert too, then again on the texts insert, wrote each case twice, and the second write of
# a rowid already pending made FTS5 flush its pending terms: 10,000 bulk-added cases took 4.3 s
# instead of 1.9 s. The texts insert still deletes first: a case that had none gets them on edit.
TRIGGERS = {
    "cases_search_ai": (
        "AFTER INSERT ON cases BEGIN"
        f" INSERT OR REPLACE INTO case_search_text(id, hay) {_hay_of(' WHERE c.id = new.id')}; END"
    ),
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
_FTS = (
    "CREATE VIRTUAL TABLE case_search USING fts5(hay, content='', contentless_delete=1, tokenize='trigram')"
)
VOCAB = "CREATE VIRTUAL TABLE case_search_vocab USING fts5vocab(case_search, instance)"


def _rebuild(*, padded: bool) -> None:
    """Every case's string written again (both tables), the search triggers dropped first."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_search_vocab")
    op.execute("DROP TABLE IF EXISTS case_search")
    op.execute("DELETE FROM case_search_text")
    op.execute(_FTS)
    op.execute(f"INSERT INTO case_search_text(id, hay) {_hay_of(padded=padded)}")
    op.execute("INSERT INTO case_search(rowid, hay) SELECT id, hay FROM case_search_text")


def upgrade() -> None:
    _rebuild(padded=True)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(VOCAB)


def downgrade() -> None:
    """Back to 0009's strings (not padded) and its triggers; the vocabulary table goes."""
    from rongcuo_desktop.store.migrations.versions import r0008_case_search_all as before

    _rebuild(padded=False)
    for name, body in before.TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
