"""A case's judgment record in the store: checklist, members' scores and recusals, the chair's decision.

Who may do what is decided here, below the UI (issue 4): the 秘书 (or 主任) edits the checklist;
a 委员 scores and recuses only on a case whose committee they sit on (`case_members`), and never
scores after recusing (recusing withdraws what they had scored); only the 主任 records the decision,
and `decide` is the only way a case gets a conclusion here (store.cases refuses one; imports bring
decisions recorded elsewhere, marked as imported). Once a conclusion is recorded, the checklist,
scores and recusals are frozen (the 主任 may record a corrected decision, with the reason). Every
change commits in one transaction with its audit event, whose before and after hashes are of the
whole judgment record of the case, so consecutive events of one case chain.

Blind scoring: until the conclusion is recorded, a 委员 reads only their own scores (`record`,
`case_file` and `judge` leave the others' levels and rationales out and say how many dimensions each
has scored), so nobody anchors on a colleague's score; the 秘书 and the 主任 read everything.

`case_file(case_id)` builds the domain CaseFile the engine judges, and the export writes.
Plain data crosses the boundary (dataclasses of the domain and of this module), never ORM rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    ExclusionStatus,
    MemberRole,
    Score,
    check_against_rulebook,
)
from rongcuo_desktop.domain.committee import (
    CommitteeError,
    DecisionInfo,
    EarlierBallot,
    JudgmentRecord,
    MemberRecord,
    RoundInfo,
    Votes,
    build_case_file,
    check_checklist_text,
    check_decision,
    check_new_round,
    check_reveal,
    check_votes,
    checked_scores,
    checklist_summary,
    decision_note,
    dissent_text,
    next_member_key,
    quorum,
    recusal_reason,
    refuse_if_decided,
    refuse_if_revealed,
    replaced_decision,
    snapshot,
    visible_record,
)
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.rulebook import DIMENSIONS, Rulebook
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.accounts import SessionFactory
from rongcuo_desktop.store.audit_models import AccountRow, CaseMemberRow
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import CaseNotFound, JudgmentError, PermissionDenied
from rongcuo_desktop.store.judgment_models import (
    CaseDecisionRow,
    ChecklistItemRow,
    JudgmentMemberRow,
    JudgmentRoundRow,
    JudgmentRoundScoreRow,
    JudgmentScoreRow,
)
from rongcuo_desktop.store.mapping import to_case
from rongcuo_desktop.store.models import CaseRecord
from rongcuo_desktop.store.rulebooks import find as find_shipped_rulebook

if TYPE_CHECKING:
    from rongcuo_desktop.domain.casework import LenientHandling
    from rongcuo_desktop.domain.judgment import Judgment
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.store.guard import AccessGuard

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


SOURCE_LOCAL = "local"
SOURCE_IMPORTED = "imported"
# A demo case's conclusion comes with the program's example data (repository.add_many).
EXAMPLE_DECISION_NOTE = "示例案件：认定结论是程序自带示例数据的一部分，并非本库主任记录。"
MAX_MEMBER_KEY_LENGTH = 40
_KINDS = ("situation", "condition", "exclusion")
_CLAIMED = "claimed"
_CONCLUSIONS = {c.value: c for c in Conclusion}
_ROLES = {r.value: r for r in MemberRole}
_CONDITIONS = {s.value: s for s in ConditionStatus}
_EXCLUSIONS = {s.value: s for s in ExclusionStatus}


# ----- reading a record inside a session (also used by export and import) ------------------------


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def load_record(session: Session, case: CaseRecord) -> JudgmentRecord:
    """The judgment record of one case, with the committee members who have not acted yet."""
    return load_records(session, [case])[case.id]


_IN_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def load_records(session: Session, cases: Sequence[CaseRecord]) -> dict[int, JudgmentRecord]:
    """The judgment records of many cases in a few queries (export reads thousands)."""
    ids = [c.id for c in cases]
    items: dict[int, list[Any]] = {}
    members: dict[int, list[Any]] = {}
    scores: dict[int, dict[str, Score]] = {}
    paper: dict[int, dict[str, str]] = {}  # member id -> {dimension: entered by}
    committee: dict[int, list[tuple[int, str]]] = {}
    decisions: dict[int, Any] = {}
    rounds: dict[int, list[RoundInfo]] = {}
    earlier: dict[int, list[Any]] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        for row in session.execute(
            select(
                ChecklistItemRow.case_id,
                ChecklistItemRow.kind,
                ChecklistItemRow.rule_id,
                ChecklistItemRow.status,
            )
            .where(ChecklistItemRow.case_id.in_(chunk))
            .order_by(
                ChecklistItemRow.case_id,
                ChecklistItemRow.kind,
                ChecklistItemRow.position,
                ChecklistItemRow.rule_id,
            )
        ):
            items.setdefault(row[0], []).append(row)
        member_rows = session.execute(
            select(
                JudgmentMemberRow.case_id,
                JudgmentMemberRow.id,
                JudgmentMemberRow.member_key,
                JudgmentMemberRow.name,
                JudgmentMemberRow.account_id,
                JudgmentMemberRow.member_role,
                JudgmentMemberRow.recused,
                JudgmentMemberRow.recusal_reason,
                JudgmentMemberRow.recused_at,
                JudgmentMemberRow.source,
            )
            .where(JudgmentMemberRow.case_id.in_(chunk))
            .order_by(JudgmentMemberRow.case_id, JudgmentMemberRow.id)
        ).all()
        for member_row in member_rows:
            members.setdefault(member_row[0], []).append(member_row)
        member_ids = [member_row[1] for member_row in member_rows]
        for m_start in range(0, len(member_ids), _IN_CHUNK):
            for member_id, dimension, level, rationale, entered_by in session.execute(
                select(
                    JudgmentScoreRow.member_id,
                    JudgmentScoreRow.dimension,
                    JudgmentScoreRow.level,
                    JudgmentScoreRow.rationale,
                    JudgmentScoreRow.entered_by,
                ).where(JudgmentScoreRow.member_id.in_(member_ids[m_start : m_start + _IN_CHUNK]))
            ):
                scores.setdefault(member_id, {})[dimension] = Score(level, rationale)
                if entered_by:
                    paper.setdefault(member_id, {})[dimension] = entered_by
        for case_id, account_id, name in session.execute(
            select(CaseMemberRow.case_id, AccountRow.id, AccountRow.name)
            .join(AccountRow, CaseMemberRow.account_id == AccountRow.id)
            .where(CaseMemberRow.case_id.in_(chunk))
            .order_by(CaseMemberRow.case_id, AccountRow.name)
        ):
            committee.setdefault(case_id, []).append((account_id, name))
        for decision_row in session.scalars(
            select(CaseDecisionRow).where(CaseDecisionRow.case_id.in_(chunk))
        ):
            decisions[decision_row.case_id] = decision_row
        for round_row in session.scalars(
            select(JudgmentRoundRow)
            .where(JudgmentRoundRow.case_id.in_(chunk))
            .order_by(JudgmentRoundRow.case_id, JudgmentRoundRow.round)
        ):
            rounds.setdefault(round_row.case_id, []).append(
                RoundInfo(
                    number=round_row.round,
                    reason=round_row.reason,
                    opened_by=round_row.opened_by,
                    opened_at=_time(round_row.opened_at),
                    revealed_by=round_row.revealed_by,
                    revealed_at=_time(round_row.revealed_at),
                )
            )
        for line in session.execute(
            select(
                JudgmentRoundScoreRow.case_id,
                JudgmentRoundScoreRow.round,
                JudgmentRoundScoreRow.member_key,
                JudgmentRoundScoreRow.name,
                JudgmentRoundScoreRow.account_id,
                JudgmentRoundScoreRow.dimension,
                JudgmentRoundScoreRow.level,
                JudgmentRoundScoreRow.rationale,
                JudgmentRoundScoreRow.entered_by,
            )
            .where(JudgmentRoundScoreRow.case_id.in_(chunk))
            .order_by(
                JudgmentRoundScoreRow.case_id, JudgmentRoundScoreRow.round, JudgmentRoundScoreRow.member_key
            )
        ):
            earlier.setdefault(line[0], []).append(line)
    return {
        c.id: _record(
            c,
            items.get(c.id, []),
            members.get(c.id, []),
            (scores, paper),
            committee.get(c.id, []),
            decisions.get(c.id),
            rounds.get(c.id, []),
            earlier.get(c.id, []),
        )
        for c in cases
    }


def record_from_rows(
    case: Any,
    decision_row: Any = None,
    *,
    items: Sequence[Any] = (),
    member_rows: Sequence[Any] = (),
    scores: dict[int, dict[str, Score]] | None = None,
    committee: Sequence[tuple[int, str]] = (),
) -> JudgmentRecord:
    """The record of a case without rounds, from the rows `load_records` would read (the case and
    decision rows as objects with their attributes, the others as its column tuples), through the
    same mapper: a bulk add and an import hash the rows they write without reading them back."""
    return _record(
        case, list(items), list(member_rows), (scores or {}, {}), list(committee), decision_row, [], []
    )


def _record(
    case: CaseRecord,
    items: list[Any],
    member_rows: list[Any],
    given_scores: tuple[dict[int, dict[str, Score]], dict[int, dict[str, str]]],
    committee: list[tuple[int, str]],
    decision_row: CaseDecisionRow | None,
    rounds: list[RoundInfo],
    earlier_lines: list[Any],
) -> JudgmentRecord:
    scores, paper = given_scores
    situations = tuple(i[2] for i in items if i[1] == "situation")
    conditions = {i[2]: _CONDITIONS[i[3]] for i in items if i[1] == "condition"}
    exclusions = {i[2]: _EXCLUSIONS[i[3]] for i in items if i[1] == "exclusion"}
    members = []
    for _case_id, member_id, key, name, account_id, role, recused, reason, recused_at, source in member_rows:
        given = scores.get(member_id, {})
        on_paper = paper.get(member_id, {})
        members.append(
            MemberRecord(
                key=key,
                name=name,
                account_id=account_id,
                role=_ROLES[role],
                recused=bool(recused),
                recusal_reason=reason,
                recused_at=_time(recused_at),
                scores={d: given[d] for d in DIMENSIONS if d in given},
                imported=source == SOURCE_IMPORTED,
                scored=sum(1 for d in DIMENSIONS if d in given),
                paper=tuple(d for d in DIMENSIONS if d in on_paper),
                entered_by=next(iter(on_paper.values()), ""),
            )
        )
    acted = {m.account_id for m in members if m.account_id is not None}
    keys = [m.key for m in members]
    for account_id, name in committee:
        if account_id in acted:
            continue
        key = next_member_key(keys)
        keys.append(key)
        members.append(
            MemberRecord(key=key, name=name, account_id=account_id, role=MemberRole.FIXED, pending=True)
        )
    decision = None
    if decision_row is not None:
        decision = DecisionInfo(
            conclusion=_CONCLUSIONS[decision_row.conclusion],
            decided_on=decision_row.decided_on,
            rulebook=decision_row.rulebook,
            note=decision_row.note,
            recorded_by=decision_row.recorded_by,
            recorded_at=_time(decision_row.recorded_at),
            recommendation=_CONCLUSIONS.get(decision_row.recommendation or ""),
            imported=decision_row.source == SOURCE_IMPORTED,
            votes=_votes(decision_row),
            dissent=decision_row.dissent or "",
        )
    return JudgmentRecord(
        case_id=case.id,
        doc_no=case.doc_no,
        rulebook=case.rulebook,
        checklist=Checklist(situations, conditions, exclusions),
        members=tuple(members),
        decision=decision,
        conclusion=_CONCLUSIONS.get(case.conclusion or ""),
        rounds=tuple(rounds),
        earlier=_earlier(earlier_lines),
    )


def _votes(row: CaseDecisionRow) -> Votes | None:
    if row.votes_for is None or row.votes_against is None or row.votes_abstain is None:
        return None
    return Votes(row.votes_for, row.votes_against, row.votes_abstain)


def _earlier(lines: list[Any]) -> tuple[EarlierBallot, ...]:
    """Ballot lines of closed rounds (ordered by round, member) as one ballot per member and round."""
    ballots: dict[tuple[int, str], dict[str, Any]] = {}
    for _case_id, number, key, name, account_id, dimension, level, rationale, entered_by in lines:
        ballot = ballots.setdefault(
            (number, key), {"name": name, "account_id": account_id, "scores": {}, "paper": []}
        )
        ballot["scores"][dimension] = Score(level, rationale)
        if entered_by:
            ballot["paper"].append(dimension)
    return tuple(
        EarlierBallot(
            round=number,
            key=key,
            name=b["name"],
            account_id=b["account_id"],
            scores={d: b["scores"][d] for d in DIMENSIONS if d in b["scores"]},
            paper=tuple(d for d in DIMENSIONS if d in b["paper"]),
        )
        for (number, key), b in ballots.items()
    )


def write_checklist(session: Session, case_id: int, checklist: Checklist, *, replace: bool = True) -> None:
    """The case's checklist lines (the old ones deleted first unless the case is new)."""
    if replace:
        # Lines are read as plain columns, never kept as objects in the session: nothing to synchronize
        # (and no scan of the session per call, which made a large import quadratic).
        session.execute(
            delete(ChecklistItemRow)
            .where(ChecklistItemRow.case_id == case_id)
            .execution_options(synchronize_session=False)
        )
    rows = checklist_rows(case_id, checklist)
    if rows:
        session.execute(insert(ChecklistItemRow), rows)  # a bulk insert: no objects kept in the session


