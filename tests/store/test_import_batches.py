"""The import of many cases in batches (issue 15): what it writes is what one case at a time wrote.

Several batches of cases with checklists, scored and recused members (some linked to 委员 accounts
here), decisions and cases without any, into a real SQLCipher store. Then `audit verify` (the full
walk of the chain and every case against its latest events) finds nothing, and each IMPORT event's
after hash is the digest of the case as read back now. A cancel in a later batch and a bad record
deep in the file leave the store as it was, and the bad record is named by its field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from pathlib import Path

import pytest
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_collection import dumps_collection
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    DecisionRecord,
    ExclusionStatus,
    Member,
    MemberRole,
    Score,
)
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.store.audit_chain import state_digest
from rongcuo_desktop.store.audit_state import current_states
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.transfer import IMPORT_BATCH, ImportRefused, TransferCancelled

PIN = "123486"
COUNT = IMPORT_BATCH * 2 + 37  # three batches, the last one short


def case_file(n: int) -> CaseFile:
    """Every third case decided; members vary: linked (张委员), by name, recused, non-fixed."""
    case = Case(
        doc_no=f"容错〔2025〕{n}号",
        party_name=f"当事人{n}",
        party_unit="某区行政审批局",
        party_position="科长",
        work_field=("行政审批", "安全生产", "")[n % 3],
        applied_on=dt.date(2024, 1 + n % 12, 1 + n % 28),
        facts=f"第 {n} 件的事实\n第二行",
        rulebook="fuzhou-2019@1" if n % 4 else "",
    )
    checklist = Checklist()
    members: tuple[Member, ...] = ()
    decision = None
    if n % 4:
        checklist = Checklist(
            ("s8-2",) if n % 2 else (),
            {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
            {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
        )
        members = (
            Member(id="m1", name="张委员", scores={d: Score(4, f"理由{n}") for d in DIMENSIONS}),
            Member(
                id="m2",
                name=f"专家{n % 5}",
                role=MemberRole.NON_FIXED,
                scores={d: Score(3 + n % 3, "") for d in DIMENSIONS},
            ),
            Member(id="m3", name="赵委员", recused=True, recusal_reason="与当事人同一科室"),
        )
    if n % 3 == 0 and n % 4:
        case = dataclasses.replace(case, conclusion=Conclusion.EXEMPT, decided_on=dt.date(2025, 6, 1))
        decision = DecisionRecord("王主任", dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC), "fuzhou-2019@1")
    return CaseFile(case, checklist, members, "会议认定" if decision else "", decision)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.create(tmp_path / "store", secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, PIN)
    for name in ("张委员", "赵委员"):
        store.accounts.add(name, Role.MEMBER, PIN, by=chair_of(store))
    yield store
    store.close()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "cases.json"
    exported_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    path.write_text(dumps_collection([case_file(n) for n in range(1, COUNT + 1)], exported_at), "utf-8")
    return path


def chair_of(store: Store) -> Credential:
    return store.authenticate("王主任", PIN)


def counts(store: Store) -> tuple[int, int, int]:
    with store.read_session() as session:
        return tuple(  # type: ignore[return-value]
            int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("cases", "judgment_members", "audit_events")
        )


def test_a_batched_import_verifies_and_hashes_each_case_as_stored(store: Store, source: Path) -> None:
    """Given three batches of cases, when they are imported with progress, then every case is there
    with its members, seats and decision, `audit verify` finds no problem and checked every case, and
    each case's IMPORT event hashes the case and its judgment record exactly as they read back."""
    chair = chair_of(store)
    progress: list[tuple[int, int]] = []
    report = store.transfer.import_file(
        source, progress=lambda done, total: progress.append((done, total)), by=chair
    )
    assert len(report.imported) == COUNT and len(report.case_ids) == COUNT
    assert progress == [(IMPORT_BATCH, COUNT), (IMPORT_BATCH * 2, COUNT), (COUNT, COUNT)]
    verified = store.audit_verify(by=chair)
    assert verified.ok, verified.summary()
    assert verified.states_checked is not None and verified.states_checked >= COUNT
    with store.read_session() as session:
        events = dict(
            session.execute(
                text(
                    "SELECT case_id, after_hash FROM audit_events"
                    " WHERE action = 'import' AND case_id IS NOT NULL"
                )
            ).all()
        )
        states = current_states(session, list(report.case_ids))
        decisions = session.execute(text("SELECT count(*) FROM case_decisions")).scalar_one()
        seats = session.execute(text("SELECT count(*) FROM case_members")).scalar_one()
    assert len(events) == COUNT
    for case_id, (case, judgment, _committee) in states.items():
        assert events[case_id] == state_digest({"case": dataclasses.asdict(case), "judgment": judgment})
    decided = sum(1 for n in range(1, COUNT + 1) if n % 3 == 0 and n % 4)
    assert decisions == decided
    assert seats == 2 * sum(1 for n in range(1, COUNT + 1) if n % 4)  # 张委员 and 赵委员 (recused) seated
    # A linked member's scores and a recusal, read through the store's own reader.
    third = store.cases.id_for_doc_no("容错〔2025〕3号")
    assert third is not None
    record = store.judgments.record(third, by=chair)
    by_name = {m.name: m for m in record.members}
    assert by_name["张委员"].account_id is not None and by_name["张委员"].scores["motive"].level == 4
    assert by_name["赵委员"].recused and by_name["专家3"].account_id is None
    assert (
        record.decision is not None and record.decision.imported and record.decision.recorded_by == "王主任"
    )
    assert store.cases.get(third, by=chair).facts == "第 3 件的事实\n第二行"


def test_cancel_in_a_later_batch_leaves_nothing(store: Store, source: Path) -> None:
    """Given an import under way, when 取消 is asked after the first batch was written, then the
    import stops with TransferCancelled and the store has no case, member or event more than before."""
    chair = chair_of(store)  # signing in is audited: before counting
    before = counts(store)
    progress: list[int] = []
    with pytest.raises(TransferCancelled):
        store.transfer.import_file(
            source,
            progress=lambda done, _total: progress.append(done),
            cancelled=lambda: bool(progress),
            by=chair,
        )
    assert progress == [IMPORT_BATCH]
    assert counts(store) == before
    assert store.audit_verify(by=chair).ok


def test_a_bad_record_deep_in_the_file_is_named_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    """Given a file whose 900th case has a right-to-left override in the party's name, when it is
    imported, then the whole file is refused naming cases[899].case.party_name, and nothing is written."""
    files = [case_file(n) for n in range(1, COUNT + 1)]
    files[899] = dataclasses.replace(
        files[899], case=dataclasses.replace(files[899].case, party_name="谢\u202e某某")
    )
    path = tmp_path / "bad.json"
    path.write_text(dumps_collection(files, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)), "utf-8")
    chair = chair_of(store)
    before = counts(store)
    with pytest.raises(ImportRefused) as refused:
        store.transfer.import_file(path, by=chair)
    paths = [issue.path for issue in refused.value.issues]
    assert paths == ["cases[899].case.party_name"]
    assert "不可见的格式字符" in str(refused.value)
    assert counts(store) == before
