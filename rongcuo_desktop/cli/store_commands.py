"""Store commands: init, demo, list, passphrase change.

The passphrase comes from ``--passphrase-file FILE`` or standard input (one line; asked twice with
echo off when stdin is a terminal), never from a command-line argument: arguments are visible to
every user of the machine in the process list and end up in shell history.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.cli.session import (
    KNOWN_ERRORS,
    data_dir_of,
    passphrase_option,
    read_passphrase,
    read_pin,
    stdin_is_terminal,
    store_call,
)
from rongcuo_desktop.domain.case import CaseType, Conclusion, Stage
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, cases, unlock
from rongcuo_desktop.services.cases import SORT_COLUMNS, UNDECIDED, CaseQuery

_PASSPHRASE_HELP = "从文件读取恢复口令（文件的第一行）；不指定时从标准输入读取"
# allow_abbrev=False: "--passphrase SECRET" must be an error, not an abbreviation of --passphrase-file.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="新建加密数据库（设置恢复口令）", allow_abbrev=False)
    init.add_argument("--passphrase-file", metavar="FILE", help=_PASSPHRASE_HELP)
    init.add_argument(
        "--chair-name",
        metavar="NAME",
        help="第一个主任账户的姓名；个人口令来自 --pin-file 或标准输入（恢复口令之后的一行）",
    )
    init.add_argument(
        "--pin-file", metavar="FILE", default=argparse.SUPPRESS, help="从文件读取主任的个人口令"
    )
    init.add_argument(
        "--require-passphrase",
        action="store_true",
        help="每次启动都需要口令（不把密钥保存到系统凭据库）",
    )
    init.set_defaults(handler=run_init)

    demo = sub.add_parser(
        "demo", help="加入演示案件（--count N：加入 N 件合成案件，用于测试）", allow_abbrev=False
    )
    demo.add_argument("--count", type=int, metavar="N", help="加入 N 件合成案件，而不是演示案件")
    demo.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    passphrase_option(demo, _PASSPHRASE_HELP + "（凭据库中有密钥时不需要）")
    demo.set_defaults(handler=run_demo)

    listing = sub.add_parser("list", help="列出案件", allow_abbrev=False)
    listing.add_argument("--json", action="store_true", help="以 JSON 输出（便于脚本处理）")
    listing.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="搜索文号、当事人、单位、问责事项、事实和申请情形（空格分开的几个词都要出现）",
    )
    listing.add_argument(
        "--stage", metavar="STAGE", help="只列出某一阶段（代码或中文名，如 hearing 或 听证会商）"
    )
    listing.add_argument("--type", metavar="TYPE", help="案件类型（代码或中文名，如 clearance 或 澄清正名）")
    listing.add_argument("--field", metavar="FIELD", help="领域（如 行政审批）")
    listing.add_argument(
        "--conclusion", metavar="CONCLUSION", help="认定结论（代码或中文名，或 undecided / 未认定）"
    )
    listing.add_argument("--year", metavar="YEAR", help="申请年份（如 2026）")
    listing.add_argument("--overdue", action="store_true", help="只列出有逾期跟踪回访或逾期步骤的案件")
    listing.add_argument(
        "--sort", default="applied_on", choices=list(SORT_COLUMNS), help="排序列（默认：申请日期，新的在前）"
    )
    listing.add_argument("--ascending", action="store_true", help="升序排列")
    passphrase_option(listing, _PASSPHRASE_HELP + "（凭据库中有密钥时不需要）")
    listing.set_defaults(handler=run_list)

    passphrase = sub.add_parser("passphrase", help="恢复口令", allow_abbrev=False)
    actions = passphrase.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    change = actions.add_parser(
        "change",
        help="更换恢复口令（只重新包装密钥，不重新加密数据库）",
        allow_abbrev=False,
        description="旧口令和新口令来自 --passphrase-file 与 --new-passphrase-file，"
        "或标准输入的两行（先旧后新）。",
    )
    change.add_argument("--passphrase-file", metavar="FILE", help="从文件读取当前的恢复口令")
    change.add_argument("--new-passphrase-file", metavar="FILE", help="从文件读取新的恢复口令")
    change.set_defaults(handler=run_passphrase_change)


# ----- handlers ----------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    passphrase = _read_new_passphrase(args.passphrase_file)
    chair_pin = None
    if args.chair_name:  # checked before anything is created
        try:
            accounts.check_name(args.chair_name)
        except KNOWN_ERRORS as error:
            raise CliError(str(error)) from None
        chair_pin = read_pin(getattr(args, "pin_file", None), prompt=f"{args.chair_name} 的个人口令：")
        problem = accounts.pin_problem(chair_pin)
        if problem is not None:
            raise CliError(problem)
    try:
        ws, status = unlock.create(
            data_dir, passphrase, require_passphrase_each_start=args.require_passphrase
        )
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None
    try:
        setup = accounts.setup_person(ws)
        if args.chair_name and chair_pin is not None and setup is not None:
            accounts.add(ws, setup, args.chair_name, Role.CHAIR, chair_pin)
            print(f"已新建主任账户：{args.chair_name}。命令行默认以该账户操作。")
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None
    finally:
        ws.close()
    data_dir_of(args)  # the folder exists now: the log goes there
    print(f"已新建加密数据库：{data_dir}")
    if args.require_passphrase:
        print("每次启动都需要输入恢复口令。")
    elif status.usable:
        print("数据库密钥也已保存到系统凭据库，启动时无需输入口令。")
    else:
        print(status.explanation)
    print("请把恢复口令抄写在纸上，放在安全的地方：忘记口令将无法找回数据。")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 0:
        raise CliError("--count 不能是负数。")

    def work(ws: Any, by: Any) -> str:
        if args.count is None:
            added = cases.add_demo_cases(ws, by)
            return f"已加入 {added} 件演示案件（共 {cases.CaseList(ws, by).count()} 件）。"
        from rongcuo_desktop.domain.demo import synthetic_cases

        # Numbered after the synthetic cases already there, so running it twice adds, not clashes.
        start = cases.CaseList(ws, by).count()
        added = cases.add_synthetic(ws, by, synthetic_cases(args.count, seed=args.seed, start=start))
        return f"已加入 {added} 件合成案件（共 {cases.CaseList(ws, by).count()} 件）。"

    print(store_call(args, work))
    return EXIT_OK


def _member(enum: Any, value: str | None, what: str) -> Any:
    if not value:
        return None
    try:
        return enum.from_code_or_label(value.strip())
    except ValueError as error:
        names = "、".join(f"{m.value}（{m.label}）" for m in enum)
        raise CliError(f"未知的{what}：{value}。可用：{names}") from error


def _list_query(args: argparse.Namespace) -> CaseQuery:
    """The list's query from the options; a bad value is named with the choices."""
    conclusion = None
    if args.conclusion:
        if args.conclusion.strip() in (UNDECIDED, "未认定"):
            conclusion = UNDECIDED
        else:
            conclusion = _member(Conclusion, args.conclusion, "认定结论").value
    year = None
    if args.year:
        text = args.year.strip()
        if not (text.isascii() and text.isdigit() and 1900 < int(text) < 3000):
            raise CliError(f"申请年份应为四位数字，如 2026：{args.year}")
        year = int(text)
    return CaseQuery(
        text=" ".join(args.search.split()),
        stage=_member(Stage, args.stage, "阶段"),
        sort_column=args.sort,
        descending=not args.ascending,
        case_type=_member(CaseType, args.type, "案件类型"),
        work_field=(args.field or "").strip() or None,
        conclusion=conclusion,
        year=year,
        overdue=args.overdue,
    )


