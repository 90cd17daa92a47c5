"""验证文件…'s work: a sealed PDF or a 备案包 checked against a trusted root, with no store at all.

What the receiving authority runs with nothing but the installed app and the committee's root
certificate. Runs on a slow thread (pyHanko is imported there, on first use); plain data out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rongcuo_desktop.seal.verify import Verdict

MAX_INPUT_BYTES = 500 * 1024 * 1024  # as `rongcuo verify`: a larger file is refused unread
MAX_CERTIFICATE_BYTES = 1024 * 1024


class BadInput(ValueError):
    """The file or the root certificate could not be read as one: nothing was verified."""


@dataclass(frozen=True)
class FileVerdict:
    """What 验证文件… found: each verdict (a package's own, then each document's) check by check."""

    file: Path
    kind: str  # "pdf" or "package"
    verdicts: list[Verdict]
    ok: bool
    roots: list[str]  # SHA-256 fingerprints of the trusted root certificates used


@dataclass(frozen=True)
class RootInfo:
    """A root certificate as the receiving side compares it with what it was told."""

    path: Path
    subject: str
    fingerprint: str
    not_after: dt.datetime


def read_limited(path: Path, what: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The file through the safe reader (a regular file within `limit`; the reason in Chinese)."""
    from rongcuo_desktop.domain.structured import read_limited as read_file
    from rongcuo_desktop.domain.validation import ValidationError

    try:
        return read_file(path, what, limit)
    except ValidationError as error:
        raise BadInput(str(error)) from None


def read_root(path: Path) -> RootInfo:
    """The root certificate's subject, fingerprint and end of validity (shown before verifying)."""
    from rongcuo_desktop.seal.identity import IdentityError, common_name, fingerprint, load_certificate

    try:
        certificate = load_certificate(read_limited(path, "根证书文件", MAX_CERTIFICATE_BYTES))
    except IdentityError as error:
        raise BadInput(f"根证书 {path.name}：{error}") from None
    return RootInfo(path, common_name(certificate), fingerprint(certificate), certificate.not_valid_after_utc)


def verify_file(path: Path, root: Path | None) -> FileVerdict:
    """Verify a sealed PDF or a 备案包 against the committee's root certificate, fully offline."""
    from rongcuo_desktop.reports.package import PackageError, verify_package
    from rongcuo_desktop.seal.identity import IdentityError, fingerprint, load_certificate
    from rongcuo_desktop.seal.verify import verify_pdf

    trust = []
    if root is not None:
        try:
            trust.append(load_certificate(read_limited(root, "根证书文件", MAX_CERTIFICATE_BYTES)))
        except IdentityError as error:
            raise BadInput(f"根证书 {root.name}：{error}") from None
    data = read_limited(path, "要验证的文件")
    roots = [fingerprint(c) for c in trust]
    if data.startswith(b"PK"):
        try:
            checked = verify_package(data, trust)
        except PackageError as error:
            raise BadInput(f"{path.name}：{error}") from None
        return FileVerdict(path, "package", [checked.package, *checked.documents], checked.ok, roots)
    if data.startswith(b"%PDF-"):
        verdict = verify_pdf(data, trust, path.name)
        return FileVerdict(path, "pdf", [verdict], verdict.ok, roots)
    raise BadInput(f"{path.name} 既不是 PDF 文件，也不是备案包（zip）。")
