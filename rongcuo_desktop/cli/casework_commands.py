"""A case file from the command line (scripts and checks): register a case, move it through the
procedure, record the work of each step, list what is due.

    rongcuo register --doc-no 容错〔2026〕9号 --party 谢某某 --unit 某局 --applicant unit --matter …
    rongcuo stage 容错〔2026〕9号 --to 受理 --rulebook fuzhou-2019 [--date 2026-01-15]
    rongcuo record 容错〔2026〕9号 investigation --set held_on=2026-02-01 --set investigators=王某 …
    rongcuo stage 容错〔2026〕9号 --to 调查核实 … | --to 申请 --reason 理由（退回）
    rongcuo casefile 容错〔2026〕9号 [--json]
    rongcuo followups [--overdue] [--json]

The same guards and messages as the case window (services.casework, domain.procedure): a blocked
move exits 2 and says what is missing; nothing is half-saved.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.cli.session import case_id, passphrase_option, store_call
from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Stage
from rongcuo_desktop.domain.casework import RECORD_LABELS, RECORD_TYPES
from rongcuo_desktop.domain.casework_data import record_data, record_from_text
from rongcuo_desktop.domain.structured import CASE_FILE_MAX_BYTES, load_structured
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.services import casework
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.workspace import Workspace

_CASE_HELP = "案件的文号（如 容错〔2026〕3号）或编号"
_STAGES = "、".join(f"{s.value}（{s.label}）" for s in Stage)
_KINDS = "、".join(f"{k}（{RECORD_LABELS[k]}）" for k in RECORD_TYPES if k not in ("acceptance", "rejection"))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reg = sub.add_parser("register", help="登记新案件（申请阶段；秘书、主任）", allow_abbrev=False)
    reg.add_argument("--doc-no", required=True, metavar="文号")
    reg.add_argument("--party", default="", metavar="当事人")
    reg.add_argument("--unit", default="", metavar="单位")
    reg.add_argument("--position", default="", metavar="职务")
    reg.add_argument(
        "--type",
        default="tolerance",
        metavar="类型",
        help="tolerance/容错免责、clearance/澄清正名、pre_filing/事前备案",
    )
    reg.add_argument(
        "--applicant",
        default="party",
        metavar="申请人",
        help="party/当事人、unit/所在单位、discipline_organ/纪检监察机关",
    )
    reg.add_argument("--field", default="", metavar="领域")
    reg.add_argument("--applied-on", metavar="YYYY-MM-DD", help="申请日期（默认今天）")
    reg.add_argument("--matter", default="", metavar="问责事项")
    reg.add_argument("--facts", default="", metavar="事实")
    reg.add_argument("--rulebook", default="", metavar="NAME", help="预选的规则库（受理时确定）")
    passphrase_option(reg)
    reg.set_defaults(handler=run_register)

    stage = sub.add_parser(
        "stage",
        help="推进或退回案件的阶段（与案件窗口相同的条件）；不带 --to 时列出可走的下一步",
        allow_abbrev=False,
    )
    stage.add_argument("case", metavar="文号", help=_CASE_HELP)
    stage.add_argument("--to", metavar="STAGE", help=f"目标阶段：{_STAGES}")
    stage.add_argument("--reason", default="", metavar="理由", help="退回或不予受理的理由")
    stage.add_argument("--date", metavar="YYYY-MM-DD", help="这一步的日期（默认今天）")
    stage.add_argument("--rulebook", metavar="NAME", help="受理时适用的规则库，如 fuzhou-2019")
    stage.add_argument("--note", default="", metavar="受理意见")
    passphrase_option(stage)
    stage.set_defaults(handler=run_stage)

    record = sub.add_parser("record", help="记录一个步骤的办理情况（秘书、主任）", allow_abbrev=False)
    record.add_argument("case", metavar="文号", help=_CASE_HELP)
    record.add_argument("kind", metavar="KIND", help=f"记录的种类：{_KINDS}")
    record.add_argument(
        "--set", action="append", default=[], metavar="键=值", help="一项内容（可重复；列表用逗号分隔）"
    )
    record.add_argument("--file", metavar="JSON", help="从 JSON 文件读取各项内容（键与 --set 相同）")
    passphrase_option(record)
    record.set_defaults(handler=run_record)

    show = sub.add_parser("casefile", help="显示案件的办理记录、阶段和回访计划", allow_abbrev=False)
    show.add_argument("case", metavar="文号", help=_CASE_HELP)
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    passphrase_option(show)
    show.set_defaults(handler=run_casefile)

    expert = sub.add_parser(
        "expert",
        help="委员的身份：非固定成员（专家）及其专业领域，或 --fixed 固定成员（秘书、主任）",
        allow_abbrev=False,
    )
    expert.add_argument("name", metavar="委员")
    expert.add_argument("--field", action="append", default=[], metavar="领域", help="专业领域（可重复）")
    expert.add_argument("--fixed", action="store_true", help="设为固定成员")
    passphrase_option(expert)
    expert.set_defaults(handler=run_expert)

    due = sub.add_parser("followups", help="列出待办的跟踪回访（和超过期限的步骤）", allow_abbrev=False)
    due.add_argument("--overdue", action="store_true", help="只列出已逾期的")
    due.add_argument("--json", action="store_true", help="以 JSON 输出")
    passphrase_option(due)
    due.set_defaults(handler=run_followups)


def _date(option: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option} {text}：日期应写成 YYYY-MM-DD") from None


def _choice(option: str, text: str, kind: Any) -> Any:
    try:
        return kind.from_code_or_label(text.strip())
    except ValueError:
        choices = "、".join(f"{m.value}（{m.label}）" for m in kind)
        raise CliError(f"{option} {text}：应为 {choices} 之一") from None


# ----- register ---------------------------------------------------------------------------------


def run_register(args: argparse.Namespace) -> int:
    case = Case(
        doc_no=args.doc_no,
        party_name=args.party,
        party_unit=args.unit,
        party_position=args.position,
        case_type=_choice("--type", args.type, CaseType),
        applicant_type=_choice("--applicant", args.applicant, ApplicantType),
        work_field=args.field,
        applied_on=_date("--applied-on", args.applied_on) or dt.date.today(),
        accountability_matter=args.matter,
        facts=args.facts,
        rulebook=args.rulebook,
    )

    if case.rulebook:  # a name (fuzhou-2019) is kept as the id@version it is now
        found = casework.rulebook_of(case.rulebook)
        if found is None:
            raise CliError(f"--rulebook {case.rulebook}：找不到这个规则库。")
        case = dataclasses.replace(case, rulebook=found.key)

    def work(ws: Workspace, by: Credential) -> int:
        return casework.register(ws, by, case)

    new_id = store_call(args, work)
    print(f"已登记 {case.doc_no}（编号 {new_id}，阶段：申请）。")
    return EXIT_OK


# ----- stage -----------------------------------------------------------------------------------


def run_stage(args: argparse.Namespace) -> int:
    target = _choice("--to", args.to, Stage) if args.to else None
    on = _date("--date", args.date)

    def work(ws: Workspace, by: Credential) -> str:
        found = case_id(ws, by, args.case)
        if target is None:
            return _options(casework.file(ws, by, found))
        casework.move(
            ws, by, found, target, reason=args.reason, on=on, rulebook=args.rulebook, note=args.note
        )
        file = casework.file(ws, by, found)
        label = casework.step_label(file.case.case_type, file.case.stage)
        day = file.entered_on(file.case.stage)
        return f"{file.case.doc_no} 现在的阶段：{label}（{day}）。"

    print(store_call(args, work))
    return EXIT_OK


def _options(file: casework.CaseworkFile) -> str:
    case = file.case
    lines = [f"{case.doc_no} 现在的阶段：{casework.step_label(case.case_type, case.stage)}"]
    for option in casework.move_options(file.progress):
        name = casework.step_label(case.case_type, option.target)
        if option.backward:
            lines.append(f"  退回到 {name}（--to {option.target.value} --reason 理由）")
        elif option.allowed:
            lines.append(f"  可进入 {name}（--to {option.target.value}）")
        else:
            lines.append(f"  不能进入 {name}：{'；'.join(option.blocked)}")
    return "\n".join(lines)


# ----- records ---------------------------------------------------------------------------------


def run_record(args: argparse.Namespace) -> int:
    values: dict[str, str] = {}
    if args.file:
        try:
            data = load_structured(Path(args.file), "记录文件", max_bytes=CASE_FILE_MAX_BYTES)
        except ValidationError as error:
            raise CliError(str(error)) from None
        if not isinstance(data, dict):
            raise CliError(f"{args.file}：应为一个 JSON 对象（键为各项的名称）")
        values.update({str(k): v if isinstance(v, str) else json.dumps(v) for k, v in data.items()})
    for pair in args.set:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--set {pair}：应写成 键=值，例如 --set held_on=2026-02-01")
        values[key.strip()] = value
    try:
        record = record_from_text(args.kind.strip(), values)
    except ValidationError as error:
        raise CliError(str(error)) from None

    def work(ws: Workspace, by: Credential) -> str:
        found = case_id(ws, by, args.case)
        number = casework.add(ws, by, found, record)
        file = casework.file(ws, by, found)
        label = casework.step_label(file.case.case_type, file.case.stage)
        what = RECORD_LABELS[args.kind.strip()]
        return f"已记录{what}（第 {number} 条）；{file.case.doc_no} 现在的阶段：{label}。"

    print(store_call(args, work))
    return EXIT_OK


# ----- showing a case file and what is due ----------------------------------------------------------


def run_casefile(args: argparse.Namespace) -> int:
    def work(ws: Workspace, by: Credential) -> casework.CaseworkFile:
        return casework.file(ws, by, case_id(ws, by, args.case))

    file = store_call(args, work)
    case = file.case
    if args.json:
        payload = {
            "doc_no": case.doc_no,
            "case_type": case.case_type.value,
            "stage": case.stage.value,
            "rulebook": case.rulebook,
            "stage_log": [
                {
                    "stage": e.stage.value,
                    "on": e.entered_on.isoformat(),
                    "by": e.by_name,
                    "backward": e.backward,
                }
                for e in file.stage_log
            ],
            "records": [{"kind": e.kind, "seq": e.seq, **record_data(e.record)} for e in file.entries],
            "visits": [
                {
                    "no": v.visit_no,
                    "due_on": v.due_on.isoformat(),
                    "done_on": v.done_on.isoformat() if v.done_on else None,
                }
                for v in file.visits
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK

    def step(stage: Stage) -> str:
        return casework.step_label(case.case_type, stage)

    print(f"{case.doc_no}（{case.case_type.label}）现在的阶段：{step(case.stage)}")
    for move in file.stage_log:
        way = "退回" if move.backward else "进入"
        print(f"  {move.entered_on}  {way} {step(move.stage)}（{move.by_name}）")
    for entry in file.entries:
        print(f"  记录：{RECORD_LABELS[entry.kind]} 第 {entry.seq} 条（{entry.updated_by}）")
    for visit in file.visits:
        state = f"已回访 {visit.done_on}" if visit.done_on else "待回访"
        print(f"  回访 第 {visit.visit_no} 次：应于 {visit.due_on}，{state}")
    return EXIT_OK


def run_expert(args: argparse.Namespace) -> int:
    def work(ws: Workspace, by: Credential) -> None:
        casework.set_profile(ws, by, args.name, fixed=args.fixed, fields=args.field)

    store_call(args, work)
    kind = "固定成员" if args.fixed else "非固定成员（专家）"
    fields = f"，领域：{'、'.join(args.field)}" if args.field else ""
    print(f"{args.name}：{kind}{fields}。")
    return EXIT_OK


def run_followups(args: argparse.Namespace) -> int:
    today = dt.date.today()
    items = store_call(args, casework.due)
    if args.overdue:
        items = [d for d in items if d.overdue(today)]
    if args.json:
        payload = [
            {
                "case_id": d.case_id,
                "doc_no": d.doc_no,
                "kind": d.kind,
                "what": d.label,
                "due_on": d.due_on.isoformat(),
                "overdue": d.overdue(today),
                **({"visit_no": d.visit_no} if d.visit_no else {}),
            }
            for d in items
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("没有待办的跟踪回访。" if not args.overdue else "没有逾期的跟踪回访。")
        return EXIT_OK
    for d in items:
        state = (
            f"逾期 {(today - d.due_on).days} 天" if d.overdue(today) else f"{(d.due_on - today).days} 天后"
        )
        print(f"{d.due_on}\t{d.doc_no}\t{d.label}\t{state}")
    return EXIT_OK
