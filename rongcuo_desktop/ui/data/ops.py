"""The 数据 menu's operations on the database thread, until services/ has them.

Named functions (the task runner refuses lambdas): each takes the workspace and, where a person
acts, their credential (`by`), and returns plain data. They reach the store through
Workspace.store, which only services/ should: each moves into services as services grows a
backup, restore, integrity, attachments and transfer module, and the 数据 menu then calls those.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import accounts, unlock
from rongcuo_desktop.services.errors import WrongPassphrase

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.attachments import AttachmentInfo, AttachmentRepository
    from rongcuo_desktop.store.backup import BackupManifest as BackupManifest  # the dialogs' types
    from rongcuo_desktop.store.backup import DamageReport, RestoreResult, StoreFiles
    from rongcuo_desktop.store.transfer import ExportReport, ImportPlan, ImportReport
    from rongcuo_desktop.store.transfer import PlannedCase as PlannedCase
    from rongcuo_desktop.ui.tasks import TaskContext

Restored = tuple["Workspace", "Credential", "RestoreResult"]


def _files(workspace: Workspace) -> StoreFiles:
    from rongcuo_desktop.store.backup import StoreFiles

    return StoreFiles.in_dir(workspace.data_dir)


# -- attachments ---------------------------------------------------------------------------------


def _attachments(workspace: Workspace, max_bytes: int) -> AttachmentRepository:
    from rongcuo_desktop.store.attachments import attachments_of

    return attachments_of(workspace.store, max_bytes=max_bytes)


def list_attachments(workspace: Workspace, by: Credential, case_id: int) -> list[AttachmentInfo]:
    return _attachments(workspace, 0).list_for_case(case_id, by=by)


def add_attachment(
    workspace: Workspace, by: Credential, case_id: int, path: Path, max_bytes: int
) -> AttachmentInfo:
    """Encrypt and store a file (chunked, with its SHA-256); audited."""
    return _attachments(workspace, max_bytes).add_file(case_id, path, by=by)


def open_attachment(workspace: Workspace, by: Credential, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The file's bytes, for the viewer (in memory only); the opening is audited."""
    repo = _attachments(workspace, 0)
    return repo.info(attachment_id, by=by), repo.read(attachment_id, by=by)


def export_attachment(workspace: Workspace, by: Credential, attachment_id: int, folder: Path) -> Path:
    """A plaintext copy in `folder` (the user was warned); audited."""
    return _attachments(workspace, 0).export(attachment_id, folder, by=by)


# -- backup and integrity ------------------------------------------------------------------------


def back_up_to(task: TaskContext, workspace: Workspace, folder: Path) -> Path:
    """备份到…: one encrypted, checked backup file in `folder`, with progress and cancel."""
    from rongcuo_desktop.store.backup import create_backup

    key = workspace.store.key_box.get()
    return create_backup(
        _files(workspace), key, folder, kind="manual", progress=task.report, cancelled=lambda: task.cancelled
    )


def back_up_at_close(workspace: Workspace, keep: int) -> Path:
    """The automatic backup as the app ends (rotating: `keep` kept, never the newest good one)."""
    from rongcuo_desktop.store.backup import auto_backup

    return auto_backup(_files(workspace), workspace.store.key_box.get(), keep=keep)


def check_integrity(workspace: Workspace) -> DamageReport:
    """Both integrity checks; on damage, the newest good backup of this store."""
    from rongcuo_desktop.store.backup import check_store

    return check_store(_files(workspace), workspace.store.key_box.get())


def quick_check(files: StoreFiles, key: bytes) -> DamageReport:
    """PRAGMA quick_check on a connection of its own (off the database thread: 0.4 s at 100,000
    cases, 2.5 s with 1 GB of attachments, too slow for the open)."""
    from rongcuo_desktop.store.backup import check_store

    return check_store(files, key, quick=True)


def quick_check_inputs(workspace: Workspace) -> tuple[StoreFiles, bytes]:
    """What the quick check needs, read where the store lives (the database thread)."""
    return _files(workspace), workspace.store.key_box.get()


# -- restore -------------------------------------------------------------------------------------


