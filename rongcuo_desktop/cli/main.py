"""Entry point of `rongcuo`. Each command group lives in its own module and registers itself."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from rongcuo_desktop import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A problem the user can fix; printed in Chinese without a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    from rongcuo_desktop.cli import (
        attachment_commands,
        audit_commands,
        backup_commands,
        ballot_commands,
        casework_commands,
        judgment_commands,
        report_commands,
        rulebook_commands,
        stats_commands,
        store_commands,
    )

    parser = argparse.ArgumentParser(prog="rongcuo", description="容错免责委员会工具的命令行")
    parser.add_argument("--version", action="version", version=f"rongcuo {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认：用户数据目录中的内置库）")
    parser.add_argument("--as", dest="as_name", metavar="NAME", help="以这个账户的身份操作（需 --pin-file）")
    parser.add_argument(
        "--pin-file", metavar="FILE", help="从文件读取个人口令（--as 与 init --chair-name 用）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    store_commands.register(sub)
    rulebook_commands.register(sub)
    attachment_commands.register(sub)
    backup_commands.register(sub)
    audit_commands.register(sub)
    judgment_commands.register(sub)
    casework_commands.register(sub)
    ballot_commands.register(sub)
    report_commands.register(sub)
    stats_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except CliError as error:
        print(f"错误：{error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # `rongcuo list | head`: the reader left (a BrokenPipeError is an OSError: it
        # must come before the handler below); silence Python's flush error at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        # Last resort (a full disk, a vanished folder): a sentence, never a traceback; the log keeps it.
        logging.getLogger(__name__).warning("command failed with an OS error", exc_info=True)
        from rongcuo_desktop.services.errors import disk_problem

        print(f"错误：{disk_problem(error, '文件操作失败')}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    # `python -m` loads this file as __main__ and the command modules import it again under its real
    # name; run the real module's main so that their CliError is the one caught above.
    from rongcuo_desktop.cli.main import main as package_main

    sys.exit(package_main())
