"""The 报告 menu's work, as named operations for the task runner (ui/tasks.py).

Store work (seal a case's document, write it and record the export, the signing identity) runs on
the one database worker; work without the store (render pages for the preview, verify a file a
receiving authority was sent) runs on a slow thread. Plain data in and out: the dialogs get bytes,
page pixels and verdicts, never a widget or a session.

This module imports reports/ and seal/ (reportlab, pyHanko): it is imported when a 报告 action is
first used, never at start-up (tests/test_report_lazy_imports.py).
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.reports.model import Kind, ReportData, ReportError
from rongcuo_desktop.reports.workflow import (
    ExportCancelled,
    ExportResult,
    IdentitySummary,
    IdentityUnavailable,
    ReportWriteError,
    document_file_name,
    document_title,
    export_package,
    generate_identity,
    identity_summary,
    import_identity,
    package_file_name,
    report_data,
    root_certificate,
    safe_file_name,
    save_sealed,
    seal_case_document,
)
from rongcuo_desktop.ui.reports.state import case_state
from rongcuo_desktop.ui.reports.verifying import read_limited

if TYPE_CHECKING:
    from rongcuo_desktop.reports.export import SealedDocument
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.progress import Progress
    from rongcuo_desktop.services.workspace import Workspace

__all__ = [
    "ExportResult",
    "IdentitySummary",
    "IdentityUnavailable",
    "Kind",
    "ReportError",
    "document_file_name",
    "document_title",
    "package_file_name",
    "safe_file_name",
]

MAX_PKCS12_BYTES = 1024 * 1024
# PDFium is not safe to use from two threads at once: one preview renders at a time.
_PDFIUM = threading.Lock()


# -- one case ------------------------------------------------------------------------------------


def seal_for_preview(
    workspace: Workspace, by: Credential, case_id: int, kind: Kind, public: bool
) -> SealedDocument:
    """Render and seal the document (nothing written, nothing recorded): the preview shows these
    bytes, and 保存… writes the same bytes."""
    return seal_case_document(workspace, by, case_id, kind, public=public)


def save_document(
    workspace: Workspace,
    by: Credential,
    case_id: int,
    sealed: SealedDocument,
    out: Path,
    public: bool,
) -> ExportResult:
    """Write the previewed document (a temporary name in the folder, then renamed) and record the
    export with its SHA-256. The save dialog has asked before replacing a file."""
    return save_sealed(workspace, by, case_id, sealed, out, public=public, overwrite=True)


def save_package(workspace: Workspace, by: Credential, case_id: int, out: Path) -> ExportResult:
    """The 备案包 (.zip) of one decided case, recorded as an export."""
    return export_package(workspace, by, case_id, out, overwrite=True)


def save_package_or_cancel(
    workspace: Workspace, by: Credential, case_id: int, out: Path, *, task: Progress
) -> ExportResult | None:
    """save_package with progress (six documents, then the write) and 取消 heard before the write:
    None when cancelled (nothing written, nothing recorded)."""
    try:
        return export_package(workspace, by, case_id, out, overwrite=True, task=task)
    except ExportCancelled:
        return None


class _CancelOnly:
    """The batch's cancel, heard inside one 备案包; its own progress is the batch's, not the package's."""

    def __init__(self, task: Progress) -> None:
        self._task = task

    def report(self, done: int, total: int) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return self._task.cancelled


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- the preview's pages -------------------------------------------------------------------------


@dataclass(frozen=True)
class PageImage:
    """One rendered page as plain pixels (RGB888); the dialog makes a QImage of it."""

    width: int
    height: int
    stride: int
    pixels: bytes


