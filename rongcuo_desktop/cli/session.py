"""The command line's one door to the store: read a passphrase or PIN, unlock and open through
services.unlock, name the person who acts, run the command's work, close, and turn every typed
failure into a Chinese message and an exit code (never a traceback).

Who acts: `--as NAME --pin-file FILE` signs that person in with their PIN (their role is enforced
by the store); without --as, whoever unlocked the store acts as its first 主任 (the key gives a
chair's power over the file anyway); a store without accounts acts as its setup person.
Passphrases and PINs come from a file or standard input, never from an argument (arguments are in
the process list and the shell history).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rongcuo_desktop.cli.main import CliError
from rongcuo_desktop.domain.committee import CommitteeError
from rongcuo_desktop.domain.structured import read_first_line
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.paths import resolve_data_dir
from rongcuo_desktop.services import accounts, cases, unlock
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.errors import ServiceError
from rongcuo_desktop.services.workspace import Workspace

T = TypeVar("T")
Work = Callable[[Workspace, Credential], T]
# Failures every command turns into its message: the services' typed errors and the domain's refusals.
KNOWN_ERRORS: tuple[type[Exception], ...] = (ServiceError, ValidationError, CommitteeError)

PASSPHRASE_HELP = "从文件读取恢复口令（凭据库中有密钥时不需要）"


def passphrase_option(parser: argparse.ArgumentParser, help_text: str = PASSPHRASE_HELP) -> None:
    parser.add_argument("--passphrase-file", metavar="FILE", help=help_text)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()


def read_secret(path: str | None, *, what: str, prompt: str, missing: str) -> str:
    """The first line of `path` (at most 4 KB read), else one line of stdin (echo off on a terminal)."""
    if path:
        try:
            secret = read_first_line(path, what)
        except ValidationError as error:
            raise CliError(str(error)) from None
    elif stdin_is_terminal():
        secret = getpass.getpass(prompt)
    else:
        secret = (sys.stdin.readline() if sys.stdin is not None and not sys.stdin.closed else "").rstrip(
            "\r\n"
        )
    if not secret:
        raise CliError(missing)
    return secret


def read_passphrase(path: str | None, *, prompt: str = "恢复口令：") -> str:
    return read_secret(
        path,
        what="口令文件",
        prompt=prompt,
        missing="没有读到恢复口令：请用 --passphrase-file 指定口令文件，或从标准输入提供。",
    )


def read_pin(path: str | None, *, prompt: str = "个人口令：") -> str:
    return read_secret(
        path,
        what="个人口令文件",
        prompt=prompt,
        missing="没有读到个人口令：请用 --pin-file 指定口令文件，或从标准输入提供。",
    )


def configure_logging(data_dir: Path) -> None:
    from rongcuo_desktop.logsetup import configure_logging as configure

    if data_dir.exists():
        configure(data_dir)


def data_dir_of(args: argparse.Namespace) -> Path:
    data_dir = resolve_data_dir(args.data_dir)
    configure_logging(data_dir)
    return data_dir


def open_workspace(args: argparse.Namespace, *, log: bool = True) -> Workspace:
    """Unlock (credential store first; the passphrase from --passphrase-file or stdin when needed).
    `log`: write the log into the data folder (backup and restore never did: they leave it as it is)."""
    data_dir = data_dir_of(args) if log else resolve_data_dir(args.data_dir)
    if not unlock.store_exists(data_dir):
        raise CliError(f"数据目录中没有数据库：{data_dir}。请先运行 rongcuo init。")
    passphrase_file = getattr(args, "passphrase_file", None)
    try:
        return unlock.unlock_and_open(
            data_dir,
            lambda: read_passphrase(passphrase_file),
            prefer_passphrase=bool(passphrase_file),
            note=lambda text: print(text, file=sys.stderr),
        )
    except KNOWN_ERRORS as error:
        raise CliError(str(error)) from None


def acting(args: argparse.Namespace, ws: Workspace) -> Credential:
    """The person the command acts for (see the module docstring)."""
    name = getattr(args, "as_name", None)
    if not name:
        return accounts.key_holder(ws)
    if not getattr(args, "pin_file", None):
        raise CliError("使用 --as 时需要用 --pin-file 提供该账户的个人口令。")
    pin = read_pin(args.pin_file)
    if not ws.has_accounts:
        raise CliError(f"本库还没有任何账户，--as {name} 无从核对：不带 --as 即以设立者身份操作。")
    return accounts.sign_in(ws, name, pin)


def store_call(
    args: argparse.Namespace, work: Work[T], *, errors: tuple[type[Exception], ...] = (), log: bool = True
) -> T:
    """Open, name who acts, run ``work(workspace, credential)``, close; the known errors (and
    `errors`) become a CliError with their message."""
    ws = open_workspace(args, log=log)
    try:
        return work(ws, acting(args, ws))
    except (*KNOWN_ERRORS, *errors) as error:
        raise CliError(str(error)) from None
    finally:
        ws.close()


def case_id(ws: Workspace, by: Credential, text: str) -> int:
    """A case by 文号 or by the store's number, readable by `by`."""
    return cases.find(ws, by, text)
