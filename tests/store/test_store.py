"""The encrypted store on real SQLCipher files: create, open, cases, the fast list, bad files.

Raw keys here (no KDF): the key manager has its own tests. Every bad-input test hashes the files
before and after: nothing may be overwritten, created or deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import secrets
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
import sqlcipher3

from rongcuo_desktop.domain.case import Case, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.demo import demo_cases, synthetic_cases
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.store.connection import PAGE_CACHE_MIN_KIB, connect, page_cache_kib
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import (
    NotOurDatabase,
    StoreAlreadyExists,
    StoreError,
    StoreNotFound,
    StoreTooNew,
)
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from rongcuo_desktop.store.repository import SORT_COLUMNS, CaseQuery, DuplicateDocNo
from rongcuo_desktop.store.secret import KeyBox
from rongcuo_desktop.store.sort_keys import name_sort_key


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under folder (but the lock file and logs) with its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock" and "logs" not in p.parts
    }


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def store(data_dir: Path, key: bytes):
    opened = Store.create(data_dir, key)
    yield opened
    opened.close()


def raw_connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


# ----- create / open ----------------------------------------------------------------------------


def test_create_then_open_keeps_cases(data_dir: Path, key: bytes) -> None:
    """Given a new store with the demo cases, when it is closed and opened again, then they are all there."""
    with Store.create(data_dir, key) as store:
        added = store.add_demo_cases()
    assert added == len(demo_cases(demo_cases_file())) >= 6
    with Store.open(data_dir, key) as store:
        assert store.cases.count() == added
        assert store.add_demo_cases() == 0  # doc_nos already present: nothing added twice
        assert store.meta()["created_by"]


def test_database_files_are_owner_only(store: Store, data_dir: Path) -> None:
    store.add_demo_cases()
    for path in data_dir.glob("rongcuo.db*"):
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_every_connection_uses_memory_temp_store_and_wal(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_the_page_cache_is_sized_to_the_file(store: Store, tmp_path: Path) -> None:
    """1/16 of the database file, between 8 and 64 MiB (negative cache_size: KiB)."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -PAGE_CACHE_MIN_KIB  # a small store
    sparse = tmp_path / "sized.db"
    for size_mib, cache_kib in ((0, 8192), (176, 11264), (512, 32768), (1800, 65536)):
        with sparse.open("wb") as f:
            f.truncate(size_mib * 1024 * 1024)
        assert page_cache_kib(sparse) == cache_kib
    assert page_cache_kib(tmp_path / "missing.db") == PAGE_CACHE_MIN_KIB


def test_schema_revision_constant_is_the_alembic_head(store: Store) -> None:
    """HEAD_REVISION lets open skip importing Alembic; it must be the newest revision in versions/."""
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD_REVISION
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION


