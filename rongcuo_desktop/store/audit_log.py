"""The whole audit trail as lines to read (rongcuo audit log): the SQL lives here, not in the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class AuditLine:
    """One event of the trail as a reader sees it (codes, not labels: the reader chooses)."""

    seq: int
    at: dt.datetime
    actor_name: str
    action: str  # the Action code
    case_id: int | None
    summary: str


def audit_lines(session: Session) -> list[AuditLine]:
    rows: list[Any] = list(
        session.execute(
            text("SELECT seq, at, actor_name, action, case_id, summary FROM audit_events ORDER BY id")
        )
    )
    return [
        AuditLine(
            seq=int(seq),
            at=dt.datetime.fromisoformat(str(at)),
            actor_name=str(name),
            action=str(action),
            case_id=None if case_id is None else int(case_id),
            summary=str(summary or ""),
        )
        for seq, at, name, action, case_id, summary in rows
    ]
