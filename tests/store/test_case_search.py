"""The list grows up, in the store (real SQCipher files): search over all of a case's text, filters
that combine, pinyin order of names and units, saved filters per person, and none of it showing a
委员 what they may not see. An older store gets all of it at open (migration 0008)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case, CaseType, Conclusion, Stage
from rongcuo_desktop.services.cases import UNDECIDED, CaseQuery, InvalidFilterName
from rongcuo_desktop.store.case_list import (
    EVERY_CASE,
    SORT_COLUMNS,
    head_sql,
    order_sql,
    query_from_dict,
    query_to_dict,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.sort_keys import name_sort_key, unit_sort_key
from tests.committee_store import make_committee, open_copy

D = dt.date
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386", "赵委员": "444486"}


def case(number: int, name: str, unit: str = "某局", **fields: object) -> Case:
    values: dict[str, object] = {"applied_on": D(2025, 1, 1), **fields}
    return Case(f"容错〔2025〕{number}号", name, unit, "科员", **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A store with a chair, a secretary and two members (PIN hashing is slow on purpose: made once)."""
    folder = tmp_path_factory.mktemp("search-template") / "data"
    return make_committee(folder, PINS, ("张委员", "赵委员"))


@pytest.fixture
def store(template: tuple[Path, bytes], data_dir: Path) -> Iterator[Store]:
    yield from open_copy(template, data_dir)


@pytest.fixture
def secretary(store: Store) -> Credential:
    """Who acts in the tests below unless they say otherwise: 李秘书, by the PIN."""
    return store.authenticate("李秘书", PINS["李秘书"])


def doc_nos(store: Store, query: CaseQuery, *, by: Credential | None = None) -> list[str]:
    """(`by` None: a store without accounts, where the setup 主任 acts.)"""
    ids = store.cases.ids(query, by=by)
    rows = store.cases.rows(ids, by=by)
    return [rows[i].doc_no for i in ids]


# ----- search over all the text ---------------------------------------------------------------------


def test_search_finds_facts_matter_and_situation_and_follows_edits(
    store: Store, secretary: Credential
) -> None:
    first = store.cases.add(
        case(1, "谢某某", accountability_matter="防汛抢险中未按程序采购", facts="堤坝告急时先行调用沙袋"),
        by=secretary,
    )
    store.cases.add(case(2, "钱某某", claimed_situation="先行先试中的失误"), by=secretary)
    assert doc_nos(store, CaseQuery(text="沙袋"), by=secretary) == ["容错〔2025〕1号"]  # facts, 2 characters
    assert doc_nos(store, CaseQuery(text="先行调用沙袋"), by=secretary) == [
        "容错〔2025〕1号"
    ]  # facts, trigram
    assert doc_nos(store, CaseQuery(text="未按程序"), by=secretary) == ["容错〔2025〕1号"]  # the matter
    assert doc_nos(store, CaseQuery(text="先行先试"), by=secretary) == ["容错〔2025〕2号"]  # the situation
    assert set(doc_nos(store, CaseQuery(text="先行"), by=secretary)) == {"容错〔2025〕1号", "容错〔2025〕2号"}
    assert doc_nos(store, CaseQuery(text="谢某 沙袋"), by=secretary) == [
        "容错〔2025〕1号"
    ]  # name and facts: both
    assert doc_nos(store, CaseQuery(text="钱某 沙袋"), by=secretary) == []
    edited = dataclasses.replace(store.cases.get(first, by=secretary), facts="改为调用冲锋舟")
    store.cases.update(edited, by=secretary)
    assert doc_nos(store, CaseQuery(text="沙袋"), by=secretary) == []  # the index follows the edit
    assert doc_nos(store, CaseQuery(text="调用冲锋舟"), by=secretary) == ["容错〔2025〕1号"]
    assert doc_nos(store, CaseQuery(text="冲锋"), by=secretary) == ["容错〔2025〕1号"]


