"""Evidence files of a case, stored encrypted inside the store (never as files beside it).

- Added in 1 MiB chunks in ONE transaction with its audit event: a crash, a full disk, an
  unreadable file or a file over the limit leaves nothing half-written.
- Each file keeps its SHA-256; reading checks it, so damage is reported, not shown.
- Reading returns bytes for the viewer (which renders from memory); exporting streams the chunks
  to a folder the user chose. Nothing here ever writes plaintext anywhere else.
- File names and contents are case data: they are never logged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.store.accounts import SessionFactory
from rongcuo_desktop.store.attachment_models import AttachmentChunkRow, AttachmentRow
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.guard import AccessGuard
from rongcuo_desktop.store.models import CaseRecord

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
MAX_NAME_CHARS = 255


class AttachmentError(StoreError):
    """An attachment could not be added, read or exported; nothing was half-written."""


class AttachmentTooLarge(AttachmentError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"文件太大（{_mb(size)}），超过了附件大小上限 {_mb(limit)}，没有添加。"
            "可以压缩或拆分后再添加，或请管理员在设置中调高上限。"
        )


class AttachmentUnreadable(AttachmentError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"无法读取这个文件（{reason}），附件没有添加，数据库没有任何改动。")


class AttachmentNotFound(AttachmentError):
    def __init__(self, attachment_id: int) -> None:
        super().__init__(f"找不到编号为 {attachment_id} 的附件，它可能已被删除。")


class AttachmentDamaged(AttachmentError):
    def __init__(self) -> None:
        super().__init__("附件内容与登记时的校验值（SHA-256）不符，可能已损坏。请从备份中恢复。")


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    file_name: str
    size: int
    sha256: str
    added_at: dt.datetime
    added_by: str

    @property
    def size_text(self) -> str:
        return _mb(self.size) if self.size >= 1024 * 1024 else f"{max(1, self.size // 1024)} KB"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _info(row: AttachmentRow) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        case_id=row.case_id,
        file_name=row.file_name,
        size=row.size,
        sha256=row.sha256,
        added_at=dt.datetime.fromisoformat(row.added_at),
        added_by=row.added_by,
    )


def clean_file_name(name: str) -> str:
    """Only the last part of a name, without control characters; never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*').strip(" .")
    return (base or "附件")[:MAX_NAME_CHARS]


# ----- the building blocks (inside the caller's transaction) -----------------------------------


def store_stream(
    session: Session,
    case_id: int,
    file_name: str,
    stream: BinaryIO,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    added_by: str = "",
) -> AttachmentInfo:
    """Write a file's bytes as chunks in the caller's transaction (flushes, never commits)."""
    if session.get(CaseRecord, case_id) is None:
        from rongcuo_desktop.store.repository import CaseNotFound

        raise CaseNotFound(case_id)
    row = AttachmentRow(
        case_id=case_id,
        file_name=clean_file_name(file_name),
        size=0,
        sha256="",
        chunk_count=0,
        added_at=_now(),
        added_by=added_by,
    )
    session.add(row)
    session.flush()
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        try:
            chunk = stream.read(CHUNK_BYTES)
        except OSError as error:
            raise AttachmentUnreadable(os_reason(error)) from error
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise AttachmentTooLarge(size, max_bytes)
        digest.update(chunk)
        # Core insert: the chunk goes straight to SQLite, no ORM object keeps it alive.
        session.execute(insert(AttachmentChunkRow), {"attachment_id": row.id, "seq": seq, "data": chunk})
        seq += 1
        del chunk
    session.execute(
        update(AttachmentRow)
        .where(AttachmentRow.id == row.id)
        .values(size=size, sha256=digest.hexdigest(), chunk_count=seq)
    )
    session.refresh(row)
    return _info(row)


