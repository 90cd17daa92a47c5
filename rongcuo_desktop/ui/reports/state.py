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


def load_export_code() -> None:
    """Import what sealing and the preview use (reportlab, pyHanko, PDFium) and register the report
    fonts. On a cold start this is the larger part of the first export (about a second on an idle
    PC, several under load); run on a slow thread as the 报告 menu opens, so the click finds it
    loaded. Never on the start-up path."""
    import pypdfium2  # noqa: F401

    from rongcuo_desktop.reports.export import load_code
    from rongcuo_desktop.ui.reports import ops  # noqa: F401

    load_code()
