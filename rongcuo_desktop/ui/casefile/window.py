"""The case window: one case's whole file, a section per step, the procedure drawn beside it.

Opened from the list (double-click, Enter) or after 登记新案件…; one window per case. It reads the
case through the task runner (ops.load_case_view) and shows plain data; every change is a named
services call on the database thread, after which the case is read again (the stage may have
followed the work). Edits of the application's fields go through editing.FieldEditor (undo/redo,
drafts written a moment after typing stops, saved when the person leaves the field); before an
auto-lock or a switch of person, pending drafts are written first, so nothing typed is lost.

What a person sees follows their role (the store refuses the rest anyway): a 委员 reads the file of
a case of their committee (nothing of one they recused from) and changes nothing here; the 秘书
and the 主任 edit, move and record.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import time
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QMenu, QWidget

from rongcuo_desktop.domain.case import ApplicantType, CaseType, Stage
from rongcuo_desktop.domain.procedure import MoveOption
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.paths import icons_dir
from rongcuo_desktop.services import casework
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import StageDialog
from rongcuo_desktop.ui.casefile.editing import FieldEditor, iso
from rongcuo_desktop.ui.casefile.extensions import CasePanelContext
from rongcuo_desktop.ui.casefile.labels import step_text
from rongcuo_desktop.ui.casefile.sections import Sections
from rongcuo_desktop.ui.forms.ui_case_window import Ui_CaseWindow
from rongcuo_desktop.ui.labels import label
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.messages import tell

log = logging.getLogger(__name__)
WARNING_STYLE = (
    "background: #fbeeea; color: #8c1c13; border: 1px solid #e3b5ad; padding: 6px; border-radius: 3px;"
)

# The application's fields: Case attribute -> the widget's object name.
APPLICATION_FIELDS = {
    "doc_no": "docNoEdit",
    "applicant_type": "applicantCombo",
    "party_name": "partyEdit",
    "party_unit": "unitEdit",
    "party_position": "positionEdit",
    "work_field": "fieldCombo",
    "applied_on": "appliedDateEdit",
    "accountability_matter": "matterEdit",
    "facts": "factsEdit",
    "claimed_situation": "situationEdit",
}
# The section (tab object name) of each step, for a click on the flowchart.
SECTION_OF = {
    Stage.APPLIED: "applicationTab",
    Stage.ACCEPTED: "applicationTab",
    Stage.REJECTED: "applicationTab",
    Stage.INVESTIGATION: "investigationTab",
    Stage.HEARING: "hearingTab",
    Stage.DECISION: "decisionTab",
    Stage.FEEDBACK: "feedbackTab",
    Stage.DISCLOSURE: "feedbackTab",
    Stage.FILING: "followUpTab",
    Stage.FOLLOW_UP: "followUpTab",
    Stage.CLOSED: "followUpTab",
}


class Forms:
    """The window's frame (forms/case_window.ui) and its sections' forms built so far, read as one:
    `ui.factsEdit` is found in whichever form has it (a section not built yet has none)."""

    def __init__(self, frame: Ui_CaseWindow) -> None:
        self.frame = frame
        self._forms: list[object] = [frame]

    def add(self, form: object) -> None:
        self._forms.append(form)

    def __getattr__(self, name: str) -> Any:
        for form in self._forms:
            found = form.__dict__.get(name)
            if found is not None:
                return found
        raise AttributeError(f"no widget {name!r} in the case window's forms built so far")


class CaseWindow(QWidget):
    loaded = Signal()  # the case is shown (each time it is read)
    draft_saved = Signal()  # unsaved text reached the store as a draft
    saved = Signal()  # edited fields were saved to the case
    failed = Signal(str)  # a store call was refused (the message was shown)

    def __init__(self, ctx: WindowContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._opened_at = time.perf_counter()
        self.ctx = ctx
        self.case_id = case_id
        self.view: ops.CaseView | None = None
        self.dialog: QWidget | None = None
        self._workspace: Workspace | None = ctx.workspace
        self._person: Credential | None = ctx.person
        self._closing = False
        # The case is asked for first: the database thread reads it while the frame is built here.
        self.reload()
        frame = Ui_CaseWindow()
        frame.setupUi(self)
        self.ui = Forms(frame)
        self.setObjectName(f"caseWindow{case_id}")
        self.ui.docLabel.setObjectName("docLabel")
        font = self.ui.docLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.ui.docLabel.setFont(font)
        self.ui.warningLabel.hide()
        self.ui.similarLabel.hide()
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.panel_context = CasePanelContext(ctx, case_id, self.reload, self)
        # On a 1024x768 screen the tabs scroll: the theme's padding of tool buttons would leave the
        # scroll buttons blank boxes without their arrows.
        self.ui.sections.tabBar().setStyleSheet("QToolButton { padding: 0px; }")
        self.sections = Sections(self)
        self.sections.ensure("application")  # the tab shown first; the others when first shown
        self.editor = FieldEditor(self)
        for key, name in APPLICATION_FIELDS.items():
            self.editor.add(key, getattr(self.ui, name))
        self.editor.draft_wanted.connect(self._save_drafts)
        self.editor.commit_wanted.connect(self._save_fields)
        self.editor.dirty_changed.connect(self._show_dirty)
        for applicant in ApplicantType:
            self.ui.applicantCombo.addItem(label(applicant), applicant.value)
        self._wire_frame()
        ctx.workspace_changed.connect(self._workspace_changed)
        ctx.person_changed.connect(self._person_changed)
        self.resize(self._good_size())
        self.ui.factsEdit.setFocus()  # the case's own words: where a secretary goes on writing

    # -- frame -----------------------------------------------------------------------------------

    def _wire_frame(self) -> None:
        ui = self.ui
        stack = self.editor.stack
        ui.undoButton.clicked.connect(stack.undo)
        ui.redoButton.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(ui.undoButton.setEnabled)
        stack.canRedoChanged.connect(ui.redoButton.setEnabled)
        ui.undoButton.setEnabled(False)
        ui.redoButton.setEnabled(False)
        ui.undoButton.setToolTip(self.tr("撤销（Ctrl+Z）"))
        ui.redoButton.setToolTip(self.tr("重做（Ctrl+Shift+Z）"))
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, stack.undo),
            (QKeySequence.StandardKey.Redo, stack.redo),
            (QKeySequence.StandardKey.Save, self.editor.commit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        ui.saveButton.clicked.connect(self.editor.commit)
        ui.saveButton.setToolTip(self.tr("保存修改（Ctrl+S）；离开输入框时也会自动保存"))
        self.move_menu = QMenu(self)
        ui.moveButton.setMenu(self.move_menu)
        # The menu's arrow centred at the right, as the drop-downs have it (Qt's sits in the corner).
        arrow = (icons_dir() / "chevron-down.svg").as_posix()
        ui.moveButton.setStyleSheet(
            "QPushButton { padding-right: 24px; } QPushButton::menu-indicator { image: url("
            + arrow
            + "); subcontrol-origin: padding; subcontrol-position: center right; right: 8px;"
            " width: 12px; height: 12px; }"
        )
        ui.chart.step_clicked.connect(self.show_step)
        ui.chartScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _good_size(self) -> QSize:
        """Large enough for the sections, within the screen (a 1024x768 projector included)."""
        wanted = QSize(1280, 900)
        screen = self.screen()
        if screen is None:
            return wanted
        room = screen.availableGeometry().size() - QSize(24, 48)
        return wanted.boundedTo(room)

    def show_step(self, stage: Stage) -> None:
        name = SECTION_OF.get(stage)
        if name is not None:
            self.show_section(name)

    def show_section(self, tab_name: str) -> None:
        """Show a section's tab (building it if it is the first time)."""
        tab = getattr(self.ui.frame, tab_name, None)
        index = self.ui.sections.indexOf(tab) if tab is not None else -1
        if index >= 0:
            self.ui.sections.setCurrentIndex(index)
            self.sections.ensure(tab_name[: -len("Tab")])

    # -- reading the case ------------------------------------------------------------------------

    def reload(self) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        self.ctx.runner.run_db(
            ops.load_case_view,
            workspace,
            person,
            self.case_id,
            receiver=self,
            done=self._show,
            failed=self._load_failed,
        )

    def _show(self, view: ops.CaseView) -> None:
        first = self.view is None
        self.view = view
        case = view.file.case
        self.setWindowTitle(self.tr("案件 %1").replace("%1", case.doc_no))
        ui = self.ui
        ui.docLabel.setText(case.doc_no)
        ui.stageLabel.setText(
            self.tr("%1 · 当前阶段：%2")
            .replace("%1", label(case.case_type))
            .replace("%2", step_text(case.case_type, case.stage))
        )
        values = {
            "doc_no": case.doc_no,
            "applicant_type": case.applicant_type.value,
            "party_name": case.party_name,
            "party_unit": case.party_unit,
            "party_position": case.party_position,
            "work_field": case.work_field,
            "applied_on": iso(case.applied_on),
            "accountability_matter": case.accountability_matter,
            "facts": case.facts,
            "claimed_situation": case.claimed_situation,
        }
        fields = [*(view.rulebook.work_fields if view.rulebook else ()), case.work_field]
        combo = ui.fieldCombo
        combo.blockSignals(True)
        combo.clear()
        for field in dict.fromkeys(f for f in fields if f):
            combo.addItem(field, field)
        combo.blockSignals(False)
        ui.appliedDateEdit.setMaximumDate(QDate.currentDate())
        restored = self.editor.load(values, dict(view.drafts) if first else None)
        if restored:
            ui.draftLabel.setText(
                self.tr("已恢复未保存的内容（%1 项），请检查后保存").replace("%1", str(len(restored)))
            )
        self._enable_editing()
        self._show_matter_label(case.case_type)
        self.sections.fill(view)
        self._fill_moves(view)
        self._show_repeats(view)
        self.panel_context.case_changed.emit()
        if first:
            self.ui.factsEdit.moveCursor(QTextCursor.MoveOperation.End)  # going on writing, at the end
            log.info("case window ready in %.0f ms", (time.perf_counter() - self._opened_at) * 1000)
        self.loaded.emit()

    def _show_matter_label(self, case_type: CaseType) -> None:
        words = {
            CaseType.TOLERANCE: self.tr("问责事项"),
            CaseType.CLEARANCE: self.tr("被反映的问题"),
            CaseType.PRE_FILING: self.tr("拟采取的创新举措"),
        }
        self.ui.matterCaption.setText(words[case_type])

    def _enable_editing(self) -> None:
        may_edit = self.ctx.may_change(Action.CASE_EDIT)
        for name in APPLICATION_FIELDS.values():
            widget = getattr(self.ui, name)
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(not may_edit)
            else:
                widget.setEnabled(may_edit)
        self.ui.saveButton.setVisible(may_edit)
        self.ui.undoButton.setVisible(may_edit)
        self.ui.redoButton.setVisible(may_edit)
        self.ui.moveButton.setVisible(self.ctx.may(Action.STAGE_MOVE))
        self.ui.moveButton.setEnabled(self.ctx.may_change(Action.STAGE_MOVE))

    def _show_repeats(self, view: ops.CaseView) -> None:
        label_widget = self.ui.warningLabel
        if not view.repeats:
            label_widget.hide()
            return
        lines = [self.tr("重复情形提示（第九条(九)）：")] + [m.message() for m in view.repeats]
        label_widget.setText("\n".join(lines))
        label_widget.setStyleSheet(WARNING_STYLE)
        label_widget.show()

    def _load_failed(self, error: BaseException) -> None:
        self._say(str(error))
        if self.view is None:  # nothing to show (no permission, no such case): the window goes
            QTimer.singleShot(0, self.close)

    # -- stage moves -----------------------------------------------------------------------------

    def _fill_moves(self, view: ops.CaseView) -> None:
        menu = self.move_menu
        menu.clear()
        case_type = view.file.case.case_type
        options = casework.move_options(view.file.progress)
        back = [o for o in options if o.backward]
        for option in (o for o in options if not o.backward):
            text = step_text(case_type, option.target)
            if option.blocked:
                text = self.tr("%1（尚缺条件）").replace("%1", text)
            action = menu.addAction(text)
            action.setObjectName(f"moveTo_{option.target.value}")
            action.triggered.connect(functools.partial(self.ask_move, option))
        if back:
            submenu = menu.addMenu(self.tr("退回到"))
            for option in back:
                action = submenu.addAction(step_text(case_type, option.target))
                action.setObjectName(f"backTo_{option.target.value}")
                action.triggered.connect(functools.partial(self.ask_move, option))
        self.ui.moveButton.setEnabled(bool(options) and self.ctx.may_change(Action.STAGE_MOVE))

    def ask_move(self, option: MoveOption) -> StageDialog | None:
        """The dialog of one move: what is missing (a blocked move cannot be confirmed), the day, the
        rulebook or the reason where the step asks for one."""
        if self.view is None:
            return None
        case = self.view.file.case
        self.editor.commit()  # a move reads the case as saved
        dialog = StageDialog(case.case_type, option, ops.shipped_rulebooks(), case.rulebook, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda target, values: self._move(dialog, target, values))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _move(self, dialog: StageDialog, target: Stage, values: dict[str, Any]) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        operation = functools.partial(
            casework.move,
            reason=values["reason"],
            on=values["on"],
            rulebook=values["rulebook"],
            note=values["note"],
        )
        self.ctx.runner.run_db(
            operation,
            workspace,
            person,
            self.case_id,
            target,
            receiver=self,
            done=lambda _stage: self._changed(dialog),
            failed=lambda error: dialog.show_failure(str(error)),
        )

    def _changed(self, dialog: QWidget | None = None) -> None:
        """A change was saved: close its dialog, read the case again, tell the list."""
        if dialog is not None:
            dialog.close()
        self.reload()
        self.ctx.cases_changed.emit()

    # -- saving edits and drafts ------------------------------------------------------------------

    def _save_fields(self, changes: dict[str, str]) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None or not self.ctx.may_change(Action.CASE_EDIT):
            return
        self.ctx.runner.run_db(
            ops.save_case_fields,
            workspace,
            person,
            self.case_id,
            changes,
            receiver=self,
            done=lambda _case: self._fields_saved(changes),
            failed=self._fields_refused,
        )

    def _fields_saved(self, changes: dict[str, str]) -> None:
        self.editor.saved(changes)
        self.ui.draftLabel.setText(self.tr("已保存 %1").replace("%1", dt.datetime.now().strftime("%H:%M")))
        self.saved.emit()
        self.reload()
        self.ctx.cases_changed.emit()

    def _fields_refused(self, error: BaseException) -> None:
        self._say(str(error))  # what was typed stays, and so does its draft

    def _save_drafts(self, changes: dict[str, str]) -> None:
        self._write_drafts(changes, self.ctx.workspace, self.ctx.person)

    def _write_drafts(
        self, changes: dict[str, str], workspace: Workspace | None, person: Credential | None
    ) -> None:
        if workspace is None or person is None or not person.may(Action.CASE_EDIT):
            return
        for key, text in changes.items():
            self.ctx.runner.run_db(
                casework.save_draft,
                workspace,
                person,
                str(self.case_id),
                key,
                text,
                receiver=self,
                done=self._draft_written,
                failed=self._draft_failed,
            )

    def _draft_written(self, _result: object) -> None:
        log.info("case window: draft written")  # no text: the log never holds case contents
        if not self._closing:
            self.ui.draftLabel.setText(
                self.tr("草稿已保存 %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S"))
            )
        self.draft_saved.emit()

    def _draft_failed(self, error: BaseException) -> None:
        log.warning("draft not written: %s", type(error).__name__)

    def _show_dirty(self, dirty: bool) -> None:
        self.ui.saveButton.setEnabled(dirty)

    # -- the store or the person changes ----------------------------------------------------------

    def _workspace_changed(self) -> None:
        if self.ctx.workspace is None:
            # An auto-lock or a restore closes the store: what is typed goes to drafts first (the
            # job is queued before the close), on the store as it was.
            if self.editor.dirty:
                self._write_drafts(self.editor.dirty, self._workspace, self._person)
            self.setEnabled(False)
            return
        self._workspace = self.ctx.workspace

    def _person_changed(self) -> None:
        person = self.ctx.person
        if person is None:
            return
        if self._person is not None and person.id != self._person.id:
            self.close()  # another person at the keyboard: this window was the last one's
            return
        self._person = person
        self.setEnabled(True)
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self.editor.dirty and self.ctx.workspace is not None:
            self.editor.flush_drafts()  # kept even if the save below is refused
            self.editor.commit()
        super().closeEvent(event)

    # -- messages --------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        log.info("case window: a store call was refused")
        self.failed.emit(message)
        if not self._closing:
            self.dialog = tell(self, self.tr("案件"), message)
