"""Offline verification of a sealed PDF and of a detached signature (the 备案包 manifest).

Each check has a Chinese name and passes or fails on its own, so the verdict names what failed.
A PDF passes only when every check passes: the signature is intact and mathematically valid, it is
a certification signature that allows no changes, it covers the whole file (an incremental update
appended after signing is a failure, although poppler's pdfsig still calls such a file valid), the
signer's certificate chains to the trusted root, and the digest of the unsigned document printed in
the signature block matches the document. Nothing here reaches the network.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509

from rongcuo_desktop.seal.identity import der, fingerprint

# pyHanko logs a failed path search as a warning with a traceback; the verdict says it in words.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_HASH_IN_REASON = re.compile(r"原文SHA-256:([0-9a-f]{64})")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Verdict:
    """What a verification found; ``ok`` only when every check passed."""

    subject: str  # the file or member checked, for the printout
    checks: list[Check] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)  # signer, time, fingerprints, hash

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def validation_context(trust: list[x509.Certificate]) -> Any:
    """The offline validation context for these roots (its certificate paths are cached inside)."""
    return _context(trust)


def _context(trust: list[x509.Certificate]) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(der(c)) for c in trust],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def first_revision(data: bytes) -> bytes:
    """The document as rendered before sealing: the file up to its first %%EOF marker (and EOL)."""
    end = data.find(b"%%EOF")
    if end < 0:
        return b""
    end += len(b"%%EOF")
    while end < len(data) and data[end : end + 1] in (b"\r", b"\n"):
        end += 1
    return data[:end]


def verify_pdf(data: bytes, trust: list[x509.Certificate], subject: str = "", context: Any = None) -> Verdict:
    """Verify one sealed PDF against the given trusted roots (none: the signer is not verified).
    ``context`` (from ``validation_context``) may be shared by the documents of one package."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator.errors import PathBuildingError

    verdict = Verdict(subject)
    if not data.startswith(b"%PDF-"):
        verdict.add("文件格式", False, "不是 PDF 文件。")
        return verdict
    try:
        reader = PdfFileReader(io.BytesIO(data))
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as error:
        verdict.add("文件格式", False, f"PDF 文件不完整或已损坏（{type(error).__name__}），可能被截断。")
        return verdict
    verdict.add("文件格式", True, "可读的 PDF 文件")
    if not verdict.add(
        "签名",
        len(signatures) == 1,
        "有一个签名" if len(signatures) == 1 else f"应有一个签名，实际 {len(signatures)} 个",
    ):
        return verdict
    signature = signatures[0]
    try:
        status = validate_pdf_signature(signature, context or _context(trust))
    except (PdfReadError, ValueError, KeyError, TypeError, PathBuildingError) as error:
        verdict.add("签名完好", False, f"签名无法解析（{type(error).__name__}）。")
        return verdict
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    verdict.facts.extend(
        [
            ("签名人", cert.subject.rfc4514_string()),
            (
                "签名时间",
                f"{status.signer_reported_dt.astimezone():%Y-%m-%d %H:%M:%S %z}"
                if status.signer_reported_dt
                else "—",
            ),
            ("签名证书 SHA-256 指纹", fingerprint(cert)),
        ]
    )
    verdict.add(
        "签名完好",
        status.intact and status.valid,
        "签名覆盖的内容未被改动，签名值有效"
        if status.intact and status.valid
        else "签名覆盖的内容已被改动，或签名值无效",
    )
    # The declaration alone is not enough: a file changed after a no-changes certification breaks it
    # (pyHanko's difference analysis says so), and a pass next to a changed file would mislead.
    certified = signature.docmdp_level is MDPPerm.NO_CHANGES
    kept = status.docmdp_ok is not False
    verdict.add(
        "认证签名（不允许任何修改）",
        certified and kept,
        "文件是认证签名，签名后不允许任何修改，也未被修改"
        if certified and kept
        else "文件是“不允许修改”的认证签名，签名后却被修改，违反了认证"
        if certified
        else "不是“不允许修改”的认证签名",
    )
    whole = status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    verdict.add(
        "签名覆盖整个文件",
        whole,
        "签名覆盖文件的每一个字节"
        if whole
        else "签名之后文件又被追加了内容（增量更新，例如批注或修改），追加部分不在签名范围内",
    )
    if trust:
        roots = ", ".join(fingerprint(c) for c in trust)
        verdict.add(
            "证书链到受信任的根证书",
            bool(status.trusted),
            "签名证书由指定的根证书签发，且在有效期内"
            if status.trusted
            else f"签名证书不是由指定的根证书（SHA-256 {roots}）签发，或已过期、尚未生效",
        )
    else:
        verdict.add("证书链到受信任的根证书", False, "未指定根证书（--trust）：无法确认签名人身份")
    reason = str(signature.sig_object.get("/Reason", ""))
    match = _HASH_IN_REASON.search(reason)
    original = first_revision(data)
    actual = hashlib.sha256(original).hexdigest()
    verdict.facts.append(("原文 SHA-256（签名前的文件）", actual))
    if match is None:
        verdict.add("签名块中的原文摘要", False, "签名中没有本程序写入的原文摘要：不是本程序封存的文件")
    else:
        verdict.add(
            "签名块中的原文摘要",
            match.group(1) == actual,
            "与文件一致" if match.group(1) == actual else "与文件不一致",
        )
    return verdict


def verify_detached(
    data: bytes, signature: bytes, trust: list[x509.Certificate], subject: str = ""
) -> Verdict:
    """Verify a CMS SignedData (DER) over ``data``: intact, valid and chained to a trusted root."""
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    verdict = Verdict(subject)
    try:
        content = cms.ContentInfo.load(signature)
        signed_data = content["content"]
        status = asyncio.run(async_validate_detached_cms(data, signed_data, _context(trust)))
    except (ValueError, KeyError, TypeError) as error:
        verdict.add("清单签名", False, f"签名文件无法解析（{type(error).__name__}）")
        return verdict
    verdict.add(
        "清单签名完好",
        status.intact and status.valid,
        "清单自签名后未被改动" if status.intact and status.valid else "清单已被改动，或签名无效",
    )
    if trust:
        verdict.add(
            "清单签名证书链到受信任的根证书",
            bool(status.trusted),
            "由指定的根证书签发" if status.trusted else "不是由指定的根证书签发，或证书已过期",
        )
    else:
        verdict.add("清单签名证书链到受信任的根证书", False, "未指定根证书：无法确认签名人身份")
    return verdict
