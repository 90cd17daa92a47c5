"""Backup, restore, the integrity check, attachments and export through services, each with the
person who acts and the role table below it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, attachments, backup, cases, transfer, unlock
from rongcuo_desktop.services.errors import (
    AttachmentError,
    BackupDamaged,
    NotAuthenticated,
    PermissionDenied,
    WrongPassphrase,
)
from tests.services.conftest import PASSPHRASE, PINS, Committee, sample_case


def case_count(committee: Committee) -> int:
    return cases.CaseList(committee.ws, committee.chair).count()


def test_backup_follows_the_role_table(committee: Committee, tmp_path: Path) -> None:
    ws = committee.ws
    stick = tmp_path / "stick"
    with pytest.raises(PermissionDenied, match="委员无权备份"):
        backup.backup(ws, committee.zhang, stick)
    assert not stick.exists()
    written = backup.backup(ws, committee.secretary, stick)
    assert [m.path for m in backup.backups(stick)] == [written]
    assert backup.read_backup(written).verified
    assert not backup.check_integrity(ws).damaged


def test_the_chair_restores_in_the_app_and_carries_on(committee: Committee, tmp_path: Path) -> None:
    """Given a backup and a case and an account added after it, when the 主任 restores in the app, then
    the later case is gone, the same Workspace holds the restored store, the people it knows carry on
    (the later account does not), and the restored trail says who restored."""
    ws = committee.ws
    written = backup.backup(ws, committee.chair, tmp_path / "stick")
    cases.add(ws, committee.secretary, sample_case(7))
    accounts.add(ws, committee.chair, "钱委员", Role.MEMBER, "975312")  # unknown to the backup
    newcomer = accounts.sign_in(ws, "钱委员", "975312")
    assert case_count(committee) == 3
    with pytest.raises(PermissionDenied, match="秘书无权恢复"):
        backup.restore_in_app(ws, committee.secretary, written, PASSPHRASE)
    store_before = ws.store
    with pytest.raises(WrongPassphrase, match="这个备份的恢复口令不正确"):
        backup.restore_in_app(ws, committee.chair, written, "not the passphrase")
    assert ws.store is store_before and ws.is_open  # refused before anything closed
    result = backup.restore_in_app(ws, committee.chair, written, PASSPHRASE)
    assert ws.store is not store_before and ws.is_open
    assert case_count(committee) == 2
    last = ws.store.audit_log(by=committee.chair)[-1]
    assert (last.actor_name, last.action) == ("王主任", "restore") and result.summary == last.summary
    assert cases.CaseList(ws, committee.zhang).count() == 1  # known to the restored store: carries on
    with pytest.raises(NotAuthenticated):  # an account the restored store never had cannot act there
        cases.CaseList(ws, newcomer).count()


def test_a_damaged_backup_leaves_the_current_store_in_place(committee: Committee, tmp_path: Path) -> None:
    ws = committee.ws
    written = backup.backup(ws, committee.chair, tmp_path / "stick")
    data = bytearray(written.read_bytes())
    data[5000] ^= 0xFF
    written.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged):
        backup.restore_in_app(ws, committee.chair, written, PASSPHRASE)
    assert ws.is_open and case_count(committee) == 2


def test_restore_from_the_command_line_asks_who_acts(committee: Committee, tmp_path: Path) -> None:
    """#11 item 4: a 委员 or a 秘书 restoring is refused before anything is replaced; the 主任's restore
    is recorded as theirs in the restored store."""
    ws, data_dir = committee.ws, committee.ws.data_dir
    written = backup.backup(ws, committee.chair, tmp_path / "stick")
    cases.add(ws, committee.secretary, sample_case(7))
    ws.close()
    for name in ("张委员", "李秘书"):
        with pytest.raises(PermissionDenied, match="无权恢复"):
            backup.restore_file(
                data_dir,
                written,
                PASSPHRASE,
                lambda opened, who=name: accounts.sign_in(opened, who, PINS[who]),
            )
        assert not list((data_dir / "backups").glob("kept-before-restore-*"))  # nothing was replaced
    done = backup.restore_file(
        data_dir, written, PASSPHRASE, lambda opened: accounts.sign_in(opened, "王主任", PINS["王主任"])
    )
    assert done.note == "" and done.result.kept_dir is not None
    reopened = unlock.unlock_and_open(data_dir, lambda: PASSPHRASE)
    try:
        chair = accounts.key_holder(reopened)
        assert cases.CaseList(reopened, chair).count() == 2
        last = reopened.store.audit_log(by=chair)[-1]
        assert (last.actor_name, last.action) == ("王主任", "restore")
    finally:
        reopened.close()


def test_attachments_by_role_and_committee(committee: Committee, tmp_path: Path) -> None:
    ws = committee.ws
    first, second = committee.case_ids
    evidence = tmp_path / "证据.txt"
    evidence.write_text("会议纪要", encoding="utf-8")
    with pytest.raises(PermissionDenied, match="委员无权添加附件"):
        attachments.add_file(ws, committee.zhang, first, evidence)
    added = attachments.add_file(ws, committee.secretary, first, evidence)
    assert [a.id for a in attachments.list_for_case(ws, committee.zhang, first)] == [added.id]
    assert attachments.read(ws, committee.zhang, added.id) == "会议纪要".encode()
    with pytest.raises(PermissionDenied, match="不是该案件的委员"):
        attachments.read(ws, committee.zhao, added.id)
    with pytest.raises(AttachmentError, match="不属于这件案件"):
        attachments.export(ws, committee.secretary, added.id, tmp_path, case_id=second)
    copy = attachments.export(ws, committee.secretary, added.id, tmp_path)
    assert copy.read_text(encoding="utf-8") == "会议纪要"
    opened = [
        line.summary for line in ws.store.audit_log(by=committee.chair) if line.action == "attachment_open"
    ]
    assert opened == ["打开附件“证据.txt”", "导出附件“证据.txt”（明文副本）"]


def test_export_is_refused_to_a_member_before_anything_is_written(
    committee: Committee, tmp_path: Path
) -> None:
    ws = committee.ws
    out = tmp_path / "out.json"
    with pytest.raises(PermissionDenied, match="委员无权导出"):
        transfer.check_may_export(ws, committee.zhang)
    with pytest.raises(PermissionDenied):
        transfer.export(ws, committee.zhang, out)
    assert not out.exists()
    report = transfer.export(ws, committee.secretary, out)
    assert report.count == 2 and out.is_file()
    plan = transfer.preview_import(ws, committee.chair, out, skip_existing=True)
    assert sorted(plan.existing) == ["容错〔2026〕1号", "容错〔2026〕2号"]
