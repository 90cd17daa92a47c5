"""The committee's signing identity, kept in the store: certificates in clear, the key sealed.

The private key (PKCS#8 DER) is sealed with AES-256-GCM under a key derived (HKDF-SHA256) from the
store's own database key, so it exists only inside the encrypted database and only opens with that
database's key: a copied row, an export or a log never carries a usable key. The store layer
deals in bytes only; seal/identity.py turns them into key and certificate objects.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Boolean, Integer, LargeBinary, String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.models import Base

if TYPE_CHECKING:
    from rongcuo_desktop.store.credential import Credential
    from rongcuo_desktop.store.database import Store

_HKDF_INFO = b"rongcuo signing identity key v1"


class SigningIdentityRow(Base):
    __tablename__ = "signing_identities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee: Mapped[str] = mapped_column(String(64))
    addressee: Mapped[str] = mapped_column(String(200))
    retention_years: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # generated | imported
    fingerprint: Mapped[str] = mapped_column(String(95))
    root_fingerprint: Mapped[str] = mapped_column(String(95))
    certificates: Mapped[str] = mapped_column(Text)  # JSON list of base64 DER, signing certificate first
    key_nonce: Mapped[bytes] = mapped_column(LargeBinary)
    key_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean)


class SigningIdentityError(StoreError):
    """No usable signing identity in the store (none set up, or its key does not open)."""


@dataclass(frozen=True)
class StoredIdentity:
    id: int
    committee: str
    addressee: str
    retention_years: int
    source: str
    fingerprint: str
    root_fingerprint: str
    certificates: tuple[bytes, ...]  # DER, signing certificate first, root last
    key_pkcs8: bytes
    created_at: str
    created_by: str


def _wrapping_key(db_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(db_key)


class SigningIdentityRepository:
    """Read and replace the active identity; changes are audited (chair only)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(
        self,
        by: Credential,
        *,
        committee: str,
        addressee: str,
        retention_years: int,
        source: str,
        fingerprint: str,
        root_fingerprint: str,
        certificates: list[bytes],
        key_pkcs8: bytes,
    ) -> int:
        """Store a new identity as the active one (the previous stays, inactive, for the record)."""
        store = self._store
        actor = store.guard.check_write(Action.SIGNING_IDENTITY, by)
        nonce = os.urandom(12)
        sealed = AESGCM(_wrapping_key(store.key_box.get())).encrypt(nonce, key_pkcs8, fingerprint.encode())
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with store.write_session() as session:
            session.execute(update(SigningIdentityRow).values(active=False))
            row = SigningIdentityRow(
                committee=committee,
                addressee=addressee,
                retention_years=retention_years,
                source=source,
                fingerprint=fingerprint,
                root_fingerprint=root_fingerprint,
                certificates=json.dumps([base64.b64encode(c).decode("ascii") for c in certificates]),
                key_nonce=nonce,
                key_sealed=sealed,
                created_at=now,
                created_by=actor.name,
                active=True,
            )
            session.add(row)
            session.flush()
            store.guard.audit(
                session,
                Action.SIGNING_IDENTITY,
                summary=f"签名证书（{'生成' if source == 'generated' else '导入'}）SHA-256 {fingerprint}",
                after={"fingerprint": fingerprint, "root": root_fingerprint, "committee": committee},
                actor=actor,
            )
            identity_id = row.id
        return identity_id

    def active(self) -> StoredIdentity:
        """The active identity with its key unsealed; SigningIdentityError when there is none."""
        store = self._store
        with store.read_session() as session:
            row = session.scalars(
                select(SigningIdentityRow)
                .where(SigningIdentityRow.active.is_(True))
                .order_by(SigningIdentityRow.id.desc())
            ).first()
            if row is None:
                raise SigningIdentityError(
                    "本库还没有签名证书：请主任先生成或导入签名身份"
                    "（程序中“报告 → 生成签名身份… / 导入 PKCS#12…”，"
                    "命令行 rongcuo identity generate / import）。"
                )
            try:
                key = AESGCM(_wrapping_key(store.key_box.get())).decrypt(
                    row.key_nonce, row.key_sealed, row.fingerprint.encode()
                )
            except InvalidTag:
                raise SigningIdentityError(
                    "签名私钥无法解开（记录已被改动或不属于本库）：请主任重新生成或导入签名证书。"
                ) from None
            return StoredIdentity(
                id=row.id,
                committee=row.committee,
                addressee=row.addressee,
                retention_years=row.retention_years,
                source=row.source,
                fingerprint=row.fingerprint,
                root_fingerprint=row.root_fingerprint,
                certificates=tuple(base64.b64decode(c) for c in json.loads(row.certificates)),
                key_pkcs8=key,
                created_at=row.created_at,
                created_by=row.created_by,
            )


def all_root_certificates(store: Store) -> list[bytes]:
    """The root (DER) of every identity this store has had: packages filed under an earlier identity
    still check against the store that made them."""
    with store.read_session() as session:
        rows = session.scalars(select(SigningIdentityRow.certificates)).all()
    return [base64.b64decode(json.loads(text)[-1]) for text in rows]


def audit_event_exists(store: Store, seq: int, event_hash: str) -> bool:
    from rongcuo_desktop.store.audit_models import AuditEventRow

    with store.read_session() as session:
        found = session.scalars(
            select(AuditEventRow.id).where(AuditEventRow.seq == seq, AuditEventRow.hash == event_hash)
        ).first()
    return found is not None


def audit_head(store: Store) -> tuple[int, str]:
    from rongcuo_desktop.store.audit import head

    with store.read_session() as session:
        return head(session)


def judgment_digest(store: Store, case_id: int, by: Credential) -> str:
    """The digest of the case's judgment record, the same form its audit events hash."""
    from rongcuo_desktop.store.audit_chain import state_digest
    from rongcuo_desktop.store.judgments import snapshot

    return state_digest(snapshot(store.judgments.record(case_id, by=by)))
