"""What a higher authority would check of the judgment record, called on the store itself (real
SQLCipher files, no UI, no CLI):

- a conclusion exists only with its decision record: store.cases refuses one (a 秘书 in Chinese), and
  bulk adds, demo cases and imports write the record in the same transaction;
- blind scoring: a 委员 reads only their own scores until the 主任 records the conclusion, in the
  record, the case file, the judgment and the case's timeline;
- corrections need a reason and keep what they replace; dates are plausible; a member who has scored
  stays on the committee; imports cannot put a conclusion or a name where it does not belong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.demo import demo_cases, synthetic_cases
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.attachments import add_case_with_attachments
from rongcuo_desktop.store.audit import SCORE_WITHHELD
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.judgments import EXAMPLE_DECISION_NOTE, JudgmentError
from rongcuo_desktop.store.repository import ConclusionNotEditable, RulebookNotEditable
from rongcuo_desktop.store.transfer import ImportRefused
from tests.conftest import REPO_ROOT

MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]
PINS = {"王主任": "111186", "李秘书": "222286", **{name: f"{3000 + i}86" for i, name in enumerate(MEMBERS)}}
DOC_NO = "容错〔2026〕3号"
EXAMPLE = REPO_ROOT / "docs" / "examples" / "tolerance-fuzhou.json"


def all_met() -> Checklist:
    return Checklist(
        ("s8-2",),
        {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )


def scores(level: int, why: str) -> dict[str, Score]:
    return {dim: Score(level, why) for dim in DIMENSIONS}


def as_person(store: Store, name: str) -> Credential:
    """That person's credential, by their PIN: every call below names who acts."""
    return store.authenticate(name, PINS[name])


