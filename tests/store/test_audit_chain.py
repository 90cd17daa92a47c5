"""The audit chain's rules on plain data: each kind of tampering is found and named."""

from __future__ import annotations

import dataclasses

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from rongcuo_desktop.store.audit_chain import (
    ANCHOR_INFO,
    GENESIS,
    AuditEvent,
    ChainWalk,
    ProblemKind,
    anchor_authentic,
    anchor_key,
    compare_with_anchor,
    event_payload,
    hash_payload,
    make_anchor,
    state_digest,
    verify_events,
)


def make_chain(n: int) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        fields = (seq, f"2026-01-01T00:00:{seq:02d}", 1, "张主任", "chair", "case_edit", 7, "修改", "{}")
        payload = event_payload(*fields, "a" * 64, "b" * 64, prev)
        digest = hash_payload(payload)
        events.append(AuditEvent(*fields, "a" * 64, "b" * 64, prev, digest))
        prev = digest
    return events


def rehash(event: AuditEvent, **changes: object) -> AuditEvent:
    changed = dataclasses.replace(event, **changes)  # type: ignore[arg-type]
    return dataclasses.replace(changed, hash=hash_payload(changed.payload()))


def kinds(events: list[AuditEvent]) -> list[tuple[ProblemKind, int]]:
    return [(p.kind, p.seq) for p in verify_events(events)]


def test_intact_chain_verifies() -> None:
    assert verify_events(make_chain(20)) == []


def test_edited_event_is_named() -> None:
    """Given a chain, when event 5's summary is changed, then event 5 is reported as edited."""
    chain = make_chain(10)
    chain[4] = dataclasses.replace(chain[4], summary="改过")
    problems = verify_events(chain)
    assert [(p.kind, p.seq) for p in problems] == [(ProblemKind.EDITED, 5)]
    assert "第 5 条" in problems[0].message


def test_edited_and_rehashed_event_breaks_the_next_link() -> None:
    chain = make_chain(10)
    chain[4] = rehash(chain[4], summary="改过")
    assert kinds(chain) == [(ProblemKind.LINK, 6)]


def test_deleted_events_are_named() -> None:
    chain = make_chain(10)
    del chain[3:5]
    problems = verify_events(chain)
    assert [(p.kind, p.seq) for p in problems] == [(ProblemKind.DELETED, 4)]
    assert "第 4 至 5 条" in problems[0].message


def test_reordered_events_are_named() -> None:
    chain = make_chain(10)
    chain[3], chain[4] = chain[4], chain[3]
    assert kinds(chain) == [(ProblemKind.REORDERED, 4)]


def test_inserted_event_with_a_used_number_is_named() -> None:
    chain = make_chain(10)
    forged = rehash(chain[6], summary="伪造", prev_hash=chain[5].hash)
    chain.insert(7, forged)
    found = kinds(chain)
    assert (ProblemKind.INSERTED, 7) in found


def test_incremental_walk_from_a_checkpoint() -> None:
    """Given a verified prefix, when only the tail is walked, then a tail edit is still found."""
    chain = make_chain(30)
    walk = ChainWalk(prev_hash=chain[19].hash, max_seq=20, start_seq=21)
    chain[25] = dataclasses.replace(chain[25], actor_name="别人")
    for event in chain[20:]:
        walk.feed(event)
    assert [(p.kind, p.seq) for p in walk.finish()] == [(ProblemKind.EDITED, 26)]


def test_anchor_mac_and_rollback() -> None:
    key = anchor_key(b"k" * 32)
    anchor = make_anchor(key, 10, "f" * 64)
    assert anchor_authentic(key, anchor)
    assert not anchor_authentic(key, dataclasses.replace(anchor, length=9))
    assert not anchor_authentic(anchor_key(b"x" * 32), anchor)
    assert compare_with_anchor(anchor, 12, "f" * 64) is None
    rollback = compare_with_anchor(anchor, 8, None)
    assert rollback is not None and rollback.kind is ProblemKind.ROLLBACK and "回滚" in rollback.message
    other = compare_with_anchor(anchor, 10, "e" * 64)
    assert other is not None and other.kind is ProblemKind.HEAD_MISMATCH


def test_the_anchor_key_is_hkdf_sha256() -> None:
    """Written with hmac (the store opens without the cryptography package): the keys of anchors
    already written must not change."""
    for db_key in (b"k" * 32, bytes(range(64)), b""):
        reference = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=ANCHOR_INFO).derive(db_key)
        assert anchor_key(db_key) == reference


def test_state_digest_is_stable_and_sensitive() -> None:
    assert state_digest(None) == ""
    assert state_digest({"a": 1, "b": "张"}) == state_digest({"b": "张", "a": 1})
    assert state_digest({"a": 1}) != state_digest({"a": 2})
