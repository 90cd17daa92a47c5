"""Translated labels of the domain's terms (stages, roles, conclusions, ...).

The domain keeps its Chinese labels (it imports no Qt, and the store and reports use them). The UI
shows them through Qt's translation with the enum's class name as context and the Chinese label as
the source text; the table below only marks every label for pyside6-lupdate. A test checks it
lists every member, so a new stage cannot reach an English UI untranslated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rongcuo_desktop.domain.case import LabelledEnum

MARKED: tuple[tuple[str, object], ...] = (  # (context, source text)
    ("Stage", QT_TRANSLATE_NOOP("Stage", "申请")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "受理")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "调查核实")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "听证会商")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "结论认定")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "结果反馈")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "事项公开")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "报告备案")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "跟踪回访")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "结案归档")),
    ("Stage", QT_TRANSLATE_NOOP("Stage", "不予受理")),
    ("CaseType", QT_TRANSLATE_NOOP("CaseType", "容错免责")),
    ("CaseType", QT_TRANSLATE_NOOP("CaseType", "澄清正名")),
    ("CaseType", QT_TRANSLATE_NOOP("CaseType", "事前备案")),
    ("ApplicantType", QT_TRANSLATE_NOOP("ApplicantType", "当事人")),
    ("ApplicantType", QT_TRANSLATE_NOOP("ApplicantType", "所在单位")),
    ("ApplicantType", QT_TRANSLATE_NOOP("ApplicantType", "纪检监察机关")),
    ("Conclusion", QT_TRANSLATE_NOOP("Conclusion", "予以容错免责")),
    ("Conclusion", QT_TRANSLATE_NOOP("Conclusion", "从轻减轻处理")),
    ("Conclusion", QT_TRANSLATE_NOOP("Conclusion", "不予容错")),
    ("Role", QT_TRANSLATE_NOOP("Role", "秘书")),
    ("Role", QT_TRANSLATE_NOOP("Role", "委员")),
    ("Role", QT_TRANSLATE_NOOP("Role", "主任")),
    ("Action", QT_TRANSLATE_NOOP("Action", "查看全部案件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "查看案件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "登记案件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "修改案件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "推进案件阶段")),
    ("Action", QT_TRANSLATE_NOOP("Action", "记录办理事项")),
    ("Action", QT_TRANSLATE_NOOP("Action", "评分")),
    ("Action", QT_TRANSLATE_NOOP("Action", "申请回避")),
    ("Action", QT_TRANSLATE_NOOP("Action", "记录认定结论")),
    ("Action", QT_TRANSLATE_NOOP("Action", "揭晓评分")),
    ("Action", QT_TRANSLATE_NOOP("Action", "开始新一轮评分")),
    ("Action", QT_TRANSLATE_NOOP("Action", "录入纸质评分票")),
    ("Action", QT_TRANSLATE_NOOP("Action", "导出")),
    ("Action", QT_TRANSLATE_NOOP("Action", "导入")),
    ("Action", QT_TRANSLATE_NOOP("Action", "添加附件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "打开附件")),
    ("Action", QT_TRANSLATE_NOOP("Action", "指定案件委员")),
    ("Action", QT_TRANSLATE_NOOP("Action", "管理账户")),
    ("Action", QT_TRANSLATE_NOOP("Action", "查看审计记录")),
    ("Action", QT_TRANSLATE_NOOP("Action", "确认审计异常")),
    ("Action", QT_TRANSLATE_NOOP("Action", "备份")),
    ("Action", QT_TRANSLATE_NOOP("Action", "恢复")),
    ("Action", QT_TRANSLATE_NOOP("Action", "导出封存的备案报告")),
    ("Action", QT_TRANSLATE_NOOP("Action", "设置签名证书")),
    ("Action", QT_TRANSLATE_NOOP("Action", "登录")),
    ("Action", QT_TRANSLATE_NOOP("Action", "解锁失败")),
    ("Action", QT_TRANSLATE_NOOP("Action", "升级数据库结构")),
)


def label(member: LabelledEnum | None) -> str:
    """The shown label of a domain enum member ('' for None)."""
    if member is None:
        return ""
    return QCoreApplication.translate(type(member).__name__, member.label)


def label_text(context: str, chinese_label: str) -> str:
    """A label that arrives as Chinese text (an audit entry's action or role)."""
    return QCoreApplication.translate(context, chinese_label)


def person(name: str, role_label: str) -> str:
    """'王主任（主任）' in Chinese, '王主任 (Chair)' in English; role_label is the Chinese label."""
    return (
        QCoreApplication.translate("Labels", "%1（%2）")
        .replace("%1", name)
        .replace("%2", label_text("Role", role_label))
    )
