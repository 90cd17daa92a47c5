"""No plaintext on disk: the database, its -wal/-shm/-journal and the log hold none of the demo data.

The bytes are read directly (neither the sqlite3 nor the sqlcipher shell is guaranteed here).
Checked while the store is open (the WAL holds the latest pages) and again after it is closed.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from rongcuo_desktop.domain.demo import demo_cases, synthetic_cases
from rongcuo_desktop.logsetup import configure_logging
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.repository import CaseQuery

SQLITE_HEADER = b"SQLite format 3\x00"


def needles() -> set[str]:
    """Names, 文号, units and a piece of the facts of every demo case."""
    found: set[str] = set()
    for case in demo_cases(demo_cases_file()):
        found.update({case.party_name, case.doc_no, case.party_unit, case.facts[:12]})
    return {n for n in found if len(n) >= 3}


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("gb18030")]


def leaks(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles():
            if any(form in data for form in encodings(needle)):
                found.append((path.name, needle))
    return found


def test_store_files_hold_no_plaintext_while_open_and_after_close(data_dir: Path) -> None:
    """Given demo cases written (and some updated) with the store still open, when the bytes of every
    file in the data folder are read, then no header, name, 文号, unit or fact appears."""
    configure_logging(data_dir)
    key = secrets.token_bytes(32)
    store = Store.create(data_dir, key)
    store.add_cases(synthetic_cases(2000))
    store.add_demo_cases()
    for case_id in store.cases.ids(CaseQuery())[:5]:
        case = store.cases.get(case_id)
        case.facts += "（补充）"
        store.cases.update(case)
    store.cases.ids(CaseQuery(text="谢某"))  # searches run (temp structures stay in memory)

    wal = data_dir / "rongcuo.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # the case pages are (also) in the WAL now
    assert not (data_dir / "rongcuo.db").read_bytes().startswith(SQLITE_HEADER)
    assert leaks(data_dir) == []

    store.close()
    assert (data_dir / "rongcuo.db").stat().st_size > 100_000
    assert not (data_dir / "rongcuo.db").read_bytes().startswith(SQLITE_HEADER)
    assert leaks(data_dir) == []
    assert list((data_dir / "logs").glob("*.log"))  # the log exists and was checked


def test_the_check_would_see_plaintext() -> None:
    """The needle search itself works: an unencrypted copy of a name is found."""
    sample = demo_cases(demo_cases_file())[0]
    assert any(form in f"x{sample.party_name}y".encode() for form in encodings(sample.party_name))


def test_cli_session_leaves_no_plaintext(data_dir: Path, tmp_path: Path) -> None:
    passphrase = tmp_path / "p.txt"
    passphrase.write_text("春眠不觉晓 处处闻啼鸟\n", encoding="utf-8")
    main = "import sys; from rongcuo_desktop.cli.main import main; sys.exit(main())"
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    for args in (["init"], ["demo"], ["list", "--search", "谢某"], ["list", "--json"]):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                main,
                "--data-dir",
                str(data_dir),
                *args,
                "--passphrase-file",
                str(passphrase),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert (data_dir / "logs" / "rongcuo.log").stat().st_size > 0
    assert leaks(data_dir) == []


def test_schema_is_encrypted_from_the_first_write(data_dir: Path) -> None:
    """Right after create (before any case), the file and its WAL are already ciphertext."""
    store = Store.create(data_dir, secrets.token_bytes(32))
    for path in data_dir.glob("rongcuo.db*"):
        data = path.read_bytes()
        assert not data.startswith(SQLITE_HEADER)
        assert b"CREATE TABLE" not in data and b"alembic_version" not in data
    store.close()
