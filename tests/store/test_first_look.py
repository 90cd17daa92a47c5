"""The start-up's first look at the case list (store/first_look.py), on real SQLCipher files.

It must show exactly what the repository shows, hold the store lock for the open that follows,
and decline, changing nothing, wherever a normal open has more to do or to say.
"""

from __future__ import annotations

import hashlib
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.case_list import CaseQuery
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.first_look import first_look
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.store.locking import StoreInUse, StoreLock

LIMIT = 50


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def filled(data_dir: Path, key: bytes) -> Path:
    with Store.create(data_dir, key) as store:
        store.add_cases(synthetic_cases(300, seed=7))
    return data_dir


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.suffix != ".lock"
    }


def set_revision(data_dir: Path, key: bytes, revision: str) -> None:
    conn = sqlcipher3.connect(str(db_path(data_dir)))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "query",
    [
        CaseQuery(),
        CaseQuery(sort_column="doc_no", descending=False),
        CaseQuery(sort_column="party_name", descending=True),
        CaseQuery(sort_column="stage", descending=False),
    ],
)
def test_the_first_look_shows_what_the_repository_shows(filled: Path, key: bytes, query: CaseQuery) -> None:
    look = first_look(filled, key, query, LIMIT)
    assert look is not None
    assert look.lock.held
    with pytest.raises(StoreInUse):
        StoreLock(filled).acquire()  # nobody else can open the store between the look and the open
    store = Store.open(filled, key, file_lock=look.lock)  # the open takes the lock over
    try:
        ids, total = store.cases.head(query, LIMIT)
        assert (look.ids, look.total) == (ids, total) == (store.cases.ids(query)[:LIMIT], 300)
        assert look.rows == store.cases.rows(ids)
        assert len(look.rows) == LIMIT
    finally:
        store.close()
    assert not look.lock.held  # released with the store
    StoreLock(filled).acquire()


def test_the_first_look_reads_no_sqlalchemy(filled: Path, key: bytes) -> None:
    """The point of it: the window paints before SQLAlchemy (~0.2 s) is imported."""
    code = (
        "import sys; from pathlib import Path;"
        "from rongcuo_desktop.store.first_look import first_look;"
        "from rongcuo_desktop.store.case_list import CaseQuery;"
        "import rongcuo_desktop.ui.shell.main_window, rongcuo_desktop.ui.startup.flow;"
        "import rongcuo_desktop.ui.app;"
        f"look = first_look(Path({str(filled)!r}), bytes.fromhex({key.hex()!r}), CaseQuery(), 10);"
        "print(len(look.ids), sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["10", "[]"]


def test_a_store_with_accounts_is_left_to_the_account_gate(filled: Path, key: bytes) -> None:
    with Store.open(filled, key) as store:
        store.accounts.add("王主任", Role.CHAIR, "111186")
    before = file_hashes(filled)
    assert first_look(filled, key, CaseQuery(), LIMIT) is None
    StoreLock(filled).acquire()  # declined: the lock is given back
    assert file_hashes(filled) == before


@pytest.mark.parametrize("revision", ["0003", "9999_future"])
def test_an_older_or_newer_schema_is_left_to_the_open(filled: Path, key: bytes, revision: str) -> None:
    set_revision(filled, key, revision)
    before = file_hashes(filled)
    assert first_look(filled, key, CaseQuery(), LIMIT) is None
    assert file_hashes(filled) == before
    StoreLock(filled).acquire()


def test_a_wrong_key_a_foreign_file_or_a_store_in_use_are_declined_untouched(
    filled: Path, key: bytes
) -> None:
    before = file_hashes(filled)
    assert first_look(filled, secrets.token_bytes(32), CaseQuery(), LIMIT) is None
    assert file_hashes(filled) == before
    with StoreLock(filled):
        assert first_look(filled, key, CaseQuery(), LIMIT) is None  # in use: Store.open names the holder
    db_path(filled).write_bytes(b"not a database " * 300)
    assert first_look(filled, key, CaseQuery(), LIMIT) is None
    db_path(filled).unlink()
    assert first_look(filled, key, CaseQuery(), LIMIT) is None
    StoreLock(filled).acquire()


def test_a_search_query_has_no_first_look(filled: Path, key: bytes) -> None:
    """A query with terms needs the whole order (repository.ids): the normal open fetches it."""
    assert first_look(filled, key, CaseQuery(text="谢"), LIMIT) is None
    assert first_look(filled, key, CaseQuery(sort_column="facts"), LIMIT) is None
