"""Export and import of cases with their judgment records, in the documented case JSON format.

Export: one case gives a case file (docs/case-format.md); several give a collection (the same case
files in a `rongcuo-cases` wrapper). The file is plaintext by the user's explicit request. It is
written as a hidden `.part` file beside the target, the EXPORT audit event is committed, and only
then is the file renamed into place: no export exists without its event. The event records how
many cases, their store ids and the file's SHA-256, never the file name or any case content; the
log only counts.

Import is all or nothing. The whole file is checked first (format, every field, 文号 already in the
store or repeated in the file, checklist ids against the rulebook where it is installed here, who
the members are); any problem refuses the whole file with every field named, and nothing is
written. Then everything goes in one transaction with one IMPORT event per case.

Policies (documented in docs/case-format.md, 导入):
- a 文号 already in the store is never overwritten: the import is refused and the clashes are
  listed; `skip_existing=True` imports the other cases and reports the skipped 文号.
- members are matched to accounts of this store by name. A 委员 account of that name gets the
  member's scores and recusal and is put on the case's committee; a name no account has is kept as
  recorded on the other PC, attributed by name (nobody here can change those scores); a name that
  belongs to a 秘书 or 主任 account here is refused (the scores could not be attributed honestly).
- decisions: a case with a conclusion is history recorded elsewhere. Only a 主任 may import one (a
  秘书 may not record a conclusion, and a plaintext file is easy to edit); it gets a decision record
  marked as imported, always. A `decision.recorded_by` naming a 秘书 or 委员 account here is refused;
  a conclusion that differs from what the file's own checklist and scores give (or that has no
  recommendation) without a `decision_note` is a warning, and the IMPORT event says so.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_collection import Transfer, collection_header, parse_transfer
from rongcuo_desktop.domain.case_file import CaseFile, MemberRole, check_against_rulebook, dump_case_file
from rongcuo_desktop.domain.collector import collector_paused
from rongcuo_desktop.domain.committee import clean_member_name
from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.domain.structured import COLLECTION_MAX_BYTES, parse_json, read_limited
from rongcuo_desktop.domain.validation import Issue, ValidationError, brief
from rongcuo_desktop.store.accounts import MAX_NAME_LENGTH, SessionFactory
from rongcuo_desktop.store.audit import EventSpec
from rongcuo_desktop.store.audit_models import AccountRow
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.judgments import (
    MAX_MEMBER_KEY_LENGTH,
    SOURCE_IMPORTED,
    build_case_file,
    checklist_rows,
    load_records,
)
from rongcuo_desktop.store.layout import fsync_dir
from rongcuo_desktop.store.models import CaseRecord
from rongcuo_desktop.store.repository import (
    CASE_SQL,
    TEXT_SQL,
    case_params,
    next_case_id,
    text_params,
)
from rongcuo_desktop.store.repository import _now as case_time
from rongcuo_desktop.store.rulebooks import find as find_shipped_rulebook

if TYPE_CHECKING:
    from rongcuo_desktop.store.guard import AccessGuard

log = logging.getLogger(__name__)

#: progress(done, total); cancelled() -> True asks the running export or import to stop.
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

EXPORT_CHUNK = 200  # cases read per store call: the lock is released between chunks
IMPORT_BATCH = 500  # cases written per batch of the import (then their events); progress and cancel
MAX_IMPORT_BYTES = COLLECTION_MAX_BYTES
_AUDIT_ID_LIMIT = 1000  # an export of more cases records a digest of the id list instead of the list


class TransferError(StoreError):
    """An export or import could not be done; nothing was changed (and no partial file is left)."""


class TransferCancelled(TransferError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what}已取消，没有留下任何改动。")


class ImportRefused(TransferError):
    """The import file has problems; `issues` names each field. The store is unchanged."""

    def __init__(self, issues: Sequence[Issue], what: str = "导入文件") -> None:
        self.issues = list(issues)
        self.what = what
        count = f"有 {len(self.issues)} 处问题" if len(self.issues) > 1 else "有问题"
        lines = [f"{what} {count}，没有导入，数据库没有任何改动："]
        lines += [f"  {issue}" for issue in self.issues]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ExportReport:
    path: Path
    count: int
    collection: bool
    sha256: str


@dataclass(frozen=True)
class PlannedCase:
    """One case of an import file as it would go into this store."""

    index: int
    doc_no: str
    exists: bool  # the 文号 is already in this store: skipped (with skip_existing) or refused
    linked_members: tuple[str, ...]  # names matched to 委员 accounts here
    members_by_name: tuple[str, ...]  # names kept as recorded elsewhere (no account here)
    has_decision: bool
    # The conclusion differs from what the file's checklist and scores give (or they give none) and
    # the file writes down no reason: imported as it is, with a warning and a note in the audit event.
    decision_unexplained: bool = False


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do; `preview_import` returns it without writing anything."""

    collection: bool
    cases: tuple[PlannedCase, ...]
    warnings: tuple[str, ...]
    sha256: str

    @property
    def existing(self) -> list[str]:
        return [c.doc_no for c in self.cases if c.exists]


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[str, ...]  # 文号, in file order
    skipped_existing: tuple[str, ...]
    members_by_name: tuple[str, ...]
    linked_members: tuple[str, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    case_ids: tuple[int, ...] = ()


class CaseTransfer:
    """Export and import for the UI and the CLI. All database work goes through the store's sessions
    (its lock), so it may run on the UI's database worker thread; file work happens outside the lock."""

    def __init__(
        self, read_session: SessionFactory, write_session: SessionFactory, guard: AccessGuard
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard

    # ----- export ------------------------------------------------------------------------------

    def all_case_ids(self, *, by: Credential | None = None) -> list[int]:
        """The ids of every case the acting person may read, in 文号 order."""
        only, params = self._guard.case_filter(by)
        sql = "SELECT id FROM cases" + (f" WHERE {only}" if only else "") + " ORDER BY doc_no_key, id"
        with self._read() as session:
            conn = session.connection()
            return [int(r[0]) for r in conn.exec_driver_sql(sql, tuple(params))]

    def export(
        self,
        path: Path,
        case_ids: Sequence[int] | None = None,
        *,
        collection: bool | None = None,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        by: Credential | None = None,
    ) -> ExportReport:
        """Write the cases (all readable ones when `case_ids` is None) to `path` as plaintext JSON.

        One case gives a single case file unless `collection` is True; several always a collection.
        An existing file is refused unless `overwrite`. On cancel or error no file is left behind
        and nothing is recorded.
        """
        actor = self._guard.check(Action.EXPORT, by)
        path = Path(path)
        ids = list(dict.fromkeys(case_ids)) if case_ids is not None else self.all_case_ids(by=by)
        if not ids:
            raise TransferError("没有可导出的案件。")
        as_collection = len(ids) > 1 if collection is None else collection
        if not as_collection and len(ids) > 1:
            raise TransferError("多件案件只能导出为案件集合文件。")
        if path.is_dir():
            raise TransferError(f"导出位置是一个文件夹，请给出文件名：{path}")
        if path.exists() and not overwrite:
            raise TransferError(f"文件已经存在：{path}。为免覆盖，请换一个文件名（或明确要求覆盖）。")
        if not path.parent.is_dir():
            raise TransferError(f"文件夹不存在：{path.parent}")
        # Check every case first (exists, readable): a bad id fails before anything is written.
        doc_nos = self._doc_nos(ids, actor, by)
        part = path.with_name(f".{path.name}.part")
        digest = hashlib.sha256()
        try:
            with contextlib.suppress(FileNotFoundError):
                part.unlink()  # left by an export that was killed
            with part.open("x", encoding="utf-8", newline="\n") as raw:
                out = _HashingWriter(raw, digest)
                if as_collection:
                    self._write_collection(out, ids, progress, cancelled)
                else:
                    case_file = self._case_files(ids)[0]
                    out.write(json.dumps(dump_case_file(case_file), ensure_ascii=False, indent=2) + "\n")
                    if progress is not None:
                        progress(1, 1)
                raw.flush()
                os.fsync(raw.fileno())
            sha256 = digest.hexdigest()
            doc_digest = hashlib.sha256("\n".join(doc_nos).encode("utf-8")).hexdigest()
            detail: dict[str, Any] = {
                "count": len(ids),
                "collection": as_collection,
                "file_sha256": sha256,
                "doc_nos_sha256": doc_digest,
            }
            if len(ids) <= _AUDIT_ID_LIMIT:
                detail["case_ids"] = ids
            with self._write() as session:
                self._guard.audit(
                    session,
                    Action.EXPORT,
                    case_id=ids[0] if len(ids) == 1 else None,
                    summary=f"导出 {len(ids)} 件案件（含研判清单、评分、回避与认定结论；明文 JSON）",
                    detail=detail,
                    actor=actor,
                )
            os.replace(part, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                part.unlink()
            raise TransferError(f"导出失败：{os_reason(error)}。没有留下不完整的文件。") from error
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        fsync_dir(path.parent)
        log.info("%d case(s) exported", len(ids))
        return ExportReport(path=path, count=len(ids), collection=as_collection, sha256=sha256)

    def _write_collection(
        self, out: _HashingWriter, ids: list[int], progress: Progress | None, cancelled: Cancelled | None
    ) -> None:
        header = json.dumps(collection_header(_now()), ensure_ascii=False, indent=2)
        out.write(header[: header.rstrip().rfind("}")].rstrip() + ',\n  "cases": [\n')
        done = 0
        for start in range(0, len(ids), EXPORT_CHUNK):
            if cancelled is not None and cancelled():
                raise TransferCancelled("导出")
            for case_file in self._case_files(ids[start : start + EXPORT_CHUNK]):
                text = json.dumps(dump_case_file(case_file), ensure_ascii=False, indent=2)
                out.write(
                    ("" if done == 0 else ",\n") + "\n".join("    " + line for line in text.splitlines())
                )
                done += 1
            if progress is not None:
                progress(done, len(ids))
        out.write("\n  ]\n}\n")

    def _doc_nos(self, ids: Sequence[int], actor: AccountInfo, by: Credential | None) -> list[str]:
        """The 文号 of the cases, in order; CaseNotFound or PermissionDenied for the first bad one."""
        from rongcuo_desktop.store.repository import CaseNotFound

        found: dict[int, str] = {}
        with self._read() as session:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                rows = session.execute(
                    select(CaseRecord.id, CaseRecord.doc_no).where(CaseRecord.id.in_(chunk))
                )
                found.update({int(r[0]): str(r[1]) for r in rows})
            for case_id in ids:
                if case_id not in found:
                    raise CaseNotFound(case_id)
            if not actor.may(Action.CASE_READ_ALL):
                for case_id in ids:
                    self._guard.check_read_case(session, case_id, by)
        return [found[case_id] for case_id in ids]

    def _case_files(self, ids: Sequence[int]) -> list[CaseFile]:
        """Case files of some cases, read in a few queries (export reads thousands)."""
        from rongcuo_desktop.store.mapping import to_case
        from rongcuo_desktop.store.repository import CaseNotFound

        with self._read() as session:
            records = {
                r.id: r
                for r in session.scalars(
                    select(CaseRecord)
                    .options(selectinload(CaseRecord.texts))
                    .where(CaseRecord.id.in_(list(ids)))
                )
            }
            missing = [case_id for case_id in ids if case_id not in records]
            if missing:
                raise CaseNotFound(missing[0])  # gone since the check at the start
            judgments = load_records(session, [records[case_id] for case_id in ids])
            # The store's own id is left out: it means nothing on another PC.
            return [
                build_case_file(dataclasses.replace(to_case(records[i]), id=None), judgments[i]) for i in ids
            ]

    # ----- import ------------------------------------------------------------------------------

    @collector_paused  # an import holds millions of objects: parse_transfer 1.45 -> 0.68 s of CPU
    def preview_import(
        self, path: Path, *, skip_existing: bool = False, by: Credential | None = None
    ) -> ImportPlan:
        """Check the whole file and say what an import would do; writes nothing.

        Raises ImportRefused (every problem named) when the file could not be imported as asked.
        """
        actor = self._guard.check(Action.IMPORT, by)
        transfer, sha256 = _read_transfer(Path(path))
        with self._read() as session:
            plan, _ = _plan(
                session, transfer, sha256, skip_existing=skip_existing, what=_what(path), actor=actor
            )
        return plan

    @collector_paused  # an import holds millions of objects: parse_transfer 1.45 -> 0.68 s of CPU
    def import_file(
        self,
        path: Path,
        *,
        skip_existing: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        by: Credential | None = None,
    ) -> ImportReport:
        """Import every case of the file, or none (see the module docstring for the policies).

        Written in batches of IMPORT_BATCH cases through the bulk path of `cases.add_many` (one
        executemany per table and batch, ids given out in order), each batch followed by its cases'
        IMPORT events (one per case, appended to the chain in one statement; their after hashes are
        of the rows written, mapped as `to_case` and `load_records` read them back, so `audit
        verify` finds them equal). All in one transaction: a cancel or an error leaves the store as it was.
        10,000 cases with checklists and five members each took ~51 s as one ORM flush per case.
        """
        actor = self._guard.check_write(Action.IMPORT, by)
        transfer, sha256 = _read_transfer(Path(path))
        imported: list[str] = []
        case_ids: list[int] = []
        with self._write() as session:
            # Checked again inside the writing transaction (under the store's lock): nothing can
            # change between the check and the writes.
            plan, accounts = _plan(
                session, transfer, sha256, skip_existing=skip_existing, what=_what(path), actor=actor
            )
            todo = [(p, transfer.cases[p.index]) for p in plan.cases if not p.exists]
            writer = _BatchWriter(session, accounts)
            for start in range(0, len(todo), IMPORT_BATCH):
                if cancelled is not None and cancelled():
                    raise TransferCancelled("导入")
                batch = todo[start : start + IMPORT_BATCH]
                written = writer.write([case_file for _, case_file in batch])
                specs = []
                for (planned, case_file), (case_id, case, judgment) in zip(batch, written, strict=True):
                    specs.append(
                        EventSpec(
                            Action.IMPORT,
                            case_id=case_id,
                            summary=_import_summary(planned, case_file),
                            detail={
                                "file_sha256": sha256,
                                "index": planned.index,
                                "members": len(case_file.members),
                                "members_by_name": len(planned.members_by_name),
                                "linked_members": len(planned.linked_members),
                                "decision_unexplained": planned.decision_unexplained,
                            },
                            # The case's fields as asdict gives them (no nested dataclass), uncopied.
                            after={"case": {f: getattr(case, f) for f in _CASE_FIELDS}, "judgment": judgment},
                        )
                    )
                    imported.append(planned.doc_no)
                self._guard.audit_many(session, specs, actor=actor)
                case_ids.extend(case_id for case_id, _, _ in written)
                if progress is not None:
                    progress(len(case_ids), len(todo))
            if cancelled is not None and cancelled():  # asked during the last batch: still nothing kept
                raise TransferCancelled("导入")
        log.info("%d case(s) imported, %d skipped", len(imported), len(plan.existing))
        return ImportReport(
            imported=tuple(imported),
            skipped_existing=tuple(plan.existing),
            members_by_name=tuple(
                dict.fromkeys(n for p in plan.cases if not p.exists for n in p.members_by_name)
            ),
            linked_members=tuple(
                dict.fromkeys(n for p in plan.cases if not p.exists for n in p.linked_members)
            ),
            warnings=plan.warnings,
            case_ids=tuple(case_ids),
        )


# ----- helpers ----------------------------------------------------------------------------------


def _import_summary(planned: PlannedCase, case_file: CaseFile) -> str:
    parts = [f"导入案件 {planned.doc_no}", f"委员 {len(case_file.members)} 位"]
    if planned.members_by_name:
        parts.append(f"其中 {len(planned.members_by_name)} 位按姓名记录（本库无此账户）")
    if planned.linked_members:  # their accounts are put on the case's committee here
        parts.append(f"列入委员名单：{'、'.join(planned.linked_members)}")
    if case_file.case.conclusion is not None:
        parts.append(f"认定结论（导入）：{case_file.case.conclusion.label}")
        if planned.decision_unexplained:
            parts.append("与文件中的研判建议不同或无建议，文件未写明理由")
    return "，".join(parts)


class _HashingWriter:
    def __init__(self, raw: IO[str], digest: Any) -> None:
        self._raw = raw
        self._digest = digest

    def write(self, text: str) -> None:
        self._raw.write(text)
        self._digest.update(text.encode("utf-8"))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _what(path: Path) -> str:
    return f"导入文件 {Path(path).name}"


def _read_transfer(path: Path) -> tuple[Transfer, str]:
    """Read and check the file through the domain's safe reader (a regular file of at most
    MAX_IMPORT_BYTES; depth, duplicate keys, numbers, text and dates checked); raises ImportRefused
    naming the field (or the line)."""
    what = _what(path)
    try:
        raw = read_limited(path, what, MAX_IMPORT_BYTES)
        sha256 = hashlib.sha256(raw).hexdigest()
        data = parse_json(raw, what)
        return parse_transfer(data, what), sha256
    except ValidationError as error:
        raise ImportRefused(error.issues, what) from None


def _plan(
    session: Session,
    transfer: Transfer,
    sha256: str,
    *,
    skip_existing: bool,
    what: str,
    actor: AccountInfo,
) -> tuple[ImportPlan, dict[str, AccountRow]]:
    """Every check that needs the store; raises ImportRefused listing all problems."""
    issues: list[Issue] = []
    warnings: list[str] = []

    def prefix(i: int) -> str:
        return f"cases[{i}]." if transfer.collection else ""

    doc_nos = [cf.case.doc_no for cf in transfer.cases]
    present: set[str] = set()
    for start in range(0, len(doc_nos), 500):
        chunk = doc_nos[start : start + 500]
        present.update(session.scalars(select(CaseRecord.doc_no).where(CaseRecord.doc_no.in_(chunk))))
    accounts = {row.name: row for row in session.scalars(select(AccountRow))}
    seen_doc: dict[str, int] = {}
    rulebooks: dict[str, Any] = {}
    planned: list[PlannedCase] = []
    for i, case_file in enumerate(transfer.cases):
        p = prefix(i)
        doc_no = case_file.case.doc_no
        if doc_no in seen_doc:
            first = f"cases[{seen_doc[doc_no]}]"
            issues.append(Issue(f"{p}case.doc_no", f"文号“{doc_no}”在文件中重复（已见于 {first}）"))
        else:
            seen_doc[doc_no] = i
        exists = doc_no in present
        if exists and not skip_existing:
            issues.append(
                Issue(
                    f"{p}case.doc_no",
                    f"文号“{doc_no}”在本库中已经存在：导入从不覆盖已有案件"
                    "（可选择跳过已有的案件，只导入其余案件）",
                )
            )
        if case_file.decision_note and case_file.case.conclusion is None:
            issues.append(Issue(f"{p}decision_note", "有认定说明却没有认定结论（case.conclusion）"))
        if case_file.case.decided_on is not None and case_file.case.conclusion is None:
            issues.append(Issue(f"{p}case.decided_on", "有认定日期却没有认定结论（case.conclusion）"))
        skipped = exists and skip_existing
        if case_file.case.conclusion is not None and not skipped:
            if not actor.may(Action.DECISION):
                issues.append(
                    Issue(
                        f"{p}case.conclusion",
                        f"{actor.role.label}无权导入认定结论：带有认定结论的案件只能由主任导入"
                        "（认定结论只由主任记录）",
                    )
                )
            if case_file.decision is not None:
                recorder = accounts.get(clean_member_name(case_file.decision.recorded_by))
                if recorder is not None and recorder.role != Role.CHAIR.value:
                    role = Role.from_code_or_label(recorder.role).label
                    issues.append(
                        Issue(
                            f"{p}decision.recorded_by",
                            f"“{recorder.name}”在本库中是{role}账户，不是主任：认定记录无法如实归属，"
                            "请先更正文件中的姓名",
                        )
                    )
        unexplained = False
        # Checklist ids against the rulebook, where it is installed here.
        key = case_file.case.rulebook
        if key:
            if key not in rulebooks:
                try:
                    rulebooks[key] = find_shipped_rulebook(key)
                except ValidationError:
                    rulebooks[key] = None
            rulebook = rulebooks[key]
            if rulebook is None:
                warnings.append(
                    f"{p}case.rulebook：本机没有安装规则库 {brief(key)}，研判清单中的编号未能核对；"
                    "研判前需安装该规则库。"
                )
            else:
                try:
                    check_against_rulebook(case_file, rulebook)
                except ValidationError as error:
                    issues.extend(Issue(f"{p}{issue.path}", issue.message) for issue in error.issues)
                else:
                    unexplained = _unexplained_decision(case_file, rulebook)
                    if unexplained and not skipped:
                        conclusion = case_file.case.conclusion
                        assert conclusion is not None
                        warnings.append(
                            f"{p}decision_note：认定结论“{conclusion.label}”与按文件中的清单和评分研判的建议"
                            "不同（或研判没有给出建议），文件中没有写明理由；将按原样导入，并记入审计记录。"
                        )
        elif (
            case_file.checklist.situations or case_file.checklist.conditions or case_file.checklist.exclusions
        ):
            warnings.append(f"{p}case.rulebook：案件未指定规则库，研判清单中的编号未能核对。")
        linked: list[str] = []
        by_name: list[str] = []
        names_seen: dict[str, int] = {}
        for j, member in enumerate(case_file.members):
            mp = f"{p}members[{j}]"
            if len(member.id) > MAX_MEMBER_KEY_LENGTH:
                issues.append(Issue(f"{mp}.id", f"委员编号太长（最多 {MAX_MEMBER_KEY_LENGTH} 个字符）"))
            name = clean_member_name(member.name)
            if not name:
                by_name.append(member.id)
                continue
            if len(name) > MAX_NAME_LENGTH or any(ch in name for ch in "\r\n\t"):
                issues.append(Issue(f"{mp}.name", f"姓名太长或含有换行（最多 {MAX_NAME_LENGTH} 个字）"))
                continue
            if name in names_seen:
                issues.append(
                    Issue(f"{mp}.name", f"姓名“{name}”与 members[{names_seen[name]}] 重复：评分无法归属")
                )
                continue
            names_seen[name] = j
            account = accounts.get(name)
            if account is None:
                by_name.append(name)
            elif account.role != Role.MEMBER.value:
                role = Role.from_code_or_label(account.role).label
                issues.append(
                    Issue(
                        f"{mp}.name",
                        f"“{name}”在本库中是{role}账户，不是委员：评分无法如实归属，请先更正文件中的姓名",
                    )
                )
            else:
                linked.append(name)
        planned.append(
            PlannedCase(
                index=i,
                doc_no=doc_no,
                exists=exists,
                linked_members=tuple(linked),
                members_by_name=tuple(by_name),
                has_decision=case_file.case.conclusion is not None,
                decision_unexplained=unexplained,
            )
        )
    if issues:
        raise ImportRefused(issues, what)
    plan = ImportPlan(
        collection=transfer.collection, cases=tuple(planned), warnings=tuple(warnings), sha256=sha256
    )
    return plan, accounts


def _unexplained_decision(case_file: CaseFile, rulebook: Any) -> bool:
    """A conclusion without a written reason where the engine gives another one, or none."""
    from rongcuo_desktop.domain.judgment import judge

    conclusion = case_file.case.conclusion
    if conclusion is None or case_file.decision_note.strip():
        return False
    try:
        return judge(case_file, rulebook).recommendation is not conclusion
    except ValidationError:
        return True


class _BatchWriter:
    """The rows of imported cases, a batch at a time: cases and texts through the bulk path of
    `cases.add_many`, then checklists, members (their ids given out here, so the scores need no
    RETURNING), scores, committee seats and decisions, one executemany per table."""

    def __init__(self, session: Session, accounts: dict[str, AccountRow]) -> None:
        self._conn = session.connection()
        self._accounts = accounts
        self._next_case = next_case_id(self._conn)
        self._next_member = (
            int(self._conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM judgment_members").scalar() or 0)
            + 1
        )
        self._now = case_time().isoformat(sep=" ")  # as the ORM wrote created_at / updated_at
        self._judged_at = _now().isoformat()

    def write(self, case_files: Sequence[CaseFile]) -> list[tuple[int, Case, dict[str, Any]]]:
        """Write the cases; each one's id, and its case and judgment record as `to_case` and
        `load_records` will read them (hashed for its IMPORT event without reading them back)."""
        rows: dict[str, list[dict[str, Any]]] = {
            "cases": [],
            "texts": [],
            "items": [],
            "members": [],
            "scores": [],
            "seats": [],
            "decisions": [],
        }
        written = []
        for case_file in case_files:
            case_id = self._next_case
            self._next_case += 1
            case = case_file.case  # cleaned by the one validator when the file was read
            rows["cases"].append(case_params(case, case_id, self._now))
            rows["texts"].append(text_params(case, case_id))
            items = checklist_rows(case_id, case_file.checklist)
            rows["items"] += items
            members, scores, seats = self._members(case_id, case_file)
            rows["members"] += members
            rows["scores"] += scores
            rows["seats"] += seats
            decision: dict[str, Any] | None = None
            if case.conclusion is not None:  # every conclusion has its decision record, marked imported
                block = case_file.decision
                decision = {
                    "case_id": case_id,
                    "conclusion": case.conclusion.value,
                    "decided_on": case.decided_on.isoformat() if case.decided_on else None,
                    "rulebook": block.rulebook if block is not None else case.rulebook,
                    "note": case_file.decision_note,
                    "recorded_by": block.recorded_by if block is not None else "",
                    "recorded_by_account_id": None,
                    "recorded_at": block.recorded_at.isoformat() if block is not None else None,
                    "recommendation": None,
                    "source": SOURCE_IMPORTED,
                }
                rows["decisions"].append(decision)
            written.append((case_id, *self._as_read(case_id, case, items, members, scores, decision)))
        # Straight to the driver (its executemany over plain dicts): SQLAlchemy's per-row parameter
        # processing was a third of the write time. Same connection, same transaction.
        cursor = self._conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(CASE_SQL, rows["cases"])
            cursor.executemany(TEXT_SQL, rows["texts"])
            for table, key in (
                ("case_checklist_items", "items"),
                ("judgment_members", "members"),
                ("judgment_scores", "scores"),
                ("case_members", "seats"),
                ("case_decisions", "decisions"),
            ):
                if rows[key]:
                    # Positional parameters: binding 400,000 rows by name cost the driver twice as much.
                    columns = list(rows[key][0])
                    values = list(map(itemgetter(*columns), rows[key]))  # every table has 2+ columns
                    marks = ", ".join("?" * len(columns))
                    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
        finally:
            cursor.close()
        return written

    def _as_read(
        self,
        case_id: int,
        case: Case,
        items: list[dict[str, Any]],
        members: list[dict[str, Any]],
        scores: list[dict[str, Any]],
        decision: dict[str, Any] | None,
    ) -> tuple[Case, dict[str, Any]]:
        """The case and its judgment record's audit state (domain.committee.snapshot) straight from
        the rows written: key for key what `snapshot(load_records(...))` gives when they are read
        back (an imported record has no rounds, paper ballots, votes or dissent, and every seat is
        a member who acted). Building the JudgmentRecord first and snapshotting it was an eighth
        of the import's time; `audit verify` and tests/store/test_import_batches.py compare the two."""
        given: dict[int, dict[str, list[Any]]] = {}
        for line in scores:
            given.setdefault(line["member_id"], {})[line["dimension"]] = [line["level"], line["rationale"]]
        lines: dict[str, dict[str, str]] = {"condition": {}, "exclusion": {}}
        situations = []
        for item in items:
            if item["kind"] == "situation":
                situations.append(item["rule_id"])
            else:
                lines[item["kind"]][item["rule_id"]] = item["status"]
        state: dict[str, Any] = {
            "rulebook": case.rulebook,
            "checklist": {
                "situations": situations,
                "conditions": dict(sorted(lines["condition"].items())),
                "exclusions": dict(sorted(lines["exclusion"].items())),
            },
            "members": [
                {
                    "key": m["member_key"],
                    "name": m["name"],
                    "account_id": m["account_id"],
                    "role": m["member_role"],
                    "recused": bool(m["recused"]),
                    "recusal_reason": m["recusal_reason"],
                    "scores": given.get(m["id"], {}),  # dimensions checked when the file was read
                }
                for m in members
            ],
            "decision": None
            if decision is None
            else {
                "conclusion": decision["conclusion"],
                "decided_on": case.decided_on.isoformat() if case.decided_on else None,
                "rulebook": decision["rulebook"],
                "note": decision["note"],
                "recorded_by": decision["recorded_by"],
                "recorded_at": decision["recorded_at"] or None,
            },
            "conclusion": case.conclusion.value if case.conclusion else None,
        }
        return dataclasses.replace(case, id=case_id), state

    def _members(
        self, case_id: int, case_file: CaseFile
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """The member rows of one case, their scores and the committee seats of linked accounts."""
        members: list[dict[str, Any]] = []
        scores: list[dict[str, Any]] = []
        seats: set[int] = set()
        judged_at = self._judged_at
        for member in case_file.members:
            member_id = self._next_member
            self._next_member += 1
            name = clean_member_name(member.name)
            account = self._accounts.get(name) if name else None
            account_id = account.id if account is not None and account.role == _MEMBER_ROLE else None
            members.append(
                {
                    "id": member_id,
                    "case_id": case_id,
                    "member_key": member.id,
                    "account_id": account_id,
                    "name": name,
                    "member_role": _MEMBER_ROLES[member.role],  # an enum's .value is a slow property
                    "recused": int(member.recused),
                    "recusal_reason": member.recusal_reason,
                    "recused_at": judged_at if member.recused else None,
                    "source": SOURCE_IMPORTED,
                }
            )
            scores += [
                {
                    "member_id": member_id,
                    "dimension": d,
                    "level": s.level,
                    "rationale": s.rationale,
                    "scored_at": judged_at,
                    "entered_by": "",
                }
                for d, s in member.scores.items()
            ]
            if account_id is not None:
                seats.add(account_id)
        return members, scores, [{"case_id": case_id, "account_id": a} for a in sorted(seats)]


_CASE_FIELDS = tuple(f.name for f in dataclasses.fields(Case))
_MEMBER_ROLE = Role.MEMBER.value
_MEMBER_ROLES = {r: r.value for r in MemberRole}
