"""Export sealed documents of a stored case: gather the record, render, seal, record the export.

The one door for the CLI and the GUI: each call takes the open Workspace and the acting person's
Credential (services), never a global "current user". An export is an audit event with the
document's SHA-256. The sealer is built once per signing identity and kept, so a batch reuses the
parsed key (see seal/pades.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.domain.committee import Votes as StoredVotes
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.rulebook import Rulebook, find_rulebook, rulebook_files
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.paths import rulebooks_dir
from rongcuo_desktop.reports.export import SealedDocument, seal_document
from rongcuo_desktop.reports.fonts import faces, stand_in_note
from rongcuo_desktop.reports.model import Kind, ReportData, ReportError, Votes, build_document
from rongcuo_desktop.seal.verify import Verdict
from rongcuo_desktop.services.progress import QUIET, Progress

if TYPE_CHECKING:
    from rongcuo_desktop.seal.identity import SigningIdentity
    from rongcuo_desktop.seal.pades import PadesSealer
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.credential import Credential
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.signing_identity import StoredIdentity

_SEALERS: dict[tuple[str, int, str], PadesSealer] = {}


class ExportCancelled(Exception):
    """取消 was heard before the file was written: nothing was written and nothing recorded."""


class IdentityUnavailable(ReportError):
    """The store has no usable signing identity (none set up, or its key does not open): the 主任
    generates or imports one; nothing was written."""


def _active_identity(store: Store) -> StoredIdentity:
    from rongcuo_desktop.store.signing_identity import SigningIdentityError, SigningIdentityRepository

    try:
        return SigningIdentityRepository(store).active()
    except SigningIdentityError as error:
        raise IdentityUnavailable(str(error)) from None


def sealer_for(store: Store) -> PadesSealer:
    """The store's active signing identity as a sealer (cached per store and identity)."""
    from rongcuo_desktop.seal.identity import IdentityError, identity_from_stored
    from rongcuo_desktop.seal.pades import PadesSealer

    stored = _active_identity(store)
    # Keyed by what the row holds, not only its number: a row changed since (outside the app) is
    # read and checked again instead of signing with the key and certificates cached before.
    content = hashlib.sha256(stored.key_pkcs8 + b"".join(stored.certificates)).hexdigest()
    key = (str(store.data_dir), stored.id, content)
    sealer = _SEALERS.get(key)
    if sealer is None:
        try:
            sealer = PadesSealer(identity_from_stored(stored.key_pkcs8, stored.certificates))
        except (IdentityError, ValueError) as error:
            raise IdentityUnavailable(str(error)) from None
        _SEALERS.clear()  # one identity at a time: a replaced identity's key leaves memory
        _SEALERS[key] = sealer
    else:
        try:
            sealer.identity.check_usable()
        except IdentityError as error:
            raise IdentityUnavailable(str(error)) from None
    return sealer


# Rulebooks found by id, kept while the folder's files stay as they were (name, size, mtime): every
# document read, parsed and checked all the shipped rulebooks again, 35-50 ms a document, as much as
# rendering and sealing it. Rulebooks are frozen values.
_RULEBOOKS: dict[tuple[str, str, tuple[tuple[str, int, int], ...]], Rulebook] = {}


def _rulebook(key: str) -> Rulebook:
    directory = rulebooks_dir()
    if Path(key).suffix.lower() in (".toml", ".json"):  # a file named directly: read as it is now
        return find_rulebook(key, directory)
    try:
        files = tuple(
            (p.name, s.st_size, s.st_mtime_ns) for p in rulebook_files(directory) for s in (p.stat(),)
        )
    except OSError:
        return find_rulebook(key, directory)  # says what is wrong with the folder
    cache_key = (key, str(directory), files)
    found = _RULEBOOKS.get(cache_key)
    if found is None:
        found = find_rulebook(key, directory)
        if len(_RULEBOOKS) > 16:
            _RULEBOOKS.clear()
        _RULEBOOKS[cache_key] = found
    return found


def _votes(votes: StoredVotes | None) -> Votes | None:
    """The meeting's vote as the store recorded it (domain.committee.Votes), in the report's shape."""
    return None if votes is None else Votes(votes.for_, votes.against, votes.abstain)


