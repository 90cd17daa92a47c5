"""Every choice the case window shows is marked for translation (a new one cannot reach an English
UI untranslated), and shows in English when the English catalogue is loaded."""

from __future__ import annotations

from rongcuo_desktop.domain.case_file import ConditionStatus, ExclusionStatus, MemberRole
from rongcuo_desktop.domain.casework import (
    ClearingMethod,
    DisclosureMethod,
    FeedbackTo,
    FourForms,
    HearingKind,
)
from rongcuo_desktop.domain.procedure import _STEP_LABELS, ClearanceFinding
from rongcuo_desktop.ui.casefile.labels import MARKED


def test_every_member_and_step_name_is_marked() -> None:
    marked = {(context, str(text)) for context, text in MARKED}
    for enum in (
        ClearanceFinding,
        HearingKind,
        FeedbackTo,
        DisclosureMethod,
        ClearingMethod,
        FourForms,
        MemberRole,
        ConditionStatus,
        ExclusionStatus,
    ):
        for member in enum:
            assert (enum.__name__, member.label) in marked, f"{enum.__name__}.{member.name}"
    for text in _STEP_LABELS.values():
        assert ("Step", text) in marked, text