class RestoreRefused(Exception):
    """A restore refused after the store was closed for it: the current store, which stayed in
    place, is open again (`reopened`, with the same person) or could not be (None)."""

    def __init__(self, error: BaseException, reopened: tuple[Workspace, Credential] | None) -> None:
        super().__init__(str(error) or type(error).__name__)
        self.reopened = reopened


def restore_newest(workspace: Workspace, by: Credential, backup: Path) -> Restored:
    """Replace a damaged store with this store's own newest good backup (the damaged one is kept)."""
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


def restore_file(workspace: Workspace, by: Credential, backup: Path, passphrase: str) -> Restored:
    """Check and restore a backup file the user chose; a wrong passphrase closes nothing."""
    from rongcuo_desktop.store.backup import (
        WRONG_BACKUP_PASSPHRASE,
        read_manifest,
        restore_backup,
        unwrap_key_file,
    )

    workspace.store.guard.check(Action.RESTORE, by)  # below the UI too: only the 主任 replaces the store
    manifest = read_manifest(backup)
    try:
        new_key = unwrap_key_file(manifest.key_file_bytes, passphrase)  # wrong: nothing closed yet
    except WrongPassphrase:
        raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
    key = workspace.store.key_box.get()
    files = _files(workspace)
    workspace.close()
    try:
        # The key just unwrapped is handed over: no second Argon2 derivation (~0.5 s).
        result = restore_backup(
            backup, passphrase, files, lambda _data, _pp: new_key, current_key=key, by=by.account
        )
    except BaseException as error:
        raise RestoreRefused(error, _reopen_or_none(workspace, key, by)) from error
    return _reopen_after(workspace, new_key, by, result)


def _reopen_or_none(workspace: Workspace, key: bytes, by: Credential) -> tuple[Workspace, Credential] | None:
    try:
        return reopen(workspace.data_dir, key, by, workspace.credential_store_usable)
    except Exception:  # the message of the refused restore is what the user needs to read
        return None


def _reopen_after(workspace: Workspace, key: bytes, by: Credential, result: RestoreResult) -> Restored:
    """Right after a restore: the restored store opens, the person who restored carries on (when it
    knows them by name; else its first 主任), and the restore goes into its audit trail."""
    fresh = unlock.open_store(
        workspace.data_dir, key, credential_store_usable=workspace.credential_store_usable
    )
    try:
        person = _same_person(fresh, by)
        fresh.store.record_restore(result.summary, by=person)
    except BaseException:
        fresh.close()
        raise
    return fresh, person, result


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


def export_cases(
    task: TaskContext,
    workspace: Workspace,
    by: Credential,
    path: Path,
    ids: list[int] | None,
    overwrite: bool,
) -> ExportReport:
    """The cases (None: every case `by` may read) to a plaintext case file; audited."""
    return workspace.store.transfer.export(
        path,
        ids,
        collection=True if ids is None else None,
        overwrite=overwrite,
        progress=task.report,
        cancelled=lambda: task.cancelled,
        by=by,
    )


_DOC_NOS_READ_LIMIT = 64 * 1024 * 1024  # naming the cases of a refused file is a courtesy, not a must


class RefusedFile(Exception):
    """An ImportRefused with the 文号 found in the file (so the issues can name the cases)."""

    def __init__(self, refused: Any, doc_nos: list[str]) -> None:
        super().__init__(str(refused))
        self.refused = refused
        self.doc_nos = doc_nos


def check_import(task: TaskContext, workspace: Workspace, by: Credential, path: Path) -> ImportPlan:
    """The whole file checked, nothing written: what an import would do (existing 文号 listed, not
    refused: the dialog offers to skip them)."""
    from rongcuo_desktop.store.transfer import ImportRefused

    task.check_cancelled()
    try:
        return workspace.store.transfer.preview_import(path, skip_existing=True, by=by)
    except ImportRefused as refused:
        raise RefusedFile(refused, doc_nos_in(path)) from refused


def import_cases(
    task: TaskContext, workspace: Workspace, by: Credential, path: Path, skip_existing: bool
) -> ImportReport:
    """All or nothing; skip_existing only when the user saw the clashes (a 文号 added since is refused)."""
    from rongcuo_desktop.store.transfer import ImportRefused

    try:
        return workspace.store.transfer.import_file(
            path, skip_existing=skip_existing, progress=task.report, cancelled=lambda: task.cancelled, by=by
        )
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
