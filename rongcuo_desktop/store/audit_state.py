"""Does each case as stored now hash to its latest audit events? (issue 11, item 5)

The chain proves that no event was edited, removed or reordered; it said nothing about the rows the
events describe, so a direct SQL UPDATE of a conclusion passed `rongcuo audit verify`. Every write
records the hash of what it wrote (`after_hash`), so the current rows can be hashed again and
compared with the latest event that wrote them. One implementation, used by `audit verify`, the check
at open and the crash test.

What each kind of event hashes (the writers, unchanged):
- the case file (store.casework.file_states: the records of each step, the committee's seats):
  case_record;
- the case itself (store.mapping.to_case): case_create, case_edit, stage_move;
- the judgment record (domain.committee.snapshot: checklist, members' scores and recusals, the
  decision, the case's conclusion and rulebook, rounds and the reveal): score, recusal, decision,
  reveal, new_round, and case_edit with a checklist in its detail;
- the committee ({"members": names}): members_assign;
- both case and judgment ({"case": ..., "judgment": ...}): a per-case import;
- cases added in bulk (demo and synthetic cases): one import event whose detail carries each case's
  two digests (`bulk_states`), as they are read back inside the writing transaction.

A decision changes the case's conclusion and decided_on, and a checklist may change its rulebook,
without a case event; the case hash of the event before them is recomputed with the values the case
had then (from the decision event's detail: the decision it replaces; the rulebooks in use). Where that
cannot be known the aspect is counted as not checkable, never reported as an anomaly. The judgment
record (which includes the conclusion) is always checkable once it has an event.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.committee import snapshot
from rongcuo_desktop.store.audit_chain import ChainProblem, ProblemKind, state_digest
from rongcuo_desktop.store.mapping import to_case
from rongcuo_desktop.store.models import CaseRecord

BATCH = 1000
SHORT = 16  # hex digits of a bulk-added case's digests (64 bits): the bulk event stays ~4 MB per 100,000
SAMPLE_AT_OPEN = 300  # random cases checked at open in a big store, beyond the recently written ones
RECENT_EVENTS = 1000
_CASE_ACTIONS = frozenset({"case_create", "case_edit", "stage_move"})
_JUDGMENT_ACTIONS = frozenset({"score", "recusal", "decision", "reveal", "new_round"})


@dataclass
class StateReport:
    cases: int = 0
    checked: int = 0  # case aspects (case, judgment, committee) compared with an event
    unchecked: int = 0  # aspects whose past values cannot be known (see the module docstring)
    problems: list[ChainProblem] = field(default_factory=list)


@dataclass
class _Event:
    id: int
    action: str
    after_hash: str
    checklist: bool
    detail: str


def _short(digest: str) -> str:
    return digest[:SHORT]


def _combined(case: Case, judgment: dict[str, Any]) -> str:
    return state_digest({"case": dataclasses.asdict(case), "judgment": judgment})


def _empty_judgment(case: Case) -> dict[str, Any]:
    return {
        "rulebook": case.rulebook,
        "checklist": {"situations": [], "conditions": {}, "exclusions": {}},
        "members": [],
        "decision": None,
        "conclusion": None,
    }


_CASE_COLUMNS = (
    "c.id, c.doc_no, c.party_name, c.party_unit, c.party_position, c.case_type, c.applicant_type,"
    " c.work_field, c.stage, c.applied_on, c.conclusion, c.decided_on, c.rulebook,"
    " t.accountability_matter, t.facts, t.claimed_situation"
)


def _stored_cases(session: Session, ids: Sequence[int]) -> list[Any]:
    """The case rows as plain objects with CaseRecord's attributes (and .texts): the one mapper
    (mapping.to_case) and load_records read them as they read ORM rows, without the ORM's cost per
    row (a third of the check's time at 100,000 cases)."""
    marks = ",".join(str(int(i)) for i in ids)
    rows: Any = session.execute(
        text(
            f"SELECT {_CASE_COLUMNS} FROM cases c LEFT JOIN case_texts t ON t.case_id = c.id"
            f" WHERE c.id IN ({marks}) ORDER BY c.id"
        )
    )
    found = []
    for row in rows:
        texts = SimpleNamespace(accountability_matter=row[13], facts=row[14], claimed_situation=row[15])
        found.append(
            SimpleNamespace(
                id=int(row[0]),
                doc_no=row[1],
                party_name=row[2],
                party_unit=row[3],
                party_position=row[4],
                case_type=row[5],
                applicant_type=row[6],
                work_field=row[7],
                stage=row[8],
                applied_on=_date(row[9]),
                conclusion=row[10],
                decided_on=_date(row[11]),
                rulebook=row[12],
                texts=texts if row[13] is not None or row[14] is not None else None,
            )
        )
    return found


def current_states(session: Session, ids: Sequence[int]) -> dict[int, tuple[Case, dict[str, Any], list[str]]]:
    """Each case as stored now: the Case, its judgment snapshot and its committee's names (sorted)."""
    from rongcuo_desktop.store.judgments import load_records

    if not ids:
        return {}
    records = _stored_cases(session, ids)
    judgments = load_records(session, cast("list[CaseRecord]", records))
    committees: dict[int, list[str]] = {}
    marks = ",".join(str(int(i)) for i in ids)
    seated: Any = session.execute(
        text(
            "SELECT m.case_id, a.name FROM case_members m JOIN accounts a ON a.id = m.account_id"
            f" WHERE m.case_id IN ({marks})"
        )
    )
    for case_id, name in seated:
        committees.setdefault(int(case_id), []).append(str(name))
    return {
        r.id: (to_case(cast(CaseRecord, r)), snapshot(judgments[r.id]), sorted(committees.get(r.id, [])))
        for r in records
    }


def bulk_states(session: Session | Connection, first: int, last: int) -> dict[str, Any]:
    """The digests a bulk add records for its cases, ids first..last (contiguous: the bulk add gives
    them out in order), read back inside the writing transaction: one string of 32 hex digits per
    case (its case and its judgment digest, 16 each), so a check finds one case's by slicing."""
    owned = session if isinstance(session, Session) else Session(bind=session)
    parts: list[str] = []
    for start in range(first, last + 1, BATCH):
        chunk = list(range(start, min(start + BATCH, last + 1)))
        states = current_states(owned, chunk)
        for case_id in chunk:
            case, judgment, _committee = states[case_id]
            parts.append(_short(state_digest(case)) + _short(state_digest(judgment)))
    return {"first": first, "digests": "".join(parts)}


def verify_states(
    session: Session, case_ids: Iterable[int] | None = None, *, upgraded: bool = False
) -> StateReport:
    """Compare cases (all, or those given) with their latest events; problems name the case.
    `upgraded`: the store is being brought up from an older version at this very open (its cases may
    predate the chain, before the migration event says so)."""
    ids = (
        sorted(int(i) for i in case_ids)
        if case_ids is not None
        else [int(r[0]) for r in session.execute(text("SELECT id FROM cases ORDER BY id"))]
    )
    report = StateReport()
    bulk = _BulkIndex(session)
    bulk.legacy = bulk.legacy or upgraded
    rulebooks = functools.cache(lambda: _rulebooks(session))  # only for a case a checklist changed
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        events = _events(session, chunk)
        files = _files(session, chunk)
        for case_id, (case, judgment, committee) in current_states(session, chunk).items():
            report.cases += 1
            _check_case(report, case_id, case, judgment, committee, events.get(case_id, []), bulk, rulebooks)
            _check_file(report, case, files[case_id], events.get(case_id, []))
    return report


def _files(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    from rongcuo_desktop.store.casework import file_states  # the case file (store/casework.py)

    return file_states(session, ids)


def _check_file(report: StateReport, case: Case, file: dict[str, Any], events: list[_Event]) -> None:
    """The case file's records and seats hash to the latest CASE_RECORD event (none: empty)."""
    recorded = [e for e in events if e.action == "case_record"]
    report.checked += 1
    if recorded:
        if state_digest(file) != recorded[-1].after_hash:
            report.problems.append(_problem(case, "办理记录（各步骤的记录、委员会组成）"))
    elif file["records"] or file["seats"]:
        report.problems.append(_problem(case, "办理记录（没有审计事件）"))


def ids_to_check_at_open(session: Session) -> list[int]:
    """The cases the latest RECENT_EVENTS events wrote and a random sample of the others: a store too
    big to check whole at every open (the full check is `audit verify`'s)."""
    touched = {
        int(r[0])
        for r in session.execute(
            text(
                "SELECT DISTINCT case_id FROM (SELECT case_id FROM audit_events ORDER BY id DESC LIMIT :n)"
                " WHERE case_id IS NOT NULL"
            ),
            {"n": RECENT_EVENTS},
        )
    }
    top = session.execute(text("SELECT max(id) FROM cases")).scalar() or 0
    sample = {random.randint(1, top) for _ in range(SAMPLE_AT_OPEN)} if top else set()
    return sorted(touched | sample)


# ----- internals ------------------------------------------------------------------------------------


def _events(session: Session, ids: Sequence[int]) -> dict[int, list[_Event]]:
    marks = ",".join(str(int(i)) for i in ids)
    found: dict[int, list[_Event]] = {}
    if not marks:
        return found
    rows: Any = session.execute(
        text(
            "SELECT id, case_id, action, after_hash,"
            " action = 'case_edit' AND json_extract(CASE WHEN json_valid(detail) THEN detail END,"
            " '$.checklist') IS NOT NULL,"
            " CASE WHEN action IN ('decision', 'import') THEN detail ELSE '' END"
            f" FROM audit_events WHERE case_id IN ({marks}) ORDER BY id"
        )
    )
    for event_id, case_id, action, after_hash, checklist, detail in rows:
        found.setdefault(int(case_id), []).append(
            _Event(int(event_id), str(action), str(after_hash or ""), bool(checklist), str(detail or ""))
        )
    return found


class _BulkIndex:
    """The digests bulk adds recorded, by case id: (event id, case digest, judgment digest)."""

    def __init__(self, session: Session) -> None:
        self._runs: list[tuple[int, int, str]] = []  # (event id, first case id, digests)
        # Cases may predate the chain: the store was upgraded from a version without it (a migration
        # event), or cases were added in bulk before their digests were recorded. Both kinds of event
        # name no case: `case_id IS NULL` lets both queries walk the (case_id, id) index instead of
        # decrypting the whole table (1.8 s of a 2.5 s open at 1,000,000 events).
        self.legacy = (
            session.execute(
                text(
                    "SELECT 1 FROM audit_events WHERE case_id IS NULL AND (action = 'migration' OR"
                    " (action = 'import' AND detail NOT LIKE '%\"case_states\"%')) LIMIT 1"
                )
            ).first()
            is not None
        )
        rows: Any = session.execute(
            text(
                "SELECT id, detail FROM audit_events WHERE case_id IS NULL AND action = 'import'"
                " AND detail LIKE '%\"case_states\"%' ORDER BY id"
            )
        )
        for event_id, detail in rows:
            try:
                states = json.loads(str(detail)).get("case_states") or {}
                self._runs.append((int(event_id), int(states["first"]), str(states["digests"])))
            except (ValueError, AttributeError, KeyError, TypeError):
                continue

    def get(self, case_id: int) -> tuple[int, str, str] | None:
        found = None
        for event_id, first, digests in self._runs:  # a later bulk add of the same id wins
            offset = (case_id - first) * 2 * SHORT
            if offset >= 0 and offset + 2 * SHORT <= len(digests):
                found = (
                    event_id,
                    digests[offset : offset + SHORT],
                    digests[offset + SHORT : offset + 2 * SHORT],
                )
        return found


def _rulebooks(session: Session) -> list[str]:
    rows = session.execute(
        text("SELECT DISTINCT rulebook FROM cases UNION SELECT DISTINCT rulebook FROM case_decisions")
    )
    return sorted({"", *(str(r[0] or "") for r in rows)})


def _problem(case: Case, what: str) -> ChainProblem:
    return ChainProblem(
        ProblemKind.STATE,
        case.id or 0,
        f"案件 {case.doc_no}（第 {case.id} 号）的{what}与最近的审计事件不符：数据库在程序之外被改动过。",
    )


def _check_case(
    report: StateReport,
    case_id: int,
    case: Case,
    judgment: dict[str, Any],
    committee: list[str],
    events: list[_Event],
    bulk: _BulkIndex,
    rulebooks: Callable[[], list[str]],
) -> None:
    bulk_entry = bulk.get(case_id)
    bulk_id = bulk_entry[0] if bulk_entry else 0
    if not events and bulk_entry is None:
        # No event wrote this case: written before the chain existed (a store from an older version,
        # or a bulk add before its digests were recorded), which is nothing to compare with; in a
        # store without such a past, a case that appeared without any event is an edit outside the app.
        if bulk.legacy:
            report.unchecked += 3
        else:
            report.problems.append(_problem(case, "整条记录（没有任何审计事件）"))
        return
    imports = [e for e in events if e.action == "import"]
    last_import = imports[-1] if imports else None
    case_events = [e for e in events if e.action in _CASE_ACTIONS and not e.checklist]
    judgment_events = [e for e in events if e.action in _JUDGMENT_ACTIONS or e.checklist]
    seatings = [e for e in events if e.action == "members_assign"]

    # The judgment record, conclusion included.
    latest_j = max(
        [e.id for e in judgment_events[-1:]] + [last_import.id if last_import else 0, bulk_id], default=0
    )
    latest_c = max(
        [e.id for e in case_events[-1:]] + [last_import.id if last_import else 0, bulk_id], default=0
    )
    judgment_hash = state_digest(judgment)
    if latest_j == 0:
        if judgment != _empty_judgment(case):
            report.problems.append(_problem(case, "研判记录（清单、评分、回避、认定结论）"))
        report.checked += 1
    elif last_import is not None and latest_j == last_import.id:
        if latest_c == last_import.id:
            if _combined(case, judgment) != last_import.after_hash:
                report.problems.append(_problem(case, "案件信息或研判记录"))
            report.checked += 2
        else:
            report.unchecked += 1  # the case changed since: its import-time form is not known
    elif bulk_entry is not None and latest_j == bulk_id:
        if _short(judgment_hash) != bulk_entry[2]:
            report.problems.append(_problem(case, "研判记录（清单、评分、回避、认定结论）"))
        report.checked += 1
    else:
        if judgment_hash != judgment_events[-1].after_hash:
            report.problems.append(_problem(case, "研判记录（清单、评分、回避、认定结论）"))
        report.checked += 1

    # The case's own conclusion and date agree with its decision record (decide writes both; an
    # UPDATE of one alone would otherwise hide behind the decision event's mask below).
    decision = judgment.get("decision")
    decided_on = case.decided_on.isoformat() if case.decided_on else None
    conclusion = case.conclusion.value if case.conclusion else None
    if (decision is None and (conclusion is not None or decided_on is not None)) or (
        decision is not None and (decision["conclusion"], decision["decided_on"]) != (conclusion, decided_on)
    ):
        report.problems.append(_problem(case, "认定结论或认定日期（与认定记录不一致）"))

    # The case itself (unless the import above covered it).
    if latest_c and not (last_import is not None and latest_c == last_import.id):
        later = [e for e in judgment_events if e.id > latest_c]
        expected = (
            bulk_entry[1]
            if bulk_entry is not None and latest_c == bulk_id
            else next(e.after_hash for e in case_events if e.id == latest_c)
        )
        short = bulk_entry is not None and latest_c == bulk_id
        verdict = _case_matches(case, expected, short, later, rulebooks)
        if verdict is None:
            report.unchecked += 1
        else:
            report.checked += 1
            if not verdict:
                report.problems.append(_problem(case, "案件信息"))
    elif latest_c == 0:
        report.unchecked += 1  # a case with no event at all: written before the chain existed

    # The committee.
    if seatings and (last_import is None or seatings[-1].id > last_import.id):
        report.checked += 1
        if state_digest({"members": committee}) != seatings[-1].after_hash:
            report.problems.append(_problem(case, "委员名单"))
    elif last_import is None:
        report.checked += 1
        if committee:
            report.problems.append(_problem(case, "委员名单"))
    else:
        report.unchecked += 1  # an import may seat members without a members_assign event


def _case_matches(
    case: Case, expected: str, short: bool, later: list[_Event], rulebooks: Callable[[], list[str]]
) -> bool | None:
    """Does the case hash to `expected` with the values it had before the later judgment events?
    None when it does not and those values cannot be known (then it is not counted as a problem)."""

    def digest(value: Case) -> str:
        full = state_digest(value)
        return _short(full) if short else full

    if digest(case) == expected:
        return True
    decisions = [e for e in later if e.action == "decision"]
    conclusion_then: list[tuple[Any, Any]] = [(case.conclusion, case.decided_on)]
    if decisions:
        conclusion_then = [_before_decision(decisions[0])]
    rulebooks_then = rulebooks() if any(e.checklist for e in later) else [case.rulebook]
    for conclusion, decided_on in conclusion_then:
        for rulebook in rulebooks_then:
            try:
                then = dataclasses.replace(
                    case,
                    conclusion=Conclusion.from_code_or_label(conclusion)
                    if isinstance(conclusion, str)
                    else conclusion,
                    decided_on=_date(decided_on),
                    rulebook=rulebook,
                )
            except ValueError:
                return None
            if digest(then) == expected:
                return True
    return False


def _before_decision(event: _Event) -> tuple[Any, Any]:
    """The case's conclusion and decided_on just before a decision: none, or the one it replaced."""
    try:
        replaced = json.loads(event.detail).get("replaces") if event.detail else None
    except (ValueError, AttributeError):
        replaced = None
    if not isinstance(replaced, dict):
        return None, None
    return replaced.get("conclusion"), replaced.get("decided_on")


def _date(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value
