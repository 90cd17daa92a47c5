"""Evidence files of a case, encrypted inside the store: add, list, open (in memory), export a
plaintext copy. Opening and exporting are recorded (who, which file) in the audit trail."""

from __future__ import annotations

from pathlib import Path

from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.attachments import (
    DEFAULT_MAX_BYTES,
    AttachmentError,
    AttachmentInfo,
    attachments_of,
)
from rongcuo_desktop.store.credential import Credential

__all__ = [
    "DEFAULT_MAX_BYTES",
    "AttachmentInfo",
    "add_bytes",
    "add_file",
    "export",
    "info",
    "list_for_case",
    "read",
]


def add_file(
    ws: Workspace, by: Credential, case_id: int, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> AttachmentInfo:
    """Add a file from disk (秘书, 主任); over `max_bytes` or unreadable: refused, nothing written."""
    return attachments_of(ws.store, max_bytes=max_bytes).add_file(case_id, path, by=by)


def add_bytes(
    ws: Workspace,
    by: Credential,
    case_id: int,
    file_name: str,
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AttachmentInfo:
    return attachments_of(ws.store, max_bytes=max_bytes).add_bytes(case_id, file_name, data, by=by)


def list_for_case(ws: Workspace, by: Credential, case_id: int) -> list[AttachmentInfo]:
    return attachments_of(ws.store).list_for_case(case_id, by=by)


def info(ws: Workspace, by: Credential, attachment_id: int) -> AttachmentInfo:
    return attachments_of(ws.store).info(attachment_id, by=by)


def read(ws: Workspace, by: Credential, attachment_id: int) -> bytes:
    """The whole content, checked against its SHA-256 (AttachmentDamaged otherwise); recorded."""
    return attachments_of(ws.store).read(attachment_id, by=by)


def export(
    ws: Workspace, by: Credential, attachment_id: int, folder: Path, *, case_id: int | None = None
) -> Path:
    """A plaintext copy in `folder` (never over an existing file); recorded. With `case_id`, refused
    when the attachment belongs to another case."""
    repo = attachments_of(ws.store)
    if case_id is not None and repo.info(attachment_id, by=by).case_id != case_id:
        raise AttachmentError(f"附件 {attachment_id} 不属于这件案件。")
    return repo.export(attachment_id, folder, by=by)