def add_in_session(
    session: Session,
    guard: AccessGuard,
    actor: AccountInfo,
    case_id: int,
    file_name: str,
    stream: BinaryIO,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AttachmentInfo:
    """Add an attachment and its audit event in the caller's transaction (actor already checked)."""
    info = store_stream(session, case_id, file_name, stream, max_bytes=max_bytes, added_by=actor.name)
    guard.audit(
        session,
        Action.ATTACHMENT_ADD,
        case_id=case_id,
        summary=f"添加附件“{info.file_name}”（{info.size_text}）",
        detail={"attachment_id": info.id, "size": info.size, "sha256": info.sha256},
        after={"attachment_id": info.id, "sha256": info.sha256, "size": info.size},
        actor=actor,
    )
    return info


def iter_chunks(session: Session, attachment_id: int) -> Iterator[bytes]:
    result = session.execute(
        select(AttachmentChunkRow.data)
        .where(AttachmentChunkRow.attachment_id == attachment_id)
        .order_by(AttachmentChunkRow.seq)
        .execution_options(yield_per=4)
    )
    for (data,) in result:
        yield bytes(data)


# ----- the repository the app and the CLI use ---------------------------------------------------


class AttachmentRepository:
    """Attachments of cases. The store passes in how to get sessions and who is acting."""

    def __init__(
        self,
        read_session: SessionFactory,
        write_session: SessionFactory,
        guard: AccessGuard,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard
        self.max_bytes = max_bytes

    def add_file(self, case_id: int, path: Path, *, by: Credential | None = None) -> AttachmentInfo:
        """Add a file from disk. Over the limit or unreadable: a Chinese error, nothing written."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if path.is_dir():
                raise AttachmentUnreadable("这是一个文件夹，不是文件")
        except FileNotFoundError as error:
            raise AttachmentUnreadable("文件不存在") from error
        except OSError as error:
            raise AttachmentUnreadable(os_reason(error)) from error
        if size > self.max_bytes:
            raise AttachmentTooLarge(size, self.max_bytes)
        try:
            handle = path.open("rb")
        except OSError as error:
            raise AttachmentUnreadable(os_reason(error)) from error
        with handle:
            return self._add(case_id, path.name, handle, by)

    def add_bytes(
        self, case_id: int, file_name: str, data: bytes, *, by: Credential | None = None
    ) -> AttachmentInfo:
        if len(data) > self.max_bytes:
            raise AttachmentTooLarge(len(data), self.max_bytes)
        import io

        return self._add(case_id, file_name, io.BytesIO(data), by)

    def _add(self, case_id: int, file_name: str, stream: BinaryIO, by: Credential | None) -> AttachmentInfo:
        actor = self._guard.check_write(Action.ATTACHMENT_ADD, by)
        with self._write() as session:
            self._guard.check_read_case(session, case_id, by)
            info = add_in_session(
                session, self._guard, actor, case_id, file_name, stream, max_bytes=self.max_bytes
            )
        log.info("attachment %d added to case %d (%d bytes)", info.id, case_id, info.size)
        return info

    def list_for_case(self, case_id: int, *, by: Credential | None = None) -> list[AttachmentInfo]:
        with self._read() as session:
            self._guard.check_read_case(session, case_id, by)
            rows = session.scalars(
                select(AttachmentRow).where(AttachmentRow.case_id == case_id).order_by(AttachmentRow.id)
            ).all()
            return [_info(row) for row in rows]

    def count(self) -> int:
        with self._read() as session:
            return int(session.scalar(select(func.count()).select_from(AttachmentRow)) or 0)

    def info(self, attachment_id: int, *, by: Credential | None = None) -> AttachmentInfo:
        with self._read() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise AttachmentNotFound(attachment_id)
            self._guard.check_read_case(session, row.case_id, by)
            return _info(row)

    def read(self, attachment_id: int, *, by: Credential | None = None) -> bytes:
        """The whole content, checked against its SHA-256; records who opened it."""
        actor = self._guard.check(Action.ATTACHMENT_OPEN, by)
        with self._write() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise AttachmentNotFound(attachment_id)
            self._guard.check_read_case(session, row.case_id, by)
            info = _info(row)
            data = b"".join(iter_chunks(session, attachment_id))
            if len(data) != info.size or hashlib.sha256(data).hexdigest() != info.sha256:
                raise AttachmentDamaged()
            self._guard.audit(
                session,
                Action.ATTACHMENT_OPEN,
                case_id=info.case_id,
                summary=f"打开附件“{info.file_name}”",
                detail={"attachment_id": info.id},
                actor=actor,
            )
        log.info("attachment %d opened", attachment_id)
        return data

    def export(self, attachment_id: int, folder: Path, *, by: Credential | None = None) -> Path:
        """Stream the content to a new file in folder (never overwriting); records the export.

        The copy is written as ``.name.part`` and renamed when complete and checked, so a full disk
        or a damaged attachment leaves no half file behind.
        """
        actor = self._guard.check(Action.ATTACHMENT_OPEN, by)
        folder = Path(folder)
        with self._write() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise AttachmentNotFound(attachment_id)
            self._guard.check_read_case(session, row.case_id, by)
            info = _info(row)
            target = _free_name(folder, info.file_name)
            part = target.with_name(f".{target.name}.part")
            digest = hashlib.sha256()
            try:
                with part.open("xb") as out:
                    for chunk in iter_chunks(session, attachment_id):
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                if digest.hexdigest() != info.sha256:
                    raise AttachmentDamaged()
                os.replace(part, target)
            except OSError as error:
                with contextlib.suppress(OSError):
                    part.unlink()
                raise AttachmentError(f"导出失败：{os_reason(error)}。没有留下不完整的文件。") from error
            except BaseException:
                with contextlib.suppress(OSError):
                    part.unlink()
                raise
            self._guard.audit(
                session,
                Action.ATTACHMENT_OPEN,
                case_id=info.case_id,
                summary=f"导出附件“{info.file_name}”（明文副本）",
                detail={"attachment_id": info.id, "exported": True},
                actor=actor,
            )
        log.info("attachment %d exported", attachment_id)
        return target


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def add_case_with_attachments(
    store: Store,
    case: Case,
    files: Sequence[tuple[str, BinaryIO]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    by: Credential | None = None,
) -> tuple[int, list[AttachmentInfo]]:
    """Register a case together with its evidence files: ONE transaction with every audit event.

    Used when an application arrives with its attachments (and by the crash test): either the case,
    all its files and all their events are there after a crash, or none of them.
    """
    from rongcuo_desktop.store.mapping import fill_record, to_case
    from rongcuo_desktop.store.models import CaseText
    from rongcuo_desktop.store.repository import _now as case_time
    from rongcuo_desktop.store.repository import checked_case, refuse_conclusion

    guard = store.guard
    actor = guard.check_write(Action.CASE_CREATE, by)
    guard.check_write(Action.ATTACHMENT_ADD, by)
    refuse_conclusion(actor, case, None, "登记案件")
    case = checked_case(case)  # the one validator for text and dates (domain/text_rules)
    with store.write_session() as session:
        now = case_time()
        record = CaseRecord(created_at=now, texts=CaseText())
        fill_record(record, case, now)
        session.add(record)
        session.flush()
        guard.audit(
            session,
            Action.CASE_CREATE,
            case_id=record.id,
            summary=f"登记案件 {case.doc_no}（{case.stage.label}）",
            after=to_case(record),
            actor=actor,
        )
        infos = [
            add_in_session(session, guard, actor, record.id, name, stream, max_bytes=max_bytes)
            for name, stream in files
        ]
        case_id = record.id
    log.info("case %d added with %d attachment(s)", case_id, len(infos))
    return case_id, infos


# ----- wiring --------------------------------------------------------------------------------


def attachments_of(store: Store, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AttachmentRepository:
    """The attachment repository of an open store (its sessions, its guard)."""
    existing = getattr(store, "attachments", None)
    if isinstance(existing, AttachmentRepository):
        return existing
    return AttachmentRepository(store.read_session, store.write_session, store.guard, max_bytes=max_bytes)
