"""The reveal, further rounds, paper ballots and the meeting's vote, through services on a real store:
blind until the chair reveals (refused before the quorum), amend until then, a second round after
会商 keeps the first, a paper ballot is marked as such, and every refusal leaves the store as it was."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, audit, cases, judgment
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.errors import JudgmentError, PermissionDenied
from rongcuo_desktop.services.judgment import ConditionStatus, ExclusionStatus, Score, Votes
from rongcuo_desktop.services.workspace import Workspace
from tests.services.conftest import make_store, sample_case

MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员", "吴委员"]
PINS = {"王主任": "135790", "李秘书": "246813", **{n: f"{470000 + 13 * i}" for i, n in enumerate(MEMBERS)}}
DIMS = ("motive", "conditions", "procedure", "nature", "impact")


def ballot(level: int = 4, why: str = "出于公心") -> dict[str, Score]:
    return {d: Score(level, why) for d in DIMS}


@dataclass
class Meeting:
    ws: Workspace
    chair: Credential
    secretary: Credential
    member: dict[str, Credential]
    case_id: int
    other_case: int


@pytest.fixture
def meeting(data_dir: Path) -> Iterator[Meeting]:
    """Case 1 on fuzhou-2019 (quorum 5, a local default) with six members seated (吴委员 is not);
    case 2 has no committee."""
    ws = make_store(data_dir)
    setup = accounts.setup_person(ws)
    assert setup is not None
    accounts.add(ws, setup, "王主任", Role.CHAIR, PINS["王主任"])
    chair = accounts.sign_in(ws, "王主任", PINS["王主任"])
    accounts.add(ws, chair, "李秘书", Role.SECRETARY, PINS["李秘书"])
    for name in MEMBERS:
        accounts.add(ws, chair, name, Role.MEMBER, PINS[name])
    secretary = accounts.sign_in(ws, "李秘书", PINS["李秘书"])
    first = cases.add(ws, secretary, sample_case(1))
    second = cases.add(ws, secretary, sample_case(2))
    accounts.set_members(ws, secretary, first, MEMBERS[:6])
    judgment.update_checklist(
        ws,
        secretary,
        first,
        rulebook="fuzhou-2019",
        situations=("s8-2",),
        conditions={f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        exclusions={f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )
    members = {name: accounts.sign_in(ws, name, PINS[name]) for name in MEMBERS}
    yield Meeting(ws, chair, secretary, members, first, second)
    ws.close()


def rows(ws: Workspace) -> tuple[int, ...]:
    """Counts of every table a judgment write touches, and of the audit trail."""
    with ws.store.read_session() as session:
        return tuple(
            int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in (
                "audit_events",
                "judgment_scores",
                "judgment_members",
                "judgment_rounds",
                "judgment_round_scores",
                "case_decisions",
            )
        )


def test_blind_until_the_reveal_which_needs_the_quorum(meeting: Meeting) -> None:
    """Given four members have scored (quorum 5), when the chair reveals, then it is refused saying how
    many count and how many are missing, and nothing is written; after the fifth ballot the reveal
    opens the scores to every member, and the round's ballots are final."""
    ws, cid = meeting.ws, meeting.case_id
    for i, name in enumerate(MEMBERS[:4]):
        judgment.score(ws, meeting.member[name], cid, ballot(2 + i % 3))
    judgment.score(ws, meeting.member["李委员"], cid, {"motive": Score(4, "")})
    before = rows(ws)
    with pytest.raises(
        JudgmentError,
        match=r"计入评分的委员 4 人，少于法定人数 5 人（还差 1 人；尚未评完五个维度的委员 2 人）",
    ):
        judgment.reveal(ws, meeting.chair, cid)
    with pytest.raises(PermissionDenied, match="秘书无权揭晓评分"):
        judgment.reveal(ws, meeting.secretary, cid)
    assert rows(ws) == before
    seen = judgment.record(ws, meeting.member["赵委员"], cid)
    zhang = next(m for m in seen.members if m.name == "张委员")
    assert seen.blind and not zhang.scores and zhang.scored == 5

    judgment.score(ws, meeting.member["李委员"], cid, ballot(3))  # amending before the reveal
    judgment.score(ws, meeting.member["李委员"], cid, ballot(4))
    revealed = judgment.reveal(ws, meeting.chair, cid)
    assert revealed.number == 1 and revealed.revealed and revealed.revealed_by == "王主任"
    seen = judgment.record(ws, meeting.member["赵委员"], cid)
    assert not seen.blind and next(m for m in seen.members if m.name == "张委员").scores["motive"].level == 2
    timeline = judgment.timeline(ws, meeting.member["赵委员"], cid)
    assert all("不公开" not in e.summary for e in timeline)
    assert timeline[-1].summary.startswith("揭晓第 1 轮评分")
    before = rows(ws)
    with pytest.raises(JudgmentError, match="第 1 轮评分已经揭晓，评分和回避不再修改"):
        judgment.score(ws, meeting.member["张委员"], cid, ballot(5, "改为五级"))
    with pytest.raises(JudgmentError, match="已经揭晓"):
        judgment.recuse(ws, meeting.member["周委员"], cid, "与当事人同乡")
    with pytest.raises(JudgmentError, match="第 1 轮评分已经揭晓。"):
        judgment.reveal(ws, meeting.chair, cid)
    assert rows(ws) == before


