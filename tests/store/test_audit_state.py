"""Edits outside the app are anomalies: each case's rows hash to its latest audit event (issue 11,
item 5, the verifier half).

A direct SQL UPDATE of a case's conclusion (with the database key, in the sqlcipher shell) passed
`rongcuo audit verify`, because the chain proves only that the events were not edited. Now the
verifier and the check at open hash the current judgment rows (checklist, scores, recusals, decision),
the conclusion, the committee and the case itself and compare them with the latest events that wrote
them (store/audit_state.py). Every kind of edit below is made on a real SQLCipher file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.roles import AccountInfo, Role
from rongcuo_desktop.store.audit_state import verify_states
from rongcuo_desktop.store.backup import connect_raw
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "审计状态测试口令 horse battery"
CHAIR, SECRETARY = "王主任", "李秘书"
MEMBERS = ["张委员", "赵委员", "钱委员"]
DIMENSIONS = ("motive", "conditions", "procedure", "nature", "impact")


def hearing(store: Store, case_id: int, conclusion: Conclusion, people: dict[str, AccountInfo]) -> None:
    acting = store.key_holder(people[SECRETARY].name)
    store.accounts.set_members(case_id, MEMBERS, by=acting)
    store.judgments.set_checklist(
        case_id,
        Checklist(
            ("s8-2",),
            {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
            {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
        ),
        rulebook="fuzhou-2019",
        by=acting,
    )
    for n, name in enumerate(MEMBERS):
        acting = store.key_holder(people[name].name)
        if n == 2:
            store.judgments.recuse(case_id, "与当事人系同一科室", by=acting)
        else:
            store.judgments.score(case_id, {d: Score(4, "出于公心") for d in DIMENSIONS}, by=acting)
    acting = store.key_holder(people[CHAIR].name)
    store.judgments.decide(case_id, conclusion, note="经会议研究认定", by=acting)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A store used as the app uses it: demo cases added in bulk (some with conclusions), cases
    registered one by one, a full hearing with a decision and a correction, a case edited after its
    decision, a checklist that set the rulebook, and a case imported from an export file."""
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(folder, key) as store:
        store.accounts.add(CHAIR, Role.CHAIR, "135790", by=store.setup_credential())
        acting = store.authenticate(CHAIR, "135790")
        store.accounts.add(SECRETARY, Role.SECRETARY, "246802", by=acting)
        for name in MEMBERS:
            store.accounts.add(name, Role.MEMBER, "357913", by=acting)
        people = {a.name: a for a in store.accounts.list_all()}
        store.add_demo_cases(by=acting)
        ids = [
            store.cases.add(
                Case(
                    doc_no=f"容错〔2026〕{n}号",
                    party_name=f"谢某{n}",
                    party_unit="某区行政审批局",
                    party_position="科长",
                    applied_on=dt.date(2026, 3, 1),
                ),
                by=acting,
            )
            for n in range(101, 105)
        ]
        hearing(store, ids[0], Conclusion.EXEMPT, people)
        acting = store.key_holder(people[CHAIR].name)
        store.judgments.decide(ids[0], Conclusion.LENIENT, note="复议后更正", by=acting)
        edited = store.cases.get(ids[0], by=acting)
        edited.facts = "决定后补充的事实"
        store.cases.update(edited, by=acting)
        hearing(store, ids[1], Conclusion.NOT_TOLERATED, people)
        acting = store.key_holder(people[SECRETARY].name)
        store.accounts.set_members(ids[2], MEMBERS[:2], by=acting)
        exported = folder.parent / "export.json"
        acting = store.key_holder(people[CHAIR].name)
        store.transfer.export(exported, [ids[1]], by=acting)
        other = folder.parent / "other"
        other_key = KeyManager(other, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(other, other_key) as second:
        second.accounts.add(CHAIR, Role.CHAIR, "135790", by=second.setup_credential())
        second_acting = second.authenticate(CHAIR, "135790")
        second.transfer.import_file(exported, by=second_acting)
    shutil.copytree(other, folder.parent / "imported")
    return folder, key


def open_as_chair(folder: Path, key: bytes) -> Store:
    """The store opened by the key's holder (who acts as its first 主任: `store.key_holder()`)."""
    return Store.open(folder, key)


def test_a_store_used_through_the_app_has_no_state_anomaly(template: tuple[Path, bytes]) -> None:
    """No false alarm: every case written through the app (bulk demo cases, a hearing, a correction,
    an edit after the decision, a committee, an import) hashes to its latest events."""
    folder, key = template
    for where in (folder, folder.parent / "imported"):
        other_key = key if where == folder else KeyManager(where).unlock_with_passphrase(PASSPHRASE)
        with open_as_chair(where, other_key) as store:
            assert store.audit_problems == [], [p.message for p in store.audit_problems]
            report = store.audit_verify(by=store.key_holder())
            assert report.ok, report.summary()
            with store.read_session() as session:
                states = verify_states(session)
            assert states.problems == []
            assert states.checked >= 2 * states.cases, states


def case_id_of(folder: Path, key: bytes, doc_no: str) -> int:
    with open_as_chair(folder, key) as store:
        found = store.cases.id_for_doc_no(doc_no)
        assert found is not None
        return found


EDITS: dict[str, Callable[[int], list[str]]] = {
    "conclusion": lambda c: [f"UPDATE cases SET conclusion = 'exempt' WHERE id = {c}"],
    "conclusion and decision row": lambda c: [
        f"UPDATE cases SET conclusion = 'exempt' WHERE id = {c}",
        f"UPDATE case_decisions SET conclusion = 'exempt' WHERE case_id = {c}",
    ],
    "decided_on": lambda c: [f"UPDATE cases SET decided_on = '2026-01-02' WHERE id = {c}"],
    "a score": lambda c: [
        "UPDATE judgment_scores SET level = 1 WHERE member_id ="
        f" (SELECT min(id) FROM judgment_members WHERE case_id = {c})"
    ],
    "a recusal": lambda c: [f"UPDATE judgment_members SET recused = 0 WHERE case_id = {c}"],
    "a checklist line": lambda c: [
        f"UPDATE case_checklist_items SET status = 'not_met' WHERE case_id = {c} AND rule_id = 'c1'"
    ],
    "the committee": lambda c: [f"DELETE FROM case_members WHERE case_id = {c}"],
    "the party's name": lambda c: [f"UPDATE cases SET party_name = '林某某' WHERE id = {c}"],
}


@pytest.mark.parametrize("what", list(EDITS))
def test_a_direct_sql_edit_is_reported_at_open_and_by_verify(
    what: str, data_dir: Path, template: tuple[Path, bytes]
) -> None:
    """Given a decided case, when one of its rows is changed with plain SQL and the database key
    (no audit event), then the open finds it (the store is read-only until the 主任 confirms) and
    `audit verify` names the case; nothing else is reported."""
    shutil.copytree(template[0], data_dir)
    key = template[1]
    case_id = case_id_of(data_dir, key, "容错〔2026〕102号")
    conn = connect_raw(data_dir / "rongcuo.db", key)
    with conn:
        for sql in EDITS[what](case_id):
            assert conn.execute(sql).rowcount >= 1, sql
    conn.close()
    with open_as_chair(data_dir, key) as store:
        found = [p for p in store.audit_problems if p.kind.value == "state"]
        assert found and all(p.seq == case_id for p in found), [p.message for p in store.audit_problems]
        assert "容错〔2026〕102号" in found[0].message and "程序之外" in found[0].message
        assert store.read_only_reason is not None
        report = store.audit_verify(by=store.key_holder())
        assert not report.ok and any("容错〔2026〕102号" in p.message for p in report.problems)


def test_an_edit_of_a_bulk_added_demo_case_is_reported(data_dir: Path, template: tuple[Path, bytes]) -> None:
    """The demo cases come in bulk (one event for all): its detail carries each case's digests, so
    changing a demo case's conclusion is found too."""
    shutil.copytree(template[0], data_dir)
    key = template[1]
    conn = connect_raw(data_dir / "rongcuo.db", key)
    with conn:
        row = conn.execute(
            "SELECT id, doc_no FROM cases WHERE conclusion = 'exempt' ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute("UPDATE cases SET conclusion = 'not_tolerated' WHERE id = ?", (row[0],))
        conn.execute("UPDATE case_decisions SET conclusion = 'not_tolerated' WHERE case_id = ?", (row[0],))
    conn.close()
    with open_as_chair(data_dir, key) as store:
        report = store.audit_verify(by=store.key_holder())
        assert any(row[1] in p.message for p in report.problems), report.summary()


def test_a_case_inserted_with_sql_is_reported(data_dir: Path, template: tuple[Path, bytes]) -> None:
    """A case row added with plain SQL (no event wrote it) in a store whose cases all came through the
    app is an anomaly; the same in a store upgraded from a version before the chain is not checkable
    (tests/store/test_judgments.py opens such a store)."""
    shutil.copytree(template[0], data_dir)
    key = template[1]
    conn = connect_raw(data_dir / "rongcuo.db", key)
    with conn:
        conn.execute(
            "INSERT INTO cases (doc_no, doc_no_key, party_name, party_unit, party_position, case_type,"
            " applicant_type, work_field, stage, stage_rank, applied_on, rulebook, created_at, updated_at)"
            " SELECT '容错〔2026〕999号', '容错〔2026〕999号', party_name, party_unit, party_position,"
            " case_type, applicant_type, work_field, stage, stage_rank, applied_on, rulebook, created_at,"
            " updated_at"
            " FROM cases WHERE id = (SELECT min(id) FROM cases)"
        )
    conn.close()
    with open_as_chair(data_dir, key) as store:
        report = store.audit_verify(by=store.key_holder())
        assert any(
            "容错〔2026〕999号" in p.message and "没有任何审计事件" in p.message for p in report.problems
        )
