"""Audit and account commands: audit verify / log / acknowledge; account add / list / disable /
change-pin / reset-pin; members (a case's committee).

Who acts: see cli/session.py (--as NAME --pin-file FILE, else the first 主任). PINs come from a file
or stdin, never from an argument.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rongcuo_desktop.cli.main import EXIT_FAILURE, EXIT_OK, CliError
from rongcuo_desktop.cli.session import case_id, passphrase_option, read_pin, store_call
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, audit

_ROLE_NAMES = {role.label: role for role in Role}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit_parser = sub.add_parser("audit", help="审计记录：核对、查看、确认异常", allow_abbrev=False)
    actions = audit_parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="完整核对审计链（发现被修改、删除、插入、调换的记录或回滚）", allow_abbrev=False
    )
    verify.add_argument("--against", metavar="备案包.zip", help="再对照一个已备案的备案包（报告封存功能）")
    verify.add_argument("--trust", metavar="ROOT.pem", action="append", default=[], help="另行信任的根证书")
    passphrase_option(verify)
    verify.set_defaults(handler=run_verify)
    log = actions.add_parser("log", help="列出审计记录（某件案件的办理记录或全部）", allow_abbrev=False)
    log.add_argument("--case", metavar="文号或编号", help="只列出这件案件的记录")
    passphrase_option(log)
    log.set_defaults(handler=run_log)
    ack = actions.add_parser("acknowledge", help="主任确认开启时发现的审计异常，恢复可写", allow_abbrev=False)
    passphrase_option(ack)
    ack.set_defaults(handler=run_acknowledge)

    account = sub.add_parser("account", help="账户：秘书、委员、主任", allow_abbrev=False)
    account_actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = account_actions.add_parser(
        "add", help="新建账户（主任）；个人口令来自 --new-pin-file 或标准输入", allow_abbrev=False
    )
    add.add_argument("name", help="姓名")
    add.add_argument("--role", required=True, choices=sorted(_ROLE_NAMES), help="角色")
    add.add_argument("--new-pin-file", metavar="FILE", help="从文件读取新账户的个人口令")
    passphrase_option(add)
    add.set_defaults(handler=run_account_add)
    listing = account_actions.add_parser("list", help="列出账户", allow_abbrev=False)
    passphrase_option(listing)
    listing.set_defaults(handler=run_account_list)
    disable = account_actions.add_parser("disable", help="停用账户（主任）", allow_abbrev=False)
    disable.add_argument("name")
    passphrase_option(disable)
    disable.set_defaults(handler=run_account_disable)
    change = account_actions.add_parser(
        "change-pin",
        help="修改本人的个人口令（--as 本人 --pin-file 旧口令；新口令来自 --new-pin-file 或标准输入）",
        allow_abbrev=False,
    )
    change.add_argument("--new-pin-file", metavar="FILE", help="从文件读取新的个人口令")
    passphrase_option(change)
    change.set_defaults(handler=run_change_pin)
    reset = account_actions.add_parser(
        "reset-pin", help="主任为忘记口令的人重设个人口令（记入审计）", allow_abbrev=False
    )
    reset.add_argument("name")
    reset.add_argument("--new-pin-file", metavar="FILE", help="从文件读取新的个人口令")
    passphrase_option(reset)
    reset.set_defaults(handler=run_reset_pin)

    members = sub.add_parser(
        "members",
        help="查看或指定案件的委员（只有这些委员能看到该案件）",
        allow_abbrev=False,
        description="只给文号时显示委员名单；给出姓名时把名单设为这些委员；--clear 清空名单。",
    )
    members.add_argument("case", metavar="文号或编号")
    members.add_argument("names", nargs="*", metavar="委员姓名")
    members.add_argument("--clear", action="store_true", help="清空本案的委员名单")
    passphrase_option(members)
    members.set_defaults(handler=run_members)


# ----- the audit trail ------------------------------------------------------------------------------


def run_verify(args: argparse.Namespace) -> int:
    if getattr(args, "against", None):
        from rongcuo_desktop.cli.report_commands import run_verify_against

        return run_verify_against(args)

    def work(ws: Any, by: Any) -> tuple[audit.VerifyReport, bool]:
        return audit.verify(ws, by), ws.read_only_reason is not None

    report, read_only = store_call(args, work)
    if read_only:
        print("注意：开启时的核对发现异常，数据库目前只读，需主任确认（rongcuo audit acknowledge）。")
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILURE


def run_log(args: argparse.Namespace) -> int:
    if args.case:
        from rongcuo_desktop.services import judgment

        entries = store_call(args, lambda ws, by: judgment.timeline(ws, by, case_id(ws, by, args.case)))
        for entry in entries:
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            who = f"{entry.actor_name}（{entry.actor_role_label}）"
            print(f"{entry.seq}\t{when}\t{who}\t{entry.action_label}\t{entry.summary}")
        print(f"共 {len(entries)} 条。", file=sys.stderr)
        return EXIT_OK
    lines = store_call(args, audit.log)
    for line in lines:
        at = line.at.isoformat()[:19].replace("T", " ")
        print(f"{line.seq}\t{at}\t{line.actor_name}\t{line.action}\t{line.case_id or ''}\t{line.summary}")
    print(f"共 {len(lines)} 条。", file=sys.stderr)
    return EXIT_OK


def run_acknowledge(args: argparse.Namespace) -> int:
    def work(ws: Any, by: Any) -> list[Any] | None:
        if ws.read_only_reason is None:
            return None
        return audit.acknowledge(ws, by)

    problems = store_call(args, work)
    if problems is None:
        print("开启时的核对没有发现异常，无需确认。")
        return EXIT_OK
    for problem in problems:
        print(f"- {problem.message}")
    print(f"已记录主任的确认（{len(problems)} 处异常），数据库恢复可写。")
    return EXIT_OK


# ----- accounts ------------------------------------------------------------------------------------


def _new_pin(path: str | None, name: str) -> str:
    pin = read_pin(path, prompt=f"{name} 的新个人口令：")
    problem = accounts.pin_problem(pin)
    if problem is not None:
        raise CliError(problem)
    return pin


def run_account_add(args: argparse.Namespace) -> int:
    pin = _new_pin(args.new_pin_file, args.name)
    info = store_call(args, lambda ws, by: accounts.add(ws, by, args.name, _ROLE_NAMES[args.role], pin))
    print(f"已新建账户：{info.name}（{info.role.label}）。")
    return EXIT_OK


def run_account_list(args: argparse.Namespace) -> int:
    for info in store_call(args, lambda ws, _by: accounts.people(ws, include_disabled=True)):
        print(f"{info.name}\t{info.role.label}\t{'' if info.active else '已停用'}")
    return EXIT_OK


def run_account_disable(args: argparse.Namespace) -> int:
    store_call(args, lambda ws, by: accounts.disable(ws, by, args.name))
    print(f"已停用账户：{args.name}。")
    return EXIT_OK


def run_change_pin(args: argparse.Namespace) -> int:
    if not getattr(args, "as_name", None) or not getattr(args, "pin_file", None):
        raise CliError("修改本人的个人口令：请用 --as 姓名 --pin-file 当前口令文件 指明是谁。")
    old = read_pin(args.pin_file)
    new = _new_pin(args.new_pin_file, args.as_name)
    store_call(args, lambda ws, by: accounts.change_own_pin(ws, by, old, new))
    print(f"{args.as_name} 的个人口令已修改。")
    return EXIT_OK


def run_reset_pin(args: argparse.Namespace) -> int:
    pin = _new_pin(args.new_pin_file, args.name)
    store_call(args, lambda ws, by: accounts.reset_pin(ws, by, args.name, pin))
    print(f"已重设 {args.name} 的个人口令（已记入审计记录）。")
    return EXIT_OK


# ----- a case's committee -----------------------------------------------------------------------------


def run_members(args: argparse.Namespace) -> int:
    """Without names it shows (#11 item 13: it used to clear the committee); --clear clears."""
    if args.clear and args.names:
        raise CliError("--clear 与委员姓名不能同时使用：清空名单时不要给出姓名。")

    def work(ws: Any, by: Any) -> list[Any]:
        found = case_id(ws, by, args.case)
        if args.names or args.clear:
            accounts.set_members(ws, by, found, args.names)
        return accounts.members(ws, by, found)

    names = "、".join(a.name for a in store_call(args, work)) or "（无）"
    print(f"案件委员：{names}")
    return EXIT_OK
