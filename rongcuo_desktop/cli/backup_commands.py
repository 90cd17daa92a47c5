"""`rongcuo backup [--to DIR]`, `rongcuo restore FILE`, `rongcuo backups` (list)."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.cli.main import EXIT_OK, CliError
from rongcuo_desktop.domain.structured import read_first_line
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.paths import resolve_data_dir

if TYPE_CHECKING:
    from rongcuo_desktop.store.backup import RestoreResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser("backup", help="把数据库加密备份到备份文件夹或指定文件夹（如U盘）")
    backup.add_argument("--to", metavar="DIR", help="保存到的文件夹（默认：数据目录下的 backups）")
    backup.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取恢复口令（默认：凭据库或标准输入）"
    )
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser("restore", help="从备份文件恢复（先完整检查；当前库会原样保留）")
    restore.add_argument("file", metavar="FILE", help="备份文件（.rcbak）")
    restore.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取该备份的恢复口令（默认：标准输入）"
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


def read_passphrase(path: str | None) -> str:
    """From --passphrase-file, else one line of standard input; never from the command line."""
    if path:
        try:  # at most 4 KB: --passphrase-file /dev/zero cannot read forever
            text = read_first_line(path, "口令文件")
        except ValidationError as error:
            raise CliError(str(error)) from None
    else:
        if sys.stdin is None or sys.stdin.closed:
            raise CliError("需要恢复口令：请用 --passphrase-file 指定口令文件，或从标准输入提供。")
        text = sys.stdin.readline()
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise CliError("口令为空。")
    return passphrase


def _unlock_key(data_dir: Path, passphrase_file: str | None) -> bytes:
    from rongcuo_desktop.store.errors import StoreError
    from rongcuo_desktop.store.keys import KeyManager

    manager = KeyManager(data_dir)
    if not manager.store_exists():
        raise CliError(f"数据目录中没有数据库：{data_dir}")
    try:
        key = None if passphrase_file else manager.key_from_credential_store()
        if key is None:
            key = manager.unlock_with_passphrase(read_passphrase(passphrase_file))
    except StoreError as error:
        raise CliError(str(error)) from error
    return key


def run_backup(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, StoreFiles, create_backup, rotate_backups
    from rongcuo_desktop.store.errors import StoreError

    data_dir = resolve_data_dir(args.data_dir)
    key = _unlock_key(data_dir, args.passphrase_file)
    folder = Path(args.to).expanduser() if args.to else data_dir / BACKUPS_DIR_NAME
    try:
        path = create_backup(StoreFiles.in_dir(data_dir), key, folder, kind="manual")
    except StoreError as error:
        raise CliError(str(error)) from error
    if not args.to:
        rotate_backups(folder, key=key)
    print(f"备份完成：{path}（{path.stat().st_size / 1024 / 1024:.1f} MB）")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.backup import StoreFiles, restore_backup, unwrap_key_file
    from rongcuo_desktop.store.errors import StoreError
    from rongcuo_desktop.store.locking import StoreLock

    data_dir = resolve_data_dir(args.data_dir)
    passphrase = read_passphrase(args.passphrase_file)
    data_dir.mkdir(parents=True, exist_ok=True)
    # Remembered: the audit record after the restore opens the store with the key just unwrapped,
    # not with a second Argon2 derivation (~0.5 s).
    unwrap = functools.cache(unwrap_key_file)
    lock = StoreLock(data_dir)
    try:
        lock.acquire("rongcuo restore")  # no running app may hold the store while it is replaced
        result = restore_backup(
            Path(args.file).expanduser(),
            passphrase,
            StoreFiles.in_dir(data_dir),
            unwrap,
            allow_other_store=args.replace_other_store,
        )
    except StoreError as error:
        raise CliError(str(error)) from error
    finally:
        lock.release()
    _record_restore(args, data_dir, unwrap(result.manifest.key_file_bytes, passphrase), result)
    print(f"已从备份恢复（备份时间 {result.manifest.created_local}）。")
    if result.kept_dir is not None:
        print(f"原来的数据库已原样保留在：{result.kept_dir}")
    return EXIT_OK


def _record_restore(args: argparse.Namespace, data_dir: Path, key: bytes, result: RestoreResult) -> None:
    """Put the restore into the restored store's audit trail, as the command line's person (the first
    主任, or --as NAME with --pin-file). The restore itself is done: a failure here is only reported."""
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.errors import StoreError

    try:
        store = Store.open(data_dir, key)
    except StoreError as error:
        print(f"提示：恢复已完成，但没能写入审计记录：{error}", file=sys.stderr)
        return
    try:
        if getattr(args, "as_name", None) and getattr(args, "pin_file", None):
            from rongcuo_desktop.cli.audit_commands import read_pin

            store.login(args.as_name, read_pin(args.pin_file))
        else:
            store.act_as_default()
        store.record_restore(result.summary, by=store.actor)
    except (StoreError, CliError) as error:
        print(f"提示：恢复已完成，但没能写入审计记录：{error}", file=sys.stderr)
    finally:
        store.close()


def run_list(args: argparse.Namespace) -> int:
    from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, list_backups

    data_dir = resolve_data_dir(args.data_dir)
    folder = Path(args.dir).expanduser() if args.dir else data_dir / BACKUPS_DIR_NAME
    found = list_backups(folder)
    if not found:
        print(f"{folder} 中没有备份。")
        return EXIT_OK
    for manifest in found:
        size = manifest.path.stat().st_size / 1024 / 1024
        print(f"{manifest.created_local}  {manifest.kind:<13} {size:8.1f} MB  {manifest.path.name}")
    return EXIT_OK