def test_a_second_round_after_consultation_keeps_the_first(meeting: Meeting) -> None:
    ws, cid = meeting.ws, meeting.case_id
    before = rows(ws)
    with pytest.raises(JudgmentError, match="第 1 轮评分尚未揭晓：揭晓并会商后，才能开始第 2 轮评分"):
        judgment.open_round(ws, meeting.chair, cid, "会商后重新评分")
    assert rows(ws) == before
    for name in MEMBERS[:5]:
        judgment.score(ws, meeting.member[name], cid, ballot(1 if name == "张委员" else 4, "理由"))
    judgment.reveal(ws, meeting.chair, cid)
    first = judgment.judge(ws, meeting.chair, cid)
    assert first.disagreements  # 1 against 4: a spread of 3 calls for 会商
    before = rows(ws)
    with pytest.raises(JudgmentError, match="请写明重新评分的理由"):
        judgment.open_round(ws, meeting.chair, cid, "  ")
    with pytest.raises(PermissionDenied, match="秘书无权开始新一轮评分"):
        judgment.open_round(ws, meeting.secretary, cid, "会商")
    assert rows(ws) == before

    second = judgment.open_round(ws, meeting.chair, cid, "会商中澄清了决策程序")
    assert second.number == 2 and not second.revealed and second.reason == "会商中澄清了决策程序"
    chair_view = judgment.record(ws, meeting.chair, cid)
    assert not chair_view.revealed and all(not m.scores for m in chair_view.members)
    kept = {b.name: b.scores["motive"].level for b in chair_view.earlier if b.round == 1}
    assert kept == {"张委员": 1, "赵委员": 4, "钱委员": 4, "孙委员": 4, "李委员": 4}

    judgment.score(ws, meeting.member["张委员"], cid, ballot(3, "会商后调整"))
    judgment.score(ws, meeting.member["赵委员"], cid, ballot(4, "维持"))
    zhao_view = judgment.record(ws, meeting.member["赵委员"], cid)
    zhang = next(m for m in zhao_view.members if m.name == "张委员")
    assert zhao_view.blind and not zhang.scores  # round 2 is blind again
    assert {b.name for b in zhao_view.earlier} >= {"张委员"}  # round 1 stays open to all
    summaries = [
        e.summary for e in judgment.timeline(ws, meeting.member["赵委员"], cid) if e.actor_name == "张委员"
    ]
    assert summaries[0].startswith("评分：") and summaries[-1] == "评分（评分揭晓前，他人的评分内容不公开）"
    assert audit.verify(ws, meeting.chair).ok


def test_a_paper_ballot_is_entered_for_a_named_member_and_marked(meeting: Meeting) -> None:
    ws, cid = meeting.ws, meeting.case_id
    judgment.recuse(ws, meeting.member["周委员"], cid, "与当事人系亲属")
    before = rows(ws)
    for who, name, error, message in (
        (meeting.member["张委员"], "赵委员", PermissionDenied, "委员无权录入纸质评分票"),
        (meeting.secretary, "吴委员", PermissionDenied, "不在本案（容错〔2026〕1号）的委员名单中"),
        (meeting.secretary, "王主任", JudgmentError, "没有名为“王主任”的委员账户"),
        (meeting.secretary, "周委员", JudgmentError, "周委员已申请回避"),
    ):
        with pytest.raises(error, match=message):
            judgment.score_paper(ws, who, cid, name, ballot())
    with pytest.raises(JudgmentError, match="评为 5 级，需要写明理由"):
        judgment.score_paper(ws, meeting.secretary, cid, "赵委员", ballot(5, ""))
    assert rows(ws) == before

    line = judgment.score_paper(ws, meeting.secretary, cid, "赵委员", ballot(4, ""))
    assert line.paper == DIMS and line.entered_by == "李秘书" and line.complete
    event = judgment.timeline(ws, meeting.chair, cid)[-1]
    assert event.actor_name == "李秘书" and event.summary.startswith("纸质评分票（秘书代委员 赵委员 录入）")
    # The member's own later score replaces the paper line as an amendment does.
    own = judgment.score(ws, meeting.member["赵委员"], cid, {"motive": Score(3, "本人修改")})
    assert own.paper == DIMS[1:]
    assert audit.verify(ws, meeting.chair).ok


