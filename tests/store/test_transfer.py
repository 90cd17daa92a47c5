"""Export and import of cases with their judgment records, between two real SQLCipher stores.

Export writes the documented case JSON (one case) or a collection (several); import checks the whole
file first and is all or nothing. Both are audited; the chain verifies afterwards.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_collection import dumps_collection, parse_transfer
from rongcuo_desktop.domain.case_file import (
    Checklist,
    ConditionStatus,
    ExclusionStatus,
    Score,
    load_case_file,
)
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.rulebook import DIMENSIONS, find_rulebook
from rongcuo_desktop.paths import rulebooks_dir
from rongcuo_desktop.store import transfer as transfer_module
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.transfer import ImportRefused, TransferCancelled, TransferError
from tests.conftest import REPO_ROOT

MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员"]
PIN = "123486"
EXAMPLES = REPO_ROOT / "docs" / "examples"


def counts(store: Store) -> tuple[int, int]:
    """(cases, audit events): what a refused import must leave as it was."""
    with store.read_session() as session:
        cases = session.execute(text("SELECT count(*) FROM cases")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    return int(cases), int(events)


def new_store(folder: Path, members: list[str]) -> Store:
    store = Store.create(folder, secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, PIN)
    acting = store.authenticate("王主任", PIN)
    store.accounts.add("李秘书", Role.SECRETARY, PIN, by=acting)
    for name in members:
        store.accounts.add(name, Role.MEMBER, PIN, by=acting)
    return store


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Store]:
    """Case 3: checklist, five members scored, one recused, the chair's decision; case 4: nothing yet."""
    store = new_store(tmp_path / "a", MEMBERS)
    store_chair = store.authenticate("王主任", PIN)
    cid = store.cases.add(
        Case(
            doc_no="容错〔2026〕3号",
            party_name="谢某某",
            party_unit="某区行政审批局",
            party_position="副局长",
            facts="容缺审批，事后补齐材料",
            rulebook="fuzhou-2019@1",
        ),
        by=store_chair,
    )
    other = store.cases.add(
        Case(doc_no="容错〔2026〕4号", party_name="刘某某", party_unit="某镇", party_position="镇长"),
        by=store_chair,
    )
    store.accounts.set_members(cid, MEMBERS, by=store_chair)
    store.accounts.set_members(other, MEMBERS[:2], by=store_chair)
    acting = store.authenticate("李秘书", PIN)
    store.judgments.set_checklist(
        cid,
        Checklist(
            ("s8-2",),
            {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
            {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
        ),
        by=acting,
    )
    for n, name in enumerate(MEMBERS[:5]):
        acting = store.authenticate(name, PIN)
        store.judgments.score(cid, {d: Score(4 + n % 2, f"{name}的理由：{d}") for d in DIMENSIONS}, by=acting)
    acting = store.authenticate("周委员", PIN)
    store.judgments.recuse(cid, "与当事人系同一科室", by=acting)
    acting = store.authenticate("王主任", PIN)
    store.judgments.decide(cid, Conclusion.EXEMPT, note="全体会议一致认定", by=acting)
    yield store
    store.close()


@pytest.fixture
def source_chair(source: Store) -> Credential:
    """Who acts on `source` in the tests below unless they say otherwise: 王主任, by the PIN."""
    return source.authenticate("王主任", PIN)


def without_time(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at", None)
    return dict(data)


def test_export_then_import_into_a_second_store_gives_equal_data(
    source: Store, tmp_path: Path, source_chair: Credential
) -> None:
    """Given a store with a decided case and an open one, when all are exported and imported into a
    second store where only 张委员 and 赵委员 have accounts, then exporting there gives the same file,
    the judgment gives the same result, the members are attributed as documented, and both audit
    chains verify with an EXPORT and one IMPORT per case."""
    first = tmp_path / "all.json"
    report = source.transfer.export(first, by=source_chair)
    assert report.count == 2 and report.collection
    target = new_store(tmp_path / "b", MEMBERS[:2])
    target_chair = target.authenticate("王主任", PIN)
    try:
        result = target.transfer.import_file(first, by=target_chair)
        assert result.imported == ("容错〔2026〕3号", "容错〔2026〕4号")
        assert result.linked_members == ("张委员", "赵委员")
        assert result.members_by_name == ("钱委员", "孙委员", "李委员", "周委员")
        second = tmp_path / "again.json"
        target.transfer.export(second, by=target_chair)
        assert without_time(second) == without_time(first)
        a_id = source.cases.id_for_doc_no("容错〔2026〕3号")
        b_id = target.cases.id_for_doc_no("容错〔2026〕3号")
        assert a_id is not None and b_id is not None
        assert (
            target.judgments.judge(b_id, by=target_chair).to_dict()
            == source.judgments.judge(a_id, by=source_chair).to_dict()
        )
        record = target.judgments.record(b_id, by=target_chair)
        by_name = {m.name: m for m in record.members}
        assert by_name["张委员"].account_id is not None and by_name["钱委员"].account_id is None
        assert by_name["周委员"].recused and by_name["周委员"].recusal_reason == "与当事人系同一科室"
        assert record.decision is not None and record.decision.recorded_by == "王主任"
        assert record.decision.note == "全体会议一致认定" and record.decision.imported
        assert {a.name for a in target.accounts.members_of(b_id, by=target_chair)} == {"张委员", "赵委员"}
        # A linked member reads the imported case; a member by name cannot be acted as here.
        target_acting = target.authenticate("张委员", PIN)
        assert target.judgments.record(b_id, by=target_acting).doc_no == "容错〔2026〕3号"
        target_acting = target.authenticate("王主任", PIN)
        for store, chair in ((source, source_chair), (target, target_chair)):
            assert store.audit_verify(by=chair).ok
        with target.read_session() as session:
            imports = session.execute(
                text("SELECT case_id, summary, detail FROM audit_events WHERE action = 'import' ORDER BY id")
            ).all()
        assert [row[0] for row in imports] == [b_id, target.cases.id_for_doc_no("容错〔2026〕4号")]
        assert "其中 4 位按姓名记录" in imports[0][1]
        with source.read_session() as session:
            summary, detail = session.execute(
                text("SELECT summary, detail FROM audit_events WHERE action = 'export'")
            ).one()
        recorded = json.loads(detail)
        assert recorded["count"] == 2 and recorded["file_sha256"] == report.sha256
        assert sorted(recorded["case_ids"]) == sorted([a_id, source.cases.id_for_doc_no("容错〔2026〕4号")])
        assert "谢某某" not in summary + detail and "all.json" not in detail  # no names, no file name
    finally:
        target.close()


def test_one_case_exports_as_a_case_file_that_rongcuo_judge_reads(
    source: Store, tmp_path: Path, source_chair: Credential
) -> None:
    cid = source.cases.id_for_doc_no("容错〔2026〕3号")
    assert cid is not None
    out = tmp_path / "one.json"
    report = source.transfer.export(out, [cid], by=source_chair)
    assert not report.collection
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "rongcuo-case" and data["format_version"] == 2  # it has a decision block
    assert data["decision"]["recorded_by"] == "王主任" and "id" not in data["case"]
    case_file = load_case_file(out)
    assert (
        judge(case_file, find_rulebook("fuzhou-2019@1", rulebooks_dir())).to_dict()
        == source.judgments.judge(cid, by=source_chair).to_dict()
    )
    with pytest.raises(TransferError, match="文件已经存在"):
        source.transfer.export(out, [cid], by=source_chair)
    source.transfer.export(out, [cid], overwrite=True, by=source_chair)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_the_streamed_collection_is_the_documented_json(
    source: Store, tmp_path: Path, source_chair: Credential
) -> None:
    out = tmp_path / "all.json"
    source.transfer.export(out, by=source_chair)
    written = out.read_text(encoding="utf-8")
    transfer = parse_transfer(json.loads(written))
    assert transfer.collection and transfer.exported_at is not None
    assert written == dumps_collection(transfer.cases, transfer.exported_at)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_documented_examples_import_and_export_unchanged(path: Path, tmp_path: Path) -> None:
    """The example case files (members with no accounts here) come back out byte for byte as JSON."""
    store = new_store(tmp_path / "s", [])
    store_chair = store.authenticate("王主任", PIN)
    try:
        result = store.transfer.import_file(path, by=store_chair)
        out = tmp_path / "out.json"
        store.transfer.export(out, list(result.case_ids), by=store_chair)
        assert json.loads(out.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))
    finally:
        store.close()


def write(tmp_path: Path, data: Any, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_refused_imports_name_the_field_and_change_nothing(
    source: Store, tmp_path: Path, source_chair: Credential
) -> None:
    exported = tmp_path / "all.json"
    source.transfer.export(exported, by=source_chair)
    good = json.loads(exported.read_text(encoding="utf-8"))
    target = new_store(tmp_path / "b", [])
    target_chair = target.authenticate("王主任", PIN)
    target.accounts.add(
        "钱委员", Role.SECRETARY, PIN, by=target_chair
    )  # a name that belongs to a secretary here
    target.cases.add(
        Case(doc_no="容错〔2026〕4号", party_name="某", party_unit="某", party_position=""), by=target_chair
    )
    try:
        before = counts(target)
        with pytest.raises(ImportRefused) as caught:
            target.transfer.import_file(exported, by=target_chair)
        message = str(caught.value)
        assert "没有导入，数据库没有任何改动" in message
        assert "cases[0].members[2].name: “钱委员”在本库中是秘书账户" in message
        assert "cases[1].case.doc_no: 文号“容错〔2026〕4号”在本库中已经存在" in message
        assert counts(target) == before
        bad = json.loads(json.dumps(good))
        bad["cases"][1]["case"]["doc_no"] = "容错〔2026〕3号"
        bad["cases"][0]["checklist"]["exclusions"]["x10"] = "confirmed"
        with pytest.raises(ImportRefused) as caught:
            target.transfer.import_file(write(tmp_path, bad), by=target_chair)
        assert "cases[1].case.doc_no: 文号“容错〔2026〕3号”在文件中重复（已见于 cases[0]）" in str(
            caught.value
        )
        assert "cases[0].checklist.exclusions.x10: 规则库 fuzhou-2019@1 中没有编号为 'x10'" in str(
            caught.value
        )
        assert counts(target) == before
        # Skipping the existing 文号 is asked for explicitly; the secretary name still refuses.
        fixed = json.loads(json.dumps(good))
        fixed["cases"][0]["members"][2]["name"] = "钱某（外单位）"
        result = target.transfer.import_file(write(tmp_path, fixed), skip_existing=True, by=target_chair)
        assert result.imported == ("容错〔2026〕3号",) and result.skipped_existing == ("容错〔2026〕4号",)
        assert counts(target) == (before[0] + 1, before[1] + 1)
    finally:
        target.close()


def test_an_uninstalled_rulebook_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "tolerance-fuzhou.json").read_text(encoding="utf-8"))
    data["case"]["rulebook"] = "shenzhen-2030@1"
    store = new_store(tmp_path / "s", [])
    store_chair = store.authenticate("王主任", PIN)
    try:
        plan = store.transfer.preview_import(write(tmp_path, data), by=store_chair)
        assert counts(store)[0] == 0  # a preview writes nothing
        assert any("本机没有安装规则库 'shenzhen-2030@1'" in w for w in plan.warnings)
        result = store.transfer.import_file(write(tmp_path, data), by=store_chair)
        assert result.imported == ("容错〔2026〕3号",) and result.warnings == plan.warnings
    finally:
        store.close()


def test_cancel_leaves_no_file_no_event_and_no_case(
    source: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source_chair: Credential
) -> None:
    monkeypatch.setattr(transfer_module, "EXPORT_CHUNK", 1)
    before = counts(source)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "x.json"
    with pytest.raises(TransferCancelled, match="导出已取消"):
        source.transfer.export(
            out, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: bool(seen), by=source_chair
        )
    assert seen == [(1, 2)] and not out.exists() and list(tmp_path.glob(".*.part")) == []
    assert counts(source) == before
    source.transfer.export(out, by=source_chair)
    target = new_store(tmp_path / "b", [])
    target_chair = target.authenticate("王主任", PIN)
    try:
        before = counts(target)
        asked: list[int] = []

        def cancel_at_second_case() -> bool:
            asked.append(1)
            return len(asked) > 1

        with pytest.raises(TransferCancelled, match="导入已取消"):
            target.transfer.import_file(out, cancelled=cancel_at_second_case, by=target_chair)
        assert len(asked) == 2 and counts(target) == before  # the first case was rolled back too
    finally:
        target.close()


def test_roles_export_and_import(source: Store, tmp_path: Path) -> None:
    source_acting = source.authenticate("张委员", PIN)
    with pytest.raises(PermissionDenied, match="委员无权导出"):
        source.transfer.export(tmp_path / "x.json", by=source_acting)
    with pytest.raises(PermissionDenied, match="委员无权导入"):
        source.transfer.import_file(tmp_path / "x.json", by=source_acting)
    assert not (tmp_path / "x.json").exists()
    source_acting = source.authenticate("李秘书", PIN)
    source.transfer.export(tmp_path / "x.json", by=source_acting)  # the secretary exports
