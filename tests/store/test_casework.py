"""A case file in the store (real SQLCipher files): the procedure's guards hold below any UI, every
record and move is audited in its own transaction with before/after hashes, nothing is half-saved,
the stage follows the work, recusal locks a member out, and drafts stay with their author."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.case_file import MemberRole
from rongcuo_desktop.domain.casework import (
    CaseSketch,
    Clearance,
    ClearingMethod,
    Disclosure,
    DisclosureMethod,
    EvidenceLink,
    Feedback,
    FeedbackTo,
    Filing,
    Investigation,
    TypicalMark,
    Visit,
)
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.store.casework import NEW_CASE, CaseworkError, SeatSpec
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import PermissionDenied
from rongcuo_desktop.store.repository import CaseQuery, StageNotEditable
from tests.committee_store import make_committee, open_copy

D = dt.date
MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]
PINS = {"王主任": "111186", "李秘书": "222286", **{n: f"{3000 + i}86" for i, n in enumerate(MEMBERS)}}
APPLIED = D(2025, 1, 12)


def audit_rows(store: Store) -> list[tuple[str, str, str, str]]:
    with store.read_session() as session:
        rows = session.execute(
            text("SELECT action, summary, before_hash, after_hash FROM audit_events ORDER BY id")
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def as_person(store: Store, name: str) -> Credential:
    """That person's credential, by their PIN: every call below names who acts."""
    return store.authenticate(name, PINS[name])


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A store with a chair, a secretary and six members, made once (PIN hashing is slow on purpose)."""
    folder = tmp_path_factory.mktemp("casework-template") / "data"
    return make_committee(folder, PINS, MEMBERS)


@pytest.fixture
def store(template: tuple[Path, bytes], data_dir: Path) -> Iterator[Store]:
    yield from open_copy(template, data_dir)


@pytest.fixture
def secretary(store: Store) -> Credential:
    """Who acts in the tests below unless they say otherwise: 李秘书, by the PIN."""
    return as_person(store, "李秘书")


def register(store: Store, n: int = 3, *, by: Credential, **changes: object) -> int:
    values: dict[str, object] = {
        "doc_no": f"容错〔2025〕{n}号",
        "party_name": "谢明华",
        "party_unit": "某区行政审批局",
        "party_position": "科长",
        "applicant_type": ApplicantType.UNIT,
        "work_field": "行政审批",
        "applied_on": APPLIED,
        "accountability_matter": "容缺办理人防事项审查",
    }
    values.update(changes)
    return store.cases.add(Case(**values), by=by)  # type: ignore[arg-type]


def to_decision(store: Store, case_id: int, *, by: Credential) -> None:
    """Accept, investigate, seat five members and decide (as the chair), back as the secretary."""
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=by)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某、李某", "查明属实"), by=by)
    store.casework.set_committee(case_id, [SeatSpec(n) for n in MEMBERS[:5]], by=by)
    acting = as_person(store, "王主任")
    store.judgments.decide(
        case_id, Conclusion.EXEMPT, note="会议研究认定", decided_on=D(2025, 3, 2), by=acting
    )


# ----- the guards in the store ------------------------------------------------------------------------


def test_a_blocked_move_says_what_is_missing_and_changes_nothing(store: Store, secretary: Credential) -> None:
    case_id = register(store, accountability_matter="", by=secretary)
    before = audit_rows(store)
    with pytest.raises(CaseworkError) as caught:
        store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", by=secretary)
    assert str(caught.value) == "不能进入“受理”：问责事项未填写。"
    assert caught.value.missing == ("问责事项未填写",)
    assert store.cases.get(case_id, by=secretary).stage is Stage.APPLIED
    assert store.cases.get(case_id, by=secretary).rulebook == ""  # the rulebook was not pinned either
    assert audit_rows(store) == before
    assert store.casework.file(case_id, by=secretary).entries == ()


def test_acceptance_pins_the_rulebook_and_records_the_day(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    store.casework.move(
        case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), note="符合受理条件", by=secretary
    )
    file = store.casework.file(case_id, by=secretary)
    assert file.case.rulebook == "fuzhou-2019@1" and file.case.stage is Stage.ACCEPTED
    acceptance = file.one("acceptance")
    assert acceptance is not None and acceptance.accepted_on == D(2025, 1, 15)  # type: ignore[union-attr]
    assert file.entered_on(Stage.ACCEPTED) == D(2025, 1, 15)
    assert file.entered_on(Stage.APPLIED) == APPLIED
    action, summary, before_hash, after_hash = audit_rows(store)[-1]
    assert action == "stage_move" and summary == "阶段：申请 → 受理"
    assert before_hash != after_hash and len(after_hash) == 64


def test_a_day_out_of_order_is_refused(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    with pytest.raises(CaseworkError, match="早于申请日期 2025-01-12"):
        store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 2), by=secretary)
    with pytest.raises(CaseworkError, match="晚于今天"):
        store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2099, 1, 2), by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.APPLIED


def test_rejection_needs_a_reason_and_ends_the_case(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    with pytest.raises(CaseworkError, match="不予受理须写明理由"):
        store.casework.move(case_id, Stage.REJECTED, by=secretary)
    store.casework.move(case_id, Stage.REJECTED, reason="不属于本办法适用范围", by=secretary)
    file = store.casework.file(case_id, by=secretary)
    assert file.case.stage is Stage.REJECTED and file.one("rejection") is not None
    with pytest.raises(CaseworkError, match="已经结束"):
        store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", by=secretary)


def test_the_quorum_of_members_not_recused_guards_the_decision(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=secretary)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "查明属实"), by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.INVESTIGATION  # the stage followed the work
    store.casework.set_committee(
        case_id,
        [SeatSpec(n) for n in MEMBERS[:4]] + [SeatSpec("周委员", MemberRole.NON_FIXED, "行政审批")],
        by=secretary,
    )
    store.judgments.recuse(case_id, "与当事人系同一科室", member="张委员", by=secretary)
    with pytest.raises(CaseworkError, match="未回避的只有 4 人，少于规则库规定的 5 人"):
        store.casework.move(case_id, Stage.DECISION, by=secretary)
    store.casework.set_committee(
        case_id,
        [SeatSpec(n) for n in MEMBERS[:5]] + [SeatSpec("周委员", MemberRole.NON_FIXED, "行政审批")],
        by=secretary,
    )
    store.casework.move(case_id, Stage.DECISION, by=secretary)
    seats = {s.name: s for s in store.casework.file(case_id, by=secretary).seats}
    assert seats["张委员"].recused and seats["张委员"].recusal_reason == "与当事人系同一科室"
    assert seats["周委员"].role is MemberRole.NON_FIXED and seats["周委员"].field == "行政审批"


def test_moves_back_need_a_reason(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=secretary)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "查明属实"), by=secretary)
    store.casework.move(case_id, Stage.HEARING, by=secretary)
    with pytest.raises(CaseworkError, match="退回到“调查核实”须写明理由"):
        store.casework.move(case_id, Stage.INVESTIGATION, by=secretary)
    store.casework.move(case_id, Stage.INVESTIGATION, reason="听证后需要补充调查", by=secretary)
    last = store.casework.file(case_id, by=secretary).stage_log[-1]
    assert last.backward and last.reason == "听证后需要补充调查" and last.stage is Stage.INVESTIGATION
    assert "退回" in audit_rows(store)[-1][1]


def test_an_edit_cannot_move_the_stage_past_the_guards(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    case = store.cases.get(case_id, by=secretary)
    case.stage = Stage.FILING
    with pytest.raises(StageNotEditable, match="rongcuo stage"):
        store.cases.update(case, by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.APPLIED


# ----- the whole way, the stage following the work -------------------------------------------------------


def test_a_tolerance_case_runs_from_application_to_closing(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    to_decision(store, case_id, by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.DECISION  # moved by the decision itself
    assert [r[0] for r in audit_rows(store)[-2:]] == ["decision", "stage_move"]
    store.casework.add(case_id, Feedback(FeedbackTo.UNIT, D(2025, 3, 5)), by=secretary)
    store.casework.add(case_id, Feedback(FeedbackTo.PARTY, D(2025, 3, 5)), by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.FEEDBACK
    store.casework.add(case_id, Filing("备〔2025〕7号", D(2025, 3, 12), "市纪委监委"), by=secretary)
    assert (
        store.cases.get(case_id, by=secretary).stage is Stage.FILING
    )  # the disclosure (optional) passed over
    file = store.casework.file(case_id, by=secretary)
    assert [v.due_on for v in file.visits] == [D(2025, 6, 2), D(2025, 9, 2), D(2025, 12, 2), D(2026, 3, 2)]
    assert "本地默认" in file.plan_note
    store.casework.add(case_id, Visit(1, D(2025, 6, 3), "张某", "工作状态良好"), by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.FOLLOW_UP
    with pytest.raises(CaseworkError, match="第 1 次回访已经记录"):
        store.casework.add(case_id, Visit(1, D(2025, 6, 4), "张某", "再次回访"), by=secretary)
    with pytest.raises(CaseworkError, match="还有 3 次回访未记录"):
        store.casework.move(case_id, Stage.CLOSED, by=secretary)
    for n, day in ((2, D(2025, 9, 2)), (3, D(2025, 12, 2)), (4, D(2026, 3, 2))):
        store.casework.add(case_id, Visit(n, day, "张某", "工作状态良好"), by=secretary)
    store.casework.move(case_id, Stage.CLOSED, by=secretary)
    assert store.cases.get(case_id, by=secretary).stage is Stage.CLOSED
    # Consecutive events of the case file (records, seats) chain; so do the case's own (moves).
    with store.read_session() as session:
        rows = session.execute(
            text(
                "SELECT action, before_hash, after_hash, json_extract(iif(json_valid(detail), detail, '{}'),"
                " '$.record') FROM audit_events"
                " WHERE case_id = :c ORDER BY id"
            ),
            {"c": case_id},
        ).all()
    records = [r for r in rows if r[0] == "case_record"]
    moves = [r for r in rows if r[0] == "stage_move"]
    assert len(records) == 10 and len(moves) == 7
    for earlier, later in itertools.pairwise(records):
        assert earlier[2] == later[1]
    for earlier, later in itertools.pairwise(moves[:2]):  # before the decision changed the case
        assert earlier[2] == later[1]


def test_a_clearance_case_records_the_finding_wishes_and_way_of_clearing(
    store: Store, secretary: Credential
) -> None:
    case_id = register(
        store, 8, case_type=CaseType.CLEARANCE, accountability_matter="被举报违规审批", by=secretary
    )
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="liwan", on=D(2025, 1, 15), by=secretary)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "举报内容经核查失实"), by=secretary)
    store.casework.add(
        case_id,
        Clearance(
            ClearanceFinding.UNFOUNDED, D(2025, 2, 10), "希望在单位会议上澄清", (ClearingMethod.MEETING,)
        ),
        by=secretary,
    )
    assert store.cases.get(case_id, by=secretary).stage is Stage.DECISION
    store.casework.add(case_id, Feedback(FeedbackTo.PARTY, D(2025, 2, 12)), by=secretary)
    store.casework.add(
        case_id,
        Disclosure(
            "单位全体干部", DisclosureMethod.MEETING, D(2025, 2, 20), "经核查，谢某某被举报问题失实。"
        ),
        by=secretary,
    )
    assert store.cases.get(case_id, by=secretary).stage is Stage.DISCLOSURE
    file = store.casework.file(case_id, by=secretary)
    assert len(file.visits) == 4 and file.visits[0].due_on == D(2025, 5, 10)  # counted from the finding


def test_bad_records_name_the_field_and_save_nothing(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    to_decision(store, case_id, by=secretary)
    before = audit_rows(store)
    cases = [
        (Disclosure("全区", DisclosureMethod.CIRCULAR, D(2025, 3, 10), "谢明华同志出于公心"), "谢某某"),
        (Feedback(FeedbackTo.UNIT, D(2025, 3, 1)), "早于认定日期 2025-03-02"),
        (Investigation(D(2025, 2, 1), "王某", "x" * 20_001), "调查核实的情况太长"),
        (Filing("", D(2025, 3, 12), "市纪委"), "备案号不能为空"),
        (Visit(5, D(2025, 6, 3), "张某", "好"), "回访计划只有 4 次"),
        (EvidenceLink(case_id), "不是一件事前备案"),
    ]
    for record, words in cases:
        with pytest.raises(CaseworkError) as caught:
            store.casework.add(case_id, record, by=secretary)
        assert words in str(caught.value) and "没有" in str(caught.value)
    assert audit_rows(store) == before
    assert store.cases.get(case_id, by=secretary).stage is Stage.DECISION


def test_an_investigation_links_only_this_cases_attachments(store: Store, secretary: Credential) -> None:
    from rongcuo_desktop.store.attachments import attachments_of

    case_id, other = register(store, by=secretary), register(store, 4, by=secretary)
    mine = attachments_of(store).add_bytes(case_id, "谈话笔录.pdf", b"%PDF-1.4 test", by=secretary)
    theirs = attachments_of(store).add_bytes(other, "other.pdf", b"%PDF-1.4 other", by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=secretary)
    with pytest.raises(CaseworkError, match="不是本案的附件"):
        store.casework.add(
            case_id, Investigation(D(2025, 2, 1), "王某", "查明", attachment_ids=(theirs.id,)), by=secretary
        )
    store.casework.add(
        case_id, Investigation(D(2025, 2, 1), "王某", "查明", attachment_ids=(mine.id,)), by=secretary
    )


def test_a_case_cites_a_registered_pre_filing(store: Store, secretary: Credential) -> None:
    pre = register(
        store, 20, case_type=CaseType.PRE_FILING, accountability_matter="分步容缺审批方案", by=secretary
    )
    case_id = register(store, by=secretary)
    with pytest.raises(CaseworkError, match="尚未登记备案"):
        store.casework.add(case_id, EvidenceLink(pre), by=secretary)
    store.casework.move(pre, Stage.ACCEPTED, on=D(2025, 1, 13), by=secretary)
    store.casework.add(case_id, EvidenceLink(pre, "事前已备案"), by=secretary)
    assert [p[0] for p in store.casework.pre_filings(by=secretary)] == [pre]


# ----- roles, recusal, visibility ----------------------------------------------------------------------


def test_members_see_only_their_committees_cases_and_nothing_after_recusing(
    store: Store, secretary: Credential
) -> None:
    first, second = register(store, by=secretary), register(store, 4, by=secretary)
    store.accounts.set_members(first, ["张委员", "赵委员"], by=secretary)
    acting = as_person(store, "张委员")
    assert store.cases.ids(CaseQuery(), by=acting) == [first]
    assert store.casework.file(first, by=acting).case.doc_no == "容错〔2025〕3号"
    with pytest.raises(PermissionDenied, match="不是该案件的委员"):
        store.casework.file(second, by=acting)
    with pytest.raises(PermissionDenied, match="委员无权推进案件阶段"):
        store.casework.move(first, Stage.ACCEPTED, rulebook="fuzhou-2019", by=acting)
    with pytest.raises(PermissionDenied, match="委员无权记录办理事项"):
        store.casework.add(first, Investigation(D(2025, 2, 1), "王某", "查明"), by=acting)
    store.judgments.recuse(first, "与当事人是亲属", by=acting)
    assert store.cases.ids(CaseQuery(), by=acting) == []
    with pytest.raises(PermissionDenied, match="已回避本案"):
        store.casework.file(first, by=acting)
    with pytest.raises(PermissionDenied, match="已回避本案"):
        store.cases.get(first, by=acting)
    acting = as_person(store, "赵委员")
    assert store.cases.ids(CaseQuery(), by=acting) == [first]  # the other member still reads it


def test_the_secretary_records_a_members_recusal(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    store.accounts.set_members(case_id, ["张委员"], by=secretary)
    with pytest.raises(Exception, match="不在本案"):
        store.judgments.recuse(case_id, "亲属", member="赵委员", by=secretary)
    store.judgments.recuse(case_id, "会上声明与当事人系同学", member="张委员", by=secretary)
    assert "记录委员 张委员 的回避" in audit_rows(store)[-1][1]
    acting = as_person(store, "张委员")
    with pytest.raises(PermissionDenied):
        store.judgments.record(case_id, by=acting)


def test_member_profiles_give_the_expert_pool(store: Store, secretary: Credential) -> None:
    store.casework.set_profile(
        "周委员", fixed=False, fields=["行政审批", "城市更新", "行政审批"], by=secretary
    )
    profiles = {p.name: p for p in store.casework.profiles(by=secretary)}
    assert profiles["周委员"].fields == ("行政审批", "城市更新") and not profiles["周委员"].fixed
    assert profiles["张委员"].fixed  # without a profile: a fixed member
    with pytest.raises(CaseworkError, match="没有名为“李秘书”的委员账户"):
        store.casework.set_profile("李秘书", fixed=True, fields=[], by=secretary)


# ----- what is due, the repeat check, the library --------------------------------------------------------


def test_due_visits_across_cases_and_the_overdue_marker(store: Store, secretary: Credential) -> None:
    case_id, other = register(store, by=secretary), register(store, 4, by=secretary)
    to_decision(store, case_id, by=secretary)
    due = store.casework.due(by=secretary)
    assert [(d.case_id, d.visit_no, d.due_on) for d in due][:2] == [
        (case_id, 1, D(2025, 6, 2)),
        (case_id, 2, D(2025, 9, 2)),
    ]
    assert store.casework.overdue_among([case_id, other], today=D(2025, 6, 3), by=secretary) == {case_id}
    assert store.casework.overdue_among([case_id, other], today=D(2025, 6, 2), by=secretary) == set()
    store.casework.add(case_id, Feedback(FeedbackTo.UNIT, D(2025, 3, 5)), by=secretary)
    store.casework.add(case_id, Visit(1, D(2025, 6, 1), "张某", "良好"), by=secretary)
    assert store.casework.overdue_among([case_id], today=D(2025, 6, 3), by=secretary) == set()


def test_a_repeat_of_a_tolerated_case_is_found(store: Store, secretary: Credential) -> None:
    earlier = register(store, by=secretary)
    to_decision(store, earlier, by=secretary)
    new = CaseSketch(0, "容错〔2026〕1号", "谢明华", "某区行政审批局", "行政审批")
    found = store.casework.repeat_warnings(new, by=secretary)
    assert [m.earlier.case_id for m in found] == [earlier] and found[0].same_unit
    assert (
        store.casework.repeat_warnings(CaseSketch(0, "x", "王某某", "某局", "行政审批"), by=secretary) == []
    )


def test_typical_cases_are_decided_ones_with_names_masked(store: Store, secretary: Credential) -> None:
    case_id = register(store, by=secretary)
    with pytest.raises(CaseworkError, match="本案还没有认定结论"):
        store.casework.add(case_id, TypicalMark("谢某某容缺审批", D(2025, 1, 20)), by=secretary)
    to_decision(store, case_id, by=secretary)
    with pytest.raises(CaseworkError, match="全名"):
        store.casework.add(case_id, TypicalMark("谢明华容缺审批", D(2025, 3, 20)), by=secretary)
    store.casework.add(case_id, TypicalMark("谢某某在容缺审批中出于公心", D(2025, 3, 20)), by=secretary)
    library = store.casework.typical_cases(by=secretary)
    assert len(library) == 1 and library[0].sketch.party_name == "谢某某"
    assert library[0].sketch.party_unit == ""


# ----- drafts ------------------------------------------------------------------------------------------


def test_drafts_are_kept_per_person_until_dropped(store: Store, secretary: Credential) -> None:
    store.casework.save_draft(NEW_CASE, "facts", "推进重大产业项目建设中……", by=secretary)
    store.casework.save_draft(NEW_CASE, "facts", "推进重大产业项目建设中，提出分步容缺审批方案", by=secretary)
    assert store.casework.drafts(NEW_CASE, by=secretary) == {
        "facts": "推进重大产业项目建设中，提出分步容缺审批方案"
    }
    acting = as_person(store, "王主任")
    assert store.casework.drafts(NEW_CASE, by=acting) == {}
    acting = as_person(store, "张委员")
    with pytest.raises(PermissionDenied):
        store.casework.drafts(NEW_CASE, by=acting)
    acting = as_person(store, "李秘书")
    store.casework.drop_drafts(NEW_CASE, by=acting)
    assert store.casework.drafts(NEW_CASE, by=acting) == {}


def test_casework_tables_match_their_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rongcuo_desktop.store import casework_models  # noqa: F401  (registers the tables)
    from rongcuo_desktop.store.migrations import include_object
    from rongcuo_desktop.store.models import Base

    ours = {"case_records", "case_stage_log", "case_seats", "member_profiles", "case_drafts"}
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, Base.metadata)
        tables = set(sa.inspect(conn).get_table_names())
    assert ours <= tables
    assert [d for d in diffs if any(name in str(d) for name in ours)] == []


def test_a_record_changed_outside_the_app_is_found_by_the_audit_check(
    store: Store, secretary: Credential
) -> None:
    """The case file's rows hash to its latest 记录办理事项 event: an UPDATE by hand is named."""
    case_id = register(store, by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2025, 1, 15), by=secretary)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "查明属实"), by=secretary)
    acting = as_person(store, "王主任")
    assert store.audit_verify(by=acting).ok
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE case_records SET data = replace(data, '查明属实', '查明失实')"))
    report = store.audit_verify(by=acting)
    assert not report.ok
    assert any("办理记录" in p.message and "容错〔2025〕3号" in p.message for p in report.problems)


