"""A committee meeting on a real store, for the judgment and hearing tests, screenshots and the bench.

A 主任, a 秘书 and seven 委员; case 容错〔2026〕3号 on fuzhou-2019 (quorum 5, a local default) with
the person's real name in the case and in the facts (谢建国), a member's name in the facts, the
checklist filled, six members seated (吴委员 is not); another case 容错〔2026〕9号 whose 文号 and
person must never reach the projector while case 3 is shown.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store

MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员", "周委员", "吴委员"]
PINS = {"王主任": "135790", "李秘书": "246813", **{n: f"{470000 + 13 * i}" for i, n in enumerate(MEMBERS)}}
DOC_NO = "容错〔2026〕3号"
OTHER_DOC_NO = "容错〔2026〕9号"
PARTY = "谢建国"
OTHER_PARTY = "刘海峰"
DIMS = ("motive", "conditions", "procedure", "nature", "impact")
FACTS = (
    "2025年3月，某区行政审批局政务服务科科长谢建国为落实“一网通办”改革，在市级尚无统一规范的情况下，"
    "经科室集体研究并报分管领导同意，对32家企业的开办申请实行容缺受理，先行发放营业执照，要求企业在"
    "30日内补齐材料。\n"
    "其中2家企业逾期未补齐材料，且1家企业在经营中发生纠纷，被群众投诉，区纪委监委启动问责调查。"
    "调查中，张委员所在的市营商环境办出具了书面意见。\n"
    "谢建国在发现问题后，立即组织科室逐户回访，督促2家企业补齐材料，协助处理纠纷，未造成财产损失；"
    "并牵头起草了容缺受理操作规程，经区政府常务会议通过后在全区推行。\n"
    "谢建国本人未从中获取任何利益。单位党组出具意见，认为其出于推动改革的公心，建议予以容错。"
)
SECRET_RATIONALES = ("出于推动改革的公心（机密理由甲）", "程序基本完整（机密理由乙）")
DECISION_NOTE = "会议认为程序瑕疵仍需警示（机密说明丙）"
DISSENT = "孙委员认为应予以容错免责（机密异议丁）"


def all_met() -> Checklist:
    return Checklist(
        ("s8-2",),
        {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )


def ballot(levels: tuple[int, ...], why: str = SECRET_RATIONALES[0]) -> dict[str, Score]:
    return {d: Score(level, why) for d, level in zip(DIMS, levels, strict=True)}


# Five members' ballots: 张委员 apart on 程序方法 (a spread of 3 calls for 会商).
BALLOTS = {
    "张委员": (5, 4, 2, 4, 5),
    "赵委员": (4, 5, 5, 4, 4),
    "钱委员": (5, 4, 4, 5, 4),
    "孙委员": (4, 4, 5, 4, 5),
    "李委员": (5, 5, 4, 4, 4),
}


@dataclass
class Scene:
    store: Store
    case_id: int
    other_id: int
    people: dict[str, Credential] = field(default_factory=dict)

    def person(self, name: str) -> Credential:
        if name not in self.people:
            self.people[name] = self.store.authenticate(name, PINS[name])
        return self.people[name]

    def score(self, name: str, levels: tuple[int, ...] | None = None) -> None:
        self.store.judgments.score(self.case_id, ballot(levels or BALLOTS[name]), by=self.person(name))

    def score_all(self, names: list[str] | None = None) -> None:
        for name in names or list(BALLOTS):
            self.score(name)

    def secrets(self) -> list[str]:
        """What must never be on the projector while case 3 is shown (before the reveal, the levels
        are checked separately: they are digits)."""
        return [
            PARTY,
            OTHER_PARTY,
            OTHER_DOC_NO,
            *MEMBERS,
            "王主任",
            "李秘书",
            *SECRET_RATIONALES,
            DECISION_NOTE,
            DISSENT,
            "与当事人系同学",  # the recusal reason
        ]


def make_scene(data_dir: Path) -> Scene:
    store = Store.create(data_dir, secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    chair = store.authenticate("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=chair)
    for name in MEMBERS:
        store.accounts.add(name, Role.MEMBER, PINS[name], by=chair)
    case_id = store.cases.add(
        Case(
            doc_no=DOC_NO,
            party_name=PARTY,
            party_unit="某区行政审批局",
            party_position="科长",
            work_field="行政审批",
            applied_on=dt.date(2026, 3, 2),
            accountability_matter="容缺受理后部分企业逾期未补齐材料，引发投诉",
            facts=FACTS,
            claimed_situation="在推进“一网通办”改革中先行先试，因缺乏经验出现失误",
            rulebook="fuzhou-2019@1",
        ),
        by=chair,
    )
    other_id = store.cases.add(
        Case(
            doc_no=OTHER_DOC_NO,
            party_name=OTHER_PARTY,
            party_unit="某镇人民政府",
            party_position="副镇长",
            facts="刘海峰的案件事实（不得出现在另一案件的投屏上）",
            applied_on=dt.date(2026, 3, 5),
        ),
        by=chair,
    )
    store.accounts.set_members(case_id, MEMBERS[:6], by=chair)
    secretary = store.authenticate("李秘书", PINS["李秘书"])
    store.judgments.set_checklist(case_id, all_met(), rulebook="fuzhou-2019", by=secretary)
    scene = Scene(store, case_id, other_id, {"王主任": chair, "李秘书": secretary})
    store.judgments.recuse(case_id, "与当事人系同学", by=scene.person("周委员"))
    return scene
