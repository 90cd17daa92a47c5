"""Crash safety: SIGKILL the writing process at random moments during a stream of saves.

Each save is one transaction holding a case, an attachment and their audit events; a case is also
moved to the next stage now and then (its own transaction and event). The writer appends an ack
line to a file right after each commit returned (os.write: the line survives a SIGKILL of the
process). After every kill: the store opens, PRAGMA integrity_check and cipher_integrity_check are
clean, the audit chain verifies, every acked save is there, and no case or attachment lacks its
audit event (each case's current state hashes to the `after` of its latest event).

Why a zygote: starting Python with SQLAlchemy and SQLCipher costs ~0.7 s; 50 kills would take a
minute on imports alone. One helper process imports once and forks a fresh writer per round
(no threads, no open connection at fork time); the writer is a real separate process that is
killed with SIGKILL like any other.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

# ----- the writer side (runs in the zygote's forked children) -----------------------------------


def _writer(data_dir: Path, key: bytes, ack_fd: int) -> None:
    from rongcuo_desktop.domain.case import Case, Stage
    from rongcuo_desktop.store.attachments import add_case_with_attachments
    from rongcuo_desktop.store.database import Store

    store = Store.open(data_dir, key)
    os.write(ack_fd, b"ready\n")
    rng = random.Random(os.getpid() ^ int(time.time() * 1000))
    pid = os.getpid()
    mine: list[int] = []
    for i in range(1_000_000):
        size = rng.choice([700, 5_000, 40_000, 40_000, 1_300_000])
        content = rng.randbytes(size)
        case = Case(
            doc_no=f"崩溃〔{pid}〕{i}号",
            party_name=f"谢某{i}",
            party_unit="某区行政审批局",
            party_position="科长",
            facts="容缺审批后补材料" * rng.randint(1, 50),
        )
        case_id, (info,) = add_case_with_attachments(store, case, [(f"证据{i}.bin", io.BytesIO(content))])
        os.write(ack_fd, f"add {case_id} {info.id} {info.sha256} {case.doc_no}\n".encode())
        mine.append(case_id)
        if len(mine) >= 3 and rng.random() < 0.5:
            target = mine.pop(0)
            moved = store.cases.get(target)
            moved.stage = Stage.ACCEPTED
            store.cases.update(moved)
            os.write(ack_fd, f"stage {target} {Stage.ACCEPTED.value}\n".encode())


def _zygote(data_dir: Path, key: bytes, ack_path: Path) -> None:
    """Read 'fork' / 'reap PID' / 'quit' on stdin; answer on stdout."""
    import rongcuo_desktop.store.attachments
    import rongcuo_desktop.store.database  # noqa: F401 - imported once, before any fork

    for line in sys.stdin:
        command = line.split()
        if command[0] == "fork":
            child = os.fork()
            if child == 0:
                code = 0
                try:
                    fd = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                    _writer(data_dir, key, fd)
                except BaseException as error:  # reported to the test through stderr
                    print(f"writer failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
                    code = 1
                os._exit(code)
            print(child, flush=True)
        elif command[0] == "reap":
            _, status = os.waitpid(int(command[1]), 0)
            print(status, flush=True)
        else:
            return


# ----- the test side ------------------------------------------------------------------------------


class Acks:
    def __init__(self) -> None:
        self.adds: dict[int, tuple[int, str, str]] = {}  # case id -> (attachment id, sha256, doc_no)
        self.stages: dict[int, str] = {}

    def read(self, path: Path) -> None:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if parts[0] == "add":
                self.adds[int(parts[1])] = (int(parts[2]), parts[3], parts[4])
            elif parts[0] == "stage":
                self.stages[int(parts[1])] = parts[2]


def verify(data_dir: Path, key: bytes, acks: Acks, *, since_id: int = 0) -> dict[str, int]:
    """Every check of the issue; the per-case checks cover the cases with an id above since_id."""
    from sqlalchemy import text

    from rongcuo_desktop.store.attachments import iter_chunks
    from rongcuo_desktop.store.audit_chain import state_digest
    from rongcuo_desktop.store.backup import StoreFiles, database_problems
    from rongcuo_desktop.store.database import Store

    problems = database_problems(StoreFiles.in_dir(data_dir).database, key)
    assert problems == [], problems
    store = Store.open(data_dir, key)
    try:
        assert store.read_only_reason is None, store.audit_problems
        report = store.audit_verify()
        assert report.ok, report.summary()
        with store.read_session() as session:
            conn = session.connection()
            all_cases = {int(r[0]) for r in conn.execute(text("SELECT id FROM cases"))}
            missing = set(acks.adds) - all_cases
            assert not missing, f"acked saves lost: {sorted(missing)[:5]}"
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM audit_events e"
                    " WHERE e.action = 'attachment_add'"
                    " AND json_extract(e.detail, '$.attachment_id') = a.id)"
                )
            ).scalar()
            assert orphans == 0, "an attachment without its audit event"
            unaudited = conn.execute(
                text(
                    "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_events e"
                    " WHERE e.case_id = c.id AND e.action = 'case_create')"
                )
            ).scalar()
            assert unaudited == 0, "a case without its creation event"
            latest_after: dict[int, str] = {}
            for case_id in sorted(c for c in all_cases if c > since_id):
                if case_id in acks.adds:
                    attachment_id, sha, _doc_no = acks.adds[case_id]
                    row = conn.execute(
                        text("SELECT sha256 FROM attachments WHERE id = :i AND case_id = :c"),
                        {"i": attachment_id, "c": case_id},
                    ).first()
                    assert row is not None and row[0] == sha, f"acked attachment {attachment_id} lost"
                    digest = hashlib.sha256(b"".join(iter_chunks(session, attachment_id))).hexdigest()
                    assert digest == sha, f"attachment {attachment_id} content differs"
                latest_after[case_id] = conn.execute(
                    text(
                        "SELECT after_hash FROM audit_events WHERE case_id = :c"
                        " AND action IN ('case_create', 'case_edit', 'stage_move') ORDER BY id DESC LIMIT 1"
                    ),
                    {"c": case_id},
                ).scalar()
        for case_id, last_after in latest_after.items():
            current = store.cases.get(case_id)
            assert state_digest(current) == last_after, f"case {case_id} changed without an audit event"
            if case_id in acks.stages:
                assert current.stage.value == acks.stages[case_id], f"acked stage move of {case_id} lost"
        return {"cases": len(all_cases), "max_id": max(all_cases, default=0), "events": report.length}
    finally:
        store.close()


def run_kills(tmp_path: Path, kills: int, seed: int) -> dict[str, Any]:
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import KeyManager

    data_dir = tmp_path / "data"
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create("崩溃测试口令 horse battery")
    Store.create(data_dir, key).close()
    ack_path = tmp_path / "acks.txt"
    ack_path.touch()
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    zygote = subprocess.Popen(
        [sys.executable, __file__, "zygote", str(data_dir), key.hex(), str(ack_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    acks = Acks()
    checked_up_to = 0
    killed_mid_run = 0
    try:
        for _ in range(kills):
            ready_before = ack_path.read_bytes().count(b"ready\n")
            zygote.stdin.write("fork\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            deadline = time.monotonic() + 10
            while ack_path.read_bytes().count(b"ready\n") == ready_before:
                assert time.monotonic() < deadline, "writer did not start"
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.25))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            status = int(zygote.stdout.readline())
            killed_mid_run += int(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL)
            acks.read(ack_path)
            figures = verify(data_dir, key, acks, since_id=checked_up_to)
            checked_up_to = figures["max_id"]
        final = verify(data_dir, key, acks)
    finally:
        if zygote.poll() is None:
            zygote.stdin.write("quit\n")
            zygote.stdin.flush()
            zygote.wait(10)
    stderr = zygote.stderr.read() if zygote.stderr else ""
    assert "writer failed" not in stderr, stderr
    assert killed_mid_run == kills, "every writer must have been killed while running"
    return {"acked": len(acks.adds), "stages": len(acks.stages), **final}


def test_fifty_sigkills_during_saves(tmp_path: Path) -> None:
    """Given a writer saving case + attachment + audit events in one transaction, when it is killed
    50 times at random moments, then after every kill the store opens, both integrity checks are
    clean, the audit chain verifies, no acked save is lost and no change lacks its audit event."""
    started = time.monotonic()
    figures = run_kills(tmp_path, kills=50, seed=4)
    elapsed = time.monotonic() - started
    print(f"50 kills: {figures} in {elapsed:.1f} s")
    assert figures["acked"] >= 50, "the writer must have completed saves between kills"
    assert figures["events"] >= 2 * figures["acked"]


@pytest.mark.soak
@pytest.mark.timeout(1800)  # the store grows with every round, and so do the checks after each kill
def test_two_hundred_sigkills_during_saves(tmp_path: Path) -> None:
    """The same with 200 kills (make soak)."""
    figures = run_kills(tmp_path, kills=200, seed=20)
    print(f"200 kills: {figures}")
    assert figures["acked"] >= 200


if __name__ == "__main__" and len(sys.argv) == 5 and sys.argv[1] == "zygote":
    _zygote(Path(sys.argv[2]), bytes.fromhex(sys.argv[3]), Path(sys.argv[4]))
