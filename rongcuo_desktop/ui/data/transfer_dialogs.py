"""The two dialogs of 导入案件…: what an import would do (before anything is written), and why a file
was refused. Layouts are forms/import_preview_dialog.ui and forms/import_issues_dialog.ui.

The store names a problem by its place in the JSON (`cases[3].members[1].scores.motive.level`),
which is exact but not what a secretary reads; `field_place` turns it into
"第 4 件案件 › 第 2 位委员 › 评分 › 动机态度 › 等级" and the exact path stays in the tooltip and in the
copied list (for whoever corrects the file).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from rongcuo_desktop.ui.forms.ui_import_issues_dialog import Ui_ImportIssuesDialog
from rongcuo_desktop.ui.forms.ui_import_preview_dialog import Ui_ImportPreviewDialog

if TYPE_CHECKING:
    from rongcuo_desktop.domain.validation import Issue
    from rongcuo_desktop.ui.data.ops import ImportPlan, PlannedCase

CONTEXT = "ImportField"
SEPARATOR = " › "
CASES_SHOWN = 500  # rows of the preview list; a 10,000-case file is summed up after them
# What the store's field paths are made of: `cases[3].members[1].scores.motive.level`.
_SEGMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)?((?:\[\d+\])*)$")
_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\[\]-]*$")
_CASE_PLACE = re.compile(r"^cases\[(\d+)\]\.([A-Za-z0-9_.\[\]-]+)$")

# The JSON keys of docs/case-format.md, shown in the reader's words (marked for pyside6-lupdate).
_FIELDS: dict[str, object] = {
    "format": QT_TRANSLATE_NOOP("ImportField", "文件格式"),
    "format_version": QT_TRANSLATE_NOOP("ImportField", "格式版本"),
    "exported_at": QT_TRANSLATE_NOOP("ImportField", "导出时间"),
    "case": QT_TRANSLATE_NOOP("ImportField", "案件信息"),
    "doc_no": QT_TRANSLATE_NOOP("ImportField", "文号"),
    "applied_on": QT_TRANSLATE_NOOP("ImportField", "申请日期"),
    "case_type": QT_TRANSLATE_NOOP("ImportField", "案件类型"),
    "applicant_type": QT_TRANSLATE_NOOP("ImportField", "申请人"),
    "stage": QT_TRANSLATE_NOOP("ImportField", "阶段"),
    "party_name": QT_TRANSLATE_NOOP("ImportField", "当事人"),
    "party_unit": QT_TRANSLATE_NOOP("ImportField", "单位"),
    "party_position": QT_TRANSLATE_NOOP("ImportField", "职务"),
    "work_field": QT_TRANSLATE_NOOP("ImportField", "领域"),
    "accountability_matter": QT_TRANSLATE_NOOP("ImportField", "问责事项"),
    "facts": QT_TRANSLATE_NOOP("ImportField", "事实"),
    "claimed_situation": QT_TRANSLATE_NOOP("ImportField", "主张的情形"),
    "conclusion": QT_TRANSLATE_NOOP("ImportField", "认定结论"),
    "decided_on": QT_TRANSLATE_NOOP("ImportField", "认定日期"),
    "rulebook": QT_TRANSLATE_NOOP("ImportField", "规则库"),
    "id": QT_TRANSLATE_NOOP("ImportField", "编号"),
    "checklist": QT_TRANSLATE_NOOP("ImportField", "研判清单"),
    "situations": QT_TRANSLATE_NOOP("ImportField", "情形"),
    "conditions": QT_TRANSLATE_NOOP("ImportField", "条件"),
    "exclusions": QT_TRANSLATE_NOOP("ImportField", "不予容错情形"),
    "name": QT_TRANSLATE_NOOP("ImportField", "姓名"),
    "role": QT_TRANSLATE_NOOP("ImportField", "身份"),
    "recused": QT_TRANSLATE_NOOP("ImportField", "回避"),
    "recusal_reason": QT_TRANSLATE_NOOP("ImportField", "回避理由"),
    "scores": QT_TRANSLATE_NOOP("ImportField", "评分"),
    "level": QT_TRANSLATE_NOOP("ImportField", "等级"),
    "rationale": QT_TRANSLATE_NOOP("ImportField", "理由"),
    "decision": QT_TRANSLATE_NOOP("ImportField", "认定记录"),
    "recorded_by": QT_TRANSLATE_NOOP("ImportField", "记录人"),
    "recorded_at": QT_TRANSLATE_NOOP("ImportField", "记录时间"),
    "decision_note": QT_TRANSLATE_NOOP("ImportField", "认定说明"),
    # the five scoring dimensions (domain/rulebook.DIMENSIONS)
    "motive": QT_TRANSLATE_NOOP("ImportField", "动机态度"),
    "procedure": QT_TRANSLATE_NOOP("ImportField", "程序方法"),
    "nature": QT_TRANSLATE_NOOP("ImportField", "性质程度"),
    "impact": QT_TRANSLATE_NOOP("ImportField", "后果影响"),
}
# `conditions` is also a scoring dimension (客观条件): under `scores` it means that.
_OBJECTIVE_CONDITIONS = QT_TRANSLATE_NOOP("ImportField", "客观条件")
_NUMBERED: dict[str, object] = {
    "cases": QT_TRANSLATE_NOOP("ImportField", "第 %1 件案件"),
    "members": QT_TRANSLATE_NOOP("ImportField", "第 %1 位委员"),
    "situations": QT_TRANSLATE_NOOP("ImportField", "第 %1 项情形"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def field_place(path: str, doc_nos: Sequence[str] = ()) -> str:
    """`cases[3].members[1].scores.motive.level` as "第 4 件案件 › 第 2 位委员 › 评分 › 动机态度 › 等级";
    with the file's 文号 known, the case is named too. An empty path is the whole file; a part it
    does not know (a rule id such as c1) is kept as written."""
    if not path:
        return _tr(QT_TRANSLATE_NOOP("ImportField", "整个文件"))
    shown: list[str] = []
    previous = ""
    for segment in path.split("."):
        match = _SEGMENT.match(segment)
        if match is None:
            shown.append(segment)
            previous = segment
            continue
        key, indices = match.group(1) or "", match.group(2)
        numbers = [int(n) for n in re.findall(r"\d+", indices)]
        if key in _NUMBERED and len(numbers) == 1:
            text = _tr(_NUMBERED[key]).replace("%1", str(numbers[0] + 1))
            if key == "cases" and numbers[0] < len(doc_nos) and doc_nos[numbers[0]]:
                text += _tr(QT_TRANSLATE_NOOP("ImportField", "（%1）")).replace("%1", doc_nos[numbers[0]])
            shown.append(text)
        elif key == "conditions" and previous == "scores":
            shown.append(_tr(_OBJECTIVE_CONDITIONS) + indices)
        elif key in _FIELDS:
            shown.append(_tr(_FIELDS[key]) + indices)
        else:
            shown.append(segment)
        previous = key
    return SEPARATOR.join(shown)


def readable_note(note: str, doc_nos: Sequence[str] = ()) -> str:
    """A store warning "cases[0].case.rulebook：本机没有…" with its place in the reader's words."""
    place, colon, message = note.partition("：")
    if colon and _PATH.match(place):
        return f"{field_place(place, doc_nos)}：{message}"
    return note


