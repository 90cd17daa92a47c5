"""`rongcuo attach CASE_ID FILE` and `rongcuo attachments CASE_ID` (list, or export with --export)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.paths import resolve_data_dir

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    attach = sub.add_parser("attach", help="给案件添加附件（加密保存在数据库内）")
    attach.add_argument("case_id", metavar="CASE_ID", type=int, help="案件编号")
    attach.add_argument("file", metavar="FILE", help="要添加的文件")
    attach.add_argument("--max-mb", type=int, default=None, help="附件大小上限（MB，默认 100）")
    attach.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取恢复口令（默认：凭据库或标准输入）"
    )
    attach.set_defaults(handler=run_attach)

    listing = sub.add_parser("attachments", help="列出案件的附件；--export 把一个附件导出为明文文件")
    listing.add_argument("case_id", metavar="CASE_ID", type=int, help="案件编号")
    listing.add_argument("--export", metavar="ATTACHMENT_ID", type=int, help="导出该附件（未加密副本）")
    listing.add_argument("--to", metavar="DIR", default=".", help="导出到的文件夹（默认：当前文件夹）")
    listing.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取恢复口令（默认：凭据库或标准输入）"
    )
    listing.set_defaults(handler=run_list)


def _open(args: argparse.Namespace) -> Store:
    from rongcuo_desktop.cli.backup_commands import _unlock_key
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.errors import StoreError

    data_dir = resolve_data_dir(args.data_dir)
    key = _unlock_key(data_dir, args.passphrase_file)
    try:
        return Store.open(data_dir, key)
    except StoreError as error:
        raise CliError(str(error)) from error


def run_attach(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.attachments import attachments_of
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        repo = attachments_of(store)
        if args.max_mb is not None:
            repo.max_bytes = args.max_mb * 1024 * 1024
        info = repo.add_file(args.case_id, Path(args.file).expanduser())
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    print(f"已添加附件 {info.id}：{info.file_name}（{info.size_text}，SHA-256 {info.sha256}）")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.attachments import attachments_of
    from rongcuo_desktop.store.errors import StoreError

    store = _open(args)
    try:
        repo = attachments_of(store)
        if args.export is not None:
            info = repo.info(args.export)
            if info.case_id != args.case_id:
                raise CliError(f"附件 {args.export} 不属于案件 {args.case_id}。")
            written = repo.export(args.export, Path(args.to).expanduser())
            print(f"已导出（未加密的明文副本，请妥善保管、用后删除）：{written}")
            return EXIT_OK
        found = repo.list_for_case(args.case_id)
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    if not found:
        print(f"案件 {args.case_id} 没有附件。")
    for info in found:
        added = info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{info.id:>5}  {info.size_text:>10}  {added}  {info.sha256[:12]}  {info.file_name}")
    return EXIT_OK