def test_migrated_schema_matches_the_models_for_case_tables(store: Store) -> None:
    """The Alembic revision and the declarative models describe the same case tables."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rongcuo_desktop.store.migrations import include_object
    from rongcuo_desktop.store.models import Base

    ours = {"cases", "case_texts", "store_meta", "case_search_text"}
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, Base.metadata)

    def table_of(diff: object) -> str | None:
        item = diff[0] if isinstance(diff, list) else diff
        assert isinstance(item, tuple)
        for part in item[1:]:
            if isinstance(part, sa.Table):
                return str(part.name)
            table = getattr(part, "table", None)
            if isinstance(table, sa.Table):
                return str(table.name)
        if len(item) > 2 and isinstance(item[2], str):
            return item[2]  # (op, schema, table, ...)
        return None

    assert [d for d in diffs if table_of(d) in ours] == []


def test_open_refuses_a_missing_database_and_creates_nothing(data_dir: Path, key: bytes) -> None:
    data_dir.mkdir()
    with pytest.raises(StoreNotFound) as caught:
        Store.open(data_dir, key)
    assert "找不到数据库文件" in str(caught.value)
    assert not db_path(data_dir).exists()


def test_a_folder_where_the_database_should_be_is_said_in_chinese(data_dir: Path, key: bytes) -> None:
    """SQLite says only "unable to open database file": the message says which case it is, in Chinese."""
    with Store.create(data_dir, key):
        pass
    for leftover in data_dir.glob(db_path(data_dir).name + "*"):
        leftover.unlink()
    db_path(data_dir).mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, key)
    message = str(caught.value)
    assert "文件夹" in message and "unable" not in message, message
    assert db_path(data_dir).is_dir() and not any(db_path(data_dir).iterdir())
    # Below Store.open's own look (a file that turns into a folder between the look and the open):
    with pytest.raises(StoreError) as below:
        connect(db_path(data_dir), KeyBox(key), create=False)
    assert "文件夹" in str(below.value) and "unable" not in str(below.value)


def test_create_never_overwrites(data_dir: Path, key: bytes) -> None:
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    before = file_hashes(data_dir)
    with pytest.raises(StoreAlreadyExists):
        Store.create(data_dir, secrets.token_bytes(32))
    assert file_hashes(data_dir) == before


def test_wrong_key_is_not_our_database_and_changes_nothing(data_dir: Path, key: bytes) -> None:
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    before = file_hashes(data_dir)
    with pytest.raises(NotOurDatabase) as caught:
        Store.open(data_dir, secrets.token_bytes(32))
    assert "不是本程序的数据库" in str(caught.value)
    assert file_hashes(data_dir) == before


@pytest.mark.parametrize("kind", ["plain_sqlite", "random_bytes", "text_file", "empty"])
def test_foreign_files_are_refused_untouched(data_dir: Path, key: bytes, kind: str) -> None:
    data_dir.mkdir()
    path = db_path(data_dir)
    if kind == "plain_sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('hello')")
        conn.commit()
        conn.close()
    elif kind == "random_bytes":
        path.write_bytes(secrets.token_bytes(8192))
    elif kind == "text_file":
        path.write_text("这不是数据库\n" * 200, encoding="utf-8")
    else:
        path.write_bytes(b"")
    before = file_hashes(data_dir)
    with pytest.raises(NotOurDatabase):
        Store.open(data_dir, key)
    assert file_hashes(data_dir) == before


def test_other_sqlcipher_database_with_the_right_key_is_not_ours(data_dir: Path, key: bytes) -> None:
    """An encrypted file that opens with the key but has none of our tables is still refused."""
    data_dir.mkdir()
    conn = raw_connect(db_path(data_dir), key)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    before = file_hashes(data_dir)
    with pytest.raises(NotOurDatabase):
        Store.open(data_dir, key)
    assert file_hashes(data_dir) == before


def test_damaged_first_page_is_refused_untouched(data_dir: Path, key: bytes) -> None:
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    for offset in range(100, 160):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    before = file_hashes(data_dir)
    with pytest.raises(NotOurDatabase):
        Store.open(data_dir, key)
    assert file_hashes(data_dir) == before


def test_damaged_later_page_gives_a_store_error_not_a_crash(data_dir: Path, key: bytes) -> None:
    """A flipped page in the case data: opening may work, reading the list then fails cleanly."""
    with Store.create(data_dir, key) as store:
        store.add_cases(synthetic_cases(3000))
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    page = 4096
    for number in range(3, len(data) // page):  # damage every page but the first two
        data[number * page + 200] ^= 0x55
    path.write_bytes(bytes(data))
    before = file_hashes(data_dir)
    with pytest.raises(StoreError) as caught, Store.open(data_dir, key) as store:
        store.cases.rows(store.cases.ids(CaseQuery()))
    assert str(caught.value)  # a Chinese sentence, not a traceback
    assert file_hashes(data_dir) == before


def test_store_from_a_newer_app_is_refused(data_dir: Path, key: bytes) -> None:
    Store.create(data_dir, key).close()
    conn = raw_connect(db_path(data_dir), key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = file_hashes(data_dir)
    with pytest.raises(StoreTooNew) as caught:
        Store.open(data_dir, key)
    assert "更新版本" in str(caught.value)
    assert file_hashes(data_dir) == before


# ----- cases ------------------------------------------------------------------------------------


def test_add_get_update_round_trip(store: Store) -> None:
    # A conclusion is never registered with the case (store.judgments.decide records it).
    case = dataclasses.replace(demo_cases(demo_cases_file())[0], conclusion=None, decided_on=None)
    case_id = store.cases.add(case)
    loaded = store.cases.get(case_id)
    assert dataclasses.replace(loaded, id=None) == case
    changed = dataclasses.replace(loaded, facts="补充了新的事实。")
    store.cases.update(changed)
    again = store.cases.get(case_id)
    assert again.facts == "补充了新的事实。"
    # Moves go through store.casework (the procedure's guards); the demo case stands at 事项公开.
    store.casework.move(case_id, Stage.ACCEPTED, reason="补充调查")
    assert store.cases.rows([case_id])[case_id].stage is Stage.ACCEPTED


def test_duplicate_doc_no_is_refused_in_chinese(store: Store) -> None:
    case = dataclasses.replace(demo_cases(demo_cases_file())[0], conclusion=None, decided_on=None)
    store.cases.add(case)
    with pytest.raises(DuplicateDocNo) as caught:
        store.cases.add(dataclasses.replace(case, party_name="另某某"))
    assert "已经存在" in str(caught.value)
    assert store.cases.count() == 1


def test_list_filters_sorts_and_pages_in_sql(store: Store) -> None:
    store.add_demo_cases()
    all_ids = store.cases.ids(CaseQuery())
    rows = store.cases.rows(all_ids)
    dates = [rows[i].applied_on for i in all_ids]
    assert dates == sorted(dates, reverse=True)

    by_name = store.cases.ids(CaseQuery(sort_column="party_name", descending=False))
    names = [rows[i].party_name for i in by_name]
    assert names == sorted(names, key=name_sort_key)  # pinyin (tests/test_case_search.py)

    by_stage = store.cases.ids(CaseQuery(sort_column="stage", descending=False))
    order = list(Stage)
    ranks = [order.index(rows[i].stage) for i in by_stage]
    assert ranks == sorted(ranks)  # the procedure's order, not the alphabet

    hearing = store.cases.ids(CaseQuery(stage=Stage.HEARING))
    assert hearing and all(rows[i].stage is Stage.HEARING for i in hearing)

    for column in SORT_COLUMNS:
        assert sorted(store.cases.ids(CaseQuery(sort_column=column))) == sorted(all_ids)
    with pytest.raises(ValueError):
        store.cases.ids(CaseQuery(sort_column="facts"))


def test_the_whole_order_is_compact_and_the_same_as_row_by_row(
    store: Store, data_dir: Path, key: bytes
) -> None:
    """The list's whole order (8-byte ids in an array, joined by SQLite in one step) holds the same
    ids in the same order as the ORDER BY read row by row, for every column, both ways, filtered."""
    from rongcuo_desktop.store.case_list import EVERY_CASE, order_sql

    assert list(store.cases.order(CaseQuery())) == []  # an empty store: an empty order
    store.add_cases(synthetic_cases(300, seed=5))
    conn = raw_connect(db_path(data_dir), key)
    try:
        for column in SORT_COLUMNS:
            for descending in (False, True):
                for stage in (None, Stage.HEARING):
                    query = CaseQuery(sort_column=column, descending=descending, stage=stage)
                    sql, _where, params = order_sql(query, EVERY_CASE)
                    expected = [row[0] for row in conn.execute(sql, params)]
                    order = store.cases.order(query)
                    assert order.typecode == "q" and order.itemsize == 8
                    assert list(order) == expected and len(expected) > 0
                    assert store.cases.ids(query) == expected
    finally:
        conn.close()
    among = set(list(store.cases.order(CaseQuery()))[::7])
    assert list(store.cases.order(CaseQuery(), among=among)) == [
        case_id for case_id in store.cases.ids(CaseQuery()) if case_id in among
    ]


def test_the_list_counts_are_the_kept_figures_and_equal_the_cases(store: Store) -> None:
    """The list's counts without search terms (all, per stage, each filter and their combinations)
    and the 领域 to filter by come from the figures kept by triggers (case_stats); they equal the
    cases listed, also after edits that move a case between groups."""
    from rongcuo_desktop.store.case_list import UNDECIDED

    store.add_cases(synthetic_cases(400, seed=3))
    store.add_demo_cases()
    rows = store.cases.rows(store.cases.ids(CaseQuery()))
    some = next(iter(rows.values()))
    year = some.applied_on.year
    queries = [
        CaseQuery(),
        CaseQuery(stage=some.stage),
        CaseQuery(work_field=some.work_field),
        CaseQuery(conclusion=UNDECIDED),
        CaseQuery(conclusion=Conclusion.EXEMPT.value),
        CaseQuery(year=year),
        CaseQuery(stage=some.stage, work_field=some.work_field, year=year, sort_column="doc_no"),
        CaseQuery(case_type=CaseType.TOLERANCE, conclusion=UNDECIDED),
        CaseQuery(year=1990),
    ]

    def check() -> None:
        for query in queries:
            assert store.cases.head(query, 5)[1] == len(store.cases.ids(query)), query
        listed = store.cases.rows(store.cases.ids(CaseQuery()))
        assert store.cases.count() == len(listed)
        per_stage = {stage: sum(1 for r in listed.values() if r.stage is stage) for stage in Stage}
        assert store.cases.stage_counts() == per_stage
        assert store.cases.work_fields() == sorted({r.work_field for r in listed.values() if r.work_field})

    check()
    assert store.cases.head(CaseQuery(year=1990), 5) == ([], 0)
    case = store.cases.get(some.id)
    store.cases.update(dataclasses.replace(case, work_field="另一领域", applied_on=dt.date(year - 1, 3, 1)))
    check()


def test_doc_no_sorts_naturally(store: Store) -> None:
    for number in (12, 3, 101, 1):
        store.cases.add(
            Case(f"容错〔2026〕{number}号", "甲某某", "某单位", "科员", applied_on=dt.date(2026, 1, 1))
        )
    ordered = store.cases.ids(CaseQuery(sort_column="doc_no", descending=False))
    rows = store.cases.rows(ordered)
    assert [rows[i].doc_no for i in ordered] == [f"容错〔2026〕{n}号" for n in (1, 3, 12, 101)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("谢", {"容错〔2026〕1号"}),  # 1 character: LIKE fallback
        ("谢某", {"容错〔2026〕1号"}),  # 2 characters (a typical Chinese name)
        ("谢某某", {"容错〔2026〕1号"}),  # 3+: FTS5 trigram
        ("荔湾", {"容错〔2026〕2号", "容错〔2026〕3号"}),  # unit, 2 chars
        ("荔湾区某经济联社", {"容错〔2026〕3号"}),
        ("〔2026〕1号", {"容错〔2026〕1号", "澄清〔2026〕1号", "备案〔2026〕1号"}),
        ("澄清", {"澄清〔2026〕1号"}),
        ("荔湾 黄", {"容错〔2026〕3号"}),  # two terms: both must match
        ("荔湾区 经济联社", {"容错〔2026〕3号"}),
        ("不存在的人", set()),
        ("%", set()),  # LIKE wildcards are literal
        ("_", set()),
        ('"', set()),  # FTS syntax characters are literal
    ],
)
def test_search_matches_doc_no_name_unit_substrings(store: Store, text: str, expected: set[str]) -> None:
    store.add_demo_cases()
    found = store.cases.ids(CaseQuery(text=text))
    rows = store.cases.rows(found)
    assert {rows[i].doc_no for i in found} == expected


def test_search_matches_facts_but_not_across_fields(store: Store) -> None:
    case_id = store.cases.add(Case("容错〔2026〕9号", "钱某某", "某局", "科员", facts="秘密事实"))
    assert store.cases.ids(CaseQuery(text="秘密")) == [case_id]  # 2 characters: LIKE
    assert store.cases.ids(CaseQuery(text="秘密事实")) == [case_id]  # 3+: the trigram index
    assert store.cases.ids(CaseQuery(text="号钱")) == []  # end of 文号 + start of name
    assert store.cases.ids(CaseQuery(text="某局科")) == []


def test_list_sees_writes_immediately(store: Store) -> None:
    """The cached order is dropped when the database changes."""
    store.add_demo_cases()
    before = store.cases.ids(CaseQuery(sort_column="party_name"))
    new_id = store.cases.add(
        Case("容错〔2026〕99号", "赵某某", "某单位", "科员", applied_on=dt.date(2026, 5, 1))
    )
    after = store.cases.ids(CaseQuery(sort_column="party_name"))
    assert new_id in after and len(after) == len(before) + 1
    case = store.cases.get(new_id)
    store.cases.update(dataclasses.replace(case, party_name="阿某某"))
    assert store.cases.ids(CaseQuery(text="阿某")) == [new_id]


def test_stage_counts_and_count(store: Store) -> None:
    store.add_demo_cases()
    counts = store.cases.stage_counts()
    assert set(counts) == set(Stage)
    assert sum(counts.values()) == store.cases.count() == len(demo_cases(demo_cases_file()))


def test_rows_of_unknown_ids_are_absent(store: Store) -> None:
    store.add_demo_cases()
    assert store.cases.rows([999_999]) == {}


def test_store_is_usable_from_a_worker_thread(data_dir: Path, key: bytes) -> None:
    """The UI creates the store on one thread and runs calls on a single worker thread."""
    store = Store.create(data_dir, key)
    results: list[object] = []

    def work() -> None:
        try:
            store.add_demo_cases()
            results.append(store.cases.count())
        except Exception as error:  # surfaced below
            results.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert results == [len(demo_cases(demo_cases_file()))]
    store.close()


def test_bulk_insert_is_all_or_nothing(store: Store) -> None:
    store.add_demo_cases()
    clash = [*synthetic_cases(50), demo_cases(demo_cases_file())[0]]
    with pytest.raises(StoreError):
        store.add_cases(clash)
    assert store.cases.count() == len(demo_cases(demo_cases_file()))


def test_synthetic_cases_are_varied_deterministic_and_unique() -> None:
    first = list(synthetic_cases(2000, seed=3))
    assert first == list(synthetic_cases(2000, seed=3))
    assert len({c.doc_no for c in first}) == 2000
    assert len({c.party_name for c in first}) > 500
    assert len({c.stage for c in first}) == len(Stage)
    more = list(synthetic_cases(100, seed=3, start=2000))
    assert not {c.doc_no for c in more} & {c.doc_no for c in first}
    assert not {c.doc_no for c in first} & {c.doc_no for c in demo_cases(demo_cases_file())}


def test_demo_cases_are_masked_and_spread_over_the_procedure() -> None:
    cases = demo_cases(demo_cases_file())
    assert len(cases) >= 6
    assert all(c.party_name.endswith("某某") and len(c.party_name) == 3 for c in cases)
    assert len({c.stage for c in cases}) >= 6
    assert len({c.doc_no for c in cases}) == len(cases)
    assert all("〔" in c.doc_no and c.doc_no.endswith("号") for c in cases)
    assert {c.case_type.value for c in cases} == {"tolerance", "clearance", "pre_filing"}
    assert any(c.conclusion is Conclusion.NOT_TOLERATED for c in cases)
    assert any("容缺" in c.facts + c.accountability_matter for c in cases)  # seed 003


def test_read_order_keeps_every_id_and_its_place() -> None:
    """The compact order's hex round trip: ids of any size (past 32 bits) in the order SQL gave."""
    from rongcuo_desktop.store.case_list import read_order

    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER)")
        ids = [1, 2**31 - 1, 2**31, 2**32 + 5, 2**62 + 7, 255, 256, 65_537]
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, -n) for n, i in enumerate(ids)])
        order = read_order(conn.cursor(), "SELECT id FROM t ORDER BY k", [])
        assert list(order) == ids[::-1]
        assert list(read_order(conn.cursor(), "SELECT id FROM t WHERE k > ?", [1])) == []
    finally:
        conn.close()
