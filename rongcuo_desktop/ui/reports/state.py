"""Whether the case at the keyboard's focus can be reported: a light query for the 报告 menu.

Kept apart from ops.py (which imports reportlab and pyHanko) so that opening the menu loads neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rongcuo_desktop.services import cases

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class CaseState:
    case_id: int
    doc_no: str
    decided: bool  # the meeting's conclusion is recorded: its documents can be made


def case_state(workspace: Workspace, by: Credential, case_id: int) -> CaseState:
    case = cases.get(workspace, by, case_id)
    return CaseState(case_id, case.doc_no, case.conclusion is not None)
