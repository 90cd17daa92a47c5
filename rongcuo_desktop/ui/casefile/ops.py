"""The case window's named operations on the database thread: plain data in, plain data out.

Each is a module-level function the task runner can name in its log (ui/tasks.py); they call
services only, never touch a widget, and return what the window shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case import ApplicantType, Case
from rongcuo_desktop.domain.case_file import Checklist
from rongcuo_desktop.domain.casework import CaseSketch, ChecklistNotes, RepeatMatch, TypicalCase
from rongcuo_desktop.domain.committee import JudgmentRecord
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.services import attachments, cases, casework, judgment
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.attachments import AttachmentInfo
from rongcuo_desktop.services.casework import CaseworkFile, Profile
from rongcuo_desktop.services.workspace import Workspace


@functools.lru_cache(maxsize=16)
def rulebook(key: str) -> Rulebook | None:
    """A shipped rulebook by id@version, read once per run (the case window opens often)."""
    return casework.rulebook_of(key)


@functools.lru_cache(maxsize=1)
def shipped_rulebooks() -> tuple[Rulebook, ...]:
    return tuple(casework.rulebooks())


@dataclass(frozen=True)
class CaseView:
    """Everything the case window shows of one case, as its person may see it."""

    file: CaseworkFile
    record: JudgmentRecord | None  # the judgment (blind for a 委员 until the decision)
    rulebook: Rulebook | None
    attachments: tuple[AttachmentInfo, ...]
    repeats: tuple[RepeatMatch, ...]
    similar: tuple[TypicalCase, ...]
    drafts: Mapping[str, str]
    profiles: tuple[Profile, ...] = ()
    pre_filings: tuple[tuple[int, str, str, Any], ...] = ()

    @property
    def case(self) -> Case:
        return self.file.case


def sketch_of(case: Case, situations: Sequence[str]) -> CaseSketch:
    return CaseSketch(
        case_id=case.id or 0,
        doc_no=case.doc_no,
        party_name=case.party_name,
        party_unit=case.party_unit,
        work_field=case.work_field,
        situations=tuple(situations),
        rulebook=case.rulebook,
        conclusion=case.conclusion,
        decided_on=case.decided_on,
    )


def load_case_view(ws: Workspace, by: Credential, case_id: int) -> CaseView:
    file = casework.file(ws, by, case_id)
    editor = by.may(Action.CASE_EDIT)
    sketch = sketch_of(file.case, file.situations)
    repeats = casework.repeat_warnings(ws, by, sketch) if file.case.conclusion is None else []
    return CaseView(
        file=file,
        record=judgment.record(ws, by, case_id),
        rulebook=rulebook(file.case.rulebook),
        attachments=tuple(attachments.list_for_case(ws, by, case_id)),
        repeats=tuple(repeats),
        similar=tuple(casework.similar_typical_cases(ws, by, sketch)),
        drafts=casework.drafts(ws, by, str(case_id)) if editor else {},
        profiles=tuple(casework.profiles(ws, by)) if by.may(Action.MEMBERS_ASSIGN) else (),
        pre_filings=tuple(casework.pre_filings(ws, by)) if editor else (),
    )


def save_case_fields(ws: Workspace, by: Credential, case_id: int, changes: Mapping[str, Any]) -> Case:
    """Save edited fields of the application (text, the applicant type, the date); their drafts go."""
    case = cases.get(ws, by, case_id)
    values = dict(changes)
    if "applicant_type" in values:
        values["applicant_type"] = ApplicantType.from_code_or_label(str(values["applicant_type"]))
    if "applied_on" in values and not isinstance(values["applied_on"], dt.date):
        values["applied_on"] = dt.date.fromisoformat(str(values["applied_on"]))
    cases.update(ws, by, dataclasses.replace(case, **values))
    casework.drop_drafts(ws, by, str(case_id), list(changes))
    return cases.get(ws, by, case_id)


def save_checklist(
    ws: Workspace, by: Credential, case_id: int, checklist: Checklist, key: str, notes: ChecklistNotes
) -> None:
    """The checklist and the notes beside its items. The notes go first: when one is refused (too
    long), nothing of the checklist was saved either."""
    kept = casework.file(ws, by, case_id).one("checklist_notes")
    if notes.items or kept is not None:
        casework.add(ws, by, case_id, notes)
    judgment.set_checklist(ws, by, case_id, checklist, rulebook=key or None)


def register_case(ws: Workspace, by: Credential, case: Case, situations: Sequence[str], key: str) -> int:
    """Register a new case; the situations it claims go on its checklist (under `key`)."""
    case_id = casework.register(ws, by, case)
    if situations and key:
        judgment.set_checklist(ws, by, case_id, Checklist(tuple(situations)), rulebook=key)
    return case_id


@dataclass(frozen=True)
class NewCaseHelp:
    """What the new-case dialog shows beside the form: earlier cases to check, typical cases."""

    repeats: tuple[RepeatMatch, ...]
    similar: tuple[TypicalCase, ...]


def new_case_help(ws: Workspace, by: Credential, sketch: CaseSketch) -> NewCaseHelp:
    repeats = casework.repeat_warnings(ws, by, sketch) if sketch.party_name.strip() else []
    return NewCaseHelp(tuple(repeats), tuple(casework.similar_typical_cases(ws, by, sketch)))
