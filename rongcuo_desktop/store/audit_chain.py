"""The audit hash chain as plain data: hashing an event, verifying a run of events, the anchor.

No database here, so the rules can be tested fast and read in one place. Each event holds the hash
of the one before it; the chain's head (its length and last hash) is also kept outside the database
("the anchor"), authenticated with a key derived from the database key, so an older copy of the
database put back (rollback) shows up as a chain shorter than its anchor or a different head.

Honest limit: whoever holds the database key can rewrite the whole chain and the anchor; the chain
makes changes by people without it, careless edits and rollbacks visible, not a key holder's forgery.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64
ANCHOR_INFO = b"rongcuo audit anchor v1"
# Same output as json.dumps(fields, ensure_ascii=False, separators=(",", ":")), one encoder reused:
# the full check of 1,000,000 events spends a good part of its time here.
_PAYLOAD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class AuditEvent:
    """One recorded change. `summary` is short Chinese for the timeline; `detail` is JSON text."""

    seq: int
    at: str  # ISO 8601 UTC, to the microsecond
    actor_id: int | None
    actor_name: str
    actor_role: str
    action: str
    case_id: int | None
    summary: str
    detail: str
    before_hash: str
    after_hash: str
    prev_hash: str
    hash: str

    def payload(self) -> str:
        return event_payload(
            self.seq,
            self.at,
            self.actor_id,
            self.actor_name,
            self.actor_role,
            self.action,
            self.case_id,
            self.summary,
            self.detail,
            self.before_hash,
            self.after_hash,
            self.prev_hash,
        )


def event_payload(
    seq: int,
    at: str,
    actor_id: int | None,
    actor_name: str,
    actor_role: str,
    action: str,
    case_id: int | None,
    summary: str,
    detail: str,
    before_hash: str,
    after_hash: str,
    prev_hash: str,
) -> str:
    fields = [seq, at, actor_id, actor_name, actor_role, action, case_id, summary, detail]
    fields += [before_hash, after_hash, prev_hash]
    return _PAYLOAD_ENCODER.encode(fields)


def hash_payload(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _encode_other(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


# The same text as json.dumps(_plain(state), ...) for every state the store hashes (string keys; the
# enums are StrEnums, which JSON writes as their code): one C-level pass instead of a Python walk, so
# the check of 100,000 cases (audit_state.py) hashes them about three times faster.
_STATE_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_encode_other
)


def state_digest(state: Any) -> str:
    """SHA-256 of a canonical JSON form of a dataclass or mapping ("" for nothing, e.g. before a create)."""
    if state is None:
        return ""
    if dataclasses.is_dataclass(state) and not isinstance(state, type):
        state = {f.name: getattr(state, f.name) for f in dataclasses.fields(state)}
    try:
        text = _STATE_ENCODER.encode(state)
    except TypeError:
        text = json.dumps(_plain(state), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ProblemKind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"
    LINK = "link"  # content intact but the previous hash does not match: a neighbour was replaced
    ROLLBACK = "rollback"  # shorter than the anchor: an older copy of the database was put back
    HEAD_MISMATCH = "head_mismatch"  # same length as the anchor but another history
    ANCHOR = "anchor"  # the anchor itself was altered
    STATE = "state"  # a case's rows do not hash to its latest event (audit_state.py); seq is the case id


@dataclass(frozen=True)
class ChainProblem:
    kind: ProblemKind
    seq: int
    message: str  # Chinese, names the event

    @property
    def fingerprint(self) -> str:
        return f"{self.kind.value}:{self.seq}"


def _describe(event: AuditEvent) -> str:
    return f"第 {event.seq} 条（{event.at[:19].replace('T', ' ')}，{event.actor_name}，{event.action}）"


@dataclass
class ChainWalk:
    """The state of a verification, so it can continue from a checkpoint (incremental check at open)."""

    prev_hash: str = GENESIS
    max_seq: int = 0
    count: int = 0
    start_seq: int = 1

    def __post_init__(self) -> None:
        self._seen = bytearray()
        self._disturbed = False
        self.problems: list[ChainProblem] = []

    def _mark(self, seq: int) -> bool:
        index = seq - self.start_seq
        if index < 0:
            return True
        if index >= len(self._seen):
            self._seen.extend(b"\0" * max(index + 1 - len(self._seen), len(self._seen)))
        was = bool(self._seen[index])
        self._seen[index] = 1
        return was

    def feed(self, event: AuditEvent) -> None:
        """Check one event, read in storage (append) order."""
        self.count += 1
        if hash_payload(event.payload()) != event.hash:
            self.problems.append(
                ChainProblem(ProblemKind.EDITED, event.seq, f"{_describe(event)}审计事件的内容被修改。")
            )
        seen_before = self._mark(event.seq)
        if event.seq <= self.max_seq:
            if seen_before:
                self.problems.append(
                    ChainProblem(
                        ProblemKind.INSERTED, event.seq, f"{_describe(event)}是插入的审计事件（编号重复）。"
                    )
                )
            else:
                self.problems.append(
                    ChainProblem(
                        ProblemKind.REORDERED, event.seq, f"{_describe(event)}审计事件的顺序被调换。"
                    )
                )
            self._disturbed = True
        else:
            contiguous = event.seq == self.max_seq + 1
            if contiguous and not self._disturbed and event.prev_hash != self.prev_hash:
                self.problems.append(
                    ChainProblem(
                        ProblemKind.LINK,
                        event.seq,
                        f"{_describe(event)}之前的审计事件被替换或改写（前序哈希不符）。",
                    )
                )
            self._disturbed = not contiguous
            self.max_seq = event.seq
        self.prev_hash = event.hash

    def finish(self) -> list[ChainProblem]:
        """Add the numbers never seen (deleted events) and return every problem, in chain order."""
        missing: list[int] = [
            self.start_seq + i for i in range(self.max_seq - self.start_seq + 1) if not self._seen_at(i)
        ]
        for first, last in _runs(missing):
            what = f"第 {first} 条" if first == last else f"第 {first} 至 {last} 条"
            self.problems.append(ChainProblem(ProblemKind.DELETED, first, f"{what}审计事件被删除。"))
        self.problems.sort(key=lambda p: p.seq)
        return self.problems

    def _seen_at(self, index: int) -> bool:
        return index < len(self._seen) and bool(self._seen[index])


def _runs(numbers: list[int]) -> Iterable[tuple[int, int]]:
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif n == prev + 1:  # type: ignore[operator]
            prev = n
        else:
            yield start, prev  # type: ignore[misc]
            start = prev = n
    if start is not None:
        yield start, prev  # type: ignore[misc]


def verify_events(events: Iterable[AuditEvent]) -> list[ChainProblem]:
    """Full check of a chain from its first event."""
    walk = ChainWalk()
    for event in events:
        walk.feed(event)
    return walk.finish()


# --- the anchor -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The chain's length and head hash, authenticated so an edit of the file shows."""

    length: int
    head: str
    mac: str

    def to_json(self) -> dict[str, Any]:
        return {"length": self.length, "head": self.head, "mac": self.mac}

    @classmethod
    def from_json(cls, data: Any) -> Anchor | None:
        try:
            return cls(int(data["length"]), str(data["head"]), str(data["mac"]))
        except (TypeError, KeyError, ValueError):
            return None


