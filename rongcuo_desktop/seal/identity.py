"""The committee's signing identity: an ECDSA P-256 key, its signing certificate and the root.

Made offline in the app (an organisation root certificate that signs one signing certificate, both
valid for the retention period the committee names: a plain PAdES B-B signature stops validating
once its certificate expires) or imported from a PKCS#12 file issued by the organisation's own CA.
Plain data and `cryptography` only; the store keeps the key encrypted (store/signing_identity.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEFAULT_RETENTION_YEARS = 30  # 文书档案保管期限: 永久、30 年、10 年; 30 is the longest fixed term
MAX_RETENTION_YEARS = 100
# A root outlives the signing certificate it issues, so a chain checked near the end still holds.
ROOT_MARGIN_YEARS = 5


class IdentityError(ValueError):
    """A signing identity that cannot be used, in words for the user (nothing was changed)."""


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, as colon-separated upper-case hex (how people compare it)."""
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate chain (signing certificate first, root last)."""

    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]  # issuers above `certificate`, up to and including the root

    @property
    def root(self) -> x509.Certificate:
        return self.chain[-1] if self.chain else self.certificate

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @cached_property
    def root_fingerprint(self) -> str:
        return fingerprint(self.root)

    @property
    def committee(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        names = names or self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        value = names[0].value if names else ""
        return value if isinstance(value, str) else value.decode()

    @property
    def not_after(self) -> dt.datetime:
        return min(c.not_valid_after_utc for c in (self.certificate, *self.chain))

    def check_usable(self, now: dt.datetime | None = None) -> None:
        """Raise IdentityError when the key does not match or a certificate is not valid now."""
        now = _utc(now or dt.datetime.now(dt.UTC))
        mine = self.key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        theirs = self.certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        if mine != theirs:
            raise IdentityError("签名私钥与签名证书不匹配：请重新导入证书和私钥成对的 PKCS#12 文件。")
        for cert in (self.certificate, *self.chain):
            label = "签名证书" if cert is self.certificate else "根证书"
            if now > cert.not_valid_after_utc:
                raise IdentityError(
                    f"{label}已于 {cert.not_valid_after_utc:%Y-%m-%d} 过期："
                    "请生成或导入新的签名身份后再导出。"
                )
            if now < cert.not_valid_before_utc:
                raise IdentityError(
                    f"{label}自 {cert.not_valid_before_utc:%Y-%m-%d} 起才生效：请核对本机的日期和时间。"
                )

    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    def key_pkcs8(self) -> bytes:
        """The private key as unencrypted PKCS#8 DER, only for the store to encrypt at once."""
        return self.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )


def _name(committee: str, role: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, committee),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{committee} {role}"),
        ]
    )


def generate(
    committee: str, *, retention_years: int = DEFAULT_RETENTION_YEARS, now: dt.datetime | None = None
) -> SigningIdentity:
    """An organisation root and a signing certificate, both made here, offline, with P-256 keys."""
    committee = committee.strip()
    if not committee:
        raise IdentityError("委员会名称不能为空：证书中的单位名称取自它。")
    if len(committee) > 64:
        raise IdentityError(f"委员会名称过长（{len(committee)} 字）：证书中的单位名称最多 64 字。")
    if not 1 <= retention_years <= MAX_RETENTION_YEARS:
        raise IdentityError(f"保管期限应为 1 到 {MAX_RETENTION_YEARS} 年，实际为 {retention_years}。")
    start = _utc(now or dt.datetime.now(dt.UTC)).replace(microsecond=0) - dt.timedelta(minutes=5)
    days = 366 * retention_years + 1  # whole years, leap days included
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(committee, "根证书")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days + 366 * ROOT_MARGIN_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    signing = (
        x509.CertificateBuilder()
        .subject_name(_name(committee, "文件签名"))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    # The root's private key is not kept: it signed this one certificate and is then dropped, so
    # nobody (this PC included) can issue another certificate under this root.
    return SigningIdentity(key, signing, (root,))


def from_pkcs12(data: bytes, password: str | None) -> SigningIdentity:
    """Read a PKCS#12 file from the organisation's CA; the chain must reach a self-signed root."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None
        )
    except ValueError as error:
        text = str(error).lower()
        if "password" in text or "mac" in text:
            raise IdentityError("PKCS#12 文件的密码不正确。") from None
        raise IdentityError("不是可读的 PKCS#12（.p12/.pfx）文件，或文件已损坏。") from None
    if key is None or cert is None:
        raise IdentityError("PKCS#12 文件中没有私钥和对应的证书：请导出带私钥的证书。")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityError("PKCS#12 中的私钥类型不受支持：请使用 ECDSA（P-256）或 RSA 密钥。")
    chain = _order_chain(cert, list(extra))
    identity = SigningIdentity(key, cert, tuple(chain))
    identity.check_usable()
    return identity


def _order_chain(leaf: x509.Certificate, pool: list[x509.Certificate]) -> list[x509.Certificate]:
    chain: list[x509.Certificate] = []
    current = leaf
    while current.issuer != current.subject:
        issuer = next((c for c in pool if c.subject == current.issuer and c not in chain), None)
        if issuer is None:
            raise IdentityError(
                "PKCS#12 文件中缺少签发该证书的上级证书（直到根证书）：请让签发单位导出完整的证书链。"
            )
        chain.append(issuer)
        current = issuer
    return chain


def load_certificate(data: bytes) -> x509.Certificate:
    """A PEM or DER certificate (the root a receiving authority was given)."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise IdentityError("不是可读的证书文件（PEM 或 DER）。") from None


def common_name(certificate: x509.Certificate) -> str:
    """The certificate's CN (what a person reads: "某区容错免责委员会 根证书"), else its whole subject."""
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else certificate.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode()


def der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def identity_from_stored(key_pkcs8: bytes, certificates: tuple[bytes, ...]) -> SigningIdentity:
    """The identity as the store keeps it (PKCS#8 DER key, DER certificates signing-first)."""
    key = serialization.load_der_private_key(key_pkcs8, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityError("存储的签名私钥类型不受支持。")
    certs = [x509.load_der_x509_certificate(c) for c in certificates]
    return SigningIdentity(key, certs[0], tuple(certs[1:]))
