"""`rongcuo attach 文号 FILE` and `rongcuo attachments 文号` (list, or export with --export).

Cases are named by 文号 or by the store's number; on a store with accounts, `--as NAME --pin-file`
names who adds or opens (adding is the 秘书's and the 主任's; a 委员 reads the cases of their
committee).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK
from rongcuo_desktop.cli.session import case_id, passphrase_option, store_call
from rongcuo_desktop.services import attachments

_CASE_HELP = "案件的文号（如 容错〔2026〕3号）或编号"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    attach = sub.add_parser("attach", help="给案件添加附件（加密保存在数据库内）")
    attach.add_argument("case", metavar="文号", help=_CASE_HELP)
    attach.add_argument("file", metavar="FILE", help="要添加的文件")
    attach.add_argument("--max-mb", type=int, default=None, help="附件大小上限（MB，默认 100）")
    passphrase_option(attach, "从文件读取恢复口令（默认：凭据库或标准输入）")
    attach.set_defaults(handler=run_attach)

    listing = sub.add_parser("attachments", help="列出案件的附件；--export 把一个附件导出为明文文件")
    listing.add_argument("case", metavar="文号", help=_CASE_HELP)
    listing.add_argument("--export", metavar="ATTACHMENT_ID", type=int, help="导出该附件（未加密副本）")
    listing.add_argument("--to", metavar="DIR", default=".", help="导出到的文件夹（默认：当前文件夹）")
    passphrase_option(listing, "从文件读取恢复口令（默认：凭据库或标准输入）")
    listing.set_defaults(handler=run_list)


def run_attach(args: argparse.Namespace) -> int:
    limit = attachments.DEFAULT_MAX_BYTES if args.max_mb is None else args.max_mb * 1024 * 1024
    path = Path(args.file).expanduser()

    def work(ws: Any, by: Any) -> attachments.AttachmentInfo:
        return attachments.add_file(ws, by, case_id(ws, by, args.case), path, max_bytes=limit)

    info = store_call(args, work)
    print(f"已添加附件 {info.id}：{info.file_name}（{info.size_text}，SHA-256 {info.sha256}）")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    def work(ws: Any, by: Any) -> Path | list[attachments.AttachmentInfo]:
        found = case_id(ws, by, args.case)
        if args.export is not None:
            return attachments.export(ws, by, args.export, Path(args.to).expanduser(), case_id=found)
        return attachments.list_for_case(ws, by, found)

    result = store_call(args, work)
    if isinstance(result, Path):
        print(f"已导出（未加密的明文副本，请妥善保管、用后删除）：{result}")
        return EXIT_OK
    if not result:
        print(f"案件 {args.case} 没有附件。")
    for info in result:
        added = info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{info.id:>5}  {info.size_text:>10}  {added}  {info.sha256[:12]}  {info.file_name}")
    return EXIT_OK
