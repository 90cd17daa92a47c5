"""Appending audit events in the caller's transaction, checking the chain, keeping its anchor.

Why inside the caller's session: an event written in its own transaction could be lost in a crash
while the change it describes survives (or the other way round). Every write method of the store
calls `append_event` on the session it is about to commit.

The check at open is incremental (see `verify_since_anchor`): a full walk of 1,000,000 events takes
about 12 s here, the incremental check about 0.1 s (tests/bench/bench_audit.py prints the
figures); `rongcuo audit verify` does the full walk.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.committee import SCORE_WITHHELD, TimelineEntry, sees_score_event
from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.store.audit_anchors import ConfigAnchor
from rongcuo_desktop.store.audit_chain import (
    GENESIS,
    Anchor,
    AuditEvent,
    ChainProblem,
    ChainWalk,
    ProblemKind,
    anchor_authentic,
    anchor_key,
    compare_with_anchor,
    event_payload,
    hash_payload,
    key_fingerprint,
    make_anchor,
    restore_mac,
    state_digest,
)
from rongcuo_desktop.store.audit_models import AuditEventRow

log = logging.getLogger(__name__)

# Who acts when a store has no accounts yet (created before accounts existed, or by an old app).
SETUP_ACTOR = AccountInfo(id=0, name="（未设账户）", role=Role.CHAIR)
SAMPLE_AT_OPEN = 500  # random older events re-hashed at each open, on top of the new tail
_BATCH = 20_000
_COLUMNS = (
    "seq, at, actor_id, actor_name, actor_role, action, case_id, summary, detail, "
    "before_hash, after_hash, prev_hash, hash"
)


@dataclass
class VerifyReport:
    length: int
    head: str
    problems: list[ChainProblem] = field(default_factory=list)
    acknowledged: list[ChainProblem] = field(default_factory=list)
    full: bool = True
    checked: int = 0
    states_checked: int | None = None  # case aspects compared with their events (audit_state.py)
    states_unchecked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        scope = "完整检查" if self.full else "开启时的增量检查"
        if self.ok:
            note = f"（另有 {len(self.acknowledged)} 处异常已由主任确认）" if self.acknowledged else ""
            states = ""
            if self.states_checked is not None:
                states = f"各案件的当前记录与最近的审计事件相符（核对了 {self.states_checked} 项"
                states += f"，{self.states_unchecked} 项无法核对）。" if self.states_unchecked else "）。"
            return f"审计记录完好：共 {self.length} 条，{scope}了 {self.checked} 条{note}。{states}"
        lines = [f"审计记录发现 {len(self.problems)} 处异常（{scope}）："]
        lines += [f"- {problem.message}" for problem in self.problems]
        return "\n".join(lines)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def head(session: Session | Connection) -> tuple[int, str]:
    """(seq, hash) of the last event appended, (0, GENESIS) for an empty chain."""
    row = session.execute(text("SELECT seq, hash FROM audit_events ORDER BY id DESC LIMIT 1")).first()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def _next_event(
    last_seq: int,
    prev: str,
    actor: AccountInfo,
    action: Action,
    case_id: int | None,
    summary: str,
    detail: dict[str, Any] | None,
    before: Any,
    after: Any,
) -> AuditEvent:
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""
    before_hash, after_hash = state_digest(before), state_digest(after)
    fields = (
        last_seq + 1,
        _now(),
        actor.id or None,
        actor.name,
        actor.role.value,
        action.value,
        case_id,
        summary,
        detail_text,
    )
    digest = hash_payload(event_payload(*fields, before_hash, after_hash, prev))
    return AuditEvent(*fields, before_hash, after_hash, prev, digest)


def append_event_raw(
    conn: Any, actor: AccountInfo, action: Action, *, summary: str, detail: dict[str, Any] | None = None
) -> AuditEvent | None:
    """The same next link on a plain sqlcipher3 connection, committed (store/backup.py records a
    restore in the staged database before it is put in place). None when the file has no chain yet."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_events'").fetchone():
        return None
    row = conn.execute("SELECT seq, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    last_seq, prev = (0, GENESIS) if row is None else (int(row[0]), str(row[1]))
    event = _next_event(last_seq, prev, actor, action, None, summary, detail, None, None)
    with conn:
        conn.execute(
            "INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, case_id, summary,"
            " detail, before_hash, after_hash, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event.seq,
                event.at,
                event.actor_id,
                event.actor_name,
                event.actor_role,
                event.action,
                event.case_id,
                event.summary,
                event.detail,
                event.before_hash,
                event.after_hash,
                event.prev_hash,
                event.hash,
            ),
        )
    return event


