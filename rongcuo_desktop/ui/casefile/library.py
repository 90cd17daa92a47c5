"""案件 → 典型案例库…: the decided cases marked 典型案例 (seed 001's 清单+案例), searched by situation,
field, conclusion and a word of the summary; names masked (谢某某) before they leave the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.casework import TypicalCase, search_typical
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import chosen
from rongcuo_desktop.ui.forms.ui_case_library_dialog import Ui_CaseLibraryDialog
from rongcuo_desktop.ui.labels import label
from rongcuo_desktop.ui.shell.context import WindowContext


class TypicalLibraryDialog(QDialog):
    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseLibraryDialog()
        self.ui.setupUi(self)
        self.setModal(False)
        self.ctx = ctx
        self.library: list[TypicalCase] = []
        self.shown: list[TypicalCase] = []
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.conclusionCombo.addItem(self.tr("全部结论"), None)
        for conclusion in Conclusion:
            ui.conclusionCombo.addItem(label(conclusion), conclusion.value)
        for combo in (ui.situationCombo, ui.fieldCombo, ui.conclusionCombo):
            combo.currentIndexChanged.connect(self._filter)
        ui.searchEdit.textChanged.connect(self._filter)
        ui.libraryTree.currentItemChanged.connect(self._show_summary)
        workspace, person = ctx.workspace, ctx.person
        if workspace is not None and person is not None:
            ctx.runner.run_db(casework.typical_cases, workspace, person, receiver=self, done=self._arrived)

    def _arrived(self, library: list[TypicalCase]) -> None:
        self.library = library
        ui = self.ui
        for combo in (ui.situationCombo, ui.fieldCombo):
            combo.blockSignals(True)
            combo.clear()
        ui.situationCombo.addItem(self.tr("全部情形"), "")
        names: dict[str, str] = {}
        for rulebook in ops.shipped_rulebooks():
            for rule in rulebook.situations:
                names.setdefault(rule.id, f"{rule.id}　{rule.text[:40]}（{rulebook.title}）")
        for situation in sorted({s for t in library for s in t.sketch.situations}):
            ui.situationCombo.addItem(names.get(situation, situation), situation)
        ui.fieldCombo.addItem(self.tr("全部领域"), "")
        for field in sorted({t.sketch.work_field for t in library if t.sketch.work_field}):
            ui.fieldCombo.addItem(field, field)
        for combo in (ui.situationCombo, ui.fieldCombo):
            combo.blockSignals(False)
        self._filter()

    def _filter(self, *_args: object) -> None:
        ui = self.ui
        self.shown = search_typical(
            self.library,
            situation=ui.situationCombo.currentData() or "",
            field=ui.fieldCombo.currentData() or "",
            conclusion=chosen(ui.conclusionCombo, Conclusion),
            text=ui.searchEdit.text(),
        )
        ui.libraryTree.clear()
        for i, typical in enumerate(self.shown):
            sketch = typical.sketch
            item = QTreeWidgetItem(
                ui.libraryTree,
                [
                    sketch.doc_no,
                    typical.masked_name,
                    sketch.work_field,
                    label(sketch.conclusion),
                    sketch.decided_on.isoformat() if sketch.decided_on else "",
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, i)
        ui.summaryView.clear()
        first = ui.libraryTree.topLevelItem(0)
        if first is not None:
            ui.libraryTree.setCurrentItem(first)

    def _show_summary(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            self.ui.summaryView.clear()
            return
        self.ui.summaryView.setPlainText(self.shown[int(item.data(0, Qt.ItemDataRole.UserRole))].summary)