def test_a_rulebooks_step_deadline_is_due_from_the_day_the_step_was_entered(
    store: Store, monkeypatch: pytest.MonkeyPatch, secretary: Credential
) -> None:
    """None of the seeds names a time limit, so no shipped rulebook has one; a committee's own may."""
    import dataclasses as dc

    from rongcuo_desktop.domain.rulebook import StageDeadline, find_rulebook
    from rongcuo_desktop.paths import rulebooks_dir
    from rongcuo_desktop.store import casework as casework_store
    from rongcuo_desktop.store import casework_file, casework_queries

    limited = dc.replace(
        find_rulebook("fuzhou-2019", rulebooks_dir()),
        stage_deadlines=(StageDeadline("investigation", 30, True),),
    )
    for module in (casework_store, casework_file):  # where the rulebook of a case is read
        monkeypatch.setattr(module, "_rulebook", lambda key: limited if key else None)
    monkeypatch.setattr(casework_queries, "_shipped_with_deadlines", lambda: (limited,))
    case_id = register(store, by=secretary)
    store.casework.move(case_id, Stage.ACCEPTED, rulebook="fuzhou-2019@1", on=D(2025, 1, 15), by=secretary)
    store.casework.add(case_id, Investigation(D(2025, 2, 1), "王某", "查明属实"), by=secretary)
    (due,) = store.casework.due(by=secretary)
    assert due.kind == "deadline" and due.due_on == D(2025, 3, 3) and "“调查核实”期限 30 天" in due.label
    assert store.casework.overdue_among([case_id], today=D(2025, 3, 4), by=secretary) == {case_id}


def test_what_is_due_reads_in_slices_as_it_reads_whole(store: Store, secretary: Credential) -> None:
    first, second = register(store, by=secretary), register(store, 4, by=secretary)
    to_decision(store, first, by=secretary)
    to_decision(store, second, by=secretary)
    whole = store.casework.due(by=secretary)
    items, after = store.casework.due_slice(limit=1, by=secretary)
    assert after == first and {d.case_id for d in items} == {first}
    rest, end = store.casework.due_slice(after=after, limit=1, by=secretary)
    assert end == second  # a full slice: there may be more
    assert store.casework.due_slice(after=end, limit=1, by=secretary) == ([], None)
    assert sorted(items + rest, key=lambda d: (d.due_on, d.doc_no, d.visit_no)) == whole