def append_event(
    session: Session | Connection,
    actor: AccountInfo,
    action: Action,
    *,
    case_id: int | None = None,
    summary: str = "",
    detail: dict[str, Any] | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Add the next link to the chain inside the caller's transaction (never commits)."""
    if isinstance(session, Session):
        session.flush()  # the change itself first, so a failing write never leaves a lone event
    last_seq, prev = head(session)
    event = _next_event(last_seq, prev, actor, action, case_id, summary, detail, before, after)
    session.execute(
        insert(AuditEventRow).values(
            seq=event.seq,
            at=event.at,
            actor_id=event.actor_id,
            actor_name=event.actor_name,
            actor_role=event.actor_role,
            action=event.action,
            case_id=event.case_id,
            summary=event.summary,
            detail=event.detail,
            before_hash=event.before_hash,
            after_hash=event.after_hash,
            prev_hash=event.prev_hash,
            hash=event.hash,
        )
    )
    return event


@dataclass(frozen=True)
class EventSpec:
    """One event of a batch (append_events): what `append_event` takes besides the session and actor."""

    action: Action
    case_id: int | None = None
    summary: str = ""
    detail: dict[str, Any] | None = None
    before: Any = None
    after: Any = None

    @property
    def states(self) -> tuple[Any, Any]:
        return self.before, self.after


def append_events(
    session: Session | Connection, actor: AccountInfo, specs: Sequence[EventSpec]
) -> AuditEvent | None:
    """Add several links in order, in one executemany inside the caller's transaction (never commits):
    the same chain as one `append_event` per spec, without a head query and an INSERT per event (an
    import of 10,000 cases writes 10,000 events). Returns the last event (None for no specs)."""
    if not specs:
        return None
    if isinstance(session, Session):
        session.flush()
    last_seq, prev = head(session)
    rows: list[dict[str, Any]] = []
    event: AuditEvent | None = None
    for spec in specs:
        event = _next_event(
            last_seq, prev, actor, spec.action, spec.case_id, spec.summary, spec.detail, *spec.states
        )
        rows.append(vars(event))  # its fields are the columns (asdict would deep-copy each)
        last_seq, prev = event.seq, event.hash
    # Straight to the driver on the same connection and transaction: SQLAlchemy's insert() processed
    # each of 10,000 rows' parameters in Python (a third of this call's time in an import).
    conn = session.connection() if isinstance(session, Session) else session
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(_INSERT_EVENT, rows)
    finally:
        cursor.close()
    return event


_EVENT_FIELDS = tuple(f.name for f in dataclass_fields(AuditEvent))
_INSERT_EVENT = (
    f"INSERT INTO audit_events ({', '.join(_EVENT_FIELDS)})"
    f" VALUES ({', '.join(':' + name for name in _EVENT_FIELDS)})"
)


def _event(row: Any) -> AuditEvent:
    return AuditEvent(
        int(row[0]),
        str(row[1]),
        None if row[2] is None else int(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        None if row[6] is None else int(row[6]),
        str(row[7] or ""),
        str(row[8] or ""),
        str(row[9] or ""),
        str(row[10] or ""),
        str(row[11]),
        str(row[12]),
    )


def iter_events(session: Session, after_id: int = 0) -> Iterator[AuditEvent]:
    """Every event in append order, fetched in batches (keyset paging: constant memory)."""
    last = after_id
    while True:
        rows = session.execute(
            text(f"SELECT id, {_COLUMNS} FROM audit_events WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        for row in rows:
            # The columns are the dataclass fields in order, and summary/detail are NOT NULL.
            yield AuditEvent(*row[1:])
        last = int(rows[-1][0])


def acknowledged_fingerprints(session: Session) -> set[str]:
    found: set[str] = set()
    rows = session.execute(
        text("SELECT detail FROM audit_events WHERE action = :a"), {"a": Action.AUDIT_ACKNOWLEDGE.value}
    )
    for (detail,) in rows:
        try:
            found.update(str(item) for item in json.loads(str(detail or "{}")).get("problems", []))
        except (ValueError, AttributeError):
            continue
    return found


def _split_acknowledged(session: Session, report: VerifyReport) -> VerifyReport:
    if report.problems:
        done = acknowledged_fingerprints(session)
        report.acknowledged = [p for p in report.problems if p.fingerprint in done]
        report.problems = [p for p in report.problems if p.fingerprint not in done]
    return report


def verify_full(session: Session, anchor: Anchor | None = None) -> VerifyReport:
    """Walk the whole chain (rongcuo audit verify); also compare it with the anchor if given."""
    walk = ChainWalk()
    length, last_hash = 0, GENESIS
    hash_at_anchor: str | None = None
    for event in iter_events(session):
        walk.feed(event)
        length, last_hash = max(length, event.seq), event.hash
        if anchor is not None and event.seq == anchor.length and hash_at_anchor is None:
            hash_at_anchor = event.hash
    problems = walk.finish()
    if anchor is not None and anchor.length > 0:
        anchored = compare_with_anchor(anchor, length, hash_at_anchor)
        if anchored is not None:
            problems.append(anchored)
    report = VerifyReport(length, last_hash, problems, full=True, checked=walk.count)
    return _split_acknowledged(session, report)


def verify_since_anchor(session: Session, anchor: Anchor | None) -> VerifyReport:
    """The check at open: the anchor's event, the count before it, a random sample, the new tail.

    Catches at open: a rollback, a different history, deletions or insertions anywhere (the count),
    any change to the anchored head, and every kind of change after it. An in-place edit of one
    older event is caught by the sample only by chance; the full walk (audit verify) finds it.
    """
    if anchor is None or anchor.length == 0:
        return verify_full(session)
    row = session.execute(
        text(f"SELECT id, {_COLUMNS} FROM audit_events WHERE seq = :s ORDER BY id LIMIT 1"),
        {"s": anchor.length},
    ).first()
    length, last_hash = head(session)
    problems: list[ChainProblem] = []
    anchored = compare_with_anchor(anchor, length, None if row is None else str(row[13]))
    checked = 0
    if anchored is not None:
        problems.append(anchored)
    else:
        assert row is not None
        anchor_id = int(row[0])
        anchor_event = _event(row[1:])
        # count(*) of the whole table walks the small seq index (a scan of the rows up to the anchor
        # would decrypt the whole table: ~1.4 s for 1,000,000 events here); the tail is a rowid range.
        count_all: int = session.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        count_after: int = session.execute(
            text("SELECT count(*) FROM audit_events WHERE id > :i"), {"i": anchor_id}
        ).scalar_one()
        count_before = count_all - count_after
        if hash_payload(anchor_event.payload()) != anchor_event.hash or count_before != anchor.length:
            # Something changed inside the anchored part: name it with the full walk.
            return verify_full(session, anchor)
        sampled, sample_problems = _sample(session, anchor_id)
        problems.extend(sample_problems)
        checked += sampled
        walk = ChainWalk(prev_hash=anchor.head, max_seq=anchor.length, start_seq=anchor.length + 1)
        for event in iter_events(session, after_id=anchor_id):
            walk.feed(event)
        problems.extend(walk.finish())
        checked += walk.count + 1
    report = VerifyReport(length, last_hash, problems, full=False, checked=checked)
    return _split_acknowledged(session, report)


def _sample(session: Session, up_to_id: int) -> tuple[int, list[ChainProblem]]:
    problems: list[ChainProblem] = []
    if up_to_id <= 1:
        return 0, problems
    ids = sorted({random.randint(1, up_to_id) for _ in range(SAMPLE_AT_OPEN)})
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join(str(i) for i in chunk)
        for row in session.execute(text(f"SELECT {_COLUMNS} FROM audit_events WHERE id IN ({marks})")):
            event = _event(row)
            if hash_payload(event.payload()) != event.hash:
                problems.append(
                    ChainProblem(ProblemKind.EDITED, event.seq, f"第 {event.seq} 条审计事件的内容被修改。")
                )
    return len(ids), problems


def timeline(session: Session, case_id: int, viewer: AccountInfo | None = None) -> list[TimelineEntry]:
    """A case's history. Blind scoring: a `viewer` without AUDIT_VIEW (a 委员) reads the other members'
    score events of a round not yet revealed (nor decided) as "评分" only (events written before the
    summaries left the levels out carried them). A score event belongs to a revealed round when a
    reveal event of the case comes after it."""
    decided = (
        session.execute(text("SELECT conclusion FROM cases WHERE id = :c"), {"c": case_id}).scalar()
        is not None
    )
    last_reveal = session.execute(
        text("SELECT max(id) FROM audit_events WHERE case_id = :c AND action = :a"),
        {"c": case_id, "a": Action.REVEAL.value},
    ).scalar()
    rows = session.execute(
        text(
            "SELECT seq, at, actor_name, actor_role, action, summary, actor_id, id FROM audit_events "
            "WHERE case_id = :c ORDER BY id"
        ),
        {"c": case_id},
    )
    entries = []
    for row in rows:
        seq, at, name, role, action, summary = (str(value or "") for value in row[:6])
        revealed = decided or (last_reveal is not None and int(row[7]) < int(last_reveal))
        if action == Action.SCORE.value and not sees_score_event(viewer, revealed, row[6]):
            summary = SCORE_WITHHELD
        entries.append(
            TimelineEntry(
                seq=int(seq),
                at=dt.datetime.fromisoformat(at),
                actor_name=name,
                actor_role_label=_label(Role, role),
                action_label=_label(Action, action),
                summary=summary,
            )
        )
    return entries


def _label(enum_type: Any, code: str) -> str:
    try:
        return str(enum_type(code).label)
    except ValueError:
        return code


# --- the anchor outside the database ------------------------------------------------------------


class AnchorKeeper:
    """Reads and writes the chain's anchor: in the key file, in the per-user config folder
    (audit_anchors.py) and in the OS credential store where there is one.

    The first moves with every commit; the config copy too (it is what catches a data folder put back
    whole on a PC without a credential store); the credential store at open, close and acknowledgement.
    """

    def __init__(self, data_dir: Path, db_key: bytes) -> None:
        from rongcuo_desktop.store.keys import KeyManager

        self._keys = KeyManager(data_dir)
        self._mac_key = anchor_key(db_key)
        self.fingerprint = key_fingerprint(self._mac_key)

    def _config(self) -> ConfigAnchor | None:
        from rongcuo_desktop.store.errors import StoreError

        try:
            return ConfigAnchor(self._keys.store_id)
        except (StoreError, ValueError):
            return None

    def _superseded(self) -> dict[str, Any]:
        """What a restore the app made superseded (authentic notes only): {source: raw anchor}."""
        note = self._keys.read_restored_over()
        if not isinstance(note, dict):
            return {}
        body = {k: note.get(k) for k in ("config", "credential_store")}
        if not hmac.compare_digest(restore_mac(self._mac_key, body), str(note.get("mac", ""))):
            log.warning("restore note in the key file does not authenticate; ignored")
            return {}
        return body

    def read(self) -> tuple[Anchor | None, ChainProblem | None]:
        """The most advanced authentic anchor, or a problem when an anchor itself was altered.

        An outside anchor that a restore made by the app superseded (and that has not moved since) is
        left out: the restore recorded itself and moved the anchors, or was cut short before it could.
        """
        superseded = self._superseded()
        config = self._config()
        sources: list[tuple[str, dict[str, Any] | None]] = [
            ("key_file", self._keys.read_audit_anchor()),
            ("credential_store", self._keys.read_audit_anchor_from_credential_store()),
            ("config", config.read() if config is not None else None),
        ]
        candidates: list[Anchor] = []
        problem: ChainProblem | None = None
        for source, raw in sources:
            if raw is None or (source in superseded and superseded[source] == raw):
                continue
            made_under = raw.get("key_fingerprint")
            if made_under and made_under == self._keys.read_previous_key_fingerprint():
                continue  # left under the key before a re-key that was cut short: it moves at the next write
            if source == "config" and made_under not in (None, "", self.fingerprint):
                problem = ChainProblem(
                    ProblemKind.ROLLBACK,
                    int(raw.get("length") or 0),
                    "本机配置文件夹中记录的审计链位置属于更换口令（重新加密）之后的数据库："
                    "数据目录中的数据库和密钥文件是重新加密之前的旧副本（回滚），其后的改动已不在其中。",
                )
                continue
            anchor = Anchor.from_json(raw)
            if anchor is None or not anchor_authentic(self._mac_key, anchor):
                where = {
                    "key_file": "密钥文件",
                    "credential_store": "系统凭据库",
                    "config": "本机配置文件夹",
                }[source]
                problem = problem or ChainProblem(
                    ProblemKind.ANCHOR,
                    0,
                    f"{where}中记录的审计链位置被改动过，无法用它核对数据库是否被回滚。",
                )
                continue
            candidates.append(anchor)
        best = max(candidates, key=lambda a: a.length) if candidates else None
        return best, problem

    def write(self, length: int, head_hash: str, *, credential_store: bool = False) -> None:
        if not self._keys.key_file.exists():
            return  # a bare store (tests, tools) without a key file has nowhere to keep an anchor
        anchor = make_anchor(self._mac_key, length, head_hash)
        self._keys.write_audit_anchor(anchor.to_json(), settled=credential_store)
        config = self._config()
        if config is not None:
            config.write(anchor.to_json(), self.fingerprint)
        if credential_store:
            self._keys.write_audit_anchor_to_credential_store(
                {**anchor.to_json(), "key_fingerprint": self.fingerprint}
            )

    def outside(self) -> dict[str, Any]:
        """The anchors outside the data folder as they are now (what a restore supersedes)."""
        config = self._config()
        return {
            "config": config.read() if config is not None else None,
            "credential_store": self._keys.read_audit_anchor_from_credential_store(),
        }