def grouped_notes(warnings: Sequence[str], doc_nos: Sequence[str] = (), each: int = 3) -> list[str]:
    """The store's warnings in the reader's words, one per case; the same warning for more than
    `each` cases (13,000 unexplained decisions in one large file) becomes one line that counts
    them and names the first few."""
    groups: dict[tuple[str, str], list[int]] = {}
    lines: list[str] = []
    for warning in warnings:
        place, colon, message = warning.partition("：")
        match = _CASE_PLACE.match(place) if colon else None
        if match is None:
            lines.append(readable_note(warning, doc_nos))
            continue
        groups.setdefault((match.group(2), message), []).append(int(match.group(1)))
    for (rest, message), cases in groups.items():
        if len(cases) <= each:
            lines += [readable_note(f"cases[{i}].{rest}：{message}", doc_nos) for i in cases]
            continue
        named = "、".join(doc_nos[i] for i in cases[:3] if i < len(doc_nos) and doc_nos[i])
        which = (
            _tr(QT_TRANSLATE_NOOP("ImportField", "%1 件案件（%2 等）")).replace("%2", named)
            if named
            else _tr(QT_TRANSLATE_NOOP("ImportField", "%1 件案件"))
        ).replace("%1", str(len(cases)))
        lines.append(f"{which}{SEPARATOR}{field_place(rest)}：{message}")
    return lines


