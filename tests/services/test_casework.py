"""services.casework: the case file's workflow through the door the GUI and the CLI use -- each call
names its person, blocked moves say what is missing, the stage follows the work, drafts stay per person."""

from __future__ import annotations

import datetime as dt

import pytest

from rongcuo_desktop.domain.case import ApplicantType, Case, Conclusion, Stage
from rongcuo_desktop.domain.casework import Feedback, FeedbackTo, Investigation
from rongcuo_desktop.services import casework, judgment
from rongcuo_desktop.services.errors import CaseworkError, PermissionDenied, ServiceError
from tests.services.conftest import Committee

D = dt.date


def new_case(n: int) -> Case:
    return Case(
        doc_no=f"容错〔2026〕{n}号",
        party_name="谢明华",
        party_unit="某局",
        party_position="科长",
        applicant_type=ApplicantType.PARTY,
        applied_on=D(2026, 1, 12),
        accountability_matter="容缺办理人防事项审查",
    )


def test_a_case_is_registered_moved_and_its_work_recorded(committee: Committee) -> None:
    ws, secretary = committee.ws, committee.secretary
    casework.save_draft(ws, secretary, casework.NEW_CASE, "facts", "半句话")
    case_id = casework.register(ws, secretary, new_case(9))
    assert casework.drafts(ws, secretary, casework.NEW_CASE) == {}  # registered: the draft is done
    progress = casework.file(ws, secretary, case_id).progress
    offered = {o.target: o for o in casework.move_options(progress)}
    assert offered[Stage.ACCEPTED].blocked == ("适用的规则库未选定",)
    with pytest.raises(CaseworkError) as caught:
        casework.move(ws, secretary, case_id, Stage.ACCEPTED)
    assert caught.value.missing == ("适用的规则库未选定",)
    casework.move(ws, secretary, case_id, Stage.ACCEPTED, rulebook="fuzhou-2019", on=D(2026, 1, 15))
    casework.add(ws, secretary, case_id, Investigation(D(2026, 2, 1), "王某", "查明属实"))
    file = casework.file(ws, secretary, case_id)
    assert file.case.stage is Stage.INVESTIGATION and len(file.of("investigation")) == 1
    decided = D(2026, 3, 2)
    judgment.decide(ws, committee.chair, case_id, Conclusion.EXEMPT, note="会议认定", decided_on=decided)
    casework.add(ws, secretary, case_id, Feedback(FeedbackTo.UNIT, D(2026, 3, 5)))
    assert casework.file(ws, secretary, case_id).case.stage is Stage.FEEDBACK
    assert [d.visit_no for d in casework.due(ws, secretary) if d.case_id == case_id] == [1, 2, 3, 4]
    assert casework.overdue_among(ws, secretary, [case_id], D(2026, 6, 3)) == {case_id}


def test_a_member_reads_but_does_not_move_and_the_secretary_records_a_recusal(committee: Committee) -> None:
    ws, case_id = committee.ws, committee.case_ids[0]  # 张委员 sits on its committee
    assert casework.file(ws, committee.zhang, case_id).case.id == case_id
    with pytest.raises(PermissionDenied, match="委员无权推进案件阶段"):
        casework.move(ws, committee.zhang, case_id, Stage.REJECTED, reason="x")
    with pytest.raises(PermissionDenied):
        casework.file(ws, committee.zhao, case_id)
    with pytest.raises(PermissionDenied):
        casework.save_draft(ws, committee.zhang, str(case_id), "facts", "x")
    casework.record_recusal(ws, committee.secretary, case_id, "张委员", "会上声明与当事人系同学")
    with pytest.raises(PermissionDenied, match="已回避本案"):
        casework.file(ws, committee.zhang, case_id)
    seats = casework.file(ws, committee.secretary, case_id).seats
    assert [(s.name, s.recused) for s in seats] == [("张委员", True)]


def test_errors_are_service_errors() -> None:
    assert issubclass(CaseworkError, ServiceError)
