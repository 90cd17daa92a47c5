"""The 数据 menu's operations on the database thread that are more than one services call.

The task runner takes named operations only; services calls are handed to it as they are (a
`functools.partial` for their keyword arguments, `task=` for the long ones). What is here does more:
opening an attachment (its record and its bytes), and an import refused by the store turned into an
error that names the file's cases.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.attachments import AttachmentInfo as AttachmentInfo
    from rongcuo_desktop.services.backup import BackupManifest as BackupManifest
    from rongcuo_desktop.services.backup import DamageReport as DamageReport
    from rongcuo_desktop.services.backup import RestoreResult as RestoreResult
    from rongcuo_desktop.services.transfer import ExportReport as ExportReport
    from rongcuo_desktop.services.transfer import ImportPlan as ImportPlan
    from rongcuo_desktop.services.transfer import ImportReport as ImportReport
    from rongcuo_desktop.services.transfer import PlannedCase as PlannedCase
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.tasks import TaskContext


def open_attachment(workspace: Workspace, by: Credential, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The file's record and bytes, for the viewer (in memory only); the opening is audited."""
    from rongcuo_desktop.services import attachments

    return attachments.info(workspace, by, attachment_id), attachments.read(workspace, by, attachment_id)


# -- import ----------------------------------------------------------------------------------------

_DOC_NOS_READ_LIMIT = 64 * 1024 * 1024  # naming the cases of a refused file is a courtesy, not a must


class RefusedFile(Exception):
    """An ImportRefused with the 文号 found in the file (so the issues can name the cases)."""

    def __init__(self, refused: Any, doc_nos: list[str]) -> None:
        super().__init__(str(refused))
        self.refused = refused
        self.doc_nos = doc_nos


def check_import(workspace: Workspace, by: Credential, path: Path, *, task: TaskContext) -> ImportPlan:
    """The whole file checked, nothing written: what an import would do (existing 文号 listed, not
    refused: the dialog offers to skip them)."""
    from rongcuo_desktop.services import transfer
    from rongcuo_desktop.services.errors import ImportRefused

    task.check_cancelled()
    try:
        return transfer.preview_import(workspace, by, path, skip_existing=True)
    except ImportRefused as refused:
        raise RefusedFile(refused, doc_nos_in(path)) from refused


def import_cases(
    workspace: Workspace, by: Credential, path: Path, skip_existing: bool, *, task: TaskContext
) -> ImportReport:
    """All or nothing; skip_existing only when the user saw the clashes (a 文号 added since is refused)."""
    from rongcuo_desktop.services import transfer
    from rongcuo_desktop.services.errors import ImportRefused

    try:
        return transfer.import_file(workspace, by, path, skip_existing=skip_existing, task=task)
    except ImportRefused as refused:
        raise RefusedFile(refused, doc_nos_in(path)) from refused


def doc_nos_in(path: Path) -> list[str]:
    """The 文号 of the cases of a collection file, by index, as far as they can be read ([] if not):
    they name the cases in the list of problems. Runs on the worker, after the store refused."""
    from rongcuo_desktop.domain.structured import parse_json, read_limited

    try:  # the domain's safe reader: never a pipe or a device, never a RecursionError
        data = parse_json(read_limited(path, "", _DOC_NOS_READ_LIMIT), "")
        cases = data.get("cases") if isinstance(data, dict) else None
        if not isinstance(cases, list):
            return []
        found = []
        for item in cases:
            case = item.get("case") if isinstance(item, dict) else None
            doc_no = case.get("doc_no") if isinstance(case, dict) else None
            found.append(doc_no if isinstance(doc_no, str) else "")
        return found
    except (OSError, ValueError):  # ValidationError is a ValueError
        return []
