"""Accounts and roles, enforced by the store itself (no UI involved), on a real SQLCipher file."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.roles import PERMISSIONS, Action, Role, allowed, refusal
from rongcuo_desktop.store.accounts import NotLoggedIn, PermissionDenied, WrongPin, hash_pin, pin_matches
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.repository import CaseQuery


def sample_case(n: int) -> Case:
    return Case(doc_no=f"容错〔2026〕{n}号", party_name="谢某某", party_unit="某局", party_position="科长")


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A store with a chair, a secretary and two members; case 1 has 张委员 on its committee."""
    opened = Store.create(data_dir, secrets.token_bytes(32))
    opened.accounts.add("王主任", Role.CHAIR, "111186")
    chair = opened.authenticate("王主任", "111186")
    opened.accounts.add("李秘书", Role.SECRETARY, "222286", by=chair)
    opened.accounts.add("张委员", Role.MEMBER, "333386", by=chair)
    opened.accounts.add("赵委员", Role.MEMBER, "444486", by=chair)
    first = opened.cases.add(sample_case(1), by=chair)
    opened.cases.add(sample_case(2), by=chair)
    opened.accounts.set_members(first, ["张委员"], by=chair)
    yield opened
    opened.close()


def test_permission_table_is_pure_and_sensible() -> None:
    assert allowed(Role.SECRETARY, Action.CASE_CREATE) and allowed(Role.SECRETARY, Action.EXPORT)
    assert not allowed(Role.SECRETARY, Action.DECISION)
    assert not allowed(Role.MEMBER, Action.CASE_EDIT) and allowed(Role.MEMBER, Action.SCORE)
    assert all(allowed(Role.CHAIR, action) for action in Action)
    assert all(allowed(role, Action.LOGIN) for role in Role)
    assert PERMISSIONS[Role.MEMBER] < PERMISSIONS[Role.CHAIR]
    assert refusal(Role.MEMBER, Action.CASE_CREATE) == "委员无权登记案件。"


def test_pin_hash_is_argon2id_and_checks() -> None:
    stored = hash_pin("246886")
    assert stored.startswith("$argon2id$")
    assert pin_matches(stored, "246886") and not pin_matches(stored, "246986")
    with pytest.raises(StoreError, match="至少需要 6 位数字"):
        hash_pin("12")


def test_member_calling_the_store_directly_is_refused_in_chinese(store: Store) -> None:
    """Given 张委员 logged in, when code calls the repository to register a case, then it is refused."""
    member = store.authenticate("张委员", "333386")
    with pytest.raises(PermissionDenied) as caught:
        store.cases.add(sample_case(3), by=member)
    assert str(caught.value) == "委员无权登记案件。"
    with pytest.raises(PermissionDenied, match="委员无权管理账户"):
        store.accounts.add("新人", Role.MEMBER, "555586", by=member)


def test_secretary_edits_but_may_not_decide(store: Store) -> None:
    secretary = store.authenticate("李秘书", "222286")
    case_id = store.cases.ids(CaseQuery(sort_column="doc_no", descending=False), by=secretary)[0]
    case = store.cases.get(case_id, by=secretary)
    case.facts = "补充了调查材料"
    store.cases.update(case, by=secretary)
    case.conclusion = Conclusion.EXEMPT
    with pytest.raises(PermissionDenied, match="秘书无权记录认定结论"):
        store.cases.update(case, by=secretary)
    assert store.cases.get(case_id, by=secretary).conclusion is None
    chair = store.authenticate("王主任", "111186")
    # Not by editing the case either: the chair records the decision (with its reason) in the record.
    with pytest.raises(StoreError, match="修改案件时不能填写或修改认定结论"):
        store.cases.update(case, by=chair)
    store.judgments.decide(case_id, Conclusion.EXEMPT, note="会议认定", by=chair)
    assert store.cases.get(case_id, by=chair).conclusion is Conclusion.EXEMPT
    # The edit, the decision, and the stage the decision moved on (issue 12).
    timeline = store.audit_timeline(case_id, by=chair)
    assert [e.actor_name for e in timeline][-3:] == ["李秘书", "王主任", "王主任"]


def test_member_reads_only_the_cases_of_their_committee(store: Store) -> None:
    """Given 张委员 sits on case 1 only, then the list, the counts and get() show only case 1."""
    zhang = store.authenticate("张委员", "333386")
    ids = store.cases.ids(CaseQuery(), by=zhang)
    assert len(ids) == 1 and store.cases.count(by=zhang) == 1
    assert sum(store.cases.stage_counts(by=zhang).values()) == 1
    assert store.cases.get(ids[0], by=zhang).doc_no == "容错〔2026〕1号"
    other = store.cases.id_for_doc_no("容错〔2026〕2号")
    assert other is not None
    with pytest.raises(PermissionDenied, match="不是该案件的委员"):
        store.cases.get(other, by=zhang)
    assert store.cases.rows([other, ids[0]], by=zhang).keys() == {ids[0]}
    zhao = store.authenticate("赵委员", "444486")
    assert store.cases.ids(CaseQuery(), by=zhao) == [] and store.cases.count(by=zhao) == 0


def test_wrong_pin_is_refused_and_recorded_without_the_pin(store: Store) -> None:
    with pytest.raises(WrongPin, match="个人口令不正确"):
        store.authenticate("李秘书", "999986")
    with pytest.raises(WrongPin):
        store.authenticate("没有这个人", "999986")
    with store.read_session() as session:
        from sqlalchemy import text

        rows = session.execute(
            text("SELECT actor_name, summary, detail FROM audit_events WHERE action = 'failed_unlock'")
        ).all()
    assert [r[0] for r in rows] == ["李秘书", "（未知账户）"]
    assert all("999986" not in (r[1] + r[2]) for r in rows)


def test_a_store_with_accounts_needs_a_person(data_dir: Path) -> None:
    key = secrets.token_bytes(32)
    with Store.create(data_dir, key) as store:
        store.accounts.add("王主任", Role.CHAIR, "111186")
    with Store.open(data_dir, key) as store:
        with pytest.raises(NotLoggedIn, match="请先选择您的账户"):
            store.cases.add(sample_case(1))
        store.cases.add(sample_case(1), by=store.key_holder())  # the key's holder acts as the first 主任


def test_first_account_must_be_a_chair_and_members_must_be_members(data_dir: Path) -> None:
    with Store.create(data_dir, secrets.token_bytes(32)) as store:
        with pytest.raises(StoreError, match="第一个账户必须是主任"):
            store.accounts.add("李秘书", Role.SECRETARY, "222286")
        store.accounts.add("王主任", Role.CHAIR, "111186")
        chair = store.authenticate("王主任", "111186")
        store.accounts.add("李秘书", Role.SECRETARY, "222286", by=chair)
        case_id = store.cases.add(sample_case(1), by=chair)
        with pytest.raises(StoreError, match="只有委员"):
            store.accounts.set_members(case_id, ["李秘书"], by=chair)
        with pytest.raises(StoreError, match="已经有名为"):
            store.accounts.add("王主任", Role.CHAIR, "111186", by=chair)
        store.accounts.set_active("李秘书", False, by=chair)
        with pytest.raises(PermissionDenied, match="已停用"):
            store.authenticate("李秘书", "222286")