def test_search_text_stays_inside_the_encrypted_file(store: Store, secretary: Credential) -> None:
    """temp_store is memory on the store's connection (no sorter or temp pages in plaintext files),
    and searching leaves no file beside the database but its own journal."""
    store.cases.add(case(1, "谢某某", facts="独一无二的事实文字"), by=secretary)
    before = {p.name for p in store.data_dir.rglob("*")}
    assert doc_nos(store, CaseQuery(text="独一无二", sort_column="party_name"), by=secretary) == [
        "容错〔2025〕1号"
    ]
    assert doc_nos(store, CaseQuery(text="事实", year=2025, stage=Stage.APPLIED), by=secretary) == [
        "容错〔2025〕1号"
    ]
    with store.read_session() as session:
        assert session.execute(text("PRAGMA temp_store")).scalar() == 2
    assert {p.name for p in store.data_dir.rglob("*")} <= before | {"rongcuo.db-shm", "rongcuo.db-wal"}


# ----- filters --------------------------------------------------------------------------------------


def test_filters_combine_with_each_other_and_the_search(store: Store, secretary: Credential) -> None:
    store.cases.add(
        case(1, "甲某某", work_field="行政审批", applied_on=D(2024, 3, 1), facts="容缺受理"), by=secretary
    )
    store.cases.add(
        case(2, "乙某某", case_type=CaseType.CLEARANCE, work_field="行政审批", applied_on=D(2025, 3, 1)),
        by=secretary,
    )
    store.cases.add(
        case(3, "丙某某", work_field="安全生产", applied_on=D(2025, 6, 1), facts="容缺受理"), by=secretary
    )
    acting = store.authenticate(
        "王主任", PINS["王主任"]
    )  # a case with its conclusion comes in as the chair's import
    store.add_cases(
        [
            case(
                4,
                "丁某某",
                work_field="行政审批",
                stage=Stage.DECISION,
                conclusion=Conclusion.EXEMPT,
                decided_on=D(2025, 8, 1),
                applied_on=D(2025, 7, 1),
                facts="容缺受理",
            )
        ],
        by=acting,
    )
    assert doc_nos(store, CaseQuery(work_field="行政审批", year=2025), by=acting) == [
        "容错〔2025〕4号",
        "容错〔2025〕2号",
    ]
    assert doc_nos(store, CaseQuery(case_type=CaseType.CLEARANCE), by=acting) == ["容错〔2025〕2号"]
    assert doc_nos(store, CaseQuery(conclusion=Conclusion.EXEMPT.value), by=acting) == ["容错〔2025〕4号"]
    assert len(doc_nos(store, CaseQuery(conclusion=UNDECIDED), by=acting)) == 3
    assert doc_nos(store, CaseQuery(stage=Stage.DECISION, work_field="行政审批"), by=acting) == [
        "容错〔2025〕4号"
    ]
    # The search with two filters on: short terms (LIKE over the filtered cases) and long ones.
    assert doc_nos(store, CaseQuery(text="容缺", work_field="行政审批", year=2025), by=acting) == [
        "容错〔2025〕4号"
    ]
    assert doc_nos(store, CaseQuery(text="容缺受理", work_field="行政审批", year=2024), by=acting) == [
        "容错〔2025〕1号"
    ]
    assert doc_nos(store, CaseQuery(text="容缺", year=2023), by=acting) == []
    assert store.cases.work_fields(by=acting) == sorted(["安全生产", "行政审批"])
    assert store.cases.years(by=acting) == [2025, 2024]


@pytest.mark.parametrize(
    "narrowing",
    [{"work_field": "行政审批"}, {"conclusion": "exempt"}, {"stage": Stage.HEARING}, {"year": 2025}],
)
@pytest.mark.parametrize("descending", [True, False])
def test_a_filtered_list_in_its_usual_order_is_an_index_walk(
    store: Store, narrowing: dict[str, Any], descending: bool
) -> None:
    """Each filter with the list's usual order (申请日期) reads its first page by walking an index
    that stops when the page is full, never by sorting every filtered case first (a temporary
    B-tree: ~0.6 s per keystroke at 1,000,000 cases for a 领域 or 结论 filter before migration 0011)."""
    query = CaseQuery(sort_column="applied_on", descending=descending, **narrowing)
    sql, _where, params = order_sql(query, EVERY_CASE)
    with store.read_session() as session:
        explained = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql} LIMIT 200", tuple(params))
        plan = [str(row[-1]) for row in explained]
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert any("INDEX" in step for step in plan), plan


