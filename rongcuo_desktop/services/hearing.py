"""The hearing on the projector: the public view of one case (domain.hearing), for the chair's or
the secretary's presenter console to hand to the audience window.

Only a person who reads every case (秘书, 主任) runs a hearing. The view is built from the full
record and the engine's result, and everything private is left out where it is built
(domain.hearing.hearing_view), so the audience window never receives a name, a level before the
reveal, a note or another case.
"""

from __future__ import annotations

from rongcuo_desktop.domain.casework import FOUR_FORMS_MEANING, LenientHandling
from rongcuo_desktop.domain.hearing import SECTIONS, HearingView, Section, hearing_view
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import PermissionDenied
from rongcuo_desktop.store.rulebooks import find as find_rulebook

__all__ = ["SECTIONS", "HearingView", "Section", "view"]


def view(ws: Workspace, by: Credential, case_id: int) -> HearingView:
    """The projector-safe view of the case as it stands now (ballots counted, revealed or not)."""
    if not by.may(Action.CASE_READ_ALL):
        raise PermissionDenied(f"{by.role.label}不能主持听证投屏：听证投屏由秘书或主任操作。")
    store = ws.store
    case = store.cases.get(case_id, by=by)
    record = store.judgments.record(case_id, by=by)
    rulebook = judgment = None
    if record.rulebook:
        try:
            rulebook = find_rulebook(record.rulebook)
            judgment = store.judgments.judge(case_id, rulebook, by=by) if record.revealed else None
        except ValidationError:
            rulebook = judgment = None
    people = [p.name for p in store.accounts.list_all(include_inactive=True)]
    handling = store.casework.file(case_id, by=by).one(LenientHandling.KIND)
    four_forms = ""
    if isinstance(handling, LenientHandling):
        four_forms = f"{handling.form.label}（{FOUR_FORMS_MEANING[handling.form]}）"
    return hearing_view(case, record, rulebook, judgment, four_forms=four_forms, other_names=people)
