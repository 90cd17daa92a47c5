"""Attachments: stored encrypted inside the store in chunks, checked, audited, never half-written."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from rongcuo_desktop.cli.main import main as cli_main
from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.accounts import PermissionDenied
from rongcuo_desktop.store.attachments import (
    AttachmentError,
    AttachmentTooLarge,
    AttachmentUnreadable,
    attachments_of,
    store_stream,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "附件测试口令 correct horse"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """One empty store per module (key derivation is slow on purpose); tests copy it while closed."""
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    Store.create(folder, key).close()
    return folder, key


@pytest.fixture
def store(data_dir: Path, template: tuple[Path, bytes]) -> Iterator[Store]:
    shutil.copytree(template[0], data_dir)
    opened = Store.open(data_dir, template[1])
    yield opened
    opened.close()


def add_case(store: Store, doc_no: str = "容错〔2026〕7号") -> int:
    return store.cases.add(
        Case(doc_no=doc_no, party_name="谢某某", party_unit="某区行政审批局", party_position="科长")
    )


def table_count(store: Store, table: str) -> int:
    with store.read_session() as session:
        return int(session.connection().exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


def test_add_read_export_round_trip_with_audit(store: Store, tmp_path: Path) -> None:
    """Given a 2.5 MB file, when it is attached, read and exported, then the bytes and SHA-256 match,
    it is stored as 3 chunks, and the case timeline shows 添加附件 and 打开附件 (twice)."""
    case_id = add_case(store)
    content = os.urandom(2 * 1024 * 1024 + 512 * 1024)
    source = tmp_path / "调查报告.pdf"
    source.write_bytes(content)
    repo = attachments_of(store)
    info = repo.add_file(case_id, source)
    assert info.size == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.file_name == "调查报告.pdf"
    assert table_count(store, "attachment_chunks") == 3
    assert repo.read(info.id) == content
    out = tmp_path / "out"
    out.mkdir()
    written = repo.export(info.id, out)
    assert written.read_bytes() == content
    again = repo.export(info.id, out)
    assert again != written and again.name == "调查报告 (2).pdf", "an export never overwrites"
    assert [a.id for a in repo.list_for_case(case_id)] == [info.id]
    actions = [entry.action_label for entry in store.audit_timeline(case_id)]
    assert actions.count("添加附件") == 1
    assert actions.count("打开附件") == 3
    assert store.audit_verify().ok


def test_over_the_limit_is_refused_before_anything_is_written(store: Store, tmp_path: Path) -> None:
    """Given a 1 MB limit, when a 1.5 MB file is attached, then a Chinese message says so and
    neither an attachment row, a chunk nor an audit event was written."""
    case_id = add_case(store)
    big = tmp_path / "录像.mp4"
    big.write_bytes(os.urandom(1536 * 1024))
    repo = attachments_of(store)
    repo.max_bytes = 1024 * 1024
    events_before = table_count(store, "audit_events")
    with pytest.raises(AttachmentTooLarge, match="超过了附件大小上限"):
        repo.add_file(case_id, big)
    with pytest.raises(AttachmentTooLarge):
        repo.add_bytes(case_id, "x.bin", b"\0" * (1024 * 1024 + 1))
    assert table_count(store, "attachments") == 0
    assert table_count(store, "attachment_chunks") == 0
    assert table_count(store, "audit_events") == events_before


class FailingStream(io.RawIOBase):
    """A file that breaks after its first megabyte (a USB stick pulled out mid-read)."""

    def __init__(self) -> None:
        self.calls = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.calls += 1
        if self.calls > 1:
            raise OSError(5, "Input/output error")
        return b"x" * size


def test_unreadable_files_leave_nothing_half_written(store: Store, tmp_path: Path) -> None:
    """Given a missing file, a folder, and a stream that fails after 1 MB, when each is attached,
    then a Chinese message says the file cannot be read and the transaction left no rows."""
    case_id = add_case(store)
    repo = attachments_of(store)
    with pytest.raises(AttachmentUnreadable, match="文件不存在"):
        repo.add_file(case_id, tmp_path / "没有这个文件.pdf")
    with pytest.raises(AttachmentUnreadable, match="文件夹"):
        repo.add_file(case_id, tmp_path)
    with pytest.raises(AttachmentUnreadable, match="无法读取"), store.write_session() as session:
        store_stream(session, case_id, "断开.pdf", FailingStream())  # type: ignore[arg-type]
    assert table_count(store, "attachments") == 0
    assert table_count(store, "attachment_chunks") == 0


def test_large_file_streams_in_chunks(store: Store, tmp_path: Path) -> None:
    """Given a 24 MB file, when it is attached, Python never holds more than a few chunks of it
    (tracemalloc peak under 8 MB): 100 MB does not need three copies in memory."""
    case_id = add_case(store)
    big = tmp_path / "扫描件.tif"
    with big.open("wb") as out:
        for _ in range(24):
            out.write(os.urandom(1024 * 1024))
    repo = attachments_of(store)
    tracemalloc.start()
    try:
        info = repo.add_file(case_id, big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.size == 24 * 1024 * 1024
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_a_member_outside_the_case_may_not_open_it(store: Store) -> None:
    """Given a 委员 who does not sit on the case, when they try to open its attachment, it is refused
    below the UI; the secretary may add and open."""
    case_id = add_case(store)
    store.accounts.add("张主任", Role.CHAIR, "135724")
    chair = store.authenticate("张主任", "135724")
    store.accounts.add("李秘书", Role.SECRETARY, "246835", by=chair)
    store.accounts.add("王委员", Role.MEMBER, "357946", by=chair)
    secretary = store.authenticate("李秘书", "246835")
    repo = attachments_of(store)
    info = repo.add_bytes(case_id, "申辩材料.docx", b"PK\x03\x04 word", by=secretary)
    assert repo.read(info.id, by=secretary).startswith(b"PK")
    member = store.authenticate("王委员", "357946")
    with pytest.raises(PermissionDenied):
        repo.read(info.id, by=member)
    with pytest.raises(PermissionDenied):
        repo.add_bytes(case_id, "x.txt", b"x", by=member)


def test_cli_attach_and_list(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given a store and a passphrase file, `rongcuo attach` adds a file and `rongcuo attachments`
    lists and exports it; an over-limit file exits 2 with a Chinese message."""
    case_id = add_case(store)
    store.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    evidence = tmp_path / "现场照片.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    base = ["--data-dir", str(data_dir)]
    assert cli_main([*base, "attach", str(case_id), str(evidence), "--passphrase-file", str(secret)]) == 0
    assert "已添加附件" in capsys.readouterr().out
    assert cli_main([*base, "attachments", str(case_id), "--passphrase-file", str(secret)]) == 0
    listing = capsys.readouterr().out
    assert "现场照片.png" in listing
    attachment_id = listing.split()[0]
    out = tmp_path / "导出"
    out.mkdir()
    args = [*base, "attachments", str(case_id), "--export", attachment_id, "--to", str(out)]
    assert cli_main([*args, "--passphrase-file", str(secret)]) == 0
    assert (out / "现场照片.png").read_bytes() == evidence.read_bytes()
    big = tmp_path / "big.bin"
    big.write_bytes(b"\0" * (2 * 1024 * 1024))
    args = [*base, "attach", str(case_id), str(big), "--max-mb", "1", "--passphrase-file", str(secret)]
    assert cli_main(args) == 2
    assert "超过了附件大小上限" in capsys.readouterr().err
    store = Store.open(data_dir, KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE))
    try:
        assert len(attachments_of(store).list_for_case(case_id)) == 1
    finally:
        store.close()