def test_a_broad_filter_sorted_by_any_column_walks_the_order_and_lists_the_same_first_page(
    store: Store,
) -> None:
    """A filter leaving many cases, sorted by a column no index holds with it (领域, then 当事人):
    the first page walks the order's own index (no sort of every filtered case: ~0.6 s at 1,000,000
    cases), and lists exactly what the whole order lists first, for every column, both ways."""
    chair = store.authenticate("王主任", PINS["王主任"])
    fields = ("行政审批", "安全生产", "乡村振兴")
    names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"]
    store.add_cases(
        [
            case(
                n,
                f"{names[n % 12]}某{n}",
                f"某{'区县镇'[n % 3]}局",
                work_field=fields[n % 3],
                stage=list(Stage)[n % 5],
                conclusion=Conclusion.EXEMPT if n % 4 == 0 else None,
                decided_on=D(2025, 8, 1) if n % 4 == 0 else None,
                applied_on=D(2024 + n % 2, 1 + n % 12, 1 + n % 28),
            )
            for n in range(1, 61)
        ],
        by=chair,
    )
    limit = 4
    walked = 0
    for column in SORT_COLUMNS:
        for descending in (False, True):
            for narrowing in (
                {"work_field": "行政审批"},
                {"conclusion": "exempt"},
                {"stage": Stage.ACCEPTED},
            ):
                query = CaseQuery(sort_column=column, descending=descending, **narrowing)  # type: ignore[arg-type]
                whole = store.cases.ids(query, by=chair)
                first, listed = store.cases.head(query, limit, by=chair)
                assert (first, listed) == (whole[:limit], len(whole)), (column, descending, narrowing)
                with store.read_session() as session:
                    cursor = session.connection().connection.cursor()
                    sql, _params = head_sql(cursor, query, EVERY_CASE, limit, len(whole), 60)
                walked += "INDEXED BY" in sql
                if column == "party_name" and "work_field" in narrowing:
                    assert "INDEXED BY ix_cases_party_name_key_id" in sql, sql
                if column == "applied_on":
                    assert "INDEXED BY" not in sql, sql  # (stage|work_field|conclusion, applied_on)
    assert walked >= 10


def test_a_filter_leaving_thousands_finds_a_common_terms_first_page_in_its_first_cases(store: Store) -> None:
    """Filters that leave up to AMONG_LIMIT cases are searched by id in the list's order, a slice at
    a time: a common term's first page comes from the first slice (its count after, like a walk's),
    a rare one's from every slice with its count at once; both as the whole search lists them."""
    chair = store.authenticate("王主任", PINS["王主任"])
    store.add_cases(
        [
            case(
                n,
                f"某{n}",
                f"{'东西'[n % 2]}区审批局" if n % 3 else "北区应急局",
                work_field="行政审批" if n % 2 else "安全生产",
                applied_on=D(2015, 1, 1) + dt.timedelta(days=n),
                facts="沙袋调运" if n == 7 else "抢险物资",
            )
            for n in range(1, 3001)
        ],
        by=chair,
    )
    counted_after = 0
    for term in ("审批", "应急", "某29", "沙", "调运"):
        query = CaseQuery(text=term, work_field="行政审批")
        whole = store.cases.ids(query, by=chair)
        first, count = store.cases.head(query, 40, by=chair)
        assert first == whole[:40], term
        if len(whole) <= 40:
            assert count == len(whole), term  # every slice was read: the count came with the page
        else:
            assert count in (None, len(whole)), term
            counted_after += count is None
        assert store.cases.count_matches(query, by=chair) == len(whole), term
    assert counted_after >= 2  # the common terms' pages came from their first slices


def test_a_saved_query_round_trips_and_unknown_values_are_dropped() -> None:
    query = CaseQuery(
        text="谢某 沙袋",
        stage=Stage.HEARING,
        sort_column="party_name",
        descending=False,
        case_type=CaseType.PRE_FILING,
        work_field="行政审批",
        conclusion=UNDECIDED,
        year=2025,
        overdue=True,
    )
    assert query_from_dict(query_to_dict(query)) == query
    odd = {"stage": "nowhere", "sort_column": "facts", "year": "2025", "conclusion": "maybe", "overdue": 1}
    assert query_from_dict(odd) == CaseQuery()
    assert query_from_dict(["not", "a", "dict"]) == CaseQuery()


