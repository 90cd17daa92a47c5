"""A case's judgment record from the command line: checklist, score, recuse, decide, export, import.

Who acts: as everywhere, the store's first 主任 unless `--as NAME --pin-file FILE` names another
person; the store refuses what their role may not do (a 委员 scores and recuses only on a case of
their committee; only the 主任 decides). Cases are named by 文号 or by the store's number.
Bad input exits 2 with a Chinese message naming the option or the field; nothing is changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.cli.session import case_id, passphrase_option, store_call
from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.committee import (
    CommitteeError,
    dimension_id,
    missing_dimensions,
    scores_from_data,
)
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.domain.structured import CASE_FILE_MAX_BYTES, load_structured
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.services import judgment, transfer

PLAINTEXT_WARNING = (
    "警告：导出文件是未加密的明文 JSON，含当事人姓名、案情、委员评分与认定结论。"
    "请只存放在可信的介质上，用后删除；导出已记入审计记录。"
)  # said once the export is done and recorded; a person who may not export hears only the refusal
CASE_HELP = "案件的文号（如 容错〔2026〕3号）或编号"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    checklist = sub.add_parser(
        "checklist",
        help="查看或修改案件的研判清单（秘书、主任）",
        allow_abbrev=False,
        description="不带修改选项时显示当前清单；修改选项在当前清单上增改，--clear 先清空。",
    )
    checklist.add_argument("case", metavar="文号", help=CASE_HELP)
    checklist.add_argument("--rulebook", metavar="NAME", help="适用的规则库，如 fuzhou-2019 或 fuzhou-2019@1")
    checklist.add_argument(
        "--situation", action="append", default=[], metavar="ID", help="申请的容错情形编号（可重复）"
    )
    checklist.add_argument(
        "--condition",
        action="append",
        default=[],
        metavar="ID=状态",
        help="容错条件：met/符合、not_met/不符合、unknown/未查明（可重复）",
    )
    checklist.add_argument(
        "--exclusion",
        action="append",
        default=[],
        metavar="ID=状态",
        help="不予容错情形：confirmed/已查实、not_confirmed/经核查不存在、unknown/未核查（可重复）",
    )
    checklist.add_argument("--clear", action="store_true", help="先清空当前清单")
    passphrase_option(checklist)
    checklist.set_defaults(handler=run_checklist)

    score = sub.add_parser(
        "score",
        help="委员对案件评分（只能评本人所在委员会的案件）",
        allow_abbrev=False,
        description="例：rongcuo --as 张委员 --pin-file pin.txt score 容错〔2026〕3号 "
        "--dimension 动机态度=4 --dimension 客观条件=5 --rationale 出于公心、及时纠错",
    )
    score.add_argument("case", metavar="文号", help=CASE_HELP)
    score.add_argument(
        "--dimension",
        action="append",
        default=[],
        metavar="维度=等级",
        help="维度（动机态度、客观条件、程序方法、性质程度、后果影响，或 motive 等）和等级 1–5（可重复）",
    )
    score.add_argument(
        "--rationale",
        action="append",
        default=[],
        metavar="[维度=]理由",
        help="评分理由；写成“维度=理由”只用于该维度，否则用于本次所有维度",
    )
    score.add_argument(
        "--scores-file",
        metavar="FILE",
        help='从 JSON 文件读取评分：{"motive": {"level": 4, "rationale": "…"}, …}'
        "（与案件文件中 scores 相同）",
    )
    passphrase_option(score)
    score.set_defaults(handler=run_score)

    recuse = sub.add_parser("recuse", help="委员申请回避（已有的评分随之撤回）", allow_abbrev=False)
    recuse.add_argument("case", metavar="文号", help=CASE_HELP)
    recuse.add_argument("--reason", required=True, metavar="理由", help="回避理由")
    passphrase_option(recuse)
    recuse.set_defaults(handler=run_recuse)

    decide = sub.add_parser(
        "decide",
        help="主任记录会议的认定结论",
        allow_abbrev=False,
        description="结论与研判建议不同（或研判未给出建议）时，须用 --note 写明理由。",
    )
    decide.add_argument("case", metavar="文号", help=CASE_HELP)
    decide.add_argument(
        "--conclusion", required=True, metavar="结论", help="予以容错免责、从轻减轻处理 或 不予容错"
    )
    decide.add_argument("--note", default="", metavar="说明", help="认定说明（与研判建议不同时必填）")
    decide.add_argument("--date", metavar="YYYY-MM-DD", help="认定日期（默认今天）")
    decide.add_argument("--for", dest="votes_for", type=int, metavar="N", help="表决：赞成票数")
    decide.add_argument("--against", dest="votes_against", type=int, metavar="N", help="表决：反对票数")
    decide.add_argument("--abstain", dest="votes_abstain", type=int, metavar="N", help="表决：弃权票数")
    decide.add_argument("--dissent", default="", metavar="意见", help="不同意见（持不同意见的委员及理由）")
    decide.add_argument(
        "--form",
        default="",
        metavar="形态",
        help="从轻减轻处理运用的“四种形态”：第一种形态 … 第四种形态（或 first … fourth）",
    )
    decide.add_argument(
        "--measure", default="", metavar="措施", help="从轻减轻处理采取的措施（与 --form 同用）"
    )
    passphrase_option(decide)
    decide.set_defaults(handler=run_decide)

    export = sub.add_parser(
        "export",
        help="把案件（含研判清单、评分、回避、认定结论）导出为明文 JSON 文件",
        allow_abbrev=False,
        description="一件案件写成案件文件，多件（或 --all）写成案件集合文件；格式见 docs/case-format.md。"
        "导出文件不加密。",
    )
    export.add_argument("cases", nargs="*", metavar="文号", help=CASE_HELP + "（可多个）")
    export.add_argument("--all", action="store_true", help="导出全部案件（写成案件集合文件）")
    export.add_argument("--out", required=True, metavar="FILE", help="导出到的文件")
    export.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖它")
    passphrase_option(export)
    export.set_defaults(handler=run_export)

    importing = sub.add_parser(
        "import",
        help="导入案件文件或案件集合文件（全部检查通过才导入，否则不做任何改动）",
        allow_abbrev=False,
        description="文号已存在的案件从不覆盖：默认整个文件不导入并列出这些文号，--skip-existing 跳过它们。"
        "文件中的委员按姓名对应本库的委员账户；本库没有的姓名，其评分按原记录保留并注明姓名。",
    )
    importing.add_argument("file", metavar="FILE", help="案件文件（.json）")
    importing.add_argument("--skip-existing", action="store_true", help="跳过本库中已有文号的案件")
    importing.add_argument("--dry-run", action="store_true", help="只检查并说明将导入什么，不写入")
    passphrase_option(importing)
    importing.set_defaults(handler=run_import)


def _pair(option: str, value: str) -> tuple[str, str]:
    key, sep, rest = value.partition("=")
    if not sep or not key.strip() or not rest.strip():
        raise CliError(f"{option} {value}：应写成 名称=值，例如 {option} 动机态度=4")
    return key.strip(), rest.strip()


# ----- checklist -------------------------------------------------------------------------------


def run_checklist(args: argparse.Namespace) -> int:
    conditions = dict(_status("--condition", v, ConditionStatus) for v in args.condition)
    exclusions = dict(_status("--exclusion", v, ExclusionStatus) for v in args.exclusion)
    changes = args.clear or args.rulebook or args.situation or conditions or exclusions

    def work(ws: Any, by: Any) -> judgment.JudgmentRecord:
        found = case_id(ws, by, args.case)
        if not changes:
            return judgment.record(ws, by, found)
        return judgment.update_checklist(
            ws,
            by,
            found,
            situations=tuple(args.situation),
            conditions=conditions,
            exclusions=exclusions,
            rulebook=args.rulebook,
            clear=args.clear,
        )

    record = store_call(args, work)
    if changes:
        print("研判清单已保存。")
    checklist = record.checklist
    print(f"{record.doc_no}  适用规则：{record.rulebook or '（未指定）'}")
    print(f"申请的容错情形：{'、'.join(checklist.situations) or '（无）'}")
    print(
        "容错条件：" + ("、".join(f"{k} {v.label}" for k, v in checklist.conditions.items()) or "（未填写）")
    )
    print(
        "不予容错情形："
        + ("、".join(f"{k} {v.label}" for k, v in checklist.exclusions.items()) or "（未填写）")
    )
    return EXIT_OK


def _status(option: str, value: str, kind: Any) -> tuple[str, Any]:
    rule_id, text = _pair(option, value)
    try:
        return rule_id, kind.from_code_or_label(text)
    except ValueError:
        choices = "、".join(f"{m.value}（{m.label}）" for m in kind)
        raise CliError(f"{option} {value}：状态应为 {choices} 之一") from None


# ----- score and recuse --------------------------------------------------------------------------


def run_score(args: argparse.Namespace) -> int:
    scores = scores_from_args(args)

    def work(ws: Any, by: Any) -> tuple[str, judgment.MemberRecord]:
        found = case_id(ws, by, args.case)
        mine = judgment.score(ws, by, found, scores)
        return judgment.record(ws, by, found).doc_no, mine

    doc_no, mine = store_call(args, work)
    done = "、".join(f"{DIMENSIONS[d]} {s.level}" for d, s in mine.scores.items())
    print(f"已记录评分（{doc_no}）：{done}")
    if not mine.complete:
        print(f"尚未评分的维度：{'、'.join(missing_dimensions(mine.scores))}（五个维度都评分后才计入研判）")
    return EXIT_OK


def scores_from_args(args: argparse.Namespace) -> dict[str, Score]:
    levels: dict[str, int] = {}
    rationales: dict[str, str] = {}
    general: list[str] = []
    try:
        if args.scores_file:
            for dim_id, score in _scores_file(Path(args.scores_file)).items():
                levels[dim_id] = score.level
                rationales[dim_id] = score.rationale
        for value in args.dimension:
            name, text = _pair("--dimension", value)
            dim_id = dimension_id(name)
            if dim_id in levels:
                raise CliError(f"--dimension {value}：这个维度已经给过等级")
            try:
                levels[dim_id] = int(text)
            except ValueError:
                raise CliError(f"--dimension {value}：等级应为 1 到 5 的整数") from None
        for value in args.rationale:
            name, sep, text = value.partition("=")
            try:
                dim_id = dimension_id(name) if sep else ""
            except CommitteeError:
                dim_id = ""
            if dim_id:
                rationales[dim_id] = text.strip()
            else:
                general.append(value.strip())
    except CommitteeError as error:
        raise CliError(str(error)) from None
    if not levels:
        raise CliError("没有给出评分：请用 --dimension 维度=等级（可重复）或 --scores-file。")
    unused = [d for d in rationales if d not in levels]
    if unused:
        raise CliError(f"--rationale：维度 {'、'.join(unused)} 有理由却没有等级（--dimension）。")
    shared = "；".join(t for t in general if t)
    return {d: Score(level, rationales.get(d) or shared) for d, level in levels.items()}


def _scores_file(path: Path) -> dict[str, Score]:
    """The scores of a JSON file (the case file's shape), read by the domain's safe reader and checked
    by the committee's one score parser."""
    what = f"--scores-file {path.name}"
    try:  # the domain's safe reader: size, depth, duplicate keys, numbers
        data = load_structured(path, what, max_bytes=CASE_FILE_MAX_BYTES)
    except ValidationError as error:
        raise CliError(str(error)) from None
    try:
        return scores_from_data(data)
    except CommitteeError as error:
        raise CliError(f"{what}：{error}") from None


def run_recuse(args: argparse.Namespace) -> int:
    def work(ws: Any, by: Any) -> str:
        found = case_id(ws, by, args.case)
        doc_no = judgment.record(ws, by, found).doc_no  # before: a recused member reads no more of it
        judgment.recuse(ws, by, found, args.reason)
        return doc_no

    print(f"已记录回避（{store_call(args, work)}）。回避后不能再对本案评分。")
    return EXIT_OK


# ----- decide ----------------------------------------------------------------------------------


def run_decide(args: argparse.Namespace) -> int:
    try:
        conclusion = Conclusion.from_code_or_label(args.conclusion.strip())
    except ValueError:
        names = "、".join(f"{c.label}（{c.value}）" for c in Conclusion)
        raise CliError(f"--conclusion {args.conclusion}：应为 {names} 之一") from None
    decided_on = None
    if args.date:
        try:
            decided_on = dt.date.fromisoformat(args.date)
        except ValueError:
            raise CliError(f"--date {args.date}：应为 YYYY-MM-DD 格式的日期") from None

    counts = (args.votes_for, args.votes_against, args.votes_abstain)
    if any(c is not None for c in counts) and any(c is None for c in counts):
        raise CliError("表决票数：请同时给出 --for、--against、--abstain（没有的写 0）。")
    votes = None if counts[0] is None else judgment.Votes(*(int(c or 0) for c in counts))
    if args.measure and not args.form:
        raise CliError("--measure 须与 --form（四种形态）同用。")

    def work(ws: Any, by: Any) -> tuple[str, judgment.DecisionInfo]:
        found = case_id(ws, by, args.case)
        decision = judgment.decide_with_form(
            ws, by, found, conclusion, args.note, decided_on, votes, args.dissent, (args.form, args.measure)
        )
        return judgment.record(ws, by, found).doc_no, decision

    doc_no, decision = store_call(args, work)
    advice = decision.recommendation.label if decision.recommendation else "无建议"
    print(f"已记录认定结论（{doc_no}）：{decision.conclusion.label}（研判建议：{advice}）")
    if decision.votes is not None:
        print(f"表决：{decision.votes.label()}")
    return EXIT_OK


# ----- export and import ---------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    if args.all and args.cases:
        raise CliError("--all 与文号不能同时使用。")
    if not args.all and not args.cases:
        raise CliError("请给出要导出的文号（可多个），或用 --all 导出全部案件。")
    out = Path(args.out).expanduser()
    if out.exists() and not args.overwrite:
        raise CliError(f"--out：文件已经存在：{out}。为免覆盖，请换一个文件名，或加 --overwrite。")

    def work(ws: Any, by: Any) -> transfer.ExportReport:
        transfer.check_may_export(ws, by)  # #11 item 16: a 委员 hears the refusal, nothing else
        ids = None if args.all else list(dict.fromkeys(case_id(ws, by, c) for c in args.cases))
        return transfer.export(
            ws, by, out, ids, collection=True if args.all else None, overwrite=args.overwrite
        )

    report = store_call(args, work)
    print(PLAINTEXT_WARNING, file=sys.stderr)
    kind = "案件集合文件" if report.collection else "案件文件"
    print(f"已导出 {report.count} 件案件（{kind}，明文）：{report.path}")
    print(f"SHA-256：{report.sha256}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()

    def work(ws: Any, by: Any) -> transfer.ImportPlan | transfer.ImportReport:
        if args.dry_run:
            return transfer.preview_import(ws, by, path, skip_existing=args.skip_existing)
        return transfer.import_file(ws, by, path, skip_existing=args.skip_existing)

    try:
        result = store_call(args, work)
    except CliError as error:
        hint = ""
        if "已经存在" in str(error) and not args.skip_existing:
            hint = "\n（只导入其余案件：加 --skip-existing；已有的案件不会被覆盖。）"
        raise CliError(str(error) + hint) from None
    if isinstance(result, transfer.ImportPlan):
        todo = [c for c in result.cases if not c.exists]
        print(f"检查通过：将导入 {len(todo)} 件案件（未写入）。")
        for case in todo:
            print(f"  {case.doc_no}")
        _print_lists(
            result.existing,
            [n for c in todo for n in c.members_by_name],
            [n for c in todo for n in c.linked_members],
            result.warnings,
        )
        return EXIT_OK
    print(f"已导入 {len(result.imported)} 件案件：{'、'.join(result.imported) or '（无）'}")
    _print_lists(result.skipped_existing, result.members_by_name, result.linked_members, result.warnings)
    return EXIT_OK


def _print_lists(existing: Any, by_name: Any, linked: Any, warnings: Any) -> None:
    if existing:
        print(f"跳过本库已有的文号（未覆盖）：{'、'.join(existing)}")
    if linked:
        print(f"评分归属本库的委员账户：{'、'.join(dict.fromkeys(linked))}")
    if by_name:
        print(f"本库没有这些委员账户，其评分按原记录保留并注明姓名：{'、'.join(dict.fromkeys(by_name))}")
    for warning in warnings:
        print(f"提示：{warning}", file=sys.stderr)