def checklist_rows(case_id: int, checklist: Checklist) -> list[dict[str, Any]]:
    """The checklist's lines as table rows (write_checklist, and the import's batches)."""
    rows: list[dict[str, Any]] = [
        {
            "case_id": case_id,
            "kind": "situation",
            "rule_id": rule_id,
            "status": _CLAIMED,
            "position": position,
        }
        for position, rule_id in enumerate(checklist.situations)
    ]
    for kind, mapping in (("condition", checklist.conditions), ("exclusion", checklist.exclusions)):
        rows += [
            {
                "case_id": case_id,
                "kind": kind,
                "rule_id": rule_id,
                "status": status.value,
                "position": position,
            }
            for position, (rule_id, status) in enumerate(mapping.items())
        ]
    return rows


def _committee_rules(method: Callable[P, R]) -> Callable[P, R]:
    """A committee rule (domain.committee) refusing is the store's JudgmentError to the caller."""

    @functools.wraps(method)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except CommitteeError as error:
            raise JudgmentError(str(error)) from None

    return checked


# ----- the repository --------------------------------------------------------------------------


class JudgmentRepository:
    """Checklist, scores, recusals and decisions of cases; reads narrowed and writes checked by the guard."""

    def __init__(
        self, read_session: SessionFactory, write_session: SessionFactory, guard: AccessGuard
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard

    # --- reads ---------------------------------------------------------------------------------

    def record(self, case_id: int, *, by: Credential | None = None) -> JudgmentRecord:
        """The case's record as the acting person may read it (blind scoring: see `visible_record`)."""
        with self._read() as session:
            case, viewer = self._readable_case(session, case_id, by)
            return visible_record(load_record(session, case), viewer)

    def case_file(self, case_id: int, *, by: Credential | None = None) -> CaseFile:
        """The stored case as a domain CaseFile (the engine judges it; export writes it). A 委员 gets
        it with only their own scores until the conclusion is recorded (blind scoring)."""
        with self._read() as session:
            case, viewer = self._readable_case(session, case_id, by)
            record = visible_record(load_record(session, case), viewer)
            return build_case_file(to_case(case), record)

    def judge(
        self, case_id: int, rulebook: Rulebook | None = None, *, by: Credential | None = None
    ) -> Judgment:
        """Judge the stored case under `rulebook`, or the rulebook the case names.

        A 委员 before the decision judges only what they may read (their own scores), so the result
        reveals nothing of the others' levels through medians or totals.
        Raises ValidationError (domain) when the rulebook cannot be found or the checklist names
        rules it does not have; the caller shows its message.
        """
        from rongcuo_desktop.domain.judgment import judge

        case_file = self.case_file(case_id, by=by)
        if rulebook is None:
            if not case_file.case.rulebook:
                raise JudgmentError("本案未指定规则库：请先在研判清单中指定规则库，或研判时指定一个。")
            rulebook = find_shipped_rulebook(case_file.case.rulebook)
        return judge(case_file, rulebook)

    # --- the secretary: checklist --------------------------------------------------------------

    @_committee_rules
    def set_checklist(
        self,
        case_id: int,
        checklist: Checklist,
        *,
        rulebook: str | None = None,
        by: Credential | None = None,
    ) -> None:
        """Replace the case's checklist (and, if given, the rulebook it is judged under)."""
        actor = self._guard.check_write(Action.CASE_EDIT, by)
        check_checklist_text(checklist)
        with self._write() as session:
            case = self._existing_case(session, case_id)
            before = load_record(session, case)
            refuse_if_decided(before)
            key = case.rulebook if rulebook is None else rulebook.strip()
            if not key:
                raise JudgmentError(
                    "本案未指定规则库：请同时指定规则库（例如 fuzhou-2019），清单中的编号才能核对。"
                )
            try:
                found = find_shipped_rulebook(key)
            except ValidationError as error:
                raise JudgmentError(f"研判清单没有保存：{error.issues[0].message}") from None
            try:
                check_against_rulebook(CaseFile(to_case(case), checklist), found)
            except ValidationError as error:
                lines = [f"研判清单与规则库 {key} 不符，没有保存："] + [f"  {i.said}" for i in error.issues]
                raise JudgmentError("\n".join(lines)) from None
            if case.rulebook != found.key:
                case.rulebook = found.key
                case.updated_at = _now().replace(tzinfo=None)
            write_checklist(session, case_id, checklist)
            session.flush()
            after = load_record(session, case)
            checklist_counts = {
                "situations": len(checklist.situations),
                "conditions": len(checklist.conditions),
                "exclusions": len(checklist.exclusions),
            }
            self._guard.audit(
                session,
                Action.CASE_EDIT,
                case_id=case_id,
                summary=checklist_summary(before, after),
                detail={"checklist": checklist_counts},
                before=snapshot(before),
                after=snapshot(after),
                actor=actor,
            )
        log.info("checklist of case %d saved", case_id)

    # --- members: scores and recusals ----------------------------------------------------------

    @_committee_rules
    def score(self, case_id: int, scores: Mapping[str, Score], *, by: Credential | None = None) -> None:
        """The acting 委员 scores some or all dimensions (ids of DIMENSIONS); amends until the reveal."""

        actor = self._guard.check_write(Action.SCORE, by)
        clean = checked_scores(scores)
        with self._write() as session:
            case = self._committee_case(session, case_id, actor, "评分")
            self._write_ballot(session, case, actor, clean, actor=actor, entered_by="")
        log.info("scores recorded on case %d (%d dimension(s))", case_id, len(clean))

    @_committee_rules
    def score_paper(
        self, case_id: int, member: str, scores: Mapping[str, Score], *, by: Credential | None = None
    ) -> None:
        """The 秘书 (or 主任) enters the paper ballot of `member` (a 委员 of the case's committee
        without a PC): the record marks the levels as entered from paper by the acting person, and
        the audit event says so; the member's own later scores replace them as an amendment would."""
        actor = self._guard.check_write(Action.PAPER_BALLOT, by)
        clean = checked_scores(scores)
        with self._write() as session:
            scorer = self._member_account(session, member)
            case = self._committee_case(session, case_id, scorer, "评分")
            self._write_ballot(session, case, scorer, clean, actor=actor, entered_by=actor.name)
        log.info("paper ballot recorded on case %d (%d dimension(s))", case_id, len(clean))

    def _write_ballot(
        self,
        session: Session,
        case: CaseRecord,
        scorer: AccountInfo,
        clean: Mapping[str, Score],
        *,
        actor: AccountInfo,
        entered_by: str,
    ) -> None:
        before = load_record(session, case)
        refuse_if_revealed(before)
        row = self._member_row(session, case, scorer)
        if row.recused:
            if scorer.id == actor.id:
                raise JudgmentError("您已申请回避，不能再对本案评分。")
            raise JudgmentError(f"{scorer.name}已申请回避，不能再对本案评分。")
        now = _now().isoformat()
        for dim_id, score in clean.items():
            existing = session.get(JudgmentScoreRow, (row.id, dim_id))
            if existing is None:
                session.add(
                    JudgmentScoreRow(
                        member_id=row.id,
                        dimension=dim_id,
                        level=score.level,
                        rationale=score.rationale,
                        scored_at=now,
                        entered_by=entered_by,
                    )
                )
            else:
                existing.level, existing.rationale, existing.scored_at = score.level, score.rationale, now
                existing.entered_by = entered_by
        session.flush()
        after = load_record(session, case)
        # The summary names the dimensions, never the levels: a case's timeline is read by its
        # 委员 too (blind scoring). The levels are in the detail, read only with AUDIT_VIEW.
        dims = "、".join(DIMENSIONS[d] for d in clean)
        detail: dict[str, Any] = {
            "member": row.member_key,
            "levels": {d: s.level for d, s in clean.items()},
            "round": after.round.number,
        }
        summary = f"评分：{dims}（{len(clean)} 项）"
        if entered_by:
            detail["paper"] = True
            detail["member_name"] = scorer.name
            summary = f"纸质评分票（{actor.role.label}代委员 {scorer.name} 录入）：{dims}（{len(clean)} 项）"
        self._guard.audit(
            session,
            Action.SCORE,
            case_id=case.id,
            summary=summary,
            detail=detail,
            before=snapshot(before),
            after=snapshot(after),
            actor=actor,
        )

    # --- the chair: the reveal and further rounds ----------------------------------------------

    @_committee_rules
    def reveal(self, case_id: int, *, by: Credential | None = None) -> RoundInfo:
        """The chair reveals the current round's scores to every member of the case: refused before
        the quorum (the rulebook's count of members who scored all five dimensions) and after the
        decision; from now on the round's ballots are final."""
        actor = self._guard.check_write(Action.REVEAL, by)
        with self._write() as session:
            case = self._existing_case(session, case_id)
            before = load_record(session, case)
            if not case.rulebook:
                raise JudgmentError("本案未指定规则库：请先在研判清单中指定规则库，法定人数才能核对。")
            required = int(find_shipped_rulebook(case.rulebook).setting("quorum"))
            check_reveal(before, quorum(before, required))
            number = before.round.number
            row = session.get(JudgmentRoundRow, (case_id, number))
            if row is None:
                row = JudgmentRoundRow(
                    case_id=case_id, round=number, reason="", opened_by="", opened_at=None, revealed_by=""
                )
                session.add(row)
            row.revealed_by, row.revealed_at = actor.name, _now().isoformat()
            session.flush()
            after = load_record(session, case)
            counted = quorum(after, required)
            self._guard.audit(
                session,
                Action.REVEAL,
                case_id=case_id,
                summary=f"揭晓第 {number} 轮评分（计入评分 {counted.counted} 人，法定人数 {required} 人）",
                detail={"round": number, "counted": counted.counted, "required": required},
                before=snapshot(before),
                after=snapshot(after),
                actor=actor,
            )
        log.info("round %d revealed on case %d", number, case_id)
        return after.round

    @_committee_rules
    def open_round(self, case_id: int, reason: str, *, by: Credential | None = None) -> RoundInfo:
        """After the reveal and 会商, the chair opens the next round: the revealed ballots are kept as
        an earlier round (`JudgmentRecord.earlier`), the members score again, blind until the next
        reveal. Recusals stay."""
        actor = self._guard.check_write(Action.NEW_ROUND, by)
        with self._write() as session:
            case = self._existing_case(session, case_id)
            before = load_record(session, case)
            reason = check_new_round(before, reason)
            number = before.round.number
            if not before.rounds:  # a reveal always writes its round: this is defensive
                raise JudgmentError("第 1 轮评分尚未揭晓。")
            member_rows = session.scalars(
                select(JudgmentMemberRow).where(JudgmentMemberRow.case_id == case_id)
            ).all()
            kept = 0
            for member_row in member_rows:
                for line in session.scalars(
                    select(JudgmentScoreRow).where(JudgmentScoreRow.member_id == member_row.id)
                ):
                    session.add(
                        JudgmentRoundScoreRow(
                            case_id=case_id,
                            round=number,
                            member_key=member_row.member_key,
                            dimension=line.dimension,
                            name=member_row.name,
                            account_id=member_row.account_id,
                            level=line.level,
                            rationale=line.rationale,
                            entered_by=line.entered_by,
                            scored_at=line.scored_at,
                        )
                    )
                    kept += 1
            member_ids = [m.id for m in member_rows]
            if member_ids:
                session.execute(delete(JudgmentScoreRow).where(JudgmentScoreRow.member_id.in_(member_ids)))
            session.add(
                JudgmentRoundRow(
                    case_id=case_id,
                    round=number + 1,
                    reason=reason,
                    opened_by=actor.name,
                    opened_at=_now().isoformat(),
                    revealed_by="",
                    revealed_at=None,
                )
            )
            session.flush()
            after = load_record(session, case)
            self._guard.audit(
                session,
                Action.NEW_ROUND,
                case_id=case_id,
                summary=f"会商后开始第 {number + 1} 轮评分（第 {number} 轮的 {kept} 项评分保留在记录中）",
                detail={"round": number + 1, "kept": kept},
                before=snapshot(before),
                after=snapshot(after),
                actor=actor,
            )
        log.info("round %d opened on case %d", number + 1, case_id)
        return after.round

    @_committee_rules
    def recuse(
        self, case_id: int, reason: str, *, member: str | None = None, by: Credential | None = None
    ) -> None:
        """The acting 委员 recuses from this case; scores they had given are withdrawn. With `member`,
        the 秘书 (or 主任) records that member's recusal (declared at the meeting, or on paper)."""

        if member is None:
            actor = self._guard.check_write(Action.RECUSAL, by)
        else:
            actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
        reason = recusal_reason(reason)
        with self._write() as session:
            recusing = actor if member is None else self._member_account(session, member)
            case = self._committee_case(session, case_id, recusing, "申请回避")
            before = load_record(session, case)
            refuse_if_revealed(before)
            row = self._member_row(session, case, recusing)
            if row.recused:
                raise JudgmentError("您已经申请过回避。" if member is None else f"{recusing.name}已经回避。")
            withdrawn = len(
                session.scalars(
                    select(JudgmentScoreRow.dimension).where(JudgmentScoreRow.member_id == row.id)
                ).all()
            )
            session.execute(delete(JudgmentScoreRow).where(JudgmentScoreRow.member_id == row.id))
            row.recused, row.recusal_reason, row.recused_at = True, reason, _now().isoformat()
            session.flush()
            after = load_record(session, case)
            note = f"，撤回已有的 {withdrawn} 项评分" if withdrawn else ""
            whose = "" if member is None else f"（记录委员 {recusing.name} 的回避）"
            self._guard.audit(
                session,
                Action.RECUSAL,
                case_id=case_id,
                summary=f"申请回避{note}{whose}",
                detail={"member": row.member_key, "withdrawn_scores": withdrawn},
                before=snapshot(before),
                after=snapshot(after),
                actor=actor,
            )
        log.info("recusal recorded on case %d", case_id)

    # --- the chair: the decision ---------------------------------------------------------------

    @_committee_rules
    def decide(
        self,
        case_id: int,
        conclusion: Conclusion,
        *,
        note: str = "",
        decided_on: dt.date | None = None,
        votes: Votes | None = None,
        dissent: str = "",
        lenient: LenientHandling | None = None,
        by: Credential | None = None,
    ) -> DecisionInfo:
        """Record the meeting's conclusion, with its vote (赞成/反对/弃权) and the dissenting opinions.
        Where it differs from the engine's recommendation (or the engine gives none), the reason must
        be written down (DOMAIN.md: the software never decides); so must the reason for correcting a
        conclusion already recorded (the one replaced is kept in the DECISION event's detail). The date
        is the meeting's: not before the application, not in the future. The decision opens every
        round's scores to the members (it implies the reveal). A lighter handling (从轻减轻处理) may
        carry which of the 四种形态 was used (`lenient`), written with it as a case file record."""
        actor = self._guard.check_write(Action.DECISION, by)
        if not isinstance(conclusion, Conclusion):
            raise JudgmentError(f"认定结论无效：{conclusion!r}。")
        if lenient is not None and conclusion is not Conclusion.LENIENT:
            raise JudgmentError(f"“四种形态”只用于从轻减轻处理，认定结论是“{conclusion.label}”。")
        note = decision_note(note)  # the one text validator (domain/text_rules)
        dissent = dissent_text(dissent)
        decided_on = decided_on or dt.date.today()
        with self._write() as session:
            case = self._existing_case(session, case_id)
            before = load_record(session, case)
            check_votes(votes, before.expected)
            recommendation, why_none = _recommendation(case, before)
            check_decision(
                conclusion,
                note,
                recommendation=recommendation,
                why_no_recommendation=why_none,
                previous=before.conclusion,
                decided_on=decided_on,
                applied_on=case.applied_on,
                today=dt.date.today(),
            )
            row = session.get(CaseDecisionRow, case_id)
            if row is None:
                row = CaseDecisionRow(case_id=case_id)
                session.add(row)
            now = _now()
            row.conclusion = conclusion.value
            row.decided_on = decided_on
            row.rulebook = case.rulebook
            row.note = note
            row.recorded_by = actor.name
            row.recorded_by_account_id = actor.id or None
            row.recorded_at = now.isoformat()
            row.recommendation = recommendation.value if recommendation else None
            row.source = SOURCE_LOCAL
            row.votes_for = votes.for_ if votes else None
            row.votes_against = votes.against if votes else None
            row.votes_abstain = votes.abstain if votes else None
            row.dissent = dissent
            case.conclusion = conclusion.value
            case.decided_on = decided_on
            case.updated_at = now.replace(tzinfo=None)
            session.flush()
            after = load_record(session, case)
            old = before.conclusion.label if before.conclusion else "（无）"
            advice = recommendation.label if recommendation else "无建议"
            detail: dict[str, Any] = {
                "conclusion": conclusion.value,
                "recommendation": recommendation.value if recommendation else None,
                "rulebook": case.rulebook,
            }
            if votes is not None:
                detail["votes"] = {"for": votes.for_, "against": votes.against, "abstain": votes.abstain}
            if before.conclusion is not None:  # a correction: what it replaces stays on record
                detail["replaces"] = replaced_decision(before)
            self._guard.audit(
                session,
                Action.DECISION,
                case_id=case_id,
                summary=f"认定结论：{old} → {conclusion.label}（研判建议：{advice}）"
                + (f"；表决：{votes.label()}" if votes else "")
                + ("；有不同意见" if dissent else ""),
                detail=detail,
                before=snapshot(before),
                after=snapshot(after),
                actor=actor,
            )
            # The stage follows the work: a case behind 结论认定 moves there (store.casework).
            from rongcuo_desktop.store.casework import follow_decision

            follow_decision(session, self._guard, case, actor)
            if lenient is not None:
                from rongcuo_desktop.store.casework import record_with_decision

                record_with_decision(session, self._guard, case, lenient, actor)
        log.info("decision recorded on case %d", case_id)
        assert after.decision is not None
        return after.decision

    # --- plumbing ------------------------------------------------------------------------------

    def _existing_case(self, session: Session, case_id: int) -> CaseRecord:
        case = session.get(CaseRecord, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        return case

    def _readable_case(
        self, session: Session, case_id: int, by: Credential | None
    ) -> tuple[CaseRecord, AccountInfo]:
        case = self._existing_case(session, case_id)
        return case, self._guard.check_read_case(session, case_id, by)

    def _committee_case(self, session: Session, case_id: int, actor: AccountInfo, what: str) -> CaseRecord:
        """Scoring and recusal are personal: only a member of this case's committee may."""
        case = self._existing_case(session, case_id)
        seat = session.get(CaseMemberRow, (case_id, actor.id))
        if seat is None:
            raise PermissionDenied(
                f"{actor.role.label}“{actor.name}”不在本案（{case.doc_no}）的委员名单中，不能{what}。"
            )
        return case

    def _member_account(self, session: Session, name: str) -> AccountInfo:
        from rongcuo_desktop.domain.roles import AccountInfo, Role

        row = session.scalar(select(AccountRow).where(AccountRow.name == name.strip()))
        if row is None or row.role != Role.MEMBER.value:
            raise JudgmentError(f"没有名为“{name.strip()}”的委员账户。")
        return AccountInfo(id=row.id, name=row.name, role=Role.MEMBER, active=bool(row.active))

    def _member_row(self, session: Session, case: CaseRecord, actor: AccountInfo) -> JudgmentMemberRow:
        """The actor's row on this case: theirs, or one imported under their name, or a new one."""
        row = session.scalars(
            select(JudgmentMemberRow).where(
                JudgmentMemberRow.case_id == case.id, JudgmentMemberRow.account_id == actor.id
            )
        ).first()
        if row is not None:
            return row
        # Import attributes by name (docs/case-format.md): the same name here is the same person.
        row = session.scalars(
            select(JudgmentMemberRow).where(
                JudgmentMemberRow.case_id == case.id,
                JudgmentMemberRow.account_id.is_(None),
                JudgmentMemberRow.name == actor.name,
            )
        ).first()
        if row is not None:
            row.account_id = actor.id
            return row
        keys = list(
            session.scalars(select(JudgmentMemberRow.member_key).where(JudgmentMemberRow.case_id == case.id))
        )
        row = JudgmentMemberRow(
            case_id=case.id,
            member_key=next_member_key(keys),
            account_id=actor.id,
            name=actor.name,
            member_role=MemberRole.FIXED.value,
            recused=False,
            recusal_reason="",
            recused_at=None,
            source=SOURCE_LOCAL,
        )
        session.add(row)
        session.flush()
        return row


def _recommendation(case: CaseRecord, record: JudgmentRecord) -> tuple[Conclusion | None, str]:
    """The engine's recommendation for the case as recorded, or why it gives none."""
    from rongcuo_desktop.domain.judgment import judge

    if not case.rulebook:
        return None, "本案未指定规则库"
    try:
        result = judge(build_case_file(to_case(case), record), find_shipped_rulebook(case.rulebook))
    except ValidationError as error:
        return None, error.issues[-1].said if error.issues else str(error)
    return result.recommendation, result.reason