def anchor_key(db_key: bytes) -> bytes:
    """A separate key for the anchor MAC, so the database key itself is never used twice.

    HKDF-SHA256 (RFC 5869) with no salt and one output block, written with hmac: the store is opened
    without loading the cryptography package (~9 MB of memory) just for this."""
    prk = hmac.new(bytes(hashlib.sha256().digest_size), db_key, hashlib.sha256).digest()
    return hmac.new(prk, ANCHOR_INFO + b"\x01", hashlib.sha256).digest()


def _mac(mac_key: bytes, length: int, head: str) -> str:
    return hmac.new(mac_key, f"{length}:{head}".encode("ascii"), hashlib.sha256).hexdigest()


def make_anchor(mac_key: bytes, length: int, head: str) -> Anchor:
    return Anchor(length, head, _mac(mac_key, length, head))


def anchor_authentic(mac_key: bytes, anchor: Anchor) -> bool:
    return hmac.compare_digest(_mac(mac_key, anchor.length, anchor.head), anchor.mac)


def key_fingerprint(mac_key: bytes) -> str:
    """A public fingerprint of the anchor key (so of the database key): an anchor copy kept outside
    the data folder names the key it was made under, so a copy made after a re-key (passphrase
    change) is told apart from an altered one."""
    return hmac.new(mac_key, b"rongcuo anchor key fingerprint", hashlib.sha256).hexdigest()[:32]


def restore_mac(mac_key: bytes, superseded: dict[str, Any]) -> str:
    """The MAC of a restore's note of the outside anchors it superseded (keys.py restored_over)."""
    canonical = json.dumps(superseded, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hmac.new(mac_key, b"rongcuo restore\x00" + canonical.encode("ascii"), hashlib.sha256).hexdigest()


def compare_with_anchor(anchor: Anchor, length: int, hash_at_anchor: str | None) -> ChainProblem | None:
    """Is the database's chain the one the anchor remembers (or a continuation of it)?

    `length` is the chain's length now; `hash_at_anchor` is the hash of its event number
    anchor.length (None when there is no such event).
    """
    if length < anchor.length:
        return ChainProblem(
            ProblemKind.ROLLBACK,
            anchor.length,
            f"审计记录只有 {length} 条，而上次记录到第 {anchor.length} 条："
            "数据库可能被换成了旧副本（回滚），其后的改动已丢失。",
        )
    if hash_at_anchor != anchor.head:
        return ChainProblem(
            ProblemKind.HEAD_MISMATCH,
            anchor.length,
            f"第 {anchor.length} 条审计事件与上次记录的不一致：数据库可能被换成了另一份副本。",
        )
    return None
