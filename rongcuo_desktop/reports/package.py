"""The 备案包: one .zip with the sealed documents, the case JSON, a signed manifest and the root.

Layout (docs/report-format.md):
    manifest.json        what is inside: every other file's SHA-256 and size, the 文号, the audit
                         chain head (seq, hash) at export and the digest of the case's judgment record
    manifest.json.p7s    CMS detached signature of manifest.json (same identity as the PDFs)
    root.pem             the committee's root certificate (convenience; trust comes from outside)
    case.json            the case in the documented case format (docs/case-format.md)
    *.pdf                the sealed documents
A package passes only when the manifest's signature chains to the trusted root, every listed file
is there with its hash, nothing else is there, every PDF passes its own check and case.json names
the same 文号. The package is also an anchor held elsewhere (`rongcuo audit verify --against`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from rongcuo_desktop.seal.verify import Verdict, validation_context, verify_detached, verify_pdf

PACKAGE_FORMAT = "rongcuo-filing-package"
PACKAGE_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.json.p7s"
ROOT = "root.pem"
CASE = "case.json"
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # a member larger than this is refused before it is read
MAX_MEMBERS = 200


class PackageError(ValueError):
    """Bad input: not a zip, not a 备案包, or unreadable; the message names what."""


@dataclass(frozen=True)
class PackageContent:
    doc_no: str
    committee: str
    audit_head: tuple[int, str]
    judgment_digest: str
    documents: list[tuple[str, bytes]]  # file name, sealed PDF
    case_json: bytes
    root_pem: bytes
    signer_fingerprint: str
    root_fingerprint: str


def build_manifest(content: PackageContent, created_at: dt.datetime) -> bytes:
    files = [(name, data) for name, data in content.documents]
    files += [(CASE, content.case_json), (ROOT, content.root_pem)]
    manifest: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "doc_no": content.doc_no,
        "committee": content.committee,
        "created_at": created_at.isoformat(timespec="seconds"),
        "audit_head": {"seq": content.audit_head[0], "hash": content.audit_head[1]},
        "judgment_digest": content.judgment_digest,
        "signer_fingerprint": content.signer_fingerprint,
        "root_fingerprint": content.root_fingerprint,
        "files": [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in files
        ],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def write_package(content: PackageContent, sign_detached: Any, created_at: dt.datetime) -> bytes:
    """The zip's bytes; ``sign_detached(data) -> CMS DER`` signs the manifest."""
    manifest = build_manifest(content, created_at)
    buffer = io.BytesIO()
    stamp = created_at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def put(name: str, data: bytes, compress: bool = True) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.flag_bits |= 0x800  # UTF-8 names (备案报告.pdf)
            archive.writestr(info, data)

        put(MANIFEST, manifest)
        put(MANIFEST_SIGNATURE, sign_detached(manifest))
        put(ROOT, content.root_pem)
        put(CASE, content.case_json)
        for name, data in content.documents:
            put(name, data, compress=False)  # already compressed inside
    return buffer.getvalue()


@dataclass
class PackageVerdict:
    """The whole package's verdict: its own checks plus one Verdict per document."""

    package: Verdict
    documents: list[Verdict]
    manifest: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.package.ok and bool(self.documents) and all(v.ok for v in self.documents)


def read_members(data: bytes) -> dict[str, bytes]:
    """Every member of the zip; PackageError for a file that is not a readable zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackageError("不是 zip 文件，或文件已损坏、被截断。") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageError(f"包内文件过多（{len(infos)} 个）：不是本程序导出的备案包。")
    members: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackageError(f"包内文件 {info.filename} 过大（{info.file_size} 字节）。")
        if info.filename in members:
            raise PackageError(f"包内有两个同名文件：{info.filename}。")
        try:
            members[info.filename] = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise PackageError(
                f"包内文件 {info.filename} 无法读出（{type(error).__name__}）：文件已损坏。"
            ) from None
    return members


def verify_package(data: bytes, trust: list[x509.Certificate]) -> PackageVerdict:
    from rongcuo_desktop.domain.case_file import parse_case_file
    from rongcuo_desktop.domain.validation import ValidationError

    members = read_members(data)
    verdict = Verdict("备案包")
    result = PackageVerdict(verdict, [])
    for needed in (MANIFEST, MANIFEST_SIGNATURE):
        if needed not in members:
            verdict.add("清单", False, f"包内缺少 {needed}：不是完整的备案包")
            return result
    manifest_bytes = members[MANIFEST]
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        files = {f["path"]: f for f in manifest["files"]}
        if manifest.get("format") != PACKAGE_FORMAT:
            raise ValueError(manifest.get("format"))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        verdict.add("清单", False, "manifest.json 不是本程序的备案包清单")
        return result
    result.manifest = manifest
    verdict.facts += [
        ("文号", str(manifest.get("doc_no", ""))),
        ("委员会", str(manifest.get("committee", ""))),
        ("导出时间", str(manifest.get("created_at", ""))),
        ("导出时审计链头", f"第 {manifest['audit_head']['seq']} 条，{manifest['audit_head']['hash']}"),
    ]
    signed = verify_detached(manifest_bytes, members[MANIFEST_SIGNATURE], trust, "manifest.json")
    verdict.checks += signed.checks
    listed = set(files)
    present = set(members) - {MANIFEST, MANIFEST_SIGNATURE}
    missing = sorted(listed - present)
    extra = sorted(present - listed)
    verdict.add("清单中的文件都在", not missing, "齐全" if not missing else "缺少：" + "、".join(missing))
    verdict.add("没有清单以外的文件", not extra, "没有" if not extra else "多出：" + "、".join(extra))
    altered = [
        name
        for name in sorted(listed & present)
        if hashlib.sha256(members[name]).hexdigest() != files[name]["sha256"]
        or len(members[name]) != files[name]["size"]
    ]
    verdict.add(
        "文件摘要与清单一致",
        not altered,
        "每个文件的 SHA-256 都与清单一致" if not altered else "与清单不一致：" + "、".join(altered),
    )
    if CASE in members:
        try:
            case_file = parse_case_file(json.loads(members[CASE].decode("utf-8")))
            same = case_file.case.doc_no == manifest.get("doc_no")
            verdict.add("案件文件", same, "文号与清单一致" if same else "案件文件的文号与清单不一致")
        except (ValueError, ValidationError, UnicodeDecodeError) as error:
            verdict.add("案件文件", False, f"case.json 无法读取：{str(error).splitlines()[0][:120]}")
    if ROOT in members and trust:
        from rongcuo_desktop.seal.identity import IdentityError, fingerprint, load_certificate

        try:
            packaged = fingerprint(load_certificate(members[ROOT]))
        except IdentityError:
            packaged = ""
        trusted = {fingerprint(c) for c in trust}
        verdict.add(
            "包内根证书与受信任的根证书一致",
            packaged in trusted,
            "一致"
            if packaged in trusted
            else f"包内根证书（SHA-256 {packaged or '无法读取'}）不是所信任的根证书",
        )
    pdfs = sorted(name for name in present if name.lower().endswith(".pdf"))
    if not pdfs:
        verdict.add("封存的文件", False, "包内没有 PDF 文件")
    context = validation_context(trust)
    for name in pdfs:
        result.documents.append(verify_pdf(members[name], trust, name, context))
    return result