# ----- pinyin order ---------------------------------------------------------------------------------


def test_names_sort_by_pinyin_with_surnames_read_as_surnames(store: Store, secretary: Credential) -> None:
    names = ["张某", "单雄信", "曾某某", "解某", "区某某", "阿某", "王某", "谢某", "章某", "尉迟某"]
    for number, name in enumerate(names, start=1):
        store.cases.add(case(number, name), by=secretary)
    ids = store.cases.ids(CaseQuery(sort_column="party_name", descending=False), by=secretary)
    rows = store.cases.rows(ids, by=secretary)
    assert [rows[i].party_name for i in ids] == [
        "阿某",  # a
        "区某某",  # ōu, not qū
        "单雄信",  # shàn, not dān
        "王某",
        "解某",  # xiè as a surname, not jiě: beside 谢 (same reading; then by the characters)
        "谢某",  # xiè
        "尉迟某",  # yù chí
        "曾某某",  # zēng, not céng
        "张某",  # zhāng
        "章某",  # zhāng, after 张 (the characters differ), not interleaved
    ]
    descending = store.cases.ids(CaseQuery(sort_column="party_name", descending=True), by=secretary)
    assert descending == list(reversed(ids))


def test_units_sort_by_pinyin_read_as_phrases() -> None:
    units = ["中国银行某支行", "行政审批服务局", "应急管理局", "安全生产委员会"]
    assert sorted(units, key=unit_sort_key) == [
        "安全生产委员会",
        "行政审批服务局",
        "应急管理局",
        "中国银行某支行",
    ]
    assert unit_sort_key("中国银行").startswith("zhong1 guo2 yin2 hang2")  # 行 in 银行 is háng
    assert name_sort_key(" 单某 ").startswith("shan4 mou3")


# ----- privacy --------------------------------------------------------------------------------------


def test_a_member_searches_only_their_cases_and_nothing_they_recused_from(
    store: Store, secretary: Credential
) -> None:
    mine = store.cases.add(case(1, "谢某某", facts="共同的事实词"), by=secretary)
    recused = store.cases.add(case(2, "钱某某", facts="共同的事实词"), by=secretary)
    other = store.cases.add(case(3, "孙某某", facts="共同的事实词"), by=secretary)
    store.accounts.set_members(mine, ["张委员"], by=secretary)
    store.accounts.set_members(recused, ["张委员"], by=secretary)
    store.accounts.set_members(other, ["赵委员"], by=secretary)
    acting = store.authenticate("张委员", PINS["张委员"])
    store.judgments.recuse(recused, "与当事人是亲属", by=acting)
    for words in ("共同的事实词", "事实", "事", "孙某某", "钱某", "容错"):
        found = store.cases.ids(CaseQuery(text=words), by=acting)
        assert set(found) <= {mine}, words
    assert store.cases.ids(CaseQuery(text="事实", year=2025, work_field=None), by=acting) == [mine]
    assert store.cases.ids(CaseQuery(text="孙某", year=2025, conclusion=UNDECIDED), by=acting) == []
    assert store.cases.rows([recused, other], by=acting) == {}
    assert store.cases.years(by=acting) == [2025] and store.cases.count(by=acting) == 1


# ----- saved filters --------------------------------------------------------------------------------