def run_list(args: argparse.Namespace) -> int:
    query = _list_query(args)

    def work(ws: Any, by: Any) -> list[cases.CaseRow]:
        listing = cases.CaseList(ws, by)
        ids = listing.ids(query)
        rows = listing.rows(ids)
        return [rows[i] for i in ids if i in rows]

    ordered = store_call(args, work)
    if args.json:
        payload: list[dict[str, Any]] = [
            {
                "id": row.id,
                "doc_no": row.doc_no,
                "party_name": row.party_name,
                "party_unit": row.party_unit,
                "work_field": row.work_field,
                "stage": row.stage.value,
                "stage_label": row.stage.label,
                "applied_on": row.applied_on.isoformat(),
                "conclusion": row.conclusion.value if row.conclusion else None,
                "conclusion_label": row.conclusion.label if row.conclusion else None,
            }
            for row in ordered
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    try:
        for row in ordered:
            conclusion = row.conclusion.label if row.conclusion else "—"
            print(
                f"{row.doc_no}\t{row.party_name}\t{row.party_unit}\t{row.work_field}\t"
                f"{row.stage.label}\t{row.applied_on.isoformat()}\t{conclusion}"
            )
        sys.stdout.flush()
    except BrokenPipeError:  # `rongcuo list | head`: the reader has what it wanted
        sys.stderr.close()
        return EXIT_OK
    print(f"共 {len(ordered)} 件。", file=sys.stderr)
    return EXIT_OK


def run_passphrase_change(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if not unlock.store_exists(data_dir):
        raise CliError(f"数据目录中没有数据库：{data_dir}")
    interactive = stdin_is_terminal() and not (args.passphrase_file and args.new_passphrase_file)
    old = read_passphrase(args.passphrase_file, prompt="当前的恢复口令：")
    new = (
        _read_new_passphrase(args.new_passphrase_file)
        if interactive or args.new_passphrase_file
        else read_passphrase(None, prompt="新的恢复口令：")
    )
    _check_new_passphrase(new)
    try:
        # A running app rewrites the key file after every save (the audit anchor): it could write
        # back the old wrapped key over the new one. So the change waits for the app to be closed.
        unlock.change_passphrase(data_dir, old, new)
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None
    print(
        "恢复口令已更换，数据库已用新密钥重新加密：旧口令再加上以前的备份，也打不开现在的数据库。"
        "更换前自动做的备份（pre-rekey，旧口令能打开）在数据目录的 backups 中。"
        "请把新口令抄写在纸上，放在安全的地方。"
    )
    return EXIT_OK


def _read_new_passphrase(path: str | None) -> str:
    if path or not stdin_is_terminal():
        passphrase = read_passphrase(path, prompt="")
    else:
        print("请设置恢复口令。忘记口令将无法找回数据，请把它抄写在纸上，放在安全的地方。")
        passphrase = getpass.getpass("恢复口令：")
        if getpass.getpass("再输入一次：") != passphrase:
            raise CliError("两次输入的口令不一致，数据库没有创建。")
    _check_new_passphrase(passphrase)
    return passphrase


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < unlock.MIN_PASSPHRASE_LENGTH:
        raise CliError(f"恢复口令至少需要 {unlock.MIN_PASSPHRASE_LENGTH} 个字符。")
    score, hint = unlock.passphrase_strength(passphrase)
    if score <= 1:
        print(f"提示：{hint}", file=sys.stderr)
