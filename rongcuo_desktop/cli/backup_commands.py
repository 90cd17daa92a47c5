"""`rongcuo backup [--to DIR]`, `rongcuo restore FILE`, `rongcuo restore --key-only FILE`,
`rongcuo backups` (list).

Backup follows the role table (秘书, 主任); restore is the 主任's. Both act for `--as NAME
--pin-file FILE` when given (else for whoever unlocked the store: its first 主任). `--key-only` puts
back a lost or damaged key file from a backup and leaves the database as it is: nobody can sign in
while the key file is lost, so the backup's passphrase is the only proof asked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.cli.session import (
    KNOWN_ERRORS,
    acting,
    passphrase_option,
    read_passphrase,
    store_call,
)
from rongcuo_desktop.paths import resolve_data_dir
from rongcuo_desktop.services import backup


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    saving = sub.add_parser("backup", help="把数据库加密备份到备份文件夹或指定文件夹（如U盘）（秘书、主任）")
    saving.add_argument("--to", metavar="DIR", help="保存到的文件夹（默认：数据目录下的 backups）")
    passphrase_option(saving, "从文件读取恢复口令（默认：凭据库或标准输入）")
    saving.set_defaults(handler=run_backup)

    restore = sub.add_parser("restore", help="从备份文件恢复（主任；先完整检查，当前库会原样保留）")
    restore.add_argument("file", metavar="FILE", help="备份文件（.rcbak）")
    passphrase_option(restore, "从文件读取该备份的恢复口令（默认：标准输入）")
    restore.add_argument(
        "--key-only",
        action="store_true",
        help="只从备份中找回丢失或损坏的密钥文件，数据库保持现状（备份之后的修改都在）",
    )
    restore.add_argument(
        "--replace-other-store",
        action="store_true",
        help="允许用另一个库的备份替换当前库（当前库仍会原样保留）",
    )
    restore.set_defaults(handler=run_restore)

    listing = sub.add_parser("backups", help="列出备份文件夹中的备份")
    listing.add_argument("--dir", metavar="DIR", help="备份文件夹（默认：数据目录下的 backups）")
    listing.set_defaults(handler=run_list)


def run_backup(args: argparse.Namespace) -> int:
    folder = Path(args.to).expanduser() if args.to else None
    path = store_call(args, lambda ws, by: backup.backup(ws, by, folder), log=False)
    print(f"备份完成：{path}（{path.stat().st_size / 1024 / 1024:.1f} MB）")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    # No log file in the data folder: a refused restore leaves the folder byte for byte as it was.
    data_dir = resolve_data_dir(args.data_dir)
    passphrase = read_passphrase(args.passphrase_file)
    if args.key_only:
        return _recover_key(data_dir, Path(args.file).expanduser(), passphrase, args.replace_other_store)

    def person(ws: Any) -> Any:
        return acting(args, ws)

    try:
        done = backup.restore_file(
            data_dir,
            Path(args.file).expanduser(),
            passphrase,
            person,
            allow_other_store=args.replace_other_store,
        )
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None
    print(f"已从备份恢复（备份时间 {done.result.manifest.created_local}）。")
    if done.result.kept_dir is not None:
        print(f"原来的数据库已原样保留在：{done.result.kept_dir}")
    if done.note:
        print(f"提示：{done.note}", file=sys.stderr)
    return EXIT_OK


def _recover_key(data_dir: Path, path: Path, passphrase: str, other_store: bool) -> int:
    if other_store:
        raise CliError("--key-only 不能与 --replace-other-store 同用：找回的密钥文件必须能打开现在的数据库。")
    try:
        done = backup.recover_key(data_dir, path, passphrase)
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None
    when = done.recovery.manifest.created_local
    print(f"已从备份（备份时间 {when}）找回密钥文件；数据库保持现状，没有改动。")
    if done.recovery.kept_aside is not None:
        print(f"原来损坏的密钥文件保留在：{done.recovery.kept_aside}")
    if done.note:
        print(f"提示：{done.note}", file=sys.stderr)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    folder = Path(args.dir).expanduser() if args.dir else backup.backups_folder(data_dir)
    found = backup.backups(folder)
    if not found:
        print(f"{folder} 中没有备份。")
        return EXIT_OK
    for manifest in found:
        size = manifest.path.stat().st_size / 1024 / 1024
        print(f"{manifest.created_local}  {manifest.kind:<13} {size:8.1f} MB  {manifest.path.name}")
    return EXIT_OK
