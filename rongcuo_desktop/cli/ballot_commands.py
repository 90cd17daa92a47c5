"""The meeting's steps from the command line: the reveal, a further round after 会商, a paper ballot.

`rongcuo reveal 文号` (主任; refused before the quorum), `rongcuo round 文号 --reason 理由` (主任, after
the reveal), `rongcuo ballot 文号 --member 姓名 --dimension 维度=等级 …` (秘书: the paper ballot of a
member without a PC, marked as such in the record and the audit trail). The decision's votes,
dissent and 四种形态 are options of `rongcuo decide` (cli/judgment_commands.py). All through
services.judgment; bad input exits 2 with the rule said in Chinese, nothing recorded.
"""

from __future__ import annotations

import argparse
from typing import Any

from rongcuo_desktop.cli.judgment_commands import CASE_HELP, scores_from_args
from rongcuo_desktop.cli.main import EXIT_OK
from rongcuo_desktop.cli.session import case_id, passphrase_option, store_call
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.services import judgment


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reveal = sub.add_parser(
        "reveal",
        help="主任揭晓本轮评分（计入评分的委员达到法定人数后）",
        allow_abbrev=False,
        description="揭晓后本案的委员都能看到每个人的评分，本轮评分不再修改。",
    )
    reveal.add_argument("case", metavar="文号", help=CASE_HELP)
    passphrase_option(reveal)
    reveal.set_defaults(handler=run_reveal)

    next_round = sub.add_parser(
        "round",
        help="主任在会商后开始新一轮评分（已揭晓的评分保留在记录中）",
        allow_abbrev=False,
    )
    next_round.add_argument("case", metavar="文号", help=CASE_HELP)
    next_round.add_argument(
        "--reason", required=True, metavar="理由", help="重新评分的理由（会商中澄清的事实或分歧）"
    )
    passphrase_option(next_round)
    next_round.set_defaults(handler=run_round)

    ballot = sub.add_parser(
        "ballot",
        help="秘书录入没有电脑的委员的纸质评分票（记录和审计记录中注明为纸质评分票）",
        allow_abbrev=False,
        description="例：rongcuo --as 李秘书 --pin-file pin.txt ballot 容错〔2026〕3号 --member 钱委员 "
        "--dimension 动机态度=4 --dimension 客观条件=4 …",
    )
    ballot.add_argument("case", metavar="文号", help=CASE_HELP)
    ballot.add_argument("--member", required=True, metavar="姓名", help="评分票上签名的委员")
    ballot.add_argument(
        "--dimension", action="append", default=[], metavar="维度=等级", help="维度和等级 1–5（可重复）"
    )
    ballot.add_argument(
        "--rationale",
        action="append",
        default=[],
        metavar="[维度=]理由",
        help="评分理由（评 1 级或 5 级时必填）",
    )
    ballot.add_argument("--scores-file", metavar="FILE", help="从 JSON 文件读取评分（与 score 相同）")
    passphrase_option(ballot)
    ballot.set_defaults(handler=run_ballot)


def run_reveal(args: argparse.Namespace) -> int:
    def work(ws: Any, by: Any) -> tuple[str, judgment.RoundInfo, judgment.Quorum]:
        found = case_id(ws, by, args.case)
        current = judgment.reveal(ws, by, found)
        return judgment.record(ws, by, found).doc_no, current, judgment.quorum_of(ws, by, found)

    doc_no, current, counted = store_call(args, work)
    told = f"已揭晓第 {current.number} 轮评分（{doc_no}）"
    print(f"{told}：计入评分 {counted.counted} 人，法定人数 {counted.required} 人。")
    return EXIT_OK


def run_round(args: argparse.Namespace) -> int:
    def work(ws: Any, by: Any) -> tuple[str, judgment.RoundInfo]:
        found = case_id(ws, by, args.case)
        current = judgment.open_round(ws, by, found, args.reason)
        return judgment.record(ws, by, found).doc_no, current

    doc_no, current = store_call(args, work)
    print(f"已开始第 {current.number} 轮评分（{doc_no}）；第 {current.number - 1} 轮的评分保留在记录中。")
    return EXIT_OK


def run_ballot(args: argparse.Namespace) -> int:
    scores = scores_from_args(args)

    def work(ws: Any, by: Any) -> tuple[str, judgment.MemberRecord]:
        found = case_id(ws, by, args.case)
        line = judgment.score_paper(ws, by, found, args.member, scores)
        return judgment.record(ws, by, found).doc_no, line

    doc_no, line = store_call(args, work)
    done = "、".join(f"{DIMENSIONS[d]} {s.level}" for d, s in line.scores.items())
    print(f"已录入 {line.name} 的纸质评分票（{doc_no}，录入人 {line.entered_by}）：{done}")
    return EXIT_OK
