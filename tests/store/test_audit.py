"""The audit trail on real SQLCipher files: recorded with every change, tampering and rollback found.

Tampering is done the way an insider with the key would do it: a raw SQLCipher connection that
edits, deletes or swaps rows of audit_events while the app is closed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy
import sqlcipher3

from rongcuo_desktop.domain.case import Case, Conclusion, Stage
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.audit_chain import ProblemKind
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.guard import StoreReadOnly
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.store.repository import DuplicateDocNo
from tests.key_files import rewrite_key_file

PASSPHRASE = "审计测试口令 2026 abc"


def sample_case(n: int) -> Case:
    return Case(
        doc_no=f"容错〔2026〕{n}号",
        party_name="谢某某",
        party_unit="某区行政审批局",
        party_position="科长",
        accountability_matter="审批超时",
    )


@pytest.fixture
def key(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    # The recovery KDF's strength is not under test here: 8 MiB instead of 128 keeps setup quick.
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_MEMORY_KIB", 8 * 1024)
    return KeyManager(data_dir, kdf_target_seconds=0.05).create(
        PASSPHRASE, require_passphrase_each_start=True
    )


@pytest.fixture
def store(data_dir: Path, key: bytes) -> Iterator[Store]:
    opened = Store.create(data_dir, key)
    opened.accounts.add("王主任", Role.CHAIR, "111186")
    yield opened
    opened.close()


@pytest.fixture
def chair(store: Store) -> Credential:
    """Who acts in the tests below unless they say otherwise: 王主任, by the PIN."""
    return store.authenticate("王主任", "111186")


def raw(data_dir: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db_path(data_dir)), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def fill(store: Store, count: int = 3, *, by: Credential) -> int:
    """Add cases and move the first one along; returns its id."""
    first = store.cases.add(sample_case(1), by=by)
    for n in range(2, count + 1):
        store.cases.add(sample_case(n), by=by)
    store.casework.move(first, Stage.ACCEPTED, rulebook="fuzhou-2019", by=by)
    store.judgments.decide(first, Conclusion.NOT_TOLERATED, note="经会议研究不予容错", by=by)
    return first


def test_every_change_is_recorded_with_person_and_hashes(store: Store, chair: Credential) -> None:
    """Given a logged-in chair, when a case is created, moved and decided, then the timeline says so."""
    case_id = fill(store, by=chair)
    entries = store.audit_timeline(case_id, by=chair)
    labels = ["登记案件", "记录办理事项", "推进案件阶段", "记录认定结论", "推进案件阶段"]
    assert [e.action_label for e in entries] == labels  # the decision moves the stage on (issue 12)
    assert all(e.actor_name == "王主任" and e.actor_role_label == "主任" for e in entries)
    assert "受理" in entries[1].summary and "受理" in entries[2].summary and "不予容错" in entries[3].summary
    report = store.audit_verify(by=chair)
    assert report.ok, report.summary()
    with store.read_session() as session:
        rows = session.execute(
            sqlalchemy.text(
                "SELECT before_hash, after_hash FROM audit_events WHERE case_id = :c ORDER BY id"
            ),
            {"c": case_id},
        ).all()
    assert rows[0][0] == "" and len(rows[0][1]) == 64  # create: nothing before
    assert rows[2][0] == rows[0][1]  # the case before the move is the case after its creation
    # The decision (store.judgments.decide) hashes the case's judgment record, conclusion included.
    from rongcuo_desktop.store.audit_chain import state_digest
    from rongcuo_desktop.store.judgments import load_record, snapshot
    from rongcuo_desktop.store.models import CaseRecord

    with store.read_session() as session:
        record = load_record(session, session.get_one(CaseRecord, case_id))
    assert rows[3][1] == state_digest(snapshot(record)) != rows[3][0]


def test_a_failed_write_leaves_no_event(store: Store, chair: Credential) -> None:
    """Given a case, when a duplicate 文号 is refused, then no audit event was added (same transaction)."""
    store.cases.add(sample_case(1), by=chair)
    before = store.audit_verify(by=chair).length
    with pytest.raises(DuplicateDocNo):
        store.cases.add(sample_case(1), by=chair)
    assert store.audit_verify(by=chair).length == before


@pytest.mark.parametrize(
    ("tamper", "kind", "seq"),
    [
        ("UPDATE audit_events SET summary = '改过' WHERE seq = 4", ProblemKind.EDITED, 4),
        ("DELETE FROM audit_events WHERE seq = 4", ProblemKind.DELETED, 4),
        (
            "UPDATE audit_events SET id = CASE id WHEN 4 THEN 5 ELSE 4 END WHERE id IN (4, 5)",
            ProblemKind.REORDERED,
            4,
        ),
        (
            "INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, case_id, summary,"
            " detail, before_hash, after_hash, prev_hash, hash) SELECT seq, at, actor_id, actor_name,"
            " actor_role, action, case_id, '伪造', detail, before_hash, after_hash, prev_hash, hash"
            " FROM audit_events WHERE seq = 3",
            ProblemKind.INSERTED,
            3,
        ),
    ],
    ids=["edited", "deleted", "reordered", "inserted"],
)
def test_tampering_is_named_by_verify(
    store: Store, data_dir: Path, key: bytes, tamper: str, kind: ProblemKind, seq: int, chair: Credential
) -> None:
    fill(store, 4, by=chair)
    store.close()
    conn = raw(data_dir, key)
    if kind is ProblemKind.REORDERED:  # swap two rows' places through a free id
        conn.execute("UPDATE audit_events SET id = 1000 WHERE id = 4")
        conn.execute("UPDATE audit_events SET id = 4 WHERE id = 5")
        conn.execute("UPDATE audit_events SET id = 5 WHERE id = 1000")
    else:
        conn.execute(tamper)
    conn.close()
    reopened = Store.open(data_dir, key)
    try:
        reopened_acting = reopened.authenticate("王主任", "111186")
        report = reopened.audit_verify(by=reopened_acting)
        assert (kind, seq) in [(p.kind, p.seq) for p in report.problems], report.summary()
        assert f"第 {seq} 条" in report.summary()
    finally:
        reopened.close()


def test_edit_found_at_open_makes_store_read_only_until_chair_acknowledges(
    store: Store, data_dir: Path, key: bytes, chair: Credential
) -> None:
    """Given an event edited after the last open, when the app opens, then it warns and is read-only."""
    case_id = fill(store, by=chair)
    store.accounts.add("李秘书", Role.SECRETARY, "222286", by=chair)
    store.close()
    conn = raw(data_dir, key)
    last = conn.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    conn.execute("UPDATE audit_events SET summary = '结论：予以容错免责' WHERE seq = ?", (last,))
    conn.close()

    reopened = Store.open(data_dir, key)
    try:
        assert reopened.read_only_reason is not None and "只读" in reopened.read_only_reason
        assert [p.kind for p in reopened.audit_problems] == [ProblemKind.LINK] or ProblemKind.EDITED in [
            p.kind for p in reopened.audit_problems
        ]
        assert any(f"第 {last} 条" in p.message for p in reopened.audit_problems)
        reopened_acting = reopened.authenticate("李秘书", "222286")
        assert reopened.cases.get(case_id, by=reopened_acting).doc_no  # reading still works
        with pytest.raises(StoreReadOnly, match="只读"):
            reopened.cases.add(sample_case(9), by=reopened_acting)
        with pytest.raises(PermissionDenied, match="秘书无权确认审计异常"):
            reopened.acknowledge_audit_problems(by=reopened_acting)
        reopened_acting = reopened.authenticate("王主任", "111186")
        reopened.acknowledge_audit_problems(by=reopened_acting)
        assert reopened.read_only_reason is None
        reopened.cases.add(sample_case(9), by=reopened_acting)
        report = reopened.audit_verify(by=reopened_acting)
        assert report.ok and report.acknowledged, report.summary()
    finally:
        reopened.close()
    again = Store.open(data_dir, key)  # acknowledged once: the next open is not read-only
    try:
        assert again.read_only_reason is None
    finally:
        again.close()


def test_rollback_to_an_older_copy_is_detected(
    store: Store, data_dir: Path, key: bytes, tmp_path: Path, chair: Credential
) -> None:
    """Given a copy of the database put aside, when more changes are made and the old copy is put back,
    then the next open reports a chain shorter than its anchor (a decision would silently revert)."""
    case_id = fill(store, by=chair)
    store.close()
    aside = tmp_path / "aside.db"
    shutil.copy2(db_path(data_dir), aside)  # closed and checkpointed: one file holds it all

    reopened = Store.open(data_dir, key)
    reopened_acting = reopened.authenticate("王主任", "111186")
    reopened.judgments.decide(case_id, Conclusion.EXEMPT, note="复议后更正", by=reopened_acting)
    reopened.close()

    shutil.copy2(aside, db_path(data_dir))
    rolled = Store.open(data_dir, key)
    try:
        kinds = [p.kind for p in rolled.audit_problems]
        assert ProblemKind.ROLLBACK in kinds, rolled.audit_problems
        assert rolled.read_only_reason is not None
        assert "回滚" in "".join(p.message for p in rolled.audit_problems)
    finally:
        rolled.close()


def test_rollback_stays_reported_until_acknowledged(
    store: Store, data_dir: Path, key: bytes, tmp_path: Path, chair: Credential
) -> None:
    """Given a rolled-back store, when people log in and out (events appended while read-only),
    then the anchor does not move and the next open still reports it."""
    fill(store, by=chair)
    store.close()
    aside = tmp_path / "aside.db"
    shutil.copy2(db_path(data_dir), aside)
    first = Store.open(data_dir, key)
    first_acting = first.authenticate("王主任", "111186")
    first.cases.add(sample_case(7), by=first_acting)
    first.close()
    shutil.copy2(aside, db_path(data_dir))
    for _ in range(3):
        rolled = Store.open(data_dir, key)
        try:
            kinds = {p.kind for p in rolled.audit_problems}
            assert kinds & {ProblemKind.ROLLBACK, ProblemKind.HEAD_MISMATCH}, kinds
            rolled.authenticate("王主任", "111186")  # recorded, but the anchor stays where it was
        finally:
            rolled.close()


def test_altered_anchor_in_key_file_is_reported(
    store: Store, data_dir: Path, key: bytes, chair: Credential
) -> None:
    """Given someone lowers the anchor in the key file and even fixes the file's plain checksum,
    when the store opens, then the anchor's HMAC (keyed from the database key) gives it away."""
    fill(store, by=chair)
    store.close()
    rewrite_key_file(data_dir, audit_anchor__length=1)
    KeyManager(data_dir).check_key_file()  # the key file itself still reads
    reopened = Store.open(data_dir, key)
    try:
        assert [p.kind for p in reopened.audit_problems] == [ProblemKind.ANCHOR]
        assert reopened.read_only_reason is not None
    finally:
        reopened.close()
