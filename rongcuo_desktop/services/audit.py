"""The audit trail: the full check (rongcuo audit verify, 核对审计记录), the whole log, and the
主任's acknowledgement of problems found at open (which ends read-only mode)."""

from __future__ import annotations

from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.audit import VerifyReport
from rongcuo_desktop.store.audit_chain import ChainProblem
from rongcuo_desktop.store.audit_log import AuditLine
from rongcuo_desktop.store.credential import Credential

__all__ = ["AuditLine", "ChainProblem", "VerifyReport", "acknowledge", "log", "verify"]


def verify(ws: Workspace, by: Credential) -> VerifyReport:
    """Walk the whole chain and compare it with its anchor (slow on a long trail: ~12 s per million
    events). For those who may view the audit (秘书, 主任)."""
    return ws.store.audit_verify(by=by)


def log(ws: Workspace, by: Credential) -> list[AuditLine]:
    """Every event, oldest first (秘书, 主任)."""
    return ws.store.audit_log(by=by)


def acknowledge(ws: Workspace, by: Credential) -> list[ChainProblem]:
    """The 主任 has read the problems found at open: recorded, re-anchored, writable again. Returns
    the problems acknowledged (none when there was nothing to acknowledge)."""
    problems = ws.audit_problems
    if ws.read_only_reason is None:
        return []
    ws.store.acknowledge_audit_problems(by=by)
    return problems
