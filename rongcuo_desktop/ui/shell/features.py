"""Every feature of the main window, built on its context: the one list of what the window offers.

A feature is a class built with the WindowContext; it makes its actions (each with an object name),
offers them through the context with what they need, and reads the workspace and the person from
the context when it acts. The case list and the demo cases come with the window itself; these come
once the store is open. A new feature is added here too.
"""

from __future__ import annotations

from rongcuo_desktop.ui.casefile.actions import CaseFileActions
from rongcuo_desktop.ui.data.attachments import AttachmentActions
from rongcuo_desktop.ui.data.backup import BackupActions
from rongcuo_desktop.ui.data.integrity import IntegrityCheck
from rongcuo_desktop.ui.data.restore import RestoreActions
from rongcuo_desktop.ui.data.transfer import CaseTransferActions
from rongcuo_desktop.ui.judgment.actions import JudgmentActions
from rongcuo_desktop.ui.lock.actions import LockActions
from rongcuo_desktop.ui.people.actions import PeopleActions
from rongcuo_desktop.ui.reports.actions import ReportActions
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName, enable_filled_menus
from rongcuo_desktop.ui.startup.key_actions import PassphraseActions
from rongcuo_desktop.ui.stats.actions import StatsActions


class WindowFeatures:
    def __init__(self, ctx: WindowContext) -> None:
        self.passphrase = PassphraseActions(ctx)
        self.casefile = CaseFileActions(ctx)  # 案件: new, open, library; 视图: 工作台
        self.judgment = JudgmentActions(
            ctx
        )  # 案件 → 研判与听证: scoring, the panel, the decision, the hearing
        self.stats = StatsActions(ctx)  # 视图 → 案件统计…
        # 数据: attachments | export, import | backup, restore, check | auto-lock, lock
        data = ctx.menu(MenuName.DATA)
        self.attachments = AttachmentActions(ctx)
        data.addSeparator()
        self.transfer = CaseTransferActions(ctx)
        data.addSeparator()
        self.backup = BackupActions(ctx)
        self.restore = RestoreActions(ctx)
        self.integrity = IntegrityCheck(ctx, self.restore)
        data.addSeparator()
        self.lock = LockActions(ctx)
        self.reports = ReportActions(ctx)  # 报告: sealed documents, 验证文件…, the signing identity
        self.people = PeopleActions(ctx)
        enable_filled_menus(ctx.window)
        ctx.gate.refresh()
