"""Alembic migrations of the store, run programmatically at create and open (see database.py).

HEAD_REVISION is the newest revision this app knows. database.py compares the store's revision
with it by plain SQL first, so the common case (up to date) never imports Alembic (~0.35 s).
A test checks it equals the head of ``versions/``: bump it with every new revision.
"""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
HEAD_REVISION = "0011"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate must not touch the tables made by raw SQL and kept by triggers: the FTS5 table
    and its shadow tables, the kept statistics (migration 0009)."""
    if type_ == "table" and name in ("case_stats", "case_stage_stays"):
        return False
    return not (
        type_ == "table"
        and name is not None
        and name.startswith("case_search")
        and name != "case_search_text"
    )
