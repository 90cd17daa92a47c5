"""The 报告 menu: what it offers to whom, and whether the case at hand can be reported.

- 导出备案报告… / 导出认定意见书… / 导出反馈通知书… / 导出备案包… for the case with the keyboard's
  focus, and 批量导出选中案件… (秘书 and 主任: Action.REPORT_EXPORT). A case without a recorded
  conclusion cannot be reported: the actions are disabled and their tooltip says why (checked as
  the menu opens; the workflow refuses the same, in words, if it is reached anyway).
- 验证文件… for everyone: it needs no store and no role (the receiving authority's check).
- 生成签名身份… / 导入 PKCS#12… / 导出根证书… (主任: Action.SIGNING_IDENTITY).

Only Qt and the role table are imported here (this module comes with the window); the dialogs and
their work (reportlab, pyHanko, PDFium) are imported when an action is first used.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.reports.state import CaseState, case_state, load_export_code
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell

if TYPE_CHECKING:
    from rongcuo_desktop.ui.reports.batch import ReportBatchDialog
    from rongcuo_desktop.ui.reports.export_dialog import ReportExportDialog
    from rongcuo_desktop.ui.reports.identity import IdentityFlows
    from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog

log = logging.getLogger(__name__)

# The three documents: the action's object name, its text, and the Kind's value (reports.model).
DOCUMENTS = (
    ("exportFilingAction", QT_TRANSLATE_NOOP("ReportActions", "导出备案报告…"), "备案报告"),
    ("exportOpinionAction", QT_TRANSLATE_NOOP("ReportActions", "导出认定意见书…"), "认定意见书"),
    ("exportFeedbackAction", QT_TRANSLATE_NOOP("ReportActions", "导出反馈通知书…"), "反馈通知书"),
)


class ReportActions(QObject):
    """Builds the 报告 menu with its context; opens the dialogs."""

    checked = Signal()  # the case at hand was looked at: the export actions say what they may

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: QObject | None = None  # the dialog or message shown last (tests answer it)
        self.last_message = ""
        self._decided: dict[int, CaseState] = {}  # cases known to be decided (a decision stays)
        self._generation = -1
        self._asked: int | None = None
        self._identity: IdentityFlows | None = None
        self.warming = False  # the export code is being loaded, or was (once per process is enough)
        window = ctx.window
        menu = ctx.menu(MenuName.REPORTS)
        menu.setToolTipsVisible(True)  # a disabled export says why in its tooltip

        self.document_actions: dict[str, QAction] = {}
        for name, text, kind in DOCUMENTS:
            action = QAction(self.tr(str(text)), window)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, kind=kind: self.export_document(kind))
            ctx.offer(MenuName.REPORTS, action, Action.REPORT_EXPORT)
            self.document_actions[kind] = action
        self.package_action = self._action("exportPackageAction", self.tr("导出备案包…"), self.export_package)
        ctx.offer(MenuName.REPORTS, self.package_action, Action.REPORT_EXPORT)
        self.batch_action = self._action("batchExportAction", self.tr("批量导出选中案件…"), self.export_batch)
        self.batch_action.setStatusTip(
            self.tr("为列表中选中的多件案件（按住 Ctrl 或 Shift 选择）导出封存的文件，有进度，可取消")
        )
        ctx.offer(MenuName.REPORTS, self.batch_action, Action.REPORT_EXPORT)
        self._separators = [menu.addSeparator()]
        self.verify_action = self._action("verifyFileAction", self.tr("验证文件…"), self.verify_file)
        self.verify_action.setStatusTip(
            self.tr("离线验证封存的 PDF 或备案包：签名完好、签名后未被改动、由信任的根证书签发")
        )
        ctx.offer(MenuName.REPORTS, self.verify_action)  # everyone: no store, no role needed
        self._separators.append(menu.addSeparator())
        self.generate_action = self._action("generateIdentityAction", self.tr("生成签名身份…"), self.generate)
        self.import_action = self._action(
            "importIdentityAction", self.tr("导入 PKCS#12…"), self.import_pkcs12
        )
        self.root_action = self._action("exportRootAction", self.tr("导出根证书…"), self.export_root)
        self.root_action.setStatusTip(self.tr("导出委员会的根证书及其 SHA-256 指纹，交给接收备案的机关"))
        ctx.offer(MenuName.REPORTS, self.generate_action, Action.SIGNING_IDENTITY, writes=True)
        ctx.offer(MenuName.REPORTS, self.import_action, Action.SIGNING_IDENTITY, writes=True)
        ctx.offer(MenuName.REPORTS, self.root_action, Action.SIGNING_IDENTITY)
        self._separators[-1].setVisible(ctx.may(Action.SIGNING_IDENTITY))
        ctx.gate.changed.connect(self._role_changed)
        ctx.cases_changed.connect(self._decided.clear)
        menu.aboutToShow.connect(self.check_current)
        menu.aboutToShow.connect(self.warm_up)

    def warm_up(self) -> None:
        """As the menu opens, load the export code on a slow thread (once): the first preview then
        starts with reportlab, pyHanko, PDFium and the fonts already loaded."""
        if self.warming or not (
            self._ctx.may(Action.REPORT_EXPORT) or self._ctx.may(Action.SIGNING_IDENTITY)
        ):
            return
        self.warming = True
        self._ctx.runner.run_slow(load_export_code, receiver=self, done=_ignore, failed=_loaded_badly)

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(text, self._ctx.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    @property
    def case_actions(self) -> list[QAction]:
        """The actions that need a decided case at hand."""
        return [*self.document_actions.values(), self.package_action]

    def _role_changed(self) -> None:
        self._separators[0].setVisible(self._ctx.may(Action.REPORT_EXPORT))
        self._separators[-1].setVisible(self._ctx.may(Action.SIGNING_IDENTITY))

    # -- the case at hand --------------------------------------------------------------------------

    def check_current(self) -> None:
        """As the menu opens: may the case at hand be reported? Decided cases are remembered (a
        decision is final); any other is asked of the store each time, the answer updating the
        open menu."""
        ctx = self._ctx
        if ctx.generation != self._generation:  # unlocked, restored: what was known may differ
            self._generation = ctx.generation
            self._decided.clear()
        current = ctx.cases.current_case()
        workspace, person = ctx.workspace, ctx.person
        if current is None or workspace is None or person is None:
            self._set_case_actions(False, self.tr("请先在案件列表中选择一件已认定的案件。"))
            self.checked.emit()
            return
        case_id, doc_no = current
        known = self._decided.get(case_id)
        if known is not None:
            self._show_state(known)
            return
        self._set_case_actions(False, self.tr("正在查看 %1 是否已认定…").replace("%1", doc_no))
        self._asked = case_id
        ctx.runner.run_db(
            case_state, workspace, person, case_id, receiver=self, done=self._state_read, failed=self._unread
        )

    def _state_read(self, state: CaseState) -> None:
        if state.decided:
            self._decided[state.case_id] = state
        if state.case_id == self._asked:
            self._show_state(state)

    def _unread(self, error: BaseException) -> None:
        self._set_case_actions(False, str(error) or type(error).__name__)
        self.checked.emit()

    def _show_state(self, state: CaseState) -> None:
        if state.decided:
            self._set_case_actions(True, "")
        else:
            self._set_case_actions(
                False,
                self.tr("%1 尚未记录认定结论：会议认定后才能导出封存的文件。").replace("%1", state.doc_no),
            )
        self.checked.emit()

    def _set_case_actions(self, enabled: bool, why: str) -> None:
        for action in self.case_actions:
            action.setEnabled(enabled)
            action.setToolTip(why or action.text().rstrip("…"))
            action.setStatusTip(why)

    def _current(self) -> tuple[int, str] | None:
        current = self._ctx.cases.current_case()
        if current is None:
            self._tell(
                self.tr("导出封存的文件"),
                self.tr("请先在案件列表中选择一件已认定的案件。"),
                icon=QMessageBox.Icon.Information,
            )
        return current

    # -- the actions -------------------------------------------------------------------------------

    def export_document(self, kind: str) -> ReportExportDialog | None:
        """The preview of the case's document, then 保存… (and 导出备案包…) from there."""
        current = self._current()
        if current is None or self._ctx.workspace is None:
            return None
        from rongcuo_desktop.ui.reports.export_dialog import ReportExportDialog

        dialog = ReportExportDialog(self._ctx, current[0], current[1], kind, self._ctx.window)
        self.dialog = dialog
        dialog.open()
        dialog.prepare()
        return dialog

    def export_package(self) -> None:
        current = self._current()
        if current is None or self._ctx.workspace is None:
            return
        from rongcuo_desktop.ui.reports.package_export import PackageExport

        self.dialog = PackageExport(self._ctx, current[0], current[1], self._ctx.window).start()

    def export_batch(self) -> ReportBatchDialog | None:
        ids = self._ctx.cases.selected_case_ids()
        if not ids:
            self._tell(
                self.tr("批量导出"),
                self.tr("请先在案件列表中选择要导出的案件（按住 Ctrl 或 Shift 可选择多件）。"),
                icon=QMessageBox.Icon.Information,
            )
            return None
        if self._ctx.workspace is None:
            return None
        from rongcuo_desktop.ui.reports.batch import ReportBatchDialog

        dialog = ReportBatchDialog(self._ctx, ids, self._ctx.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def verify_file(self) -> VerifyDialog:
        from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self._ctx.runner, self._ctx.settings, parent=self._ctx.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    @property
    def identity(self) -> IdentityFlows:
        if self._identity is None:
            from rongcuo_desktop.ui.reports.identity import IdentityFlows

            self._identity = IdentityFlows(self._ctx, self)
        return self._identity

    def generate(self) -> None:
        self.identity.generate()

    def import_pkcs12(self) -> None:
        self.identity.import_pkcs12()

    def export_root(self) -> None:
        self.identity.export_root()

    def _tell(self, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        self.last_message = text
        self.dialog = tell(self._ctx.window, title, text, icon=icon)


def _ignore(_value: object) -> None:
    """Nothing to show: the warm-up only loads code."""


def _loaded_badly(error: BaseException) -> None:
    # The export itself will load the same code and say what is wrong, in words.
    log.warning("loading the export code failed: %s", type(error).__name__)
