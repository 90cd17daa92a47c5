"""Who may do what: the three roles of a committee and one permission table.

Pure data, so the store can refuse an action below the UI and the UI can hide what it would
refuse, both from the same table (issue 4, 账户与角色).
"""

from __future__ import annotations

from dataclasses import dataclass

from rongcuo_desktop.domain.case import LabelledEnum


class Role(LabelledEnum):
    SECRETARY = ("secretary", "秘书")
    MEMBER = ("member", "委员")
    CHAIR = ("chair", "主任")


class Action(LabelledEnum):
    """Everything the store records or refuses. The label completes "无权……" and the audit timeline."""

    CASE_READ_ALL = ("case_read_all", "查看全部案件")
    CASE_READ = ("case_read", "查看案件")
    CASE_CREATE = ("case_create", "登记案件")
    CASE_EDIT = ("case_edit", "修改案件")
    STAGE_MOVE = ("stage_move", "推进案件阶段")
    CASE_RECORD = ("case_record", "记录办理事项")  # a record of a step (调查、反馈、备案、回访…)
    SCORE = ("score", "评分")
    RECUSAL = ("recusal", "申请回避")
    DECISION = ("decision", "记录认定结论")
    REVEAL = ("reveal", "揭晓评分")
    NEW_ROUND = ("new_round", "开始新一轮评分")
    PAPER_BALLOT = ("paper_ballot", "录入纸质评分票")
    EXPORT = ("export", "导出")
    IMPORT = ("import", "导入")
    ATTACHMENT_ADD = ("attachment_add", "添加附件")
    ATTACHMENT_OPEN = ("attachment_open", "打开附件")
    MEMBERS_ASSIGN = ("members_assign", "指定案件委员")
    ACCOUNT_MANAGE = ("account_manage", "管理账户")
    AUDIT_VIEW = ("audit_view", "查看审计记录")
    AUDIT_ACKNOWLEDGE = ("audit_acknowledge", "确认审计异常")
    BACKUP = ("backup", "备份")
    RESTORE = ("restore", "恢复")
    REPORT_EXPORT = ("report_export", "导出封存的备案报告")
    SIGNING_IDENTITY = ("signing_identity", "设置签名证书")
    # Recorded, never refused: they describe a person, not a permission.
    LOGIN = ("login", "登录")
    FAILED_UNLOCK = ("failed_unlock", "解锁失败")
    MIGRATION = ("migration", "升级数据库结构")


_SECRETARY = frozenset(
    {
        Action.CASE_READ_ALL,
        Action.CASE_READ,
        Action.CASE_CREATE,
        Action.CASE_EDIT,
        Action.STAGE_MOVE,
        Action.CASE_RECORD,
        Action.EXPORT,
        Action.REPORT_EXPORT,
        Action.IMPORT,
        Action.ATTACHMENT_ADD,
        Action.ATTACHMENT_OPEN,
        Action.MEMBERS_ASSIGN,
        Action.AUDIT_VIEW,
        Action.BACKUP,
        Action.PAPER_BALLOT,  # for a member without a PC, marked as such in the record
    }
)
# A member reads only the cases of the committees they sit on (CASE_READ, checked per case).
_MEMBER = frozenset({Action.CASE_READ, Action.SCORE, Action.RECUSAL, Action.ATTACHMENT_OPEN})
_CHAIR = frozenset(Action)  # the chair manages accounts and may do what the others do

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.SECRETARY: _SECRETARY,
    Role.MEMBER: _MEMBER,
    Role.CHAIR: _CHAIR,
}
ALWAYS_ALLOWED = frozenset({Action.LOGIN, Action.FAILED_UNLOCK, Action.MIGRATION})


def allowed(role: Role, action: Action) -> bool:
    return action in ALWAYS_ALLOWED or action in PERMISSIONS[role]


def refusal(role: Role, action: Action) -> str:
    """The Chinese sentence shown when the store refuses."""
    return f"{role.label}无权{action.label}。"


@dataclass(frozen=True)
class AccountInfo:
    """A person who uses the store, as plain data (the PIN hash never leaves the store)."""

    id: int
    name: str
    role: Role
    active: bool = True

    def may(self, action: Action) -> bool:
        return self.active and allowed(self.role, action)
