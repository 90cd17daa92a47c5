"""The audience window: what the projector shows during a hearing.

It is a window of its own (never the main window, never its case list) and it holds nothing but a
HearingView, the projector-safe plain record built in domain.hearing: it cannot show what it never
receives. Section by section (ui/hearing/slides.py), in the projector theme (resources/themes/
projector.qss: high contrast, body text 28 px at 1024x768, larger on larger screens); B and W cover
it black or white. The presenter console drives it; the keys a clicker sends work here too.
"""

from __future__ import annotations

import dataclasses
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from rongcuo_desktop.domain.hearing import HearingView, Section
from rongcuo_desktop.paths import themes_dir
from rongcuo_desktop.ui.hearing import slides as slide_kit
from rongcuo_desktop.ui.hearing.slides import Sizes, Slide


class Blank(Enum):
    NONE = ""
    BLACK = "black"
    WHITE = "white"


def projector_sheet(sizes: Sizes) -> str:
    sheet = (themes_dir() / "projector.qss").read_text(encoding="utf-8")
    for token, value in sizes.tokens().items():
        sheet = sheet.replace(token, str(value))
    return sheet


class AudienceWindow(QWidget):
    closed = Signal()
    rebuilt = Signal()  # the slides were laid out again (a new size: a section may have more pages)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("听证投屏"))
        self.view: HearingView | None = None
        self.slides: list[Slide] = []
        self.index = 0
        self.blank = Blank.NONE
        self._built_for: tuple[int, int] | None = None
        self.sizes = Sizes.of(1024, 768)
        outer = QVBoxLayout(self)
        self.outer = outer
        self.case_line = QLabel()
        self.case_line.setObjectName("caseLine")
        self.case_line.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.case_line)
        self.section_title = QLabel()
        self.section_title.setObjectName("sectionTitle")
        self.section_title.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.section_title)
        self.stack = QStackedWidget()
        self.stack.setObjectName("slideStack")
        # The slides are laid out for the window's size and built again when it changes: they must
        # not hold the window at its old size (a window back from a 1920x1080 projector would stay
        # 1920 pixels wide on a 1024x768 screen).
        self.stack.setMinimumSize(1, 1)
        outer.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        self.page_line = QLabel()
        self.page_line.setObjectName("pageLine")
        footer.addWidget(self.page_line)
        footer.addStretch(1)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timerLabel")
        footer.addWidget(self.timer_label)
        outer.addLayout(footer)
        self.cover = QFrame(self)
        self.cover.setObjectName("blankCover")
        self.cover.hide()
        self._apply_sizes(Sizes.of(1024, 768))

    # -- the view --------------------------------------------------------------------------------

    def set_view(self, view: HearingView) -> None:
        """Show `view`. Only the ballot count changed (a ballot arrived): that label is updated in
        place; anything else rebuilds the slides, keeping the section and page shown."""
        old = self.view
        self.view = view
        if old is not None and self.slides and _only_counts_changed(old, view):
            for slide in self.slides:
                if slide.counter is not None and slide.caption is not None:
                    slide.counter.setText(f"{view.submitted} / {view.expected}")
                    slide.caption.setText(slide_kit.ballots_caption(view))
            return
        self.rebuild()

    def position(self) -> tuple[Section, int]:
        """The section shown and the page within it."""
        if not self.slides:
            return Section.SUMMARY, 0
        section = self.slides[self.index].section
        first = next(i for i, s in enumerate(self.slides) if s.section is section)
        return section, self.index - first

    def rebuild(self) -> None:
        view = self.view
        if view is None:
            return
        section, page = self.position()
        sizes = Sizes.of(self.width(), self.height())
        self._apply_sizes(sizes)
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        # The room a slide has: the stack's, once the header and the footer are laid out at these
        # sizes (their labels are filled first, so their heights are the real ones).
        self.case_line.setText(self._case_text(view))
        self.section_title.setText(Section.SUMMARY.label)
        self.page_line.setText(" ")
        self.ensurePolished()
        for label in (self.case_line, self.section_title, self.page_line, self.timer_label):
            label.ensurePolished()
        self.outer.activate()
        margins = self.outer.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.stack.height()
        if height < 100 or not self.isVisible():
            height = self.height() - margins.top() - margins.bottom() - self._chrome_height(sizes)
        self.slides = slide_kit.build(view, max(200, width), max(200, height), sizes)
        for slide in self.slides:
            self.stack.addWidget(slide.widget)
        # Built while hidden, the room was estimated: the first show measures it and builds again.
        self._built_for = (self.width(), self.height()) if self.isVisible() else None
        self.go_to(section, page)
        self.rebuilt.emit()

    def _case_text(self, view: HearingView) -> str:
        return (
            self.tr("%1　%2　当事人：%3")
            .replace("%1", view.doc_no)
            .replace("%2", view.case_type)
            .replace("%3", view.masked_name)
        )

    def _chrome_height(self, sizes: Sizes) -> int:
        """The header and the footer around a slide, measured at these sizes (for the pagination)."""
        spacing = self.outer.spacing()
        head = round(sizes.title * 1.45) + round(sizes.head * 1.45) + sizes.rule + 8
        foot = round(sizes.small * 1.5)
        return head + foot + 3 * spacing + round(sizes.body * 0.6)

    def _apply_sizes(self, sizes: Sizes) -> None:
        if sizes == self.sizes and self.styleSheet():
            return
        self.sizes = sizes
        self.outer.setContentsMargins(
            sizes.margin, round(sizes.margin * 0.6), sizes.margin, round(sizes.margin * 0.5)
        )
        self.outer.setSpacing(round(sizes.body * 0.4))
        self.setStyleSheet(projector_sheet(sizes))

    # -- moving ----------------------------------------------------------------------------------

    def go_to(self, section: Section, page: int = 0) -> None:
        indexes = [i for i, s in enumerate(self.slides) if s.section is section]
        if not indexes:
            return
        self.show_slide(indexes[min(max(page, 0), len(indexes) - 1)])

    def show_slide(self, index: int) -> None:
        if not self.slides:
            return
        self.index = min(max(index, 0), len(self.slides) - 1)
        slide = self.slides[self.index]
        self.stack.setCurrentIndex(self.index)
        self.section_title.setText(slide.title)
        same = [i for i, s in enumerate(self.slides) if s.section is slide.section]
        number = list(SECTION_ORDER).index(slide.section) + 1
        text = (
            self.tr("第 %1 部分（共 %2 部分）")
            .replace("%1", str(number))
            .replace("%2", str(len(SECTION_ORDER)))
        )
        if len(same) > 1:
            text += (
                self.tr("　本部分第 %1/%2 页")
                .replace("%1", str(same.index(self.index) + 1))
                .replace("%2", str(len(same)))
            )
        self.page_line.setText(text)

    def next(self) -> bool:
        if self.index + 1 < len(self.slides):
            self.show_slide(self.index + 1)
            return True
        return False

    def previous(self) -> bool:
        if self.index > 0:
            self.show_slide(self.index - 1)
            return True
        return False

    def set_blank(self, blank: Blank) -> None:
        self.blank = blank
        self.cover.setProperty("shade", blank.value)
        self.cover.style().unpolish(self.cover)
        self.cover.style().polish(self.cover)
        self.cover.setGeometry(self.rect())
        self.cover.setVisible(blank is not Blank.NONE)
        self.cover.raise_()

    def set_timer_text(self, text: str) -> None:
        self.timer_label.setText(self.tr("计时 %1").replace("%1", text) if text else "")

    # -- Qt --------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.cover.setGeometry(self.rect())
        if self.view is not None and self._built_for != (self.width(), self.height()):
            self.rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is not None and self._built_for != (self.width(), self.height()):
            self.rebuild()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


SECTION_ORDER = tuple(Section)


def _only_counts_changed(old: HearingView, new: HearingView) -> bool:
    return dataclasses.replace(old, submitted=0, expected=0) == dataclasses.replace(
        new, submitted=0, expected=0
    )