ENGLISH_OS_WORDS = ("Not a directory", "No such file", "Is a directory", "Read-only", "Errno")


def test_os_failures_are_said_in_chinese(store: Store, tmp_path: Path) -> None:
    """Given a path through a regular file (the system says "Not a directory"), when it is attached
    and when an attachment is exported into it, then the message says so in Chinese, with none of the
    system's English, and nothing is left behind."""
    case_id = add_case(store)
    blocker = tmp_path / "说明.txt"
    blocker.write_text("一个文件，不是文件夹", encoding="utf-8")
    repo = attachments_of(store)
    with pytest.raises(AttachmentUnreadable) as unreadable:
        repo.add_file(case_id, blocker / "调查报告.pdf")
    assert "路径中有一部分不是文件夹" in str(unreadable.value)
    source = tmp_path / "调查报告.pdf"
    source.write_bytes(b"%PDF-1.7 report")
    info = repo.add_file(case_id, source)
    with pytest.raises(AttachmentError) as failed:
        repo.export(info.id, blocker)
    message = str(failed.value)
    assert "导出失败：路径中有一部分不是文件夹" in message and "没有留下不完整的文件" in message
    assert not any(word in message for word in ENGLISH_OS_WORDS), message
    assert blocker.read_text(encoding="utf-8") == "一个文件，不是文件夹"
