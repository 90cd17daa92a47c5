"""Cases out to a plaintext JSON file and back in (docs/case-format.md), for the 数据 menu and
`rongcuo export / import`: the export, the check of a file before importing it (writes nothing),
and the import (all or nothing). Who may: export and import are the 秘书's and the 主任's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services.progress import QUIET, Progress, as_callbacks
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.transfer import ExportReport, ImportPlan, ImportReport, PlannedCase

__all__ = [
    "ExportReport",
    "ImportPlan",
    "ImportReport",
    "PlannedCase",
    "check_may_export",
    "export",
    "import_file",
    "preview_import",
]


def check_may_export(ws: Workspace, by: Credential) -> None:
    """PermissionDenied now, before anything is said about an export (a 委员 may not export)."""
    ws.store.guard.check(Action.EXPORT, by)


def export(
    ws: Workspace,
    by: Credential,
    path: Path,
    case_ids: Sequence[int] | None = None,
    *,
    collection: bool | None = None,
    overwrite: bool = False,
    task: Progress = QUIET,
) -> ExportReport:
    """Write the cases (every case `by` may read when `case_ids` is None) to `path`; recorded. Nothing
    is left behind on cancel or error."""
    progress, cancelled = as_callbacks(task)
    return ws.store.transfer.export(
        path,
        case_ids,
        collection=collection,
        overwrite=overwrite,
        progress=progress,
        cancelled=cancelled,
        by=by,
    )


def preview_import(ws: Workspace, by: Credential, path: Path, *, skip_existing: bool = False) -> ImportPlan:
    """Check the whole file and say what an import would do (ImportRefused names every problem)."""
    return ws.store.transfer.preview_import(path, skip_existing=skip_existing, by=by)


def import_file(
    ws: Workspace, by: Credential, path: Path, *, skip_existing: bool = False, task: Progress = QUIET
) -> ImportReport:
    """Import every case of the file, or none; an existing 文号 is never overwritten."""
    progress, cancelled = as_callbacks(task)
    return ws.store.transfer.import_file(
        path, skip_existing=skip_existing, progress=progress, cancelled=cancelled, by=by
    )
