"""The one small interface the report code signs through.

A report is sealed by whatever implements `Sealer`: today `PadesSealer` (ECDSA P-256 or RSA with
SHA-256 through pyHanko, seal/pades.py); an SM2/SM3 sealer (gmssl, or an organ's USB-key e-seal
client) can be added beside it without touching reports/. What a sealer gets is plain data: the
PDF bytes, where the visible signature goes, and a function that draws the signature block once
the hash of the unsigned document is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

Box = tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom left


@dataclass(frozen=True)
class SealRequest:
    """What to seal and how the visible signature block looks.

    ``appearance`` gets the SHA-256 (hex) of the unsigned document and the signing time text and
    returns a one-page PDF the size of ``box`` (drawn by reports/stamp.py), used as the block's
    appearance. The signature covers that appearance too.
    """

    page: int  # 0-based; -1 is the last page
    box: Box
    appearance: Callable[[str, str], bytes]
    reason: str
    location: str
    field_name: str = "Seal"


@dataclass(frozen=True)
class SignerInfo:
    committee: str
    fingerprint: str  # SHA-256 of the signing certificate, colon-separated hex
    root_fingerprint: str
    algorithm: str  # e.g. "ECDSA P-256 / SHA-256"


class Sealer(Protocol):
    """Signs a whole PDF (certification, no changes allowed) and detached data (the 备案包 manifest)."""

    info: SignerInfo

    def seal_pdf(self, pdf: bytes, request: SealRequest) -> bytes: ...

    def sign_detached(self, data: bytes) -> bytes:
        """A CMS SignedData (DER) over ``data``, the certificate chain inside."""
        ...
