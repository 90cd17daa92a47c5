"""Audit and account commands: audit verify / log / acknowledge, account add / list / disable, members.

Who acts: the command line acts as the store's first 主任 (whoever holds the recovery passphrase
or the key has a chair's power anyway), unless `--as NAME --pin-file FILE` names another person,
whose role the store then enforces. PINs come from a file or stdin, never from an argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from rongcuo_desktop.cli.main import EXIT_FAILURE, EXIT_OK, CliError
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.structured import read_first_line
from rongcuo_desktop.domain.validation import ValidationError

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store

_ROLE_NAMES = {role.label: role for role in Role}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="审计记录：核对、查看、确认异常", allow_abbrev=False)
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="完整核对审计链（发现被修改、删除、插入、调换的记录或回滚）", allow_abbrev=False
    )
    _passphrase_option(verify)
    verify.add_argument("--against", metavar="备案包.zip", help="再对照一个已备案的备案包（报告封存功能）")
    verify.add_argument("--trust", metavar="ROOT.pem", action="append", default=[], help="另行信任的根证书")
    verify.set_defaults(handler=run_verify)
    log = actions.add_parser("log", help="列出审计记录（某件案件的办理记录或全部）", allow_abbrev=False)
    log.add_argument("--case", metavar="文号或编号", help="只列出这件案件的记录")
    _passphrase_option(log)
    log.set_defaults(handler=run_log)
    ack = actions.add_parser("acknowledge", help="主任确认开启时发现的审计异常，恢复可写", allow_abbrev=False)
    _passphrase_option(ack)
    ack.set_defaults(handler=run_acknowledge)

    account = sub.add_parser("account", help="账户：秘书、委员、主任", allow_abbrev=False)
    account_actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = account_actions.add_parser(
        "add", help="新建账户（主任）；个人口令来自 --new-pin-file 或标准输入", allow_abbrev=False
    )
    add.add_argument("name", help="姓名")
    add.add_argument("--role", required=True, choices=sorted(_ROLE_NAMES), help="角色")
    add.add_argument("--new-pin-file", metavar="FILE", help="从文件读取新账户的个人口令")
    _passphrase_option(add)
    add.set_defaults(handler=run_account_add)
    listing = account_actions.add_parser("list", help="列出账户", allow_abbrev=False)
    _passphrase_option(listing)
    listing.set_defaults(handler=run_account_list)
    disable = account_actions.add_parser("disable", help="停用账户（主任）", allow_abbrev=False)
    disable.add_argument("name")
    _passphrase_option(disable)
    disable.set_defaults(handler=run_account_disable)

    members = sub.add_parser("members", help="指定案件的委员（只有这些委员能看到该案件）", allow_abbrev=False)
    members.add_argument("case", metavar="文号或编号")
    members.add_argument("names", nargs="*", metavar="委员姓名")
    _passphrase_option(members)
    members.set_defaults(handler=run_members)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取恢复口令（凭据库中有密钥时不需要）"
    )


# ----- reading a PIN --------------------------------------------------------------------------------


def read_pin(path: str | None, *, prompt: str = "个人口令：") -> str:
    """A PIN from the file's first line, else one line of stdin (echo off on a terminal)."""
    if path:
        try:  # at most 4 KB: --pin-file /dev/zero cannot read forever; not UTF-8 is a sentence
            pin = read_first_line(path, "个人口令文件")
        except ValidationError as error:
            raise CliError(str(error)) from None
    elif sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty():
        pin = getpass.getpass(prompt)
    else:
        pin = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not pin:
        raise CliError("没有读到个人口令：请用 --pin-file 指定口令文件，或从标准输入提供。")
    return pin


# ----- handlers ---------------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> Store:
    from rongcuo_desktop.cli.store_commands import open_store

    return open_store(args)


def _case_id(store: Store, text: str) -> int:
    if text.isdigit():
        return int(text)
    found = store.cases.id_for_doc_no(text)
    if found is None:
        raise CliError(f"找不到文号为“{text}”的案件。")
    return int(found)


def run_verify(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    if getattr(args, "against", None):
        from rongcuo_desktop.cli.report_commands import run_verify_against

        return run_verify_against(args)

    store = _open(args)
    try:
        report = store.audit_verify()
        if store.read_only_reason is not None:
            print("注意：开启时的核对发现异常，数据库目前只读，需主任确认（rongcuo audit acknowledge）。")
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILURE


def run_log(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        if args.case:
            entries = store.audit_timeline(_case_id(store, args.case))
            for entry in entries:
                when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
                who = f"{entry.actor_name}（{entry.actor_role_label}）"
                print(f"{entry.seq}\t{when}\t{who}\t{entry.action_label}\t{entry.summary}")
            print(f"共 {len(entries)} 条。", file=sys.stderr)
            return EXIT_OK
        lines = store.audit_log()
        for line in lines:
            at = line.at.isoformat()[:19].replace("T", " ")
            print(f"{line.seq}\t{at}\t{line.actor_name}\t{line.action}\t{line.case_id or ''}\t{line.summary}")
        print(f"共 {len(lines)} 条。", file=sys.stderr)
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    return EXIT_OK


def run_acknowledge(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        problems = store.audit_problems
        if store.read_only_reason is None:
            print("开启时的核对没有发现异常，无需确认。")
            return EXIT_OK
        for problem in problems:
            print(f"- {problem.message}")
        store.acknowledge_audit_problems()
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(f"已记录主任的确认（{len(problems)} 处异常），数据库恢复可写。")
    return EXIT_OK


def run_account_add(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    pin = read_pin(args.new_pin_file, prompt=f"{args.name} 的个人口令：")
    store = _open(args)
    try:
        info = store.accounts.add(args.name, _ROLE_NAMES[args.role], pin)
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(f"已新建账户：{info.name}（{info.role.label}）。")
    return EXIT_OK


def run_account_list(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        accounts = store.accounts.list_all(include_inactive=True)
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    for info in accounts:
        print(f"{info.name}\t{info.role.label}\t{'' if info.active else '已停用'}")
    return EXIT_OK


def run_account_disable(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        store.accounts.set_active(args.name, False)
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(f"已停用账户：{args.name}。")
    return EXIT_OK


def run_members(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        case_id = _case_id(store, args.case)
        store.accounts.set_members(case_id, args.names)
        names = "、".join(a.name for a in store.accounts.members_of(case_id)) or "（无）"
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(f"案件委员：{names}")
    return EXIT_OK