def test_saved_filters_belong_to_their_person_and_bad_names_are_refused(
    store: Store, secretary: Credential
) -> None:
    filters = store.saved_filters
    query = CaseQuery(text="谢某", stage=Stage.HEARING, year=2025)
    filters.save("我的听证", query, by=secretary)
    filters.save("我的听证", dataclasses.replace(query, year=2024), by=secretary)  # replaced, not doubled
    assert [(f.name, f.query.year) for f in filters.list(by=secretary)] == [("我的听证", 2024)]
    with pytest.raises(InvalidFilterName, match="筛选名称不能为空"):
        filters.save("   ", query, by=secretary)
    with pytest.raises(InvalidFilterName, match="筛选名称太长"):
        filters.save("名" * 41, query, by=secretary)
    member = store.authenticate("张委员", PINS["张委员"])
    assert filters.list(by=member) == []  # another person's filters are theirs
    filters.save("委员的筛选", CaseQuery(overdue=True), by=member)
    assert [f.name for f in filters.list(by=member)] == ["委员的筛选"]
    assert filters.delete("我的听证", by=secretary) and filters.list(by=secretary) == []
    # Inside the encrypted file: the plain settings never see a filter's words.
    raw = (store.data_dir / "rongcuo.db").read_bytes()
    assert "谢某".encode() not in raw and "我的听证".encode() not in raw


def test_the_overdue_filter_is_the_desks_reckoning(store: Store) -> None:
    from rongcuo_desktop.services.cases import CaseList
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.keys import KeyManager

    decided = D.today() - dt.timedelta(days=800)  # every follow-up visit is long past
    store.add_cases(
        [
            case(
                1,
                "谢某某",
                stage=Stage.FOLLOW_UP,
                conclusion=Conclusion.EXEMPT,
                decided_on=decided,
                applied_on=decided - dt.timedelta(days=30),
                rulebook="fuzhou-2019@1",  # its follow-up plan: visits in the year after the decision
            ),
            case(2, "钱某某", applied_on=D.today() - dt.timedelta(days=3)),
        ],
        by=store.authenticate("王主任", PINS["王主任"]),  # a case with its conclusion: the chair's import
    )
    credential = store.authenticate("李秘书", PINS["李秘书"])
    listing = CaseList(Workspace(store, KeyManager(store.data_dir)), credential)
    overdue = listing.ids(CaseQuery(overdue=True))
    rows = listing.rows(overdue)
    assert [rows[i].doc_no for i in overdue] == ["容错〔2025〕1号"]
    assert listing.ids(CaseQuery(overdue=True, text="钱某")) == []


# ----- the upgrade ----------------------------------------------------------------------------------


def test_a_store_from_0007_gets_the_search_and_the_pinyin_keys_at_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a store left at revision 0007 with a case in it, when this app opens it, then the case's
    facts are searchable, its name has its pinyin key, and new cases join both."""
    from rongcuo_desktop.store.keys import KeyManager
    from tests.store.test_migrations import make_store_at

    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_MEMORY_KIB", 8 * 1024)  # KDF not under test
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(
        "升级测试口令 2026 abc", require_passphrase_each_start=True
    )
    make_store_at(data_dir, key, "0007")  # 谢某某, 某区行政审批局, facts 容缺受理后补齐材料
    with Store.open(data_dir, key) as store:
        assert doc_nos(store, CaseQuery(text="补齐材料")) == ["容错〔2025〕7号"]
        assert doc_nos(store, CaseQuery(text="容缺")) == ["容错〔2025〕7号"]
        assert doc_nos(store, CaseQuery(text="审批超时")) == ["容错〔2025〕7号"]  # the matter
        with store.read_session() as session:
            keys = session.execute(text("SELECT party_name_key, party_unit_key FROM cases")).one()
        assert keys == (name_sort_key("谢某某"), unit_sort_key("某区行政审批局"))
        store.cases.add(case(8, "阿某某", facts="新的事实"))
        assert doc_nos(store, CaseQuery(sort_column="party_name", descending=False)) == [
            "容错〔2025〕8号",  # a
            "容错〔2025〕7号",  # xiè
        ]
        assert doc_nos(store, CaseQuery(text="新的事实")) == ["容错〔2025〕8号"]
        assert store.audit_verify().ok


# ----- a page at a time: the first page and the count, apart -----------------------------------------


def test_the_first_page_and_the_count_agree_with_the_whole_list(
    store: Store, secretary: Credential, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every way to the first page (few trigram matches sorted whole, a walk of the list's order, a
    rare short term read whole) and the count apart in ranges of ids give what the whole list gives:
    the same order, filters, the same count. Small limits, so 600 cases take every way."""
    from rongcuo_desktop.domain.demo import synthetic_cases
    from rongcuo_desktop.store import case_search

    monkeypatch.setattr(case_search, "FEW_MATCHES", 40)
    monkeypatch.setattr(case_search, "WALK_LIMIT", 150)
    monkeypatch.setattr(case_search, "AMONG_LIMIT", 100)
    monkeypatch.setattr(case_search, "COUNT_CHUNK", 97)
    store.cases.add_many(synthetic_cases(600, seed=3), by=store.authenticate("王主任", PINS["王主任"]))
    rows = store.cases.rows(store.cases.ids(CaseQuery(), by=secretary), by=secretary)
    name = next(r.party_name for r in rows.values() if len(r.party_name) == 3)
    words = [
        "容",
        "容错",
        "容错〔",
        "某",
        name[:2],
        name,
        "抢险物资",
        "沙袋 容错",
        "容 抢险",
        "无此词",
        "zz",
        "〔2019",
    ]
    filters: list[dict[str, object]] = [
        {},
        {"year": 2019},
        {"work_field": "行政审批", "year": 2021},
        {"stage": Stage.ACCEPTED},
        {"case_type": CaseType.TOLERANCE},
    ]
    ways = set()
    for word in words:
        for narrowing in filters:
            for column in ("applied_on", "party_name", "doc_no"):
                for descending in (True, False):
                    query = CaseQuery(text=word, sort_column=column, descending=descending, **narrowing)  # type: ignore[arg-type]
                    whole = store.cases.ids(query, by=secretary)
                    first, total = store.cases.head(query, 20, by=secretary)
                    assert first == whole[:20], (word, narrowing, column)
                    assert total in (None, len(whole)), (word, narrowing)
                    assert store.cases.count_matches(query, by=secretary) == len(whole), (word, narrowing)
                    ways.add(total is None)
    assert ways == {True, False}  # both: counted with the page, and counted apart


