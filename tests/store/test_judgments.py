"""A case's judgment record in the store (real SQLCipher files): who may score, recuse, decide and edit
the checklist is refused by the store itself (no UI, no CLI), every change is audited in its own
transaction, and a stored case is judged by the same engine as a case file."""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.rulebook import DIMENSIONS, find_rulebook
from rongcuo_desktop.paths import rulebooks_dir
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.judgments import JudgmentError

MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]
PINS = {"王主任": "111186", "李秘书": "222286", **{name: f"{3000 + i}86" for i, name in enumerate(MEMBERS)}}
DOC_NO = "容错〔2026〕3号"


def all_met() -> Checklist:
    return Checklist(
        ("s8-2",),
        {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )


def full_scores(level: int = 5, why: str = "出于公心，及时纠错") -> dict[str, Score]:
    return {dim: Score(level, why) for dim in DIMENSIONS}


def as_person(store: Store, name: str) -> Credential:
    """That person's credential, by their PIN: every call below names who acts."""
    return store.authenticate(name, PINS[name])


def audit_length(store: Store) -> int:
    with store.read_session() as session:
        return int(session.execute(text("SELECT count(*) FROM audit_events")).scalar_one())


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A chair, a secretary, six members; case 3 (fuzhou-2019@1) has the first five members, an
    outsider case 4 has none."""
    opened = Store.create(data_dir, secrets.token_bytes(32))
    opened.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    opened_acting = as_person(opened, "王主任")
    opened.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=opened_acting)
    for name in MEMBERS:
        opened.accounts.add(name, Role.MEMBER, PINS[name], by=opened_acting)
    case_id = opened.cases.add(
        Case(
            doc_no=DOC_NO,
            party_name="谢某某",
            party_unit="某局",
            party_position="科长",
            rulebook="fuzhou-2019@1",
        ),
        by=opened_acting,
    )
    opened.cases.add(
        Case(doc_no="容错〔2026〕4号", party_name="刘某某", party_unit="某镇", party_position="镇长"),
        by=opened_acting,
    )
    opened.accounts.set_members(case_id, MEMBERS[:5], by=opened_acting)
    yield opened
    opened.close()


def case_id(store: Store, doc_no: str = DOC_NO) -> int:
    found = store.cases.id_for_doc_no(doc_no)
    assert found is not None
    return found


def test_members_score_and_recuse_only_on_their_own_committee(store: Store) -> None:
    """Given 周委员 is not on case 3's committee, when code calls the store to score or recuse, then it is
    refused; so are the secretary (no SCORE permission) and the chair (not on the committee)."""
    cid = case_id(store)
    acting = as_person(store, "周委员")
    with pytest.raises(PermissionDenied, match="不在本案（容错〔2026〕3号）的委员名单中，不能评分"):
        store.judgments.score(cid, full_scores(), by=acting)
    with pytest.raises(PermissionDenied, match="不能申请回避"):
        store.judgments.recuse(cid, "与当事人是同学", by=acting)
    acting = as_person(store, "李秘书")
    with pytest.raises(PermissionDenied, match="秘书无权评分"):
        store.judgments.score(cid, full_scores(), by=acting)
    with pytest.raises(PermissionDenied, match="秘书无权申请回避"):
        store.judgments.recuse(cid, "理由", by=acting)
    acting = as_person(store, "王主任")
    with pytest.raises(PermissionDenied, match="主任“王主任”不在本案"):
        store.judgments.score(cid, full_scores(), by=acting)
    acting = as_person(store, "张委员")
    with pytest.raises(PermissionDenied, match="不是该案件的委员"):
        store.judgments.record(case_id(store, "容错〔2026〕4号"), by=acting)
    store.judgments.score(cid, full_scores(), by=acting)
    record = store.judgments.record(cid, by=acting)
    (mine,) = [m for m in record.members if m.name == "张委员"]
    assert mine.complete and mine.key == "m1" and not mine.pending
    assert {m.name for m in record.members if m.pending} == set(MEMBERS[1:5])


def test_no_score_after_recusal_and_recusal_withdraws_scores(store: Store) -> None:
    cid = case_id(store)
    acting = as_person(store, "赵委员")
    store.judgments.score(cid, {"motive": Score(4, "动机纯正")}, by=acting)
    with pytest.raises(JudgmentError, match="回避理由不能为空"):
        store.judgments.recuse(cid, "  ", by=acting)
    store.judgments.recuse(cid, "与当事人系同一科室", by=acting)
    with pytest.raises(PermissionDenied, match="已回避本案"):  # recusal locks them out of the material
        store.judgments.record(cid, by=acting)
    with pytest.raises(JudgmentError, match="您已申请回避，不能再对本案评分"):
        store.judgments.score(cid, full_scores(), by=acting)
    with pytest.raises(JudgmentError, match="已经申请过回避"):
        store.judgments.recuse(cid, "再次", by=acting)
    acting = as_person(store, "李秘书")
    (member,) = [m for m in store.judgments.record(cid, by=acting).members if m.name == "赵委员"]
    assert member.recused and member.scores == {} and member.recusal_reason == "与当事人系同一科室"
    timeline = store.audit_timeline(cid, by=acting)
    assert timeline[-1].action_label == "申请回避" and "撤回已有的 1 项评分" in timeline[-1].summary


def test_bad_scores_are_refused_naming_the_dimension_and_change_nothing(store: Store) -> None:
    cid = case_id(store)
    acting = as_person(store, "张委员")
    before = audit_length(store)
    for scores, message in [
        ({"mood": Score(3, "x")}, "没有名为“mood”的评分维度"),
        ({"motive": Score(6, "x")}, "维度“动机态度”的等级应为 1 到 5 的整数，实际为 6"),
        ({"nature": Score(0, "x")}, "维度“性质程度”的等级应为 1 到 5 的整数"),
        ({"impact": Score(True, "x")}, "维度“后果影响”的等级"),  # type: ignore[arg-type]
        ({"procedure": Score(1, " ")}, "维度“程序方法”评为 1 级，需要写明理由"),
        ({}, "没有给出任何维度的评分"),
    ]:
        with pytest.raises(JudgmentError, match=message):
            store.judgments.score(cid, scores, by=acting)
    assert audit_length(store) == before
    assert all(not m.scores for m in store.judgments.record(cid, by=acting).members)
    store.judgments.score(
        cid, {"动机态度": Score(4, "中文名也可以")}, by=acting
    )  # the Chinese name is accepted
    assert store.judgments.record(cid, by=acting).members[0].scores == {"motive": Score(4, "中文名也可以")}


def test_only_the_secretary_or_chair_edits_the_checklist_checked_against_the_rulebook(store: Store) -> None:
    cid = case_id(store)
    acting = as_person(store, "张委员")
    with pytest.raises(PermissionDenied, match="委员无权修改案件"):
        store.judgments.set_checklist(cid, all_met(), by=acting)
    acting = as_person(store, "李秘书")
    bad = Checklist((), {}, {"x10": ExclusionStatus.CONFIRMED})
    with pytest.raises(
        JudgmentError, match=re.escape("规则库 fuzhou-2019@1 中没有编号为 'x10' 的不予容错情形")
    ) as e:
        store.judgments.set_checklist(cid, bad, by=acting)
    assert "checklist.exclusions" not in str(e.value)  # said as the form says it, not the data's path
    with pytest.raises(JudgmentError, match="找不到规则库 'no-such'"):
        store.judgments.set_checklist(cid, all_met(), rulebook="no-such", by=acting)
    store.judgments.set_checklist(cid, all_met(), by=acting)
    assert store.judgments.record(cid, by=acting).checklist == all_met()
    # Switching the rulebook is part of the checklist (liwan has no c6..x9 of fuzhou): checked too.
    with pytest.raises(JudgmentError, match="规则库 liwan@1"):
        store.judgments.set_checklist(cid, all_met(), rulebook="liwan", by=acting)
    other = case_id(store, "容错〔2026〕4号")
    with pytest.raises(JudgmentError, match="本案未指定规则库"):
        store.judgments.set_checklist(other, all_met(), by=acting)
    store.judgments.set_checklist(other, Checklist(), rulebook="liwan", by=acting)
    assert store.cases.get(other, by=acting).rulebook == "liwan@1"


def score_five(store: Store, cid: int, level: int = 5) -> None:
    for name in MEMBERS[:5]:
        acting = as_person(store, name)
        store.judgments.score(cid, full_scores(level), by=acting)


def test_only_the_chair_decides_a_differing_conclusion_needs_a_note_then_the_record_is_frozen(
    store: Store,
) -> None:
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    store.judgments.set_checklist(cid, all_met(), by=acting)
    score_five(store, cid)
    acting = as_person(store, "李秘书")
    with pytest.raises(PermissionDenied, match="秘书无权记录认定结论"):
        store.judgments.decide(cid, Conclusion.EXEMPT, by=acting)
    acting = as_person(store, "张委员")
    with pytest.raises(PermissionDenied, match="委员无权记录认定结论"):
        store.judgments.decide(cid, Conclusion.EXEMPT, by=acting)
    acting = as_person(store, "王主任")
    assert store.judgments.judge(cid, by=acting).recommendation is Conclusion.EXEMPT
    with pytest.raises(JudgmentError, match="与研判建议“予以容错免责”不同：请在说明（note）中写明理由"):
        store.judgments.decide(cid, Conclusion.LENIENT, by=acting)
    decision = store.judgments.decide(cid, Conclusion.EXEMPT, by=acting)
    assert decision.recorded_by == "王主任" and decision.recommendation is Conclusion.EXEMPT
    assert decision.rulebook == "fuzhou-2019@1" and decision.recorded_at is not None
    case = store.cases.get(cid, by=acting)
    assert case.conclusion is Conclusion.EXEMPT and case.decided_on == decision.decided_on
    # Frozen now: no more scores, recusals or checklist edits; the chair may record a correction.
    acting = as_person(store, "张委员")
    with pytest.raises(JudgmentError, match="本案已记录认定结论（予以容错免责）"):
        store.judgments.score(cid, full_scores(4), by=acting)
    with pytest.raises(JudgmentError, match="本案已记录认定结论"):
        store.judgments.recuse(cid, "迟到的回避", by=acting)
    acting = as_person(store, "李秘书")
    with pytest.raises(JudgmentError, match="本案已记录认定结论"):
        store.judgments.set_checklist(cid, Checklist(), by=acting)
    acting = as_person(store, "王主任")
    corrected = store.judgments.decide(
        cid, Conclusion.LENIENT, note="会议认为后果影响仍需警示，从轻处理", by=acting
    )
    assert (
        corrected.note.startswith("会议认为")
        and store.cases.get(cid, by=acting).conclusion is Conclusion.LENIENT
    )


def test_no_recommendation_means_the_decision_needs_its_reason(store: Store) -> None:
    cid = case_id(store)
    acting = as_person(store, "王主任")
    with pytest.raises(JudgmentError, match="研判没有给出建议（计入评分的委员 0 人，少于规则库规定的 5 人"):
        store.judgments.decide(cid, Conclusion.NOT_TOLERATED, by=acting)
    store.judgments.decide(cid, Conclusion.NOT_TOLERATED, note="经会议研究，情节不符合容错条件", by=acting)


def test_every_change_is_audited_with_chained_before_and_after_hashes(store: Store) -> None:
    """Given a whole hearing (checklist, five scores, a recusal, the decision), then each change has
    its event with the person, each event's after hash is the next one's before hash, the refused
    attempts left no event, and the full chain verifies."""
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    store.judgments.set_checklist(cid, all_met(), by=acting)
    score_five(store, cid, 4)
    acting = as_person(store, "王主任")
    store.accounts.set_members(cid, MEMBERS, by=acting)
    acting = as_person(store, "周委员")
    store.judgments.recuse(cid, "近亲属", by=acting)
    before_refused = audit_length(store)
    with pytest.raises(JudgmentError):
        store.judgments.score(cid, full_scores(), by=acting)
    assert audit_length(store) == before_refused  # a refused attempt is not recorded as a change
    acting = as_person(store, "王主任")
    store.judgments.decide(cid, Conclusion.EXEMPT, by=acting)
    with store.read_session() as session:
        rows = session.execute(
            text(
                "SELECT action, actor_name, before_hash, after_hash FROM audit_events "
                "WHERE case_id = :c AND action IN ('case_edit', 'score', 'recusal', 'decision') ORDER BY id"
            ),
            {"c": cid},
        ).all()
    assert [r[0] for r in rows] == ["case_edit", *["score"] * 5, "recusal", "decision"]
    assert [r[1] for r in rows] == ["李秘书", *MEMBERS[:5], "周委员", "王主任"]
    for earlier, later in itertools.pairwise(rows):
        assert earlier[3] == later[2] and earlier[3] != earlier[2]
    labels = [e.action_label for e in store.audit_timeline(cid, by=acting)]
    assert labels[-5:] == ["评分", "指定案件委员", "申请回避", "记录认定结论", "推进案件阶段"]
    assert store.audit_verify(by=acting).ok


def test_a_stored_case_is_judged_like_its_case_file(store: Store) -> None:
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    store.judgments.set_checklist(cid, all_met(), by=acting)
    score_five(store, cid, 4)
    acting = as_person(store, "王主任")
    case_file = store.judgments.case_file(cid, by=acting)
    assert case_file.case.doc_no == DOC_NO and len(case_file.members) == 5
    assert [m.id for m in case_file.members] == ["m1", "m2", "m3", "m4", "m5"]
    direct = judge(case_file, find_rulebook("fuzhou-2019@1", rulebooks_dir())).to_dict()
    stored = store.judgments.judge(cid, by=acting).to_dict()
    assert stored == direct and stored["recommendation"] == "予以容错免责" and stored["quorum_met"]
    assert "张委员" not in str(stored)  # results hold member ids, never names


def test_a_store_from_revision_0003_opens_with_an_empty_judgment_record(data_dir: Path) -> None:
    from rongcuo_desktop.store.keys import KeyManager
    from rongcuo_desktop.store.migrations import HEAD_REVISION
    from tests.store.test_migrations import make_store_at

    key = KeyManager(data_dir, kdf_target_seconds=0.05).create("迁移测试口令 2026 abc")
    make_store_at(data_dir, key, "0003")
    with Store.open(data_dir, key) as store:
        record = store.judgments.record(1)
        assert record.checklist == Checklist() and record.members == () and record.decision is None
        assert record.conclusion is Conclusion.EXEMPT  # set by the old app on the case itself
        with store.read_session() as session:
            action = session.execute(text("SELECT action, summary FROM audit_events")).one()
        assert action[0] == "migration" and "0003" in action[1] and HEAD_REVISION in action[1]


def test_judgment_tables_match_their_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rongcuo_desktop.store.migrations import include_object
    from rongcuo_desktop.store.models import Base

    ours = {"case_checklist_items", "judgment_members", "judgment_scores", "case_decisions"}
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, Base.metadata)
        tables = set(sa.inspect(conn).get_table_names())
    assert ours <= tables
    mentioned = [d for d in diffs if any(name in str(d) for name in ours)]
    assert mentioned == []
    acting = as_person(store, "张委员")
    store.judgments.score(case_id(store), {"motive": Score(3, "理由")}, by=acting)
    with store.engine.connect() as conn, pytest.raises(sa.exc.IntegrityError, match="CHECK"):
        conn.execute(text("UPDATE judgment_scores SET level = 9"))