class ImportIssuesDialog(QDialog):
    """Every problem of a refused file, place and message, with a button that copies the list."""

    def __init__(
        self,
        file_name: str,
        issues: Sequence[Issue],
        doc_nos: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportIssuesDialog()
        self.ui.setupUi(self)
        count = len(issues)
        if count == 1:
            text = self.tr("文件 %1 有 1 处问题，没有导入：")
        else:
            text = self.tr("文件 %1 有 %2 处问题，没有导入任何案件：").replace("%2", str(count))
        self.ui.messageLabel.setText(text.replace("%1", file_name))
        table = self.ui.issuesTable
        table.setRowCount(count)
        self._lines: list[str] = []
        places: list[str] = []
        for row, issue in enumerate(issues):
            place = field_place(issue.path, doc_nos)
            places.append(place)
            where = QTableWidgetItem(place)
            where.setToolTip(issue.path)
            what = QTableWidgetItem(issue.message)
            what.setToolTip(issue.message)
            table.setItem(row, 0, where)
            table.setItem(row, 1, what)
            self._lines.append(
                f"{place}（{issue.path}）：{issue.message}" if issue.path else f"{place}：{issue.message}"
            )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        widest = max((table.fontMetrics().horizontalAdvance(place) for place in places), default=0)
        header.resizeSection(0, min(max(widest + 24, 140), 320))
        # Long messages wrap: the rows follow the columns' widths (the last one stretches with the
        # dialog, and is only known once it is shown).
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        self.copy_button = QPushButton(self.tr("复制问题清单"), self)
        self.copy_button.setAutoDefault(False)
        self.ui.buttonBox.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        close = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setDefault(True)
        close.setFocus()
        self.ui.buttonBox.rejected.connect(self.reject)

    @property
    def lines(self) -> list[str]:
        return list(self._lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self._lines))
        self.copy_button.setText(self.tr("已复制"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ui.issuesTable.resizeRowsToContents()


class ImportPreviewDialog(QDialog):
    """What the import would do: the cases to add, the 文号 already here (skipped, never
    overwritten), how scores are attributed, warnings. Accepting it starts the import."""

    def __init__(self, file_name: str, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        todo = [case for case in plan.cases if not case.exists]
        doc_nos = [case.doc_no for case in plan.cases]
        self.to_import = len(todo)
        self.skip_existing = bool(plan.existing)
        self.ui.fileLabel.setText(self.tr("文件：%1").replace("%1", file_name))
        if todo:
            summary = self.tr("将导入 %1 件案件。导入前已检查全部内容，尚未写入任何数据。").replace(
                "%1", str(len(todo))
            )
        else:
            summary = self.tr("文件中的案件在本库中都已存在，没有可导入的案件。")
        self.ui.summaryLabel.setText(f"<b>{summary}</b>")
        self._fill_cases(todo)
        self.ui.casesTree.setVisible(bool(todo))

        existing = plan.existing
        self.ui.existingBox.setVisible(bool(existing))
        if existing:
            self.ui.existingLabel.setText(
                self.tr(
                    "这 %1 件案件的文号在本库中已经存在。导入从不覆盖已有案件：它们将被跳过，只导入其余案件。"
                ).replace("%1", str(len(existing)))
            )
            self.ui.existingList.addItems(existing[:CASES_SHOWN])
            if len(existing) > CASES_SHOWN:
                more = QListWidgetItem(
                    self.tr("……另有 %1 件").replace("%1", str(len(existing) - CASES_SHOWN))
                )
                self.ui.existingList.addItem(more)

        notes = self._notes(plan, todo, doc_nos)
        self.ui.notesBox.setVisible(bool(notes))
        self.ui.notesEdit.setPlainText("\n\n".join(notes))

        buttons = self.ui.buttonBox
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton | None = None
        if todo:
            text = (
                self.tr("跳过已有案件，导入其余 %1 件") if existing else self.tr("导入 %1 件案件")
            ).replace("%1", str(len(todo)))
            self.import_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
            cancel.setText(self.tr("取消"))
        else:
            cancel.setText(self.tr("关闭"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _fill_cases(self, todo: Sequence[PlannedCase]) -> None:
        tree = self.ui.casesTree
        items = []
        for case in todo[:CASES_SHOWN]:
            members = len(case.linked_members) + len(case.members_by_name)
            if not members:
                scored = self.tr("无")
            elif case.members_by_name:
                scored = (
                    self.tr("%1 位，其中 %2 位按姓名保留")
                    .replace("%1", str(members))
                    .replace("%2", str(len(case.members_by_name)))
                )
            else:
                scored = self.tr("%1 位，均为本库委员").replace("%1", str(members))
            decided = self.tr("有（记为导入的认定记录）") if case.has_decision else self.tr("无")
            items.append(QTreeWidgetItem([case.doc_no, scored, decided]))
        if len(todo) > CASES_SHOWN:
            more = QTreeWidgetItem([self.tr("……另有 %1 件").replace("%1", str(len(todo) - CASES_SHOWN))])
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(more)
        tree.addTopLevelItems(items)
        metrics = tree.fontMetrics()
        tree.header().resizeSection(0, metrics.horizontalAdvance("容错〔2026〕1234号") + 24)
        tree.header().resizeSection(1, metrics.horizontalAdvance(self.tr("%1 位，其中 %2 位按姓名保留")) + 24)

    def _notes(self, plan: ImportPlan, todo: Sequence[PlannedCase], doc_nos: Sequence[str]) -> list[str]:
        notes: list[str] = []
        linked = list(dict.fromkeys(n for c in todo for n in c.linked_members))
        by_name = list(dict.fromkeys(n for c in todo for n in c.members_by_name))
        decided = sum(1 for c in todo if c.has_decision)
        if by_name:
            notes.append(
                self.tr(
                    "本库没有这些委员的账户：%1。他们的评分和回避按文件中的原记录保留并注明姓名，"
                    "照常计入研判，但本库中无人能修改。"
                ).replace("%1", "、".join(by_name))
            )
        if linked:
            notes.append(
                self.tr("评分归属本库的委员账户，并把他们列入这些案件的委员名单：%1。").replace(
                    "%1", "、".join(linked)
                )
            )
        if decided:
            notes.append(
                self.tr(
                    "%1 件案件带有认定结论：按原样导入，记为导入的认定记录"
                    "（注明记录人和时间），并记入审计记录。"
                ).replace("%1", str(decided))
            )
        notes += grouped_notes(plan.warnings, doc_nos)
        return notes