def test_a_count_gives_up_once_the_person_typed_on(
    store: Store, secretary: Credential, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rongcuo_desktop.store import case_search

    monkeypatch.setattr(case_search, "COUNT_CHUNK", 2)
    for number in range(1, 8):
        store.cases.add(case(number, "谢某某", facts="共同的事实词"), by=secretary)
    asked: list[int] = []

    def current() -> bool:
        asked.append(1)
        return len(asked) < 3

    query = CaseQuery(text="事实")
    assert store.cases.count_matches(query, by=secretary, current=current) is None
    assert store.cases.count_matches(query, by=secretary) == 7
    store.cases.add(case(8, "钱某某", facts="事实"), by=secretary)
    assert store.cases.count_matches(query, by=secretary) == 8  # a write: counted again


def test_a_members_first_page_and_count_hold_only_their_cases(store: Store, secretary: Credential) -> None:
    mine = [store.cases.add(case(n, "谢某某", facts="共同的事实词"), by=secretary) for n in (1, 2)]
    other = store.cases.add(case(3, "孙某某", facts="共同的事实词"), by=secretary)
    store.accounts.set_members(mine[0], ["张委员"], by=secretary)
    store.accounts.set_members(mine[1], ["张委员"], by=secretary)
    store.accounts.set_members(other, ["赵委员"], by=secretary)
    acting = store.authenticate("张委员", PINS["张委员"])
    for words in ("共同的事实词", "事实", "事", "孙某某", "容错"):
        first, total = store.cases.head(CaseQuery(text=words), 200, by=acting)
        assert set(first) <= set(mine), words
        assert store.cases.count_matches(CaseQuery(text=words), by=acting) == len(first) == (total or 0)


# ----- one- and two-character terms through the index's vocabulary ---------------------------------

# Letters of either case, digits, LIKE's own characters, quotes, a backslash, Chinese, and letters the
# index folds but LIKE does not (É/é, fullwidth Ａ/ａ, the Kelvin sign K that the index reads as k,
# the long s ſ that it reads as s).
ALPHABET = "aAbBkKsSzZ09%_'\"\\-。谢某容错〔〕\u212a\u017fÉéＡａ"


def like_finds(term: str, texts: list[str]) -> bool:
    """What LIKE '%term%' finds: a substring of one field, ASCII letters' case folded."""

    def fold(text: str) -> str:
        return "".join(ch.lower() if ch.isascii() else ch for ch in text)

    return any(fold(term) in fold(text) for text in texts)


@pytest.mark.parametrize("among", [0, 1_000_000])
def test_short_terms_find_exactly_what_like_finds(
    store: Store, secretary: Credential, monkeypatch: pytest.MonkeyPatch, among: int
) -> None:
    """Given cases whose fields begin and end with every kind of character, when one-, two- and
    three-character terms (alone, two together, with and without filters) are searched, then the
    first page, the whole list and the count hold exactly the cases LIKE's substring test finds, by
    every way to them (the vocabulary's few cases, the walk, and a walk that falls back)."""
    import random

    from rongcuo_desktop.store import case_search, repository

    monkeypatch.setattr(case_search, "FEW_MATCHES", 40)
    monkeypatch.setattr(case_search, "WALK_LIMIT", 50)
    monkeypatch.setattr(case_search, "AMONG_LIMIT", among)  # 0: filters take the same ways as without
    monkeypatch.setattr(case_search, "FEW_SHORT", 4)
    monkeypatch.setattr(case_search, "SPARSE", 25)
    monkeypatch.setattr(case_search, "COUNT_CHUNK", 97)
    rng = random.Random(15)

    def word(low: int, high: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))

    cases = [
        case(
            number,
            "某" + word(1, 3),
            word(1, 6) + "局",
            applied_on=D(rng.choice((2024, 2025)), 3, 1),
            work_field=rng.choice(("行政审批", "安全生产")),
            accountability_matter=word(0, 4),
            facts=word(0, 12),
            claimed_situation=word(0, 4),
        )
        for number in range(1, 241)
    ]
    store.cases.add_many(cases, by=store.authenticate("王主任", PINS["王主任"]))
    ids = store.cases.ids(CaseQuery(), by=secretary)
    fields: dict[int, list[str]] = {}
    for case_id in ids:
        stored = store.cases.get(case_id, by=secretary)
        texts = [stored.doc_no, stored.party_name, stored.party_unit, stored.accountability_matter]
        fields[case_id] = [*texts, stored.facts, stored.claimed_situation]
    terms = {word(1, 2) for _ in range(60)}
    for texts in list(fields.values())[:40]:  # each field's first and last one or two characters
        for text_ in texts:
            terms |= {text_[:1], text_[:2], text_[-1:], text_[-2:]} - {""}
    long_terms = {t[i : i + 3] for t in ["".join(f) for f in fields.values()] for i in range(0, 9, 4)}
    # Three characters go to the trigram index, which folds more than LIKE: only terms both agree on.
    terms |= {
        t for t in long_terms if len(t) == 3 and case_search.like_agrees(t) and not set(t) & set("kKsS")
    }
    ordered = sorted(terms)
    searches = ordered + [f"{a} {b}" for a, b in zip(ordered[::7], ordered[3::7], strict=False)]
    ways: list[str] = []
    for way in ("_sorted_matches", "_order_walk", "_fewer_cases"):
        monkeypatch.setattr(case_search, way, functools.partial(took, ways, way, getattr(case_search, way)))
    monkeypatch.setattr(
        repository, "search_head", functools.partial(took, ways, "walk", case_search.search_head)
    )
    checked = 0
    for words in searches:
        for narrowing in ({}, {"year": 2024}, {"work_field": "行政审批", "stage": Stage.APPLIED}):
            query = CaseQuery(text=words, **narrowing)
            expected = {
                case_id
                for case_id in store.cases.ids(dataclasses.replace(query, text=""), by=secretary)
                if all(like_finds(term, fields[case_id]) for term in words.split())
            }
            whole = store.cases.ids(query, by=secretary)
            assert set(whole) == expected, (words, narrowing)
            first, total = store.cases.head(query, 20, by=secretary)
            assert first == whole[:20], (words, narrowing)
            assert total in (None, len(whole)), (words, narrowing)
            assert store.cases.count_matches(query, by=secretary) == len(whole), (words, narrowing)
            checked += bool(expected)
    assert checked > len(searches)  # most searches find something
    # Every way: the vocabulary's few cases sorted, the order walked with its cases in hand (at once,
    # or after a walk testing every case's text), the walk alone, a three-character term's cases.
    assert set(ways) >= {"_sorted_matches driver", "_order_walk", "_sorted_matches", "walk"}, set(ways)
    if among:  # the filters' cases read by id: all of them, or those a rare term names
        assert {"_fewer_cases", "_fewer_cases none"} <= set(ways)


