"""Demo cases written from the situations in the seed texts, and synthetic cases for load tests.

Plain data only (no store imports). Names are masked the way seed 003 prints them (谢某某); units
are described as the seeds describe them (某单位, 某经济联社). Dates are placed in 2026 so the demo
store looks like a committee's current workload, with the stages spread over the procedure.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Conclusion, Stage

D = dt.date


def demo_cases() -> list[Case]:
    """At least six cases, one per typical situation of the seeds, stages spread over the procedure."""
    return [
        Case(
            # seed 003: 清江浦区 容缺办理人防事项审查, 容错免责 and promoted.
            doc_no="容错〔2026〕1号",
            party_name="谢某某",
            party_unit="清江浦区某部门（区管干部）",
            party_position="区管干部",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.UNIT,
            work_field="行政审批",
            stage=Stage.DISCLOSURE,
            applied_on=D(2026, 1, 12),
            accountability_matter="在项目缺少部分技术指标的情况下容缺办理人防事项审查，"
            "违反《江苏省实施〈中华人民共和国人民防空法〉办法》第十二条。",
            facts="推进重大产业项目建设中提出分步容缺审批方案，项目建设进度提前约3个月，"
            "为企业节省成本200余万元；企业事后及时补充材料，二期技术指标全部明确后正式完成人防审批。"
            "未发现谋取私利情形。",
            claimed_situation="服务企业中因着眼提高效率进行容缺受理、容缺审查，出现一定偏差"
            "（参照抚州办法第八条第二项）。",
            conclusion=Conclusion.EXEMPT,
            decided_on=D(2026, 3, 2),
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seed 001: Liwan, collective decision exceeded the individual compensation standard.
            doc_no="容错〔2026〕2号",
            party_name="陈某某",
            party_unit="荔湾区某街道征收工作单位",
            party_position="单位负责人",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.UNIT,
            work_field="征地拆迁",
            stage=Stage.FEEDBACK,
            applied_on=D(2026, 2, 3),
            accountability_matter="集体决策确定的补偿面积突破了补偿个案标准，被列为巡察发现问题线索。",
            facts="该单位主动服务征收建设大局，在职责范围内已穷尽办法履职尽责，面对难题集体决策、"
            "主动作为；经核查未发现单位或个人谋取私利行为。",
            claimed_situation="推进重大项目中突破常规解决历史遗留问题，出现一定失误，未造成重大损失。",
            conclusion=Conclusion.EXEMPT,
            decided_on=D(2026, 4, 8),
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seed 001: Liwan economic cooperative, unlicensed discharge in a village industrial park.
            doc_no="容错〔2026〕3号",
            party_name="黄某某",
            party_unit="荔湾区某经济联社",
            party_position="经济联社负责人",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.DISCIPLINE_ORGAN,
            work_field="营商环境",
            stage=Stage.FILING,
            applied_on=D(2026, 1, 20),
            accountability_matter="未及时察觉下属村级工业园存在无证排污问题，联社被行政处罚，造成集体资产损失。",
            facts="受命担任负责人后难以进行工作交接，存在不掌握物业的实际情况；"
            "配合核实审查工作，积极整改消除不良影响。",
            claimed_situation="历史遗留问题，履职条件受限，事后积极整改。",
            conclusion=Conclusion.LENIENT,
            decided_on=D(2026, 3, 25),
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seed 002 第九条（五）: an image project under the banner of reform is excluded.
            doc_no="容错〔2026〕4号",
            party_name="刘某某",
            party_unit="某县某镇人民政府",
            party_position="副镇长",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.PARTY,
            work_field="城市建设",
            stage=Stage.CLOSED,
            applied_on=D(2026, 1, 5),
            accountability_matter="以“改革创新”为名建设镇区景观大道，未经论证举债建设，造成镇级财政负担。",
            facts="项目未列入镇村建设规划，群众反映强烈；调查认定属于劳民伤财的“形象工程”。",
            claimed_situation="申请人称属于探索创新中的失误。",
            conclusion=Conclusion.NOT_TOLERATED,
            decided_on=D(2026, 2, 27),
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seeds 000 / 002 第十五条 / 004: a false accusation, publicly cleared.
            doc_no="澄清〔2026〕1号",
            party_name="张某某",
            party_unit="某区某街道党工委",
            party_position="党工委书记",
            case_type=CaseType.CLEARANCE,
            applicant_type=ApplicantType.DISCIPLINE_ORGAN,
            work_field="征地拆迁",
            stage=Stage.DISCLOSURE,
            applied_on=D(2026, 2, 16),
            accountability_matter="重复信访举报反映其在征地补偿中优亲厚友。",
            facts="经核查，举报内容失实；补偿按公示标准集体决定，档案完整。",
            claimed_situation="受到不实举报，申请在一定范围内澄清正名、消除负面影响。",
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seed 003 (Hangzhou): 事前备案 of a risky innovative measure before acting.
            doc_no="备案〔2026〕1号",
            party_name="周某某",
            party_unit="某区市场监督管理局",
            party_position="副局长",
            case_type=CaseType.PRE_FILING,
            applicant_type=ApplicantType.UNIT,
            work_field="营商环境",
            stage=Stage.ACCEPTED,
            applied_on=D(2026, 4, 1),
            accountability_matter="（事前备案，尚无问责事项）",
            facts="拟对新业态市场主体试行“首违不罚”和包容审慎监管，事前报备试点方案、风险评估和集体决策记录。",
            claimed_situation="试点性、创新性工作，法律法规没有明令禁止（参照抚州办法第八条第三项）。",
        ),
        Case(
            # seed 000 / 002 第七条（二）: emergency purchase outside the normal procedure, corrected later.
            doc_no="容错〔2026〕5号",
            party_name="孙某某",
            party_unit="滨城区某街道办事处",
            party_position="街道办事处副主任",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.PARTY,
            work_field="应急管理",
            stage=Stage.HEARING,
            applied_on=D(2026, 3, 9),
            accountability_matter="防汛抢险中未按正常程序采购抢险物资，事后补办手续。",
            facts="暴雨期间堤段出现险情，经班子碰头会决定紧急采购沙袋和水泵，险情得到控制；事后三日内补办采购手续。",
            claimed_situation="在应对自然灾害中采取果断措施及时处置，未按正常程序办理但事后及时补正。",
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # seed 002 第八条（三）: a pilot decided collectively that fell short.
            doc_no="容错〔2026〕6号",
            party_name="吴某某",
            party_unit="某区农业农村局",
            party_position="科长",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.UNIT,
            work_field="乡村振兴",
            stage=Stage.INVESTIGATION,
            applied_on=D(2026, 3, 30),
            accountability_matter="村级集体经济入股试点项目亏损，集体资产未达预期收益。",
            facts="试点方案经局党组集体研究，并征求了村民代表意见；市场价格波动导致亏损，已采取措施减少损失。",
            claimed_situation="试点性工作因政策及外部环境变化未能达到原计划效果。",
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # A fresh application, not yet accepted.
            doc_no="容错〔2026〕7号",
            party_name="郑某某",
            party_unit="某区行政审批服务局",
            party_position="窗口负责人",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.PARTY,
            work_field="行政审批",
            stage=Stage.APPLIED,
            applied_on=D(2026, 4, 20),
            accountability_matter="推行“一窗通办”改革中简化审批环节，个别事项材料审核不严。",
            facts="改革方案经局务会研究通过；发现问题后已补充审核并完善制度。",
            claimed_situation="在简政放权改革中对现行制度规程有所突破，事后及时补正。",
            rulebook="fuzhou-2019@1",
        ),
        Case(
            # 两不容 (seed 001): a serious breach of integrity discipline is not accepted.
            doc_no="容错〔2026〕8号",
            party_name="何某某",
            party_unit="某镇人民政府",
            party_position="站所负责人",
            case_type=CaseType.TOLERANCE,
            applicant_type=ApplicantType.PARTY,
            work_field="工程建设",
            stage=Stage.REJECTED,
            applied_on=D(2026, 2, 24),
            accountability_matter="在工程验收中收受施工方礼金。",
            facts="属于严重违反廉洁纪律的问题，不属于干事创业中的失误错误。",
            claimed_situation="申请人称属于工作失误。",
            conclusion=None,
            rulebook="fuzhou-2019@1",
        ),
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