def render_pages(pdf: bytes, width: int) -> list[PageImage]:
    """Every page of the PDF at `width` pixels wide (off the GUI thread: ~40 ms a page)."""
    import pypdfium2

    pages: list[PageImage] = []
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                scale = width / page.get_width()
                bitmap = page.render(scale=scale, rev_byteorder=True)
                pages.append(PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
                page.close()
        finally:
            document.close()
    return pages


# -- many cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """One file per case: a document (its kind, 公开 or not) or, with kind None, the 备案包."""

    kind: Kind | None
    public: bool = False

    @property
    def label(self) -> str:
        if self.kind is None:
            return "备案包"
        return document_title(self.kind) + ("（公开版）" if self.public else "")

    def file_name(self, doc_no: str) -> str:
        if self.kind is None:
            return package_file_name(doc_no)
        return document_file_name(self.kind, doc_no, public=self.public)


@dataclass(frozen=True)
class BatchLine:
    doc_no: str
    what: str  # 备案报告, 认定意见书（公开版）, 备案包 …
    path: Path | None = None  # written here
    problem: str = ""  # why not (a case without a decision)


@dataclass
class BatchReport:
    folder: Path
    total: int  # files asked for
    written: list[BatchLine] = field(default_factory=list)
    skipped: list[BatchLine] = field(default_factory=list)
    cancelled: bool = False
    stopped: str = ""  # an error that ended the batch (a full disk): what was written stays listed


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2, name-3 … when it is taken: a batch never replaces a file."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    for n in itertools.count(2):
        if not path.exists() and not path.with_name(path.name + ".part").exists():
            return path
        path = folder / f"{stem}-{n}{suffix}"
    raise AssertionError("unreachable")


def export_many(
    workspace: Workspace,
    by: Credential,
    case_ids: list[int],
    outputs: list[Output],
    folder: Path,
    *,
    task: Progress,
) -> BatchReport:
    """Each output of each case into `folder`, one file at a time: sealed in memory, written under a
    temporary name in the folder and renamed, so 取消 (heard between files and before each write)
    never leaves a partial file. A case without a decision is skipped and said so; a problem every
    file would have (no signing identity, a full disk) ends the batch."""
    report = BatchReport(folder, len(case_ids) * len(outputs))
    done = 0
    task.report(0, report.total)
    for case_id in case_ids:
        state = case_state(workspace, by, case_id)
        if not state.decided:
            report.skipped.append(
                BatchLine(state.doc_no, "全部", problem="尚未记录认定结论：会议认定后才能导出")
            )
            done += len(outputs)
            task.report(done, report.total)
            continue
        data: ReportData | None = None  # read once for all this case's documents
        for output in outputs:
            if task.cancelled:
                report.cancelled = True
                return report
            out = free_name(folder, output.file_name(state.doc_no))
            try:
                if output.kind is None:
                    written = export_package(workspace, by, case_id, out, task=_CancelOnly(task))
                else:
                    data = data or report_data(workspace, by, case_id)
                    sealed = seal_case_document(
                        workspace, by, case_id, output.kind, public=output.public, data=data
                    )
                    if task.cancelled:  # sealed but not written: nothing of it reaches the folder
                        report.cancelled = True
                        return report
                    written = save_sealed(workspace, by, case_id, sealed, out, public=output.public)
            except ExportCancelled:  # heard inside a 备案包, before its write
                report.cancelled = True
                return report
            except (IdentityUnavailable, ReportWriteError) as error:
                if not report.written:
                    raise  # nothing written: the dialog says why, as for one document
                report.stopped = str(error)  # every further file would fail the same way
                return report
            except ReportError as error:  # this case only (its rulebook cannot be read, say)
                report.skipped.append(BatchLine(state.doc_no, output.label, problem=str(error)))
            else:
                report.written.append(BatchLine(state.doc_no, output.label, written.path))
            done += 1
            task.report(done, report.total)
    return report


# -- the signing identity (主任) ------------------------------------------------------------------


def identity_info(workspace: Workspace) -> IdentitySummary | None:
    return identity_summary(workspace)


def make_identity(
    workspace: Workspace, by: Credential, committee: str, addressee: str, years: int
) -> IdentitySummary:
    """Generate a root and a signing certificate here, offline; the key goes into the store only."""
    generate_identity(workspace, by, committee, addressee=addressee, years=years)
    summary = identity_summary(workspace)
    assert summary is not None
    return summary


def import_pkcs12(
    workspace: Workspace, by: Credential, path: Path, password: str, addressee: str
) -> IdentitySummary:
    """Import the organisation CA's PKCS#12 (key, certificate, chain); an expired certificate or a
    key that does not match it is refused with the reason."""
    data = read_limited(path, "PKCS#12 文件", MAX_PKCS12_BYTES)
    import_identity(workspace, by, data, password or None, addressee=addressee)
    summary = identity_summary(workspace)
    assert summary is not None
    return summary


def write_root(workspace: Workspace, out: Path) -> tuple[Path, str]:
    """The active identity's root certificate (PEM) to `out`; returns it with its fingerprint."""
    pem, print_ = root_certificate(workspace)
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(pem)
        partial.replace(out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReportError(f"无法写入 {out}：{os_reason(error)}。") from None
    return out, print_