def took(ways: list[str], way: str, function: Any, *args: Any, **kwargs: Any) -> Any:
    """Note which way a search took (`function` is the real one); "walk": search_head found the page
    by its walk alone."""
    before = len(ways)
    found = function(*args, **kwargs)
    if way == "_fewer_cases":
        ways.append(way + (" none" if found is None else ""))
    elif way != "walk":
        driver = kwargs.get("driver", args[5] if len(args) > 5 else None)
        ways.append(way + (" driver" if way == "_sorted_matches" and driver is not None else ""))
    elif len(ways) == before:
        ways.append(way)
    return found


def index_holds_each_case_once(store: Store) -> None:
    """Every case is in the trigram index once: as many tokens as its search string has characters
    (each starts one: the string ends in two U+001F), and the string is its fields'."""
    with store.read_session() as session:
        strings = dict(session.execute(text("SELECT id, hay FROM case_search_text")).all())
        tokens = dict(session.execute(text("SELECT doc, count(*) FROM case_search_vocab GROUP BY doc")).all())
        fields = session.execute(
            text(
                "SELECT c.id, c.doc_no, c.party_name, c.party_unit, t.accountability_matter, t.facts,"
                " t.claimed_situation FROM cases c LEFT JOIN case_texts t ON t.case_id = c.id"
            )
        ).all()
    assert {row[0] for row in fields} == set(strings) == set(tokens)
    for case_id, *parts in fields:
        assert strings[case_id] == "\x1f\x1f".join(p or "" for p in parts) + "\x1f\x1f"
        assert tokens[case_id] == len(strings[case_id]) - 2, case_id