def test_the_decision_with_votes_and_dissent(meeting: Meeting) -> None:
    ws, cid = meeting.ws, meeting.case_id
    for name in MEMBERS[:5]:
        judgment.score(ws, meeting.member[name], cid, ballot(5, "积极担当"))
    judgment.reveal(ws, meeting.chair, cid)
    assert judgment.judge(ws, meeting.chair, cid).recommendation is Conclusion.EXEMPT
    before = rows(ws)
    for votes, message in (
        (Votes(7, 0, 0), "表决票数合计 7 票，多于本案未回避的委员 6 人"),
        (Votes(0, 0, 0), "表决票数合计为 0"),
        (Votes(-1, 2, 0), "“赞成”应为不小于 0 的整数"),
    ):
        with pytest.raises(JudgmentError, match=message):
            judgment.decide(ws, meeting.chair, cid, Conclusion.EXEMPT, votes=votes)
    with pytest.raises(JudgmentError, match="与研判建议“予以容错免责”不同：请在说明（note）中写明理由"):
        judgment.decide(ws, meeting.chair, cid, Conclusion.LENIENT, votes=Votes(4, 1, 1))
    assert rows(ws) == before

    decision = judgment.decide(
        ws,
        meeting.chair,
        cid,
        Conclusion.LENIENT,
        note="损失虽已挽回，但程序瑕疵明显，会议认为宜从轻处理",
        votes=Votes(4, 1, 1),
        dissent="孙委员认为应予以容错免责",
    )
    assert decision.votes == Votes(4, 1, 1) and decision.dissent == "孙委员认为应予以容错免责"
    assert decision.recommendation is Conclusion.EXEMPT
    *_, decided, moved = judgment.timeline(ws, meeting.chair, cid)
    assert "表决：赞成 4 票，反对 1 票，弃权 1 票" in decided.summary and "有不同意见" in decided.summary
    assert moved.summary == "阶段：申请 → 结论认定（随认定结论）"  # recording it moves the case's stage
    assert audit.verify(ws, meeting.chair).ok
    # The sealed report prints the vote and the dissent the store holds.
    from rongcuo_desktop.reports.model import Kind, build_document
    from rongcuo_desktop.reports.workflow import generate_identity, report_data

    generate_identity(ws, meeting.chair, "某区容错免责委员会")
    data = report_data(ws, meeting.chair, cid)
    assert (data.votes.for_, data.votes.against, data.votes.abstain) == (4, 1, 1)  # type: ignore[union-attr]
    text = build_document(data, Kind.FILING).text()
    assert "同意4票，反对1票，弃权1票" in text and "孙委员认为应予以容错免责" in text


def test_a_lighter_handling_records_its_four_forms_with_the_decision(meeting: Meeting) -> None:
    ws, cid = meeting.ws, meeting.case_id
    for name in MEMBERS[:5]:
        judgment.score(ws, meeting.member[name], cid, ballot(3))
    judgment.reveal(ws, meeting.chair, cid)
    assert judgment.judge(ws, meeting.chair, cid).recommendation is Conclusion.LENIENT
    before = rows(ws)
    with pytest.raises(JudgmentError, match="“四种形态”只用于从轻减轻处理"):
        judgment.decide_with_form(
            ws,
            meeting.chair,
            cid,
            Conclusion.NOT_TOLERATED,
            "理由",
            None,
            Votes(5, 0, 0),
            "",
            ("first", "谈话"),
        )
    with pytest.raises(Exception, match="处理措施"):  # the case file's own text rule, nothing half-saved
        judgment.decide_with_form(
            ws, meeting.chair, cid, Conclusion.LENIENT, "", None, Votes(5, 0, 0), "", ("first", "")
        )
    assert rows(ws) == before
    judgment.decide_with_form(
        ws, meeting.chair, cid, Conclusion.LENIENT, "", None, Votes(5, 0, 0), "", ("first", "谈话提醒")
    )
    handling = ws.store.casework.file(cid, by=meeting.chair).one("lenient")
    assert handling is not None and handling.form.label == "第一种形态" and handling.measure == "谈话提醒"
    assert audit.verify(ws, meeting.chair).ok


def test_the_panel_shows_the_running_result_to_the_chair_only_before_the_reveal(meeting: Meeting) -> None:
    ws, cid = meeting.ws, meeting.case_id
    for name in MEMBERS[:5]:
        judgment.score(ws, meeting.member[name], cid, ballot(4))
    chair = judgment.panel(ws, meeting.chair, cid)
    assert chair.levels_visible and chair.judgment is not None and len(chair.ballots) == 5
    secretary = judgment.panel(ws, meeting.secretary, cid)
    assert not secretary.levels_visible and secretary.judgment is None and secretary.ballots == ()
    assert secretary.quorum is not None and secretary.quorum.counted == 5 and secretary.quorum.met
    judgment.reveal(ws, meeting.chair, cid)
    after = judgment.panel(ws, meeting.secretary, cid)
    assert after.levels_visible and after.judgment is not None and after.judgment.total == 4.0