def counts(store: Store) -> tuple[int, int, int]:
    """(cases, decision records, audit events)"""
    with store.read_session() as session:
        row = session.execute(
            text(
                "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_decisions),"
                " (SELECT count(*) FROM audit_events)"
            )
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


def conclusions_without_record(store: Store) -> int:
    with store.read_session() as session:
        return int(
            session.execute(
                text(
                    "SELECT count(*) FROM cases c WHERE c.conclusion IS NOT NULL AND NOT EXISTS"
                    " (SELECT 1 FROM case_decisions d WHERE d.case_id = c.id AND d.conclusion = c.conclusion)"
                )
            ).scalar_one()
        )


def new_store(folder: Path) -> Store:
    store = Store.create(folder, secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    acting = as_person(store, "王主任")
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=acting)
    for name in MEMBERS:
        store.accounts.add(name, Role.MEMBER, PINS[name], by=acting)
    return store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """Case 3 (fuzhou-2019@1, applied 2026-03-02) with the first five members on its committee."""
    opened = new_store(data_dir)
    chair = as_person(opened, "王主任")
    cid = opened.cases.add(
        Case(
            doc_no=DOC_NO,
            party_name="谢某某",
            party_unit="某局",
            party_position="科长",
            applied_on=dt.date(2026, 3, 2),
            rulebook="fuzhou-2019@1",
        ),
        by=chair,
    )
    opened.accounts.set_members(cid, MEMBERS[:5], by=chair)
    yield opened
    opened.close()


@pytest.fixture
def chair(store: Store) -> Credential:
    """Who acts in the tests below unless they say otherwise: 王主任, by the PIN."""
    return as_person(store, "王主任")


def case_id(store: Store, doc_no: str = DOC_NO) -> int:
    found = store.cases.id_for_doc_no(doc_no)
    assert found is not None
    return found


# ----- 1. a conclusion only with its decision record ------------------------------------------------


def test_a_secretary_cannot_record_a_conclusion_by_registering_or_editing_a_case(store: Store) -> None:
    """Given 李秘书 (秘书: CASE_CREATE, CASE_EDIT, IMPORT), when code calls the store to register a case
    with a conclusion, to edit one in, or to bulk-add a decided case, then each is refused in Chinese
    and nothing is written (no case, no decision, no event)."""
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    before = counts(store)
    decided = Case(
        doc_no="容错〔2026〕30号",
        party_name="钱某某",
        party_unit="某局",
        party_position="科员",
        conclusion=Conclusion.EXEMPT,
        decided_on=dt.date(2026, 4, 1),
    )
    refused = "秘书无权记录认定结论。认定结论和认定日期只能由主任在研判后记录。"
    with pytest.raises(PermissionDenied, match=re.escape(refused)):
        store.cases.add(decided, by=acting)
    with pytest.raises(PermissionDenied, match="秘书无权记录认定结论"):
        add_case_with_attachments(store, decided, [("证据.txt", io.BytesIO(b"x"))], by=acting)
    with pytest.raises(
        PermissionDenied, match=r"秘书无权记录认定结论。带有认定结论的案件（如 容错〔2026〕30号）"
    ):
        store.add_cases([decided], by=acting)
    case = store.cases.get(cid, by=acting)
    for change in ({"conclusion": Conclusion.EXEMPT}, {"decided_on": dt.date(2026, 4, 1)}):
        with pytest.raises(PermissionDenied, match="秘书无权记录认定结论"):
            store.cases.update(dataclasses.replace(case, **change), by=acting)
    assert counts(store) == before
    assert (
        store.cases.get(cid, by=acting).conclusion is None
        and store.judgments.record(cid, by=acting).decision is None
    )
    # What a secretary may do still works: register without a conclusion, edit the facts.
    store.cases.add(dataclasses.replace(decided, conclusion=None, decided_on=None), by=acting)
    store.cases.update(dataclasses.replace(case, facts="补充调查材料"), by=acting)


def test_the_chair_records_a_conclusion_only_through_decide(store: Store, chair: Credential) -> None:
    cid = case_id(store)
    case = store.cases.get(cid, by=chair)
    before = counts(store)
    with pytest.raises(ConclusionNotEditable, match="修改案件时不能填写或修改认定结论和认定日期"):
        store.cases.update(dataclasses.replace(case, conclusion=Conclusion.NOT_TOLERATED), by=chair)
    with pytest.raises(ConclusionNotEditable, match="登记案件时不能"):
        store.cases.add(
            dataclasses.replace(case, id=None, doc_no="容错〔2026〕31号", conclusion=Conclusion.EXEMPT),
            by=chair,
        )
    assert counts(store) == before
    store.judgments.decide(cid, Conclusion.NOT_TOLERATED, note="经会议研究，不符合容错条件", by=chair)
    decided = store.cases.get(cid, by=chair)
    # Once decided, an edit of the case cannot take the conclusion away or move its date either.
    with pytest.raises(ConclusionNotEditable):
        store.cases.update(dataclasses.replace(decided, conclusion=None, decided_on=None), by=chair)
    with pytest.raises(ConclusionNotEditable):
        store.cases.update(dataclasses.replace(decided, decided_on=dt.date(2026, 3, 5)), by=chair)
    assert conclusions_without_record(store) == 0


def test_the_rulebook_of_a_judged_case_changes_only_with_its_checklist(store: Store) -> None:
    """Given a checklist under fuzhou-2019@1, an edit of the case may not switch the rulebook behind it
    (the ids would no longer be checked); after the decision it never changes."""
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    store.cases.update(
        dataclasses.replace(store.cases.get(cid, by=acting), rulebook="liwan@1"), by=acting
    )  # no checklist yet
    store.judgments.set_checklist(cid, all_met(), rulebook="fuzhou-2019", by=acting)
    with pytest.raises(RulebookNotEditable, match="适用规则请在研判清单中修改"):
        store.cases.update(
            dataclasses.replace(store.cases.get(cid, by=acting), rulebook="liwan@1"), by=acting
        )
    acting = as_person(store, "王主任")
    store.judgments.decide(cid, Conclusion.LENIENT, note="会议认定", by=acting)
    with pytest.raises(RulebookNotEditable, match="本案已记录认定结论，适用规则不再修改"):
        store.cases.update(
            dataclasses.replace(store.cases.get(cid, by=acting), rulebook="liwan@1"), by=acting
        )
    assert store.cases.get(cid, by=acting).rulebook == "fuzhou-2019@1"


def test_demo_cases_bring_their_conclusions_as_example_decisions_even_for_a_secretary(data_dir: Path) -> None:
    """Given a secretary adds the demo cases (the program's own data, some with conclusions), then each
    conclusion has a decision record that says it is example data, recorded by nobody here; a demo
    case changed by the caller is not example data any more, and is refused."""
    store = new_store(data_dir)
    try:
        acting = as_person(store, "李秘书")
        changed = dataclasses.replace(demo_cases(demo_cases_file())[0], conclusion=Conclusion.NOT_TOLERATED)
        with pytest.raises(PermissionDenied, match="只能由主任导入"):
            store.add_cases([changed], by=acting)
        added = store.add_demo_cases(by=acting)
        decided = [c for c in demo_cases(demo_cases_file()) if c.conclusion is not None]
        assert added == len(demo_cases(demo_cases_file())) and decided
        assert conclusions_without_record(store) == 0
        for demo in decided:
            decision = store.judgments.record(case_id(store, demo.doc_no), by=acting).decision
            assert decision is not None and decision.imported and decision.recorded_by == ""
            assert decision.conclusion is demo.conclusion and decision.decided_on == demo.decided_on
            assert decision.note == EXAMPLE_DECISION_NOTE
        with store.read_session() as session:
            summary, detail = session.execute(
                text("SELECT summary, detail FROM audit_events WHERE action = 'import'")
            ).one()
        assert f"其中 {len(decided)} 件带有认定结论" in summary
        assert json.loads(detail)["with_conclusion"] == len(decided)
        assert store.audit_verify(by=acting).ok
    finally:
        store.close()


def test_bulk_added_history_gets_imported_decision_records(data_dir: Path) -> None:
    store = new_store(data_dir)
    chair = as_person(store, "王主任")
    try:
        cases = list(synthetic_cases(300))
        decided = sum(1 for c in cases if c.conclusion is not None)
        assert store.add_cases(cases, by=chair) == 300 and decided > 50
        assert counts(store)[1] == decided and conclusions_without_record(store) == 0
        one = next(c for c in cases if c.conclusion is not None)
        decision = store.judgments.record(case_id(store, one.doc_no), by=chair).decision
        assert decision is not None and decision.imported and decision.note == ""
    finally:
        store.close()


# ----- 2. blind scoring -------------------------------------------------------------------------


def test_a_member_reads_only_their_own_scores_until_the_decision(store: Store) -> None:
    """Given 张委员 scored 5 and 赵委员 scored 2 with their reasons, when 张委员 reads the record, the case
    file or the judgment, then 赵委员's levels and rationale are not in it (only that 赵委员 scored five
    dimensions); the secretary and the chair read everything; after the decision, so does 张委员."""
    cid = case_id(store)
    acting = as_person(store, "李秘书")
    store.judgments.set_checklist(cid, all_met(), by=acting)
    acting = as_person(store, "张委员")
    store.judgments.score(cid, scores(5, "张：出于公心"), by=acting)
    acting = as_person(store, "赵委员")
    store.judgments.score(cid, scores(2, "赵：程序有瑕疵"), by=acting)
    acting = as_person(store, "钱委员")
    store.judgments.recuse(cid, "与当事人系同一科室", by=acting)

    acting = as_person(store, "张委员")
    record = store.judgments.record(cid, by=acting)
    by_name = {m.name: m for m in record.members}
    assert record.blind and not by_name["张委员"].hidden
    assert by_name["张委员"].scores == scores(5, "张：出于公心") and by_name["张委员"].complete
    zhao = by_name["赵委员"]
    assert zhao.hidden and zhao.scores == {} and zhao.scored == 5 and zhao.complete
    assert by_name["钱委员"].recused and by_name["孙委员"].pending and by_name["孙委员"].scored == 0
    case_file = store.judgments.case_file(cid, by=acting)
    assert "赵：程序有瑕疵" not in repr(case_file)
    assert [m.scores for m in case_file.members if m.name == "赵委员"] == [{}]
    judged = store.judgments.judge(cid, by=acting).to_dict()
    assert judged["quorum"]["counted"] == 1  # only what 张委员 may read: nothing leaks via medians
    assert all(d["min"] == d["max"] == 5 for d in judged["dimensions"])

    for reader in ("李秘书", "王主任"):
        acting = as_person(store, reader)
        full = store.judgments.record(cid, by=acting)
        assert not full.blind and not any(m.hidden for m in full.members)
        assert {m.name: m.scores for m in full.members}["赵委员"] == scores(2, "赵：程序有瑕疵")
    store.judgments.decide(cid, Conclusion.LENIENT, note="会议综合评议", by=acting)
    acting = as_person(store, "张委员")
    after = store.judgments.record(cid, by=acting)
    assert not after.blind and {m.name: m.scores for m in after.members}["赵委员"] == scores(
        2, "赵：程序有瑕疵"
    )


def test_the_timeline_does_not_show_a_member_anyone_elses_levels(store: Store) -> None:
    """Given score events (and one written the way the first version did, with levels in its summary),
    when 张委员 reads the case's timeline before the decision, then the other members' score events say
    only that they scored; members cannot read the audit trail itself (no AUDIT_VIEW)."""
    from rongcuo_desktop.domain.roles import AccountInfo, Action
    from rongcuo_desktop.store.audit import append_event

    cid = case_id(store)
    acting = as_person(store, "张委员")
    store.judgments.score(cid, {"motive": Score(4, "理由")}, by=acting)
    acting = as_person(store, "赵委员")
    store.judgments.score(cid, {"motive": Score(2, "理由"), "impact": Score(1, "理由")}, by=acting)
    with store.write_session() as session:  # an event as the first version wrote it
        sun = next(a for a in store.accounts.list_all() if a.name == "孙委员")
        append_event(session, AccountInfo(sun.id, sun.name, Role.MEMBER), Action.SCORE, case_id=cid,
                     summary="评分：动机态度 3、后果影响 2")  # fmt: skip
    for event in store.audit_timeline(
        cid, by=acting
    ):  # the summaries written now name dimensions, not levels
        if event.action_label == "评分" and event.actor_name != "孙委员":
            assert not re.search(r"\d", re.sub(r"（\d 项）$", "", event.summary)), event.summary
    acting = as_person(store, "张委员")
    summaries = {
        e.actor_name: e.summary for e in store.audit_timeline(cid, by=acting) if e.action_label == "评分"
    }
    assert summaries == {
        "张委员": "评分：动机态度（1 项）",
        "赵委员": SCORE_WITHHELD,
        "孙委员": SCORE_WITHHELD,
    }
    with pytest.raises(PermissionDenied, match="委员无权查看审计记录"):
        store.audit_verify(by=acting)
    acting = as_person(store, "李秘书")
    summaries = {
        e.actor_name: e.summary for e in store.audit_timeline(cid, by=acting) if e.action_label == "评分"
    }
    assert summaries["赵委员"] == "评分：动机态度、后果影响（2 项）"
    assert not store.guard.acting(acting).may(Action.SCORE)


# ----- 3. decisions, corrections, the committee --------------------------------------------------


def test_a_correction_needs_its_reason_and_keeps_what_it_replaces(store: Store, chair: Credential) -> None:
    cid = case_id(store)
    first = store.judgments.decide(
        cid, Conclusion.EXEMPT, note="听证会认定", decided_on=dt.date(2026, 4, 1), by=chair
    )
    with pytest.raises(
        JudgmentError, match="本案已记录认定结论（予以容错免责）：更正须在说明（note）中写明更正的理由"
    ):
        store.judgments.decide(cid, Conclusion.NOT_TOLERATED, by=chair)
    store.judgments.decide(cid, Conclusion.NOT_TOLERATED, note="复核发现谋取私利情形，予以更正", by=chair)
    with store.read_session() as session:
        detail = session.execute(
            text("SELECT detail FROM audit_events WHERE action = 'decision' ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    replaced = json.loads(detail)["replaces"]
    assert replaced["conclusion"] == "exempt" and replaced["note"] == "听证会认定"
    assert replaced["decided_on"] == "2026-04-01" and replaced["recorded_by"] == first.recorded_by == "王主任"
    assert store.audit_verify(by=chair).ok


def test_a_decision_date_is_the_meetings(store: Store, chair: Credential) -> None:
    cid = case_id(store)
    before = counts(store)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(JudgmentError, match=f"认定日期 {tomorrow.isoformat()} 晚于今天"):
        store.judgments.decide(cid, Conclusion.EXEMPT, note="理由", decided_on=tomorrow, by=chair)
    with pytest.raises(JudgmentError, match="认定日期 2026-03-01 早于申请日期 2026-03-02"):
        store.judgments.decide(cid, Conclusion.EXEMPT, note="理由", decided_on=dt.date(2026, 3, 1), by=chair)
    assert counts(store) == before


def test_a_member_who_scored_stays_on_the_committee(store: Store) -> None:
    """Given 张委员 scored and 赵委员 recused, the secretary cannot drop them from the committee (their
    scores would count while they could no longer read the case); others come and go, also after the
    decision (a member added then reads the case but cannot score it)."""
    cid = case_id(store)
    acting = as_person(store, "张委员")
    store.judgments.score(cid, {"motive": Score(4, "理由")}, by=acting)
    acting = as_person(store, "赵委员")
    store.judgments.recuse(cid, "近亲属", by=acting)
    acting = as_person(store, "李秘书")
    with pytest.raises(StoreError, match="张委员、赵委员已在本案评分或申请回避，不能移出委员名单"):
        store.accounts.set_members(cid, ["钱委员"], by=acting)
    store.accounts.set_members(cid, ["张委员", "赵委员", "钱委员"], by=acting)  # 孙委员, 李委员 had not acted
    acting = as_person(store, "王主任")
    store.judgments.decide(cid, Conclusion.NOT_TOLERATED, note="未达法定人数，经会议研究", by=acting)
    store.accounts.set_members(cid, ["张委员", "赵委员", "钱委员", "周委员"], by=acting)
    acting = as_person(store, "周委员")
    assert store.judgments.record(cid, by=acting).decided
    with pytest.raises(JudgmentError, match="本案已记录认定结论"):
        store.judgments.score(cid, {"motive": Score(4, "理由")}, by=acting)


# ----- 4. imports ---------------------------------------------------------------------------------


def example(conclusion: str | None = None, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["case"]["conclusion"] = conclusion
    data["case"]["decided_on"] = "2026-04-01" if conclusion else None
    data.update(changes)
    return data


def write(tmp_path: Path, data: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_only_a_chair_imports_a_conclusion(data_dir: Path, tmp_path: Path) -> None:
    """Given a secretary, an undecided case imports; a decided one is refused naming the field (a
    plaintext file is easy to edit: a secretary could otherwise write a chair's decision into it)."""
    store = new_store(data_dir)
    try:
        acting = as_person(store, "李秘书")
        assert store.transfer.import_file(write(tmp_path, example(), "open.json"), by=acting).imported
        decided = example("exempt")
        decided["case"]["doc_no"] = "容错〔2026〕40号"
        path = write(tmp_path, decided, "decided.json")
        before = counts(store)
        with pytest.raises(ImportRefused, match=re.escape("case.conclusion: 秘书无权导入认定结论")):
            store.transfer.preview_import(path, by=acting)
        with pytest.raises(ImportRefused, match="秘书无权导入认定结论"):
            store.transfer.import_file(path, by=acting)
        assert counts(store) == before
        acting = as_person(store, "王主任")
        result = store.transfer.import_file(path, by=acting)
        assert result.warnings == ()  # 予以容错免责 is what the file's own scores give
        decision = store.judgments.record(result.case_ids[0], by=acting).decision
        assert decision is not None and decision.imported and decision.recorded_by == ""
        assert conclusions_without_record(store) == 0
    finally:
        store.close()


def test_an_imported_decision_is_not_attributed_to_a_secretary_or_member(
    data_dir: Path, tmp_path: Path
) -> None:
    store = new_store(data_dir)
    chair = as_person(store, "王主任")
    try:
        block = {
            "recorded_by": "李秘书",
            "recorded_at": "2026-04-01T08:30:00+00:00",
            "rulebook": "fuzhou-2019@1",
        }
        data = example("exempt", decision=block, format_version=2)
        before = counts(store)
        with pytest.raises(ImportRefused) as caught:
            store.transfer.import_file(write(tmp_path, data, "x.json"), by=chair)
        assert "decision.recorded_by: “李秘书”在本库中是秘书账户，不是主任：认定记录无法如实归属" in str(
            caught.value
        )
        data["decision"]["recorded_by"] = "张委员"
        with pytest.raises(ImportRefused, match="“张委员”在本库中是委员账户，不是主任"):
            store.transfer.import_file(write(tmp_path, data, "y.json"), by=chair)
        data["decision"]["recorded_by"] = "外单位王主任"  # no account here: kept as recorded there
        store.transfer.import_file(write(tmp_path, data, "z.json"), by=chair)
        assert counts(store)[0] == before[0] + 1
    finally:
        store.close()


def test_an_unexplained_imported_decision_is_a_warning_and_on_record(data_dir: Path, tmp_path: Path) -> None:
    """Given a version 1 file whose conclusion differs from what its own scores give, with no note, then
    the import says so, keeps the decision as imported and puts it in the IMPORT event; exporting it
    again gives the same file."""
    store = new_store(data_dir)
    chair = as_person(store, "王主任")
    try:
        source = write(tmp_path, example("not_tolerated"), "in.json")
        plan = store.transfer.preview_import(source, by=chair)
        assert plan.cases[0].decision_unexplained
        assert any(
            "decision_note：认定结论“不予容错”与按文件中的清单和评分研判的建议不同" in w
            for w in plan.warnings
        )
        result = store.transfer.import_file(source, by=chair)
        cid = result.case_ids[0]
        record = store.judgments.record(cid, by=chair)
        assert record.decision is not None and record.decision.conclusion is Conclusion.NOT_TOLERATED
        with store.read_session() as session:
            summary, detail = session.execute(
                text("SELECT summary, detail FROM audit_events WHERE action = 'import'")
            ).one()
        assert json.loads(detail)["decision_unexplained"] is True and "文件未写明理由" in summary
        out = tmp_path / "out.json"
        store.transfer.export(out, [cid], by=chair)
        assert json.loads(out.read_text(encoding="utf-8")) == json.loads(source.read_text(encoding="utf-8"))
        bad = example()
        bad["case"]["decided_on"] = "2026-04-01"
        with pytest.raises(ImportRefused, match=re.escape("case.decided_on: 有认定日期却没有认定结论")):
            store.transfer.import_file(write(tmp_path, bad, "bad.json"), by=chair)
    finally:
        store.close()


def test_the_import_event_names_who_it_put_on_the_committee(data_dir: Path, tmp_path: Path) -> None:
    store = new_store(data_dir)
    chair = as_person(store, "王主任")
    try:
        data = example()
        data["members"][0]["name"] = "张委员"
        data["members"][1]["name"] = "赵委员"
        result = store.transfer.import_file(write(tmp_path, data, "in.json"), by=chair)
        assert {a.name for a in store.accounts.members_of(result.case_ids[0], by=chair)} == {
            "张委员",
            "赵委员",
        }
        with store.read_session() as session:
            summary = session.execute(
                text("SELECT summary FROM audit_events WHERE action = 'import'")
            ).scalar_one()
        assert "列入委员名单：张委员、赵委员" in summary
    finally:
        store.close()