def test_each_case_is_indexed_once_by_every_write(store: Store, secretary: Credential) -> None:
    """Given cases added one at a time and in bulk, edited (texts, then name), and a case whose texts
    row was missing (an older store's) given texts, then each case is in the index exactly once with
    its current text, and found by short and long terms."""
    from rongcuo_desktop.domain.demo import synthetic_cases

    first = store.cases.add(case(1, "谢某某", facts="堤坝告急时先行调用沙袋"), by=secretary)
    store.cases.add_many(synthetic_cases(30, seed=5), by=store.authenticate("王主任", PINS["王主任"]))
    second = store.cases.add(case(2, "钱某某"), by=secretary)
    index_holds_each_case_once(store)
    store.cases.update(
        dataclasses.replace(store.cases.get(first, by=secretary), facts="冲锋舟"), by=secretary
    )
    index_holds_each_case_once(store)
    with store.read_session() as session:  # an older store's case without its texts row
        session.execute(text("DELETE FROM case_texts WHERE case_id = :id"), {"id": second})
        session.commit()
    with store.read_session() as session:
        assert session.execute(
            text("SELECT count(*) FROM case_texts WHERE case_id = :id"), {"id": second}
        ).one() == (0,)
    index_holds_each_case_once(store)
    with store.read_session() as session:  # its texts row comes: indexed again, not twice
        session.execute(text("INSERT INTO case_texts VALUES (:id, '', '补齐材料', '')"), {"id": second})
        session.commit()
    index_holds_each_case_once(store)
    store.cases.update(
        dataclasses.replace(store.cases.get(second, by=secretary), party_name="周某某"), by=secretary
    )
    index_holds_each_case_once(store)
    assert doc_nos(store, CaseQuery(text="冲锋"), by=secretary) == ["容错〔2025〕1号"]
    assert doc_nos(store, CaseQuery(text="沙袋"), by=secretary) == []
    assert doc_nos(store, CaseQuery(text="补齐材料"), by=secretary) == ["容错〔2025〕2号"]
    assert doc_nos(store, CaseQuery(text="周某"), by=secretary) == ["容错〔2025〕2号"]
    assert doc_nos(store, CaseQuery(text="钱某"), by=secretary) == []
