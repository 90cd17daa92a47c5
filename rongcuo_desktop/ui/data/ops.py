"""The 数据 menu's operations on the database thread: named functions over services.

The task runner takes named operations only; these give the services calls that need keyword
arguments or more than one step (open an attachment: its record and its bytes) a name, and turn a
refused import into an error that names the file's cases. Only the in-app restore of the newest
good backup after damage still reaches the store itself (services has it for the start-up only).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import accounts, backup, unlock

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.attachments import AttachmentInfo as AttachmentInfo
    from rongcuo_desktop.services.backup import BackupManifest as BackupManifest
    from rongcuo_desktop.services.backup import DamageReport as DamageReport
    from rongcuo_desktop.services.backup import RestoreResult
    from rongcuo_desktop.services.transfer import ExportReport as ExportReport
    from rongcuo_desktop.services.transfer import ImportPlan as ImportPlan
    from rongcuo_desktop.services.transfer import ImportReport as ImportReport
    from rongcuo_desktop.services.transfer import PlannedCase as PlannedCase
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.backup import StoreFiles
    from rongcuo_desktop.ui.tasks import TaskContext

Restored = tuple["Workspace", "Credential", "RestoreResult"]


def _files(workspace: Workspace) -> StoreFiles:
    from rongcuo_desktop.store.backup import StoreFiles

    return StoreFiles.in_dir(workspace.data_dir)


# -- attachments ---------------------------------------------------------------------------------


def add_attachment(
    workspace: Workspace, by: Credential, case_id: int, path: Path, max_bytes: int
) -> AttachmentInfo:
    """Encrypt and store a file (chunked, with its SHA-256); audited."""
    from rongcuo_desktop.services import attachments

    return attachments.add_file(workspace, by, case_id, path, max_bytes=max_bytes)


def open_attachment(workspace: Workspace, by: Credential, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The file's record and bytes, for the viewer (in memory only); the opening is audited."""
    from rongcuo_desktop.services import attachments

    return attachments.info(workspace, by, attachment_id), attachments.read(workspace, by, attachment_id)


# -- backup and integrity ------------------------------------------------------------------------


def back_up_to(task: TaskContext, workspace: Workspace, by: Credential, folder: Path) -> Path:
    """备份到…: one encrypted, checked backup file in `folder`, with progress and cancel."""
    return backup.backup(workspace, by, folder, task=task)


def back_up_at_close(workspace: Workspace, keep: int) -> Path:
    """The automatic backup as the app ends (rotating: `keep` kept, never the newest good one)."""
    return backup.backup_at_close(workspace, keep=keep)


def quick_check(workspace: Workspace) -> DamageReport:
    """PRAGMA quick_check on a connection of its own (off the database thread: 0.4 s at 100,000
    cases, 2.5 s with 1 GB of attachments, too slow for the open)."""
    return backup.check_integrity(workspace, quick=True)


# -- restore -------------------------------------------------------------------------------------


class RestoreRefused(Exception):
    """A restore refused after the store was closed for it: the current store, which stayed in
    place, is open again (`reopened`, with the same person) or could not be (None)."""

    def __init__(self, error: BaseException, reopened: tuple[Workspace, Credential] | None) -> None:
        super().__init__(str(error) or type(error).__name__)
        self.reopened = reopened


def restore_newest(workspace: Workspace, by: Credential, backup: Path) -> Restored:
    """Replace a damaged store with this store's own newest good backup (the damaged one is kept);
    the restored store opens as a new workspace, the person carrying on where it knows them."""
    from rongcuo_desktop.store.backup import restore_backup

    workspace.store.guard.check(Action.RESTORE, by)  # below the UI too: only the 主任 replaces the store
    key = workspace.store.key_box.get()
    files = _files(workspace)
    workspace.close()
    try:
        result = restore_backup(backup, None, files, current_key=key, by=by.account)
    except BaseException as error:
        raise RestoreRefused(error, _reopen_or_none(workspace, key, by)) from error
    return _reopen_after(workspace, key, by, result)


def _reopen_or_none(workspace: Workspace, key: bytes, by: Credential) -> tuple[Workspace, Credential] | None:
    try:
        return reopen(workspace.data_dir, key, by, workspace.credential_store_usable)
    except Exception:  # the message of the refused restore is what the user needs to read
        return None


def _reopen_after(workspace: Workspace, key: bytes, by: Credential, result: RestoreResult) -> Restored:
    """Right after a restore: the restored store opens and the person who restored carries on (when
    it knows them by name; else its first 主任)."""
    fresh = unlock.open_store(
        workspace.data_dir, key, credential_store_usable=workspace.credential_store_usable
    )
    try:
        return fresh, _same_person(fresh, by), result  # the restore recorded the restore itself
    except BaseException:
        fresh.close()
        raise


def _same_person(workspace: Workspace, before: Credential) -> Credential:
    setup = accounts.setup_person(workspace)
    if setup is not None:
        return setup
    known = {info.name for info in accounts.people(workspace)}
    return accounts.key_holder(workspace, before.name if before.name in known else None)


def reopen(data_dir: Path, key: bytes, before: Credential, usable: bool) -> tuple[Workspace, Credential]:
    """After a restore refused once the store was closed: the current store again, same person."""
    workspace = unlock.open_store(data_dir, key, credential_store_usable=usable)
    try:
        return workspace, _same_person(workspace, before)
    except BaseException:
        workspace.close()
        raise


# -- export and import ---------------------------------------------------------------------------

_DOC_NOS_READ_LIMIT = 64 * 1024 * 1024  # naming the cases of a refused file is a courtesy, not a must


class RefusedFile(Exception):
    """An ImportRefused with the 文号 found in the file (so the issues can name the cases)."""

    def __init__(self, refused: Any, doc_nos: list[str]) -> None:
        super().__init__(str(refused))
        self.refused = refused
        self.doc_nos = doc_nos


def export_cases(
    task: TaskContext,
    workspace: Workspace,
    by: Credential,
    path: Path,
    ids: list[int] | None,
    overwrite: bool,
) -> ExportReport:
    """The cases (None: every case `by` may read) to a plaintext case file; audited."""
    from rongcuo_desktop.services import transfer

    return transfer.export(
        workspace, by, path, ids, collection=True if ids is None else None, overwrite=overwrite, task=task
    )


def check_import(task: TaskContext, workspace: Workspace, by: Credential, path: Path) -> ImportPlan:
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
    task: TaskContext, workspace: Workspace, by: Credential, path: Path, skip_existing: bool
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
