"""Rulebook and judgment commands: `rongcuo rulebook list|show|check` and `rongcuo judge`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.domain.case_file import CaseFile, load_case_file
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.rulebook import SETTINGS, Rulebook, load_rulebook
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.services import rulebooks


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rulebook = sub.add_parser("rulebook", help="规则库：列出、查看、检查")
    rb_sub = rulebook.add_subparsers(dest="rulebook_command", metavar="SUBCOMMAND")
    rulebook.set_defaults(handler=lambda _args: _help(rulebook))

    listing = rb_sub.add_parser("list", help="列出内置规则库")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_list)

    show = rb_sub.add_parser("show", help="查看一个规则库（名称如 fuzhou-2019 或 fuzhou-2019@1，或文件路径）")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="以 JSON 输出完整规则库")
    show.set_defaults(handler=cmd_show)

    check = rb_sub.add_parser("check", help="检查一个规则库文件（TOML 或 JSON）")
    check.add_argument("file")
    check.set_defaults(handler=cmd_check)

    judge_parser = sub.add_parser(
        "judge",
        help="按规则库研判一个案件文件（或用 --case 研判库中的案件），输出 JSON",
        description="研判案件文件 CASE.json，或用 --case 文号 研判数据库中的案件（输出格式相同）。",
        allow_abbrev=False,
    )
    judge_parser.add_argument("case_file", metavar="CASE.json", nargs="?", help="案件文件")
    judge_parser.add_argument("--case", metavar="文号", help="研判数据库中的这件案件（文号或编号）")
    judge_parser.add_argument("--rulebook", help="规则库名称或文件（默认：案件 case.rulebook 中的规则库）")
    judge_parser.add_argument("--explain", action="store_true", help="只输出可宣读的中文说明")
    judge_parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="与 --case 一起用：从文件读取恢复口令（凭据库中有密钥时不需要）",
    )
    judge_parser.set_defaults(handler=cmd_judge)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _find(name: str) -> Rulebook:
    try:
        return rulebooks.find(name)
    except ValidationError as error:
        raise CliError(str(error)) from None


def _summary(rb: Rulebook) -> dict[str, Any]:
    return {
        "key": rb.key,
        "id": rb.id,
        "version": rb.version,
        "title": rb.title,
        "jurisdiction": rb.jurisdiction,
        "conditions": len(rb.conditions),
        "situations": len(rb.situations),
        "situation_groups": len(rb.situation_groups),
        "exclusions": len(rb.exclusions),
        "local_defaults": len(rb.local_defaults()),
        "gaps": len(rb.gaps),
    }


def cmd_list(args: argparse.Namespace) -> int:
    try:
        shipped = rulebooks.shipped()
    except ValidationError as error:
        raise CliError(f"内置规则库损坏：{error}") from None
    if args.json:
        _print_json([_summary(rb) for rb in shipped])
        return EXIT_OK
    for rb in shipped:
        s = _summary(rb)
        print(
            f"{rb.key:<18} {rb.title}（{rb.jurisdiction}）  条件 {s['conditions']} 项，"
            f"情形 {s['situations']} 种，不予容错 {s['exclusions']} 种，本地默认值 {s['local_defaults']} 项，"
            f"原文缺项 {s['gaps']} 处"
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    rb = _find(args.name)
    if args.json:
        _print_json(rb.to_dict())
        return EXIT_OK
    print(f"{rb.title}（{rb.key}，{rb.jurisdiction}）")
    if rb.summary:
        print(rb.summary)
    for title, rules in (("容错条件", rb.conditions), ("不予容错情形", rb.exclusions)):
        print(f"\n{title}：")
        for rule in rules:
            print(f"  [{rule.id}] {rule.text}（{rule.citation.label()}）")
    for group in rb.situation_groups:
        print(f"\n容错情形 · {group.title}（{group.citation.label()}）：")
        for rule in group.situations:
            print(f"  [{rule.id}] {rule.text}（{rule.citation.label()}）")
    print("\n五个维度：")
    for dim in rb.dimensions:
        questions = "；".join(q.name or q.text for q in dim.questions) or "（原文未给出）"
        print(f"  {dim.name}（权重 {dim.weight.value:g}）：{questions}")
    print("\n设置（标 * 者为本地默认值，原文未规定）：")
    for name, setting in rb.settings.items():
        mark = "*" if setting.local_default else " "
        value = ("是" if setting.value else "否") if isinstance(setting.value, bool) else setting.value
        print(f" {mark} {name} = {value}（{SETTINGS[name][0]}）")
    if rb.gaps:
        print("\n原文缺项：")
        for gap in rb.gaps:
            print(f"  {gap.field}：{gap.note}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    try:
        rb = load_rulebook(args.file)
    except ValidationError as error:
        raise CliError(str(error)) from None
    print(
        f"规则库 {rb.key} 有效：条件 {len(rb.conditions)} 项，情形 {len(rb.situations)} 种，"
        f"不予容错情形 {len(rb.exclusions)} 种，本地默认值 {len(rb.local_defaults())} 项。"
    )
    return EXIT_OK


def cmd_judge(args: argparse.Namespace) -> int:
    if (args.case_file is None) == (args.case is None):
        raise CliError("请给出一个案件文件 CASE.json，或用 --case 文号 指定库中的案件（二者选一）。")
    if args.case is not None:
        case_file = _stored_case_file(args)
    else:
        try:
            case_file = load_case_file(args.case_file)
        except ValidationError as error:
            raise CliError(str(error)) from None
    name = args.rulebook or case_file.case.rulebook
    if not name:
        raise CliError(
            "案件未指定规则库（case.rulebook 为空）：请用 --rulebook 指定，例如 --rulebook fuzhou-2019"
        )
    rulebook = _find(name)
    try:
        result = judge(case_file, rulebook)
    except ValidationError as error:
        raise CliError(str(error)) from None
    if args.explain:
        print(result.explanation)
    else:
        _print_json(result.to_dict())
    return EXIT_OK


def _stored_case_file(args: argparse.Namespace) -> CaseFile:
    """The stored case as a case file, as the person acting may read it (a 委员 before the decision:
    their own scores only, and told so)."""
    from rongcuo_desktop.cli.session import case_id, store_call
    from rongcuo_desktop.services import judgment

    def work(ws: Any, by: Any) -> tuple[CaseFile, bool]:
        found = case_id(ws, by, args.case)
        return judgment.case_file(ws, by, found), judgment.record(ws, by, found).blind

    case_file, blind = store_call(args, work)
    if blind:
        print(
            "注意：主任记录认定结论前，委员只能看到本人的评分（背靠背评分）；以下研判只按您本人的评分计算。",
            file=sys.stderr,
        )
    return case_file
