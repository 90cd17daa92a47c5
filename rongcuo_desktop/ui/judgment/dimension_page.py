"""One dimension of the scoring dialog: the rulebook's guiding questions, the five levels each with its
descriptor (a member chooses a description, not a bare number), and the reason for the choice.

Keyboard: 1-5 choose a level (and move on to the reason), arrows move between levels, Tab leaves the
reason for the next dimension (`tab_out`), Shift+Tab goes back.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.committee import rationale_required
from rongcuo_desktop.domain.rulebook import Dimension


class _Descriptor(QLabel):
    """A level's description; a click chooses the level beside it."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _LevelRadio(QRadioButton):
    """Tab and Shift+Tab leave through signals instead of Qt's focus chain (which would skip the
    hidden pages of the other dimensions). Subclasses, not event filters: a filter's Python object was
    asked about its children's last events while the page itself was being destroyed."""

    backtab = Signal()
    tab = Signal()

    def focusNextPrevChild(self, forward: bool) -> bool:
        (self.tab if forward else self.backtab).emit()
        return True


class _Reason(QPlainTextEdit):
    backtab = Signal()
    tab = Signal()

    def focusNextPrevChild(self, forward: bool) -> bool:
        (self.tab if forward else self.backtab).emit()
        return True


LEVEL_KEYS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
}


class DimensionPage(QWidget):
    changed = Signal()  # a level chosen or the reason edited
    tab_out = Signal(bool)  # Tab (True) out of the reason, Shift+Tab (False) out of the levels

    def __init__(self, dimension: Dimension, index: int, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dimension = dimension
        self.setObjectName(f"dimensionPage_{dimension.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(
            self.tr("%1（第 %2 项，共 %3 项）")
            .replace("%1", dimension.name)
            .replace("%2", str(index))
            .replace("%3", str(count))
        )
        self.title.setObjectName("dimensionTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")  # the app sheet sizes every label
        layout.addWidget(self.title)
        questions = "\n".join(f"{q.text}（{q.citation.label()}）" for q in dimension.questions)
        self.questions = QLabel(self.tr("引导问题：") + "\n" + questions if questions else "")
        self.questions.setObjectName("questionsLabel")
        self.questions.setWordWrap(True)
        self.questions.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.questions)

        box = QGroupBox(self.tr("等级（按数字键 1–5 选择）"))
        box.setObjectName("levelsBox")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.radios: list[QRadioButton] = []
        self.descriptors: list[QLabel] = []
        for level in range(1, 6):
            radio = _LevelRadio(self.tr("%1 级").replace("%1", str(level)))
            radio.setObjectName(f"level{level}Radio")
            radio.tab.connect(self.focus_reason)
            radio.backtab.connect(lambda: self.tab_out.emit(False))
            label = _Descriptor(dimension.descriptor(level))
            label.setObjectName(f"level{level}Descriptor")
            label.setWordWrap(True)
            label.clicked.connect(functools.partial(self._clicked, level))
            self.group.addButton(radio, level)
            grid.addWidget(radio, level - 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, level - 1, 1)
            self.radios.append(radio)
            self.descriptors.append(label)
        self.group.idToggled.connect(self._toggled)
        layout.addWidget(box)

        self.rationale_label = QLabel()
        self.rationale_label.setObjectName("rationaleLabel")
        self.rationale_label.setWordWrap(True)
        layout.addWidget(self.rationale_label)
        self.rationale = _Reason()
        self.rationale.setObjectName("rationaleEdit")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(90)
        self.rationale.tab.connect(lambda: self.tab_out.emit(True))
        self.rationale.backtab.connect(self.focus_levels)
        self.rationale.textChanged.connect(self.changed)
        self.rationale_label.setBuddy(self.rationale)
        layout.addWidget(self.rationale)
        layout.addStretch(1)
        self._say_rationale()

    # -- the value -------------------------------------------------------------------------------

    def level(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_level(self, level: int | None) -> None:
        if level is None:
            self.group.setExclusive(False)
            for radio in self.radios:
                radio.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.radios[level - 1].setChecked(True)

    def reason(self) -> str:
        return self.rationale.toPlainText()

    def set_reason(self, text: str) -> None:
        self.rationale.setPlainText(text)

    def focus_levels(self) -> None:
        level = self.level()
        self.radios[(level or 1) - 1].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_reason(self) -> None:
        self.rationale.setFocus(Qt.FocusReason.TabFocusReason)

    # -- behaviour -------------------------------------------------------------------------------

    def _toggled(self, _level: int, checked: bool) -> None:
        if checked:
            self._say_rationale()
            self.changed.emit()

    def _say_rationale(self) -> None:
        level = self.level()
        if level is not None and rationale_required(level):
            text = self.tr("理由（评为 %1 级，必须写明理由）：").replace("%1", str(level))
        else:
            text = self.tr("理由（评为 1 级或 5 级时必填，其他等级可写可不写）：")
        self.rationale_label.setText(text)

    def choose(self, level: int) -> None:
        """A level by key: chosen, and the reason is next."""
        self.set_level(level)
        self.focus_reason()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        level = LEVEL_KEYS.get(Qt.Key(event.key()))
        if level is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.choose(level)
            event.accept()
            return
        super().keyPressEvent(event)

    def _clicked(self, level: int) -> None:
        self.radios[level - 1].setChecked(True)
        self.radios[level - 1].setFocus(Qt.FocusReason.MouseFocusReason)
