"""Demo cases written from the situations in the seed texts, and synthetic cases for load tests.

Plain data only (no store imports); the demo cases themselves are a data file. Names are masked the
way seed 003 prints them (谢某某); units are described as the seeds describe them (某单位, 某经济联社).
Dates are placed in 2026 so the demo store looks like a committee's current workload, with the
stages spread over the procedure.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Conclusion, Stage

D = dt.date


DEMO_MAX_BYTES = 1024 * 1024


def demo_cases(source: Path) -> list[Case]:
    """The demo cases: at least six, one per typical situation of the seeds, stages spread over the
    procedure. They are data, kept as a case collection (docs/case-format.md) in `source`
    (resources/demo/cases.json, located by the caller). Where each comes from:

    - 容错〔2026〕1号: seed 003, 清江浦区 容缺办理人防事项审查, 容错免责 and promoted;
    - 容错〔2026〕2号: seed 001, Liwan, a collective decision beyond the individual compensation standard;
    - 容错〔2026〕3号: seed 001, a Liwan economic cooperative, unlicensed discharge in a village park;
    - 容错〔2026〕4号: seed 002 第九条（五）, an image project under the banner of reform is excluded;
    - 澄清〔2026〕1号: seeds 000 / 002 第十五条 / 004, a false accusation, publicly cleared;
    - 备案〔2026〕1号: seed 003 (Hangzhou), 事前备案 of a risky innovative measure before acting;
    - 容错〔2026〕5号: seeds 000 / 002 第七条（二）, an emergency purchase outside the normal procedure;
    - 容错〔2026〕6号: seed 002 第八条（三）, a pilot decided collectively that fell short;
    - 容错〔2026〕7号: a fresh application, not yet accepted;
    - 容错〔2026〕8号: 两不容 (seed 001), a serious breach of integrity discipline is not accepted.
    """
    from rongcuo_desktop.domain.case_collection import parse_transfer
    from rongcuo_desktop.domain.structured import load_structured

    what = "示例案件"
    return [
        cf.case for cf in parse_transfer(load_structured(source, what, max_bytes=DEMO_MAX_BYTES), what).cases
    ]


_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文斌海波宁晨雪琳鹏飞浩然子轩雨欣思远"
_PLACES = [
    "城东区",
    "城西区",
    "滨城区",
    "荔湾区",
    "清江浦区",
    "临川区",
    "东乡区",
    "南城县",
    "文登区",
    "高新区",
]
_TOWNS = ["某街道", "某镇", "某乡", "某社区", "某经济联社", ""]
_OFFICES = [
    "行政审批服务局",
    "自然资源局",
    "住房和城乡建设局",
    "农业农村局",
    "市场监督管理局",
    "应急管理局",
    "生态环境局",
    "交通运输局",
    "人民政府",
    "办事处",
]
_POSITIONS = ["科员", "科长", "副局长", "局长", "副镇长", "镇长", "主任", "副主任", "站长", "负责人"]
_FIELDS = ["行政审批", "征地拆迁", "城市更新", "行政执法", "营商环境", "安全生产", "乡村振兴", "应急管理"]
_MATTERS = [
    "容缺受理中材料不全即先行审批",
    "征收补偿突破个案标准",
    "试点项目未达预期收益",
    "防汛抢险中未按程序采购",
    "监管环节精简后出现疏漏",
]


_WHEN = ["年初", "汛期", "年中", "第三季度", "年底前", "试点期间", "专项整治中", "疫情防控期间"]
_DID = [
    "为加快项目落地，在材料尚未齐全时先行办理了审批手续",
    "按照上级部署推进改革试点，突破了原有办事流程",
    "在紧急情况下未经集体研究即调配了抢险物资",
    "为化解信访矛盾，对个别补偿标准作了适当调整",
    "简化了部分监管环节，事后补办了相关手续",
    "牵头推进营商环境改革，实行承诺制审批",
]
_AFTER = [
    "未造成重大损失，事后及时整改。",
    "项目已按期投产，群众反映良好。",
    "出现一定经济损失，本人主动挽回。",
    "被群众举报后，经初步核实属于工作失误。",
    "相关材料已全部补齐，程序已完善。",
]


def synthetic_facts(index: int) -> str:
    """A few sentences of made-up facts (~70 characters), varied by index, for search benchmarks."""
    return (
        f"合成测试数据 #{index}：{2016 + index % 10}年{_WHEN[index % len(_WHEN)]}，"
        f"当事人{_DID[(index // 7) % len(_DID)]}，{_AFTER[(index // 11) % len(_AFTER)]}"
    )


def synthetic_cases(count: int, seed: int = 0, *, start: int = 0) -> Iterator[Case]:
    """Varied, deterministic cases for benchmarks and load tests (no real people).

    文号 are unique per index (years 2016-2025, so never those of the 2026 demo cases); pass
    ``start`` = the number already added to add more without clashing.
    """
    rng = random.Random(seed * 1_000_003 + start)
    stages = list(Stage)
    conclusions = [None, None, Conclusion.EXEMPT, Conclusion.LENIENT, Conclusion.NOT_TOLERATED]
    types = [CaseType.TOLERANCE] * 8 + [CaseType.CLEARANCE, CaseType.PRE_FILING]
    first_day = D(2016, 1, 1).toordinal()
    for index in range(start, start + count):
        given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        place = rng.choice(_PLACES)
        stage = rng.choice(stages)
        decided = stage in (Stage.DECISION, Stage.FEEDBACK, Stage.DISCLOSURE, Stage.FILING, Stage.FOLLOW_UP)
        applied = D.fromordinal(first_day + rng.randrange(3650))
        year = 2016 + index % 10
        case_type = rng.choice(types)
        prefix = {CaseType.TOLERANCE: "容错", CaseType.CLEARANCE: "澄清", CaseType.PRE_FILING: "备案"}[
            case_type
        ]
        yield Case(
            doc_no=f"{prefix}〔{year}〕{index // 10 + 1}号",
            party_name=rng.choice(_SURNAMES) + given,
            party_unit=f"{place}{rng.choice(_TOWNS)}{rng.choice(_OFFICES)}",
            party_position=rng.choice(_POSITIONS),
            case_type=case_type,
            applicant_type=rng.choice(list(ApplicantType)),
            work_field=rng.choice(_FIELDS),
            stage=stage,
            applied_on=applied,
            accountability_matter=rng.choice(_MATTERS),
            facts=synthetic_facts(index),
            conclusion=rng.choice(conclusions[2:]) if decided else None,
            decided_on=applied + dt.timedelta(days=rng.randrange(20, 120)) if decided else None,
            rulebook="fuzhou-2019@1",
        )
