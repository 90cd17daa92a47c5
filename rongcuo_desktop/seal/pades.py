"""PAdES sealing with pyHanko: a certification signature, no changes allowed, SHA-256.

Imported only when a document is first sealed (pyHanko's import alone is about 0.3-0.7 s): the
app's start never pays for it. The key object is loaded once per sealer and kept: pyHanko's own
SimpleSigner parses the PKCS#8 key again on every signature (and its RSA path re-validates the
key, about 190 ms); with the cached P-256 key a signature costs a few milliseconds.
"""

from __future__ import annotations

import binascii
import hashlib
import io
import uuid
from typing import Any

from asn1crypto import cms, keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.pdf_utils import content
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm, SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from rongcuo_desktop.seal.identity import SigningIdentity, der
from rongcuo_desktop.seal.signer import SealRequest, SignerInfo

# Room for the CMS signature beyond the size of a probe signature by the same identity. Measured once
# per sealer: pyHanko would otherwise sign each document twice (once to measure). The probe carries a
# signing-time attribute the PDF signature has not (P-256: probe 1,720 bytes, the PDF's 1,677), and an
# ECDSA value varies by a few bytes; every spare byte is two hex digits that each verification parses
# one by one (1,536 spare bytes made the /Contents string twice the size it needs).
SIGNATURE_MARGIN = 256


class _CachedKeySigner(signers.SimpleSigner):
    """SimpleSigner that signs with a key object parsed once (see the module docstring)."""

    def __init__(self, identity: SigningIdentity, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = identity.key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        digest = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(digest))
        if isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, padding.PKCS1v15(), digest)
        raise TypeError("unsupported key type")


class _PdfBytesPage(content.ImportedPdfPage):
    """pyHanko's ImportedPdfPage, reading the appearance from memory instead of a file."""

    def __init__(self, data: bytes) -> None:
        super().__init__(file_name="", page_ix=0)
        self._data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _algorithm(identity: SigningIdentity) -> str:
    if isinstance(identity.key, ec.EllipticCurvePrivateKey):
        return f"ECDSA {identity.key.curve.name.replace('secp256r1', 'P-256')} / SHA-256"
    return f"RSA {identity.key.key_size} / SHA-256"


class PadesSealer:
    """Implements seal.signer.Sealer with a SigningIdentity held in memory."""

    def __init__(self, identity: SigningIdentity) -> None:
        identity.check_usable()
        self.identity = identity
        self._reserve: int | None = None
        chain = [asn1_x509.Certificate.load(der(c)) for c in identity.chain]
        self._signer = _CachedKeySigner(
            identity,
            signing_cert=asn1_x509.Certificate.load(der(identity.certificate)),
            signing_key=keys.PrivateKeyInfo.load(identity.key_pkcs8()),
            cert_registry=SimpleCertificateStore.from_certs(chain),
        )
        self.info = SignerInfo(
            committee=identity.committee,
            fingerprint=identity.fingerprint,
            root_fingerprint=identity.root_fingerprint,
            algorithm=_algorithm(identity),
        )

    def seal_pdf(self, pdf: bytes, request: SealRequest) -> bytes:
        import datetime as dt

        document_hash = hashlib.sha256(pdf).hexdigest()
        now = dt.datetime.now().astimezone().replace(microsecond=0)
        appearance = request.appearance(document_hash, now.strftime("%Y-%m-%d %H:%M:%S"))
        meta = signers.PdfSignatureMetadata(
            field_name=request.field_name,
            md_algorithm="sha256",
            subfilter=SigSeedSubFilter.PADES,
            certify=True,
            docmdp_permissions=MDPPerm.NO_CHANGES,
            reason=f"{request.reason} 原文SHA-256:{document_hash}",
            location=request.location,
        )
        x1, y1, x2, y2 = (round(v) for v in request.box)
        field = SigFieldSpec(request.field_name, on_page=request.page, box=(x1, y1, x2, y2))
        style = StaticStampStyle(background=_PdfBytesPage(appearance), border_width=0, background_opacity=1.0)
        pdf_signer = signers.PdfSigner(meta, signer=self._signer, new_field_spec=field, stamp_style=style)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out, bytes_reserved=self._reserved())
        return out.getvalue()

    def _reserved(self) -> int:
        if self._reserve is None:
            # pyHanko counts the reservation in hex digits: two per byte of DER.
            self._reserve = 2 * (len(self.sign_detached(b"probe")) + SIGNATURE_MARGIN)
        return self._reserve

    def sign_detached(self, data: bytes) -> bytes:
        import asyncio

        signed = asyncio.run(self._signer.async_sign_general_data(data, "sha256", detached=True))
        assert isinstance(signed, cms.ContentInfo)
        return bytes(signed.dump())
