"""Sealed reports: report, package, verify, identity (generate / import / export-root).

`rongcuo verify` needs no store at all: the receiving authority runs it with the committee's root
certificate only. Exit codes: 0 every check passed, 1 a verification failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rongcuo_desktop.cli.main import EXIT_FAILURE, EXIT_OK, CliError
from rongcuo_desktop.domain.os_errors import os_reason

KINDS = ("备案报告", "认定意见书", "反馈通知书")
MAX_INPUT_BYTES = 500 * 1024 * 1024


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="导出一件已认定案件的封存文件（PDF，带电子签名）")
    report.add_argument("case", metavar="文号")
    report.add_argument("--kind", choices=KINDS, default="备案报告", help="文件种类（默认：备案报告）")
    report.add_argument("--public", action="store_true", help="公开版本：姓名按“谢某某”方式隐去")
    report.add_argument("--out", required=True, metavar="FILE.pdf")
    report.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖它")
    _passphrase_option(report)
    report.set_defaults(handler=run_report)

    package = sub.add_parser("package", help="导出备案包（.zip：封存的文件、案件文件、签名的清单、根证书）")
    package.add_argument("case", metavar="文号")
    package.add_argument("--out", required=True, metavar="FILE.zip")
    package.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖它")
    _passphrase_option(package)
    package.set_defaults(handler=run_package)

    verify = sub.add_parser("verify", help="离线验证封存的 PDF 或备案包（不需要数据库）")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--trust", metavar="ROOT.pem", action="append", default=[], help="委员会的根证书")
    verify.set_defaults(handler=run_verify)

    identity = sub.add_parser("identity", help="委员会的签名证书：生成、导入、导出根证书")
    actions = identity.add_subparsers(dest="identity_action", metavar="ACTION", required=True)
    generate = actions.add_parser("generate", help="在本机离线生成根证书和签名证书（主任）")
    generate.add_argument("--committee", required=True, help="委员会名称（写入证书和文件的发文机关）")
    generate.add_argument("--to", default="", help="备案报告的主送机关（默认：上级纪检监察机关）")
    generate.add_argument(
        "--years", type=int, default=None, help="证书有效期，应覆盖文件保管期限（默认 30 年）"
    )
    _passphrase_option(generate)
    generate.set_defaults(handler=run_identity_generate)
    importing = actions.add_parser("import", help="导入本单位 CA 签发的 PKCS#12（.p12/.pfx）文件（主任）")
    importing.add_argument("file", metavar="FILE.p12")
    importing.add_argument("--password-file", metavar="FILE", help="从文件读取 PKCS#12 的密码")
    importing.add_argument("--to", default="", help="备案报告的主送机关")
    _passphrase_option(importing)
    importing.set_defaults(handler=run_identity_import)
    export_root = actions.add_parser("export-root", help="导出根证书及其 SHA-256 指纹，交给接收备案的机关")
    export_root.add_argument("--out", required=True, metavar="ROOT.pem")
    export_root.add_argument("--overwrite", action="store_true")
    _passphrase_option(export_root)
    export_root.set_defaults(handler=run_identity_export_root)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="从文件读取恢复口令（凭据库中有密钥时不需要）"
    )


def _read_input(path_text: str, what: str) -> bytes:
    """The file through the safe reader (a regular file within the limit; the reason in Chinese)."""
    from rongcuo_desktop.domain.structured import read_limited
    from rongcuo_desktop.domain.validation import ValidationError

    try:
        return read_limited(Path(path_text).expanduser(), what, MAX_INPUT_BYTES)
    except ValidationError as error:
        raise CliError(str(error)) from None


def _store_call(args: argparse.Namespace, work: Any) -> Any:
    """Unlock and open the store through services, name who acts (--as, else the key holder), run
    ``work(workspace, credential)``, turn the known errors into CliError, close (cli/session.py)."""
    from rongcuo_desktop.cli.session import store_call
    from rongcuo_desktop.reports.model import ReportError
    from rongcuo_desktop.seal.identity import IdentityError

    return store_call(args, work, errors=(ReportError, IdentityError))


def _case(workspace: Any, by: Any, text: str) -> int:
    from rongcuo_desktop.services import cases

    return cases.find(workspace, by, text)


def run_report(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.model import Kind
    from rongcuo_desktop.reports.workflow import export_report

    out = Path(args.out).expanduser()
    result = _store_call(
        args,
        lambda ws, by: export_report(
            ws,
            by,
            _case(ws, by, args.case),
            Kind(args.kind),
            out,
            public=args.public,
            overwrite=args.overwrite,
        ),
    )
    print(
        f"已导出{result.kind}{'（公开版）' if args.public else ''}，{result.pages} 页，"
        f"已签名封存：{result.path}"
    )
    print(f"SHA-256：{result.sha256}")
    return EXIT_OK


def run_package(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.workflow import export_package

    out = Path(args.out).expanduser()
    result = _store_call(
        args, lambda ws, by: export_package(ws, by, _case(ws, by, args.case), out, overwrite=args.overwrite)
    )
    print(f"已导出备案包（{result.pages} 份封存文件、案件文件、签名的清单、根证书）：{result.path}")
    print(f"SHA-256：{result.sha256}")
    return EXIT_OK


def _trusted(paths: list[str]) -> list[Any]:
    from rongcuo_desktop.seal.identity import IdentityError, load_certificate

    roots = []
    for path in paths:
        try:
            roots.append(load_certificate(_read_input(path, "根证书文件")))
        except IdentityError as error:
            raise CliError(f"--trust {path}：{error}") from None
    return roots


def print_verdict(verdict: Any, out: Any = None) -> None:
    out = out or sys.stdout
    if verdict.subject:
        print(f"【{verdict.subject}】", file=out)
    for name, value in verdict.facts:
        print(f"  {name}：{value}", file=out)
    for check in verdict.checks:
        print(f"  [{'通过' if check.ok else '未通过'}] {check.name}：{check.detail}", file=out)


def run_verify(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.package import PackageError, verify_package
    from rongcuo_desktop.seal.identity import fingerprint
    from rongcuo_desktop.seal.verify import verify_pdf

    trust = _trusted(args.trust)
    data = _read_input(args.file, "要验证的文件")
    name = Path(args.file).name
    for root in trust:
        print(f"受信任的根证书 SHA-256：{fingerprint(root)}")
    if data.startswith(b"PK"):
        try:
            result = verify_package(data, trust)
        except PackageError as error:
            raise CliError(f"{name}：{error}") from None
        print_verdict(result.package)
        for verdict in result.documents:
            print_verdict(verdict)
        ok = result.ok
    elif data.startswith(b"%PDF-"):
        verdict = verify_pdf(data, trust, name)
        print_verdict(verdict)
        ok = verdict.ok
    else:
        raise CliError(f"{name} 既不是 PDF 文件，也不是备案包（zip）。")
    if ok:
        print(f"结论：通过。{name} 自签名以来未被改动，由受信任的根证书所认证的委员会签名。")
        return EXIT_OK
    if not trust:
        print("结论：未通过。未指定根证书，无法确认签名人：请用 --trust 指定委员会的根证书。")
    else:
        print(f"结论：未通过。{name} 没有通过上面标为“未通过”的检查，不能作为未经改动的原件使用。")
    return EXIT_FAILURE


def run_verify_against(args: argparse.Namespace) -> int:
    """`rongcuo audit verify --against 备案包.zip` (registered by audit_commands)."""
    from rongcuo_desktop.reports.package import PackageError
    from rongcuo_desktop.reports.workflow import check_against_package

    data = _read_input(args.against, "备案包")
    extra = [_read_input(p, "根证书文件") for p in getattr(args, "trust", []) or []]

    def work(ws: Any, by: Any) -> Any:
        try:
            return check_against_package(ws, by, data, extra)
        except PackageError as error:
            raise CliError(f"{Path(args.against).name}：{error}") from None

    verdict = _store_call(args, work)
    print_verdict(verdict)
    if verdict.ok:
        print("结论：本库的审计记录包含备案时的链头，本案的研判记录与备案一致。")
        return EXIT_OK
    print("结论：未通过。本库与备案包不一致（见上），数据库可能在备案后被回退或改动。")
    return EXIT_FAILURE


def run_identity_generate(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.workflow import DEFAULT_ADDRESSEE, generate_identity

    identity = _store_call(
        args,
        lambda ws, by: generate_identity(
            ws, by, args.committee, addressee=args.to or DEFAULT_ADDRESSEE, years=args.years
        ),
    )
    print(
        f"已生成签名证书：{identity.committee}，有效至 {identity.not_after:%Y-%m-%d}。"
        "私钥只保存在加密的数据库中。"
    )
    print(f"根证书 SHA-256 指纹：{identity.root_fingerprint}")
    print("请用 rongcuo identity export-root 导出根证书，连同指纹交给接收备案的机关。")
    return EXIT_OK


def run_identity_import(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.workflow import DEFAULT_ADDRESSEE, import_identity

    data = _read_input(args.file, "PKCS#12 文件")
    password: str | None = None
    if args.password_file:
        from rongcuo_desktop.domain.structured import read_first_line
        from rongcuo_desktop.domain.validation import ValidationError

        try:  # as a passphrase file: its first line, a pipe allowed
            password = read_first_line(Path(args.password_file).expanduser(), "密码文件")
        except ValidationError as error:
            raise CliError(str(error)) from None
    identity = _store_call(
        args, lambda ws, by: import_identity(ws, by, data, password, addressee=args.to or DEFAULT_ADDRESSEE)
    )
    print(f"已导入签名证书：{identity.committee}，有效至 {identity.not_after:%Y-%m-%d}。")
    print(f"根证书 SHA-256 指纹：{identity.root_fingerprint}")
    return EXIT_OK


def run_identity_export_root(args: argparse.Namespace) -> int:
    from rongcuo_desktop.reports.workflow import root_certificate

    out = Path(args.out).expanduser()
    if out.exists() and not args.overwrite:
        raise CliError(f"--out：文件已经存在：{out}。为免覆盖，请换一个文件名，或加 --overwrite。")
    pem, print_ = _store_call(args, lambda ws, by: root_certificate(ws))
    try:
        out.write_bytes(pem)
    except OSError as error:
        raise CliError(f"无法写入 {out}：{os_reason(error)}") from None
    print(f"已导出根证书：{out}")
    print(f"SHA-256 指纹：{print_}")
    print("请另行（电话、纸面）把指纹告知接收备案的机关，以便核对收到的根证书。")
    return EXIT_OK