def report_data(
    workspace: Workspace, by: Credential, case_id: int, *, issued_on: dt.date | None = None
) -> ReportData:
    """The plain record of one decided case, as the acting person may read it."""
    store = workspace.store
    case_file = store.judgments.case_file(case_id, by=by)
    case = case_file.case
    if case.conclusion is None:
        raise ReportError(f"{case.doc_no} 尚未记录认定结论：会议认定后才能导出报告。")
    record = store.judgments.record(case_id, by=by)
    rulebook_key = (record.decision.rulebook if record.decision else "") or case.rulebook
    if not rulebook_key:
        raise ReportError(f"{case.doc_no} 没有指定规则库：无法说明认定依据。")
    try:
        rulebook = _rulebook(rulebook_key)
    except (ValidationError, FileNotFoundError, LookupError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else error
        raise ReportError(f"{case.doc_no} 的规则库“{rulebook_key}”无法读取：{reason}") from None
    stored = _active_identity(store)
    sealer = sealer_for(store)
    return ReportData(
        case_file=case_file,
        rulebook=rulebook,
        judgment=judge(case_file, rulebook),
        committee=stored.committee,
        addressee=stored.addressee,
        issued_on=issued_on or dt.date.today(),
        decision_note=record.decision.note if record.decision else case_file.decision_note,
        votes=_votes(record.decision.votes if record.decision else None),
        dissent=(record.decision.dissent,) if record.decision and record.decision.dissent else (),
        algorithm=sealer.info.algorithm,
        font_note=stand_in_note(faces()),
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    pages: int
    kind: str


class ReportWriteError(ReportError):
    """The file could not be written (it exists, the disk is full, no permission); no partial file
    is left behind."""


def _write(path: Path, data: bytes, overwrite: bool) -> None:
    """Write under a temporary name in the same folder, then rename: a reader never sees half a file."""
    path = path.expanduser()
    if path.exists() and not overwrite:
        raise ReportWriteError(f"文件已经存在：{path}。为免覆盖，请换一个文件名，或加 --overwrite。")
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReportWriteError(f"无法写入 {path}：{os_reason(error)}。") from None


def seal_case_document(
    workspace: Workspace,
    by: Credential,
    case_id: int,
    kind: Kind,
    *,
    public: bool = False,
    data: ReportData | None = None,
) -> SealedDocument:
    """Render and seal one document of a case (no file written, no audit yet): also the preview.
    ``data``: the case's report_data as this person read it already (a batch reads it once per case,
    not once per document)."""
    workspace.store.guard.check(Action.REPORT_EXPORT, by)
    data = data or report_data(workspace, by, case_id)
    return seal_document(build_document(data, kind, public=public), sealer_for(workspace.store))


def save_sealed(
    workspace: Workspace,
    by: Credential,
    case_id: int,
    sealed: SealedDocument,
    out: Path,
    *,
    public: bool = False,
    overwrite: bool = False,
) -> ExportResult:
    """Write a document sealed by ``seal_case_document`` (the very bytes a preview showed) and record
    the export with its SHA-256."""
    workspace.store.guard.check(Action.REPORT_EXPORT, by)
    digest = hashlib.sha256(sealed.pdf).hexdigest()
    _write(out, sealed.pdf, overwrite)
    workspace.store.record(
        Action.REPORT_EXPORT,
        case_id=case_id,
        summary=f"导出{sealed.document.kind}{'（公开版）' if public else ''}，SHA-256 {digest}",
        by=by,
    )
    return ExportResult(out, digest, sealed.pages, sealed.document.kind)


def export_report(
    workspace: Workspace,
    by: Credential,
    case_id: int,
    kind: Kind,
    out: Path,
    *,
    public: bool = False,
    overwrite: bool = False,
) -> ExportResult:
    sealed = seal_case_document(workspace, by, case_id, kind, public=public)
    return save_sealed(workspace, by, case_id, sealed, out, public=public, overwrite=overwrite)


# Characters no file system takes in a name (Windows is the strictest); 〔〕 and 号 are fine.
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name on Windows and Linux: unsafe characters become "_", no
    leading or trailing dots or spaces (Windows drops them)."""
    return _UNSAFE_IN_NAMES.sub("_", text).strip(" .") or "_"


def document_title(kind: Kind) -> str:
    """The document's full name as it is printed (反馈通知书 is 结果反馈通知书)."""
    return "结果反馈通知书" if kind is Kind.FEEDBACK else kind.value


def document_file_name(kind: Kind, doc_no: str, *, public: bool = False) -> str:
    """备案报告-容错〔2026〕3号.pdf, 认定意见书-容错〔2026〕3号-公开版.pdf."""
    return safe_file_name(f"{document_title(kind)}-{doc_no}{'-公开版' if public else ''}") + ".pdf"


def package_file_name(doc_no: str) -> str:
    """备案包-容错〔2026〕3号.zip."""
    return safe_file_name(f"备案包-{doc_no}") + ".zip"


def export_batch(
    workspace: Workspace,
    by: Credential,
    case_ids: Iterable[int],
    kind: Kind,
    folder: Path,
    *,
    public: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> list[ExportResult]:
    """Many cases into one folder, named by 文号; ``progress(done, total)`` returning False cancels."""
    ids = list(case_ids)
    results: list[ExportResult] = []
    for done, case_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids)):
            break
        doc_no = workspace.store.cases.get(case_id, by=by).doc_no
        name = document_file_name(kind, doc_no, public=public)
        results.append(export_report(workspace, by, case_id, kind, folder / name, public=public))
    if progress is not None:
        progress(len(results), len(ids))
    return results


PACKAGE_DOCUMENTS = (
    (Kind.FILING, False, "备案报告.pdf"),
    (Kind.OPINION, False, "认定意见书.pdf"),
    (Kind.FEEDBACK, False, "结果反馈通知书.pdf"),
    (Kind.FILING, True, "备案报告-公开版.pdf"),
    (Kind.OPINION, True, "认定意见书-公开版.pdf"),
    (Kind.FEEDBACK, True, "结果反馈通知书-公开版.pdf"),
)


def export_package(
    workspace: Workspace,
    by: Credential,
    case_id: int,
    out: Path,
    *,
    overwrite: bool = False,
    task: Progress = QUIET,
) -> ExportResult:
    """The 备案包 of one decided case (see reports/package.py), recorded as an export. `task` hears
    取消 between its six documents and before the write (ExportCancelled: nothing written)."""
    from rongcuo_desktop.domain.case_file import dumps_case_file
    from rongcuo_desktop.reports.package import PackageContent, write_package
    from rongcuo_desktop.store.signing_identity import audit_head, judgment_digest

    store = workspace.store
    store.guard.check(Action.REPORT_EXPORT, by)
    data = report_data(workspace, by, case_id)
    sealer = sealer_for(store)
    total = len(PACKAGE_DOCUMENTS) + 1  # the documents, then the manifest and the write
    documents = []
    for done, (kind, public, name) in enumerate(PACKAGE_DOCUMENTS):
        task.report(done, total)
        if task.cancelled:
            raise ExportCancelled
        documents.append((name, seal_document(build_document(data, kind, public=public), sealer).pdf))
    identity = sealer.identity
    content = PackageContent(
        doc_no=data.case.doc_no,
        committee=data.committee,
        audit_head=audit_head(store),
        judgment_digest=judgment_digest(store, case_id, by),
        documents=documents,
        case_json=dumps_case_file(data.case_file).encode("utf-8"),
        root_pem=identity.root_pem(),
        signer_fingerprint=identity.fingerprint,
        root_fingerprint=identity.root_fingerprint,
    )
    package = write_package(content, sealer.sign_detached, dt.datetime.now().astimezone())
    task.report(len(PACKAGE_DOCUMENTS), total)
    if task.cancelled:
        raise ExportCancelled
    digest = hashlib.sha256(package).hexdigest()
    _write(out, package, overwrite)
    store.record(Action.REPORT_EXPORT, case_id=case_id, summary=f"导出备案包，SHA-256 {digest}", by=by)
    task.report(total, total)
    return ExportResult(out, digest, len(documents), "备案包")


def check_against_package(
    workspace: Workspace, by: Credential, package: bytes, extra_trust: list[bytes] | None = None
) -> Verdict:
    """`rongcuo audit verify --against`: the package is genuine, the store's chain still holds the
    head filed in it, and the case's judgment record is what was filed."""
    from cryptography import x509

    from rongcuo_desktop.reports.package import verify_package
    from rongcuo_desktop.seal.identity import load_certificate
    from rongcuo_desktop.store.signing_identity import (
        all_root_certificates,
        audit_event_exists,
        judgment_digest,
    )

    store = workspace.store
    roots = [x509.load_der_x509_certificate(der) for der in all_root_certificates(store)]
    roots += [load_certificate(pem) for pem in extra_trust or []]
    checked = verify_package(package, roots)
    verdict = Verdict("备案包与本库的审计记录")
    verdict.facts = checked.package.facts
    bad = [c.name for c in checked.package.failures] + [
        f"{v.subject}：{c.name}" for v in checked.documents for c in v.failures
    ]
    verdict.add("备案包本身完好且由本库的签名证书签名", checked.ok, "通过" if checked.ok else "；".join(bad))
    manifest = checked.manifest
    if manifest is None:
        return verdict
    seq, head_hash = int(manifest["audit_head"]["seq"]), str(manifest["audit_head"]["hash"])
    report = store.audit_verify(by=by)
    verdict.add("审计记录完好", report.ok, report.summary().splitlines()[0])
    contains = audit_event_exists(store, seq, head_hash)
    verdict.add(
        "审计记录仍含备案时的链头",
        contains,
        f"第 {seq} 条记录与备案时一致"
        if contains
        else f"本库的审计记录中没有备案时的第 {seq} 条记录（{head_hash[:16]}…）：数据库可能被回退或改动",
    )
    case_id = store.cases.id_for_doc_no(str(manifest.get("doc_no", "")))
    if case_id is None:
        verdict.add("案件研判记录与备案一致", False, f"本库中没有文号为 {manifest.get('doc_no')} 的案件")
        return verdict
    same = judgment_digest(store, int(case_id), by) == manifest.get("judgment_digest")
    verdict.add(
        "案件研判记录与备案一致",
        same,
        "清单、评分、回避和认定结论与备案时相同"
        if same
        else "备案之后本案的研判记录（清单、评分、回避或认定结论）被改动过",
    )
    return verdict


DEFAULT_ADDRESSEE = "上级纪检监察机关"


def _save_identity(
    store: Store, by: Credential, identity: SigningIdentity, *, addressee: str, years: int, source: str
) -> None:
    from rongcuo_desktop.seal.identity import der
    from rongcuo_desktop.store.signing_identity import SigningIdentityRepository

    SigningIdentityRepository(store).save(
        by,
        committee=identity.committee,
        addressee=addressee.strip() or DEFAULT_ADDRESSEE,
        retention_years=years,
        source=source,
        fingerprint=identity.fingerprint,
        root_fingerprint=identity.root_fingerprint,
        certificates=[der(c) for c in (identity.certificate, *identity.chain)],
        key_pkcs8=identity.key_pkcs8(),
    )
    _SEALERS.clear()


def generate_identity(
    workspace: Workspace,
    by: Credential,
    committee: str,
    *,
    addressee: str = DEFAULT_ADDRESSEE,
    years: int | None = None,
) -> SigningIdentity:
    """Make a root and a signing certificate here, offline; the key goes into the store only."""
    from rongcuo_desktop.seal.identity import DEFAULT_RETENTION_YEARS, generate

    workspace.store.guard.check_write(Action.SIGNING_IDENTITY, by)
    years = years or DEFAULT_RETENTION_YEARS
    identity = generate(committee, retention_years=years)
    _save_identity(workspace.store, by, identity, addressee=addressee, years=years, source="generated")
    return identity


def import_identity(
    workspace: Workspace,
    by: Credential,
    pkcs12: bytes,
    password: str | None,
    *,
    addressee: str = DEFAULT_ADDRESSEE,
) -> SigningIdentity:
    from rongcuo_desktop.seal.identity import from_pkcs12

    workspace.store.guard.check_write(Action.SIGNING_IDENTITY, by)
    identity = from_pkcs12(pkcs12, password)
    years = max(1, (identity.not_after - dt.datetime.now(dt.UTC)).days // 366)
    _save_identity(workspace.store, by, identity, addressee=addressee, years=years, source="imported")
    return identity


def root_certificate(workspace: Workspace) -> tuple[bytes, str]:
    """The active identity's root certificate (PEM) and its SHA-256 fingerprint."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from rongcuo_desktop.seal.identity import fingerprint
    from rongcuo_desktop.store.signing_identity import SigningIdentityRepository

    stored = SigningIdentityRepository(workspace.store).active()
    root = x509.load_der_x509_certificate(stored.certificates[-1])
    return root.public_bytes(serialization.Encoding.PEM), fingerprint(root)


@dataclass(frozen=True)
class IdentitySummary:
    """The active signing identity as the GUI shows it (no key)."""

    committee: str
    addressee: str
    source: str  # generated | imported
    retention_years: int
    not_after: dt.datetime
    fingerprint: str
    root_fingerprint: str
    problem: str  # why it cannot sign now ("" when it can): expired, not yet valid, key mismatch


def identity_summary(workspace: Workspace) -> IdentitySummary | None:
    """The active identity, or None when the store has none yet; a key that does not open or a
    certificate that is not valid now is said in ``problem``."""
    from cryptography import x509

    from rongcuo_desktop.seal.identity import IdentityError, identity_from_stored
    from rongcuo_desktop.store.signing_identity import all_root_certificates

    store = workspace.store
    if not all_root_certificates(store):
        return None
    stored = _active_identity(store)
    problem = ""
    try:
        identity_from_stored(stored.key_pkcs8, stored.certificates).check_usable()
    except (IdentityError, ValueError) as error:
        problem = str(error)
    certs = [x509.load_der_x509_certificate(c) for c in stored.certificates]
    return IdentitySummary(
        committee=stored.committee,
        addressee=stored.addressee,
        source=stored.source,
        retention_years=stored.retention_years,
        not_after=min(c.not_valid_after_utc for c in certs),
        fingerprint=stored.fingerprint,
        root_fingerprint=stored.root_fingerprint,
        problem=problem,
    )
