"""The one mapping between stored cases (ORM rows) and the domain's plain Case, both ways.

Every store module that reads or writes a case row goes through these, so a new column is added in
one place, and nothing above the store ever sees an ORM object.
"""

from __future__ import annotations

import datetime as dt

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Stage
from rongcuo_desktop.store.case_list import CONCLUSIONS, STAGES
from rongcuo_desktop.store.models import CaseRecord, doc_no_sort_key
from rongcuo_desktop.store.sort_keys import name_sort_key, unit_sort_key

STAGE_RANK: dict[Stage, int] = {stage: rank for rank, stage in enumerate(Stage)}
_CASE_TYPES: dict[str, CaseType] = {member.value: member for member in CaseType}
_APPLICANT_TYPES: dict[str, ApplicantType] = {member.value: member for member in ApplicantType}


def to_case(record: CaseRecord) -> Case:
    """The one mapper from a stored case (ORM row) to the domain Case; plain data leaves the store."""
    texts = record.texts
    return Case(
        id=record.id,
        doc_no=record.doc_no,
        party_name=record.party_name,
        party_unit=record.party_unit,
        party_position=record.party_position,
        case_type=_CASE_TYPES[record.case_type],
        applicant_type=_APPLICANT_TYPES[record.applicant_type],
        work_field=record.work_field,
        stage=STAGES[record.stage],
        applied_on=record.applied_on,
        accountability_matter=texts.accountability_matter if texts else "",
        facts=texts.facts if texts else "",
        claimed_situation=texts.claimed_situation if texts else "",
        conclusion=CONCLUSIONS[record.conclusion] if record.conclusion else None,
        decided_on=record.decided_on,
        rulebook=record.rulebook,
    )


def fill_record(record: CaseRecord, case: Case, now: dt.datetime) -> None:
    """Copy a domain Case onto a stored case (its texts row included); `now` is the update time."""
    record.doc_no = case.doc_no
    record.doc_no_key = doc_no_sort_key(case.doc_no)
    record.party_name = case.party_name
    record.party_unit = case.party_unit
    record.party_name_key = name_sort_key(case.party_name)
    record.party_unit_key = unit_sort_key(case.party_unit)
    record.party_position = case.party_position
    record.case_type = case.case_type.value
    record.applicant_type = case.applicant_type.value
    record.work_field = case.work_field
    record.stage = case.stage.value
    record.stage_rank = STAGE_RANK[case.stage]
    record.applied_on = case.applied_on
    record.conclusion = case.conclusion.value if case.conclusion else None
    record.decided_on = case.decided_on
    record.rulebook = case.rulebook
    record.updated_at = now
    record.texts.accountability_matter = case.accountability_matter
    record.texts.facts = case.facts
    record.texts.claimed_situation = case.claimed_situation
